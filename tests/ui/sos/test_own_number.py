"""A custom number in Settings is an extra button on the emergency screen, never the emergency number."""

import flet as ft
import pytest

from app.store import EpisodeLog, MemoryBackend
from app.ui.session import Session
from app.ui.settings.screen import SettingsScreen
from app.ui.sos.checklist import SosChecklist
from app.ui.sos.result import SosResult
from tests.ui.render import render, texts, walk


def _emergency(country: str, custom: str) -> Session:
    session = Session(log=EpisodeLog(MemoryBackend()))
    session.locale_region = "GB"
    session.set_setting("country", country)
    session.set_setting("custom", custom)
    session.open_sos()
    session.toggle_flag("bladder-leaking")
    session.check()
    return session


def _calls(nodes) -> list[str]:
    return [n.url for n in nodes if isinstance(n, ft.Button | ft.OutlinedButton) and n.url]


@pytest.mark.parametrize("country, number", [("GB", "999"), ("JP", "119"), ("custom", "999"), ("", "999")])
def test_the_emergency_screen_calls_the_countrys_number_first_and_offers_ones_own_beside_it(country, number):
    session = _emergency(country, "0871234567")
    shown = list(walk(render(SosResult, session)))
    said = texts(shown)
    assert _calls(shown) == [f"tel:{number}", "tel:0871234567"]  # the country's first, then one's own
    assert f"Call {number} now" in said and "Your own number (0871234567)" in said
    assert '1. "I need an ambulance."' in said  # the call script stays
    assert not any("0871234567" in line for line in said if "Your own number" not in line)


def test_the_checklist_call_button_keeps_the_countrys_number_and_without_one_there_is_one_button():
    session = _emergency("custom", "0871234567")
    session.result = None
    assert _calls(walk(render(SosChecklist, session)))[0] == "tel:999"
    assert _calls(walk(render(SosResult, _emergency("custom", "")))) == ["tel:999"]


def test_settings_offers_ones_own_number_as_an_extra_not_as_the_emergency_number():
    session = _emergency("GB", "0871234567")
    said = texts(walk(render(SettingsScreen, session)))
    assert "Emergency number: 999" in said
    assert any("extra button beside 999, which always stays" in line for line in said)
