#!/usr/bin/env python3
"""Length-prefixed echo client: each message goes out behind a 4-byte length header.

Usage: python3 length_prefixed_client.py [host] [port] [--little-endian]
       (default 127.0.0.1 8890, big-endian)

struct.pack('!i', n) writes the header big-endian (network order), which the default
echo-framed listener expects. struct.pack('i', n) uses the machine's order, little-endian
on x86: start Wharf with
  --wharf.listeners.echo-framed.framing.byte-order=little-endian
and pass --little-endian.
"""
import socket
import struct
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
HOST = args[0] if len(args) > 0 else "127.0.0.1"
PORT = int(args[1]) if len(args) > 1 else 8890
HEADER = "i" if "--little-endian" in sys.argv else "!i"


def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("server closed the connection")
        data += chunk
    return data


messages = [b"first", b"a second, longer message", b""]
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall(b"".join(struct.pack(HEADER, len(m)) + m for m in messages))
    for _ in messages:
        (length,) = struct.unpack(HEADER, recv_exactly(s, 4))
        print(f"Received {recv_exactly(s, length)!r}")
