"""Every deck swipes with a finger: the card and the page dots change; next/previous work too."""

import pytest

from app.content.loader import library
from tests.e2e.conftest import shot, swipe, text

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
    for n in range(2, len(cards) + 1):
        app.get_by_role("button", name="Next card").click()
        text(app, f"card {n} of {len(cards)}").first.wait_for()
    assert app.get_by_role("button", name="Next card").is_disabled()
    app.get_by_role("button", name="Previous card").click()
    text(app, f"card {len(cards) - 1} of {len(cards)}").first.wait_for()
