#!/usr/bin/env python3
"""TLS echo client: the tutorial's echo client, wrapped in Python's ssl module.

Usage: python3 tls_echo_client.py [host] [port] [ca-file]   (default 127.0.0.1 8443 ca.crt)

The CA file is the certificate of the authority that issued the server's certificate;
the client checks the server's certificate against it and its name against the host.
"""
import socket
import ssl
import sys

HOST = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 8443
CA = sys.argv[3] if len(sys.argv) > 3 else "ca.crt"

context = ssl.create_default_context(cafile=CA)
with socket.create_connection((HOST, PORT)) as raw:
    with context.wrap_socket(raw, server_hostname=HOST) as s:
        s.sendall(b"Hello, TLS")
        data = s.recv(1024)
        print(f"{s.version()} Received {data!r}")
