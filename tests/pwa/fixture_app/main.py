"""Pipeline fixture: a tiny declarative Flet app that keeps a counter in SharedPreferences."""

import argparse

import flet as ft
from app.archive_paths_longer_than_one_hundred_characters import GREETING

VERSION = "v1"
KEY = "spasmsos.fixture.count"


@ft.component
def App(prefs: ft.SharedPreferences):
    count, set_count = ft.use_state(None)

    async def load():
        stored = await prefs.get(KEY)
        set_count(int(stored or 0))

    async def log_one(_):
        new = (count or 0) + 1
        await prefs.set(KEY, str(new))
        set_count(new)

    ft.on_mounted(load)
    label = "Loading" if count is None else f"Logged {count}"
    return ft.Column([
        ft.Semantics(identifier="version", label=f"Fixture {VERSION}",
                     content=ft.Text(f"Fixture {VERSION}")),
        ft.Semantics(identifier="count", label=label, content=ft.Text(label)),
        ft.Button("Log a spasm", on_click=log_one, disabled=count is None),
        ft.Semantics(label="Relief icon", content=ft.Icon(ft.Icons.HEALING, size=96, color="#1F3A5F")),
        ft.Text(GREETING),
    ])


def main(page: ft.Page):
    page.title = "Fixture"
    page.render(App, ft.SharedPreferences())


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8550)
    args = parser.parse_args()
    ft.run(main, view=ft.AppView.WEB_BROWSER, host=args.host, port=args.port, no_cdn=True)
