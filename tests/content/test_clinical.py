"""The clinical review's items, as a person reading the checklist and the cards would notice them."""

import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.content.loader import DATA_DIR, ContentError, load_library
from app.domain import advice, phase, triage
from app.domain.episode import PainReading

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def lib():
    return load_library()


def flag(lib, flag_id):
    return next(f for f in lib.red_flags if f.id == flag_id)


def test_bladder_and_bowel_signs_say_new_or_since_the_back_pain_began(lib):
    signs = [f for f in lib.red_flags if f.group == "Bladder and bowel"]
    assert len(signs) >= 4
    for f in signs:
        assert re.search(r"\bnew\b|since this back pain began|no longer", f.label, re.I), f.label
        assert "since my back pain began" in f.say.lower(), f.say


def test_history_items_have_their_own_section_and_triage_as_urgent(lib):
    history = {f.id for f in lib.red_flags if f.section == "history"}
    assert {"cancer-history", "long-term-steroids", "under-16"} <= history
    assert all(f.tier == "urgent" for f in lib.red_flags if f.section == "history")
    signs = [f.section for f in lib.red_flags]
    assert signs == sorted(signs, key=lambda s: s == "history"), "history comes after the signs"


def test_steroids_mean_tablets_not_inhalers_or_creams(lib):
    label = flag(lib, "long-term-steroids").label
    assert "tablets" in label and "inhaler" in label


def test_high_back_pain_means_between_the_shoulder_blades(lib):
    assert "between your shoulder blades" in flag(lib, "pain-between-shoulder-blades").label
    assert not any("high up" in f.label for f in lib.red_flags)


def test_sciatica_in_one_leg_is_soon_and_new_signs_in_both_legs_an_emergency(lib):
    one = flag(lib, "sciatica-one-leg")
    assert one.tier == "soon" and "below the knee" in one.label and "one leg" in one.label
    both = flag(lib, "both-legs-numb-weak")
    assert both.tier == "emergency" and both.label.startswith("New ")


@pytest.mark.parametrize("flag_id, tier, source", [
    ("sudden-back-and-tummy-pain", "emergency", "nhs-aaa"),
    ("immune-fever", "urgent", "nice-cks-back-pain"),
    ("under-16", "urgent", "nice-cks-back-pain"),
])
def test_added_flags_cite_the_nhs_or_nice_page_that_lists_them(lib, flag_id, tier, source):
    f = flag(lib, flag_id)
    assert f.tier == tier and source in f.sources
    assert lib.source(source).kind == "guideline"
    assert re.match(r"^(NHS|NICE)", lib.source(source).title)


def test_every_red_flag_cites_a_guideline(lib):
    for f in lib.red_flags:
        assert any(lib.source(s).kind == "guideline" for s in f.sources), f.id


def test_a_fall_tells_the_screen_to_say_keep_still(lib):
    assert [f.id for f in lib.red_flags if f.keep_still] == ["after-accident-fall"]


def test_the_cauda_equina_card_names_its_real_authors_not_the_nhs(lib):
    card = lib.source("ces-card")
    assert "Greenhalgh" in card.title and not card.title.startswith("NHS")
    assert "10.1017/S1463423616000062" in card.ref


def test_a_history_item_cannot_be_an_emergency(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "red_flags.toml"
    text = path.read_text()
    block = text.index('id = "under-16"')
    path.write_text(text[:block] + text[block:].replace('tier = "urgent"', 'tier = "emergency"', 1))
    with pytest.raises(ContentError, match="under-16.*tier must be urgent"):
        load_library(data)


def test_relief_opens_with_reassurance_then_staying_active(lib):
    cards = lib.deck("relief").cards
    assert cards[0].id == "settle"
    assert "settle" in cards[0].title.lower()
    text = " ".join(cards[0].steps).lower()
    assert "few weeks" in text and "safe" in text and "sos" in text
    assert [c.title for c in cards].index("Stay gently active") <= 2


def test_relief_stretches_come_after_rest_and_start_once_the_worst_eases(lib):
    cards = lib.deck("relief").cards
    stretches = [i for i, c in enumerate(cards) if c.timer and c.timer.kind == "hold"]
    assert stretches and min(stretches) > [c.id for c in cards].index("short-walk")
    for i in stretches:
        assert "once the worst" in cards[i].caution, cards[i].id


def lies_on_back(card) -> bool:
    return bool(re.search(r"\bon your back\b|\bface up\b|lie on the floor", " ".join(card.steps), re.I))


def test_every_card_that_lies_you_on_your_back_has_the_pregnancy_note(lib):
    cards = [c for d in lib.decks for c in d.cards if lies_on_back(c)]
    assert len(cards) >= 8
    for card in cards:
        assert card.caution and "pregnan" in card.caution.lower() and "midwife" in card.caution, card.id


def test_under_16s_are_told_to_see_a_doctor(lib):
    assert "under 16" in " ".join(lib.card("settle").steps).lower()
    assert flag(lib, "under-16").tier == "urgent"


@pytest.mark.parametrize("who", [
    "over 65", "blood thinners", "stomach ulcer", "a stroke", "bad reaction to an NSAID", "asthma",
    "high blood pressure", "Crohn's", "colitis", "bleeding disorder", "heart", "kidney", "liver",
])
def test_pharmacy_card_says_check_with_a_pharmacist_first(lib, who):
    caution = lib.card("pharmacy").caution
    assert caution.startswith("Check with a pharmacist first") and who in caution


def test_pharmacy_card_says_no_ibuprofen_in_pregnancy_unless_a_doctor_prescribes_it(lib):
    steps = " ".join(lib.card("pharmacy").steps)
    assert "Pregnant? Do not take ibuprofen unless a doctor prescribes it." in steps


def test_pharmacy_card_warns_about_codeine_and_doubling_up_paracetamol(lib):
    card = lib.card("pharmacy")
    assert re.search(r"codeine.*drowsy.*habit-forming.*do not drive", card.evidence)
    assert re.search(r"paracetamol.*Never take two things that both contain it", " ".join(card.steps))


def test_ice_card_no_longer_claims_the_first_48_hours_alone(lib):
    ice, heat = lib.card("ice-pack"), lib.card("heat-pad")
    assert "48" not in ice.title and "48" not in heat.title
    assert "too little evidence" in ice.evidence and "moderate evidence" in ice.evidence


def test_hydration_card_says_minerals_are_a_theory_with_little_evidence(lib):
    card = lib.card("water-glass")
    assert "theory" in card.evidence and "little evidence" in card.evidence
    assert not re.search(r"potassium|magnesium", " ".join(card.steps))


def test_foam_roller_stays_off_the_low_back_during_a_spasm(lib):
    steps = " ".join(lib.card("foam-roller").steps)
    assert "During a spasm, keep a foam roller off your low back" in steps


def nudge_texts():
    start = datetime(2026, 1, 1, tzinfo=UTC)
    worse = [PainReading(at=start, score=2), PainReading(at=start + timedelta(days=2), score=8)]
    for days, readings in ((0, []), (4, []), (30, []), (2, worse)):
        nudge = advice.doctor_nudge(start, start + timedelta(days=days), readings)
        yield from (nudge.title, nudge.text)


def test_no_advice_written_in_the_domain_copies_the_seeds():
    if not SEEDS.exists():
        pytest.skip("seeds not beside the checkout")
    words = lambda s: re.findall(r"[a-z0-9']+", s.lower())  # noqa: E731
    seed_text = " ".join(" ".join(words(p.read_text())) for p in SEEDS.iterdir())
    texts = [*(a for tier in triage.ACTIONS.values() for a in tier), triage.KEEP_STILL, triage.WHERE,
             *phase.TIMING.values(), *phase.EVIDENCE.values(), *nudge_texts()]
    for text in texts:
        w = words(text)
        for i in range(len(w) - 7):
            assert " ".join(w[i:i + 8]) not in seed_text, text
