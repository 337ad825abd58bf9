"""SOS from every tab: a bladder sign calls and scripts the call, urgent goes amber, none goes to relief."""

import pytest

from tests.browser import CHECK_OR_CALL
from tests.e2e.conftest import reveal, shot, text

TABS = ("Relief", "Sleep", "Prevent", "Log")


def tick(page, label: str) -> None:
    reveal(page, page.get_by_role("checkbox", name=label)).click()


def check(page) -> None:
    """'Check N signs', or 'Call 999 now' once a call-now sign is ticked (it dials in the same tap)."""
    page.get_by_role("button", name=CHECK_OR_CALL).click()


@pytest.mark.parametrize("tab", TABS)
def test_bladder_sign_from_any_tab_leads_to_a_call(app, tab):
    app.get_by_role("tab", name=tab).click()
    app.get_by_role("button", name="SOS", exact=True).click()
    tick(app, "Leaking pee or lost control of your bladder")
    check(app)
    call = app.get_by_role("button", name="Call 999", exact=True)
    call.wait_for()
    assert app.get_by_text("Do not drive yourself").count() >= 1
    if tab == "Relief":
        shot(app, "sos-emergency")
    call.click()
    app.wait_for_function("() => window.__opened.length > 0")
    assert app.evaluate("window.__opened.at(-1)") == "tel:999"


def test_urgent_only_sign_gives_the_amber_screen(app):
    app.get_by_role("button", name="SOS", exact=True).click()
    app.get_by_role("button", name="None of these").wait_for()
    shot(app, "sos-checklist")
    tick(app, "A high temperature, or you feel hot and shivery")
    check(app)
    app.get_by_text("Contact your doctor or NHS 111 today").wait_for()
    assert app.get_by_role("button", name="Call 999", exact=True).count() == 0
    shot(app, "sos-urgent")


def test_no_sign_leads_into_the_relief_deck(app):
    app.get_by_role("tab", name="Sleep").click()
    app.get_by_role("button", name="SOS", exact=True).click()
    app.get_by_role("button", name="None of these").click()
    app.get_by_text("No red flags").wait_for()
    assert app.get_by_role("tab", name="Relief").get_attribute("aria-selected") == "true"


def test_emergency_screen_scripts_the_call_and_offers_a_and_e(app):
    app.get_by_role("button", name="SOS", exact=True).click()
    text(app, "or since this pain began").first.wait_for()
    tick(app, "Leaking pee or lost control of your bladder, new since this back pain began")
    check(app)
    app.get_by_role("button", name="Call 999", exact=True).wait_for()
    text(app, "with someone else driving").first.wait_for()
    shot(app, "sos-emergency-top")
    reveal(app, text(app, "I need an ambulance")).wait_for()
    assert text(app, "Tell them where you are").count() >= 1
    assert text(app, "These signs began").count() == 0
    reveal(app, text(app, "1–2 days ago")).click()
    text(app, "These signs began 1 to 2 days ago.").first.wait_for()
    shot(app, "sos-emergency-script")


def test_after_a_fall_the_screen_says_keep_still(app):
    app.get_by_role("button", name="SOS", exact=True).click()
    tick(app, "The pain began after a serious accident or fall")
    check(app)
    text(app, "keep still").first.wait_for()
    assert text(app, "with someone else driving").count() == 0


def test_history_items_have_their_own_heading_and_go_amber(app):
    app.get_by_role("button", name="SOS", exact=True).click()
    reveal(app, text(app, "Also tell a doctor today if")).wait_for()
    shot(app, "sos-checklist-history")
    tick(app, "You have taken steroid tablets for a long time")
    check(app)
    text(app, "today").first.wait_for()
    assert app.get_by_role("button", name="Call 999", exact=True).count() == 0


def test_chest_pain_offers_an_ambulance_only(app):
    app.get_by_role("button", name="SOS", exact=True).click()
    tick(app, "Chest pain")
    check(app)
    text(app, "Ask for an ambulance").first.wait_for()
    assert text(app, "A&E").count() == 0 and text(app, "someone else driving").count() == 0
