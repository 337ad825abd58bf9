"""The UI by screen: no screen folder imports another's files; shared parts import no screen."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"
SCREENS = {"sos", "guide", "decks", "log", "report", "settings"}
SHARED = {"kit", "timers"}


def _ui_imports(path: Path) -> set[str]:
    """The app.ui subpackages a module imports ('kit', 'guide', ...; 'session' and 'app' for the root)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
            [a.name for a in node.names] if isinstance(node, ast.Import) else [])
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["app", "ui"] and len(parts) > 2:
                found.add(parts[2])
    return found


def _folder_of(path: Path) -> str:
    rel = path.relative_to(UI).parts
    return rel[0] if len(rel) > 1 else ""


def test_every_ui_module_lives_in_a_known_folder():
    loose = {p.name for p in UI.glob("*.py")} - {"__init__.py", "app.py", "session.py"}
    assert not loose, f"put these in a screen folder or kit/: {sorted(loose)}"
    folders = {p.name for p in UI.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == SCREENS | SHARED | {"shell"}


def test_no_screen_imports_another_screen():
    wrong = []
    for path in UI.rglob("*.py"):
        own = _folder_of(path)
        if own not in SCREENS:
            continue
        for used in _ui_imports(path) & SCREENS - {own}:
            wrong.append(f"{path.relative_to(UI)} imports app.ui.{used}")
    assert not wrong, wrong


def test_shared_parts_import_no_screen_and_no_shell():
    wrong = []
    for path in UI.rglob("*.py"):
        if _folder_of(path) not in SHARED:
            continue
        for used in _ui_imports(path) & (SCREENS | {"shell"}):
            wrong.append(f"{path.relative_to(UI)} imports app.ui.{used}")
    assert not wrong, wrong


def test_the_check_sees_a_cross_screen_import(tmp_path):
    bad = tmp_path / "x.py"
    bad.write_text("from app.ui.guide.pain import GuidePain\nimport app.ui.kit.theme\n")
    assert _ui_imports(bad) == {"guide", "kit"}
