"""Malformed imports never touch the saved log and fail only with ImportRejected."""

from __future__ import annotations

import json
import os
import string
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.content.loader import library
from app.domain.episode import Episode, PainReading
from app.store.backends import FileBackend
from app.store.repository import EpisodeLog
from app.store.transfer import ImportRejected, ImportReport, export_json, import_json

T0 = datetime(2024, 3, 1, 8, 30, tzinfo=UTC)
TRIGGER_IDS = {t.id for t in library().triggers}
# SPASM_SOAK=1 runs the long soak (10,000 examples); every CI run does 150
FUZZ = settings(max_examples=10_000 if os.environ.get("SPASM_SOAK") else 150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def realistic(i: int) -> Episode:
    start = T0 + timedelta(days=i)
    return Episode(id=f"ep{i}", start=start, end=start + timedelta(minutes=40),
                   pain=[PainReading(at=start, score=7), PainReading(at=start + timedelta(minutes=30),
                                                                     score=3)],
                   triggers=["lifting"], helped=["heat-pad"], notes=f"episode {i}")


@pytest.fixture(scope="module")
def log(tmp_path_factory) -> EpisodeLog:
    log = EpisodeLog(FileBackend(tmp_path_factory.mktemp("fuzz") / "episodes.json"))
    log.add_many(realistic(i) for i in range(5))
    return log


@pytest.fixture(scope="module")
def valid_export(log) -> str:
    return export_json(log, now=T0)


def attempt(log: EpisodeLog, text) -> ImportReport | None:
    """Import, allowing only ImportRejected, and check the saved log did not change."""
    before_text, before_ids = log.backend.read(), [e.id for e in log.newest_first()]
    try:
        report = import_json(log, text)
    except ImportRejected as exc:
        assert exc.report.errors, "a rejection must say why"
        assert all(len(e) <= 300 for e in exc.report.errors), "errors are shown on a phone screen"
        report = None
    assert log.backend.read() == before_text
    assert [e.id for e in log.newest_first()] == before_ids
    assert EpisodeLog(log.backend).problem is None
    return report


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=25,
)


@FUZZ
@given(value=json_values)
@example(value={"format": "spasm-sos-export", "version": 1, "episodes": [None]})
@example(value={"format": "spasm-sos-export", "version": "1", "episodes": []})
def test_random_json_values(log, value):
    report = attempt(log, json.dumps(value))
    assert report is None or report.added == 0


@FUZZ
@given(envelope_extras=st.dictionaries(st.sampled_from(["format", "version", "episodes"]), json_values,
                                       min_size=1))
def test_random_envelope_fields(log, envelope_extras):
    doc = {"format": "spasm-sos-export", "version": 1, "episodes": [], **envelope_extras}
    report = attempt(log, json.dumps(doc))
    assert report is None or report.added == 0


not_a_date = st.text(alphabet=string.ascii_letters + " -:", min_size=1, max_size=20)
not_a_list = st.integers() | st.text(max_size=10) | st.dictionaries(st.text(max_size=5), st.integers(),
                                                                      max_size=3)
not_a_string = (st.integers() | st.floats(allow_nan=False) | st.booleans()
                | st.lists(st.integers(), max_size=3))
WRONG = {
    "id": st.integers() | st.none() | st.lists(st.text(max_size=3), max_size=2)
    | st.text(alphabet=" /.!é", min_size=1, max_size=10) | st.just(""),
    "start": st.none() | not_a_date | st.lists(st.integers(), max_size=2)
    | st.just("2024-03-01T08:30:00"),  # no timezone
    "end": not_a_date | st.lists(st.integers(), max_size=2) | st.just("2024-01-01T00:00:00Z"),  # before start
    "pain": not_a_list | st.lists(st.integers() | st.text(max_size=4), min_size=1, max_size=3)
    | st.just([{"at": "2024-03-01T08:30:00Z", "score": 11}]) | st.just([{"score": 5}]),
    "triggers": not_a_list | st.lists(not_a_string, min_size=1, max_size=3)
    | st.lists(st.text(min_size=1, max_size=8).filter(lambda t: t not in TRIGGER_IDS),
               min_size=1, max_size=3),
    "helped": not_a_list | st.lists(not_a_string, min_size=1, max_size=3),
    "notes": not_a_string | st.none() | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    "trigger_note": not_a_string | st.none(),
    "surprise_field": json_values,
}


@st.composite
def wrong_records(draw):
    good = [realistic(100 + i).model_dump(mode="json") for i in range(draw(st.integers(0, 3)))]
    field = draw(st.sampled_from(sorted(WRONG)))
    bad = {**realistic(99).model_dump(mode="json"), field: draw(WRONG[field])}
    records = [*good]
    records.insert(draw(st.integers(0, len(good))), bad)
    return records, records.index(bad) + 1


@FUZZ
@given(case=wrong_records())
def test_valid_envelope_with_wrong_typed_fields(log, case):
    records, bad_number = case
    doc = {"format": "spasm-sos-export", "version": 1, "exported_at": "x", "episodes": records}
    with pytest.raises(ImportRejected) as info:
        import_json(log, json.dumps(doc))
    assert info.value.report.errors[0].startswith(f"record {bad_number}:")
    assert attempt(log, json.dumps(doc)) is None


@settings(max_examples=20, deadline=None)
@given(field=st.sampled_from(["notes", "trigger_note", "helped_note", "id", "start"]),
       size=st.sampled_from([1001, 100_000, 1_000_000]), char=st.sampled_from("aé痛\n\""))
def test_huge_strings(log, field, size, char):
    record = {**realistic(50).model_dump(mode="json"), field: char * size}
    doc = {"format": "spasm-sos-export", "version": 1, "episodes": [record]}
    assert attempt(log, json.dumps(doc)) is None


@settings(max_examples=10, deadline=None)
@given(where=st.sampled_from(["triggers", "helped"]), size=st.sampled_from([1000, 1_000_000]))
def test_huge_unknown_ids_give_short_errors(log, where, size):
    record = {**realistic(50).model_dump(mode="json"), where: ["x" * size]}
    doc = {"format": "spasm-sos-export", "version": 1, "episodes": [record]}
    assert attempt(log, json.dumps(doc)) is None


def test_huge_list_of_pain_readings(log):
    record = realistic(51).model_dump(mode="json")
    record["pain"] = record["pain"][:1] * 10_000
    doc = {"format": "spasm-sos-export", "version": 1, "episodes": [record]}
    assert attempt(log, json.dumps(doc)) is None


@FUZZ
@given(data=st.data())
def test_truncated_valid_exports(log, valid_export, data):
    cut = data.draw(st.integers(0, len(valid_export) - 1))
    assert attempt(log, valid_export[:cut]) is None
    assert attempt(log, valid_export[:cut].encode("utf-8")) is None


@FUZZ
@given(blob=st.binary(max_size=2000))
@example(blob=b"\xff\xfe\x00\x00garbage")
@example(blob=b"\xef\xbb\xbf{}")
@example(blob=b"[" * 100_000)
@example(blob=b'{"a":' * 50_000)
def test_random_bytes(log, blob):
    report = attempt(log, blob)
    assert report is None or report.added == 0


@FUZZ
@given(text=st.text(max_size=500))
def test_random_text(log, text):
    report = attempt(log, text)
    assert report is None or report.added == 0


def test_the_valid_export_itself_changes_nothing(log, valid_export):
    report = attempt(log, valid_export)
    assert report == ImportReport(added=0, skipped=5)
