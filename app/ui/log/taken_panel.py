"""What I took or used: the person's own words and when, and 'Did it help?' at the next pain check."""

from __future__ import annotations

from datetime import datetime, timedelta

import flet as ft

from app.domain.episode import Episode
from app.domain.taken import earlier_words
from app.ui.kit.boundary import component
from app.ui.kit.choice_chips import ChoiceChips
from app.ui.kit.heading import heading
from app.ui.kit.theme import TARGET
from app.ui.kit.typed_field import TypedField
from app.ui.log.did_it_help import DidItHelp
from app.ui.session import Session, now

WHEN = [("0", "Now"), ("30", "30 min ago"), ("60", "1 h ago"), ("120", "2 h ago")]
WHEN_PAST = [("0", "When it began"), ("30", "30 min in"), ("60", "1 h in"), ("120", "2 h in")]


def taken_at(episode: Episode, minutes: int, at_now: datetime) -> datetime:
    """An open episode counts back from now; an ended one counts on from its start, never past its end."""
    if episode.end is None:
        return at_now - timedelta(minutes=minutes)
    return min(episode.start + timedelta(minutes=minutes), episode.end)


@component
def TakenPanel(session: Session, episode: Episode) -> ft.Control:
    typed = ft.use_ref("")  # what the phone last sent: Add can land before the redraw after the last key
    cleared, set_cleared = ft.use_state(0)  # each Add starts a new, empty field
    when, set_when = ft.use_state("0")

    def type_(value: str) -> None:
        typed.current = value

    def add(what: str) -> None:
        if what.strip():
            session.add_taken(episode.id, what, taken_at(episode, int(when), now()))
            type_("")
            set_cleared(cleared + 1)

    controls: list[ft.Control] = [
        heading("What I took or used", level=3, size=18),
        *[ft.Text(f"{t.at.astimezone():%H:%M} · {t.what}" + (f" · {t.effect}" if t.effect else ""), size=16)
          for t in episode.taken],
    ]
    if not episode.is_open:  # an open episode asks beside its pain buttons
        controls.append(DidItHelp(session, episode))
    earlier = [w for w in earlier_words(session.log.newest_first()) if w]
    controls += [
        ft.Row(vertical_alignment=ft.CrossAxisAlignment.CENTER, controls=[
            TypedField(key=f"{episode.id}-{cleared}", on_text=type_, label="In your own words", expand=True,
                       max_length=80, text_size=18, on_submit=lambda e: add(e.control.value or "")),
            ft.Button("Add", icon=ft.Icons.ADD, height=TARGET, on_click=lambda: add(typed.current or "")),
        ]),
        ChoiceChips(WHEN if episode.is_open else WHEN_PAST, [when], set_when),
        *([ft.Text("Again:", size=16), ChoiceChips([(w, w) for w in earlier], [], add)] if earlier else []),
    ]
    return ft.Column(spacing=8, controls=controls)
