"""Chooses the screen: SOS, settings, a deck, or the log; plus banners shown on every screen."""

from __future__ import annotations

import flet as ft

from app.content.loader import library
from app.ui.decks.deck_view import DeckView
from app.ui.guide.help_now_button import HelpNowButton
from app.ui.guide.screen import GuideScreen
from app.ui.kit.banner import Banner
from app.ui.kit.boundary import component
from app.ui.kit.pain_reminder import PainReminder
from app.ui.log.save_warning import SaveWarning
from app.ui.log.screen import LogScreen
from app.ui.report.screen import ReportScreen
from app.ui.session import Session
from app.ui.settings.screen import SettingsScreen
from app.ui.sos.screen import SosScreen
from app.ui.timers.strip import TimerStrip


@component
def Body(session: Session) -> ft.Control:
    top: list[ft.Control] = []
    if session.overlay == "sos":
        screen = SosScreen(session)
    elif session.overlay == "guide" and session.guide is not None:
        screen = GuideScreen(session, session.timers)
    elif session.overlay == "settings":
        screen = SettingsScreen(session)
    elif session.overlay == "report":
        screen = ReportScreen(session)
    elif session.tab == "log":
        screen = LogScreen(session)
    else:
        screen = DeckView(library().deck(session.tab), session, key=session.tab)
        if session.tab == "relief":
            top.append(HelpNowButton(session))
    # The reminder waits on home; on the Log the open episode's own pain buttons are at the top.
    home = session.overlay is None and session.tab == "relief"
    return ft.Column(expand=True, spacing=0, controls=[
        Banner(session.problem, "problem", session.dismiss_problem),
        SaveWarning(session),
        Banner(session.notice, "calm", lambda: setattr(session, "notice", None)),
        TimerStrip(session.timers),
        *([PainReminder(session)] if home else []),
        *top,
        screen,
    ])
