"""Shared Playwright helpers: Debian Chromium at a phone viewport, no request off 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import re
import selectors
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

CHROMIUM = os.environ.get("SPASM_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ANDROID_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/130.0.0.0 Mobile Safari/537.36")
PHONE = {"user_agent": ANDROID_UA, "viewport": {"width": 390, "height": 844}, "is_mobile": True,
         "has_touch": True, "device_scale_factor": 2, "locale": "en-GB"}
# Stock Flet's web client probes this CDN at every start. Our served app and PWA never send it, so
# only a benchmark's stock-Flet peer may be let off for it (`guard.tolerate = (KNOWN_PROBE,)`).
# SOS's bottom action once a sign is ticked: "Check 2 signs", or "Call 999 now" for a call-now sign
CHECK_OR_CALL = re.compile(r"^(Check \d+ signs?|Call \S+ now)$")
KNOWN_PROBE = "cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "screenshots"


class AppServer:
    """`python <script> --port N [args]`, own storage; `started` is spawn until the port accepts (s)."""

    def __init__(self, data_dir: str | Path, script: str = "main.py", args: tuple[str, ...] = (),
                 env: dict[str, str] | None = None) -> None:
        self.data_dir, self.port = Path(data_dir), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "FLET_APP_STORAGE_DATA": str(data_dir), "FLET_FORCE_WEB_SERVER": "1",
               **(env or {})}
        t0 = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, script, "--port", str(self.port), *args], cwd=ROOT,
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            self._wait_accepting()
        except BaseException:
            self.proc.kill()
            raise
        self.started = time.perf_counter() - t0

    def _wait_accepting(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.proc.stderr.read().decode()[-2000:]}")
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.01)
        raise RuntimeError("server did not start within 60 s")

    def printed(self, timeout: float = 10) -> str:
        """The next line the server printed, or '' if it printed none within `timeout` seconds."""
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            return self.proc.stdout.readline().decode().strip() if sel.select(timeout) else ""

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> AppServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def require_chromium() -> None:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium")


class NetworkGuard:
    """Aborts every request that does not go to the local host and remembers it."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.tolerate: tuple[str, ...] = ()
        self.tolerated: list[str] = []  # aborted too, but matched `tolerate` when they were sent

    def install(self, context) -> None:
        context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        scheme = urlsplit(url).scheme
        host = urlsplit(url).hostname or ""
        if scheme in ("data", "blob") or host in LOCAL_HOSTS:
            route.continue_()
            return
        (self.tolerated if any(t in url for t in self.tolerate) else self.blocked).append(url)
        route.abort()

    @property
    def unexpected(self) -> list[str]:
        return list(self.blocked)


@contextmanager
def phone_browser(**context_args):
    """Yield (context, guard); the guard's unexpected list must stay empty."""
    from playwright.sync_api import sync_playwright

    require_chromium()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(**{**PHONE, **context_args})
        guard = NetworkGuard()
        guard.install(context)
        try:
            yield context, guard
        finally:
            context.close()
            browser.close()


ENABLED_OR_TAKEN = ("() => document.querySelector('flt-semantics[role]')"
                    " || !document.querySelector('flt-semantics-placeholder')")
ENABLED_OR_OFFERED = ("() => document.querySelector('flt-semantics[role]')"
                      " || document.querySelector('flt-semantics-placeholder')")


def enable_semantics(page) -> None:
    """Turn on Flutter's accessibility tree so controls show up with roles and names."""
    android = "Android" in page.evaluate("navigator.userAgent")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if page.query_selector("flt-semantics[role]"):
            return
        placeholder = page.query_selector("flt-semantics-placeholder")
        if placeholder is None:  # not there yet, or taken by a tap and the tree is on its way
            page.wait_for_function(ENABLED_OR_OFFERED, timeout=60_000)
            continue
        if android:  # the mobile enabler wants a real tap
            box = placeholder.bounding_box()
            if box:
                page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        else:
            page.evaluate("document.querySelector('flt-semantics-placeholder')?.click()")
        with contextlib.suppress(PlaywrightTimeout):  # not listening yet: tap again
            page.wait_for_function(ENABLED_OR_TAKEN, timeout=250)
    raise AssertionError("Flutter's semantics tree did not turn on")


def text(page, words: str):
    """Visible text, whether Flutter exposes it as a text node or inside a group's aria-label."""
    return page.get_by_text(words).or_(page.locator(f"flt-semantics[aria-label*={words!r}]"))


def shot(page, name: str) -> None:
    """Save screenshots/NAME.png (git-ignored) for a person to look at."""
    SHOTS.mkdir(exist_ok=True)
    page.wait_for_timeout(800)  # pixels trail the semantics tree by ~0.5-0.7 s
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _box(node) -> dict | None:
    """Where the node is now, or None if a redraw took it away in between."""
    try:
        return node.bounding_box(timeout=1000)
    except PlaywrightTimeout:
        return None


def steady(page, locator, tries: int = 40):
    """Wait until the control has stopped moving (a banner or a redraw shifts it), then return it."""
    node, last = locator.first, None
    for _ in range(tries):
        box = _box(node)
        if box and box == last:
            break
        last = box
        page.wait_for_timeout(150)
    return node


def type_into(page, field, text: str) -> None:
    """Tap a text field once it has settled, make sure it has the focus, then type (as a keyboard would)."""
    for _ in range(3):  # the field can appear while its list redraws: a tap can land before it settles
        steady(page, field).click()
        with contextlib.suppress(AssertionError):
            expect(field).to_be_focused(timeout=5_000)
            break
    page.keyboard.type(text)


def finger(page, start: tuple[int, int], end: tuple[int, int]) -> None:
    """Drag one finger from start to end in ten moves: Flutter's lists and pages follow touch."""
    cdp = page.context.new_cdp_session(page)
    at = lambda i: [{"x": start[0] + (end[0] - start[0]) * i // 10,  # noqa: E731
                     "y": start[1] + (end[1] - start[1]) * i // 10}]
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": at(0)})
    for i in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": at(i)})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def reveal(page, locator, steps: int = 30, touch: bool = False):
    """Scroll with the wheel (or a finger) until the control is built and on screen, then return it."""
    for _ in range(steps):
        if locator.count() and locator.first.is_visible():
            box = _box(locator.first)  # a redraw (another window's change) can take it away
            if box and 60 < box["y"] < 700:
                return locator.first
        if touch:  # at large text, Flutter's lists stop following the wheel
            finger(page, (200, 650), (200, 400))
        else:
            page.mouse.move(195, 400)
            page.mouse.wheel(0, 250)
        page.wait_for_timeout(250)
    return locator.first
