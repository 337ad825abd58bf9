"""PyPI's browser wheels for pydantic and companions, pinned by version and sha256 in a committed lock."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from email.parser import BytesHeaderParser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

from app.pwa.errors import BuildError

LOCK = Path(__file__).parent / "pyodide-wheels.lock.json"
REGENERATE = "python -m app.pwa lock"
Download = Callable[[list[str], list[str], Path], str]


def default_cache() -> Path:
    if os.environ.get("SPASM_WHEEL_CACHE"):
        return Path(os.environ["SPASM_WHEEL_CACHE"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "spasm-sos" / "pyodide-wheels"


def platform_tag(pyodide_info: dict) -> str:
    """PyPI's platform tag for this Pyodide's browser ABI, e.g. pyemscripten_2026_0_wasm32."""
    return f"pyemscripten_{pyodide_info['abi_version']}_{pyodide_info['arch']}"


def pip_args(pyodide_info: dict) -> list[str]:
    """pip download flags that pick wheels for the browser's Python, whatever runs the build."""
    py = pyodide_info["python"].split(".")
    return ["--only-binary=:all:", "--platform", platform_tag(pyodide_info), "--platform", "any",
            "--python-version", f"{py[0]}.{py[1]}", "--implementation", "cp",
            "--abi", f"cp{py[0]}{py[1]}", "--abi", "none"]


def pip_download(requirements: list[str], flags: list[str], dest: Path) -> str:
    """Run pip download; return its error output ('' when it worked)."""
    dest.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check",
                           *flags, "-d", str(dest), *requirements],
                          capture_output=True, text=True, timeout=900)
    return "" if proc.returncode == 0 else (proc.stderr or proc.stdout).strip()[-1500:]


def read(path: Path = LOCK) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BuildError(f"{path} is missing; make it with {REGENERATE}") from exc


def check(lock: dict, requirements: list[str], pyodide_info: dict, path: Path = LOCK) -> None:
    """The lock must be for this Pyodide's ABI and for the app's current requirements."""
    if lock["platform"] != platform_tag(pyodide_info):
        raise BuildError(f"{path.name} holds wheels for {lock['platform']}, but flet-web's Pyodide "
                         f"needs {platform_tag(pyodide_info)}: run {REGENERATE}")
    if sorted(lock["requirements"]) != sorted(requirements):
        raise BuildError(f"{path.name} was made for {lock['requirements']}, but the app now needs "
                         f"{requirements}: run {REGENERATE}")


def fetch(lock: dict, pyodide_info: dict, cache: Path, download: Download = pip_download) -> dict[str, Path]:
    """Every locked wheel from the cache, downloading what is not there; each sha256 checked."""
    wheels = lock["wheels"]
    if [w for w in wheels.values() if not _matches(cache / w["file_name"], w["sha256"])]:
        pins = [f"{w['name']}=={w['version']}" for w in wheels.values()]
        pip_error = download(pins, ["--no-deps", *pip_args(pyodide_info)], cache)
    else:
        pip_error = ""
    problems = []
    for w in wheels.values():
        path = cache / w["file_name"]
        if not path.is_file():
            problems.append(f"  {w['file_name']}: missing (not downloaded)")
        elif (got := _sha256(path)) != w["sha256"]:
            problems.append(f"  {w['file_name']}: sha256 {got} does not match the lock's {w['sha256']}")
    if problems:
        why = f"\npip said:\n{pip_error}" if pip_error else ""
        raise BuildError(f"PyPI's browser wheels for pydantic are not as {LOCK.name} pins them "
                         f"(cache {cache}):\n" + "\n".join(problems) + why +
                         f"\nCheck that PyPI is reachable; if the lock is wrong, run {REGENERATE}; "
                         "or pass --pyodide-packages with the Pyodide CDN's files.")
    return {name: cache / w["file_name"] for name, w in wheels.items()}


def overlay(pyodide_lock: dict, lock: dict) -> dict:
    """Pyodide's lock with the locked wheels in place of its own entries for those packages."""
    packages = dict(pyodide_lock["packages"])
    for key, w in lock["wheels"].items():
        base = packages.get(key, {"install_dir": "site", "package_type": "package", "tool": {},
                                  "unvendored_tests": False})
        packages[key] = {**base, "name": w["name"], "version": w["version"],
                         "file_name": w["file_name"], "sha256": w["sha256"],
                         "depends": w["depends"], "imports": w["imports"]}
    return {**pyodide_lock, "packages": packages}


def make(requirements: list[str], pyodide_info: dict, download: Download = pip_download) -> dict:
    """Resolve the requirements on PyPI for the browser's ABI and pin what pip picked."""
    with tempfile.TemporaryDirectory(prefix="spasm-lock-") as tmp:
        error = download(requirements, pip_args(pyodide_info), Path(tmp))
        if error:
            raise BuildError(f"pip could not resolve {requirements} for {platform_tag(pyodide_info)}:\n"
                             f"{error}")
        return describe(sorted(Path(tmp).glob("*.whl")), requirements, pyodide_info)


def describe(paths: list[Path], requirements: list[str], pyodide_info: dict) -> dict:
    """The lock for these wheels: name, version, file, sha256, what each depends on and imports."""
    from app.pwa.packages import browser_environment

    env = {**browser_environment(pyodide_info), "extra": ""}
    wheels = {}
    for path in paths:
        name, version, _build, _tags = parse_wheel_filename(path.name)
        with zipfile.ZipFile(path) as whl:
            meta_name = next(n for n in whl.namelist() if n.endswith(".dist-info/METADATA"))
            meta = BytesHeaderParser().parsebytes(whl.read(meta_name))
            tops = sorted({n.split("/")[0].removesuffix(".py") for n in whl.namelist()
                           if not n.split("/")[0].endswith((".dist-info", ".data"))})
        needs = map(Requirement, meta.get_all("Requires-Dist") or [])
        depends = sorted({canonicalize_name(r.name) for r in needs if not r.marker or r.marker.evaluate(env)})
        wheels[name] = {"name": meta["Name"], "version": str(version), "file_name": path.name,
                        "sha256": _sha256(path), "depends": depends, "imports": tops}
    return {"comment": f"PyPI wheels the PWA loads in the browser; regenerate with {REGENERATE}",
            "platform": platform_tag(pyodide_info), "python": pyodide_info["python"],
            "requirements": sorted(requirements), "wheels": dict(sorted(wheels.items()))}


def write(lock: dict, path: Path = LOCK) -> None:
    path.write_text(json.dumps(lock, indent=2) + "\n", encoding="utf-8")


def _matches(path: Path, sha256: str) -> bool:
    return path.is_file() and _sha256(path) == sha256


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
