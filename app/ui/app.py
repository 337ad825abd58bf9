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
    session = Session(log=log, settings=log.settings(), **start_route(page.route))
    if log.problem:
        session.problem = log.problem.message
    page.theme_mode = theme_mode(session.settings.get("theme"))
    page.padding = 0
    page.render(Shell, session)
    page.run_task(_detect_region, page, session)


async def _detect_region(page: ft.Page, session: Session) -> None:
    """Asked after the first frame so the SOS button never waits on the device query."""
    try:
        info = await page.get_device_info()
    except Exception:  # noqa: BLE001 - an unknown device keeps the UK default
        return
    locales = getattr(info, "locales", None) or []
    if locales and locales[0].country_code:
        session.locale_region = region_for_locale(f"{locales[0].language_code}-{locales[0].country_code}")
