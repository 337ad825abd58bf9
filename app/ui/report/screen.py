"""For your doctor (/report): the summary for 30 days, 90 days or all, and saving it as one page."""

from __future__ import annotations

from datetime import datetime

import flet as ft

from app.domain.peg import CHANGE_SOURCE, SHORT_SOURCE
from app.domain.report import PERIODS, Report, human_duration, label, report
from app.domain.words import count
from app.ui.kit.boundary import component
from app.ui.kit.exporting import export_summary
from app.ui.kit.heading import heading
from app.ui.kit.peg_check import PegCheck
from app.ui.kit.score_chart import Point, ScoreChart
from app.ui.kit.screen_header import with_header
from app.ui.kit.theme import TARGET
from app.ui.session import Session, now

SHOWN = 6  # list rows on screen; the saved page has its own limits
CHOICES = {"30": "30 days", "90": "90 days", "all": "All"}


def _heading(text: str) -> ft.Control:
    return heading(text, level=3)


def _line(text: str, **kw) -> ft.Control:
    return ft.Text(text, size=17, **kw)


def _figure(value: str, what: str) -> ft.Control:
    return ft.Container(
        bgcolor=ft.Colors.SURFACE_CONTAINER_HIGHEST, border_radius=12, padding=10, width=170,
        content=ft.Column(spacing=0, controls=[
            ft.Text(value, size=24, weight=ft.FontWeight.BOLD), ft.Text(what, size=15)]),
    )


def _figures(r: Report) -> ft.Control:
    return ft.Row(wrap=True, spacing=8, run_spacing=8, controls=[
        _figure(str(r.episodes), "episodes"),
        _figure(human_duration(r.median_duration) if r.median_duration else "none ended",
                "median length"),
        _figure(human_duration(r.longest) if r.longest else "none ended", "longest"),
        _figure(str(len(r.checks)), "SOS checks"),
    ])


def _chart(r: Report) -> ft.Control:
    if not r.peaks:
        return _line("No pain scores in this period.")
    points = [Point(score=p, said=f"{d:%a %d %b}: worst pain {p}") for d, p in r.peaks]
    return ScoreChart(points, [f"{r.peaks[0][0]:%d %b}", f"{r.peaks[-1][0]:%d %b}"], values=len(points) <= 14)


def _checks(r: Report) -> list[ft.Control]:
    if not r.checks:
        return [_line("No red-flag check in this period.")]
    counts = r.outcome_counts
    rows = [_line(f"{counts['emergency']} emergency, {counts['urgent']} urgent, "
                  f"{counts['none']} found no red flag")]
    rows += [_line(f"{c.at:%a %d %b, %H:%M}: {c.outcome}" + (f" ({'; '.join(c.signs)})" if c.signs else ""),
                  weight=ft.FontWeight.BOLD if c.outcome == "emergency" else None)
            for c in r.checks[:SHOWN]]
    more = len(r.checks) - SHOWN
    return rows + ([_line(f"and {more} earlier")] if more > 0 else [])


def _month(key: str) -> str:
    return datetime.strptime(key, "%Y-%m").strftime("%b %Y")


def _helped(r: Report) -> list[ft.Control]:
    rows = [_line(f"{label(s.card)}: pain {s.median_change:+.1f} (median of {s.episodes} episodes)")
            for s in r.steps.ranked]
    if not rows:
        rows = [_line("Guided steps: not enough data yet. A step is ranked once its pain was scored "
                      "before and after it in 3 episodes.")]
    if r.helped:
        rows.append(_line("Marked as helping: " + ", ".join(f"{label(c)} ({n})" for c, n in r.helped)))
    return rows


def _triggers(r: Report) -> list[ft.Control]:
    if r.triggers is None:
        return [_line(f"Not enough data yet: log {count(r.needed_for_triggers, 'more episode')}.")]
    return [_line(f"{label(t.trigger)}: {t.episodes} of {r.episodes} episodes") for t in r.triggers] or [
        _line("No triggers noted.")]


def _peg(r: Report) -> list[ft.Control]:
    t = r.peg
    if not t.entries:
        return [_line("No weekly check answered in this period.")]
    rows = [_line(f"{p.at:%d %b}: {p.score:.1f}") for p in t.entries[-SHOWN:]]
    if t.percent is not None:
        rows.append(_line(f"Change since {t.entries[0].at:%d %b}: {t.percent:+d}%"))
    if t.called_out:
        word = "better" if t.called_out == "better" else "worse"
        rows.append(_line(f"That is a change of 30% or more: meaningfully {word}.",
                          weight=ft.FontWeight.BOLD))
    rows.append(ft.Text(f"{SHORT_SOURCE}. {CHANGE_SOURCE}", size=14, color=ft.Colors.ON_SURFACE_VARIANT))
    return rows


@component
def ReportScreen(session: Session) -> ft.Control:
    key, set_key = ft.use_state("30")
    notes, set_notes = ft.use_state(False)
    message, set_message = ft.use_state("")
    picker = ft.use_memo(ft.FilePicker, [])
    r = ft.use_memo(lambda: report(key, now(), session.log.newest_first(), session.log.checks(),
                                   session.log.pegs()), [session.revision, key])

    async def save() -> None:
        set_message(await export_summary(picker, session.log, key, notes))

    open_ = r.open_episode
    body = ft.ListView(expand=True, padding=16, spacing=12, controls=[
        _line("A one-page summary to show a doctor or physio. It is saved on this device; nothing is sent."),
        ft.SegmentedButton(
            selected=[key], on_change=lambda e: set_key(e.control.selected[0]),
            segments=[ft.Segment(value=k, label=ft.Text(CHOICES[k])) for k in PERIODS],
        ),
        _line(f"{r.first_day:%d %b %Y} to {r.last_day:%d %b %Y}", color=ft.Colors.ON_SURFACE_VARIANT),
        ft.FilledButton("Save for your doctor", icon=ft.Icons.SAVE_ALT, height=TARGET + 8, on_click=save),
        ft.Semantics(live_region=True, content=_line(message)) if message else ft.Container(visible=False),
        _figures(r),
        _line(f"Episode open now, for {human_duration(open_.open_for)}" if open_ else "No episode open now.",
              weight=ft.FontWeight.BOLD if open_ else None),
        _heading("Worst pain of each episode"), _chart(r),
        _heading("Episodes per month"),
        _line(", ".join(f"{_month(m)}: {n}" for m, n in r.per_month)),
        _heading("Red-flag checks"), *_checks(r),
        _heading("What helped"), *_helped(r),
        _heading("Most common triggers"), *_triggers(r),
        _heading("What you took or tried"),
        *([_line(f"“{t}”" + (f" ({n} episodes)" if n > 1 else "")) for t, n in r.tried[:SHOWN]]
          or [_line("Nothing written in this period.")]),
        _heading("Weekly check (PEG)"), *_peg(r),
        PegCheck(session, key="peg-check"),  # keeps its "saved" message while the lists above grow
        ft.Switch(label="Show my notes (in the saved page too)", value=notes,
                  label_text_style=ft.TextStyle(size=17),
                  on_change=lambda e: set_notes(bool(e.control.value))),
        *([_line(f"{at:%d %b}: {text}") for at, text in r.notes] if notes else []),
        *([_line("No notes in this period.")] if notes and not r.notes else []),
    ])
    return with_header("For your doctor", session.close_overlay, body)
