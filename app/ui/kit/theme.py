"""Colours and themes: every text/background pair we draw is listed in PAIRS and meets WCAG AA."""

import flet as ft

NAVY = "#1F3A5F"
SOS_RED = "#B3261E"
AMBER_BG = "#FFE08A"
AMBER_TEXT = "#3D2A00"
WHITE = "#FFFFFF"
AMBER_NIGHT_BG, AMBER_NIGHT_TEXT = "#4A3A00", AMBER_BG
TARGET = 56  # px: comfortably above the 48 px minimum touch target

PALETTES = {
    "light": {
        "surface": "#FAF9FC", "on_surface": "#1A1C20", "on_surface_variant": "#43474E",
        "surface_container": "#EEEDF4", "surface_container_highest": "#E3E2E9",
        "primary": NAVY, "on_primary": WHITE,
        "primary_container": "#D5E3FF", "on_primary_container": "#0A1F3A",
        "secondary_container": "#DCE2F0", "on_secondary_container": "#151C27",
        "tertiary_container": "#C8F0D0", "on_tertiary_container": "#08210F",
        "error": SOS_RED, "on_error": WHITE,
        "error_container": "#FFDAD6", "on_error_container": "#410002",
        "inverse_surface": "#2F3036", "on_inverse_surface": "#F1F0F7", "inverse_primary": "#A8C7FA",
    },
    "dark": {
        "surface": "#111318", "on_surface": "#E2E2E9", "on_surface_variant": "#C4C6CF",
        "surface_container": "#1D2024", "surface_container_highest": "#33353A",
        "primary": "#A8C7FA", "on_primary": "#0A1F3A",
        "primary_container": "#2B4A75", "on_primary_container": "#D5E3FF",
        "secondary_container": "#3C4758", "on_secondary_container": "#DCE2F0",
        "tertiary_container": "#1E4D2B", "on_tertiary_container": "#C8F0D0",
        "error": "#FFB4AB", "on_error": "#690005",
        "error_container": "#93000A", "on_error_container": "#FFDAD6",
        "inverse_surface": "#E2E2E9", "on_inverse_surface": "#2F3036", "inverse_primary": NAVY,
    },
}

# (text, background) as drawn by the widgets; names are palette keys, "#..." are fixed colours.
PAIRS = [
    ("on_surface", "surface"), ("on_surface_variant", "surface"), ("primary", "surface"),
    ("on_surface", "surface_container"), ("on_surface_variant", "surface_container"),
    ("on_surface", "surface_container_highest"),
    ("error", "surface"), ("on_primary", "primary"),
    ("on_primary_container", "primary_container"), ("primary", "primary_container"),
    ("on_secondary_container", "secondary_container"),
    ("on_tertiary_container", "tertiary_container"), ("on_error_container", "error_container"),
    ("on_inverse_surface", "inverse_surface"), ("inverse_primary", "inverse_surface"),
    (WHITE, SOS_RED), (SOS_RED, WHITE), (WHITE, NAVY), (AMBER_TEXT, AMBER_BG),
    (AMBER_NIGHT_TEXT, AMBER_NIGHT_BG),
]


def amber(dark: bool) -> tuple[str, str]:
    """(background, text) of 'today, not an ambulance': bright by day, deep amber at night."""
    return (AMBER_NIGHT_BG, AMBER_NIGHT_TEXT) if dark else (AMBER_BG, AMBER_TEXT)


def theme(dark: bool) -> ft.Theme:
    return ft.Theme(
        color_scheme_seed=NAVY,
        color_scheme=ft.ColorScheme(**PALETTES["dark" if dark else "light"]),
        visual_density=ft.VisualDensity.STANDARD,
    )


def theme_mode(setting: str | None) -> ft.ThemeMode:
    return {"light": ft.ThemeMode.LIGHT, "dark": ft.ThemeMode.DARK}.get(
        setting or "", ft.ThemeMode.SYSTEM)
