"""The UI state without a browser: triage routing, deck positions, region choice, logging, undo."""

import asyncio

import pytest

from app.store import EpisodeLog, MemoryBackend
from app.store.backends import FileBackend
from app.ui.session import DELETED, Session


@pytest.fixture
def session():
    return Session(log=EpisodeLog(MemoryBackend()))


def test_no_flags_lead_to_the_first_relief_card_with_a_calm_note(session):
    session.show_card("relief", 4)
    session.open_sos()
    session.check()
    assert (session.overlay, session.tab, session.positions["relief"]) == (None, "relief", 0)
    assert "No red flags" in session.notice


def test_a_bladder_sign_is_an_emergency_and_unticking_clears_it(session):
    session.open_sos()
    session.toggle_flag("bladder-leaking")
    session.check()
    assert session.result.tier == "emergency"
    session.toggle_flag("bladder-leaking")
    assert session.ticked == []


def test_deck_positions_are_kept_per_deck(session):
    session.show_card("sleep", 2)
    session.show_tab("log")
    session.show_tab("sleep")
    assert session.positions == {"sleep": 2}


def test_locale_region_until_the_person_chooses(session):
    session.locale_region = "US"
    assert session.number == "911"
    session.set_setting("country", "AU")
    assert session.number == "000"
    session.set_setting("country", "custom")
    session.set_setting("custom", "0123")
    assert (session.number, session.emergency.own) == ("911", "0123")  # an extra, never the number


def test_pain_without_an_episode_is_ignored_and_with_one_is_kept(session):
    session.log_pain(5)
    assert len(session.log) == 0
    session.start_episode(minutes_ago=30)
    session.log_pain(5)
    session.toggle_choice("triggers", "lifting")
    assert [r.score for r in session.active.pain] == [5]
    assert session.active.triggers == ["lifting"]


def test_delete_then_undo_restores_the_episode(session):
    session.start_episode()
    episode = session.active
    session.delete(episode.id)
    assert len(session.log) == 0
    session.undo_delete()
    assert session.log.get(episode.id) == episode


def test_delete_all_says_it_is_done_only_once_it_is_saved(session, tmp_path):
    session.start_episode()
    asyncio.run(session.clear_all())
    assert session.notice == DELETED and len(session.log) == 0
    folder = tmp_path / "episodes.json"
    folder.mkdir()  # a log that cannot be written: nothing is saved, so nothing is said to be deleted
    unsaved = Session(log=EpisodeLog(FileBackend(folder)))
    asyncio.run(unsaved.clear_all())
    assert unsaved.notice is None and unsaved.save_error


def test_another_tabs_undo_cannot_bring_back_an_episode_after_delete_all():
    log = EpisodeLog(MemoryBackend())
    tab_a, tab_b = Session(log=log), Session(log=log)
    tab_a.start_episode()
    episode_id = log.active().id
    tab_a.delete(episode_id)
    assert tab_a.can_undo
    asyncio.run(tab_b.clear_all())
    assert not tab_a.can_undo
    tab_a.undo_delete()
    assert len(log) == 0


def test_a_tab_catches_up_with_what_another_tab_logged():

    log = EpisodeLog(MemoryBackend())
    tab_a, tab_b = Session(log=log), Session(log=log)
    before = tab_b.revision
    tab_a.start_episode()
    asyncio.run(tab_b.catch_up())
    assert tab_b.revision == before + 1 and tab_b.active is not None
    asyncio.run(tab_b.catch_up())
    assert tab_b.revision == before + 1  # nothing new: no redraw


def test_the_stored_log_notice_once_dismissed_is_not_shown_to_later_visits():
    log = EpisodeLog(MemoryBackend("{broken"))
    first = Session(log=log, problem=log.problem.message)
    first.dismiss_problem()
    assert log.problem is None


def test_every_sos_check_is_kept_with_its_outcome_and_signs(session):
    session.open_sos()
    session.toggle_flag("bladder-leaking")
    session.check()
    session.open_sos()
    session.check()
    assert [(c.tier, c.flags) for c in session.log.checks()] == [
        ("emergency", ["bladder-leaking"]), ("self-care", [])]


def test_what_was_taken_is_logged_in_the_persons_words_and_later_whether_it_helped():
    from app.domain.taken import ask_if_it_helped
    from app.ui.session import now
    session = Session(log=EpisodeLog(MemoryBackend()))
    session.start_episode(60)
    session.log_pain(7)
    episode = session.active
    session.add_taken(episode.id, " ibuprofen ", now())
    assert ask_if_it_helped(session.active) is None  # asked only once pain is scored again
    session.log_pain(5)
    assert ask_if_it_helped(session.active) == 0
    session.set_effect(episode.id, 0, "better")
    [entry] = session.active.taken
    assert (entry.what, entry.effect) == ("ibuprofen", "better")
    with pytest.raises(ValueError):
        session.set_effect(episode.id, 0, "cured")
