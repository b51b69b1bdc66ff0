"""A tiny threaded HTTP server on 127.0.0.1 for driving the real client libraries offline.

Each platform fake subclasses :class:`FakeAPI` and registers routes. The server logs every
request (method, path, query) so tests can assert that no page was fetched twice, and takes a
queue of scripted faults (status, headers, body, a dropped connection, or an answer cut off
mid-body) to inject. Each logged request records the status it was answered with (0 when the
connection was dropped or cut), so tests can tell a page served from a page refused.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    status: int | None = None  # what it was answered with; 0: dropped or cut off mid-body

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default

    def json(self) -> Any:
        return json.loads(self.body or b"{}")


@dataclass
class Response:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    drop: bool = False  # close the connection without an answer
    delay: float = 0.0  # seconds to wait before answering (a slow page, a kill mid-request)
    cut: bool = False  # send the headers and half the body, then close the connection


@dataclass
class Fault:
    """Answer the next request matching ``path_pattern`` with ``response`` instead."""

    path_pattern: str
    response: Response
    times: int = 1
    skip: int = 0


Handler = Callable[[Request, re.Match[str]], Response]


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up mid-answer (a test killing a crawl) is expected here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class FakeAPI:
    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Handler]] = []
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self.holds: list[Fault] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---- set-up -------------------------------------------------------------------------

    def route(self, method: str, pattern: str, handler: Handler) -> None:
        self.routes.append((method, re.compile(pattern + r"$"), handler))

    def inject(
        self, path_pattern: str, response: Response, times: int = 1, *, after: int = 0
    ) -> None:
        """Answer the ``times`` matching requests that come after the first ``after`` ones
        with ``response``."""
        with self._lock:
            self.faults.append(Fault(path_pattern, response, times, skip=after))

    def hold(self, path_pattern: str, seconds: float, *, after: int = 0, times: int = 1) -> None:
        """Answer matching requests normally but ``seconds`` late: the ``times`` requests
        that come after the first ``after`` matching ones."""
        with self._lock:
            self.holds.append(Fault(path_pattern, Response(delay=seconds), times, skip=after))

    def cut(self, path_pattern: str, *, after: int = 0, times: int = 1) -> None:
        """Answer matching requests normally, but hang up after half the body (a connection
        reset mid-response): the ``times`` requests after the first ``after`` matching ones."""
        with self._lock:
            self.holds.append(Fault(path_pattern, Response(cut=True), times, skip=after))

    def start(self) -> str:
        api = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(
                    self.command,
                    parts.path,
                    parse_qs(parts.query, keep_blank_values=True),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
                response = api.dispatch(request)
                if response.delay:
                    time.sleep(response.delay)
                if response.drop:
                    self._hang_up()
                    return
                payload = response.raw
                if payload is None:
                    payload = b"" if response.body is None else json.dumps(response.body).encode()
                self.send_response(response.status)
                headers = {"Content-Type": "application/json; charset=utf-8", **response.headers}
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if response.cut:
                    self.wfile.write(payload[: len(payload) // 2])
                    self._hang_up()
                    return
                self.wfile.write(payload)

            def _hang_up(self) -> None:
                self.close_connection = True
                self.wfile.flush()
                self.connection.shutdown(2)

            do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _serve

        self._server = _QuietServer(("127.0.0.1", 0), _Handler)
        # Without TCP_NODELAY, Nagle's algorithm holds each small response ~40 ms.
        _Handler.disable_nagle_algorithm = True
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # ---- serving ------------------------------------------------------------------------

    def dispatch(self, request: Request) -> Response:
        response = self._answer(request)
        request.status = 0 if response.drop or response.cut else response.status
        return response

    def _answer(self, request: Request) -> Response:
        delay, cut = 0.0, False
        with self._lock:
            self.requests.append(request)
            for fault in self._due(self.faults, request, first_only=True):
                return fault.response
            for hold in self._due(self.holds, request):
                delay = max(delay, hold.response.delay)
                cut = cut or hold.response.cut
        for method, pattern, handler in self.routes:
            if method == request.method and (match := pattern.match(request.path)):
                response = handler(request, match)
                response.delay, response.cut = delay, cut
                return response
        return Response(404, {"error": "Not found", "path": request.path})

    @staticmethod
    def _due(faults: list[Fault], request: Request, first_only: bool = False) -> list[Fault]:
        """The scripted faults this request triggers; every matching one not yet due counts
        it against its ``skip``. A request gets one injected answer (the earliest scripted),
        but every due hold or cut."""
        due: list[Fault] = []
        for fault in faults:
            if fault.times <= 0 or not re.search(fault.path_pattern, request.path):
                continue
            if fault.skip > 0:
                fault.skip -= 1
            elif not (first_only and due):
                fault.times -= 1
                due.append(fault)
        return due

    def calls(self, path_pattern: str = "") -> list[Request]:
        with self._lock:
            return [r for r in self.requests if re.search(path_pattern, r.path)]

    def __enter__(self) -> FakeAPI:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def fetch_all(fetch: Callable[[str, str | None], Any], subject: str) -> tuple[list, int]:
    """Every item of a paged listing through a platform method, and how many pages it took."""
    cursor, items, pages = None, [], 0
    while True:
        page = fetch(subject, cursor)
        items += page.items
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            return items, pages
