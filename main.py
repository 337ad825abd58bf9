"""Spasm SOS entry point: `python main.py` serves the app; the PWA and mobile builds run it too."""

import argparse
import os

import flet as ft

from app.content.loader import library
from app.ui.app import main

ASSETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "assets")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Serve Spasm SOS in the browser.")
    parser.add_argument("--host", default=os.environ.get("FLET_SERVER_IP", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("FLET_SERVER_PORT", 8550)))
    return parser.parse_args(argv)


if __name__ == "__main__":
    args = parse_args()
    library()  # parse and validate the content once, before the first visitor waits for it
    ft.run(main, view=ft.AppView.WEB_BROWSER, host=args.host, port=args.port, no_cdn=True,
           assets_dir=ASSETS)
