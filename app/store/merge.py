"""Three-way merge of two writers' copies of the log, keyed by episode id and setting name."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

Rows = dict[str, Any]
NEVER = datetime.min.replace(tzinfo=UTC)


def changed_at(row: Any) -> datetime:
    """A row's `updated_at` as a moment in time: "10:00+01:00" is before "09:30Z".

    Compared as text, the offset decided instead of the time. A stamp without a zone counts as
    UTC; a missing or unreadable one counts as never, so any readable edit beats it.
    """
    stamp = row.get("updated_at") if isinstance(row, dict) else None
    if not isinstance(stamp, str):
        return NEVER
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return NEVER
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _newer(ours: Any, theirs: Any) -> Any:
    """Both sides changed one row: the later `updated_at` wins, ours on a tie."""
    return theirs if changed_at(theirs) > changed_at(ours) else ours


def merge(base: Rows, ours: Rows, theirs: Rows) -> Rows:
    """What both writers meant: a change on one side wins over the other side's unchanged copy.

    A row one side deleted and the other changed is kept, so an edit is never lost to a delete.
    """
    out: Rows = {}
    for key in dict.fromkeys([*base, *theirs, *ours]):
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        if o == t or t == b:
            pick = o
        elif o == b:
            pick = t
        elif o is None or t is None:
            pick = t if o is None else o
        else:
            pick = _newer(o, t)
        if pick is not None:
            out[key] = pick
    return out
