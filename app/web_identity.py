"""Server mode presents itself as Spasm SOS, from the PWA's own definitions: manifest, page head, icons."""

from __future__ import annotations

import functools
import io
import json
import logging
import re
from pathlib import Path

from app.pwa import manifest as app_manifest
from app.pwa import pages

APP = Path(__file__).resolve().parent
PWA_WEB = APP / "pwa" / "web"
# The same rules as the PWA build's (app/pwa/client.py, which needs the build tools to import);
# tests/test_server_web.py checks they still match.
RIVE_CDN = "https://cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm@44.0.0/"
DROP_FONT_FAMILIES = ("packages/flutter_math_fork/", "packages/cupertino_icons/")
# Flet's WebAssembly client holds the rive URL in a data segment: its replacement keeps its length.
RIVE_LOCAL = "/rive-disabled/".ljust(len(RIVE_CDN) - 1, "_") + "/"
RIVE_STUB_PATH = RIVE_LOCAL + "wasm/rive_native.js"
ICON_FONT = "/assets/fonts/MaterialIcons-Regular.otf"
# Head tags the PWA's page carries and server mode shares; Flet's own versions are taken out.
SHARED_HEAD = re.compile(r'[ \t]*<(?:meta name="(?:description|theme-color|color-scheme'
                         r'|mobile-web-app-capable|apple-mobile-web-app-[\w-]+)"'
                         r'|link rel="(?:apple-touch-icon|icon)")[^>]*>\n?')

# The PWA page's script that gives the shell's parts their landmark roles (banner, main, navigation).
SHARED_SCRIPTS = re.compile(r"[ \t]*<script>/\* landmarks:.*?</script>\n", re.S)
# Server mode only (the PWA's Python runs on the phone's clock): the phone's time and zone, noted at
# load for app/ui/app.py to read as ft.SharedPreferences "spasm_phone_clock" (and then remove).
PHONE_CLOCK = """  <script>/* phone clock */
    try {
      localStorage.setItem("flutter.spasm_phone_clock", JSON.stringify(JSON.stringify({
        epoch_ms: Date.now(), utc_offset_min: -new Date().getTimezoneOffset(),
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone || ""})));
    } catch (e) { /* no storage: the app keeps the server's clock */ }
  </script>
"""

log = logging.getLogger(__name__)


@functools.cache
def manifest() -> bytes:
    """The PWA's manifest (relative URLs, so it fits server mode's root too): its pictures are in assets/."""
    return json.dumps(app_manifest.manifest(), indent=2).encode()


@functools.cache
def _shared_head() -> str:
    template = (PWA_WEB / "index.html").read_text(encoding="utf-8").replace("@@THEME@@", app_manifest.THEME)
    tags = [tag.strip() for tag in SHARED_HEAD.findall(template)]
    scripts = "".join(SHARED_SCRIPTS.findall(template)) + PHONE_CLOCK
    return "".join(f"  {_described(tag)}\n" for tag in tags) + scripts


def _described(tag: str) -> str:
    # The PWA build writes its description through Flet's patch_index_html: the manifest's.
    return re.sub(r'(name="description" content=")[^"]*', lambda m: m[1] + app_manifest.DESCRIPTION, tag)


def index_html(html: str, client_base: str) -> str:
    """Flet's page with Spasm SOS's name, icons and colours, its client loaded from `client_base`."""
    html = SHARED_HEAD.sub("", html)
    html = re.sub(r"[ \t]*<!-- (?:iOS meta tags & icons|Favicon) -->\n\n?", "", html)
    title = f"  <title>{app_manifest.NAME}</title>"
    html = re.sub(r"[ \t]*<title>.*?</title>", lambda _: _shared_head() + title, html, count=1, flags=re.S)
    html = html.replace("<html>", '<html lang="en">', 1)
    html = html.replace('src="icons/loading-animation.png"', 'src="icons/icon-192.png"')  # not Flet's logo
    for key, rest in (("entrypointBaseUrl", ""), ("assetBase", ""), ("canvasKitBaseUrl", "canvaskit/")):
        html = html.replace(f'flet.{key}="/{rest}";', f'flet.{key}="{client_base}{rest}";')
    for script in ("python.js", "flutter_bootstrap.js"):
        html = html.replace(f'src="{script}"', f'src="{client_base}{script}"')
    return html


def content_security_policy(html: str = "") -> str:
    """The PWA's policy, with hashes of this page's inline scripts; the page may not be framed elsewhere."""
    return pages.content_security_policy(html, []) + "; frame-ancestors 'self'"


def font_manifest(data: bytes) -> bytes:
    """Flet's font list without the families the app never draws (KaTeX, Cupertino icons)."""
    fonts = [f for f in json.loads(data) if not f["family"].startswith(DROP_FONT_FAMILIES)]
    return json.dumps(fonts, separators=(",", ":")).encode()


def without_rive_cdn(data: bytes) -> bytes:
    """Flet's client with its rive runtime probe pointed at the local stub, byte for byte as long."""
    return data.replace(RIVE_CDN.encode(), RIVE_LOCAL.encode())


def rive_stub() -> bytes:
    return (PWA_WEB / "rive_native.js").read_bytes()


@functools.cache
def icon_font(web_dir: str, font: bytes) -> bytes:
    """The icon font cut to the glyphs the client draws itself and the app names, as the PWA cuts it.

    Needs fontTools (the `pwa` extra); without it, or when the app picks icons at run time, the
    whole font is sent.
    """
    try:
        from fontTools import subset

        from app.pwa import icon_font as cut
    except ImportError:
        return font
    try:
        sources = [p for p in sorted(APP.rglob("*.py")) if "pwa" not in p.relative_to(APP).parts]
        names, dynamic = cut.app_icon_names([*sources, APP.parent / "main.py"])
        if dynamic:
            return font
        table, own = cut.client_icons((Path(web_dir) / "main.dart.js").read_text(encoding="utf-8"))
        mine = cut.code_points({name for kind, name in names if kind == "Icons"}, table)
        options = subset.Options()
        options.notdef_outline = True
        options.name_IDs = ["*"]
        loaded = subset.load_font(io.BytesIO(font), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=own | mine)
        subsetter.subset(loaded)
        out = io.BytesIO()
        subset.save_font(loaded, out, options)
        return out.getvalue()
    except Exception:  # noqa: BLE001 - a font that cannot be cut is sent whole, never missing
        log.exception("the icon font could not be cut; sending it whole")
        return font
