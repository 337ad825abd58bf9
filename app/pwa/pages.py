"""Write index.html, manifest.json and sw.js for the built site."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from flet.controls.types import RouteUrlStrategy, WebRenderer
from flet_web import patch_index_html

from app.pwa.manifest import DESCRIPTION, NAME, THEME, manifest
from app.version import __version__

TEMPLATES = Path(__file__).parent / "web"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def write_index(out: Path, first_aid: str, pyodide_version: str, packages: list[str],
                package_base_url: str | None, connect_extra: list[str], base_href: str) -> None:
    index = out / "index.html"
    text = (TEMPLATES / "index.html").read_text(encoding="utf-8")
    extra = {"pyodidePackages": packages, "pyodidePackageBaseUrl": package_base_url}
    config = "".join(f"flet.{k}={json.dumps(v)};" for k, v in extra.items())
    # python.js runs inline, in <head>, so the Python worker starts before the page is even parsed.
    python_js = (TEMPLATES / "python.js").read_text(encoding="utf-8")
    text = (text.replace("@@FIRST_AID@@", first_aid).replace("@@THEME@@", THEME)
            .replace("@@EXTRA_CONFIG@@", f"<script>{config}</script>")
            .replace("@@PYTHON_JS@@", f"<script>\n{python_js}</script>"))
    index.write_text(text, encoding="utf-8")
    patch_index_html(
        str(index), base_href=base_href, app_name=NAME, app_description=DESCRIPTION,
        pyodide=True, pyodide_script_path="main.py", pyodide_version=pyodide_version,
        app_package_url="app.tar.gz", web_renderer=WebRenderer.CANVAS_KIT,
        route_url_strategy=RouteUrlStrategy.PATH, no_cdn=True,
    )
    text = index.read_text(encoding="utf-8")
    text = text.replace('flet.pyodideUrl="pyodide/pyodide.mjs";', 'flet.pyodideUrl="./pyodide/pyodide.mjs";')
    text = text.replace("@@CSP@@", content_security_policy(text, connect_extra))
    index.write_text(text, encoding="utf-8")


def content_security_policy(html: str, connect_extra: list[str]) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in INLINE_SCRIPT.findall(html)
    )
    connect = " ".join(["'self'", *connect_extra])
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        f"connect-src {connect}",
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def write_manifest(out: Path, web_dir: Path | None = None) -> None:
    """manifest.json, from app/pwa/manifest.py (web_dir, flet-web's own, is no longer read)."""
    (out / "manifest.json").write_text(json.dumps(manifest(), indent=2), encoding="utf-8")


NOT_PRECACHED = ("sw.js", "index.html")  # the worker itself; the page is precached once, as "./"


def site_files(out: Path) -> list[str]:
    names = (p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    return sorted(n for n in names if n not in NOT_PRECACHED)


def content_hash(out: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256((out / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(out: Path, runtime_prefixes: list[str], inflated: dict[str, str]) -> str:
    files = site_files(out)
    # The cache name says which release it holds: every file, index.html too.
    version = f"{__version__}-{content_hash(out, sorted([*files, 'index.html']))}"
    text = (TEMPLATES / "sw.js").read_text(encoding="utf-8")
    text = (text.replace("@@VERSION@@", version)
            .replace("@@FILES@@", json.dumps(["./", *files]))
            .replace("@@RUNTIME_PREFIXES@@", json.dumps(runtime_prefixes))
            .replace("@@INFLATED@@", json.dumps(inflated)))
    (out / "sw.js").write_text(text, encoding="utf-8")
    return version
