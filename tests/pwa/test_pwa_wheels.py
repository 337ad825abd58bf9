"""PyPI's browser wheels come from the committed lock: pinned, fetched by pip, every hash checked."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from flet_web import get_package_web_dir
from packaging.utils import canonicalize_name

from app.pwa import packages, wheels
from app.pwa.build import PROJECT
from app.pwa.errors import BuildError

INFO = packages.read_lock(Path(get_package_web_dir()) / "pyodide")["info"]
LOCK = wheels.read()
CORE = LOCK["wheels"]["pydantic-core"]["file_name"]


@pytest.fixture(scope="module")
def cached() -> dict[str, Path]:
    """The locked wheels, as the build fetches them (pip, into the shared cache)."""
    return wheels.fetch(LOCK, INFO, wheels.default_cache())


def _cache_with(tmp_path: Path, cached: dict[str, Path], without: str) -> Path:
    cache = tmp_path / "cache"
    cache.mkdir()
    for path in cached.values():
        if path.name != without:
            shutil.copyfile(path, cache / path.name)
    return cache


def test_the_lock_is_for_the_apps_requirements_and_flet_webs_browser_abi():
    wheels.check(LOCK, packages.pyodide_requirements(packages.app_requirements(PROJECT)), INFO)
    assert set(LOCK["wheels"]) == {"pydantic", "pydantic-core", "typing-extensions", "annotated-types",
                                   "typing-inspection"}
    assert CORE.endswith(f"-cp314-cp314-{wheels.platform_tag(INFO)}.whl")


def test_a_stale_lock_says_to_regenerate_it():
    with pytest.raises(BuildError, match="python -m app.pwa lock"):
        wheels.check(LOCK, ["pydantic>=3"], INFO)
    with pytest.raises(BuildError, match="pyemscripten_2027_0_wasm32.*python -m app.pwa lock"):
        wheels.check(LOCK, LOCK["requirements"], {**INFO, "abi_version": "2027_0"})


def test_the_lock_regenerates_from_the_very_wheels_it_pins(cached):
    again = wheels.describe(sorted(cached.values()), LOCK["requirements"], INFO)
    assert again == LOCK


def test_a_wheel_changed_in_the_cache_is_refused_by_name(tmp_path, cached):
    cache = _cache_with(tmp_path, cached, without=CORE)
    (cache / CORE).write_bytes(b"tampered")
    with pytest.raises(BuildError) as caught:
        wheels.fetch(LOCK, INFO, cache, download=lambda *_: "")
    message = str(caught.value)
    assert f"{CORE}: sha256" in message and LOCK["wheels"]["pydantic-core"]["sha256"] in message
    assert sum(name in message for name in (p.name for p in cached.values())) == 1


def test_a_wheel_pip_could_not_fetch_is_named_with_pips_words(tmp_path, cached):
    cache = _cache_with(tmp_path, cached, without=CORE)
    asked = []

    def offline(pins, flags, dest):
        asked.append(pins)
        return "ERROR: Could not find a version that satisfies the requirement"

    with pytest.raises(BuildError, match=f"(?s){CORE}: missing.*Could not find a version"):
        wheels.fetch(LOCK, INFO, cache, download=offline)
    assert "pydantic_core==" + LOCK["wheels"]["pydantic-core"]["version"] in asked[0]


def test_a_warm_cache_builds_without_asking_pip(cached):
    def no_network(*_):
        raise AssertionError("pip was asked although every locked wheel is cached")

    assert wheels.fetch(LOCK, INFO, wheels.default_cache(), download=no_network) == cached


def test_pip_fills_an_empty_cache_with_exactly_the_locked_files(tmp_path, cached):
    got = wheels.fetch(LOCK, INFO, tmp_path / "cache")
    assert sorted(p.name for p in got.values()) == sorted(p.name for p in cached.values())


def test_the_production_build_ships_the_locked_wheels_inside_the_app_archive(real_dist, cached):
    with tarfile.open(real_dist.out / "app.tar.gz") as tar:
        names = set(tar.getnames())
    for pinned in LOCK["wheels"].values():
        with zipfile.ZipFile(cached[canonicalize_name(pinned["name"])]) as whl:
            meta = next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))
        assert f"__pypackages__/{meta}" in names, pinned["file_name"]
    core = [n for n in names if n.startswith("__pypackages__/pydantic_core/_pydantic_core.")]
    assert core and core[0].endswith(".so"), "Pyodide imports the extension from the file system"
    assert "__pypackages__/pydantic/main.pyc" in names, "what the start imports ships precompiled"
    dropped = ("__pypackages__/pydantic/v1/", "__pypackages__/pydantic/mypy")
    assert not [n for n in names if n.startswith(dropped)]
    site_lock = json.loads((real_dist.out / "pyodide" / "pyodide-lock.json").read_text())
    assert site_lock["packages"] == {}, "nothing left for loadPackage"
    assert not list((real_dist.out / "pyodide").glob("*.whl"))


def test_lock_command_rewrites_the_lock(tmp_path):
    out = tmp_path / "lock.json"
    proc = subprocess.run([sys.executable, "-m", "app.pwa", "lock", "--out", str(out)],
                          cwd=PROJECT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    fresh = json.loads(out.read_text())
    wheels.check(fresh, LOCK["requirements"], INFO)
    assert set(fresh["wheels"]) == set(LOCK["wheels"])
    assert CORE.split("-")[0] in proc.stdout and "sha256:" in proc.stdout
