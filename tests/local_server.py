"""An HTTP server on 127.0.0.1 in the test process, serving what each test routes to it:
no test's URL leaves the machine (the `server` fixture, in conftest.py)."""

from __future__ import annotations

import contextlib
import ssl
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Handler = Callable[[BaseHTTPRequestHandler], None]
CERTIFICATE = Path(__file__).with_name("data") / "localhost.pem"  # self-signed for 127.0.0.1, to 2126


class Server:
    """Routes by path; records every request (path and headers) and counts connections.

    `keep_alive` answers HTTP/1.1 and keeps connections open between requests, as most servers
    do; `tls` serves HTTPS with tests/data/localhost.pem (SSL_CERT_FILE at it trusts it)."""

    def __init__(self, keep_alive: bool = False, tls: bool = False) -> None:
        self.routes: dict[str, Handler] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.connections = 0
        self.lock = threading.Lock()
        server = self

        class Handle(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if keep_alive else "HTTP/1.0"

            def setup(self) -> None:
                with server.lock:
                    server.connections += 1
                super().setup()

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
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(CERTIFICATE)
            self.http.socket = context.wrap_socket(self.http.socket, server_side=True)
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.http.server_address[1]}"

    def __enter__(self) -> Server:
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.shutdown()
        self.http.server_close()

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
