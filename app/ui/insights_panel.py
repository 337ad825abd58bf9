"""Insights from the log, holding back 'top' claims until there are enough episodes."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.domain.insights import insights
from app.ui.boundary import component
from app.ui.session import Session, now


def _duration(td) -> str:
    minutes = int(td.total_seconds() // 60)
    return f"{minutes} min" if minutes < 120 else f"{minutes / 60:.1f} h"


@component
def InsightsPanel(session: Session) -> ft.Control:
    lib = library()
    stats = ft.use_memo(lambda: insights(session.log.newest_first(), now()), [session.revision])
    if not stats.episodes:
        return ft.Text("No episodes logged yet. Your patterns will show here.", size=16)
    labels = {t.id: t.label for t in lib.triggers} | {c.id: c.title for c in lib.deck("relief").cards}
    months = len(stats.per_month)
    lines = [
        f"Episodes: {stats.episodes} over {months} month{'s' if months != 1 else ''}",
        "Typical length: " + (_duration(stats.median_duration) if stats.median_duration
                              else "no ended episodes yet"),
        "Average worst pain: " + (f"{stats.average_peak} / 10" if stats.average_peak is not None
                                  else "no pain scores yet"),
    ]
    if stats.enough_for_top:
        tops = [("Common triggers", stats.top_triggers), ("What helped most", stats.top_helped)]
        lines += [f"{title}: " + (", ".join(f"{labels[k]} ({n})" for k, n in top) or "none yet")
                  for title, top in tops]
    else:
        lines.append(f"Log {stats.needed_for_top} more episode(s) to see triggers and "
                     "what helps most.")
    return ft.Container(
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST, border_radius=16, padding=14,
        content=ft.Column(spacing=6, controls=[
            ft.Text("Your patterns", size=20, weight=ft.FontWeight.BOLD),
            *[ft.Text(line, size=16) for line in lines],
        ]),
    )
