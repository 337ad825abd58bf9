"""Spasm SOS entry point: `python main.py` serves the app; the PWA and mobile builds run it too."""

import argparse
import os

import flet as ft
from flet.utils import is_embedded, is_pyodide

from app.content.loader import library
from app.ui.app import main

ASSETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "assets")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Serve Spasm SOS in the browser.")
    parser.add_argument("--host", default=os.environ.get("FLET_SERVER_IP", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("FLET_SERVER_PORT", 8550)))
    return parser.parse_args(argv)


if __name__ == "__main__":
    library()  # parse and validate the content once, before the first visitor waits for it
    if is_pyodide() or is_embedded():  # the PWA and phone builds: Flet's own transport, no server
        ft.run(main, view=ft.AppView.WEB_BROWSER, no_cdn=True, assets_dir=ASSETS)
    else:
        from app.server import serve
        from app.ui.app import file_log

        args = parse_args()
        if (problem := file_log().problem) and problem.in_use_by is not None:
            raise SystemExit(f"{problem.message} Close it first, or give this one its own "
                             "FLET_APP_STORAGE_DATA.")
        serve(main, host=args.host, port=args.port, assets_dir=ASSETS)
