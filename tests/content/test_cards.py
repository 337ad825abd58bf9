"""The cards as a reader meets them: sourced, dose-free, in plain words, honest about the evidence."""

import re

import pytest

from app.content.loader import load_library
from app.domain.guide import STEPS
from tests.content.wording import GRADE, SEEDS, doses, grade, runs, seed_runs, words

# What a card can cite and the words on screen that need such a source behind them.
NAMED = {r"\bNICE\b|UK guidance": "nice-", r"\bCochrane\b": "cochrane-", r"\barticles?\b": "seed-",
         r"\bNHS\b": "nhs", r"\b21 trials\b|\b45%": "steffens-2016"}
NEW_CARDS = {"relief": ("no-scan", "work", "driving"), "sleep": ("sleep-well",),
             "prevention": ("exercise-education", "flare-up-plan")}


@pytest.fixture(scope="module")
def lib():
    return load_library()


def cards(lib):
    return [c for d in lib.decks for c in d.cards]


def shown(card) -> list[str]:
    """Every line of the card a person can read."""
    return [card.title, *card.steps, *(t for t in (card.caution, card.evidence) if t)]


@pytest.fixture(scope="module", name="seed_runs")
def seed_runs_fixture():
    return seed_runs()


# --- sources ---------------------------------------------------------------------------------

def test_every_card_names_sources_that_exist(lib):
    known = {s.id for s in lib.sources}
    for card in cards(lib):
        assert card.sources and set(card.sources) <= known, card.id


def test_a_card_that_names_a_guideline_review_or_the_articles_cites_it(lib):
    for card in cards(lib):
        text = " ".join(shown(card))
        for said, prefix in NAMED.items():
            if re.search(said, text):
                assert any(s.startswith(prefix) for s in card.sources), (card.id, said)


def test_every_new_card_cites_a_guideline_or_official_page(lib):
    for cid in (cid for ids in NEW_CARDS.values() for cid in ids):
        assert any(lib.source(s).kind == "guideline" for s in lib.card(cid).sources), cid


def test_no_guideline_code_on_screen_the_source_list_carries_it(lib):
    code = re.compile(r"\b(?:NG|QS|CG)\s?\d+\b|\bCD\d{6}\b|\bdoi\b", re.I)
    for card in cards(lib):
        for line in shown(card):
            assert not code.search(line), (card.id, line)


# --- no doses, no copying --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Take 400mg of ibuprofen", "take 2 x 200 mg", "10 ml of syrup", "up to 8 tablets a day",
    "three times a day", "Take it 3 times a day", "twice a day", "2 tablets per day",
])
def test_the_dose_check_catches_a_dose(text):
    assert doses(text)


@pytest.mark.parametrize("text", [
    "Hold it for 15 to 20 minutes", "most days", "every 30 to 60 minutes", "about 45% less likely",
])
def test_the_dose_check_lets_timings_and_figures_through(text):
    assert not doses(text)


def test_no_card_gives_a_dose(lib):
    for card in cards(lib):
        for line in shown(card):
            assert not doses(line), (card.id, line)


def test_the_copy_check_sees_through_case_and_punctuation(seed_runs):
    text = next(p for p in sorted(SEEDS.iterdir())).read_text(encoding="utf-8")
    lifted = " ".join(words(text)[40:48])
    disguised = "— " + ", ".join(lifted.upper().split()) + "!"
    assert runs(disguised) & seed_runs


def test_no_card_has_eight_words_in_a_row_from_a_seed(lib, seed_runs):
    for card in cards(lib):
        for line in shown(card):
            assert not runs(line) & seed_runs, (card.id, line, runs(line) & seed_runs)


# --- reading level ---------------------------------------------------------------------------

def test_every_caution_reads_at_grade_8_or_below(lib):
    hard = {c.id: round(grade(c.caution), 1) for c in cards(lib) if c.caution and grade(c.caution) > GRADE}
    assert not hard


def test_the_pharmacy_card_reads_at_grade_8_or_below_as_a_whole(lib):
    assert grade(" ".join(shown(lib.card("pharmacy")))) <= GRADE


def test_every_card_a_guide_step_shows_reads_well_as_a_whole(lib):
    """The guide shows all of a card's lines; none leans on a line it does not show."""
    for cid in {cid for ids in STEPS.values() for cid in ids}:
        card = lib.card(cid)
        lines = [*card.steps, *([card.caution] if card.caution else [])]
        assert grade(" ".join(lines)) <= GRADE, cid
        for line in lines:
            assert not re.search(r"\b(?:see|read) (?:more|below|above)\b|\bwhy this\b|\btap more\b", line,
                                 re.I), (cid, line)


def test_guide_cards_keep_the_lines_that_were_cut_off_before(lib):
    assert "start moving" in " ".join(lib.card("rest-knees-bent").steps)
    rest = " ".join(lib.card("rest-90-90").steps)
    assert "roll onto your side" in rest and "push up" in rest
    assert "come up" in lib.card("childs-pose").steps[-1]
    assert lib.card("settle").steps[3].startswith("Reasons to worry")


# --- the pharmacy card in NICE's order -------------------------------------------------------

def test_pharmacy_card_puts_an_anti_inflammatory_first_and_paracetamol_alone_not_advised(lib):
    steps = [s.lower() for s in lib.card("pharmacy").steps]
    first = next(i for i, s in enumerate(steps) if "first choice" in s)
    least = next(i for i, s in enumerate(steps) if "least that helps" in s and "few days" in s)
    combine = next(i for i, s in enumerate(steps) if "never take two anti-inflammatories" in s)
    alone = next(i for i, s in enumerate(steps) if "paracetamol (acetaminophen)" in s)
    assert "anti-inflammatory" in steps[first] and "ibuprofen" in steps[first]
    assert first < least < alone and combine < alone
    assert "not advise it on its own" in steps[alone] and "articles suggest" in steps[alone]


def test_pharmacy_card_names_acetaminophen_and_warns_against_combining(lib):
    steps = " ".join(lib.card("pharmacy").steps)
    assert "acetaminophen" in steps
    assert "Never take two anti-inflammatories at once" in steps


# --- ice and heat ----------------------------------------------------------------------------

def test_no_card_makes_ice_first_for_48_hours_the_rule(lib):
    rule = re.compile(r"\b(?:24|48)\b|first (?:day|two days|couple of days)", re.I)
    for card in cards(lib):
        for line in (card.title, *card.steps, card.caution or ""):
            assert not rule.search(line), (card.id, line)


def test_ice_and_heat_each_say_heat_has_more_research_and_both_are_fair(lib):
    for cid in ("ice-pack", "heat-pad"):
        line = next(s for s in lib.card(cid).steps if "Ice or heat?" in s)
        assert "Heat has a bit more research" in line and "both are fair" in line
    assert "NHS suggests heat for spasms" in lib.card("heat-pad").evidence


@pytest.mark.parametrize("says", ["wrap", "bare skin", "numb", "diabetes", "circulation", "ask a doctor"])
def test_the_ice_caution(lib, says):
    assert says.lower() in lib.card("ice-pack").caution.lower()


# --- prevention ------------------------------------------------------------------------------

def test_exercise_with_education_is_the_first_prevention_card_with_its_figure(lib):
    card = lib.deck("prevention").cards[0]
    text = " ".join(card.steps)
    assert card.id == "exercise-education" and "steffens-2016" in card.sources
    assert "45%" in text and "learning" in text and "keep up" in text and "fades" in text


def test_the_lifting_card_keeps_its_tips_and_says_it_has_not_been_shown_to_prevent(lib):
    card = lib.card("safe-lifting")
    assert "not been shown to prevent back pain" in card.steps[0]
    assert len(card.steps) >= 4 and "cochrane-lifting" in card.sources
    assert "did not prevent back pain" in card.evidence


def test_potassium_foods_carry_the_kidney_caution(lib):
    card = lib.card("balanced-plate")
    assert "potassium" in " ".join(card.steps)
    assert re.search(r"kidney disease.*medicine that raises potassium.*doctor", card.caution)
    assert {"nhs-potassium", "nice-cks-hyperkalaemia"} <= set(card.sources)


def test_reassurance_does_not_over_promise(lib):
    first = lib.card("settle").steps[0]
    assert "nearly all" not in first.lower()
    assert "much better within a few weeks" in first and "last longer or come back" in first


# --- the new cards ---------------------------------------------------------------------------

@pytest.mark.parametrize("deck_id, card_id", [(d, c) for d, ids in NEW_CARDS.items() for c in ids])
def test_the_new_card_is_in_its_deck(lib, deck_id, card_id):
    assert card_id in [c.id for c in lib.deck(deck_id).cards]


@pytest.mark.parametrize("card_id, needs", [
    ("driving", ["emergency stop", "drowsy", "codeine"]),
    ("work", ["Staying at work", "going back early", "changes", "fit note"]),
    ("sleep-well", ["pillow between", "rolling onto your side", "during the day rather than resting in bed"]),
    ("no-scan", ["X-ray", "MRI", "does not usually need", "keep moving"]),
    ("flare-up-plan", ["what helped", "heat pad or ice pack", "keep moving", "SOS", "See a GP",
                       "keeps coming back"]),
])
def test_the_new_card_says_what_a_person_asks_about(lib, card_id, needs):
    text = " ".join([*lib.card(card_id).steps, lib.card(card_id).caution or ""])
    for phrase in needs:
        assert phrase in text, phrase


def test_the_scan_card_cites_nice_and_its_quality_standard(lib):
    assert {"nice-ng59", "nice-qs155"} <= set(lib.card("no-scan").sources)


def test_night_pain_on_the_sleep_card_points_to_the_sos_check(lib):
    caution = lib.card("sleep-well").caution
    assert "worse at night" in caution and "SOS" in caution


def test_what_helped_offers_only_things_a_person_does_or_uses():
    from app.content.loader import library
    offered = {c.id for c in library().deck("relief").cards if c.log_choice}
    assert not offered & {"settle", "no-scan", "work", "driving"}
    assert {"heat-pad", "ice-pack", "short-walk"} <= offered
