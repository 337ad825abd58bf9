"""The server guard on its own: which Host names pass, when a token is needed, what a response carries."""

from __future__ import annotations

import asyncio
from urllib.parse import urljoin, urlsplit

import pytest

from app.server import Guard, Site


async def inner_app(scope, receive, send) -> None:
    """Stands in for Flet's app: answers like its CustomHeadersMiddleware does."""
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"access-control-allow-origin", b"*"),
                            (b"access-control-allow-credentials", b"true"),
                            (b"cross-origin-opener-policy", b"same-origin")]})
    await send({"type": "http.response.body", "body": b"app"})


def request(site: Site, path: str = "/", host: str | None = None, query: str = "", cookie: str = ""):
    """One HTTP GET through the guard; returns (status, headers as a dict of lists)."""
    sent: list[dict] = []
    headers = [(b"host", (host or f"127.0.0.1:{site.port}").encode())]
    headers += [(b"cookie", cookie.encode())] if cookie else []
    scope = {"type": "http", "method": "GET", "path": path, "query_string": query.encode(),
             "headers": headers}

    async def send(message) -> None:
        sent.append(message)

    asyncio.run(Guard(inner_app, site)(scope, None, send))
    found: dict[str, list[str]] = {}
    for k, v in sent[0]["headers"]:
        found.setdefault(k.decode().lower(), []).append(v.decode())
    return sent[0]["status"], found


@pytest.mark.parametrize("host", ["127.0.0.1:8550", "localhost:8550", "LOCALHOST:8550", "[::1]:8550"])
def test_loopback_answers_to_its_own_names(host):
    assert Site("127.0.0.1", 8550).accepts_host(host)


@pytest.mark.parametrize("host", ["evil.example:8550", "127.0.0.1:8551", "127.0.0.1", "localhost.:8550",
                                  "[::1]x:8550", "127.0.0.1:8550@evil.example", ""])
def test_loopback_refuses_other_names_and_ports(host):
    assert not Site("127.0.0.1", 8550).accepts_host(host)


def test_port_80_may_be_left_out_of_the_host():
    assert Site("127.0.0.1", 80).accepts_host("localhost")


def test_bound_to_every_interface_any_address_passes_but_no_other_name():
    site = Site("0.0.0.0", 8550, "t")
    assert site.accepts_host("192.168.1.20:8550") and site.accepts_host("[fe80::1]:8550")
    assert not site.accepts_host("evil.example:8550")


def test_a_token_is_made_only_off_loopback():
    assert Site.for_host("127.0.0.1", 8550).token is None
    assert Site.for_host("localhost", 8550).token is None
    first, second = Site.for_host("0.0.0.0", 8550), Site.for_host("0.0.0.0", 8550)
    assert first.token and second.token and first.token != second.token
    assert f"?token={first.token}" in first.url


def test_responses_grant_no_cross_origin_access_and_carry_the_safety_headers():
    status, headers = request(Site("127.0.0.1", 8550))
    assert status == 200
    assert not [k for k in headers if k.startswith("access-control-")]
    assert headers["cross-origin-opener-policy"] == ["same-origin"]  # Flet's own isolation header stays
    assert headers["x-content-type-options"] == ["nosniff"]
    assert headers["referrer-policy"] == ["no-referrer"]


def test_the_token_link_sets_the_cookie_and_keeps_the_page_asked_for():
    site = Site("192.168.1.20", 8550, "secret")
    status, headers = request(site, "/log", host="192.168.1.20:8550", query="token=secret&tab=2")
    assert status == 303
    assert headers["location"] == ["/log?tab=2"]
    # Lax: a token link tapped in another app or page must arrive with its cookie; still not readable by JS.
    assert headers["set-cookie"] == [f"{site.cookie}=secret; Path=/; HttpOnly; SameSite=Lax"]
    assert request(site, "/log", host="192.168.1.20:8550", cookie=f"{site.cookie}=secret")[0] == 200
    assert request(site, "/log", host="192.168.1.20:8550", cookie=f"{site.cookie}=guess")[0] == 403


def as_a_browser_reads(location: str) -> str:
    """Browsers drop tabs and newlines from a URL, read a backslash as a slash, and skip the extra
    slashes after '//' (WHATWG URL, for http)."""
    url = location.translate({9: None, 10: None, 13: None}).replace("\\", "/")
    return "//" + url.lstrip("/") if url.startswith("//") else url


@pytest.mark.parametrize("path", ["//evil.example/x", "///evil.example/x", "/\\evil.example/x",
                                  "/\\/evil.example/x", "//evil.example", "/\t/evil.example/x"])
def test_the_token_link_never_sends_the_browser_to_another_site(path):
    site = Site("192.168.1.20", 8550, "secret")
    status, headers = request(site, path, host="192.168.1.20:8550", query="token=secret&tab=2")
    assert status == 303
    landed = urljoin("http://192.168.1.20:8550/", as_a_browser_reads(headers["location"][0]))
    assert urlsplit(landed).netloc == "192.168.1.20:8550", landed
    assert landed.endswith("?tab=2")


def test_fastapis_generated_api_pages_are_not_served():
    for path in ("/docs", "/redoc", "/openapi.json", "/_v/0123abcd/docs", "/_v/x/openapi.json"):
        assert request(Site("127.0.0.1", 8550), path)[0] == 404


def test_a_foreign_websocket_is_closed_before_the_app_sees_it():
    seen: list[str] = []
    sent: list[dict] = []

    async def app(scope, receive, send) -> None:
        seen.append(scope["type"])

    async def receive():
        return {"type": "websocket.connect"}

    async def send(message) -> None:
        sent.append(message)

    scope = {"type": "websocket", "path": "/ws", "query_string": b"",
             "headers": [(b"host", b"127.0.0.1:8550"), (b"origin", b"http://127.0.0.1:8550.evil.example")]}
    asyncio.run(Guard(app, Site("127.0.0.1", 8550))(scope, receive, send))
    assert seen == [] and sent[0]["type"] == "websocket.close"
