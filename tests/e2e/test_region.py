"""The emergency number follows the phone's country until the person picks one; one's own is an extra."""

import re

import pytest

from tests.browser import CHECK_OR_CALL, AppServer, phone_browser, type_into
from tests.e2e.conftest import OPENED, open_app, reveal, shot, text

EMERGENCY_SIGN = "Leaking pee or lost control of your bladder"
URGENT_SIGN = "A high temperature, or you feel hot and shivery"


def tick_and_check(page, sign: str) -> None:
    reveal(page, page.get_by_role("checkbox", name=sign)).click()
    page.get_by_role("button", name=CHECK_OR_CALL).click()


def tap_call(page, label: str) -> str:
    """Tap a call button and return the tel: link the phone was asked to open."""
    page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_function("() => window.__opened.length > 0")
    return page.evaluate("window.__opened.pop()")


@pytest.mark.parametrize("locale, number, line, tel", [
    ("en-GB", "999", "Call NHS 111", "tel:111"),
    ("en-US", "911", None, None),
    ("en-NZ", "111", "Call Healthline, 0800 611 116", "tel:0800611116"),
    ("ja-JP", "119", None, None),
    ("de-DE", "112", "Call 116117", "tel:116117"),
])
def test_sos_calls_the_phones_country_and_its_health_line(server, locale, number, line, tel):
    with phone_browser(locale=locale) as (context, guard):
        context.add_init_script(OPENED)
        page = open_app(context, server.url)
        page.get_by_role("button", name="SOS", exact=True).click()
        text(page, f"Call {number} now if you have any of these").first.wait_for()  # after the first frame
        assert text(page, "Check your local emergency number").count() == 0
        tick_and_check(page, EMERGENCY_SIGN)
        assert tap_call(page, f"Call {number}") == f"tel:{number}"
        page.get_by_role("button", name="SOS", exact=True).click()  # a fresh checklist
        tick_and_check(page, URGENT_SIGN)
        contact = {"en-GB": "NHS 111", "en-NZ": "Healthline", "de-DE": "116117"}.get(locale)
        text(page, f"Contact your doctor or {contact or 'an urgent care service'} today").first.wait_for()
        text(page, "You ticked:").first.wait_for()  # the amber screen, not the checklist's heading
        if line:
            assert tap_call(page, line) == tel
        else:
            assert page.get_by_role("button", name=re.compile(r"^Call")).count() == 0
        if locale == "en-GB":
            shot(page, "sos-urgent-gb")
        assert guard.unexpected == []


def test_unknown_country_offers_the_picker_and_ones_own_number_is_kept(tmp_path):
    with AppServer(tmp_path) as server, phone_browser(locale="en-NG") as (context, guard):
        context.add_init_script(OPENED)
        page = open_app(context, server.url)
        page.get_by_role("button", name="SOS", exact=True).click()
        text(page, "Call 112 now if you have any of these").first.wait_for()
        text(page, "Check your local emergency number").first.wait_for()
        page.get_by_role("button", name="Choose your country").click()
        page.get_by_text("Emergency number: 112").wait_for()
        type_into(page, page.get_by_role("textbox", name="Search countries"), "japan")
        page.get_by_role("radio", name="Japan (119)").click()
        text(page, "Use 119 for Japan?").first.wait_for()  # a stray tap changes nothing until confirmed
        shot(page, "settings-country-confirm")
        page.get_by_role("button", name="Yes, use it").click()
        page.get_by_text("Emergency number: 119").wait_for()
        shot(page, "settings-country-picker")
        type_into(page, reveal(page, page.get_by_role("textbox", name="Your own number")), "0871234567")
        page.keyboard.press("Tab")  # leaving the field saves it
        text(page, "Emergency number: 119").first.wait_for()  # one's own number never replaces it
        shot(page, "settings-own-number")
        reveal(page, text(page, "extra button beside 119, which always stays"))
        page.close()
        page = open_app(context, server.url)  # a new visit: the choice was stored
        page.get_by_role("button", name="SOS", exact=True).click()
        tick_and_check(page, EMERGENCY_SIGN)
        text(page, "Your own number (0871234567)").first.wait_for()
        shot(page, "sos-own-number")
        assert tap_call(page, "Call 119") == "tel:119"  # the country's number, and its call script
        text(page, '1. "I need an ambulance."').first.wait_for()
        assert tap_call(page, "Your own number (0871234567)") == "tel:0871234567"
        assert text(page, "Check your local emergency number").count() == 0
        assert guard.unexpected == []
