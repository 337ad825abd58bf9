"""The CDN's Pyodide wheels: missing ones are named, checksums are checked, the CDN opt-in works."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from flet_web import get_package_web_dir
from pwa_support import FIXTURE_APP, FIXTURE_CONTENT

from app.pwa import packages
from app.pwa.build import PROJECT, Options, build
from app.pwa.errors import BuildError

WHEELS = ("pydantic-2.12.5-py3-none-any.whl",
          "pydantic_core-2.41.5-cp314-cp314-pyemscripten_2026_0_wasm32.whl",
          "typing_extensions-4.15.0-py3-none-any.whl", "annotated_types-0.7.0-py3-none-any.whl",
          "typing_inspection-0.4.2-py3-none-any.whl")


@pytest.fixture(scope="module")
def pydantic_app(tmp_path_factory):
    app = tmp_path_factory.mktemp("pydantic-app") / "app"
    shutil.copytree(FIXTURE_APP, app, ignore=shutil.ignore_patterns("__pycache__"))
    (app / "pyproject.toml").write_text(
        '[project]\nname = "x"\nversion = "0"\ndependencies = ["flet==1.0.5", "pydantic>=2.12,<3"]\n')
    return app


def test_cli_with_an_empty_cdn_folder_names_the_cdn_files_and_where_to_get_them(pydantic_app, tmp_path):
    (tmp_path / "empty").mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "app.pwa", "build", "--app", str(pydantic_app),
         "--content", str(FIXTURE_CONTENT), "--out", str(tmp_path / "dist"),
         "--pyodide-packages", str(tmp_path / "empty")],
        cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    for wheel in WHEELS:
        assert wheel in proc.stderr
    assert "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/" in proc.stderr
    assert "--pyodide-packages" in proc.stderr
    assert not (tmp_path / "dist").exists()


def test_a_wheel_with_the_wrong_checksum_is_refused(pydantic_app, tmp_path):
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    (wheels / WHEELS[0]).write_bytes(b"tampered")
    with pytest.raises(BuildError, match=re.escape(WHEELS[0]) + ".*sha256"):
        build(Options(out=tmp_path / "dist", app=pydantic_app, content=FIXTURE_CONTENT,
                      pyodide_packages=str(wheels)))


def test_verified_wheels_are_copied_beside_the_runtime(tmp_path):
    source, target = tmp_path / "src", tmp_path / "dst"
    source.mkdir()
    target.mkdir()
    data = b"wheel bytes"
    (source / "demo-1.0-py3-none-any.whl").write_bytes(data)
    entry = {"name": "demo", "file_name": "demo-1.0-py3-none-any.whl",
             "sha256": hashlib.sha256(data).hexdigest()}
    missing = packages.fetch_pyodide_packages({"demo": entry}, str(source), "314.0.7", target)
    assert missing == []
    assert (target / "demo-1.0-py3-none-any.whl").read_bytes() == data


def test_allow_cdn_packages_is_explicit_and_cached_by_the_worker(pydantic_app, tmp_path):
    result = build(Options(out=tmp_path / "dist", app=pydantic_app, content=FIXTURE_CONTENT,
                           allow_cdn_packages=True))
    assert result.from_cdn
    cdn = "https://cdn.jsdelivr.net/pyodide/v314.0.7/full/"
    html = (result.out / "index.html").read_text()
    assert f'flet.pyodidePackageBaseUrl="{cdn}"' in html
    assert "connect-src 'self' https://cdn.jsdelivr.net" in html
    assert f'const RUNTIME_PREFIXES = ["{cdn}"]' in (result.out / "sw.js").read_text()
    assert sorted(result.pyodide_packages) == sorted(
        ["pydantic", "pydantic-core", "typing-extensions", "annotated-types", "typing-inspection"])


def test_an_app_that_fails_at_start_is_still_built_with_everything_compiled(tmp_path):
    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text("import flet\n\nraise RuntimeError('boom at start')\n")
    (app / "pyproject.toml").write_text(
        '[project]\nname = "x"\nversion = "0"\ndependencies = ["flet==1.0.5"]\n')
    result = build(Options(out=tmp_path / "dist", app=app, content=FIXTURE_CONTENT))
    assert not result.bytecode.profiled
    assert "boom at start" in result.bytecode.error
    with tarfile.open(result.out / "app.tar.gz") as tar:
        assert not [n for n in tar.getnames() if n.endswith(".py")]


def test_the_real_app_vendors_only_its_pure_python_runtime_packages(tmp_path):
    lock = packages.read_lock(Path(get_package_web_dir()) / "pyodide")
    plan = packages.plan(packages.app_requirements(PROJECT), lock)
    vendored = {packages.canonicalize_name(d.metadata["Name"]) for d in plan.vendored}
    runtime = {"flet", "flet-audio", "tinydb", "repath", "msgpack", "six"}
    assert vendored == runtime, "build tools must not ship"
    assert set(plan.pyodide) == {"pydantic", "pydantic-core", "typing-extensions", "annotated-types",
                                 "typing-inspection"}
    assert packages.vendor(plan.vendored, tmp_path) > 100
