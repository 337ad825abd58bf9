"""Helpers for the PWA tests: a stoppable static server and page probes."""

from __future__ import annotations

import functools
import http.server
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from browser import ARGS, CHROMIUM, PHONE, NetworkGuard, free_port, require_chromium

HERE = Path(__file__).resolve().parent
FIXTURE_APP = HERE / "fixture_app"
FIXTURE_CONTENT = HERE / "fixture_content"
BOOT_TIMEOUT = 120_000
# How the page was delivered, and when a service worker started for it (0: none was needed).
NAVIGATION = """() => { const n = performance.getEntriesByType('navigation')[0];
    return [n.deliveryType, n.workerStart]; }"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


class StaticServer:
    """Serves a folder on 127.0.0.1 at a free port until stopped."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = free_port()
        handler = functools.partial(_Quiet, directory=str(root))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        self.running = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        if self.running:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(timeout=10)
            self.running = False


def wait_controlled(page) -> None:
    """Wait until the service worker has precached the site and controls the page."""
    page.wait_for_function("() => !!navigator.serviceWorker.controller", timeout=BOOT_TIMEOUT)


def wait_app_ready(page) -> None:
    page.wait_for_function("() => document.documentElement.classList.contains('app-ready')",
                           timeout=BOOT_TIMEOUT)


def first_visit(context, server: StaticServer):
    """Open the site once, online: first aid shows at once, then the worker installs and the app boots."""
    page = context.new_page()
    page.goto(server.url)
    assert first_aid_visible(page), "first aid must show before Python or Flutter"
    wait_controlled(page)
    wait_app_ready(page)
    return page


def reopen_offline(context, page, server: StaticServer) -> None:
    """Go offline, stop the server and reload: first aid at once, then the app, all from the cache."""
    context.set_offline(True)
    server.stop()
    page.reload(wait_until="domcontentloaded")
    assert first_aid_visible(page), "first aid must show before Python or Flutter"
    assert page.locator("a[href='tel:999']").is_visible()
    assert page.evaluate(NAVIGATION) == ["cache-storage", 0], "index.html from the cache, by a static route"
    wait_app_ready(page)
    assert not first_aid_visible(page)


def first_aid_visible(page) -> bool:
    return page.evaluate("""() => {
        const el = document.getElementById('first-aid');
        if (!el || el.hidden) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).display !== 'none';
    }""")


def record_requests(context) -> list[str]:
    urls: list[str] = []
    context.on("request", lambda request: urls.append(request.url))
    return urls


def off_host(urls: list[str], port: int) -> list[str]:
    local = (f"http://127.0.0.1:{port}/", "data:", "blob:")
    return [u for u in urls if not u.startswith(local)]


@contextmanager
def installable_phone_browser():
    """Like browser.phone_browser, on a real (not incognito) profile, where Chromium offers installs."""
    from playwright.sync_api import sync_playwright

    require_chromium()
    with tempfile.TemporaryDirectory(prefix="pwa-profile-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS,
                                                        headless=True, **PHONE)
        guard = NetworkGuard()
        guard.install(context)
        try:
            yield context, guard
        finally:
            context.close()
