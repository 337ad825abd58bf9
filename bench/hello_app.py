"""Bare Flet hello app with one "SOS" button, served like main.py: the peer for bench/ui_bench.py."""

import argparse

import flet as ft


def main(page: ft.Page) -> None:
    page.add(ft.Text("Hello"), ft.Button("SOS"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8551)
    args = parser.parse_args()
    ft.run(main, view=ft.AppView.WEB_BROWSER, host=args.host, port=args.port, no_cdn=True)
