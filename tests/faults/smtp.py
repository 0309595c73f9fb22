"""A small SMTP server in a thread, for Django's real SMTP e-mail backend.

It speaks just enough SMTP for ``smtplib``: EHLO, MAIL, RCPT, DATA, RSET, NOOP,
QUIT. Set ``refusing`` to answer every connection ``554`` (a server that will
not take mail now), or name addresses in ``refused_recipients`` to refuse them
at ``RCPT`` with a ``451``. What it accepts is kept in ``received``.
"""

import email
import socketserver
import threading


class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        server = self.server
        if server.refusing:
            self.reply("554 5.3.2 Not accepting mail now")
            return
        self.reply("220 casebook-test ESMTP")
        recipients = []
        while line := self.rfile.readline():
            verb, _, argument = line.decode().strip().partition(" ")
            verb = verb.upper()
            if verb in {"EHLO", "HELO"}:
                self.reply("250 casebook-test")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                address = argument.partition(":")[2].strip("<> ")
                if address in server.refused_recipients:
                    self.reply(f"451 4.3.0 {address}: try again later")
                else:
                    recipients.append(address)
                    self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                self.receive(recipients)
                self.reply("250 OK queued")
            elif verb in {"RSET", "NOOP"}:
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")

    def receive(self, recipients):
        lines = []
        while (line := self.rfile.readline()) not in {b".\r\n", b""}:
            lines.append(line)
        with self.server.lock:
            self.server.received.append(
                (recipients, email.message_from_bytes(b"".join(lines)))
            )


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SMTPHandler)
        self.refusing = False
        self.refused_recipients = set()
        self.received = []
        self.lock = threading.Lock()

    @property
    def port(self):
        return self.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info):
        self.shutdown()
        self.server_close()
