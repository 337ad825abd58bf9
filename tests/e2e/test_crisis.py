"""Crisis-grade: SOS calls in two taps from any screen, every guide answer is on screen, timers are heard."""

from __future__ import annotations

import re

import pytest

from tests.browser import steady
from tests.e2e.conftest import OPENED, Server, enable_semantics, reveal, shot, text

WIDTH, HEIGHT = 390, 844
# a 15-minute ice timer ends in about three seconds (the app's own test hook, never set for people)
FAST = {"SPASM_CLOCK_SPEED": "300"}
PLAYED = ("window.__played = []; const play = HTMLMediaElement.prototype.play;"
          "HTMLMediaElement.prototype.play = function () { window.__played.push(this.src);"
          " return play.call(this).catch(() => {}); };")
LARGE_TEXT = ("document.addEventListener('DOMContentLoaded', () => "
              "document.documentElement.style.fontSize = '32px')")


@pytest.fixture(scope="module")
def fast_server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("crisis"), env=FAST)
    yield srv
    srv.stop()


@pytest.fixture
def fresh(tmp_path):
    """A log of its own: each walk through the guide starts at its first safety question."""
    with Server(tmp_path, env=FAST) as srv:
        yield srv


@pytest.fixture
def fresh_slow(tmp_path):
    """At real speed, so a timer is still running when the next tap lands."""
    with Server(tmp_path) as srv:
        yield srv


def _page(context, url: str, scale: int = 1, path: str = "/"):
    page = context.new_page()
    page.add_init_script(OPENED + PLAYED)
    if scale == 2:
        page.add_init_script(LARGE_TEXT)
    page.goto(url + path)
    enable_semantics(page)
    return page


def in_view(page, locator, what: str) -> dict:
    """The control's box lies wholly inside the 390x844 screen, with no scrolling."""
    box = steady(page, locator).bounding_box()
    assert box is not None, f"{what}: not on screen"
    assert box["x"] >= -1 and box["x"] + box["width"] <= WIDTH + 1, f"{what}: off the side {box}"
    assert box["y"] >= -1 and box["y"] + box["height"] <= HEIGHT + 1, f"{what}: below the fold {box}"
    return box


def button(page, name: str, exact: bool = True):
    return page.get_by_role("button", name=name, exact=exact)


@pytest.mark.parametrize("where", ["Relief", "Sleep", "Log"])
def test_sos_then_call_is_two_taps_from_any_screen(fast_server, browser_context, where):
    """No sign ticked: the call button at the top of SOS is the second tap."""
    page = _page(browser_context[0], fast_server.url)
    button(page, "SOS").wait_for(timeout=60_000)
    page.get_by_role("tab", name=where).click()
    button(page, "SOS").click()                                               # tap 1
    call = page.get_by_role("button", name=re.compile(r"^Call 999\b(?! now)"))
    call.wait_for()
    in_view(page, call, "the call button on the checklist")
    call.click()                                                              # tap 2
    page.wait_for_function("() => window.__opened.length > 0")
    assert page.evaluate("window.__opened.at(-1)") == "tel:999"
    page.close()


@pytest.mark.parametrize("scale", [1, 2])
def test_a_call_now_sign_turns_the_bottom_action_into_the_call(fast_server, browser_context, scale):
    page = _page(browser_context[0], fast_server.url, scale)
    button(page, "SOS").wait_for(timeout=60_000)
    button(page, "SOS").click()
    in_view(page, page.get_by_role("button", name=re.compile(r"^Call 999\b(?! now)")), "the top call button")
    none = button(page, "None of these")
    in_view(page, none, "None of these")
    if scale == 2:
        shot(page, "sos-checklist-200")
        top = button(page, "SOS").bounding_box()
        assert top["y"] + top["height"] <= 0.15 * HEIGHT, f"the header takes {top['y'] + top['height']} px"
        # A screenful of the list (between the call button and the bottom actions) holds the first
        # three signs whole: each sign's row is its own semantics node, label and all.
        rows = page.locator('[flt-semantics-identifier="sos-sign"]')
        first = [steady(page, rows.nth(i)).bounding_box() for i in range(3)]
        list_top = text(page, "Tick any you have now").first.bounding_box()["y"]  # the list's first line
        screenful = none.bounding_box()["y"] - list_top
        span = first[2]["y"] + first[2]["height"] - first[0]["y"]
        assert span <= screenful, f"three signs take {span:.0f} px; the list shows {screenful:.0f} px"
    sign = page.get_by_role("checkbox", name="Leaking pee or lost control of your bladder", exact=False)
    steady(page, reveal(page, sign, touch=True)).click()
    call = button(page, "Call 999 now")
    in_view(page, call, "the bottom call action")
    call.click()  # one tap: the call and the emergency screen
    page.wait_for_function("() => window.__opened.length > 0")
    assert page.evaluate("window.__opened.at(-1)") == "tel:999"
    text(page, "Do not drive yourself").first.wait_for()
    shot(page, f"sos-called-{scale * 100}")
    page.close()


# What each guide screen must show within the screen: (its heading, its answer buttons).
def _answers(page) -> tuple[str, list[str]]:
    if text(page, "Safety check").count():
        return "Safety check", ["Yes", "No", "Not sure"]
    if text(page, "When did it start?").count():
        return "When did it start?", ["Just now"]
    if text(page, "One more check").count():
        return "One more check", ["None of these"]
    if text(page, "Heat or ice?").count():
        return "Heat or ice?", ["Heat", "Ice", "Skip"]
    if text(page, "How it went").count():
        return "Help me now", ["Leave it open (I'm still sore)", "It has eased, end it"]
    if page.get_by_role("button", name="Pain 10").count():
        return "How", [f"Pain {n}" for n in (0, 5, 10)]
    return "Help me now", ["Done", "Skip"]


@pytest.mark.parametrize("scale", [1, 2])
def test_every_guide_screen_has_its_answers_on_screen_and_opens_at_its_top(fresh, browser_context, scale):
    page = _page(browser_context[0], fresh.url, scale, "/now")
    button(page, "Yes").wait_for(timeout=60_000)
    seen = []
    for _ in range(20):
        page.wait_for_timeout(400)
        heading, answers = _answers(page)
        for name in answers:
            in_view(page, button(page, name), f"{name!r} on {heading!r} at {scale * 100} %")
        named = re.compile(re.escape(heading))
        title = text(page, heading) if heading == "Safety check" else page.get_by_role("heading", name=named)
        in_view(page, title.first, f"the heading {heading!r} (the screen opened scrolled)")
        seen.append(heading)
        if len(seen) == 1 and scale == 2:
            shot(page, "guide-question-200")
        if heading == "Safety check":
            button(page, "No").click()
        elif heading == "When did it start?":
            button(page, "Just now").click()
        elif heading == "How":
            button(page, "Pain 7").click()
        elif heading == "One more check":
            button(page, "None of these").click()
        elif answers[0].startswith("Leave"):
            shot(page, f"guide-summary-{scale * 100}")
            break
        else:
            if len([s for s in seen if s == "Help me now"]) == 1:
                shot(page, f"guide-step-{scale * 100}")
            button(page, "Skip").click()
    assert "Safety check" in seen and seen[-1] == "Help me now", seen
    page.close()


def test_done_before_the_timers_end_asks_for_pain_and_the_timer_shows(fresh_slow, browser_context):
    page = _page(browser_context[0], fresh_slow.url, 1, "/now")
    _walk_to_a_timed_step(page)
    start = page.get_by_role("button", name=re.compile(r"^Start .*timer"))
    start.first.click()
    stop = page.get_by_role("button", name=re.compile(r"^Stop .* timer"))
    in_view(page, stop.first, "the timer's Stop in the guide")
    in_view(page, text(page, " left · ").first, "the time left in the guide")
    shot(page, "guide-timer-running")
    button(page, "Done").click()
    text(page, "How is the pain now?").first.wait_for()
    assert page.get_by_role("button", name="Pain 5").count() == 1
    page.close()


def _tap_once(page, target) -> None:
    """Tap, then wait for the screen to change, so a slow reply is not taken for a missed tap."""
    before = page.locator("flt-semantics-host").inner_text()
    target.click()
    page.wait_for_function("(before) => document.querySelector('flt-semantics-host').innerText !== before",
                           arg=before, timeout=15_000)


def _walk_to_a_timed_step(page) -> None:
    button(page, "Yes").wait_for(timeout=60_000)
    for _ in range(20):
        page.wait_for_timeout(300)
        if page.get_by_role("button", name=re.compile(r"^Start .*timer")).count():
            return
        heading, _ = _answers(page)
        tap = {"Safety check": "No", "When did it start?": "Just now", "How": "Pain 7",
               "One more check": "None of these", "Heat or ice?": "Heat"}.get(heading, "Done")
        _tap_once(page, button(page, tap))
    raise AssertionError("the guide never offered a timed step")


def test_a_timers_end_plays_a_tone_and_pain_five_keeps_the_episode_open(fresh, browser_context):
    page = _page(browser_context[0], fresh.url, 1, "/now")
    _walk_to_a_timed_step(page)
    page.get_by_role("button", name=re.compile(r"^Start .*timer")).first.click()
    text(page, "Time is up").first.wait_for(timeout=30_000)
    page.wait_for_function("() => window.__played.length > 0", timeout=10_000)
    assert page.evaluate("window.__played.at(-1)").endswith("sounds/time-up.wav")
    button(page, "Pain 5").click()
    for _ in range(10):  # skip the remaining steps (and the later check) to the summary
        target = page.get_by_role("button", name=re.compile(r"^(None of these|Skip|Leave it open.*)$")).first
        target.wait_for()
        if target.inner_text().startswith("Leave"):
            break
        _tap_once(page, target)
    keep, end = button(page, "Leave it open (I'm still sore)"), button(page, "It has eased, end it")
    assert in_view(page, keep, "keep open")["y"] < in_view(page, end, "end")["y"], "keep it open comes first"
    keep.click()
    text(page, "Spasm in progress").first.wait_for()  # the Log, with the episode still open
    page.close()
