"""Export the log as compact JSON (gzip when big) or CSV; import JSON all-or-nothing after validation."""

from __future__ import annotations

import csv
import gzip
import io
import json
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pydantic import ValidationError

from app.domain.episode import Episode
from app.domain.records import PegEntry, SosCheck
from app.store.repository import EpisodeLog

EXPORT_FORMAT = "spasm-sos-export"
EXPORT_VERSION = 1
MAX_ERRORS = 5
MIB = 1024 * 1024
# Server mode checks a picked file's size before asking for its bytes, then takes them by HTTP
# upload, capped at this limit (app/uploads.py). A file picked with its data instead reaches the
# server whole, inside one WebSocket message (Flet's msgpack: the bytes as they are, plus the file's
# name and the call around them), and the server closes the connection on a message over 16 MiB
# (uvicorn's ws_max_size); so one limit, a mebibyte below that, holds for every way in.
WEBSOCKET_MESSAGE = 16 * MIB
MAX_IMPORT_BYTES = 15 * MIB
MAX_UNPACKED_BYTES = 64 * MIB  # what a compressed export may grow to (50,000 episodes: ~20 MiB)
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


class ImportTooLarge(ImportRejected):
    """The file is bigger than the app can take in; str() is a sentence a person can read."""


def _mb(size: int) -> str:
    return f"{size / MIB:.1f} MB"


def check_import_size(size: int) -> None:
    """Raise ImportTooLarge when a file of `size` bytes cannot be imported.

    Call it with the picked file's size before its bytes are asked for: a file over the WebSocket's
    limit never arrives, and the connection it was sent on is closed.
    """
    if size > MAX_IMPORT_BYTES:
        raise ImportTooLarge(ImportReport(errors=(
            f"the file is {_mb(size)}; the app can import files up to {_mb(MAX_IMPORT_BYTES)}. "
            "Exports made by this app fit: choose one of those",)))


@dataclass(frozen=True)
class ExportFile:
    """A JSON export ready to save: its bytes, the end of its file name, and whether it imports back."""

    data: bytes
    extension: str  # "json", or "json.gz" when plain JSON would be over MAX_IMPORT_BYTES
    importable: bool  # False only for a log too big to import back in one file, even compressed


def _dump(model: Episode | SosCheck | PegEntry) -> dict:
    # fields left at their default are left out: import fills them in, and 50,000 episodes shrink by a fifth
    return model.model_dump(mode="json", exclude_defaults=True)


def export_json(log: EpisodeLog, now: datetime | None = None) -> str:
    """The whole log as compact JSON text: every episode (oldest first), SOS check and PEG answer."""
    episodes = list(reversed(log.newest_first()))
    return json.dumps({
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": (now or datetime.now(UTC)).isoformat(),
        "episodes": [_dump(e) for e in episodes],
        "checks": [_dump(c) for c in log.checks()],
        "peg": [_dump(p) for p in log.pegs()],
    }, ensure_ascii=False, separators=(",", ":"))


def export_json_file(log: EpisodeLog, now: datetime | None = None) -> ExportFile:
    """The JSON export as a file that imports back: plain JSON, or gzip when plain would not fit.

    Name the file "spasm-sos-<date>.<extension>"; import_json takes either kind.
    """
    data = export_json(log, now).encode("utf-8")
    if len(data) <= MAX_IMPORT_BYTES:
        return ExportFile(data, "json", True)
    packed = gzip.compress(data, compresslevel=6, mtime=0)
    return ExportFile(packed, "json.gz", len(packed) <= MAX_IMPORT_BYTES and len(data) <= MAX_UNPACKED_BYTES)


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


def _unpacked(text: str | bytes) -> str | bytes:
    """The file's JSON text: checked for size, and unpacked when it is a compressed export."""
    size = len(text.encode("utf-8")) if isinstance(text, str) else len(text)
    check_import_size(size)
    if isinstance(text, bytes) and text.startswith(b"\x1f\x8b"):
        unpack = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            text = unpack.decompress(text, MAX_UNPACKED_BYTES + 1)
        except zlib.error:
            raise _reject("the compressed file is damaged") from None
        if len(text) > MAX_UNPACKED_BYTES or unpack.unconsumed_tail:
            raise ImportTooLarge(ImportReport(errors=(
                f"the file unpacks to more than {_mb(MAX_UNPACKED_BYTES)}, more than the app can import",)))
        if not unpack.eof:
            raise _reject("the compressed file is cut short")
    return text


def _records(text: str | bytes) -> dict:
    text = _unpacked(text)
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

    Takes a plain or gzip-compressed export (bytes or text). Raises ImportTooLarge over
    MAX_IMPORT_BYTES, ImportRejected for anything else that cannot be imported. The checks run
    without the log's lock; the merge then holds it, so a save made meanwhile waits and is kept.
    A known id with other content keeps whichever version was changed last (`updated_at`).
    """
    valid: list[Episode] = []
    errors: list[str] = []
    seen: set[str] = set()
    doc = _records(text)
    others = _other_records(doc, errors)
    records = doc["episodes"]
    for n in range(len(records)):
        record, records[n] = records[n], None  # let each parsed record go once it is checked
        try:
            episode = Episode.model_validate(record)
        except ValidationError as exc:
            errors.append(f"record {n + 1}: {_first_error(exc)}")
            continue
        if episode.id in seen:
            errors.append(f"record {n + 1}: id {episode.id} appears twice in the file")
        seen.add(episode.id)
        valid.append(episode)
    if errors:
        raise _reject(*errors)
    added, updated, older, skipped = log.take_in(valid, others)
    return ImportReport(added=added, updated=updated, older=older, skipped=skipped)
