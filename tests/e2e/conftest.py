"""Serve `python main.py` on a free port with its own storage, and open it on a phone."""

from __future__ import annotations

import pytest

from tests.browser import AppServer as Server
from tests.browser import enable_semantics, finger, phone_browser, reveal, shot, text  # noqa: F401 - e2e tests import these here

OPENED = "window.__opened = []; window.open = (u) => { window.__opened.push(String(u)); return null; };"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("data"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser_context():
    with phone_browser() as (context, guard):
        context.add_init_script(OPENED)
        yield context, guard
        assert guard.unexpected == [], f"requests left 127.0.0.1: {guard.unexpected}"


def open_app(context, url: str):
    page = context.new_page()
    page.goto(url)
    enable_semantics(page)
    page.get_by_role("button", name="SOS", exact=True).wait_for(timeout=60_000)
    return page


@pytest.fixture
def app(server, browser_context):
    context, _ = browser_context
    page = open_app(context, server.url)
    yield page
    page.close()


def swipe(page, dx: int, y: int = 400, x: int = 300) -> None:
    """Drag a finger horizontally: PageView only follows touch, not the mouse."""
    finger(page, (x, y), (x + dx, y))
