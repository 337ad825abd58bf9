"""Copy flet-web's Flutter client, trimmed to the CanvasKit build, with its CDN probe and worker removed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from flet_web import patch_font_manifest_json

from app.pwa.archive import gzip_best
from app.pwa.errors import BuildError

TEMPLATES = Path(__file__).parent / "web"

KEEP_TOP = (
    "main.dart.js", "flutter_bootstrap.js", "version.json", "assets", "canvaskit",
)
CANVASKIT_FILES = ("canvaskit.js", "canvaskit.wasm")
DROP_ASSETS = (
    "packages/flutter_math_fork", "packages/cupertino_icons", "packages/media_kit",
    "AssetManifest.bin.json",
)
DROP_FONT_FAMILIES = ("packages/flutter_math_fork/", "packages/cupertino_icons/")
PYODIDE_RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
OWNED = ("python-worker.js", "pwa.js")  # python.js is inlined into index.html (app/pwa/pages.py)
# Read only by Flutter's licence page, which the service worker serves by inflating the .gz copy.
INFLATED = {"assets/NOTICES": "assets/NOTICES.gz"}
RIVE_CDN = "https://cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm@44.0.0/"
RIVE_OFF = "rive-disabled/"
RIVE_STUB = "rive-disabled/wasm/rive_native.js"
BUILD_CONFIG = re.compile(r"_flutter\.buildConfig = (\{.*?\});\n")
SERVICE_WORKER_SETTINGS = re.compile(r"\n\s*serviceWorkerSettings: \{.*?\},", re.S)


def copy_client(web_dir: Path, out: Path) -> None:
    for name in KEEP_TOP:
        src = web_dir / name
        if src.is_dir():
            if name == "canvaskit":
                (out / name).mkdir(parents=True, exist_ok=True)
                for f in CANVASKIT_FILES:
                    shutil.copyfile(src / f, out / name / f)
            else:
                shutil.copytree(src, out / name, ignore=shutil.ignore_patterns("*.map", "*.symbols"))
        else:
            shutil.copyfile(src, out / name)
    for name in OWNED:
        shutil.copyfile(TEMPLATES / name, out / name)
    _trim_assets(out / "assets")
    _compress(out)
    _neutralise_rive(out / "main.dart.js")
    _patch_bootstrap(out / "flutter_bootstrap.js")


def copy_pyodide(web_dir: Path, out: Path) -> None:
    (out / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_RUNTIME:
        shutil.copyfile(web_dir / "pyodide" / name, out / "pyodide" / name)


def write_lock(lock: dict, entries: dict[str, dict], out: Path) -> None:
    """Write a lock that lists only the packages this app loads."""
    trimmed = {**lock, "packages": {name: entries[name] for name in sorted(entries)}}
    (out / "pyodide" / "pyodide-lock.json").write_text(
        json.dumps(trimmed, separators=(",", ":")), encoding="utf-8")


def _trim_assets(assets: Path) -> None:
    for rel in DROP_ASSETS:
        target = assets / rel
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    manifest = assets / "FontManifest.json"
    fonts = json.loads(manifest.read_text(encoding="utf-8"))
    fonts = [f for f in fonts if not f["family"].startswith(DROP_FONT_FAMILIES)]
    manifest.write_text(json.dumps(fonts, separators=(",", ":")), encoding="utf-8")
    patch_font_manifest_json(str(manifest))


def _compress(out: Path) -> None:
    for plain, packed in INFLATED.items():
        data = (out / plain).read_bytes()
        (out / packed).write_bytes(gzip_best(data))
        (out / plain).unlink()


def _neutralise_rive(main_js: Path) -> None:
    """Point the rive runtime probe at a local stub, so it waits forever without leaving the site."""
    text = main_js.read_text(encoding="utf-8")
    if RIVE_CDN not in text:
        raise BuildError("main.dart.js no longer holds the rive CDN URL; review app/pwa/client.py")
    main_js.write_text(text.replace(RIVE_CDN, RIVE_OFF), encoding="utf-8")
    stub = main_js.parent / RIVE_STUB
    stub.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TEMPLATES / "rive_native.js", stub)


def _patch_bootstrap(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    match = BUILD_CONFIG.search(text)
    if not match or not SERVICE_WORKER_SETTINGS.search(text):
        raise BuildError("flutter_bootstrap.js changed shape; review app/pwa/client.py")
    config = json.loads(match.group(1))
    config["builds"] = [b for b in config["builds"] if b.get("renderer") == "canvaskit"]
    text = text.replace(match.group(1), json.dumps(config, separators=(",", ":")))
    text = SERVICE_WORKER_SETTINGS.sub("", text)
    text = text.replace("//# sourceMappingURL=flutter.js.map\n", "")
    text = text.replace(
        "var flutterConfig = {",
        "var flutterConfig = {\n    canvasKitVariant: \"full\",",
    )
    path.write_text(text, encoding="utf-8")
