"""Night on the phone's own clock and zone, in server mode too: every screen dark at 22:30, light at noon."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from tests.browser import phone_browser
from tests.e2e.conftest import OPENED, enable_semantics, shot

ZONE = "Pacific/Auckland"  # far from this machine's zone: the server's own clock would say otherwise
# (how the screen is reached, what shows once it is drawn)
SCREENS = [("/", "Help me now"), ("/sos", "None of these"), ("/now", "Not sure"),
           ("/log", "I'm having a spasm"), ("/report", "For your doctor"), ("tab:Sleep", ""),
           ("tab:Prevent", ""), ("button:Settings", "Settings")]


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance: 0 black, 1 white."""
    lin = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def backgrounds(page) -> dict[str, float]:
    """The most common colour's luminance in the top bar, the middle of the screen and the tab bar."""
    img = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    w, h = img.size
    bands = {"top bar": (0, 0.06), "screen": (0.2, 0.8), "tab bar": (0.93, 1)}
    out = {}
    for name, (top, bottom) in bands.items():
        _, colour = max(img.crop((0, int(h * top), w, int(h * bottom))).getcolors(w * h))
        out[name] = round(_luminance(colour), 3)
    return out


def _open(context, url: str, where: str, shows: str):
    page = context.new_page()
    page.goto(url + (where if where.startswith("/") else "/"))
    enable_semantics(page)
    page.get_by_role("button", name="SOS", exact=True).wait_for(timeout=60_000)
    kind, _, name = where.partition(":")
    if kind in ("tab", "button"):
        page.get_by_role(kind, name=name, exact=True).tap()
    if kind == "tab":
        page.get_by_role("tab", name=name, selected=True).wait_for()
    else:
        page.get_by_role("heading" if kind == "button" else "button", name=shows).first.wait_for()
    return page


def _settle(page, dark: bool) -> dict[str, float]:
    """The backgrounds once the theme has followed the phone's clock (read just after the first frame)."""
    seen = {}
    for _ in range(20):
        page.wait_for_timeout(500)
        seen = backgrounds(page)
        if all((v < 0.05) if dark else (v > 0.7) for v in seen.values()):
            break
    return seen


@pytest.mark.parametrize("hour, minute, dark", [(22, 30, True), (12, 0, False)])
def test_every_screen_follows_the_phones_clock(server, hour, minute, dark):
    local = datetime(2026, 12, 3, hour, minute, tzinfo=ZoneInfo(ZONE))
    with phone_browser(timezone_id=ZONE, color_scheme="light") as (context, guard):
        context.add_init_script(OPENED)
        context.clock.set_fixed_time(local)  # Date on the phone; its timers keep running
        wrong = {}
        for where, shows in SCREENS:
            page = _open(context, server.url, where, shows)
            seen = _settle(page, dark)
            if where in ("/", "/sos"):
                shot(page, f"night-{hour:02d}{minute:02d}-{where.strip('/') or 'relief'}")
            if not all((v < 0.05) if dark else (v > 0.7) for v in seen.values()):
                wrong[where] = seen
            # read once, then taken away: the browser keeps nothing of it
            assert page.evaluate("() => localStorage.getItem('flutter.spasm_phone_clock')") is None
            page.close()
        assert guard.unexpected == []
    assert wrong == {}, f"not {'dark' if dark else 'light'} at {hour:02d}:{minute:02d} on the phone: {wrong}"
