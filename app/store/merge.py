"""Three-way merge of two writers' copies of the log, keyed by episode id and setting name."""

from __future__ import annotations

from typing import Any

Rows = dict[str, Any]


def _newer(ours: Any, theirs: Any) -> Any:
    """Both sides changed one row: the later `updated_at` wins, ours on a tie."""
    def stamp(row: Any) -> str:
        return row.get("updated_at", "") if isinstance(row, dict) else ""
    return theirs if stamp(theirs) > stamp(ours) else ours


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
