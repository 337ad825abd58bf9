"""Take the manifest's phone screenshots of a built site: python -m app.pwa screenshots [dist].

Needs Playwright, Pillow and Chromium (the `test` extra; /usr/bin/chromium, or SPASM_CHROMIUM). The
PNGs (64 colours, ~20 KB each) land in assets/install/, which is committed: a build needs no browser.
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import threading
from pathlib import Path

from app.pwa.manifest import SCREENSHOT_SIZE, SCREENSHOTS
from app.pwa.serve import SiteHandler

CHROMIUM = os.environ.get("SPASM_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ANDROID_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/130.0.0.0 Mobile Safari/537.36")
BOOT_MS = 180_000
SETTLE_MS = 1500  # pixels trail Flutter's frame events
COLOURS = 64  # flat UI colours and their anti-aliasing: indistinguishable from the full capture


class _Quiet(SiteHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


def take(dist: Path, assets: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(dist.resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    width, height = SCREENSHOT_SIZE
    written = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                          is_mobile=True, has_touch=True, user_agent=ANDROID_UA,
                                          locale="en-GB", color_scheme="light")
            context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                          else route.abort())
            for name, route, _label in SCREENSHOTS:
                page = context.new_page()
                page.goto(base + route)
                page.wait_for_function("() => document.documentElement.classList.contains('app-ready')",
                                       timeout=BOOT_MS)
                page.wait_for_timeout(SETTLE_MS)
                path = assets / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(_small_png(page.screenshot()))
                written.append(path)
                page.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


def _small_png(png: bytes) -> bytes:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    flat = image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    flat.save(out, "PNG", optimize=True)
    return out.getvalue()
