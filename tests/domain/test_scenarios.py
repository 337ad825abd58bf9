"""Clinical scenarios (tests/domain/scenarios.toml) through triage() and through the guide's answers."""

import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.content.guide import questions
from app.content.loader import library
from app.domain.guide import answer_no_to_all, answer_urgent, answer_yes, urgent_check_flags
from app.domain.triage import call_script, triage

SCENARIOS = tomllib.loads((Path(__file__).parent / "scenarios.toml").read_text(encoding="utf-8"))["scenario"]
FLAGS = library().red_flags
NOW = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)


def _question(flag_id: str):
    return next((q for q in questions() if flag_id in q.flags), None)


def runs(row: dict) -> list[tuple[str, object]]:
    """Each way a person can reach this scenario: the SOS checklist, and the guide where it can ask it."""
    if "guide_yes" in row:
        return [("guide yes", lambda: answer_yes(_question(row["guide_yes"]), row["guide_yes"]))]
    if "guide_urgent" in row:
        return [("guide later check", lambda: answer_urgent(row["guide_urgent"]))]
    if row.get("guide_all_no"):
        return [("guide no to all", answer_no_to_all)]
    flags = row["flags"]
    ways = [("sos", lambda: triage(flags, FLAGS))]
    later = {f.id for f in urgent_check_flags()}
    if not flags:
        ways.append(("guide no to all", answer_no_to_all))
    elif len(flags) == 1 and _question(flags[0]) is not None:
        ways.append(("guide yes", lambda: answer_yes(_question(flags[0]), flags[0])))
    elif set(flags) <= later:
        ways.append(("guide later check", lambda: answer_urgent(flags)))
    return ways


CASES = [pytest.param(row, way, run, id=f"{row['name'][:60]} [{way}]")
         for row in SCENARIOS for way, run in runs(row)]


def test_the_table_holds_at_least_40_scenarios_and_the_guide_covers_most():
    assert len(SCENARIOS) >= 40
    names = [row["name"] for row in SCENARIOS]
    assert len(set(names)) == len(names)
    through_guide = sum(1 for row in SCENARIOS if any(w != "sos" for w, _ in runs(row)))
    assert through_guide >= 40


def test_every_flag_is_in_some_scenario():
    named = {f for row in SCENARIOS for f in row.get("flags", [])}
    assert {f.id for f in FLAGS} <= named


@pytest.mark.parametrize("row, way, run", CASES)
def test_scenario(row, way, run):
    result = run()
    assert result.tier == row["tier"]
    assert result.route == row.get("route"), "only an emergency has a route, and it must be the right one"
    actions = " ".join(result.actions)
    for words in row["must"]:  # case aside: a sentence may start with the words
        assert words.lower() in actions.lower(), f"{words!r} missing from: {actions}"
    for words in row["must_not"]:
        assert words.lower() not in actions.lower(), f"{words!r} must not appear in: {actions}"
    if result.tier != "emergency":
        return
    script = str(call_script(result, NOW, NOW))
    assert script.startswith('"I need an ambulance."')
    for flag in result.reasons:
        assert flag.say in script
    for words in row.get("script_must", []):
        assert words in script
    for words in row.get("script_must_not", []):
        assert words not in script, f"the call script says {words!r}, which the person did not say"
