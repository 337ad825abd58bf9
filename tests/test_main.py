"""`python main.py` talks only to its own pages: Host, Origin and token, no wildcard CORS, quick stop."""

from __future__ import annotations

import http.client
import signal
import socket
import time
from urllib.parse import urlsplit

import pytest

import main
from tests.browser import AppServer

WS_KEY = "dGhlIHNhbXBsZSBub25jZQ=="  # RFC 6455's sample key; any 16 bytes in base64 do


def get(port: int, path: str = "/", host: str | None = None, cookie: str | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": host or f"127.0.0.1:{port}", **({"Cookie": cookie} if cookie else {})}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def handshake(port: int, host: str, origin: str | None, cookie: str | None = None) -> socket.socket:
    """Send a WebSocket upgrade for /ws as a forged client would; the socket is left open."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    lines = ["GET /ws HTTP/1.1", f"Host: {host}", "Upgrade: websocket", "Connection: Upgrade",
             f"Sec-WebSocket-Key: {WS_KEY}", "Sec-WebSocket-Version: 13"]
    lines += [f"Origin: {origin}"] * bool(origin) + [f"Cookie: {cookie}"] * bool(cookie)
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    return sock


def handshake_status(port: int, host: str, origin: str | None, cookie: str | None = None) -> int:
    with handshake(port, host, origin, cookie) as sock:
        return int(sock.recv(4096).split()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with AppServer(tmp_path_factory.mktemp("data")) as srv:
        yield srv


@pytest.fixture(scope="module")
def here(server) -> str:
    return f"127.0.0.1:{server.port}"


def test_a_page_from_another_site_cannot_open_the_session_socket(server, here):
    assert handshake_status(server.port, here, "https://evil.example") == 403
    assert handshake_status(server.port, here, None) == 403  # no Origin: not a page of ours either


def test_the_apps_own_page_opens_the_session_socket(server, here):
    assert handshake_status(server.port, here, f"http://{here}") == 101
    for name in ("localhost", "[::1]"):
        assert handshake_status(server.port, f"{name}:{server.port}", f"http://{name}:{server.port}") == 101


def test_a_rebinding_host_is_refused(server):
    evil = f"evil.example:{server.port}"
    assert get(server.port, "/", host=evil).status == 403
    assert get(server.port, "/main.dart.js", host=evil).status == 403
    assert handshake_status(server.port, evil, f"http://{evil}") == 403


def test_the_app_is_served_on_its_own_address(server, here):
    for name in (here, f"localhost:{server.port}"):
        assert get(server.port, "/", host=name).status == 200
    assert get(server.port, "/main.dart.js").status == 200


def test_no_cross_origin_access_is_granted(server):
    for path in ("/", "/main.dart.js", "/assets/FontManifest.json"):
        response = get(server.port, path)
        assert response.status == 200
        assert not [h for h, _ in response.getheaders() if h.lower().startswith("access-control-")], path


def test_pages_are_kept_on_the_machine_and_out_of_frames(server):
    headers = {k.lower(): v for k, v in get(server.port, "/").getheaders()}
    assert "default-src 'self'" in headers["content-security-policy"]  # no request to another host
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_sigterm_stops_the_server_with_a_session_socket_open(tmp_path):
    srv = AppServer(tmp_path)
    try:
        sock = handshake(srv.port, f"127.0.0.1:{srv.port}", f"http://127.0.0.1:{srv.port}")
        assert int(sock.recv(4096).split()[1]) == 101
        t0 = time.monotonic()
        srv.proc.send_signal(signal.SIGTERM)
        srv.proc.wait(timeout=5)
        assert time.monotonic() - t0 < 5
        sock.close()
    finally:
        srv.stop()


def test_sigint_stops_the_server_with_a_session_socket_open(tmp_path):
    srv = AppServer(tmp_path)
    try:
        with handshake(srv.port, f"127.0.0.1:{srv.port}", f"http://127.0.0.1:{srv.port}") as sock:
            assert int(sock.recv(4096).split()[1]) == 101
            srv.proc.send_signal(signal.SIGINT)
            srv.proc.wait(timeout=5)
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def lan_server(tmp_path_factory):
    """Bound to every interface, as `--host 0.0.0.0` for a phone on the same network."""
    with AppServer(tmp_path_factory.mktemp("lan"), args=("--host", "0.0.0.0")) as srv:
        line = srv.printed()
        assert "?token=" in line, f"no link with a token printed: {line!r}"
        yield srv, urlsplit(line[line.index("http"):])


def test_off_loopback_the_printed_link_is_needed(lan_server):
    srv, url = lan_server
    host = url.netloc
    assert get(srv.port, "/", host=host).status == 403
    assert get(srv.port, "/?token=wrong", host=host).status == 403
    assert handshake_status(srv.port, host, f"http://{host}") == 403


def test_off_loopback_the_printed_link_opens_the_app(lan_server):
    srv, url = lan_server
    host = url.netloc
    welcome = get(srv.port, f"/?{url.query}", host=host)
    assert welcome.status == 303 and welcome.getheader("location") == "/"
    cookie = welcome.getheader("set-cookie")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    cookie = cookie.split(";")[0]
    assert get(srv.port, "/", host=host, cookie=cookie).status == 200
    assert get(srv.port, "/main.dart.js", host=host, cookie=cookie).status == 200
    assert handshake_status(srv.port, host, f"http://{host}", cookie) == 101
    assert handshake_status(srv.port, host, "https://evil.example", cookie) == 403


def test_flet_server_variables_still_choose_the_address(monkeypatch):
    monkeypatch.setenv("FLET_SERVER_IP", "0.0.0.0")
    monkeypatch.setenv("FLET_SERVER_PORT", "9123")
    assert (main.parse_args([]).host, main.parse_args([]).port) == ("0.0.0.0", 9123)
    assert main.parse_args(["--host", "127.0.0.1", "--port", "8600"]).port == 8600
