"""WCAG AA audit: every text/background pair the UI draws has at least 4.5:1 contrast in both themes."""

import pytest

from app.ui.kit.theme import PAIRS, PALETTES, theme, theme_mode


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("mode", PALETTES)
@pytest.mark.parametrize("fg, bg", PAIRS)
def test_every_pair_meets_aa(mode, fg, bg):
    palette = PALETTES[mode]
    fg, bg = palette.get(fg, fg), palette.get(bg, bg)
    assert contrast(fg, bg) >= 4.5, f"{mode}: {fg} on {bg} is {contrast(fg, bg):.2f}:1"


def test_both_themes_use_their_palette():
    assert theme(dark=True).color_scheme.surface == PALETTES["dark"]["surface"]
    assert theme(dark=False).color_scheme.primary == PALETTES["light"]["primary"]


@pytest.mark.parametrize("setting, mode", [("light", "LIGHT"), ("dark", "DARK"), ("system", "SYSTEM"),
                                           (None, "SYSTEM")])
def test_theme_setting(setting, mode):
    assert theme_mode(setting).name == mode
