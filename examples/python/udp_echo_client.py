#!/usr/bin/env python3
"""UDP echo client: one datagram out, the same datagram back.

Usage: python3 udp_echo_client.py [host] [port]      (default 127.0.0.1 8888)
"""
import socket
import sys

HOST = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 8888

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    s.settimeout(5)
    s.sendto(b"Hello, UDP", (HOST, PORT))
    data, server = s.recvfrom(65535)

print(f"Received {data!r}")
