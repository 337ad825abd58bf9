"""Red-flag triage: ticked symptoms decide whether to call now, call today, or start relief."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from app.content.schema import RedFlag

Tier = Literal["emergency", "urgent", "self-care"]
Onset = Literal["today", "days", "longer"]

CALL_NOW = "Call the emergency number now."
GO_TO_AE = "Or go to A&E (the emergency department) with someone else driving."
KEEP_STILL = ("After a serious fall or accident, keep still unless you are in danger, "
              "and wait for the ambulance.")
DO_NOT_DRIVE = "Do not drive yourself. Ask someone to stay with you."

ACTIONS: dict[Tier, tuple[str, ...]] = {
    "emergency": (CALL_NOW, GO_TO_AE, DO_NOT_DRIVE),
    "urgent": (
        "Contact your doctor or an urgent care service today.",
        "If a 'call now' sign appears, call the emergency number at once.",
    ),
    "self-care": (
        "No red flags ticked. Start with the relief cards.",
        "If anything changes, run this check again.",
    ),
}

# the quick choice on the emergency screen: (button label, sentence for the call script)
SIGNS_BEGAN: dict[Onset, tuple[str, str]] = {
    "today": ("Today", "These signs began today."),
    "days": ("1–2 days ago", "These signs began 1 to 2 days ago."),
    "longer": ("Longer ago", "These signs began more than 2 days ago."),
}
WHERE = "Tell them where you are: the full address, or a landmark nearby if you are not sure."


class UnknownFlagError(ValueError):
    """A flag id that the content does not define."""


@dataclass(frozen=True)
class TriageResult:
    tier: Tier
    reasons: tuple[RedFlag, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class CallScript:
    """Said first, then the prompt to give the location, then the details, as on a 999 call."""

    opening: str
    where: str
    details: str

    def __str__(self) -> str:
        return f"{self.opening} {self.where} {self.details}"


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
        keep_still = any(f.keep_still for f in emergency)
        # after a serious fall the person waits for the ambulance rather than being driven in
        actions = (CALL_NOW, KEEP_STILL, DO_NOT_DRIVE) if keep_still else ACTIONS["emergency"]
        return TriageResult(tier="emergency", reasons=emergency + urgent, actions=actions)
    tier: Tier = "urgent" if urgent else "self-care"
    return TriageResult(tier=tier, reasons=urgent, actions=ACTIONS[tier])


def _when(began: datetime, now: datetime) -> str:
    began = began.astimezone(now.tzinfo)
    days = (now.date() - began.date()).days
    clock = began.strftime("%H:%M")
    if days <= 0:
        return f"today at {clock}"
    if days == 1:
        return f"yesterday at {clock}"
    return f"on {began.day} {began:%b} at {clock}"


def call_script(result: TriageResult, back_pain_began: datetime | None, now: datetime,
                signs_began: Onset | None = None) -> CallScript:
    """What to read out: ambulance first, then where, then back pain, since when, and each sign."""
    details = ["I have back pain."]
    if back_pain_began is not None:
        details.append(f"It began {_when(back_pain_began, now)}.")
    details += [f"{f.say}." for f in result.reasons]
    if signs_began is not None:
        details.append(SIGNS_BEGAN[signs_began][1])
    return CallScript(opening='"I need an ambulance."', where=WHERE,
                      details='"' + " ".join(details) + '"')


def signs_began_choices() -> list[tuple[Onset, str]]:
    return [(key, label) for key, (label, _) in SIGNS_BEGAN.items()]

