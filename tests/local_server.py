"""An HTTP server on 127.0.0.1 in the test process, serving what each test routes to it:
no test's URL leaves the machine (the `server` fixture, in conftest.py)."""

from __future__ import annotations

import contextlib
import socket
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


class RawServer:
    """A TCP server on 127.0.0.1 whose handler writes every byte itself, with pauses: the servers
    that drip a header line, answer `100 Continue` forever, or close mid-body. Each connection
    runs `handler(connection, stop)` in a thread; `stop` is set when the test ends, so every
    pause is `stop.wait(seconds)` and returns early then. With `tls`, the socket speaks TLS with
    tests/data/localhost.pem (point SSL_CERT_FILE at it to trust it)."""

    def __init__(self, handler: Callable[[socket.socket, threading.Event], None], tls: bool = False) -> None:
        self.handler = handler
        self.stop = threading.Event()
        self.connections = 0
        self.accepted = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.context: ssl.SSLContext | None = None
        if tls:
            self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.context.load_cert_chain(CERTIFICATE)
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.listener.getsockname()[1]}"
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> RawServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.listener.close()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            self.accepted.set()
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        with contextlib.suppress(OSError), connection:
            if self.context is not None:
                connection = self.context.wrap_socket(connection, server_side=True)
            _read_request(connection)
            self.handler(connection, self.stop)


def _read_request(connection: socket.socket) -> bytes:
    """The request head (the client sends no body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(4096)
        if not chunk:
            break
        data += chunk
    return data


def drip(head: bytes, piece: bytes, every: float) -> Callable[[socket.socket, threading.Event], None]:
    """Send `head`, then `piece` every `every` seconds until the test ends."""

    def handler(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(head)
        while not stop.wait(every):
            connection.sendall(piece)

    return handler
