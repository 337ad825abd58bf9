"""The bundled content loads, covers every required topic and names real sources."""

import re
import shutil
from pathlib import Path

import pytest

from app.content.loader import DATA_DIR, ContentError, load_library

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
ASSETS = Path(__file__).resolve().parents[2] / "assets" / "illustrations"


@pytest.fixture(scope="module")
def lib():
    return load_library()


def all_text(lib):
    for deck in lib.decks:
        for card in deck.cards:
            yield from (card.title, *card.steps, card.caution or "", card.evidence or "")
    yield from (text for f in lib.red_flags for text in (f.label, f.say))


def test_decks_have_enough_cards(lib):
    sizes = {d.id: len(d.cards) for d in lib.decks}
    assert sizes["relief"] >= 8 and sizes["sleep"] >= 5 and sizes["prevention"] >= 8


def test_every_card_names_a_known_source(lib):
    ids = {s.id for s in lib.sources}
    for deck in lib.decks:
        for card in deck.cards:
            assert card.sources and set(card.sources) <= ids, card.id


def test_seed_sources_point_at_real_seed_files(lib):
    seeds = [s for s in lib.sources if s.kind == "seed"]
    assert len(seeds) == 5
    if SEEDS.exists():
        assert {s.ref for s in seeds} == {p.name for p in SEEDS.iterdir()}


def test_every_illustration_exists(lib):
    for deck in lib.decks:
        for card in deck.cards:
            assert (ASSETS / f"{card.illustration}.svg").is_file(), card.illustration


@pytest.mark.parametrize("topic", [
    "90", "ice", "heat", "knee", "pelvic", "child", "hydrat|water|drink", "pain relief|pharmac",
    "massage|roller", "walk", "breath",
])
def test_relief_deck_covers(lib, topic):
    text = " ".join(f"{c.id} {c.title} {' '.join(c.steps)}".lower() for c in lib.deck("relief").cards)
    assert re.search(topic, text)


def test_ice_heat_and_painkiller_cards_show_both_views(lib):
    cards = lib.cards_by_id()
    for cid in ("ice-pack", "heat-pad"):
        evidence = cards[cid].evidence.lower()
        assert "cochrane" in evidence and "48" in evidence
        assert "cochrane-heat-cold" in cards[cid].sources
    pain = cards["pharmacy"]
    assert "nice-ng59" in pain.sources
    assert "paracetamol" in pain.evidence.lower() and "not recommended" in pain.evidence.lower()


def test_no_doses_anywhere(lib):
    dose = re.compile(r"\b\d+\s*(mg|mcg|g|ml|tablets?|pills?|capsules?)\b", re.I)
    for text in all_text(lib):
        assert not dose.search(text), text


def test_no_sentence_copied_from_the_seeds(lib):
    if not SEEDS.exists():
        pytest.skip("seeds not beside the checkout")
    words = lambda s: re.findall(r"[a-z0-9']+", s.lower())  # noqa: E731
    seed_text = " ".join(" ".join(words(p.read_text())) for p in SEEDS.iterdir())
    for text in all_text(lib):
        w = words(text)
        for i in range(len(w) - 7):
            assert " ".join(w[i:i + 8]) not in seed_text, text


def test_red_flags_cover_every_tier_and_list(lib):
    tiers = {f.tier for f in lib.red_flags}
    assert tiers == {"emergency", "urgent", "soon"}
    assert len([f for f in lib.red_flags if f.tier == "emergency"]) >= 12
    assert len([f for f in lib.red_flags if f.tier == "urgent"]) >= 8
    assert any("ces-card" in f.sources for f in lib.red_flags)
    first_other = next(i for i, f in enumerate(lib.red_flags) if f.tier != "emergency")
    assert all(f.tier != "emergency" for f in lib.red_flags[first_other:]), "call-now signs first"


@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path / "data"


def deck_file(steps: str) -> str:
    return (f'id = "sleep"\ntitle = "Sleep"\n[[cards]]\nid = "test-card"\ntitle = "A card"\n'
            f'steps = {steps}\nillustration = "bridge"\nsources = ["nhs"]\n')


def test_too_many_steps_names_file_card_and_field(data_copy):
    (data_copy / "sleep.toml").write_text(deck_file('["one", "two", "six", "ten", "yes", "six!"]'))
    with pytest.raises(ContentError) as err:
        load_library(data_copy)
    assert "sleep.toml" in str(err.value) and "'test-card'" in str(err.value)
    assert "'steps'" in str(err.value)


def test_a_valid_minimal_deck_loads(data_copy):
    (data_copy / "sleep.toml").write_text(deck_file('["Lie down slowly."]'))
    assert load_library(data_copy).deck("sleep").cards[0].id == "test-card"


def test_unknown_source_is_rejected(data_copy):
    path = data_copy / "prevention.toml"
    path.write_text(path.read_text().replace('"nice-ng59"', '"made-up-guideline"', 1))
    with pytest.raises(ContentError, match="made-up-guideline"):
        load_library(data_copy)


def test_broken_toml_names_the_file(data_copy):
    (data_copy / "triggers.toml").write_text("[[trigger]\nid=")
    with pytest.raises(ContentError, match="triggers.toml"):
        load_library(data_copy)


def test_a_call_script_line_in_the_second_person_is_rejected(data_copy):
    path = data_copy / "red_flags.toml"
    path.write_text(path.read_text().replace('say = "I have chest pain"', 'say = "You have chest pain"'))
    with pytest.raises(ContentError, match="I/my, not you/your"):
        load_library(data_copy)
