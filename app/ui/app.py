"""Root of the UI: opens the log for this platform and renders the app shell."""

from __future__ import annotations

import flet as ft

from app.domain.regions import region_for_locale
from app.store import EpisodeLog, FileBackend, PrefsBackend, default_log_path
from app.ui.session import Session
from app.ui.shell import Shell
from app.ui.theme import theme, theme_mode

_file_logs: dict[str, EpisodeLog] = {}


async def open_log(page: ft.Page) -> EpisodeLog:
    """Browser builds keep the log in localStorage; servers and phones in an atomic file."""
    if page.pyodide:
        return EpisodeLog(await PrefsBackend(ft.SharedPreferences()).load())
    path = str(default_log_path())
    if path not in _file_logs:
        _file_logs[path] = EpisodeLog(FileBackend(path))
    return _file_logs[path]


def start_route(route: str | None) -> dict:
    route = (route or "/").split("?")[0].rstrip("/")
    return {"/sos": {"overlay": "sos"}, "/log": {"tab": "log"}}.get(route, {})


async def main(page: ft.Page) -> None:
    page.title = "Spasm SOS"
    page.theme, page.dark_theme = theme(False), theme(True)
    log = await open_log(page)
    settings = log.settings()
    if "region" not in settings:
        log.set_setting("region", region_for_locale(getattr(page, "locale", None) and
                                                     str(page.locale)))
    session = Session(log=log, settings=log.settings(), **start_route(page.route))
    if log.problem:
        session.problem = log.problem.message
    page.theme_mode = theme_mode(session.settings.get("theme"))
    page.padding = 0
    page.render(Shell, session)
