"""Fixtures for the PWA tests: each dist is built once per session and served from 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pwa_support import FIXTURE_APP, FIXTURE_CONTENT, StaticServer  # noqa: E402

from app.pwa.build import PROJECT, Options, build  # noqa: E402

PYODIDE_PACKAGES = os.environ.get("SPASM_PYODIDE_PACKAGES")


def _fixture_app(tmp: Path, version: str) -> Path:
    app = tmp / f"fixture-{version}"
    shutil.copytree(FIXTURE_APP, app, ignore=shutil.ignore_patterns("__pycache__"))
    main = app / "main.py"
    main.write_text(main.read_text(encoding="utf-8").replace('VERSION = "v1"', f'VERSION = "{version}"'),
                    encoding="utf-8")
    return app


@pytest.fixture(scope="session")
def pwa_tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pwa")


@pytest.fixture(scope="session")
def fixture_dist(pwa_tmp):
    """The fixture app built as version v1."""
    return build(Options(out=pwa_tmp / "dist-v1", app=_fixture_app(pwa_tmp, "v1"),
                         content=FIXTURE_CONTENT))


@pytest.fixture(scope="session")
def fixture_dist_v2(pwa_tmp):
    return build(Options(out=pwa_tmp / "dist-v2", app=_fixture_app(pwa_tmp, "v2"),
                         content=FIXTURE_CONTENT))


@pytest.fixture(scope="session")
def real_dist(pwa_tmp):
    """The real app built as production builds it: PyPI's locked browser wheels, fetched by pip.

    SPASM_PYODIDE_PACKAGES, when set, builds with the Pyodide CDN's exact files instead.
    """
    missing = _missing_real_inputs()
    if missing:
        pytest.skip(missing)
    return build(Options(out=pwa_tmp / "dist-real", pyodide_packages=PYODIDE_PACKAGES))


def _missing_real_inputs() -> str | None:
    if not (PROJECT / "main.py").is_file():
        return "the real app has no main.py yet"
    from app.content.loader import ContentError, load_library

    try:
        load_library()
    except ContentError as exc:
        return f"the real content does not load yet: {exc}"
    return None


@pytest.fixture
def served(request):
    """Start a server for a dist; the test may stop it early."""
    servers: list[StaticServer] = []

    def serve(root: Path) -> StaticServer:
        server = StaticServer(root)
        servers.append(server)
        return server

    yield serve
    for server in servers:
        server.stop()
