"""Command line: python -m app.pwa build | lock | serve dist | icons | screenshots dist."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from app.pwa import packages, wheels
from app.pwa.build import PROJECT, Options, build
from app.pwa.errors import BuildError


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m app.pwa", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the static offline site")
    b.add_argument("--out", type=Path, default=PROJECT / "dist", help="output folder (default dist)")
    b.add_argument("--app", type=Path, default=PROJECT, help="folder holding main.py and app/")
    b.add_argument("--content", type=Path, default=None,
                   help="content folder for the first-aid page (default app/content/data)")
    b.add_argument("--pyodide-packages", metavar="DIR_OR_URL", default=None,
                   help="take pydantic and companions from the Pyodide distribution (a folder or base "
                        "URL holding the CDN's exact files, checked against pyodide-lock.json) instead "
                        "of PyPI's browser wheels pinned in app/pwa/pyodide-wheels.lock.json")
    b.add_argument("--wheel-cache", type=Path, default=None,
                   help="where pip keeps the locked PyPI wheels (default ~/.cache/spasm-sos/pyodide-wheels)")
    b.add_argument("--allow-cdn-packages", action="store_true",
                   help="leave missing Pyodide packages to the Pyodide CDN at first load")
    b.add_argument("--base-href", default="/", help="path the site is served under (default /)")
    b.add_argument("--no-bytecode", action="store_true",
                   help="ship Python sources instead of bytecode precompiled with Pyodide under Node")
    lk = sub.add_parser("lock", help="re-resolve PyPI's browser wheels and rewrite the wheel lock")
    lk.add_argument("--out", type=Path, default=wheels.LOCK, help="lock file to write")
    s = sub.add_parser("serve", help="serve a built site on 127.0.0.1 for a try-out")
    s.add_argument("dist", type=Path, nargs="?", default=PROJECT / "dist")
    s.add_argument("--port", type=int, default=8000)
    sub.add_parser("icons", help="redraw assets/icon.png and assets/icons/*.png")
    sh = sub.add_parser("screenshots", help="take the manifest's phone screenshots of a built site "
                                            "into assets/install/ (needs Playwright and Chromium)")
    sh.add_argument("dist", type=Path, nargs="?", default=PROJECT / "dist")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "icons":
        from app.pwa.icons import write_all

        for path in write_all(PROJECT / "assets"):
            print(path)
        return 0
    if args.command == "screenshots":
        from app.pwa.screenshots import take

        for path in take(args.dist, PROJECT / "assets"):
            print(path)
        return 0
    if args.command == "lock":
        return _lock(args.out)
    if args.command == "serve":
        from app.pwa.serve import serve

        return serve(args.dist, args.port)
    opts = Options(out=args.out, app=args.app, content=args.content,
                   pyodide_packages=args.pyodide_packages,
                   allow_cdn_packages=args.allow_cdn_packages, base_href=args.base_href,
                   bytecode=not args.no_bytecode, wheel_cache=args.wheel_cache)
    started = time.monotonic()
    try:
        result = build(opts)
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 2
    print(f"built {result.out} (version {result.version}) in {time.monotonic() - started:.1f} s")
    print(f"size: {result.size.describe()}")
    print(result.icons.describe())
    if result.bytecode:
        print(result.bytecode.describe())
        if result.bytecode.error:
            print(f"warning: the profiled start failed:\n{result.bytecode.error}", file=sys.stderr)
    if result.from_cdn:
        print("note: Pyodide packages will be fetched from the Pyodide CDN at first load "
              f"({', '.join(result.pyodide_packages)})")
    return 0


def _lock(path: Path) -> int:
    from flet_web import get_package_web_dir

    info = packages.read_lock(Path(get_package_web_dir()) / "pyodide")["info"]
    requirements = packages.pyodide_requirements(packages.app_requirements(PROJECT))
    try:
        lock = wheels.make(requirements, info)
    except BuildError as exc:
        print(f"lock failed: {exc}", file=sys.stderr)
        return 2
    wheels.write(lock, path)
    for w in lock["wheels"].values():
        print(f"{w['file_name']}  sha256:{w['sha256']}")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
