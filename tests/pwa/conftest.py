"""Fixtures for the PWA tests: each dist is built once per session and served from 127.0.0.1."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import pytest
from packaging.utils import canonicalize_name

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pwa_support import FIXTURE_APP, FIXTURE_CONTENT, StaticServer  # noqa: E402

from app.pwa.build import PROJECT, Options, build  # noqa: E402

PYODIDE_PACKAGES = os.environ.get("SPASM_PYODIDE_PACKAGES")
PYPI_WHEELS = os.environ.get("SPASM_PYPI_EMSCRIPTEN_WHEELS")


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
    """The real app, built only when the Pyodide wheels for pydantic are at hand."""
    from app.pwa import packages

    missing = _missing_real_inputs()
    if missing:
        pytest.skip(missing)
    lock = packages.read_lock(_web_dir() / "pyodide")
    version = packages.runtime_version(_web_dir() / "pyodide", lock)
    plan = packages.plan(packages.app_requirements(PROJECT), lock)
    absent = [e["file_name"] for e in plan.pyodide.values()
              if not (PYODIDE_PACKAGES and (Path(PYODIDE_PACKAGES) / e["file_name"]).is_file())]
    if not absent:
        return build(Options(out=pwa_tmp / "dist-real", pyodide_packages=PYODIDE_PACKAGES))
    stand_ins = _pypi_stand_ins(lock, plan.pyodide)
    if stand_ins is None:
        pytest.skip("Pyodide wheels not available (set SPASM_PYODIDE_PACKAGES to a folder holding "
                    f"them, from {packages.PYODIDE_CDN.format(version=version)}, or "
                    "SPASM_PYPI_EMSCRIPTEN_WHEELS to PyPI's pyemscripten builds as .ci/run does): "
                    + ", ".join(absent))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(packages, "read_lock", lambda _dir: stand_ins)
        return build(Options(out=pwa_tmp / "dist-real", pyodide_packages=PYPI_WHEELS))


def _pypi_stand_ins(lock: dict, wanted: dict) -> dict | None:
    """The lock with PyPI's pyemscripten wheels of the same ABI in place of the CDN's pydantic set.

    pydantic_core publishes these on PyPI only from 2.47, so the versions are newer than the lock's;
    this proves the real app starts and works in the browser, not the lock's exact files.
    """
    if not PYPI_WHEELS:
        return None
    wheels = {canonicalize_name(w.name.split("-")[0]): w for w in Path(PYPI_WHEELS).glob("*.whl")}
    abi = f"pyemscripten_{lock['info']['abi_version']}_wasm32"
    if not set(wanted) <= set(wheels) or abi not in wheels["pydantic-core"].name:
        return None
    patched = {**lock, "packages": dict(lock["packages"])}
    for name in wanted:
        wheel = wheels[name]
        patched["packages"][name] = {**lock["packages"][name], "file_name": wheel.name,
                                     "version": wheel.name.split("-")[1],
                                     "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest()}
    return patched


def _missing_real_inputs() -> str | None:
    if not (PROJECT / "main.py").is_file():
        return "the real app has no main.py yet"
    from app.content.loader import ContentError, load_library

    try:
        load_library()
    except ContentError as exc:
        return f"the real content does not load yet: {exc}"
    return None


def _web_dir() -> Path:
    from flet_web import get_package_web_dir

    return Path(get_package_web_dir())


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
