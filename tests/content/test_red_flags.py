"""Red flags as the clinical review asked: each names its route, its sources, and 'new' if it means new."""

import re
import shutil
import tomllib

import pytest

from app.content.guide import questions
from app.content.loader import DATA_DIR, ContentError, load_library


@pytest.fixture(scope="module")
def lib():
    return load_library()


def flag(lib, flag_id):
    return next(f for f in lib.red_flags if f.id == flag_id)


AMBULANCE = ["chest-pain", "sudden-back-and-tummy-pain", "faint-collapse", "after-accident-fall",
             "sepsis-signs"]


def test_every_emergency_flag_states_its_route_in_the_file():
    raw = tomllib.loads((DATA_DIR / "red_flags.toml").read_text(encoding="utf-8"))["flag"]
    for item in raw:
        if item["tier"] == "emergency":
            assert item.get("route") in ("ambulance", "ambulance_or_ae"), item["id"]
        else:
            assert "route" not in item, item["id"]


def test_only_an_ambulance_fits_chest_pain_a_burst_aneurysm_fainting_sepsis_and_a_serious_fall(lib):
    assert sorted(f.id for f in lib.red_flags if f.route == "ambulance") == sorted(AMBULANCE)


def test_every_cauda_equina_sign_is_ambulance_or_a_and_e(lib):
    ces = [f for f in lib.red_flags if "ces-card" in f.sources]
    assert len(ces) >= 9
    for f in ces:
        assert (f.tier, f.route) == ("emergency", "ambulance_or_ae"), f.id


def test_signs_that_matter_only_when_new_say_so(lib):
    nerve_and_bladder = [f for f in lib.red_flags if f.tier == "emergency" and f.route == "ambulance_or_ae"]
    for f in nerve_and_bladder:
        assert re.search(r"\bnew\b|\bnow\b|no longer|since this back pain began", f.label, re.I), f.label
        assert re.search(r"\bnew\b|\bnow\b|no longer|since my back pain began", f.say, re.I), f.say
    assert flag(lib, "both-legs-numb-weak").label.startswith("New ")


def test_one_sided_sciatica_without_weakness_is_soon_and_worse_or_severe_is_urgent(lib):
    one = flag(lib, "sciatica-one-leg")
    assert one.tier == "soon" and "one leg" in one.label and "no weakness" in one.label
    worse = flag(lib, "one-leg-worse")
    assert worse.tier == "urgent" and "severe" in worse.label and "getting worse" in worse.label
    assert "nhs-sciatica" in one.sources and "nhs-sciatica" in worse.sources


@pytest.mark.parametrize("flag_id, words", [
    ("injecting-drugs", "inject drugs"),
    ("weak-immune", "even with no fever"),
    ("osteoporosis", "osteoporosis"),
    ("older-minor-fall", "small fall"),
    ("first-episode-over-50", "over 50"),
    ("recent-spine-surgery", "operation on your spine"),
    ("recent-infection", "infection"),
])
def test_the_nice_cks_history_flags_are_under_also_tell_a_doctor_today(lib, flag_id, words):
    f = flag(lib, flag_id)
    assert (f.section, f.tier) == ("history", "urgent")
    assert words in f.label
    assert "nice-cks-back-pain" in f.sources and "nice-ng59" in f.sources


@pytest.mark.parametrize("flag_id, words", [
    ("pregnant-labour", "labour"), ("pregnant-fever-peeing", "when you pee"),
    ("pregnant-bleeding", "bleeding"),
])
def test_pregnancy_signs_come_from_the_nhs_pregnancy_back_pain_page_and_name_the_midwife(lib, flag_id, words):
    f = flag(lib, flag_id)
    assert f.tier == "urgent" and f.group == "Pregnancy" and words in f.label
    assert f.sources == ("nhs-pregnancy-back-pain",)
    assert lib.source("nhs-pregnancy-back-pain").ref.startswith("https://www.nhs.uk/pregnancy/")
    assert "midwife" in f.action


def test_every_flag_cites_a_guideline_the_library_knows(lib):
    known = {s.id for s in lib.sources}
    for f in lib.red_flags:
        assert set(f.sources) <= known, f.id
        assert any(lib.source(s).kind == "guideline" for s in f.sources), f.id


def test_every_safety_question_cites_known_sources(lib):
    known = {s.id for s in lib.sources}
    for q in questions():
        assert q.sources and set(q.sources) <= known, q.id


def test_sepsis_and_fainting_are_asked_in_the_guide():
    asked = {f for q in questions() for f in q.flags}
    assert {"sepsis-signs", "faint-collapse"} <= asked


# --- the schema refuses a flag that would send someone the wrong way ---------------------------

@pytest.fixture
def data(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def _edit(data, flag_id, old, new):
    path = data / "red_flags.toml"
    text = path.read_text()
    at = text.index(f'id = "{flag_id}"')
    end = text.index("[[", at)
    assert old in text[at:end]
    path.write_text(text[:at] + text[at:end].replace(old, new, 1) + text[end:])


def test_a_route_on_an_urgent_flag_is_refused(data):
    _edit(data, "fever", 'tier = "urgent"', 'tier = "urgent"\nroute = "ambulance"')
    with pytest.raises(ContentError, match="fever.*only an emergency flag has a route"):
        load_library(data)


def test_keep_still_with_a_lift_to_a_and_e_is_refused(data):
    _edit(data, "after-accident-fall", 'route = "ambulance"', 'route = "ambulance_or_ae"')
    with pytest.raises(ContentError, match="after-accident-fall.*route must be ambulance"):
        load_library(data)


def test_an_emergency_flag_without_a_route_never_offers_a_car(data):
    _edit(data, "saddle-numbness", 'route = "ambulance_or_ae"\n', "")
    assert flag(load_library(data), "saddle-numbness").route == "ambulance"


def test_a_source_listed_twice_is_refused(data):
    path = data / "red_flags.toml"
    path.write_text(path.read_text() + '\n[[source]]\nid = "nhs"\ntitle = "NHS again"\nkind = "guideline"\n'
                    'ref = "https://www.nhs.uk/"\n')
    with pytest.raises(ContentError, match="listed twice.*nhs"):
        load_library(data)
