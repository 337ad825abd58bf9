"""Installability and trimming, asserted from the built files of the fixture app."""

from __future__ import annotations

import gzip
import json
import re
import tarfile
import zipfile
from pathlib import Path

from app.pwa.png import decode_rgb, header

NAVY = bytes((0x1F, 0x3A, 0x5F))


def _png(path):
    return header(path.read_bytes())


def test_manifest_has_every_install_field(fixture_dist):
    out = fixture_dist.out
    m = json.loads((out / "manifest.json").read_text())
    assert m["name"] == "Spasm SOS" and m["short_name"] == "Spasm SOS"
    assert m["description"]
    assert m["start_url"] == "./" and m["scope"] == "./"
    assert m["display"] == "standalone"
    assert m["theme_color"] == "#1F3A5F" and m["background_color"] == "#FFFFFF"
    icons = {(i["sizes"], i.get("purpose", "any")): i["src"] for i in m["icons"]}
    assert set(icons) == {("192x192", "any"), ("512x512", "any"),
                          ("192x192", "maskable"), ("512x512", "maskable")}
    assert icons[("192x192", "any")] != icons[("192x192", "maskable")]
    for (sizes, _purpose), src in icons.items():
        w, h, _depth, _colour = _png(out / src)
        assert f"{w}x{h}" == sizes, src
    shortcuts = {s["name"]: s["url"] for s in m["shortcuts"]}
    assert shortcuts == {"Help me now": "./now", "SOS: is this an emergency?": "./sos",
                         "Log a spasm": "./log"}
    for s in m["shortcuts"]:
        for icon in s["icons"]:
            assert (out / icon["src"]).is_file()


def test_index_head_links_icons_theme_and_csp(fixture_dist):
    out = fixture_dist.out
    html = (out / "index.html").read_text()
    assert '<meta name="theme-color" content="#1F3A5F">' in html
    assert '<link rel="manifest" href="manifest.json">' in html
    touch = re.search(r'<link rel="apple-touch-icon" sizes="180x180" href="([^"]+)">', html)
    assert touch and _png(out / touch.group(1))[:2] == (180, 180)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    rules = dict(r.strip().split(" ", 1) for r in csp.split(";"))
    assert rules["default-src"] == "'self'"
    assert "'unsafe-eval'" not in csp and "'unsafe-inline'" not in rules["script-src"]
    assert "'wasm-unsafe-eval'" in rules["script-src"]
    assert rules["connect-src"] == "'self'"
    assert "https:" not in csp and "http:" not in csp
    assert 'flet.pyodideUrl="./pyodide/pyodide.mjs"' in html
    assert not re.search(r"https?://", html)


def test_icons_are_opaque_and_maskable_art_is_in_the_safe_zone():
    from app.pwa.build import PROJECT

    assets = PROJECT / "assets"
    assert _png(assets / "icon.png") == (1024, 1024, 8, 2), "icon.png must be 1024x1024 RGB, no alpha"
    for png in (assets / "icons").glob("*.png"):
        assert _png(png)[3] == 2, f"{png.name} must have no alpha channel"
    for name in ("icon-maskable-192.png", "icon-maskable-512.png"):
        size, _h, rows = decode_rgb((assets / "icons" / name).read_bytes())
        centre, safe = size / 2, 0.4 * size
        for y, row in enumerate(rows):
            for x in range(size):
                if (x + 0.5 - centre) ** 2 + (y + 0.5 - centre) ** 2 > safe ** 2:
                    assert row[x * 3:x * 3 + 3] == NAVY, f"{name}: art outside the safe zone at {x},{y}"


def test_site_is_trimmed_and_flutter_worker_removed(fixture_dist):
    out = fixture_dist.out
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert not [n for n in names if n.endswith((".map", ".symbols"))]
    assert not [n for n in names if n.startswith("canvaskit/") and "skwasm" in n or "wimp" in n]
    assert "canvaskit/chromium/canvaskit.wasm" not in names
    assert "main.dart.wasm" not in names and "main.dart.mjs" not in names
    assert "flutter_service_worker.js" not in names
    for node_only in ("python", "python.exe", "python.bat", "python_cli_entry.mjs", "pyodide.js",
                      "ffi.d.ts", "pyodide.d.ts", "package.json"):
        assert f"pyodide/{node_only}" not in names
    bootstrap = (out / "flutter_bootstrap.js").read_text()
    loader_call = bootstrap[bootstrap.index("_flutter.loader.load({"):]
    assert "serviceWorker" not in loader_call
    assert '"renderer":"skwasm"' not in bootstrap
    assert "cdn.jsdelivr.net/npm/@rive-app" not in (out / "main.dart.js").read_text()
    sw = (out / "sw.js").read_text()
    assert f'const VERSION = "{fixture_dist.version}"' in sw
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", sw).group(1))
    assert set(files) == (names - {"sw.js", "index.html"}) | {"./"}


def test_archive_holds_only_the_app_and_vendored_packages(fixture_dist):
    with tarfile.open(fixture_dist.out / "app.tar.gz") as tar:
        names = tar.getnames()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"main.pyc", "app", "__pypackages__"}
    vendored = {n.split("/")[1].removesuffix(".pyc").removesuffix(".py")
                for n in names if n.startswith("__pypackages__/")}
    assert {"flet", "msgpack", "repath", "six", "tinydb"} <= vendored
    assert not [n for n in names if "__pycache__" in n or n.endswith(".so")]
    assert not [n for n in names if n.startswith(("tests", "app/pwa", "__pypackages__/flet/testing"))]
    assert "requirements.txt" not in names and "pyproject.toml" not in names


def test_what_the_start_imports_ships_as_bytecode_and_the_rest_as_source(fixture_dist):
    report = fixture_dist.bytecode
    assert report.profiled and report.error is None
    assert report.messages >= 2, "the profiled start must reach the first render"
    with tarfile.open(fixture_dist.out / "app.tar.gz") as tar:
        names = set(tar.getnames())
    assert not [n for n in names if n.startswith("app/") and n.endswith(".py")], "the app's own code"
    for started in ("flet/app", "flet/messaging/pyodide_connection", "flet/controls/material/button",
                    "msgpack/fallback"):
        assert f"__pypackages__/{started}.pyc" in names, started
        assert f"__pypackages__/{started}.py" not in names, started
    for unused in ("flet/controls/material/date_picker", "flet/auth/oauth_provider"):
        assert f"__pypackages__/{unused}.py" in names, unused
    with zipfile.ZipFile(fixture_dist.out / "pyodide" / "python_stdlib.zip") as stdlib:
        members = set(stdlib.namelist())
    assert {"asyncio/events.pyc", "json/decoder.pyc", "encodings/utf_8.pyc"} <= members
    assert {"email/parser.py", "encodings/cp437.py", "encodings/cp1252.py"} <= members
    assert not [n for n in members if n.startswith(("unittest/", "idlelib/", "tkinter/", "ensurepip/"))]
    assert "encodings/cp1006.py" not in members and "encodings/mac_roman.py" not in members


def test_licences_ship_compressed(fixture_dist):
    from flet_web import get_package_web_dir

    original = (Path(get_package_web_dir()) / "assets" / "NOTICES").read_bytes()
    assert not (fixture_dist.out / "assets" / "NOTICES").exists()
    assert gzip.decompress((fixture_dist.out / "assets" / "NOTICES.gz").read_bytes()) == original


def test_build_reports_size(fixture_dist):
    size = fixture_dist.size
    assert 0 < size.gz < size.raw
