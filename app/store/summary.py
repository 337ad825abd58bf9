"""The doctor's summary as one self-contained HTML page: inline CSS and SVG, no scripts, one A4 sheet."""

from __future__ import annotations

import re
from datetime import datetime
from html import escape

from app.domain.peg import CHANGE_SOURCE, SOURCE
from app.domain.report import PERIODS, CheckLine, PeriodKey, Report, human_duration, label, report
from app.store.repository import EpisodeLog
from app.version import __version__

# What fits on one A4 sheet with everything else at its longest (tests/e2e/test_report.py prints it).
MAX_CHECKS = 4
MAX_SIGNS = 2
SIGN_CHARS = 90  # a whole sign: a clinician must not read half of one
MAX_STEPS = 3
MAX_TRIED = 3
MAX_NOTES = 3
NOTE_CHARS = 200
TRIED_CHARS = 100
MAX_LINE_POINTS = 40  # beyond this a joining line is a scribble: dots only
PEAKS_HEIGHT = 150  # the pain chart's height for its 640 wide: tall enough to read on a phone

CSS = """
:root{--fg:#1a1c20;--muted:#43474e;--line:#c4c6cf;--box:#eeedf4;--accent:#1f3a5f;--bad:#b3261e;--good:#0b6b2a}
@media (prefers-color-scheme:dark){:root{--fg:#e2e2e9;--muted:#c4c6cf;--line:#5a5d66;--box:#1d2024;
--accent:#a8c7fa;--bad:#ffb4ab;--good:#8fd9a4}body{background:#111318}}
*{box-sizing:border-box}
body{margin:0;padding:16px;color:var(--fg);overflow-wrap:anywhere;
font:15px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:820px;margin:auto}
h1{font-size:1.35em;margin:0}h2{font-size:1em;margin:0 0 .25em;color:var(--accent)}
p{margin:.15em 0}.muted{color:var(--muted)}.small{font-size:.85em}
header{border-bottom:2px solid var(--accent);padding-bottom:.3em;margin-bottom:.5em}
.figs{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:6px;margin-bottom:.5em}
.fig{background:var(--box);border-radius:6px;padding:4px 8px}.fig b{display:block;font-size:1.25em}
.fig span{font-size:.8em;color:var(--muted)}
section{margin:.45em 0;break-inside:avoid}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:14px}
@media (max-width:600px){.cols{grid-template-columns:1fr}svg.wide text{font-size:22px}}
svg{display:block;width:100%;height:auto;color:var(--fg)}
svg text{font-size:11px;fill:var(--muted)}svg .grid{stroke:var(--line);stroke-width:1}
svg .mark{fill:var(--accent)}svg .trace{stroke:var(--accent);fill:none;stroke-width:1.5}
table{border-collapse:collapse;width:100%}td,th{text-align:left;vertical-align:top;padding:2px 6px 2px 0;
border-bottom:1px solid var(--line)}th{font-size:.85em;color:var(--muted);font-weight:600}
.emergency{color:var(--bad);font-weight:700}td.when{white-space:nowrap}.urgent{color:var(--bad)}
.call{font-weight:700}.better{color:var(--good)}.worse{color:var(--bad)}
ul{margin:.1em 0;padding-left:1.2em}li{margin:0}
footer{margin-top:.5em;border-top:1px solid var(--line);padding-top:.25em}
@page{size:A4;margin:10mm}
@media print{:root{--fg:#000;--muted:#333;--line:#999;--box:#eee;--accent:#1f3a5f;--bad:#a00;--good:#060}
body{background:#fff;padding:0;font-size:8.5pt}main{max-width:none}.cols{grid-template-columns:1fr 1fr}
.figs{grid-template-columns:repeat(6,1fr)}.fig{padding:2px 6px}.fig b{font-size:1.1em}
table{font-size:.92em}svg.wide{height:40mm;width:100%}}
"""


_HTTP = re.compile(r"h(?=ttp)", re.IGNORECASE)


def _t(text: str) -> str:
    """Escape the person's own words; the h of 'http' in any case is written as an entity, so the
    file names no address."""
    return _HTTP.sub(lambda m: f"&#{ord(m.group())};", escape(text))


def _day(t: datetime) -> str:
    return f"{t:%d %b %Y}"


def _dots(points: list[tuple[float, float]], radius: float, said: list[str] | None = None) -> list[str]:
    """Dots joined by a line while there are few enough for a line to mean something; `said` gives each
    dot its value, shown on hover or tap in most viewers."""
    few = len(points) <= MAX_LINE_POINTS
    parts = [f'<polyline class="trace" points="{" ".join(f"{x},{y}" for x, y in points)}"/>'] \
        if len(points) > 1 and few else []
    r = radius if few else radius * 0.6
    return parts + [f'<circle class="mark" cx="{x}" cy="{y}" r="{r}">'
                    + (f"<title>{_t(said[i])}</title>" if said else "") + "</circle>"
                    for i, (x, y) in enumerate(points)]


def _peaks_svg(r: Report) -> str:
    w, h, left, bottom = 640, PEAKS_HEIGHT, 44, 26
    span = max((r.end - r.start).total_seconds(), 1)
    plot_h = h - bottom - 8

    def xy(t: datetime, pain: int) -> tuple[float, float]:
        x = left + (w - left - 8) * (t - r.start).total_seconds() / span
        return round(x, 1), round(8 + plot_h * (1 - pain / 10), 1)

    parts = [f'<line class="grid" x1="{left}" x2="{w - 8}" y1="{y}" y2="{y}"/>'
             f'<text x="{left - 6}" y="{y + 4}" text-anchor="end">{v}</text>'
             for v in (0, 5, 10) for y in [round(8 + plot_h * (1 - v / 10), 1)]]
    points = [xy(t, p) for t, p in r.peaks]
    parts += _dots(points, 3.5, [f"{_day(t)}: worst pain {p}/10" for t, p in r.peaks])
    middle = r.start + (r.end - r.start) / 2
    parts += [f'<text x="{left}" y="{h - 3}">{_day(r.start)}</text>',
              f'<text x="{round(left + (w - left - 8) / 2, 1)}" y="{h - 3}" text-anchor="middle">'
              f'{_day(middle)}</text>',
              f'<text x="{w - 8}" y="{h - 3}" text-anchor="end">{_day(r.end)}</text>']
    if not points:
        parts.append(f'<text x="{w / 2}" y="{h / 2}" text-anchor="middle">'
                     'No pain scores in this period</text>')
    return (f'<svg class="wide" viewBox="0 0 {w} {h}" role="img" '
            f'aria-label="Worst pain of each episode, 0 to 10, '
            f'over the period">{"".join(parts)}</svg>')


def _months_svg(r: Report) -> str:
    w, h, bottom = 300, 68, 16
    months = r.per_month
    n = max(len(months), 1)
    top = max((c for _, c in months), default=0) or 1
    slot = w / n
    every = -(-n // 6)  # at most six month names, so they stay readable however long the period
    parts = []
    for i, (month, count) in enumerate(months):
        bar = (h - bottom - 14) * count / top
        x = round(i * slot + slot * 0.15, 1)
        parts.append(f'<rect class="mark" x="{x}" y="{round(h - bottom - bar, 1)}" '
                     f'width="{round(slot * 0.7, 1)}" height="{round(bar, 1)}"/>')
        cx = round(i * slot + slot / 2, 1)
        if n <= 12:  # a count over each bar while they are wide enough to hold one
            parts.append(f'<text x="{cx}" y="{round(h - bottom - bar - 3, 1)}" '
                         f'text-anchor="middle">{count}</text>')
        if i % every == 0:
            name = datetime.strptime(month, "%Y-%m").strftime("%b %y")
            at, anchor = (0, "start") if i == 0 and n > 1 else (cx, "middle")  # inside the chart
            parts.append(f'<text x="{at}" y="{h - 3}" text-anchor="{anchor}">{name}</text>')
    if n > 12:
        parts.append(f'<text x="0" y="10">highest: {top} in a month</text>')
    return f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="Episodes per month">{"".join(parts)}</svg>'


def _peg_svg(r: Report) -> str:
    w, h, left = 300, 64, 22
    entries = r.peg.entries
    span = max((r.end - r.start).total_seconds(), 1)
    points = [(round(left + (w - left - 6) * (p.at - r.start).total_seconds() / span, 1),
               round(6 + (h - 20) * (1 - p.score / 10), 1)) for p in entries]
    parts = [f'<line class="grid" x1="{left}" x2="{w - 6}" y1="{y}" y2="{y}"/>'
             f'<text x="{left - 4}" y="{y + 4}" text-anchor="end">{v}</text>'
             for v in (0, 10) for y in [round(6 + (h - 20) * (1 - v / 10), 1)]]
    parts += _dots(points, 3)
    return (f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="PEG score over the period">'
            f'{"".join(parts)}</svg>')


def _figures(r: Report) -> str:
    open_ = (f"open {human_duration(r.open_episode.open_for)}" if r.open_episode else "none")
    peg = f"{r.peg.latest:.1f}" if r.peg.latest is not None else "not answered"
    figs = [
        (str(r.episodes), "episodes"),
        (human_duration(r.median_duration) if r.median_duration else "-", "median length"),
        (human_duration(r.longest) if r.longest else "-", "longest"),
        (open_, "episode now"),
        (peg, "latest PEG (0-10)"),
    ]
    cells = "".join(f"<div class=fig><b>{v}</b><span>{k}</span></div>" for v, k in figs)
    return f'<div class="figs">{cells}</div>'


def shown_checks(r: Report) -> list[CheckLine]:
    """The checks that fit: emergencies and urgent ones before checks that found nothing, newest first."""
    flagged = [c for c in r.checks if c.outcome != "none"][:MAX_CHECKS]
    calm = [c for c in r.checks if c.outcome == "none"][:MAX_CHECKS - len(flagged)]
    return sorted(flagged + calm, key=lambda c: c.at, reverse=True)


def _signs(signs: tuple[str, ...]) -> str:
    if not signs:
        return "no signs ticked"
    text = "; ".join(_clip(s, SIGN_CHARS) for s in signs[:MAX_SIGNS])
    return _t(text) + (f" (+{len(signs) - MAX_SIGNS} more)" if len(signs) > MAX_SIGNS else "")


def _checks(r: Report) -> str:
    if not r.checks:
        return "<p>No red-flag check was made in this period.</p>"
    shown = shown_checks(r)
    rows = "".join(
        f'<tr><td class="when">{c.at:%d %b %Y %H:%M}</td><td class="{c.outcome}">{c.outcome}</td>'
        f"<td>{_signs(c.signs)}</td></tr>" for c in shown)
    counts = r.outcome_counts
    total = (f'<p><b>{len(r.checks)} checks:</b> {counts["emergency"]} emergency, {counts["urgent"]} urgent, '
             f'{counts["none"]} found no red flag.</p>')
    more = len(r.checks) - len(shown)
    tail = f'<p class="small muted">and {more} more (counted above).</p>' if more > 0 else ""
    return f"{total}<table><tr><th>When</th><th>Outcome</th><th>Signs ticked</th></tr>{rows}</table>{tail}"


def _helped(r: Report) -> str:
    lines = [f"<li>{_t(label(s.card))}: {s.median_change:+.1f} (median of {s.episodes} episodes)</li>"
             for s in r.steps.ranked[:MAX_STEPS]]
    if not lines:
        lines = ["<li>Guided steps: not enough data yet (each step needs pain scored before and after "
                 "in 3 episodes).</li>"]
    if r.helped:
        marked = ", ".join(f"{label(c)} ({n})" for c, n in r.helped[:MAX_STEPS])
        lines.append(f"<li>Marked as helping: {_t(marked)}</li>")
    return "<ul>" + "".join(lines) + "</ul>"


def _triggers(r: Report) -> str:
    if r.triggers is None:
        return f"<p>Not enough data yet ({r.needed_for_triggers} more episodes needed).</p>"
    if not r.triggers:
        return "<p>No triggers noted.</p>"
    return "<ul>" + "".join(f"<li>{_t(label(t.trigger))}: {t.episodes} of {r.episodes} episodes</li>"
                            for t in r.triggers) + "</ul>"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _tried(r: Report) -> str:
    if not r.tried:
        return "<p>Nothing written in this period.</p>"
    items = "".join(f"<li>“{_t(_clip(t, TRIED_CHARS))}”" + (f" ({n} episodes)" if n > 1 else "") + "</li>"
                    for t, n in r.tried[:MAX_TRIED])
    more = len(r.tried) - MAX_TRIED
    tail = f'<p class="small muted">and {more} more in the app.</p>' if more > 0 else ""
    return f"<ul>{items}</ul>{tail}"


def _peg(r: Report) -> str:
    t = r.peg
    if not t.entries:
        return "<p>No PEG answers in this period.</p>"
    first, last = t.entries[0], t.entries[-1]
    text = (f"<p>{len(t.entries)} weekly answers. Latest {last.score:.1f} ({_day(last.at)}): "
            f"pain {last.pain}, enjoyment {last.enjoyment}, activity {last.activity}.</p>")
    if t.percent is not None:
        text += f"<p>First {first.score:.1f} ({_day(first.at)}), change {t.percent:+d}%."
        if t.called_out:
            word = "improvement" if t.called_out == "better" else "worsening"
            text += f' <b class="{t.called_out}">A change of 30% or more: a meaningful {word}.</b>'
        text += "</p>"
    return _peg_svg(r) + text


def _notes(r: Report) -> str:
    if not r.notes:
        return "<p>No notes in this period.</p>"
    items = "".join(f"<li><b>{_day(at)}</b>: {_t(_clip(n, NOTE_CHARS))}</li>"
                    for at, n in r.notes[:MAX_NOTES])
    more = len(r.notes) - MAX_NOTES
    return f"<ul>{items}</ul>" + (f'<p class="small muted">and {more} earlier notes in the app.</p>'
                                  if more > 0 else "")


def render(r: Report, show_notes: bool = False, made: datetime | None = None) -> str:
    """The page; the person's notes only when they chose to show them."""
    made = made or r.end
    o = r.open_episode
    open_line = (f"<p class=call>An episode is still open: it began {o.start:%a %d %b %Y, %H:%M}, "
                 f"{human_duration(o.open_for)} ago.</p>" if o else "")
    notes = f"<section><h2>The person's own notes</h2>{_notes(r)}</section>" if show_notes else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Back spasm summary {_day(r.start)} to {_day(r.end)}</title>
<style>{CSS}</style></head>
<body><main>
<header><h1>Back spasm summary for a clinician</h1>
<p class="muted">{PERIODS[r.period]}: {_day(r.start)} to {_day(r.end)}. Kept by the person in the
Spasm SOS app; their own entries, not a diagnosis.</p></header>
{_figures(r)}{open_line}
<section><h2>Worst pain of each episode (0-10)</h2>{_peaks_svg(r)}</section>
<div class="cols"><section><h2>Episodes per month</h2>{_months_svg(r)}</section>
<section><h2>PEG: pain, enjoyment, activity (weekly)</h2>{_peg(r)}</section></div>
<section><h2>Red-flag checks (SOS)</h2>{_checks(r)}</section>
<div class="cols"><section><h2>What helped</h2>{_helped(r)}</section>
<section><h2>Most common triggers</h2>{_triggers(r)}</section></div>
<section><h2>What they took or tried (their words; the app suggests no doses)</h2>{_tried(r)}</section>
{notes}
<footer class="small muted"><p>{escape(SOURCE)} {escape(CHANGE_SOURCE)}</p>
<p>Made {made:%d %b %Y, %H:%M} with Spasm SOS {__version__}. Median length counts ended episodes.
Step changes: pain after minus before the step, 0-10 scale.</p>
</footer></main></body></html>
"""


def summary_for(log: EpisodeLog, key: PeriodKey, now: datetime, show_notes: bool = False) -> tuple[str, str]:
    """(file name, HTML) of the summary of this log for the period."""
    r = report(key, now, log.newest_first(), log.checks(), log.pegs())
    return r.file_name, render(r, show_notes)
