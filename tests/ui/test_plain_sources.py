"""No patient screen shows a citation outside Sources: every card and guide step, rendered in full."""

import re
from datetime import UTC, datetime, timedelta

import flet as ft
import pytest

from app.content.loader import library
from app.domain.citations import full_reference
from app.domain.episode import Episode
from app.domain.guide import STEPS, Step
from app.store import EpisodeLog, MemoryBackend
from app.ui.decks.card_page import CardPage
from app.ui.guide.step import GuideStep
from app.ui.kit.peg_check import PegCheck
from app.ui.kit.sources import SourceList
from app.ui.session import Session
from app.ui.timers.timers import Timers
from tests.ui.render import is_component, render, texts, walk

# an author list, a guideline code (NG59, QS155, NICE CKS), a DOI or a year in brackets
CITATION = re.compile(r"et al\b|\b(?:NG|QS|CG)\d+\b|\bCKS\b|doi\.org|\((?:[^()]*\D)?(?:19|20)\d\d\)")
CARDS = [(deck.id, card) for deck in library().decks for card in deck.cards]
GUIDE_CARDS = sorted({i for ids in STEPS.values() for i in ids})


@pytest.fixture
def session():
    return Session(log=EpisodeLog(MemoryBackend()))


def _outside_sources(root) -> list[str]:
    return texts(walk(root, skip=is_component(SourceList)))


def _cited(lines: list[str]) -> list[str]:
    return [line for line in lines if CITATION.search(line)]


def test_the_citation_pattern_knows_a_citation_when_it_sees_one():
    assert _cited(["Sources: NICE NG59: Low back pain", "Cochrane review (French et al. 2006)",
                   "NICE CKS: Sciatica", "Steffens D et al. (JAMA Internal Medicine 2016)"]) == [
        "Sources: NICE NG59: Low back pain", "Cochrane review (French et al. 2006)",
        "NICE CKS: Sciatica", "Steffens D et al. (JAMA Internal Medicine 2016)"]
    assert _cited(["Based on: UK guideline (NICE) and research review (Cochrane)", "Wait 20 min"]) == []


@pytest.mark.parametrize("deck, card", CARDS, ids=[f"{d}-{c.id}" for d, c in CARDS])
def test_a_card_names_its_sources_in_words_and_cites_only_behind_sources(deck, card, session):
    shown = _outside_sources(render(CardPage, card, session, get_help=deck == "relief"))
    assert _cited(shown) == []
    assert any(line.startswith("Based on: ") for line in shown)
    assert "Sources" in texts(walk(render(CardPage, card, session)))  # the button that opens them


@pytest.mark.parametrize("card_id", GUIDE_CARDS)
def test_a_guide_step_with_why_this_open_cites_only_behind_sources(card_id, session, monkeypatch):
    card = library().cards_by_id()[card_id]
    monkeypatch.setattr(session, "guide_step", lambda: Step("position", card, 2))
    root = render(GuideStep, session, Timers())
    nodes = list(walk(root))
    why = next(n for n in nodes if isinstance(n, ft.OutlinedButton) and "Why this?" in texts(walk(n.content)))
    assert any(isinstance(n, ft.Icon) for n in walk(why.content))  # drawn as a button, with its icons
    why.on_click()  # open "Why this?": the same component, rendered again
    shown = _outside_sources(root)
    assert _cited(shown) == []
    assert any(line.startswith("Based on: ") for line in shown)
    assert card.evidence is None or card.evidence in shown


def test_sources_opened_hold_the_full_references(session):
    card = library().cards_by_id()["heat-pad"]
    references = tuple(full_reference(library().source(i)) for i in card.sources)
    closed = texts(walk(render(SourceList, references)))
    opened = texts(walk(render(SourceList, references, shown=True)))
    assert closed == ["Sources"]
    assert any("French et al. 2006" in line and "doi.org" in line for line in opened)
    assert len(opened) == 1 + len(card.sources)


def test_the_weekly_check_names_its_scale_in_words_and_cites_it_only_behind_sources(session):
    began = datetime.now(UTC) - timedelta(days=8)
    session.log.add(Episode(start=began, end=began + timedelta(hours=5)))
    root = render(PegCheck, session)
    start = next(n for n in walk(root) if isinstance(n, ft.Button) and "Start the weekly check" in texts([n]))
    start.on_click()
    shown = _outside_sources(root)
    assert any("Question 1 of 3" in line for line in shown)
    assert _cited(shown) == []
    assert any(line.startswith("Based on: ") for line in shown)
