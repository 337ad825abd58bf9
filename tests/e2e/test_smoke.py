"""`python main.py` serves the app: SOS and the three decks are reachable on a phone."""

from tests.e2e.conftest import shot


def test_first_screen_offers_sos_and_the_three_decks(app):
    for name in ("Relief", "Sleep", "Prevent", "Log"):
        assert app.get_by_role("tab", name=name).is_visible()
    assert app.get_by_role("button", name="SOS", exact=True).is_visible()
    shot(app, "relief")


def test_sos_opens_the_red_flag_check(app):
    app.get_by_role("button", name="SOS", exact=True).click()
    app.get_by_role("checkbox").first.wait_for()
    assert app.get_by_role("checkbox").count() >= 5
    assert app.get_by_role("checkbox", name="both legs").count() == 1
    shot(app, "sos-checklist")
