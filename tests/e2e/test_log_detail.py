"""The Log in a browser: a past episode in full; one SOS check deleted and undone; delete-all leaves none."""

import json
import re
from datetime import datetime, timedelta

import pytest

from app.domain.episode import Episode, PainReading, StepRecord, Taken
from app.domain.records import SosCheck
from app.store.repository import FORMAT, SCHEMA
from tests.browser import type_into
from tests.e2e.conftest import Server, open_app, reveal, shot, text

# yesterday at 08:10 local time, so every time shown is the one written here
START = (datetime.now().astimezone() - timedelta(days=1)).replace(hour=8, minute=10, second=0, microsecond=0)


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


EPISODE = Episode(
    start=START, end=at(150), triggers=["lifting"], helped=["ice-pack"], notes="Could not turn over in bed",
    pain=[PainReading(at=START, score=8), PainReading(at=at(30), score=6), PainReading(at=at(80), score=3)],
    steps=[StepRecord(card="ice-pack", at=at(5), pain_before=8, pain_after=6),
           StepRecord(card="knee-to-chest", at=at(40), outcome="skipped")],
    taken=[Taken(at=at(15), what="Ibuprofen gel", effect="better")],
)
CHECKS = [SosCheck(at=START - timedelta(days=2, hours=1), tier="self-care"),
          SosCheck(at=START - timedelta(days=1), tier="urgent", flags=["fever"])]
URGENT = f"{CHECKS[1].at.astimezone():%a %d %b, %H:%M}"


def checks_heading(page, n: int):
    return page.get_by_role("heading", name=f"SOS checks ({n})")


def to_top(page, locator) -> None:
    """Scroll until the control is just under the top bar, so a screenshot shows what follows it."""
    for _ in range(10):
        box = locator.bounding_box()
        if box is None or abs(box["y"] - 110) < 30:
            return
        page.mouse.move(195, 400)
        page.mouse.wheel(0, box["y"] - 110)
        page.wait_for_timeout(300)


@pytest.fixture
def server(tmp_path):
    """A fresh log for each test: one of them deletes everything."""
    rows = lambda models: {str(i): m.model_dump(mode="json") for i, m in enumerate(models, 1)}  # noqa: E731
    (tmp_path / "episodes.json").write_text(json.dumps({"format": FORMAT, "schema": SCHEMA, "tables": {
        "episodes": rows([EPISODE]), "checks": rows(CHECKS)}}))
    srv = Server(tmp_path)
    yield srv
    srv.stop()


@pytest.fixture
def log(server, browser_context):
    page = open_app(browser_context[0], server.url)
    page.get_by_role("tab", name="Log").click()
    yield page
    page.close()


def test_a_past_episode_opens_in_full(log):
    reveal(log, text(log, "· worst pain 8/10")).click()
    reveal(log, text(log, "Pain 8 at 08:10, 6 at 08:40, 3 at 09:30")).wait_for()
    assert text(log, "Ended 10:40 · lasted 2 h 30 min").count()
    to_top(log, text(log, "Started ").first)
    log.mouse.move(5, 5)  # no hover tooltip over the chart
    shot(log, "episode_full")
    reveal(log, text(log, "Wrapped ice pack · 08:15 · done · pain 8 before, 6 after")).wait_for()
    assert text(log, "Knee-to-chest stretch · 08:50 · skipped").count()
    reveal(log, text(log, "08:25 · Ibuprofen gel · better")).wait_for()
    reveal(log, log.get_by_role("textbox", name="Notes")).wait_for()  # Flutter keeps its text off the DOM
    shot(log, "episode_full_below")


def test_one_sos_check_is_deleted_with_undo_and_stays_deleted(log, server):
    reveal(log, checks_heading(log, 2)).wait_for()
    reveal(log, text(log, "Signs: A high temperature")).wait_for()
    log.get_by_role("button", name=f"Delete SOS check {URGENT}").click()
    text(log, "SOS check deleted.").first.wait_for()
    assert checks_heading(log, 1).count() and not text(log, "Signs: A high temperature").count()
    log.get_by_role("button", name="Undo").click()
    reveal(log, checks_heading(log, 2)).wait_for()
    reveal(log, text(log, "Signs: A high temperature")).wait_for()
    log.get_by_role("button", name=f"Delete SOS check {URGENT}").click()
    checks_heading(log, 1).first.wait_for()
    again = open_app(log.context, server.url)  # a new visit reads the log from the file
    again.get_by_role("tab", name="Log").click()
    reveal(again, checks_heading(again, 1)).wait_for()
    assert not text(again, "Signs: A high temperature").count()
    again.close()
    summary = open_app(log.context, server.url + "/report")  # the doctor's summary counts what is kept
    reveal(summary, text(summary, "0 emergency, 0 urgent, 1 found no red flag")).wait_for()
    summary.close()


def test_delete_all_leaves_no_sos_check(log):
    reveal(log, checks_heading(log, 2)).wait_for()
    log.get_by_role("button", name="Settings").click()
    reveal(log, log.get_by_role("button", name="Delete all my data")).click()
    text(log, "Delete all 1 episode, 2 SOS checks, your settings").first.wait_for()
    reveal(log, log.get_by_role("button", name="Yes, delete everything")).click()
    text(log, "Deleted: the episodes, checks and settings").first.wait_for()
    for _ in range(10):  # back up to the top of Settings, where its Back button is
        if log.get_by_role("button", name="Back").count():
            break
        log.mouse.move(195, 400)
        log.mouse.wheel(0, -1500)
        log.wait_for_timeout(250)
    log.get_by_role("button", name="Back").click()
    log.get_by_role("tab", name="Log").click()
    reveal(log, checks_heading(log, 0)).wait_for()
    assert not log.get_by_role("button", name=re.compile("^Delete SOS check")).count()


def test_a_past_episodes_start_is_corrected_on_the_clock_face(log, server):
    reveal(log, text(log, "· worst pain 8/10")).click()
    reveal(log, log.get_by_role("button", name="Change start")).click()
    text(log, "When did it start?").first.wait_for()
    log.get_by_role("button", name="Switch to text input mode").click()  # the keyboard, not the dial
    hour, minute = log.get_by_role("textbox").nth(-2), log.get_by_role("textbox").nth(-1)
    for field, value in ((hour, "7"), (minute, "30")):
        type_into(log, field, "")
        log.keyboard.press("Control+A")  # each field holds the episode's time: replace it
        log.keyboard.type(value)
    shot(log, "episode_change_start")
    log.get_by_role("button", name="Save", exact=True).click()
    reveal(log, text(log, "Ended 10:40 · lasted 3 h 10 min")).wait_for()
    assert text(log, f"Started {START:%a %d %b %Y}, 07:30").count()
    again = open_app(log.context, server.url)  # saved: a new visit reads it from the file
    again.get_by_role("tab", name="Log").click()
    reveal(again, text(again, "· worst pain 8/10")).click()
    reveal(again, text(again, "Ended 10:40 · lasted 3 h 10 min")).wait_for()
    again.close()
