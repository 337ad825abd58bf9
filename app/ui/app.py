"""Root of the UI: opens the log for this platform and renders the app shell."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
from datetime import UTC, datetime

import flet as ft

from app.domain.daylight import PhoneClock, is_night, phone_clock
from app.domain.regions import country_from_locale
from app.store import EpisodeLog, StoreProblem, default_log_path, open_file_log
from app.store.indexeddb import IndexedDBBackend, Refused
from app.ui.kit.boundary import contain_handler_errors
from app.ui.kit.theme import theme
from app.ui.session import Session
from app.ui.shell.shell import Shell

PHONE_CLOCK = "spasm_phone_clock"  # server mode's page notes the phone's clock here (app/web_identity.py)


@functools.cache
def file_log() -> EpisodeLog:
    """The one log of this process, shared by every tab; held against other processes."""
    return open_file_log(default_log_path())


async def open_log(page: ft.Page) -> EpisodeLog:
    """Browser builds keep the log in IndexedDB; servers and phones in an atomic file."""
    if page.pyodide:
        try:
            backend = await IndexedDBBackend().load()
        except Refused as exc:
            return EpisodeLog.unsaved(StoreProblem(f"Your saved log could not be opened ({exc})."))
        await backend.migrate(ft.SharedPreferences())  # the old localStorage log, once
        log = EpisodeLog(backend)
        backend.attach(log)
        return log
    return file_log()


def start_route(route: str | None) -> dict:
    route = (route or "/").split("?")[0].rstrip("/")
    return {"/sos": {"overlay": "sos"}, "/log": {"tab": "log"}, "/now": {"overlay": "guide"},
            "/report": {"overlay": "report", "tab": "log"}}.get(route, {})


async def main(page: ft.Page) -> None:
    page.title = "Spasm SOS"
    page.theme, page.dark_theme = theme(False), theme(True)
    try:
        log = await open_log(page)
    except Exception as exc:  # noqa: BLE001 - whatever storage does, SOS must still open
        logging.getLogger("spasm_sos").exception("opening the log failed")
        log = EpisodeLog.unsaved(StoreProblem(f"Your saved log could not be opened ({type(exc).__name__})."))
    session = Session(log=log, settings=log.settings(), **start_route(page.route))
    if log.problem:
        session.problem = log.problem.message
    elif warning := log.clock_warning():
        session.problem = warning
    contain_handler_errors(page, lambda text: setattr(session, "problem", text))
    _follow(page, session)
    page.on_route_change = lambda e: session.follow_route(e.route)
    if session.overlay == "guide":
        session.open_guide()
    session.night = is_night(local_now(None))  # this machine's clock until the phone's is read
    session.platform_dark = page.platform_brightness == ft.Brightness.DARK
    page.theme_mode = session.theme_mode()
    page.on_platform_brightness_change = lambda e: setattr(
        session, "platform_dark", page.platform_brightness == ft.Brightness.DARK)
    page.padding = 0
    page.render(Shell, session)
    page.run_task(_detect_region, page, session)
    page.run_task(_detect_motion, session)
    page.run_task(_follow_clock, page, session)


def local_now(clock: PhoneClock | None) -> datetime:
    """The phone's local time when its clock is known, else this machine's."""
    now = datetime.now(UTC)
    return clock.local(now) if clock else now.astimezone()


async def _follow_clock(page: ft.Page, session: Session) -> None:
    """Night by the phone's own clock (read once, after the first frame): dark at 21:00, light at 07:00."""
    clock = None
    if not page.pyodide:  # in the PWA, Python's clock is the phone's
        try:
            prefs = ft.SharedPreferences()
            clock = phone_clock(await prefs.get(PHONE_CLOCK), datetime.now(UTC))
            await prefs.remove(PHONE_CLOCK)  # read once; nothing is left behind in the browser
        except Exception:  # noqa: BLE001 - no reading: this machine's clock, as before
            logging.getLogger("spasm_sos").warning("the phone's clock could not be read")
    while True:
        night = is_night(local_now(clock))
        if night != session.night:
            session.night = night
            page.theme_mode = session.theme_mode()
            page.update()
        await asyncio.sleep(60)


def _follow(page: ft.Page, session: Session) -> None:
    """Redraw this tab when another tab or window changes the log."""
    def changed() -> None:
        try:  # a copy of the context, so the caller's own page is left as it was
            contextvars.copy_context().run(page.run_task, session.catch_up)
        except Exception:  # noqa: BLE001 - the tab is gone
            forget()

    def forget(*_) -> None:
        if changed in session.log.listeners:
            session.log.listeners.remove(changed)

    session.log.listeners.append(changed)
    page.on_close = forget


async def _detect_region(page: ft.Page, session: Session) -> None:
    """Asked after the first frame so the SOS button never waits on the device query."""
    try:
        info = await page.get_device_info()
    except Exception:  # noqa: BLE001 - an unknown device keeps "country not known": 112
        return
    locales = getattr(info, "locales", None) or []
    if locales and locales[0].country_code:  # the first locale only, as the pre-boot page reads it
        session.locale_region = country_from_locale(f"{locales[0].language_code}-{locales[0].country_code}")


async def _detect_motion(session: Session) -> None:
    """The platform's reduce-motion wish (the browser's prefers-reduced-motion), after the first frame."""
    try:
        features = await ft.SemanticsService().get_accessibility_features()
    except Exception:  # noqa: BLE001 - not known: animations stay as few and short as they are
        return
    session.reduce_motion = bool(features.reduce_motion or features.disable_animations)
