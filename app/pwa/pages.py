"""Write index.html, manifest.json and sw.js for the built site."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

from flet.controls.types import RouteUrlStrategy, WebRenderer
from flet_web import patch_index_html, patch_manifest_json

from app.version import __version__

TEMPLATES = Path(__file__).parent / "web"
NAME = "Spasm SOS"
DESCRIPTION = "Back-spasm first aid: emergency checks, relief steps, timers and an offline log."
THEME = "#1F3A5F"
BACKGROUND = "#FFFFFF"
SHORTCUTS = (("Help me now", "Help now", "now"), ("SOS: is this an emergency?", "SOS", "sos"),
             ("Log a spasm", "Log", "log"))
ICONS = (
    ("icons/icon-192.png", 192, "any"),
    ("icons/icon-512.png", 512, "any"),
    ("icons/icon-maskable-192.png", 192, "maskable"),
    ("icons/icon-maskable-512.png", 512, "maskable"),
)
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


def write_manifest(out: Path, web_dir: Path) -> None:
    path = out / "manifest.json"
    path.write_bytes((web_dir / "manifest.json").read_bytes())
    patch_manifest_json(str(path), app_name=NAME, app_short_name=NAME,
                        app_description=DESCRIPTION, background_color=BACKGROUND,
                        theme_color=THEME)
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest.update(
        id="./", start_url="./", scope="./", display="standalone", orientation="any", lang="en",
        categories=["health", "medical"],
        icons=[{"src": src, "sizes": f"{px}x{px}", "type": "image/png", "purpose": purpose}
               for src, px, purpose in ICONS],
        shortcuts=[{"name": name, "short_name": short, "url": f"./{route}",
                    "icons": [{"src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png"}]}
                   for name, short, route in SHORTCUTS],
    )
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def site_files(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and p.name != "sw.js")


def content_hash(out: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256((out / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def write_service_worker(out: Path, runtime_prefixes: list[str], inflated: dict[str, str]) -> str:
    files = site_files(out)
    version = f"{__version__}-{content_hash(out, files)}"  # the cache name says which release it holds
    text = (TEMPLATES / "sw.js").read_text(encoding="utf-8")
    text = (text.replace("@@VERSION@@", version)
            .replace("@@FILES@@", json.dumps(["./", *files]))
            .replace("@@RUNTIME_PREFIXES@@", json.dumps(runtime_prefixes))
            .replace("@@INFLATED@@", json.dumps(inflated)))
    (out / "sw.js").write_text(text, encoding="utf-8")
    return version
