"""The Log tab: start or update the current episode, then insights, chart, history and SOS checks."""

from __future__ import annotations

import flet as ft

from app.ui.kit.boundary import component
from app.ui.kit.install_prompt import InstallPrompt
from app.ui.kit.peg_check import PegCheck
from app.ui.kit.transfer_buttons import TransferButtons
from app.ui.log.active_episode import ActiveEpisode
from app.ui.log.history_list import HistoryList
from app.ui.log.insights_panel import InsightsPanel
from app.ui.log.invalid_rows import InvalidRows
from app.ui.log.pain_chart import PainChart
from app.ui.log.quick_start import QuickStart
from app.ui.log.sos_checks import SosChecks
from app.ui.session import Session


@component
def LogScreen(session: Session) -> ft.Control:
    active = session.active
    return ft.ListView(
        expand=True, padding=16, spacing=16,
        controls=[
            InstallPrompt(session, "log"),
            ActiveEpisode(session, active) if active else QuickStart(session),
            PegCheck(session),
            ft.OutlinedButton(  # no fixed height: at large text the label wraps and the button grows
                content=ft.Text("For your doctor: a one-page summary", size=17),
                icon=ft.Icons.ASSIGNMENT_OUTLINED, width=float("inf"), on_click=session.open_report,
                style=ft.ButtonStyle(shape=ft.RoundedRectangleBorder(radius=16),
                                     padding=ft.Padding.symmetric(horizontal=16, vertical=14))),
            InsightsPanel(session),
            PainChart(session),
            HistoryList(session),
            SosChecks(session),
            InvalidRows(session),
            TransferButtons(session),
        ],
    )
