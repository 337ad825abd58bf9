"""Decks swipe with a finger and step with buttons; relief cards open SOS; ice or heat is a choice."""

import pytest

from app.content.loader import library
from tests.e2e.conftest import reveal, shot, swipe, text

DECKS = {"Relief": "relief", "Sleep": "sleep", "Prevent": "prevention"}


@pytest.mark.parametrize("tab", DECKS)
def test_swipe_through_a_deck(app, tab):
    deck = library().deck(DECKS[tab])
    first, second = deck.cards[0], deck.cards[1]
    app.get_by_role("tab", name=tab).click()
    text(app, f"card 1 of {len(deck.cards)}").first.wait_for()
    text(app, first.title).first.wait_for()
    shot(app, f"deck-{DECKS[tab]}")
    swipe(app, -300)
    text(app, f"card 2 of {len(deck.cards)}").first.wait_for()
    text(app, second.title).first.wait_for()
    swipe(app, 300)
    text(app, f"card 1 of {len(deck.cards)}").first.wait_for()


def test_next_and_previous_buttons_step_through_cards(app):
    cards = library().deck("sleep").cards
    app.get_by_role("tab", name="Sleep").click()
    # Relief's own Next button stays on screen until the Sleep deck has replaced it
    text(app, cards[0].title).first.wait_for()
    for n in range(2, len(cards) + 1):
        app.get_by_role("button", name="Next card").click()
        text(app, f"card {n} of {len(cards)}").first.wait_for()
    assert app.get_by_role("button", name="Next card").is_disabled()
    app.get_by_role("button", name="Previous card").click()
    text(app, f"card {len(cards) - 1} of {len(cards)}").first.wait_for()


def test_a_relief_cards_get_help_line_opens_the_sos_check(app):
    app.get_by_role("tab", name="Relief").click()
    text(app, library().deck("relief").cards[0].title).first.wait_for()
    shot(app, "card-reassurance")
    reveal(app, app.get_by_role("button", name="Get help if")).click()
    app.get_by_role("button", name="None of these").wait_for()
    app.get_by_role("button", name="Back").click()


def next_to(app, card_id: str) -> None:
    cards = library().deck("relief").cards
    app.get_by_role("tab", name="Relief").click()
    text(app, f"card 1 of {len(cards)}").first.wait_for()
    target = [c.id for c in cards].index(card_id)
    for n in range(2, target + 2):
        app.get_by_role("button", name="Next card").click()
        text(app, f"card {n} of {len(cards)}").first.wait_for()


def test_ice_or_heat_is_the_persons_choice_and_the_episode_keeps_it(app):
    app.get_by_role("tab", name="Log").click()
    app.get_by_role("button", name="I'm having a spasm").click()
    text(app, "Spasm in progress").first.wait_for()
    text(app, "Most spasms ease within a few days").first.wait_for()
    next_to(app, "ice-pack")
    text(app, "Ice or heat? Your choice").first.wait_for()
    assert text(app, "Suggested for your episode now").count() == 0
    reveal(app, text(app, "too little evidence")).wait_for()
    assert text(app, "moderate evidence").count() >= 1
    reveal(app, app.get_by_role("button", name="Choose heat")).click()
    reveal(app, app.get_by_role("button", name="Heat: your choice")).wait_for()
    shot(app, "card-ice-heat-choice")
    app.get_by_role("button", name="Next card").click()
    text(app, "Your choice for this episode").first.wait_for()
