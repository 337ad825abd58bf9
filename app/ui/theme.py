"""Colours and themes; every text/background pair here meets WCAG AA in both modes."""

import flet as ft

NAVY = "#1F3A5F"
SOS_RED = "#B3261E"
AMBER_BG = "#FFE08A"
AMBER_TEXT = "#3D2A00"
CALM_BG = "#D7F0DD"
CALM_TEXT = "#0B3D1A"
WHITE = "#FFFFFF"
TARGET = 56  # px: comfortably above the 48 px minimum touch target


def theme(dark: bool) -> ft.Theme:
    return ft.Theme(
        color_scheme_seed=NAVY,
        color_scheme=ft.ColorScheme(
            primary="#A8C7FA" if dark else NAVY,
            on_primary="#0A1F3A" if dark else WHITE,
            error="#FFB4AB" if dark else SOS_RED,
        ),
        visual_density=ft.VisualDensity.COMFORTABLE,
    )


def theme_mode(setting: str | None) -> ft.ThemeMode:
    return {"light": ft.ThemeMode.LIGHT, "dark": ft.ThemeMode.DARK}.get(
        setting or "", ft.ThemeMode.SYSTEM)
