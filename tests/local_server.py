"""An HTTP server on 127.0.0.1 in the test process, serving what each test routes to it:
no test's URL leaves the machine (the `server` fixture, in conftest.py)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]


class Server:
    """Routes by path; records every request (path and headers)."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        server = self

        class Handle(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with server.lock:
                    server.log.append((self.path, dict(self.headers)))
                # The client may hang up, as it should on a bomb or a huge body.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    server.routes.get(self.path, not_found)(self)

            def log_message(self, *args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handle)
        self.http.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"

    def requests(self, path: str) -> list[dict[str, str]]:
        return [headers for logged, headers in self.log if logged == path]


def send(status: int, body: bytes = b"", **headers: str) -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name.replace("_", "-"), value)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handle


def not_found(request: BaseHTTPRequestHandler) -> None:
    send(404)(request)
