"""At 200 % text, in pixels: the header stays within 15 % of the screen and no button's label spills out."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.browser import steady
from tests.e2e.conftest import enable_semantics

HEIGHT = 844
LARGE_TEXT = ("document.addEventListener('DOMContentLoaded', () => "
              "document.documentElement.style.fontSize = '32px')")
SCREENS = {"/": "Help me now", "/sos": "None of these", "/now": "Not sure", "/log": "I'm having a spasm"}
EDGE = 4  # css px at each side of a button left out: its border and the border's anti-aliasing


def _open(context, url: str, path: str):
    page = context.new_page()
    page.add_init_script(LARGE_TEXT)
    page.goto(url + path)
    enable_semantics(page)
    steady(page, page.get_by_role("button", name=SCREENS[path]))
    page.wait_for_timeout(1000)  # pixels trail the semantics tree
    return page


@pytest.mark.parametrize("path", list(SCREENS))
def test_the_header_stays_within_15_percent_of_the_screen(server, browser_context, path):
    page = _open(browser_context[0], server.url, path)
    banner = page.locator('[flt-semantics-identifier="banner"]').bounding_box()
    page.close()
    assert banner["y"] + banner["height"] <= 0.15 * HEIGHT, f"the header ends at {banner}"


def _spills(img: Image.Image, box: dict, scale: float) -> str | None:
    """Where the label's ink meets the button's sides in its middle rows, if it does."""
    x0, y0 = round(box["x"] * scale), round(box["y"] * scale)
    x1, y1 = round((box["x"] + box["width"]) * scale), round((box["y"] + box["height"]) * scale)
    crop = img.crop((x0, y0 + (y1 - y0) * 3 // 10, x1, y1 - (y1 - y0) * 3 // 10))
    _, fill = max(crop.getcolors(crop.width * crop.height))
    w, h = crop.size
    inner = range(EDGE * 2, w - EDGE * 2)
    ink = [x for x in inner for y in range(h)
           if sum(abs(a - b) for a, b in zip(crop.getpixel((x, y)), fill, strict=True)) > 150]
    if not ink:
        return None
    if min(ink) <= inner.start or max(ink) >= inner.stop - 1:
        return f"ink from {min(ink)} to {max(ink)} of {w} px"
    return None


@pytest.mark.parametrize("path", list(SCREENS))
def test_every_buttons_label_is_drawn_inside_its_button(server, browser_context, path):
    page = _open(browser_context[0], server.url, path)
    img = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    scale = img.width / 390
    spilt = {}
    buttons = page.get_by_role("button")
    for i in range(buttons.count()):
        node = buttons.nth(i)
        box = node.bounding_box()
        if not box or box["y"] < 0 or box["y"] + box["height"] > HEIGHT or box["width"] < 4 * EDGE:
            continue  # off screen: not drawn
        if where := _spills(img, box, scale):
            spilt[node.get_attribute("aria-label") or node.inner_text()] = where
    page.close()
    assert spilt == {}, f"labels reaching past their buttons on {path} at 200 % text: {spilt}"
