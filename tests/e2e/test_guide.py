"""'Help me now' in a phone browser: safety first, relief one step at a time, logged as it goes."""

from __future__ import annotations

import io
import json
import re

import pytest
from PIL import Image

from app.content.guide import questions
from app.content.loader import library
from tests.browser import steady
from tests.e2e.conftest import Server, enable_semantics, reveal, shot, text

# a 15-minute ice timer ends in about three seconds (the app's own test hook, never set for people)
FAST = {"SPASM_CLOCK_SPEED": "300"}


@pytest.fixture(scope="module")
def guide_server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("guide"), env=FAST)
    yield srv
    srv.stop()


def open_now(context, url: str):
    page = context.new_page()
    page.goto(url + "/now")
    enable_semantics(page)
    # the first question, or "Check again" when an earlier test's clear check spared the questions
    page.get_by_role("button", name=re.compile(r"^(Yes|Check again)$")).first.wait_for(timeout=60_000)
    return page


def tap(page, name: str) -> None:
    reveal(page, page.get_by_role("button", name=name, exact=True)).click()


def to_the_ice_pack(page) -> None:
    """No to each safety question, started just now at pain 7, reassured, the position done, ice chosen."""
    count = len(questions())
    again = page.get_by_role("button", name="Check again")
    if again.count():  # an earlier test's clear check, minutes ago, spared the questions
        again.click()
    for n in range(1, count + 1):
        text(page, f"Safety check {n} of {count}").first.wait_for()  # the next question is on screen
        tap(page, "No")
    text(page, "When did it start?").first.wait_for()
    tap(page, "Just now")
    page.get_by_role("button", name="Pain 7").click()
    text(page, "Most back spasms settle").first.wait_for()  # NICE NG59 1.1: reassurance first
    tap(page, "Done")
    tap(page, "None of these")  # the later check
    text(page, "Lie down with your knees").first.wait_for()
    shot(page, "guide-step-position")
    tap(page, "Done")
    text(page, "Heat or ice?").first.wait_for()
    tap(page, "Ice")
    text(page, "Wrapped ice pack").first.wait_for()


def test_yes_on_the_first_safety_question_calls_for_help(guide_server, browser_context):
    context, _ = browser_context
    page = open_now(context, guide_server.url)
    shot(page, "guide-safety")
    tap(page, "Yes")
    first = {f.id: f.label for f in library().red_flags}[questions()[0].flags[0]]
    tap(page, first)  # which one is it? one tap
    page.get_by_role("button", name="Call 999", exact=True).click()
    assert page.evaluate("window.__opened")[-1] == "tel:999"
    page.close()


def test_the_whole_guide_logs_each_step_with_pain_before_and_after(guide_server, browser_context):
    context, _ = browser_context
    page = open_now(context, guide_server.url)
    to_the_ice_pack(page)
    page.reload()  # a reload in the middle comes back to the same step
    enable_semantics(page)
    text(page, "Wrapped ice pack").first.wait_for(timeout=60_000)
    reveal(page, page.get_by_role("button", name="Start 15 min timer")).click()
    text(page, "Time is up").first.wait_for(timeout=30_000)
    shot(page, "guide-checkin")
    page.get_by_role("button", name="Pain 5").click()
    text(page, "Knee-to-chest").first.wait_for()  # the pain eased (7 -> 5): gentle movement is next
    tap(page, "Skip")
    text(page, "Stay gently active").first.wait_for()
    tap(page, "Skip")
    text(page, "Pain at the start 7, now 5").first.wait_for()
    shot(page, "guide-summary")
    tap(page, "It has eased, end it")
    page.get_by_role("button", name="I'm having a spasm").wait_for()  # the Log tab, with no spasm open
    page.close()

    log = json.loads((guide_server.data_dir / "episodes.json").read_text(encoding="utf-8"))
    [episode] = log["tables"]["episodes"].values()
    steps = {s["card"]: s for s in episode["steps"]}
    assert steps["rest-knees-bent"]["outcome"] == "done" and steps["rest-knees-bent"]["pain_before"] == 7
    assert (steps["ice-pack"]["pain_before"], steps["ice-pack"]["pain_after"]) == (7, 5)
    assert episode["end"] is not None


def test_at_double_text_size_nothing_is_cut_off_and_the_buttons_grow(tmp_path, browser_context):
    """The browser's text size at 200 %: Flutter scales every text, so fixed sizes would clip."""
    offscreen = """() => [...document.querySelectorAll('flt-semantics[aria-label], flt-semantics span')]
        .map(e => [e.getAttribute('aria-label') || e.textContent, e.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && (r.left < -1 || r.right > innerWidth + 1)).map(([t]) => t)"""
    heights = {}
    with Server(tmp_path) as srv:
        for scale in (1, 2):
            page = browser_context[0].new_page()
            page.add_init_script("document.addEventListener('DOMContentLoaded', () => "
                                 f"document.documentElement.style.fontSize = '{16 * scale}px')")
            page.goto(srv.url)
            enable_semantics(page)
            front = page.get_by_role("button", name="Help me now").first
            front.wait_for(timeout=60_000)
            heights[("front door", scale)] = steady(page, front).bounding_box()["height"]
            front.click()
            yes = reveal(page, page.get_by_role("button", name="Yes", exact=True), touch=True)
            heights[("yes", scale)] = steady(page, yes).bounding_box()["height"]
            if scale == 2:
                shot(page, "guide-large-text")
            assert page.evaluate(offscreen) == [], f"cut off at {scale * 100} % text"
            page.close()
    for target in ("front door", "yes"):
        # its label's line grows by about 28 px; a fixed height would not grow at all
        assert heights[(target, 2)] >= heights[(target, 1)] + 20, f"the {target} button did not grow"


def green_pixels(page) -> int:
    """How much of the screen is the highlight's green (the only green in the guide)."""
    rgb = Image.open(io.BytesIO(page.screenshot())).convert("RGB").reduce(4).tobytes()
    pixels = zip(rgb[0::3], rgb[1::3], rgb[2::3], strict=True)
    return sum(1 for r, g, b in pixels if g > r + 20 and g > b + 10)


def test_under_reduce_motion_the_timers_end_is_lit_steadily_not_flashed(guide_server, browser_context):
    page = browser_context[0].new_page()
    page.emulate_media(reduced_motion="reduce")  # what the phone's "reduce motion" setting tells the browser
    page.goto(guide_server.url + "/now")
    enable_semantics(page)
    to_the_ice_pack(page)
    reveal(page, page.get_by_role("button", name="Start 15 min timer")).click()
    text(page, "Time is up").first.wait_for(timeout=30_000)
    page.wait_for_function("() => true")  # the heading's first frame is drawn before sampling
    page.wait_for_timeout(400)
    lit = []
    for _ in range(8):  # a flash lights and darkens the heading every 0.35 s for about 3 s
        lit.append(green_pixels(page))
        page.wait_for_timeout(200)
    assert min(lit) > 1000 and max(lit) - min(lit) < 100, f"the heading flashed: {lit}"
    page.get_by_role("button", name="Pain 5").click()
    page.close()


@pytest.mark.parametrize("sign, said, never", [
    ("chest-pain", "Ask for an ambulance", "A&E"),
    ("after-accident-fall", "keep still", "A&E"),
])
def test_yes_then_the_sign_gives_its_own_way_to_hospital(tmp_path, browser_context, sign, said, never):
    labels = {f.id: f.label for f in library().red_flags}
    number = next(i for i, q in enumerate(questions()) if sign in q.flags)
    with Server(tmp_path) as server:  # a log of its own: the guide starts at its first question
        page = open_now(browser_context[0], server.url)
        _yes_to(page, number, labels[sign], said, never)
        shot(page, f"guide-yes-{sign}")
        page.close()


def _yes_to(page, number: int, label: str, said: str, never: str) -> None:
    for n in range(number):
        text(page, f"Safety check {n + 1} of").first.wait_for()
        tap(page, "No")
    text(page, f"Safety check {number + 1} of").first.wait_for()
    tap(page, "Yes")
    tap(page, label)
    text(page, said).first.wait_for()
    assert text(page, never).count() == 0
