#!/usr/bin/env python3
"""Greeting client in the style of the Python socket tutorials.

Usage: python3 greeting_client.py [host] [port]      (default 127.0.0.1 6000)
Type a name and press Enter; 'exit' ends the conversation.
"""
import socket
import sys

HOST = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 6000

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    print(s.recv(1024).decode())  # welcome and prompt
    while True:
        try:
            name = input()
        except EOFError:
            break
        s.sendall(name.encode())
        reply = s.recv(1024).decode()
        print(reply)
        if not reply or name.strip().lower() == "exit":
            break
