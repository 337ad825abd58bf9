"""The summary file: self-contained HTML with the report's figures, no scripts, no addresses."""

import re
from datetime import UTC, timedelta

from app.domain.episode import Episode
from app.domain.records import PegEntry, SosCheck
from app.domain.report import report
from app.store import EpisodeLog, MemoryBackend
from app.store.summary import MAX_CHECKS, MAX_NOTES, NOTE_CHARS, render, shown_checks, summary_for
from tests.domain.test_report import CHECKS, EPISODES, NOW, PEGS, ago

EXTERNAL = re.compile(r"\b(src|href|action|srcset|xlink:href)\s*=|url\(|@import|//", re.I)


def page(key="90", show_notes=False, episodes=EPISODES, checks=CHECKS, pegs=PEGS) -> str:
    return render(report(key, NOW, episodes, checks, pegs, tz=UTC), show_notes)


def test_no_scripts_no_addresses_nothing_fetched():
    html = page(show_notes=True)
    assert "<script" not in html.lower() and "http" not in html.lower()
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "<style>" in html and "<svg" in html and 'charset="utf-8"' in html


def test_an_address_in_the_persons_own_words_does_not_become_one():
    noted = [*EPISODES[:-1], EPISODES[-1].model_copy(update={"notes": "Physio sheet: https://example.org/x"})]
    html = page(show_notes=True, episodes=noted)
    assert "http" not in html.lower() and "&#104;ttps://example.org/x" in html


def test_the_persons_words_are_escaped():
    noted = [*EPISODES[:-1], EPISODES[-1].model_copy(update={"helped_note": "<b>hot bath</b> & rest"})]
    html = page(episodes=noted)
    assert "&lt;b&gt;hot bath&lt;/b&gt; &amp; rest" in html and "<b>hot bath" not in html


def test_the_figures_of_the_report_are_on_the_page():
    html = page("90")
    for shown in ("<b>5</b><span>episodes", "<b>2 h</b><span>median length", "<b>5 h</b><span>longest",
                  "open 2 days", "3 checks:</b> 1 emergency, 1 urgent, 1 found no red flag",
                  "New numbness or tingling around your genitals", "emergency",
                  "Heat pad or warm towel: -2.0 (median of 3 episodes)",
                  "Lifting something: 3 of 5 episodes", "ibuprofen from the pharmacy",
                  "change -33%", "meaningful improvement", "Krebs EE", "J Gen Intern Med 2009"):
        assert shown in html, shown


def test_one_circle_per_scored_episode_and_one_bar_per_month():
    r = report("90", NOW, EPISODES, CHECKS, PEGS, tz=UTC)
    html = render(r)
    peaks = html.split('aria-label="Worst pain')[1].split("</svg>")[0]
    months = html.split('aria-label="Episodes per month"')[1].split("</svg>")[0]
    assert peaks.count("<circle") == len(r.peaks) == 5
    assert months.count("<rect") == len(r.per_month) == 4


def test_notes_only_on_request():
    assert "Could not sleep" not in page("30")
    assert "Could not sleep" in page("30", show_notes=True)


def test_not_enough_data_is_said_not_guessed():
    html = page("30", episodes=EPISODES[4:], checks=[], pegs=[])
    assert "Not enough data yet (1 more episodes needed)" in html
    assert "Guided steps: not enough data yet" in html
    assert "No red-flag check was made" in html and "No PEG answers" in html


def test_long_lists_are_cut_to_fit_one_page_and_say_so():
    many = [Episode(start=ago(d + 0.5), end=ago(d), notes=f"note {d}") for d in range(1, 12)]
    checks = [SosCheck(at=ago(d), tier="self-care") for d in range(1, 11)]
    html = page("30", show_notes=True, episodes=many, checks=checks)
    assert html.count("no signs ticked") == MAX_CHECKS
    assert f"and {10 - MAX_CHECKS} more (counted above)" in html
    assert html.count("<li><b>") == MAX_NOTES and f"and {11 - MAX_NOTES} earlier notes" in html


def test_when_checks_must_be_cut_the_ones_that_found_signs_stay():
    checks = [SosCheck(at=ago(d), tier="self-care") for d in range(1, 9)] + [
        SosCheck(at=ago(20), tier="emergency", flags=["saddle-numbness"]),
        SosCheck(at=ago(25), tier="urgent", flags=["fever", "weight-loss", "cancer-history"])]
    r = report("30", NOW, EPISODES, checks, PEGS, tz=UTC)
    shown = shown_checks(r)
    assert len(shown) == MAX_CHECKS and [c.outcome for c in shown][-2:] == ["emergency", "urgent"]
    assert [c.at for c in shown] == sorted((c.at for c in shown), reverse=True)
    html = render(r)
    assert "(+1 more)" in html, "signs beyond the second are counted, not dropped silently"


def test_the_summary_of_a_log_is_named_with_its_dates():
    log = EpisodeLog(MemoryBackend())
    log.add(Episode(start=NOW - timedelta(days=3), end=NOW - timedelta(days=3) + timedelta(hours=1)))
    log.add_records([SosCheck(at=NOW - timedelta(days=2), tier="urgent", flags=["fever"]),
                     PegEntry(at=NOW - timedelta(days=1), pain=5, enjoyment=4, activity=3)])
    name, html = summary_for(log, "30", NOW)
    assert name == "spasm-sos-summary-2026-10-22-to-2026-11-21.html"
    assert "<b>1</b><span>episodes" in html and "A high temperature" in html and "<b>4.0</b>" in html


def test_an_address_in_any_mix_of_cases_does_not_become_one():
    for address in ("Http://example.org", "hTTpS://example.org", "HTTP://x", "see http://a and Http://b"):
        noted = [*EPISODES[:-1], EPISODES[-1].model_copy(update={"notes": address})]
        html = page(show_notes=True, episodes=noted)
        assert "http" not in html.lower(), address


def test_a_word_longer_than_the_page_is_broken_rather_than_widening_it():
    word = "a" * 1000
    noted = [*EPISODES[:-1], EPISODES[-1].model_copy(update={"notes": word, "helped_note": word})]
    html = page(show_notes=True, episodes=noted)
    rules = re.findall(r"(?<![-\w])body\{([^}]*)\}", html)
    assert any("overflow-wrap:anywhere" in r for r in rules)  # inherited by every cell and list item
    assert not any("overflow-wrap" in r and "anywhere" not in r for r in rules)
    assert word[:NOTE_CHARS - 1] in html


def test_the_summary_names_the_app_version_it_was_made_with():
    from datetime import UTC, datetime

    from app.store.backends import MemoryBackend
    from app.store.repository import EpisodeLog
    from app.store.summary import summary_for
    from app.version import __version__
    now = datetime.now(UTC).astimezone()
    _, html = summary_for(EpisodeLog(MemoryBackend()), "30", now, False)
    assert f"Spasm SOS {__version__}" in html
