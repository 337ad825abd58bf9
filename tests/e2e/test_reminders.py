"""The pain reminder waits on home after 2 hours; a card names its sources in words, full ones on a tap."""

from datetime import UTC, datetime, timedelta

from app.domain.episode import Episode
from app.store import EpisodeLog
from app.store.backends import FileBackend
from tests.browser import AppServer, phone_browser
from tests.e2e.conftest import OPENED, open_app, reveal, shot, text


def test_the_pain_reminder_on_the_next_visit_logs_a_score_in_one_tap(tmp_path):
    log = EpisodeLog(FileBackend(tmp_path / "episodes.json"))
    log.add(Episode(start=datetime.now(UTC) - timedelta(hours=2, minutes=10)))
    with AppServer(tmp_path) as server, phone_browser() as (context, guard):
        context.add_init_script(OPENED)
        page = open_app(context, server.url)
        text(page, "How is your pain now?").first.wait_for()
        shot(page, "pain-reminder")
        page.get_by_role("button", name="Pain 4", exact=True).first.click()
        page.wait_for_function("() => !document.body.innerText.includes('How is your pain now?')")
        assert text(page, "How is your pain now?").count() == 0
        page.get_by_role("tab", name="Log").click()  # answered: the Log does not ask again
        page.get_by_role("button", name="SOS", exact=True).wait_for()
        page.wait_for_timeout(1000)
        assert text(page, "How is your pain now?").count() == 0
        assert guard.unexpected == []
    assert [p.score for p in EpisodeLog(FileBackend(tmp_path / "episodes.json")).active().pain] == [4]


def test_a_card_shows_its_sources_in_words_and_the_full_ones_after_a_tap(tmp_path):
    with AppServer(tmp_path) as server, phone_browser() as (context, guard):
        page = open_app(context, server.url)
        based = reveal(page, text(page, "Based on:"))
        assert "NG59" not in based.inner_text() and "et al" not in based.inner_text()
        reveal(page, page.get_by_role("button", name="Sources")).click()
        reveal(page, text(page, "NICE NG59: Low back pain and sciatica in over 16s"))
        shot(page, "card-sources-open")
        assert guard.unexpected == []
