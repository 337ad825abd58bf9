"""Night versions of the line drawings: the same pictures recoloured for a dark panel.

`python -m app.content.illustrations` writes assets/illustrations/dark/; a test keeps them in step.
"""

from __future__ import annotations

import re
from pathlib import Path

LIGHT_DIR = Path(__file__).resolve().parents[2] / "assets" / "illustrations"
DARK_DIR = LIGHT_DIR / "dark"
# light-panel colour -> its night colour (strokes lighten, fills darken; accents keep their hue)
NIGHT = {
    "#1F3A5F": "#D5E3FF", "#5B7DB1": "#8FB0E0", "#DCE6F5": "#2B4A75", "#EEF3FA": "#23324A",
    "#FFFFFF": "#33353A", "#FFF": "#33353A", "#2E86DE": "#7DB8F0", "#E8590C": "#FF9A5C",
    "#2F855A": "#7BD4A0", "#B7791F": "#F0C060", "#8FD19E": "#3E7A50", "#FCE3D3": "#5A3A28",
    "#F6D365": "#8A7020", "#F3EEE2": "#3A362C",
}
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")


def night_svg(svg: str) -> str:
    """The drawing with every colour swapped for its night colour; an unknown colour is an error."""
    return _COLOUR.sub(lambda m: NIGHT[m.group(0).upper()], svg)


def write_all() -> list[Path]:
    DARK_DIR.mkdir(exist_ok=True)
    written = []
    for light in sorted(LIGHT_DIR.glob("*.svg")):
        dark = DARK_DIR / light.name
        dark.write_text(night_svg(light.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(dark)
    return written


if __name__ == "__main__":
    print(f"wrote {len(write_all())} night drawings to {DARK_DIR}")
