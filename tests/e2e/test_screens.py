"""A phone set to dark mode gets a dark app on every main screen; choosing Light in settings wins."""

from io import BytesIO

from PIL import Image, ImageStat

from tests.browser import phone_browser
from tests.e2e.conftest import open_app, reveal, shot


def brightness(page) -> float:
    """Mean brightness of the screen, 0 (black) to 1 (white)."""
    page.wait_for_timeout(800)  # pixels trail the semantics tree
    image = Image.open(BytesIO(page.screenshot())).convert("L")
    return ImageStat.Stat(image).mean[0] / 255


def test_dark_phone_gets_dark_screens_until_light_is_chosen(server):
    with phone_browser(color_scheme="dark") as (context, guard):
        page = open_app(context, server.url)
        for tab in ("Relief", "Sleep", "Prevent", "Log"):
            page.get_by_role("tab", name=tab).click()
            assert brightness(page) < 0.4, f"{tab} is not dark"
            shot(page, f"dark-{tab.lower()}")
        page.get_by_role("button", name="SOS", exact=True).click()
        page.get_by_role("button", name="None of these").wait_for()
        shot(page, "dark-sos")
        page.get_by_role("button", name="Settings").click()
        shot(page, "dark-settings")
        assert brightness(page) < 0.4
        reveal(page, page.get_by_role("button", name="Light")).click()
        assert any(brightness(page) > 0.7 for _ in range(5)), "choosing Light did not switch the theme"
        shot(page, "settings")
        assert guard.unexpected == []
