"""One version: pyproject's (which `flet build` reads) is the app's, and it names the offline cache."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from app.pwa.pages import write_service_worker
from app.version import __version__

ROOT = Path(__file__).resolve().parents[1]


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_app_has_pyprojects_version():
    assert __version__ == pyproject_version()


def test_the_offline_cache_is_named_with_the_version(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html>")
    version = write_service_worker(tmp_path, [], {})
    sw = (tmp_path / "sw.js").read_text(encoding="utf-8")
    assert f'const VERSION = "{version}";' in sw and 'const CACHE = "spasm-sos-" + VERSION;' in sw
    assert re.fullmatch(rf"{re.escape(pyproject_version())}-[0-9a-f]{{16}}", version), version
