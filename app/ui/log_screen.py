"""The Log tab: start or update the current episode, then insights, chart and history."""

from __future__ import annotations

import flet as ft

from app.ui.active_episode import ActiveEpisode
from app.ui.boundary import component
from app.ui.history_list import HistoryList
from app.ui.insights_panel import InsightsPanel
from app.ui.invalid_rows import InvalidRows
from app.ui.pain_chart import PainChart
from app.ui.quick_start import QuickStart
from app.ui.session import Session
from app.ui.transfer_buttons import TransferButtons


@component
def LogScreen(session: Session) -> ft.Control:
    active = session.active
    return ft.ListView(
        expand=True, padding=16, spacing=16,
        controls=[
            ActiveEpisode(session, active) if active else QuickStart(session),
            InsightsPanel(session),
            PainChart(session),
            HistoryList(session),
            InvalidRows(session),
            TransferButtons(session),
        ],
    )
