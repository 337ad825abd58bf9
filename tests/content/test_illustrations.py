"""Every drawing has a night version for the dark panel, made from it by the one colour map."""

import pytest

from app.content.illustrations import DARK_DIR, LIGHT_DIR, NIGHT, night_svg
from tests.ui.kit.test_theme import contrast

DRAWINGS = sorted(LIGHT_DIR.glob("*.svg"))
PANEL = "#33353A"  # the dark theme's surface_container_highest, behind the drawings at night


@pytest.mark.parametrize("light", DRAWINGS, ids=lambda p: p.stem)
def test_each_night_drawing_is_the_light_one_recoloured(light):
    dark = DARK_DIR / light.name
    assert dark.exists(), "run: python -m app.content.illustrations"
    assert dark.read_text(encoding="utf-8") == night_svg(light.read_text(encoding="utf-8"))


def test_the_outline_colours_stand_out_on_the_night_panel():
    for stroke in ("#1F3A5F", "#5B7DB1"):
        assert contrast(NIGHT[stroke], PANEL) >= 3, stroke  # WCAG 1.4.11: graphics at least 3:1


def test_an_unmapped_colour_is_refused():
    with pytest.raises(KeyError):
        night_svg('<path fill="#123456"/>')
