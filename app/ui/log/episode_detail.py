"""One episode in full: start and end, pain scores, guided steps, triggers, what helped, taken, notes."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.domain.episode import Episode
from app.domain.words import duration
from app.ui.kit.boundary import component
from app.ui.kit.choice_chips import ChoiceChips
from app.ui.kit.heading import heading
from app.ui.kit.theme import TARGET
from app.ui.kit.typed_field import TypedField
from app.ui.log.episode_pain import pain_chart
from app.ui.log.episode_steps import steps_list
from app.ui.log.episode_times import ChangeTimes
from app.ui.log.taken_panel import TakenPanel
from app.ui.session import Session, now


def times(episode: Episode) -> list[str]:
    """'Started Tue 01 Dec 2026, 08:10' and 'Ended 10:40 · lasted 2 h 30 min' (or still going)."""
    start = episode.start.astimezone()
    lines = [f"Started {start:%a %d %b %Y, %H:%M}"]
    if episode.end is None:
        lines.append(f"Still going · {duration(episode.duration(now()))} so far")
    else:
        end = episode.end.astimezone()
        ended = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%a %d %b, %H:%M}"
        lines.append(f"Ended {ended} · lasted {duration(episode.duration(now()))}")
    return lines


def toggled(values: list[str], choice: str) -> list[str]:
    return [v for v in values if v != choice] if choice in values else [*values, choice]


def _section(title: str) -> ft.Control:
    return heading(title, level=3, size=18)


def _note(text: str) -> list[ft.Control]:
    return [ft.Text(f"In your words: {text}", size=16, italic=True)] if text.strip() else []


@component
def EpisodeDetail(session: Session, episode: Episode) -> ft.Control:
    lib = library()
    relief = [(c.id, c.title) for c in lib.deck("relief").cards if c.log_choice]
    relief += [(cid, cid) for cid in episode.helped if cid not in {c for c, _ in relief}]

    def choose(attr: str, choice: str) -> None:
        session.edit(episode.id, **{attr: toggled(getattr(session.log.get(episode.id), attr), choice)})

    return ft.Container(
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT), border_radius=12, padding=12,
        content=ft.Column(spacing=10, controls=[
            *[ft.Text(line, size=16) for line in times(episode)],
            ChangeTimes(session, episode),
            _section("Pain scores"),
            pain_chart(episode),
            _section("Guided steps"),
            *steps_list(episode),
            _section("What set it off?"),
            ChoiceChips([(t.id, t.label) for t in lib.triggers], episode.triggers,
                        lambda cid: choose("triggers", cid)),
            *_note(episode.trigger_note),
            _section("What helped?"),
            ChoiceChips(relief, episode.helped, lambda cid: choose("helped", cid)),
            *_note(episode.helped_note),
            TakenPanel(session, episode),
            TypedField(
                key=f"notes-{episode.id}", label="Notes", value=episode.notes, multiline=True,
                max_length=1000,
                on_blur=lambda e: session.edit(episode.id, notes=e.control.value or ""),
            ),
            ft.Row(wrap=True, controls=[
                ft.OutlinedButton("Mark as ongoing" if not episode.is_open else "End now", height=TARGET,
                                  on_click=lambda: session.edit(episode.id, end=None) if not episode.is_open
                                  else session.end(episode.id)),
                ft.Button("Delete", icon=ft.Icons.DELETE_OUTLINE, height=TARGET,
                          color=ft.Colors.ERROR, on_click=lambda: session.delete(episode.id)),
            ]),
        ]),
    )
