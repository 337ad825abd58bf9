"""What I took, in a browser: written on the open episode, 'Did it help?' beside the next pain score, and
shown by its time in the episode, in history and in the doctor's summary."""

import re
from datetime import UTC, datetime, timedelta

from app.domain.episode import Episode, PainReading
from app.store import EpisodeLog
from app.store.backends import FileBackend
from tests.browser import AppServer, phone_browser, steady, type_into
from tests.e2e.conftest import open_app, reveal, shot, text


def _target(page, name: str):
    return page.get_by_role("button", name=name, exact=True).or_(
        page.get_by_role("checkbox", name=name, exact=True)).or_(page.get_by_text(name, exact=True))


def _tap(page, name: str) -> None:
    reveal(page, _target(page, name)).click()


def test_a_medicine_is_asked_about_at_the_next_pain_score_and_shows_in_episode_history_and_summary(tmp_path):
    began = datetime.now(UTC) - timedelta(minutes=40)
    EpisodeLog(FileBackend(tmp_path / "episodes.json")).add(
        Episode(start=began, pain=[PainReading(at=began, score=7)]))
    with AppServer(tmp_path) as server, phone_browser() as (context, guard):
        page = open_app(context, server.url + "/log")
        type_into(page, reveal(page, page.get_by_role("textbox", name="In your own words")), "Ibuprofen gel")
        added = datetime.now().astimezone()
        _tap(page, "Add")
        line = text(page, "· Ibuprofen gel")
        label = reveal(page, line).get_attribute("aria-label") or line.first.inner_text()
        shown = re.search(r"(\d\d:\d\d) · Ibuprofen gel", label).group(1)  # a group's label holds the line
        assert shown in {f"{added:%H:%M}", f"{added + timedelta(minutes=1):%H:%M}"}, label

        page.mouse.wheel(0, -10_000)  # the pain buttons are above the panel
        page.wait_for_timeout(500)
        _tap(page, "Pain 4")  # the next pain score asks about it, just below the buttons tapped
        for shown_at in (text(page, "Did Ibuprofen gel help?").first, _target(page, "Better").first):
            shown_at.wait_for()
            box = shown_at.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= 844, f"off screen: {shown_at} {box}"
        shot(page, "taken-did-it-help")
        _tap(page, "Better")
        reveal(page, text(page, "Ibuprofen gel · better")).wait_for()
        assert text(page, "Did Ibuprofen gel help?").count() == 0

        _tap(page, "End this episode")  # then it is history: open it in full
        page.mouse.wheel(0, -10_000)
        page.get_by_role("button", name="I'm having a spasm").wait_for()
        # the history row (" · worst pain"), not the chart's bar for its day ("Thu 03 Dec: worst pain 7/10")
        steady(page, reveal(page, text(page, "· worst pain 7/10"))).click()
        page.get_by_role("button", name="Change start").wait_for()
        reveal(page, text(page, f"{shown} · Ibuprofen gel · better")).wait_for()
        shot(page, "taken-in-history")

        report = open_app(context, server.url + "/report")  # a new page: semantics on again
        reveal(report, text(report, "Ibuprofen gel (better 1)")).wait_for()
        assert guard.unexpected == []
    taken = EpisodeLog(FileBackend(tmp_path / "episodes.json")).newest_first()[0].taken
    assert [(t.what, t.effect) for t in taken] == [("Ibuprofen gel", "better")]
