"""At 200 % text, in pixels: the header stays within 15 % of the screen and no button's label spills out."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.browser import steady
from tests.e2e.conftest import enable_semantics, reveal, text

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


def test_a_running_timer_bar_leaves_the_time_left_room_beside_stop(server, browser_context):
    """Before, 'Stop hold timer' took most of the bar and cut the time left to '14:59 left · …'."""
    page = _open(browser_context[0], server.url, "/")
    page.get_by_role("tab", name="Prevent").click()
    plank = text(page, "Core strength: plank")
    for _ in range(6):  # the deck opens on exercise with education; the plank comes later
        if plank.count():
            break
        page.get_by_role("button", name="Next card").click()
        page.wait_for_timeout(600)
    reveal(page, page.get_by_role("button", name="Start hold timer"), touch=True).click()
    page.get_by_role("tab", name="Log").click()  # only the bar shows the timer here
    label = text(page, "left · Core strength: plank").first
    label.wait_for()
    stop = page.get_by_role("button", name="Stop hold timer").first.bounding_box()
    room = label.bounding_box()
    page.close()
    assert room["width"] >= 0.5 * 390, f"the time left gets {room['width']:.0f} px of 390"
    assert stop["x"] >= 0 and stop["x"] + stop["width"] <= 390 and stop["y"] + stop["height"] <= HEIGHT


def test_the_logs_big_buttons_grow_to_show_their_whole_label(server, browser_context):
    """Before, a fixed height cut 'I'm having a spasm' to 'I'm having a' and the summary button's 2nd line."""
    page = _open(browser_context[0], server.url, "/log")
    line = 32 * 1.1  # one line of a 16 px label at 200 %: any label here wraps to at least two
    for name in ("I'm having a spasm", "For your doctor: a one-page summary"):
        box = reveal(page, page.get_by_role("button", name=name), touch=True).bounding_box()
        assert box["height"] >= 2 * line + 16, f"{name!r} is {box['height']:.0f} px tall at 200 % text"
    page.close()
