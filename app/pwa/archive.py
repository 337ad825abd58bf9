"""Pack the app's Python code and its vendored packages into a reproducible app.tar.gz."""

from __future__ import annotations

import io
import shutil
import tarfile
from pathlib import Path

import zopfli.gzip

SKIP_DIRS = {"__pycache__", "tests", ".pytest_cache", ".ruff_cache"}
BUILD_TOOL = ("app", "pwa")
SERVER_ONLY = ("app/server.py", "app/server_limits.py", "app/server_sessions.py", "app/web_delivery.py",
               "app/web_identity.py")  # the local server; the browser never imports it
SKIP_SUFFIXES = (".pyc", ".pyo")


def app_files(app_dir: Path) -> list[tuple[Path, str]]:
    """main.py and the app/ package (without this build tool), as (source, archive name) pairs."""
    files = [(app_dir / "main.py", "main.py")]
    package = app_dir / "app"
    if package.is_dir():
        for path in sorted(package.rglob("*")):
            rel = path.relative_to(app_dir)
            if path.is_file() and not _skipped(rel):
                files.append((path, rel.as_posix()))
    return files


def _skipped(rel: Path) -> bool:
    return (rel.parts[:2] == BUILD_TOOL or bool(SKIP_DIRS.intersection(rel.parts[1:-1]))
            or rel.name.endswith(SKIP_SUFFIXES) or rel.as_posix() in SERVER_ONLY)


def stage(target: Path, files: list[tuple[Path, str]], packages_dir: Path) -> None:
    """Lay out the archive's tree: the app files plus __pypackages__."""
    for src, name in files:
        dest = target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    if packages_dir.is_dir():
        shutil.copytree(packages_dir, target / "__pypackages__", dirs_exist_ok=True)


def write_archive(target: Path, tree: Path) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        # Like files side by side (all .pyc, then all .py...) compress better in gzip's window.
        for path in sorted(tree.rglob("*"), key=lambda p: (p.suffix, p.as_posix())):
            if not path.is_file():
                continue
            data = path.read_bytes()
            info = tarfile.TarInfo(path.relative_to(tree).as_posix())
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            tar.addfile(info, io.BytesIO(data))
    target.write_bytes(gzip_best(buf.getvalue()))


def gzip_best(data: bytes) -> bytes:
    """Gzip (any inflater reads it) squeezed by zopfli: about 5% smaller than zlib's best."""
    return zopfli.gzip.compress(data, numiterations=5)
