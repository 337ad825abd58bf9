"""Red-flag triage: ticked symptoms decide whether to call now, call today, or start relief."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from app.content.schema import RedFlag

Tier = Literal["emergency", "urgent", "self-care"]

ACTIONS: dict[Tier, tuple[str, ...]] = {
    "emergency": (
        "Call the emergency number now.",
        "Do not drive yourself. Ask someone to stay with you.",
        "Tell them which signs you have and when they started.",
    ),
    "urgent": (
        "Contact your doctor or call 111 today.",
        "If a 'call now' sign appears, call the emergency number at once.",
    ),
    "self-care": (
        "No red flags ticked. Start with the relief cards.",
        "If anything changes, run this check again.",
    ),
}


class UnknownFlagError(ValueError):
    """A flag id that the content does not define."""


@dataclass(frozen=True)
class TriageResult:
    tier: Tier
    reasons: tuple[RedFlag, ...]
    actions: tuple[str, ...]


def triage(ticked: Iterable[str], flags: Iterable[RedFlag]) -> TriageResult:
    """Any emergency flag wins over urgent ones; nothing ticked means self-care."""
    by_id = {f.id: f for f in flags}
    ticked = list(dict.fromkeys(ticked))
    unknown = [t for t in ticked if t not in by_id]
    if unknown:
        raise UnknownFlagError(f"unknown red flag id(s): {', '.join(unknown)}")
    chosen = [by_id[t] for t in ticked]
    emergency = tuple(f for f in chosen if f.tier == "emergency")
    urgent = tuple(f for f in chosen if f.tier == "urgent")
    if emergency:
        tier: Tier = "emergency"
    elif urgent:
        tier = "urgent"
    else:
        tier = "self-care"
    return TriageResult(tier=tier, reasons=emergency + urgent, actions=ACTIONS[tier])


def call_script(result: TriageResult, started: datetime | None) -> str:
    """What to read out on the phone: back pain, each ticked sign in the first person, and since when."""
    lines = ["I have back pain.", *(f"{f.say}." for f in result.reasons)]
    if started:
        lines.append(f"It started at {started.strftime('%H:%M on %d %b')}.")
    return "\"" + " ".join([*lines, "I need help."]) + "\""
