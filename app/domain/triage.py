"""Red-flag triage: ticked signs decide call now, a doctor today, a GP within days, or relief."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from app.content.schema import RedFlag, Route

Tier = Literal["emergency", "urgent", "soon", "self-care"]
Onset = Literal["today", "days", "longer"]
ChecklistSection = Literal["emergency", "urgent", "pregnancy", "soon", "history"]

CALL_NOW = "Call the emergency number now."
# route "ambulance": chest pain, a burst aneurysm, fainting, sepsis, a serious fall (NHS: call 999)
AMBULANCE_ONLY = "Ask for an ambulance and wait for it. Do not go to hospital by car."
KEEP_STILL = "After a serious fall or accident, keep still unless you are in danger. Wait for the ambulance."
# route "ambulance_or_ae": the cauda equina signs (NHS: go to A&E or call 999)
GO_TO_AE = "Or go to A&E (the emergency department) now, with someone else driving."
DO_NOT_DRIVE = "Do not drive yourself. Ask someone to stay with you."

ROUTE_ACTIONS: dict[Route, tuple[str, ...]] = {
    "ambulance": (CALL_NOW, AMBULANCE_ONLY, DO_NOT_DRIVE),
    "ambulance_or_ae": (CALL_NOW, GO_TO_AE, DO_NOT_DRIVE),
}
ACTIONS: dict[Tier, tuple[str, ...]] = {
    "emergency": ROUTE_ACTIONS["ambulance"],  # the strictest; triage() picks each result's own route
    "urgent": (
        "Contact your doctor or an urgent care service today.",
        "If a 'call now' sign appears, call the emergency number at once.",
    ),
    # NHS sciatica: see a GP if it is not better after a few weeks; urgently if it is severe,
    # getting worse or in both legs (those are flags of their own, urgent and emergency)
    "soon": (
        "See a GP or a pharmacist in the next few days.",
        "See a GP if it is not clearly better within a few weeks.",
        "Contact a doctor today if it gets severe or keeps getting worse. "
        "If it spreads to both legs, call the emergency number.",
        "Meanwhile, the relief cards can help.",
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
    """tier and actions (actions[0] is the headline); route only for an emergency."""

    tier: Tier
    reasons: tuple[RedFlag, ...]
    actions: tuple[str, ...]
    route: Route | None = None


@dataclass(frozen=True)
class CallScript:
    """Said first, then the prompt to give the location, then the details, as on a 999 call."""

    opening: str
    where: str
    details: str

    def __str__(self) -> str:
        return f"{self.opening} {self.where} {self.details}"


def _emergency_actions(flags: tuple[RedFlag, ...]) -> tuple[Route, tuple[str, ...]]:
    """An ambulance if any sign needs one; after a serious fall the person keeps still and waits for it."""
    route: Route = "ambulance" if any(f.route == "ambulance" for f in flags) else "ambulance_or_ae"
    actions = ROUTE_ACTIONS[route]
    if any(f.keep_still for f in flags):
        actions = (CALL_NOW, KEEP_STILL, DO_NOT_DRIVE)
    return route, actions


def _with_flag_actions(actions: tuple[str, ...], flags: Iterable[RedFlag], first: bool) -> tuple[str, ...]:
    """A sign's own step (a pregnant person calls the midwife): right after the headline, or last
    in an emergency, where getting the ambulance comes first."""
    extra = tuple(dict.fromkeys(f.action for f in flags if f.action))
    return (actions[0], *extra, *actions[1:]) if first else (*actions, *extra)


def triage(ticked: Iterable[str], flags: Iterable[RedFlag]) -> TriageResult:
    """The highest tier ticked wins (emergency, urgent, soon); nothing ticked means self-care."""
    by_id = {f.id: f for f in flags}
    ticked = list(dict.fromkeys(ticked))
    unknown = [t for t in ticked if t not in by_id]
    if unknown:
        raise UnknownFlagError(f"unknown red flag id(s): {', '.join(unknown)}")
    chosen = [by_id[t] for t in ticked]
    tiers = {tier: tuple(f for f in chosen if f.tier == tier) for tier in ("emergency", "urgent", "soon")}
    reasons = tiers["emergency"] + tiers["urgent"] + tiers["soon"]
    if tiers["emergency"]:
        route, actions = _emergency_actions(tiers["emergency"])
        return TriageResult("emergency", reasons, _with_flag_actions(actions, reasons, first=False), route)
    tier: Tier = next((t for t in ("urgent", "soon") if tiers[t]), "self-care")
    return TriageResult(tier, reasons, _with_flag_actions(ACTIONS[tier], reasons, first=True))


def checklist_sections(flags: Iterable[RedFlag]) -> list[tuple[ChecklistSection, tuple[RedFlag, ...]]]:
    """The SOS checklist's headings in order, each flag under exactly one; empty sections left out.

    emergency, urgent and soon signs; pregnancy signs (urgent) apart; history items last.
    """
    flags = tuple(flags)

    def section(f: RedFlag) -> ChecklistSection:
        if f.section == "history":
            return "history"
        if f.tier == "urgent" and f.group == "Pregnancy":
            return "pregnancy"
        return f.tier  # type: ignore[return-value]

    order: tuple[ChecklistSection, ...] = ("emergency", "urgent", "pregnancy", "soon", "history")
    sections = [(key, tuple(f for f in flags if section(f) == key)) for key in order]
    return [(key, items) for key, items in sections if items]


def _when(began: datetime, now: datetime) -> str:
    began = began.astimezone(now.tzinfo)
    days = (now.date() - began.date()).days
    clock = began.strftime("%H:%M")
    if days <= 0:
        return f"today at about {clock}"
    if days == 1:
        return f"yesterday at about {clock}"
    return f"on {began.day} {began:%b} at about {clock}"


def call_script(result: TriageResult, back_pain_began: datetime | None, now: datetime,
                signs_began: Onset | None = None) -> CallScript:
    """What to read out: ambulance first, then where, then back pain, since when, and each sign ticked.

    Only what the person said: each sign they ticked or picked, and the time they gave (an about time).
    """
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
