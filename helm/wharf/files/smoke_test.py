"""helm test: a greeting conversation over TCP and an echo round trip over UDP, through the Service.

Environment: WHARF_TCP_HOST, WHARF_UDP_HOST, GREETING_PORT, ECHO_UDP_PORT (a part whose port is
unset is skipped), GREETING_PROMPT, GREETING_EXIT, TIMEOUT_SECONDS. Exits 1 on the first failure.
"""
import os
import socket
import sys

TIMEOUT = float(os.environ.get("TIMEOUT_SECONDS", "5"))
NAME = "helm-test"


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def read_until(sock, marker):
    """Reads until the data ends with marker; line framing adds a line break after it."""
    data = b""
    while not data.rstrip(b"\r\n").endswith(marker):
        chunk = sock.recv(4096)
        if not chunk:
            fail("connection closed after %r, waiting for %r" % (data, marker))
        data += chunk
    return data


def greeting(host, port, prompt, exit_word):
    with socket.create_connection((host, port), timeout=TIMEOUT) as s:
        welcome = read_until(s, prompt)
        print("greeting: %r" % welcome)
        s.sendall(NAME.encode() + b"\n")
        hello = read_until(s, prompt)
        if NAME.encode() not in hello:
            fail("the reply to a name does not contain it: %r" % hello)
        print("greeting: %r" % hello)
        s.sendall(exit_word.encode() + b"\n")
        farewell = b""
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            farewell += chunk
        if not farewell:
            fail("no farewell before the server closed the connection")
        print("greeting: %r, then closed" % farewell)


def udp_echo(host, port):
    payload = b"helm test \x00\xff datagram"
    family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)[0]
    for attempt in range(5):
        # A new socket (source port) per attempt: a stale conntrack entry may hold the old one.
        with socket.socket(family, socket.SOCK_DGRAM) as s:
            s.settimeout(TIMEOUT / 5)
            s.sendto(payload, address)
            try:
                reply, _ = s.recvfrom(65535)
            except socket.timeout:
                continue
        if reply != payload:
            fail("UDP echo sent %r, received %r" % (payload, reply))
        print("udp echo: %r (attempt %d)" % (reply, attempt + 1))
        return
    fail("no UDP echo from %s:%s in 5 attempts" % (host, port))


def main():
    ran = False
    if os.environ.get("GREETING_PORT"):
        greeting(os.environ["WHARF_TCP_HOST"], int(os.environ["GREETING_PORT"]),
                 os.environ.get("GREETING_PROMPT", "Server: What's your name").encode(),
                 os.environ.get("GREETING_EXIT", "exit"))
        ran = True
    if os.environ.get("ECHO_UDP_PORT"):
        udp_echo(os.environ["WHARF_UDP_HOST"], int(os.environ["ECHO_UDP_PORT"]))
        ran = True
    if not ran:
        fail("no TCP greeting and no UDP echo listener to test")
    print("OK")


if __name__ == "__main__":
    main()
