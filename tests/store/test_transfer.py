"""Export to JSON/CSV and import JSON: what leaves the phone comes back exactly."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.domain.episode import Episode, PainReading
from app.store.backends import FileBackend
from app.store.repository import EpisodeLog
from app.store.transfer import (
    MAX_IMPORT_BYTES,
    MIB,
    ImportRejected,
    ImportReport,
    ImportTooLarge,
    check_import_size,
    export_csv,
    export_json,
    export_json_file,
    import_json,
)

T0 = datetime(2024, 3, 1, 8, 30, tzinfo=UTC)
NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


def sample_episodes() -> list[Episode]:
    bst = timezone(timedelta(hours=1))
    return [
        Episode(id="closed", start=T0, end=T0 + timedelta(minutes=95),
                pain=[PainReading(at=T0, score=8), PainReading(at=T0 + timedelta(minutes=30), score=5),
                      PainReading(at=T0 + timedelta(minutes=90), score=2)],
                triggers=["lifting", "twisting"], trigger_note="moving the sofa",
                helped=["ice-pack", "rest-90-90"], helped_note="ice at 20 min",
                notes='Said "ouch", then: lay down,\nand waited.'),
        Episode(id="open-bst", start=datetime(2024, 5, 2, 7, 15, 30, 123456, tzinfo=bst),
                pain=[PainReading(at=datetime(2024, 5, 2, 7, 16, tzinfo=bst), score=6)],
                triggers=["poor-sleep"], notes="ünïcode ✓ 痛い"),
        Episode(id="bare", start=T0 - timedelta(days=30)),
    ]


@pytest.fixture
def path(tmp_path):
    return tmp_path / "episodes.json"


@pytest.fixture
def full(tmp_path) -> EpisodeLog:
    log = EpisodeLog(FileBackend(tmp_path / "source.json"))
    log.add_many(sample_episodes())
    return log


def good_record(id: str, hours: int = 0) -> dict:
    return Episode(id=id, start=T0 + timedelta(hours=hours), triggers=["stress"]).model_dump(mode="json")


def envelope(records: list) -> str:
    return json.dumps({"format": "spasm-sos-export", "version": 1,
                       "exported_at": NOW.isoformat(), "episodes": records})


# JSON round trip -------------------------------------------------------------

def test_export_is_versioned_and_oldest_first(full):
    doc = json.loads(export_json(full, now=NOW))
    assert doc["format"] == "spasm-sos-export"
    assert doc["version"] == 1
    assert doc["exported_at"] == "2024-06-01T12:00:00+00:00"
    assert [r["id"] for r in doc["episodes"]] == ["bare", "closed", "open-bst"]


def test_export_import_round_trips_exactly(full, path):
    text = export_json(full, now=NOW)
    target = EpisodeLog(FileBackend(path))
    report = import_json(target, text)
    assert (report.added, report.skipped, report.errors) == (3, 0, ())
    assert export_json(target, now=NOW) == text
    reopened = EpisodeLog(FileBackend(path))
    assert export_json(reopened, now=NOW) == text
    assert reopened.get("open-bst").start.utcoffset() == timedelta(hours=1)
    assert reopened.get("open-bst").start.microsecond == 123456
    assert reopened.get("closed").notes == 'Said "ouch", then: lay down,\nand waited.'


def test_import_accepts_bytes(full, path):
    target = EpisodeLog(FileBackend(path))
    report = import_json(target, export_json(full, now=NOW).encode("utf-8"))
    assert report.added == 3 and len(target) == 3


def test_import_keeps_the_copy_changed_here_more_recently_and_says_so(full, path):
    target = EpisodeLog(FileBackend(path))
    target.add(Episode(id="closed", start=T0, notes="my own version"))  # changed after the export
    report = import_json(target, export_json(full, now=NOW))
    assert (report.added, report.older, report.skipped) == (2, 1, 0)
    assert "1 kept as they are here" in report.summary
    assert target.get("closed").notes == "my own version"
    again = import_json(target, export_json(full, now=NOW))
    assert (again.added, again.older, again.skipped) == (0, 1, 2)
    assert len(EpisodeLog(FileBackend(path))) == 3


def test_import_of_only_known_ids_does_not_rewrite_the_log(full, path, monkeypatch):
    target = EpisodeLog(FileBackend(path))
    import_json(target, export_json(full, now=NOW))

    def no_writes(text):
        raise AssertionError("the log was rewritten")

    monkeypatch.setattr(target.backend, "write", no_writes)
    monkeypatch.setattr(target.backend, "write_parts", no_writes, raising=False)
    report = import_json(target, export_json(full, now=NOW))
    assert (report.added, report.skipped) == (0, 3)


def test_import_of_empty_export_adds_nothing(path):
    log = EpisodeLog(FileBackend(path))
    report = import_json(log, export_json(log, now=NOW))
    assert (report.added, report.skipped) == (0, 0)
    assert len(log) == 0


# rejected imports ----------------------------------------------------------

def test_one_bad_record_rejects_the_whole_file(full, path):
    target = EpisodeLog(FileBackend(path))
    target.add(Episode(id="mine", start=T0))
    before = path.read_bytes()
    records = [good_record("r1", 1), good_record("r2", 2),
               {**good_record("r3", 3), "pain": [{"at": "2024-03-01T09:00:00Z", "score": 12}]},
               good_record("r4", 4)]
    with pytest.raises(ImportRejected) as info:
        import_json(target, envelope(records))
    errors = info.value.report.errors
    assert len(errors) == 1 and errors[0].startswith("record 3")
    assert "score" in errors[0]
    assert "record 3" in str(info.value)
    assert path.read_bytes() == before
    assert [e.id for e in target.newest_first()] == ["mine"]
    assert [e.id for e in EpisodeLog(FileBackend(path)).newest_first()] == ["mine"]


def test_errors_name_each_bad_record_and_are_capped(path):
    log = EpisodeLog(FileBackend(path))
    records = [good_record("ok1")]
    records += [{**good_record(f"bad{i}"), "triggers": ["aliens"]} for i in range(2, 10)]
    with pytest.raises(ImportRejected) as info:
        import_json(log, envelope(records))
    errors = info.value.report.errors
    assert [e.split(":")[0] for e in errors] == [f"record {n}" for n in range(2, 7)]
    assert "aliens" in errors[0]
    assert not path.exists()


def test_same_id_twice_in_file_is_rejected(path):
    log = EpisodeLog(FileBackend(path))
    with pytest.raises(ImportRejected) as info:
        import_json(log, envelope([good_record("x"), good_record("y"), good_record("x", 5)]))
    assert info.value.report.errors[0].startswith("record 3")
    assert "twice" in info.value.report.errors[0]
    assert len(log) == 0 and not path.exists()


@pytest.mark.parametrize("text, says", [
    ("", "not a JSON file"),
    ("{oops", "not a JSON file"),
    ("[]", "not a Spasm SOS export"),
    (json.dumps({"format": "spasm-sos-log", "schema": 1, "tables": {}}), "not a Spasm SOS export"),
    (json.dumps({"format": "spasm-sos-export", "version": 2, "episodes": []}), "unsupported export version"),
    (json.dumps({"format": "spasm-sos-export", "version": 1, "episodes": {}}), "must be a list"),
    (json.dumps({"format": "spasm-sos-export", "version": 1}), "must be a list"),
])
def test_not_an_export_is_rejected_with_a_reason(full, text, says):
    before = full.backend.read()
    with pytest.raises(ImportRejected) as info:
        import_json(full, text)
    assert says in info.value.report.errors[0]
    assert full.backend.read() == before
    assert len(full) == 3


# CSV -----------------------------------------------------------------------

def test_csv_has_header_and_one_row_per_episode(full):
    rows = list(csv.DictReader(io.StringIO(export_csv(full))))
    assert [r["id"] for r in rows] == ["bare", "closed", "open-bst"]
    header = export_csv(full).splitlines()[0].split(",")
    assert header[:2] == ["id", "start"] and "notes" in header and "peak_pain" in header


def test_csv_values_are_right(full):
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export_csv(full)))}
    closed = rows["closed"]
    assert closed["start"] == "2024-03-01T08:30:00+00:00"
    assert closed["end"] == "2024-03-01T10:05:00+00:00"
    assert closed["duration_minutes"] == "95"
    assert closed["peak_pain"] == "8"
    assert closed["pain_readings"].split(";") == [
        "2024-03-01T08:30:00+00:00=8", "2024-03-01T09:00:00+00:00=5", "2024-03-01T10:00:00+00:00=2"]
    assert closed["triggers"] == "lifting;twisting"
    assert closed["trigger_note"] == "moving the sofa"
    assert closed["helped"] == "ice-pack;rest-90-90"
    assert closed["helped_note"] == "ice at 20 min"
    assert closed["notes"] == 'Said "ouch", then: lay down,\nand waited.'

    still_open = rows["open-bst"]
    assert still_open["start"] == "2024-05-02T07:15:30.123456+01:00"
    assert still_open["end"] == "" and still_open["duration_minutes"] == ""
    assert still_open["peak_pain"] == "6"
    assert still_open["notes"] == "ünïcode ✓ 痛い"

    bare = rows["bare"]
    assert bare["peak_pain"] == "" and bare["pain_readings"] == "" and bare["triggers"] == ""


def test_csv_of_empty_log_is_just_the_header(path):
    rows = list(csv.reader(io.StringIO(export_csv(EpisodeLog(FileBackend(path))))))
    assert len(rows) == 1 and rows[0][0] == "id"


def test_import_of_a_newer_copy_of_a_known_episode_updates_it_and_says_so(full, path):
    target = EpisodeLog(FileBackend(path))
    import_json(target, export_json(full, now=NOW))
    full.update(full.get("closed").model_copy(update={"notes": "edited on my other phone"}))
    report = import_json(target, export_json(full, now=NOW))
    assert (report.added, report.updated, report.skipped) == (0, 1, 2)
    assert "1 updated" in report.summary
    assert EpisodeLog(FileBackend(path)).get("closed").notes == "edited on my other phone"


@pytest.mark.parametrize("note", ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_cells_a_spreadsheet_would_run_are_escaped(path, note):
    log = EpisodeLog(FileBackend(path))
    log.add(Episode(id="x", start=T0, notes=note, trigger_note=note))
    row = next(csv.DictReader(io.StringIO(export_csv(log))))
    assert row["notes"] == "'" + note and row["trigger_note"] == "'" + note


def test_a_file_over_the_limit_is_refused_before_parsing_with_a_clear_message(path):
    log = EpisodeLog(FileBackend(path))
    with pytest.raises(ImportTooLarge, match="the file is 19.0 MB; the app can import files up to 15.0 MB"):
        import_json(log, b" " * (19 * MIB))
    with pytest.raises(ImportTooLarge, match="up to 15.0 MB"):
        check_import_size(19 * MIB)  # what the screen asks before the bytes are sent
    check_import_size(MAX_IMPORT_BYTES)
    assert not path.exists()


def test_the_import_limit_leaves_room_in_one_websocket_message_for_the_call_around_the_file():
    from app.store import transfer

    # a picked file arrives in one message with its name (up to 255 characters, 4 bytes each in
    # UTF-8) and msgpack's envelope: a file at the limit must still fit under uvicorn's 16 MiB
    assert MAX_IMPORT_BYTES + 255 * 4 + 64 * 1024 < transfer.WEBSOCKET_MESSAGE == 16 * MIB


def test_import_with_a_utf8_bom_is_accepted(full, path):
    target = EpisodeLog(FileBackend(path))
    report = import_json(target, b"\xef\xbb\xbf" + export_json(full, now=NOW).encode())
    assert report.added == 3


def test_import_of_a_year_one_episode_is_refused_with_its_record_number(full, path):
    doc = json.loads(export_json(full, now=NOW))
    doc["episodes"][1]["start"] = "0001-01-01T00:30:00+00:00"
    with pytest.raises(ImportRejected, match="record 2: start"):
        import_json(EpisodeLog(FileBackend(path)), json.dumps(doc))
    assert not path.exists()


def test_sos_checks_and_peg_answers_travel_with_the_export(full, path):
    from app.domain.records import PegEntry, SosCheck

    full.add_record(SosCheck(tier="urgent", flags=["fever"]))
    full.add_record(PegEntry(pain=7, enjoyment=6, activity=8))
    target = EpisodeLog(FileBackend(path))
    import_json(target, export_json(full, now=NOW))
    again = EpisodeLog(FileBackend(path))
    assert [(c.tier, c.flags) for c in again.checks()] == [("urgent", ["fever"])]
    assert [p.score for p in again.pegs()] == [7.0]
    import_json(again, export_json(full, now=NOW))  # importing twice adds nothing
    assert len(again.checks()) == 1 and len(again.pegs()) == 1


def test_an_invalid_peg_answer_rejects_the_whole_file(full, path):
    doc = json.loads(export_json(full, now=NOW))
    doc["peg"] = [{"pain": 11, "enjoyment": 1, "activity": 1}]
    with pytest.raises(ImportRejected, match="PEG answer 1: pain"):
        import_json(EpisodeLog(FileBackend(path)), json.dumps(doc))
    assert not path.exists()


def test_summary_counts_in_plain_words():
    assert ImportReport(added=1).summary == "Imported 1 episode."
    assert ImportReport(added=3, skipped=2).summary == "Imported 3 episodes; 2 were already here."


# big logs --------------------------------------------------------------------

def _big_log_file(path, n: int) -> None:
    """A log of n episodes written as the app writes it, without building n models here."""
    rows = {}
    for i in range(n):
        start = T0 - timedelta(hours=6 * i)
        rows[str(i + 1)] = {
            "id": f"big{i:06d}", "start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat(),
            "pain": [{"at": (start + timedelta(minutes=m)).isoformat(), "score": s}
                     for m, s in ((0, 8), (30, 6), (90, 3))],
            "triggers": ["lifting"], "trigger_note": "", "helped": ["ice-pack"], "helped_note": "",
            "notes": f"woke up stiff, day {i}", "temperature": None, "steps": [],
            "updated_at": start.isoformat()}
    path.write_text(json.dumps({"format": "spasm-sos-log", "schema": 2, "tables": {"episodes": rows}}),
                    encoding="utf-8")


def test_an_export_of_50000_episodes_imports_back(tmp_path):
    source = tmp_path / "source.json"
    _big_log_file(source, 50_000)
    log = EpisodeLog(FileBackend(source))
    assert len(log) == 50_000 and not log.invalid_rows()

    exported = export_json_file(log, now=NOW)
    assert exported.importable and exported.extension == "json.gz"  # plain JSON would not fit
    assert len(exported.data) <= MAX_IMPORT_BYTES
    target = EpisodeLog(FileBackend(tmp_path / "target.json"))
    report = import_json(target, exported.data)

    assert report.added == 50_000
    again = EpisodeLog(FileBackend(tmp_path / "target.json"))
    assert len(again) == 50_000
    assert again.get("big012345") == log.get("big012345")
    assert [e.id for e in again.page(0, 3)] == ["big000000", "big000001", "big000002"]


def test_a_small_export_stays_plain_json_and_imports_back(full, path):
    exported = export_json_file(full, now=NOW)
    assert exported.extension == "json" and exported.importable
    assert json.loads(exported.data)["format"] == "spasm-sos-export"
    assert import_json(EpisodeLog(FileBackend(path)), exported.data).added == 3


def test_a_compressed_file_that_unpacks_too_big_or_is_damaged_is_refused_plainly(path):
    import gzip

    log = EpisodeLog(FileBackend(path))
    bomb = gzip.compress(b" " * (70 * MIB))  # a few kB that would unpack to 70 MB
    with pytest.raises(ImportTooLarge, match="unpacks to more than 64.0 MB"):
        import_json(log, bomb)
    with pytest.raises(ImportRejected, match="compressed file is (damaged|cut short)"):
        import_json(log, gzip.compress(envelope([]).encode())[:-12])
    assert not path.exists()


def test_a_save_made_while_an_import_is_writing_waits_for_it_and_is_kept(full, path):
    import threading
    import time

    class SlowFirstWrite(FileBackend):
        """The import's write takes a while, long enough for a tap to save meanwhile."""

        def __init__(self, path) -> None:
            super().__init__(path)
            self.writing, self.slow = threading.Event(), True

        def _pause(self) -> None:
            if self.slow:
                self.slow = False
                self.writing.set()
                time.sleep(0.5)

        def write_parts(self, parts) -> None:
            parts = list(parts)
            self._pause()
            super().write_parts(parts)

        def write(self, text) -> None:
            self._pause()
            super().write(text)

    target = EpisodeLog(SlowFirstWrite(path))
    importer = threading.Thread(target=import_json, args=(target, export_json(full, now=NOW)))
    importer.start()
    assert target.backend.writing.wait(5)
    target.add(Episode(id="tapped-during-import", start=T0 + timedelta(days=1)))  # waits for the lock
    importer.join(5)

    saved = EpisodeLog(FileBackend(path))
    assert {e.id for e in saved.newest_first()} == {"closed", "open-bst", "bare", "tapped-during-import"}


def test_what_was_taken_travels_with_the_export_and_merges_by_time(path):
    from app.domain.episode import Taken
    source = EpisodeLog(FileBackend(path.with_name("source.json")))
    source.add(Episode(id="med", start=T0, pain=[PainReading(at=T0, score=7)],
                       taken=[Taken(at=T0 + timedelta(minutes=35), what="ibuprofen", effect="better")]))
    target = EpisodeLog(FileBackend(path))
    assert import_json(target, export_json(source, now=NOW)).added == 1
    [entry] = target.get("med").taken
    assert (entry.at, entry.what, entry.effect) == (T0 + timedelta(minutes=35), "ibuprofen", "better")


def test_a_bad_taken_entry_is_named_by_its_record(path):
    log = EpisodeLog(FileBackend(path))
    bad = {**good_record("bad"), "taken": [{"at": T0.isoformat(), "what": "ibuprofen", "effect": "cured"}]}
    with pytest.raises(ImportRejected) as info:
        import_json(log, envelope([good_record("ok"), bad]))
    assert info.value.report.errors[0].startswith("record 2") and "effect" in info.value.report.errors[0]
