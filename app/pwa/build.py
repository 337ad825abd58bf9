"""Build the static offline site: client, Pyodide runtime, app archive, first aid and service worker."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from flet_web import get_package_web_dir

from app.pwa import archive, bytecode, client, icon_font, packages, pages, wheels
from app.pwa.errors import BuildError
from app.pwa.firstaid import first_aid_html
from app.pwa.sizes import SiteSize, measure

PROJECT = Path(__file__).resolve().parents[2]
BUILD_MARKERS = ("sw.js", "app.tar.gz")
DOC_ASSETS = ("screenshots",)  # README pictures in assets/ that the app never shows
SHARED_ASSETS = ("icons", "install")  # what manifest.json names, whichever app is built


@dataclass(frozen=True)
class Options:
    out: Path = PROJECT / "dist"
    app: Path = PROJECT
    content: Path | None = None
    pyodide_packages: str | None = None  # the Pyodide CDN's exact files; default: PyPI's, as locked
    allow_cdn_packages: bool = False
    wheel_lock: Path = wheels.LOCK
    wheel_cache: Path | None = None
    base_href: str = "/"
    bytecode: bool = True


@dataclass(frozen=True)
class Result:
    out: Path
    version: str
    size: SiteSize
    pyodide_packages: list[str]
    from_cdn: bool
    bytecode: bytecode.Report | None = None
    icons: icon_font.Kept | None = None


def build(opts: Options) -> Result:
    app_dir = opts.app.resolve()
    if not (app_dir / "main.py").is_file():
        raise BuildError(f"{app_dir} has no main.py")
    first_aid = first_aid_html(_library(opts.content))  # numbers: app/content/data/emergency_numbers.toml
    web_dir = Path(get_package_web_dir())
    lock = packages.read_lock(web_dir / "pyodide")
    pyodide_version = packages.runtime_version(web_dir / "pyodide", lock)
    requirements = packages.app_requirements(app_dir)
    plan = packages.plan(requirements, lock)
    source = opts.pyodide_packages
    if plan.pyodide and source is None and not opts.allow_cdn_packages:
        lock, source = _pypi_wheels(opts, requirements, lock)
        plan = packages.plan(requirements, lock)
    out = opts.out.resolve()
    _check_out(out)
    with tempfile.TemporaryDirectory(prefix="spasm-pwa-", dir=out.parent) as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        client.copy_client(web_dir, site)
        client.copy_pyodide(web_dir, site)
        wheel_dir = Path(tmp) / "wheels"
        wheel_dir.mkdir()
        missing = packages.fetch_pyodide_packages(plan.pyodide, source, pyodide_version, wheel_dir)
        base_url, runtime, loaded = None, [], {}
        vendored, tree = Path(tmp) / "pypackages", Path(tmp) / "tree"
        packages.vendor(plan.vendored, vendored)
        if missing:
            if not opts.allow_cdn_packages:
                raise BuildError(packages.missing_message(missing, pyodide_version))
            base_url = packages.PYODIDE_CDN.format(version=pyodide_version)
            runtime, loaded = [base_url], plan.pyodide
        else:
            # In the app archive, like the pure packages: precompiled as profiled, no loadPackage step.
            packages.unpack_wheels(sorted(wheel_dir.glob("*.whl")), vendored)
        client.write_lock(lock, loaded, site)
        archive.stage(tree, archive.app_files(app_dir), vendored)
        icons = icon_font.trim(site, tree)
        compiled = None
        if opts.bytecode:
            compiled = bytecode.compile_site(web_dir / "pyodide", tree,
                                             site / "pyodide" / "python_stdlib.zip",
                                             Path(tmp) / "bytecode", [])
        archive.write_archive(site / "app.tar.gz", tree)
        _copy_assets(app_dir, site)
        names = sorted(loaded)
        pages.write_index(site, first_aid, pyodide_version, names, base_url,
                          ["https://cdn.jsdelivr.net"] if runtime else [], opts.base_href)
        pages.write_manifest(site)
        version = pages.write_service_worker(site, runtime, client.INFLATED)
        if out.exists():
            shutil.rmtree(out)
        shutil.move(str(site), out)
    return Result(out, version, measure(out), names, bool(missing), compiled, icons)


def _pypi_wheels(opts: Options, requirements: list[str], lock: dict) -> tuple[dict, str]:
    """Pyodide's lock overlaid with PyPI's locked browser wheels, and the cache that holds them."""
    pinned = wheels.read(opts.wheel_lock)
    wheels.check(pinned, packages.pyodide_requirements(requirements), lock["info"], opts.wheel_lock)
    cache = opts.wheel_cache or wheels.default_cache()
    wheels.fetch(pinned, lock["info"], cache)
    return wheels.overlay(lock, pinned), str(cache)


def _library(content: Path | None):
    from app.content.loader import DATA_DIR, ContentError, load_library

    try:
        return load_library(content or DATA_DIR)
    except ContentError as exc:
        raise BuildError(f"first-aid content cannot be loaded from {content or DATA_DIR}: {exc}") from exc


def _check_out(out: Path) -> None:
    if out.exists() and any(out.iterdir()) and not any((out / m).exists() for m in BUILD_MARKERS):
        raise BuildError(f"{out} exists and is not an earlier build; choose another --out")
    out.parent.mkdir(parents=True, exist_ok=True)


def _copy_assets(app_dir: Path, site: Path) -> None:
    for shared in SHARED_ASSETS:
        shutil.copytree(PROJECT / "assets" / shared, site / shared, dirs_exist_ok=True)
    assets = app_dir / "assets"
    if assets.is_dir():
        shutil.copytree(assets, site, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".*", "__pycache__", *DOC_ASSETS))
