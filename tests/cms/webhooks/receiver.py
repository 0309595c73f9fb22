"""A real HTTP server on loopback that receives webhooks as a front-end would.

It checks each request's signature with the verification code that
docs/webhooks.md gives front-end developers, and answers with the status codes
it is told to, in turn, optionally after a delay.
"""

import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DOCS = Path(__file__).resolve().parents[3] / "docs" / "webhooks.md"
PORTS = range(18200, 18300)
TAKEN = set()  # ports of receivers made in this process, listening or not yet


def docs_code(language):
    """The first ``language`` code block of docs/webhooks.md, as text."""
    match = re.search(rf"```{language}\n(.*?)```", DOCS.read_text(), re.DOTALL)
    return match[1]


def docs_verify():
    namespace = {}
    exec(docs_code("python"), namespace)  # noqa: S102  (our own documentation)
    return namespace["verify"]


def free_port():
    """A port of this test's range that nothing listens on."""
    for port in PORTS:
        if port in TAKEN:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            TAKEN.add(port)
            return port
    raise RuntimeError("No free port in 18200-18299.")


class Receiver:
    def __init__(self, secret, port=None):
        self.secret = secret
        self.port = port or free_port()
        self.answers = []  # status codes to give, in turn; 200 once they run out
        self.delay = 0.0
        self.location = None  # a Location header to answer with
        self.requests = []
        self.server = None
        self.verify = docs_verify()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                header = self.headers.get("X-Casebook-Signature", "")
                verified = receiver.verify(receiver.secret, body, header)
                receiver.requests.append(
                    {"headers": dict(self.headers), "body": body, "verified": verified}
                )
                time.sleep(receiver.delay)
                status = receiver.answers.pop(0) if receiver.answers else 200
                if not verified:
                    status = 401
                self.send_response(status)
                if receiver.location:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "21")
                self.end_headers()
                self.wfile.write(b"secret receiver words")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None
        TAKEN.discard(self.port)
