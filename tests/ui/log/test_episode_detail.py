"""A history row opens the episode in full: times, every score, steps, choices, notes; reopen, delete."""

from __future__ import annotations

from datetime import datetime, timedelta

import flet as ft
import pytest
from flet.components.component import Component, Renderer

from app.domain.episode import Episode, PainReading, StepRecord, Taken
from app.store import EpisodeLog, MemoryBackend
from app.ui.log.episode_detail import EpisodeDetail, times, toggled
from app.ui.log.episode_pain import pain_words, when
from app.ui.log.episode_steps import step_line
from app.ui.session import Session

START = datetime(2026, 11, 30, 8, 10).astimezone()


def at(minutes: int) -> datetime:
    return START + timedelta(minutes=minutes)


EPISODE = Episode(
    id="past", start=START, end=at(150), triggers=["lifting"], helped=["ice-pack"],
    notes="Could not turn over",
    pain=[PainReading(at=at(80), score=3), PainReading(at=START, score=8), PainReading(at=at(30), score=6)],
    steps=[StepRecord(card="ice-pack", at=at(5), pain_before=8, pain_after=6),
           StepRecord(card="knee-to-chest", at=at(40), outcome="skipped")],
    taken=[Taken(at=at(15), what="Ibuprofen gel", effect="better")],
)


@pytest.fixture
def session():
    s = Session(log=EpisodeLog(MemoryBackend()))
    s.log.add(EPISODE)
    return s


def drawn(session: Session, episode: Episode) -> list:
    """Every control the detail draws (child components stay unrendered wrappers)."""
    with Renderer().with_context():
        tree = EpisodeDetail.__component_impl__(session, episode)
    out, todo = [], [tree]
    while todo:
        c = todo.pop(0)
        out.append(c)
        for attr in ("content", "controls"):
            v = getattr(c, attr, None)
            todo += v if isinstance(v, list) else [v] if isinstance(v, ft.BaseControl) else []
    return out


def texts(controls: list) -> list[str]:
    return [c.value for c in controls if isinstance(c, ft.Text)]


def test_the_episode_in_full_shows_times_every_score_and_the_steps(session):
    shown = texts(drawn(session, EPISODE))
    assert "Started Mon 30 Nov 2026, 08:10" in shown and "Ended 10:40 · lasted 2 h 30 min" in shown
    assert "Pain 8 at 08:10, 6 at 08:40, 3 at 09:30" in shown  # in time order, whatever the saved order
    assert "Wrapped ice pack · 08:15 · done · pain 8 before, 6 after" in shown
    assert "Knee-to-chest stretch · 08:50 · skipped" in shown


def test_what_was_taken_the_choices_and_the_notes_are_there_to_edit(session):
    controls = drawn(session, EPISODE)
    panels = [c for c in controls if isinstance(c, Component)]
    assert any(c.fn.__name__ == "TakenPanel" and c.args[1] is EPISODE for c in panels)
    chips = [c for c in panels if c.fn.__name__ == "ChoiceChips"]
    assert [c.args[1] for c in chips] == [["lifting"], ["ice-pack"]]
    chips[0].args[2]("stress")  # tapping a trigger chip changes this past episode, not only an open one
    assert session.log.get("past").triggers == ["lifting", "stress"]
    notes = next(c for c in panels if c.fn.__name__ == "TypedField")
    assert (notes.kwargs["label"], notes.kwargs["value"]) == ("Notes", "Could not turn over")


def test_a_past_episode_can_be_reopened_or_deleted_with_undo(session):
    buttons = {c.content: c for c in drawn(session, EPISODE) if isinstance(c, ft.OutlinedButton | ft.Button)}
    buttons["Mark as ongoing"].on_click()
    assert session.log.get("past").end is None
    buttons["Delete"].on_click()
    assert "past" not in session.log and session.can_undo
    session.undo_delete()
    assert session.log.get("past").steps == EPISODE.steps


def test_an_open_episode_says_so_and_offers_end_now(session):
    still = EPISODE.model_copy(update={"end": None})
    shown = drawn(session, still)
    assert any(t.startswith("Still going · ") for t in texts(shown))
    assert "End now" in [c.content for c in shown if isinstance(c, ft.OutlinedButton)]


def test_words_for_times_scores_and_steps():
    assert times(EPISODE)[1] == "Ended 10:40 · lasted 2 h 30 min"
    overnight = EPISODE.model_copy(update={"end": START + timedelta(days=1)})
    assert times(overnight)[1].startswith("Ended Tue 01 Dec, 08:10")
    assert when(START + timedelta(days=1, hours=1), START) == "Tue 09:10"  # a later day names the day
    assert pain_words(Episode(start=START)) == "No pain score was given."
    half = StepRecord(card="heat-pad", at=at(3), pain_before=7)
    assert step_line(half, EPISODE) == ("Heat pad or warm towel · 08:13 · done · "
                                        "pain 7 before, not scored after")
    assert toggled(["a", "b"], "a") == ["b"] and toggled(["b"], "a") == ["b", "a"]
