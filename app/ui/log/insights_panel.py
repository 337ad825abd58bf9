"""Insights from the log: counts, when spasms start, triggers and steps, held back without enough data."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.domain.insights import (
    MIN_EPISODES_PER_STEP,
    Pattern,
    insights,
    step_effects,
    time_of_day,
    trigger_ranking,
    weekdays,
)
from app.domain.report import label
from app.domain.words import count
from app.ui.kit.boundary import component
from app.ui.kit.heading import heading
from app.ui.session import Session, now

NOT_YET = "not enough data yet"


def _pattern(title: str, pattern: Pattern, plural: str) -> str:
    if not pattern.enough:
        return f"{title}: {NOT_YET} (log {pattern.needed} more)"
    if pattern.leader is None:
        return f"{title}: no clear pattern yet"
    count = dict(pattern.counts)[pattern.leader]
    return f"{title}: mostly {plural.format(pattern.leader)} ({count} of {pattern.episodes})"


def _patterns(episodes) -> list[str]:
    """The newer insights: when spasms start, what came before them, which steps lowered the pain."""
    ranked, steps = trigger_ranking(episodes), step_effects(episodes)
    triggers = (", ".join(f"{label(t.trigger)} {round(t.share * 100)}%" for t in ranked[:3]) or "none noted"
                if ranked is not None else NOT_YET)
    helped = (", ".join(f"{label(s.card)} {s.median_change:+.1f} ({s.episodes} episodes)"
                        for s in steps.ranked[:3]) if steps.ranked else
              f"{NOT_YET} (a step needs pain scored before and after it in {MIN_EPISODES_PER_STEP} episodes)")
    return [
        _pattern("Time of day", time_of_day(episodes), "in the {}"),
        _pattern("Day of the week", weekdays(episodes), "on {}s"),
        f"Triggers noted before an episode: {triggers}",
        f"Steps that lowered pain most (median change, 0-10): {helped}",
    ]


def _duration(td) -> str:
    minutes = int(td.total_seconds() // 60)
    return f"{minutes} min" if minutes < 120 else f"{minutes / 60:.1f} h"


@component
def InsightsPanel(session: Session) -> ft.Control:
    lib = library()
    episodes = session.log.newest_first()
    labels = {t.id: t.label for t in lib.triggers} | {c.id: c.title for c in lib.deck("relief").cards}
    stats = ft.use_memo(lambda: insights(episodes, now()), [session.revision])
    patterns = ft.use_memo(lambda: _patterns(episodes), [session.revision])
    if not stats.episodes:
        return ft.Text("No episodes logged yet. Your patterns will show here.", size=16)
    months = len(stats.per_month)
    lines = [
        f"Episodes: {stats.episodes} over {months} month{'s' if months != 1 else ''}",
        "Typical length: " + (_duration(stats.median_duration) if stats.median_duration
                              else "no ended episodes yet"),
        "Average worst pain: " + (f"{stats.average_peak} / 10" if stats.average_peak is not None
                                  else "no pain scores yet"),
    ]
    if stats.enough_for_top:
        helped = ", ".join(f"{labels[k]} ({n})" for k, n in stats.top_helped)
        lines.append(f"Marked as helping most: {helped or 'none yet'}")
    else:
        lines.append(f"Log {count(stats.needed_for_top, 'more episode')} to see triggers and "
                     "what helps most.")
    lines += patterns
    return ft.Container(
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST, border_radius=16, padding=14,
        content=ft.Column(spacing=6, controls=[
            heading("Your patterns"),
            *[ft.Text(line, size=16) for line in lines],
        ]),
    )
