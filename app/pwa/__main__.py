"""Command line: python -m app.pwa build [--out dist] [--pyodide-packages DIR_OR_URL] ..."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

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
                   help="folder or base URL holding pydantic and companions from the Pyodide "
                        "distribution; every file is checked against pyodide-lock.json")
    b.add_argument("--allow-cdn-packages", action="store_true",
                   help="leave missing Pyodide packages to the Pyodide CDN at first load")
    b.add_argument("--base-href", default="/", help="path the site is served under (default /)")
    b.add_argument("--no-bytecode", action="store_true",
                   help="ship Python sources instead of bytecode precompiled with Pyodide under Node")
    sub.add_parser("icons", help="redraw assets/icon.png and assets/icons/*.png")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "icons":
        from app.pwa.icons import write_all

        for path in write_all(PROJECT / "assets"):
            print(path)
        return 0
    opts = Options(out=args.out, app=args.app, content=args.content,
                   pyodide_packages=args.pyodide_packages,
                   allow_cdn_packages=args.allow_cdn_packages, base_href=args.base_href,
                   bytecode=not args.no_bytecode)
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


if __name__ == "__main__":
    sys.exit(main())
