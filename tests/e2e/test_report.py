"""For your doctor: seeded figures on /report; the saved page has no scripts or addresses, one A4 sheet."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.episode import Episode, PainReading, StepRecord
from app.domain.insights import time_of_day
from app.domain.records import PegEntry, SosCheck
from app.domain.report import report
from app.store.repository import FORMAT, SCHEMA
from app.store.summary import render
from tests.browser import PHONE, SHOTS, NetworkGuard
from tests.e2e.conftest import Server, open_app, reveal, shot, text

NOW = datetime.now(UTC).replace(microsecond=0)


def _episode(days: float, hours: float | None, peak: int, triggers=(), heat=None, **extra) -> Episode:
    start = NOW - timedelta(days=days)
    steps = [StepRecord(card="heat-pad", at=start + timedelta(minutes=5), pain_before=heat[0],
                        pain_after=heat[1])] if heat else []
    return Episode(start=start, end=start + timedelta(hours=hours) if hours is not None else None,
                   pain=[PainReading(at=start, score=peak)], triggers=list(triggers), steps=steps, **extra)


EPISODES = [
    _episode(70, 2, 6, ["lifting"]),
    _episode(45, 1, 5, ["stress"]),
    _episode(26, 3, 8, ["lifting"], (8, 5), notes="Woke at 3 am, could not turn over"),
    _episode(19, 0.5, 6, ["lifting", "stress"], (6, 4), helped_note="Ibuprofen gel from the pharmacy"),
    _episode(12, 5, 9, ["twisting"], (8, 6)),
    _episode(8, 1.5, 7, ["lifting"]),
    _episode(4, 2, 5, ["long-sitting"]),
    _episode(0.125, None, 4),
]
CHECKS = [SosCheck(at=NOW - timedelta(days=10), tier="emergency", flags=["saddle-numbness"]),
          SosCheck(at=NOW - timedelta(days=2), tier="urgent", flags=["fever"])]
PEGS = [PegEntry(at=NOW - timedelta(days=d), pain=p, enjoyment=p, activity=p)
        for d, p in ((22, 6), (15, 5), (8, 4))]


def _table(rows) -> dict:
    return {str(i): r.model_dump(mode="json") for i, r in enumerate(rows, 1)}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    (data / "episodes.json").write_text(json.dumps({"format": FORMAT, "schema": SCHEMA, "tables": {
        "episodes": _table(EPISODES), "checks": _table(CHECKS), "peg": _table(PEGS)}}))
    srv = Server(data)
    yield srv
    srv.stop()


def pages_of(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def print_and_look(context, html: str, name: str) -> int:
    """The page as a phone shows it in light and dark, and as printed on A4; returns the PDF's pages."""
    SHOTS.mkdir(exist_ok=True)
    page = context.new_page()
    page.set_content(html)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.screenshot(path=str(SHOTS / f"{name}-{scheme}.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    (SHOTS / f"{name}.pdf").write_bytes(pdf)
    page.emulate_media(media="print", color_scheme="light")
    page.set_viewport_size({"width": 718, "height": 1047})  # A4 less 10 mm margins, at 96 dpi
    page.screenshot(path=str(SHOTS / f"{name}-printed.png"), full_page=True)
    page.close()
    return pages_of(pdf)


def test_report_shows_the_figures_saves_one_self_contained_page(server, browser_context, tmp_path):
    context, _ = browser_context
    expected = report("30", NOW, EPISODES, CHECKS, PEGS)
    assert expected.episodes == 6 and expected.peg.called_out == "better"
    page = open_app(context, server.url + "/report")
    text(page, "For your doctor").first.wait_for()
    shot(page, "report-top")
    # the median of 3, 0.5, 5, 1.5 and 2 h, then the longest
    for shown in ("episodes", "2 h", "5 h", "1 emergency, 1 urgent, 0 found no red flag",
                  "Episode open now, for 3 h", "Nov 2026: ",
                  "New numbness or tingling around your genitals", "A high temperature",
                  "Heat pad or warm towel: pain -2.0 (median of 3 episodes)",
                  "Lifting something: 3 of 6 episodes",
                  "Ibuprofen gel from the pharmacy"):
        reveal(page, text(page, shown)).wait_for(timeout=10_000)
    reveal(page, text(page, "-33%")).wait_for()
    reveal(page, text(page, "meaningfully better")).wait_for()
    reveal(page, text(page, "Krebs EE et al., J Gen Intern Med 2009")).wait_for()
    shot(page, "report-peg")

    page.mouse.wheel(0, -10_000)
    page.get_by_role("button", name="90 days").click()
    reveal(page, text(page, "Lifting something: 4 of 8 episodes")).wait_for()
    reveal(page, page.get_by_role("switch", name="Show my notes (in the saved page too)")).click()
    reveal(page, text(page, "could not turn over")).wait_for()
    page.mouse.wheel(0, -10_000)
    with page.expect_download() as download:
        reveal(page, page.get_by_role("button", name="Save for your doctor")).click()
    name = download.value.suggested_filename
    first = (NOW - timedelta(days=90)).astimezone()
    assert name == f"spasm-sos-summary-{first:%Y-%m-%d}-to-{NOW.astimezone():%Y-%m-%d}.html"
    saved = tmp_path / name
    download.value.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "http" not in html.lower()
    assert "<b>8</b><span>episodes" in html and "could not turn over" in html
    text(page, f"Saved {name}").first.wait_for()
    assert print_and_look(context, html, "summary") == 1
    page.close()


def test_weekly_check_is_offered_answered_and_then_not_offered_again(server, browser_context):
    log = open_app(browser_context[0], server.url + "/log")
    reveal(log, log.get_by_role("button", name="End this episode")).click()  # never offered while one is open
    log.mouse.wheel(0, -10_000)  # back to the top, where the Log offers a new spasm once this one ended
    log.get_by_role("button", name="I'm having a spasm").wait_for()
    log.close()
    page = open_app(browser_context[0], server.url + "/report")
    reveal(page, page.get_by_role("button", name="Start the weekly check")).click()
    for n, score in ((1, 3), (2, 2), (3, 4)):
        text(page, f"Question {n} of 3").first.wait_for()
        if n == 1:
            shot(page, "peg-question")
        page.get_by_role("button", name=f"Answer {score}").click()
    text(page, "Weekly check saved: PEG score 3.0 out of 10.").first.wait_for()
    page.close()
    again = open_app(browser_context[0], server.url + "/report")
    reveal(again, text(again, "Weekly check (PEG)")).wait_for()
    reveal(again, text(again, "Save for your doctor"))
    assert again.get_by_role("button", name="Start the weekly check").count() == 0
    again.close()


def test_log_insights_learn_from_the_persons_own_episodes(server, browser_context):
    bands = time_of_day(EPISODES)
    page = open_app(browser_context[0], server.url + "/log")
    reveal(page, text(page, "Your patterns")).wait_for()
    said = f"mostly in the {bands.leader}" if bands.leader else "no clear pattern yet"
    reveal(page, text(page, f"Time of day: {said}")).wait_for()
    reveal(page, text(page, "Day of the week:")).wait_for()
    reveal(page, text(page, "Lifting something 50%")).wait_for()
    reveal(page, text(page, "Heat pad or warm towel -2.0 (3 episodes)")).wait_for()
    shot(page, "log-insights")
    page.close()


def test_dark_report_screen(server, browser_context):
    context = browser_context[0].browser.new_context(**{**PHONE, "color_scheme": "dark"})
    guard = NetworkGuard()
    guard.install(context)
    page = open_app(context, server.url + "/report")
    text(page, "For your doctor").first.wait_for()
    shot(page, "report-dark")
    reveal(page, text(page, "Tap a bar to see its score.")).wait_for()  # the Log's 0-10 chart, here too
    shot(page, "report-dark-chart")
    reveal(page, text(page, "Weekly check (PEG)"))
    shot(page, "report-dark-peg")
    context.close()
    assert guard.unexpected == []


def test_the_longest_possible_summary_still_prints_on_one_page(browser_context):
    """Every list at its cap and every text at its longest: still one A4 sheet."""
    long = "word " * 200
    STEP_CARDS = ("heat-pad", "ice-pack", "rest-knees-bent", "knee-to-chest", "short-walk")  # noqa: N806
    many = [Episode(start=NOW - timedelta(days=d + 0.2), end=NOW - timedelta(days=d), notes=long[:1000],
                    helped_note=f"{d} {long}"[:200], triggers=["lifting", "stress", "twisting", "bending",
                                                               "long-drive", "poor-sleep"],
                    pain=[PainReading(at=NOW - timedelta(days=d + 0.2), score=d % 11)],
                    steps=[StepRecord(card=c, at=NOW - timedelta(days=d + 0.1), pain_before=8,
                                      pain_after=d % 8) for c in STEP_CARDS],
                    helped=["heat-pad", "ice-pack", "short-walk", "settle", "pelvic-tilt"])
            for d in range(1, 700, 3)]
    flags = ["both-legs-numb-weak", "saddle-numbness", "inner-thigh-pins-needles", "bladder-leaking",
             "bowel-leaking", "chest-pain", "fever", "weight-loss"]
    checks = [SosCheck(at=NOW - timedelta(days=d), tier="emergency", flags=flags) for d in range(1, 40)]
    pegs = [PegEntry(at=NOW - timedelta(days=d), pain=9, enjoyment=8, activity=d % 10)
            for d in range(1, 700, 7)]
    html = render(report("all", NOW, many, checks, pegs), show_notes=True)
    assert print_and_look(browser_context[0], html, "summary-longest") == 1
