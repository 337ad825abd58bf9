"""Render the first-aid panel that index.html shows before Python or Flutter has loaded."""

from __future__ import annotations

from html import escape

RELIEF_CARDS = 2


def first_aid_html(lib, emergency_number: str = "999", urgent_number: str = "111") -> str:
    """Static HTML for the call-now red flags, the urgent ones and the first relief steps."""
    emergency = [f for f in lib.red_flags if f.tier == "emergency"]
    urgent = [f for f in lib.red_flags if f.tier == "urgent"]
    cards = lib.deck("relief").cards[:RELIEF_CARDS]
    source_ids = dict.fromkeys(s for f in emergency for s in f.sources)
    source_ids.update(dict.fromkeys(s for c in cards for s in c.sources))
    sources = ", ".join(escape(lib.source(s).title) for s in source_ids)
    num, urg = escape(emergency_number), escape(urgent_number)
    parts = [
        '<main id="first-aid" aria-labelledby="fa-title">',
        '<header class="fa-head"><h1 id="fa-title">Spasm SOS</h1>',
        '<p id="fa-status" class="fa-status" role="status" aria-live="polite">'
        "Opening the app. You can use everything on this page now.</p></header>",
        '<section class="fa-sos" aria-labelledby="fa-call">',
        f'<h2 id="fa-call">Call {num} now if you have any of these</h2>',
        f'<a class="fa-btn fa-btn-sos" href="tel:{num}">Call {num}</a>',
        '<a class="fa-btn fa-btn-skip" href="#fa-now">None of these: what helps now</a>',
        _flag_list(emergency),
        "<p>Or go to A&amp;E. Do not drive yourself.</p></section>",
    ]
    if urgent:
        parts += [
            '<section class="fa-urgent" aria-labelledby="fa-urg">',
            f'<h2 id="fa-urg">Call {urg} or your GP today if you have</h2>',
            _flag_list(urgent),
            f'<a class="fa-btn fa-btn-urgent" href="tel:{urg}">Call {urg}</a></section>',
        ]
    parts.append('<section class="fa-relief" aria-labelledby="fa-now"><h2 id="fa-now">'
                 "What helps right now</h2>")
    for card in cards:
        steps = "".join(f"<li>{escape(s)}</li>" for s in card.steps)
        parts.append(f"<h3>{escape(card.title)}</h3><ol>{steps}</ol>")
    parts.append("</section>")
    parts.append(f'<p class="fa-sources">Based on: {sources}.</p></main>')
    return "\n".join(parts)


def _flag_list(flags) -> str:
    return "<ul>" + "".join(f"<li>{escape(f.label)}</li>" for f in flags) + "</ul>"
