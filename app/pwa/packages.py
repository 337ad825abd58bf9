"""Decide where each Python dependency comes from: vendored pure wheels or the Pyodide distribution."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
import urllib.request
import zipfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from app.pwa.errors import BuildError

PYODIDE_CDN = "https://cdn.jsdelivr.net/pyodide/v{version}/full/"
FROM_PYODIDE = {"pydantic"}
NOT_IN_BROWSER = {"flet-web", "flet-desktop", "flet-cli"}
OPTIONAL_SPEEDUPS = {"msgpack"}
SKIP_PARTS = {
    "flet": ("flet/testing/", "flet/fastapi/", "flet/pytest_plugin.py", "flet/cli.py"),
    # pydantic 1's API (only `import pydantic.v1` loads it) and the mypy plugin (a type-checker's)
    "pydantic": ("pydantic/v1/", "pydantic/mypy.py"),
}


@dataclass
class Plan:
    """What goes into __pypackages__ and which Pyodide lock entries the worker loads."""

    vendored: list[metadata.Distribution] = field(default_factory=list)
    pyodide: dict[str, dict] = field(default_factory=dict)


def browser_environment(lock_info: dict) -> dict[str, str]:
    env = default_environment()
    py = lock_info["python"]
    env.update(
        platform_system="Emscripten", sys_platform="emscripten", platform_machine="wasm32",
        python_full_version=py, python_version=".".join(py.split(".")[:2]),
        implementation_name="cpython", platform_python_implementation="CPython", os_name="posix",
    )
    return env


def read_lock(pyodide_dir: Path) -> dict:
    return json.loads((pyodide_dir / "pyodide-lock.json").read_text(encoding="utf-8"))


def runtime_version(pyodide_dir: Path, lock: dict) -> str:
    """Pyodide's release (e.g. 314.0.7): from the lock when it says, else from package.json."""
    if lock["info"].get("version"):
        return lock["info"]["version"]
    return json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]


def app_requirements(app_dir: Path) -> list[str]:
    pyproject = app_dir / "pyproject.toml"
    if not pyproject.exists():
        return ["flet"]
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return list(data.get("project", {}).get("dependencies", []) or ["flet"])


def pyodide_requirements(requirements: list[str]) -> list[str]:
    """The app's requirements that the browser takes from Pyodide's packages, not vendored."""
    return sorted(r for r in requirements if canonicalize_name(Requirement(r).name) in FROM_PYODIDE)


def plan(requirements: list[str], lock: dict) -> Plan:
    env = browser_environment(lock["info"])
    result = Plan()
    seen: set[str] = set()
    queue = [Requirement(r) for r in requirements]
    while queue:
        req = queue.pop(0)
        name = canonicalize_name(req.name)
        if name in seen or name in NOT_IN_BROWSER:
            continue
        if req.marker and not req.marker.evaluate({**env, "extra": ""}):
            continue
        seen.add(name)
        if name in FROM_PYODIDE:
            _add_lock_closure(name, lock["packages"], result.pyodide)
            continue
        dist = _installed(name, req)
        result.vendored.append(dist)
        queue.extend(Requirement(r) for r in dist.requires or [])
    return result


def _installed(name: str, req: Requirement) -> metadata.Distribution:
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError as exc:
        raise BuildError(f"{req} is needed in the browser but is not installed here: "
                         f"pip install '{req}'") from exc
    if req.specifier and not req.specifier.contains(dist.version, prereleases=True):
        raise BuildError(f"{req} is needed but {name} {dist.version} is installed")
    return dist


def _add_lock_closure(name: str, packages: dict, out: dict[str, dict]) -> None:
    key = canonicalize_name(name)
    if key in out:
        return
    entry = packages.get(key)
    if entry is None:
        raise BuildError(f"{name} is not in Pyodide's pyodide-lock.json")
    out[key] = entry
    for dep in entry.get("depends", []):
        _add_lock_closure(dep, packages, out)


def vendor(dists: list[metadata.Distribution], target: Path) -> int:
    """Copy each distribution's pure-Python files and its .dist-info into target."""
    copied = 0
    for dist in dists:
        name = canonicalize_name(dist.metadata["Name"])
        skip = SKIP_PARTS.get(name, ())
        for rel in dist.files or []:
            path = str(rel).replace("\\", "/")
            if path.startswith("..") or "__pycache__" in path or path.endswith((".pyc", ".pyi")):
                continue
            if path.startswith(skip):
                continue
            if path.endswith((".so", ".pyd", ".dylib")):
                if name in OPTIONAL_SPEEDUPS:
                    continue
                raise BuildError(f"{name} has compiled code ({path}); it must come from Pyodide")
            if ".dist-info/" in path and path.rsplit("/", 1)[-1] not in ("METADATA", "top_level.txt"):
                continue
            src = Path(dist.locate_file(rel))
            dest = target / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            if path.endswith(".dist-info/METADATA"):
                dest.write_bytes(metadata_headers(src.read_bytes()))
            else:
                shutil.copyfile(src, dest)
            copied += 1
    return copied


def unpack_wheels(paths: list[Path], target: Path) -> int:
    """Unpack wheels (compiled ones too: Pyodide imports their .so from the file system) into target."""
    copied = 0
    for path in paths:
        skip = SKIP_PARTS.get(canonicalize_name(path.name.split("-")[0]), ())
        with zipfile.ZipFile(path) as whl:
            for info in whl.infolist():
                name = info.filename
                if info.is_dir() or "__pycache__" in name or name.endswith((".pyi", ".pyc")):
                    continue
                if name.startswith(skip):
                    continue
                if ".dist-info/" in name and name.rsplit("/", 1)[-1] not in ("METADATA", "top_level.txt"):
                    continue
                data = whl.read(info)
                dest = target / name
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(metadata_headers(data) if name.endswith(".dist-info/METADATA") else data)
                copied += 1
    return copied


def metadata_headers(data: bytes) -> bytes:
    """METADATA without its long description: importlib.metadata reads only the headers."""
    return data.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0] + b"\n"


def fetch_pyodide_packages(entries: dict[str, dict], source: str | None, lock_version: str,
                           target: Path) -> list[str]:
    """Copy and verify every lock entry's wheel into target; return the files that are missing."""
    missing: list[str] = []
    for entry in entries.values():
        file_name, want = entry["file_name"], entry["sha256"]
        data = _read_source(source, file_name) if source else None
        if data is None:
            missing.append(file_name)
            continue
        got = hashlib.sha256(data).hexdigest()
        if got != want:
            raise BuildError(f"{file_name}: sha256 {got} does not match pyodide-lock.json ({want}); "
                             f"take it from {PYODIDE_CDN.format(version=lock_version)}")
        (target / file_name).write_bytes(data)
    return missing


def _read_source(source: str, file_name: str) -> bytes | None:
    if source.startswith(("http://", "https://")):
        url = source.rstrip("/") + "/" + file_name
        try:
            with urllib.request.urlopen(url, timeout=60) as resp:
                return resp.read()
        except OSError:
            return None
    path = Path(source) / file_name
    return path.read_bytes() if path.is_file() else None


def missing_message(missing: list[str], lock_version: str) -> str:
    cdn = PYODIDE_CDN.format(version=lock_version)
    files = "\n".join(f"  {name}" for name in missing)
    return (
        "The app needs packages from the Pyodide distribution that were not given:\n"
        f"{files}\n"
        f"Download them from {cdn} (they are not on PyPI), put them in a folder and pass "
        "--pyodide-packages FOLDER (or a base URL). Each file is checked against the sha256 in "
        "pyodide-lock.json. --allow-cdn-packages instead leaves them to be fetched from that CDN "
        "on first load."
    )
