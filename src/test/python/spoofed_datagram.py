"""Sends one UDP datagram over IPv4 loopback with a forged source port, as an attacker
would (a raw socket: root only). Exits 77 when raw sockets are not allowed.

usage: spoofed_datagram.py SOURCE_PORT DESTINATION_PORT PAYLOAD
"""
import socket
import struct
import sys

source_port, destination_port, payload = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode()
try:
    raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_UDP)
except PermissionError:
    print("raw sockets need root")
    sys.exit(77)
# A zero checksum means "none" on IPv4; the kernel writes the IP header.
header = struct.pack("!HHHH", source_port, destination_port, 8 + len(payload), 0)
raw.sendto(header + payload, ("127.0.0.1", 0))
print("sent")
