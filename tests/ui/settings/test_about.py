"""Settings' About says which version this is, as pyproject.toml gives it."""

import tomllib
from pathlib import Path

import flet as ft

from app.ui.settings.about import About

PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"


def texts(control: ft.Control) -> list[str]:
    return [c.value for c in control.controls if isinstance(c, ft.Text)]


def test_about_shows_the_version_from_pyproject():
    version = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    assert f"Version {version}" in texts(About.__component_impl__())
