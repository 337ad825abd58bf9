"""SOS checks belong to the person: one can be deleted and brought back, and delete-all ends the undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.records import PegEntry, SosCheck
from app.domain.report import report
from app.store.backends import FileBackend, MemoryBackend
from app.store.repository import EpisodeLog

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def checks() -> list[SosCheck]:
    return [SosCheck(id="a", at=T0, tier="emergency", flags=["bladder-leaking"]),
            SosCheck(id="b", at=T0 + timedelta(days=1), tier="urgent", flags=["fever"]),
            SosCheck(id="c", at=T0 + timedelta(days=2), tier="self-care")]


def test_a_deleted_check_is_gone_from_the_log_the_file_and_the_summary(tmp_path):
    path = tmp_path / "episodes.json"
    log = EpisodeLog(FileBackend(path))
    log.add_records([*checks(), PegEntry(at=T0, pain=5, enjoyment=5, activity=5)])
    removed = log.delete_check("a")
    assert (removed.id, removed.tier) == ("a", "emergency")
    assert [c.id for c in log.checks()] == ["b", "c"]
    assert len(log.pegs()) == 1  # only the check goes
    assert [c.id for c in EpisodeLog(FileBackend(path)).checks()] == ["b", "c"]
    summary = report("all", T0 + timedelta(days=3), [], log.checks(), log.pegs())
    assert summary.outcome_counts == {"emergency": 0, "urgent": 1, "none": 1}


def test_undo_puts_the_same_check_back_once():
    log, kept = EpisodeLog(MemoryBackend()), checks()
    log.add_records(kept)
    removed = log.delete_check("b")
    assert log.restore_check(removed, log.generation)
    assert log.checks() == kept
    assert not log.restore_check(removed, log.generation)  # already back: not twice
    assert len(log.checks()) == 3


def test_delete_all_removes_every_check_and_no_earlier_undo_brings_one_back():
    log = EpisodeLog(MemoryBackend())
    log.add_records(checks())
    removed, generation = log.delete_check("c"), log.generation
    log.clear()
    assert log.checks() == []
    assert not log.restore_check(removed, generation)
    assert log.checks() == []


def test_an_unknown_check_cannot_be_deleted():
    log = EpisodeLog(MemoryBackend())
    log.add_records(checks())
    with pytest.raises(KeyError):
        log.delete_check("zzz")
    assert len(log.checks()) == 3


def test_a_check_deleted_in_one_window_is_gone_in_the_other(tmp_path):
    path = tmp_path / "episodes.json"
    first = EpisodeLog(FileBackend(path))
    first.add_records(checks())
    second = EpisodeLog(FileBackend(path))
    first.delete_check("a")
    second.refresh()
    assert [c.id for c in second.checks()] == ["b", "c"]
