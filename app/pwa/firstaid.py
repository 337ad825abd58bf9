"""Render the first-aid panel that index.html shows before Python or Flutter has loaded."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from app.domain.regions import CHECK_LOCAL, FALLBACK, URGENT_FALLBACK, preboot_table
from app.domain.triage import KEEP_STILL, ROUTE_ACTIONS

RELIEF_CARDS = 2
NUMBERS_JS = Path(__file__).parent / "web" / "first_aid_numbers.js"
CHECK_LOCAL_HINT = f"{CHECK_LOCAL} Once the app has opened, you can choose your country in Settings."


def first_aid_html(lib) -> str:
    """Static HTML for the call-now red flags, the urgent ones and the first relief steps.

    It is drawn for a country that is not known (112); the inlined script then puts in the number
    for the stored choice or the locale, as the app does, before the page is first painted.
    """
    emergency = [f for f in lib.red_flags if f.tier == "emergency"]
    urgent = [f for f in lib.red_flags if f.tier == "urgent" and f.section == "signs"]
    history = [f for f in lib.red_flags if f.section == "history"]
    cards = lib.deck("relief").cards[:RELIEF_CARDS]
    source_ids = dict.fromkeys(s for f in emergency for s in f.sources)
    source_ids.update(dict.fromkeys(s for c in cards for s in c.sources))
    sources = ", ".join(escape(lib.source(s).title) for s in source_ids)
    num = escape(FALLBACK)
    parts = [
        '<main id="first-aid" aria-labelledby="fa-title">',
        '<header class="fa-head"><h1 id="fa-title">Spasm SOS</h1>',
        '<p id="fa-status" class="fa-status" role="status" aria-live="polite">'
        "Opening the app. You can use everything on this page now.</p></header>",
        '<section class="fa-sos" aria-labelledby="fa-call">',
        f'<h2 id="fa-call">Call <span data-fa="number">{num}</span> now if you have any of these</h2>',
        f'<a id="fa-call-btn" class="fa-btn fa-btn-sos" href="tel:{num}">Call {num}</a>',
        f'<p id="fa-check" class="fa-check">{escape(CHECK_LOCAL_HINT)}</p>',
        '<a class="fa-btn fa-btn-skip" href="#fa-now">None of these: what helps now</a>',
        *_by_route(emergency),
        "</section>",
        '<a id="fa-guide" class="fa-btn fa-btn-skip" href="now">Help me now: one step at a time</a>',
    ]
    if urgent:
        parts += [
            '<section class="fa-urgent" aria-labelledby="fa-urg">',
            f'<h2 id="fa-urg">Contact <span data-fa="contact">{escape(URGENT_FALLBACK)}</span> today '
            "if you have any of these</h2>",
            _flag_list(urgent),
            *(["<h3>Also tell a doctor today if…</h3>", _flag_list(history)] if history else []),
            '<a id="fa-urg-btn" class="fa-btn fa-btn-urgent" href="#fa-urg" hidden></a>',
            '<p id="fa-urg-note" hidden></p></section>',
        ]
    parts.append('<section class="fa-relief" aria-labelledby="fa-now"><h2 id="fa-now">'
                 "What helps right now</h2>")
    for card in cards:
        steps = "".join(f"<li>{escape(s)}</li>" for s in card.steps)
        parts.append(f"<h3>{escape(card.title)}</h3><ol>{steps}</ol>")
    parts.append("</section>")
    parts.append(f'<p class="fa-sources">Based on: {sources}.</p></main>')
    parts.append(_numbers_script())
    return "\n".join(parts)


def _numbers_script() -> str:
    """The table and the rules that pick from it; runs as the parser reaches it, before first paint."""
    table = json.dumps(preboot_table(), ensure_ascii=False, separators=(",", ":"))
    table = table.replace("</", "<\\/")  # never closes the script early
    return f"<script>var SPASM_NUMBERS={table};\n{NUMBERS_JS.read_text(encoding='utf-8')}</script>"


def _by_route(emergency) -> list[str]:
    """The call-now signs grouped by how to get to hospital: only an ambulance, or A&E by lift too."""
    parts = []
    for route, actions in ROUTE_ACTIONS.items():
        flags = [f for f in emergency if f.route == route]
        if flags:
            said = " ".join(actions[1:] + ((KEEP_STILL,) if any(f.keep_still for f in flags) else ()))
            parts += [_flag_list(flags), f"<p>{escape(said)}</p>"]
    return parts


def _flag_list(flags) -> str:
    return "<ul>" + "".join(f"<li>{escape(f.label)}</li>" for f in flags) + "</ul>"
