#!/usr/bin/env python3
"""TLS client with a client certificate, for a listener with ssl.client-auth: need.

Usage: python3 tls_client_cert_client.py host port ca-file client-cert client-key

Sends one line and prints the echo; the server refuses a client without a certificate
its trust store accepts.
"""
import socket
import ssl
import sys

HOST, PORT, CA, CERT, KEY = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]

context = ssl.create_default_context(cafile=CA)
context.load_cert_chain(certfile=CERT, keyfile=KEY)
with socket.create_connection((HOST, PORT)) as raw:
    with context.wrap_socket(raw, server_hostname=HOST) as s:
        s.sendall(b"Hello from a device\n")
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(1024)
            if not chunk:
                break
            data += chunk
        print(f"Received {data!r}")
