"""A stretch timer starts, keeps counting on other tabs and on return, and stops."""

import re

from tests.e2e.conftest import shot, text


def seconds_left(page) -> int:
    found = text(page, "left · Core strength: plank").first
    label = found.get_attribute("aria-label") or found.inner_text()
    minutes, seconds = re.search(r"(\d+):(\d\d) left · ", label).groups()
    return int(minutes) * 60 + int(seconds)


def test_timer_survives_tab_switches_and_stops(app):
    app.get_by_role("tab", name="Prevent").click()
    plank = text(app, "Core strength: plank")
    for _ in range(6):  # the deck opens with the exercise-and-education card
        if plank.count():
            break
        app.get_by_role("button", name="Next card").click()
        app.wait_for_timeout(600)
    plank.first.wait_for()
    app.get_by_role("button", name="Start hold timer").click()
    text(app, "round 1 of 3").first.wait_for()
    shot(app, "timer-running")
    app.get_by_role("tab", name="Log").click()
    text(app, "left · Core strength: plank").first.wait_for()
    first = seconds_left(app)
    app.wait_for_timeout(2500)
    assert seconds_left(app) < first, "the timer stopped counting on another tab"
    shot(app, "timer-strip-log")
    app.get_by_role("tab", name="Prevent").click()
    text(app, "round 1 of 3").first.wait_for()
    app.get_by_role("button", name="Stop hold timer").first.click()
    app.get_by_role("button", name="Start hold timer").wait_for()
    assert text(app, "round 1 of 3").count() == 0
