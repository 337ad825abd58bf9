"""A deck: swipeable cards, one per page, with page dots and big previous/next buttons."""

from __future__ import annotations

import flet as ft

from app.content.schema import Deck
from app.ui.decks.card_page import CardPage
from app.ui.decks.page_dots import PageDots
from app.ui.kit.boundary import component
from app.ui.kit.theme import TARGET
from app.ui.session import Session


@component
def DeckView(deck: Deck, session: Session) -> ft.Control:
    index = session.positions.get(deck.id, 0)
    # the card on screen goes out first; its neighbours (for a swipe) follow right after mounting
    near, set_near = ft.use_state(0)
    ft.use_effect(lambda: set_near(1), [])
    count = len(deck.cards)

    def go(delta: int) -> None:
        session.show_card(deck.id, max(0, min(count - 1, index + delta)))

    return ft.Column(
        expand=True,
        spacing=0,
        controls=[
            ft.PageView(
                expand=True,
                selected_index=index,
                on_change=lambda e: session.show_card(deck.id, int(e.data)),
                controls=[
                    CardPage(card, session, deck.id == "relief", key=card.id) if abs(i - index) <= near
                    else ft.Container(key=f"{card.id}-later")
                    for i, card in enumerate(deck.cards)
                ],
            ),
            ft.Row(
                alignment=ft.MainAxisAlignment.SPACE_BETWEEN,
                controls=[
                    ft.IconButton(ft.Icon(ft.Icons.CHEVRON_LEFT, semantics_label="Previous card"),
                                  icon_size=32, width=TARGET, height=TARGET, disabled=index == 0,
                                  on_click=lambda: go(-1)),
                    PageDots(index, count, deck.title),
                    ft.IconButton(ft.Icon(ft.Icons.CHEVRON_RIGHT, semantics_label="Next card"),
                                  icon_size=32, width=TARGET, height=TARGET,
                                  disabled=index == count - 1, on_click=lambda: go(1)),
                ],
            ),
        ],
    )
