"""The served app cannot be stalled: a huge header, a request that never ends, a crowd of them."""

from __future__ import annotations

import contextlib
import resource
import select
import socket
import threading
import time

import msgpack
import pytest
import uvicorn

from app.server_limits import MAX_WAITING, REQUEST_TIMEOUT, LimitedH11Protocol
from tests.browser import AppServer, free_port

pytestmark = pytest.mark.xdist_group("server-limits")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with AppServer(tmp_path_factory.mktemp("data")) as srv:
        yield srv


def connect(srv: AppServer, timeout: float = 5) -> socket.socket:
    return socket.create_connection(("127.0.0.1", srv.port), timeout=timeout)


def head_of(srv: AppServer, path: str = "/") -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n".encode()


def status_line(sock: socket.socket, deadline: float) -> bytes | None:
    """The response's first line, b'' if the server closed without one, None if nothing by the deadline."""
    got = b""
    while b"\r\n" not in got:
        sock.settimeout(max(deadline - time.monotonic(), 0.001))
        try:
            chunk = sock.recv(4096)
        except TimeoutError:
            return None
        except ConnectionResetError:
            break
        if not chunk:
            break
        got += chunk
    return got.split(b"\r\n")[0]


def visit(srv: AppServer) -> tuple[bytes, float]:
    """Another visitor asks for the page: (status line, seconds it took)."""
    t0 = time.monotonic()
    with connect(srv) as sock:
        sock.sendall(head_of(srv) + b"\r\n")
        return status_line(sock, t0 + 5), time.monotonic() - t0


def test_a_64_mb_header_is_refused_within_a_second_and_others_are_still_served(server):
    sent = threading.Event()

    def pour(sock: socket.socket) -> None:
        piece = b"a" * (1 << 20)
        with contextlib.suppress(OSError):  # the server may close once it has answered
            for i in range(64):
                sock.sendall(piece)
                if i == 8:
                    sent.set()
        sent.set()

    with connect(server) as sock:
        t0 = time.monotonic()
        sock.sendall(head_of(server) + b"X-Big: ")
        pourer = threading.Thread(target=pour, args=(sock,), daemon=True)
        pourer.start()
        line = status_line(sock, t0 + 1.0)
        took = time.monotonic() - t0
        assert sent.wait(5)
        other, other_took = visit(server)
        pourer.join(10)
    assert line is not None and line.startswith(b"HTTP/1.1 431"), f"no 431 within 1 s: {line}"
    assert took < 1.0
    assert other.startswith(b"HTTP/1.1 200") and other_took < 1.0, (other, other_took)


def test_headers_that_never_finish_are_answered_408_and_closed(server):
    with connect(server, timeout=REQUEST_TIMEOUT + 5) as sock:
        sock.sendall(head_of(server) + b"X-Slow: 1\r\n")
        t0 = time.monotonic()
        line = status_line(sock, t0 + REQUEST_TIMEOUT + 3)
        waited = time.monotonic() - t0
        assert line is not None, f"still open after {waited:.0f} s"
        assert line.startswith(b"HTTP/1.1 408")
        assert REQUEST_TIMEOUT - 1 < waited < REQUEST_TIMEOUT + 3
        sock.settimeout(3)
        with contextlib.suppress(ConnectionResetError):
            while sock.recv(4096):
                pass  # then it closes


def test_a_crowd_of_unfinished_requests_cannot_lock_a_visitor_out(tmp_path):
    crowd = MAX_WAITING + 150
    with AppServer(tmp_path) as srv:
        # Few files left to open: without a cap, this crowd alone would use them all up.
        resource.prlimit(srv.proc.pid, resource.RLIMIT_NOFILE, (MAX_WAITING + 100, MAX_WAITING + 100))
        socks = []
        try:
            for _ in range(crowd):
                sock = socket.socket()
                sock.settimeout(2)
                with contextlib.suppress(OSError):
                    sock.connect(("127.0.0.1", srv.port))
                    sock.sendall(head_of(srv))
                socks.append(sock)
            time.sleep(0.5)
            line, took = visit(srv)
        finally:
            for sock in socks:
                sock.close()
    assert line.startswith(b"HTTP/1.1 200") and took < 2, (line, took)


def test_a_websocket_session_outlives_the_request_deadline(server):
    from websockets.sync.client import connect as ws_connect

    with ws_connect(f"ws://127.0.0.1:{server.port}/ws", origin=f"http://127.0.0.1:{server.port}",
                    open_timeout=10) as ws:
        ws.send(b"\x00" + msgpack.packb([1, {"session_id": "", "page_name": "", "page": {"route": "/"}}]))
        ws.recv(timeout=30)  # registered
        deadline = time.monotonic() + REQUEST_TIMEOUT + 2
        while time.monotonic() < deadline:  # the app's own frames, then quiet; it must stay open
            with contextlib.suppress(TimeoutError):
                ws.recv(timeout=deadline - time.monotonic())
        ws.ping().wait(5)


class _Quick(LimitedH11Protocol):
    timeout, rate = 1.0, 20_000  # a second, then 20 kB/s: the real limits scaled down


async def _count_body(scope, receive, send) -> None:
    """Reads the whole body and answers its length: an upload route's part in this."""
    size, more = 0, True
    while more:
        message = await receive()
        size, more = size + len(message.get("body", b"")), message.get("more_body", False)
    body = str(size).encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


@contextlib.contextmanager
def _counting_server():
    server = uvicorn.Server(uvicorn.Config(_count_body, host="127.0.0.1", port=free_port(), http=_Quick,
                                           lifespan="off", log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield server.config.port
    finally:
        server.should_exit = True
        thread.join(5)


def _upload(port: int, size: int, chunk: int, pause: float) -> bytes:
    """Send a body of `size` bytes, `chunk` at a time with a pause between; the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"PUT /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {size}\r\n\r\n".encode())
        for _ in range(size // chunk):
            if select.select([sock], [], [], 0)[0]:
                break  # answered before the body was all sent: read the answer, send no more
            sock.sendall(b"x" * chunk)
            time.sleep(pause)
        got = b""
        with contextlib.suppress(OSError):
            while chunk_in := sock.recv(4096):
                got += chunk_in
                if got.startswith(b"HTTP/1.1 200") and got.endswith(str(size).encode()):
                    break
        return got


def test_a_slow_but_steady_upload_outlasts_the_request_deadline():
    with _counting_server() as port:  # 60 kB at 30 kB/s: two seconds, twice the deadline
        answer = _upload(port, 60_000, 3_000, 0.1)
    assert answer.startswith(b"HTTP/1.1 200") and answer.endswith(b"60000"), answer


def test_a_trickled_body_gains_nothing_and_is_cut_off_at_the_deadline():
    with _counting_server() as port:
        t0 = time.monotonic()
        answer = _upload(port, 10, 1, 0.3)  # a byte every 0.3 s: three seconds if it were let
        took = time.monotonic() - t0
    assert not answer.startswith(b"HTTP/1.1 200") and 1 <= took < 2, (answer, took)
