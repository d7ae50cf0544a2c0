"""A real HTTP receiver for the outbox's tests (webhooks, the SMS gateway), as aiosmtpd is for e-mail: a
ThreadingHTTPServer on a local port that records every request and answers with the statuses it is told to."""
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple


class Received(NamedTuple):
    method: str
    path: str
    headers: dict
    body: bytes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Receiver:
    """`answers`: the statuses of the next requests, in order (then 200); `reply`: the body of every answer."""

    def __init__(self, port: int | None = None, reply: str = '{"ok": true}'):
        self.port, self.reply = port or free_port(), reply
        self.received: list[Received] = []
        self.answers: list[int] = []
        self.before_answer = None  # called after a request is recorded, before it is answered (to hold it)
        self._server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def start(self) -> "Receiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                receiver.received.append(Received(self.command, self.path, dict(self.headers),
                                                  self.rfile.read(length)))
                if receiver.before_answer:
                    receiver.before_answer()
                status = receiver.answers.pop(0) if receiver.answers else 200
                body = receiver.reply.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender died meanwhile (the crash tests kill it on purpose)

            do_POST = do_GET = do_PUT = _answer

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
