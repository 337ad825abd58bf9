"""Export the log as versioned JSON or CSV; import JSON all-or-nothing after validation."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pydantic import ValidationError

from app.domain.episode import Episode
from app.domain.records import PegEntry, SosCheck
from app.store.repository import EpisodeLog

EXPORT_FORMAT = "spasm-sos-export"
EXPORT_VERSION = 1
MAX_ERRORS = 5
MAX_IMPORT_BYTES = 20 * 1024 * 1024
OTHERS = {"checks": (SosCheck, "SOS check"), "peg": (PegEntry, "PEG answer")}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_FIELDS = ("id", "start", "end", "duration_minutes", "peak_pain", "pain_readings",
              "triggers", "trigger_note", "helped", "helped_note", "notes")


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    skipped: int = 0
    updated: int = 0
    older: int = 0  # same id, different content, changed here more recently: ours is kept
    errors: tuple[str, ...] = field(default_factory=tuple)

    @property
    def summary(self) -> str:
        parts = [f"Imported {self.added} episode{'' if self.added == 1 else 's'}",
                 f"{self.updated} updated to the file's newer copy",
                 f"{self.older} kept as they are here (changed here more recently)",
                 f"{self.skipped} were already here"]
        return "; ".join(p for p in parts if not p.startswith("0 ") or p.startswith("Imported")) + "."


class ImportRejected(ValueError):
    """The file was not imported at all; `report.errors` says why, with record numbers."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("; ".join(report.errors))
        self.report = report


def export_json(log: EpisodeLog, now: datetime | None = None) -> str:
    episodes = list(reversed(log.newest_first()))
    return json.dumps({
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": (now or datetime.now(UTC)).isoformat(),
        "episodes": [e.model_dump(mode="json") for e in episodes],
        "checks": [c.model_dump(mode="json") for c in log.checks()],
        "peg": [p.model_dump(mode="json") for p in log.pegs()],
    }, ensure_ascii=False, indent=1)


def _cell(value: object) -> object:
    """OWASP's CSV-injection advice: a text cell a spreadsheet would run as a formula gets a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def export_csv(log: EpisodeLog) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for e in reversed(log.newest_first()):
        writer.writerow({k: _cell(v) for k, v in {
            "id": e.id,
            "start": e.start.isoformat(),
            "end": e.end.isoformat() if e.end else "",
            "duration_minutes": round((e.end - e.start).total_seconds() / 60) if e.end else "",
            "peak_pain": "" if e.peak_pain is None else e.peak_pain,
            "pain_readings": ";".join(f"{r.at.isoformat()}={r.score}" for r in e.pain),
            "triggers": ";".join(e.triggers),
            "trigger_note": e.trigger_note,
            "helped": ";".join(e.helped),
            "helped_note": e.helped_note,
            "notes": e.notes,
        }.items()})
    return out.getvalue()


def _reject(*errors: str) -> ImportRejected:
    return ImportRejected(ImportReport(errors=tuple(errors[:MAX_ERRORS])))


def _records(text: str | bytes) -> dict:
    if len(text) > MAX_IMPORT_BYTES:
        raise _reject(f"the file is {len(text) / 1024 / 1024:.0f} MB; files over "
                      f"{MAX_IMPORT_BYTES // 1024 // 1024} MB are not imported")
    if isinstance(text, bytes):
        text = text.removeprefix(b"\xef\xbb\xbf")
    try:
        doc = json.loads(text.removeprefix("\ufeff") if isinstance(text, str) else text)
    except (ValueError, TypeError, RecursionError) as exc:
        raise _reject(f"not a JSON file: {str(exc)[:120]}") from None
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise _reject("not a Spasm SOS export (missing \"format\": \"spasm-sos-export\")")
    if doc.get("version") != EXPORT_VERSION:
        raise _reject(f"unsupported export version {str(doc.get('version'))[:20]}")
    for name in ("episodes", *OTHERS):
        if not isinstance(doc.get(name, []), list) or not isinstance(doc.get("episodes"), list):
            raise _reject(f"\"{name}\" must be a list")
    return doc


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "record"
    return f"{where}: {err['msg']}"[:200]


def _other_records(doc: dict, errors: list[str]) -> list[SosCheck | PegEntry]:
    """The file's SOS checks and PEG answers, validated; problems go to `errors` with numbers."""
    out: list[SosCheck | PegEntry] = []
    for name, (model, label) in OTHERS.items():
        for n, record in enumerate(doc.get(name, []), 1):
            try:
                out.append(model.model_validate(record))
            except ValidationError as exc:
                errors.append(f"{label} {n}: {_first_error(exc)}")
    return out


def import_json(log: EpisodeLog, text: str | bytes) -> ImportReport:
    """Validate every record first; write nothing unless all are valid.

    A known id with other content keeps whichever version was changed last (`updated_at`).
    """
    valid: list[Episode] = []
    errors: list[str] = []
    seen: set[str] = set()
    doc = _records(text)
    others = _other_records(doc, errors)
    for n, record in enumerate(doc["episodes"], 1):
        try:
            episode = Episode.model_validate(record)
        except ValidationError as exc:
            errors.append(f"record {n}: {_first_error(exc)}")
            continue
        if episode.id in seen:
            errors.append(f"record {n}: id {episode.id} appears twice in the file")
        seen.add(episode.id)
        valid.append(episode)
    if errors:
        raise _reject(*errors)
    new = [e for e in valid if e.id not in log]
    known = [(e, log.get(e.id)) for e in valid if e.id in log]
    differ = [(e, here) for e, here in known if e != here]
    newer = [e for e, here in differ if e.updated_at > here.updated_at]
    log.add_many(new)
    for episode in newer:
        log.update(episode, touch=False)
    log.add_records(others)
    return ImportReport(added=len(new), updated=len(newer), older=len(differ) - len(newer),
                        skipped=len(known) - len(differ))
