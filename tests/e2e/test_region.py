"""The emergency number follows the phone's locale until the person picks a region in settings."""

from tests.browser import phone_browser
from tests.e2e.conftest import OPENED, open_app, reveal


def call_number(page) -> str:
    page.get_by_role("button", name="SOS").click()
    reveal(page, page.get_by_role("checkbox", name="Leaking pee or lost control of your bladder")).click()
    page.get_by_role("button", name="Check").click()
    call = page.get_by_role("button", name="Call ", exact=False)
    call.first.wait_for()
    call.first.click()
    page.wait_for_function("window.__opened.length > 0")
    return page.evaluate("window.__opened.at(-1)")


def test_us_locale_calls_911_until_australia_is_chosen(server):
    with phone_browser(locale="en-US") as (context, guard):
        context.add_init_script(OPENED)
        page = open_app(context, server.url)
        page.get_by_role("button", name="Settings").click()
        page.get_by_text("Emergency number: 911").wait_for()  # asked for after the first frame
        assert call_number(page) == "tel:911"
        page.get_by_role("button", name="Settings").click()
        reveal(page, page.get_by_role("radio", name="Australia (000)")).click()
        page.get_by_text("Emergency number: 000").wait_for()
        assert call_number(page) == "tel:000"
        assert guard.unexpected == []
