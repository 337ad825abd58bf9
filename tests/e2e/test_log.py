"""Logging a spasm takes at most three taps and survives a reload."""

from tests.browser import enable_semantics
from tests.e2e.conftest import open_app, shot, text


def test_start_and_score_in_three_taps_then_reload(server, browser_context):
    context, _ = browser_context
    page = open_app(context, server.url)
    page.get_by_role("tab", name="Log").click()                          # tap 1
    page.get_by_role("button", name="I'm having a spasm").click()        # tap 2
    page.get_by_role("button", name="Pain 7").click()                    # tap 3
    text(page, "last: 7").first.wait_for()
    shot(page, "log-active")
    page.reload()
    enable_semantics(page)
    page.get_by_role("tab", name="Log").click()
    text(page, "Spasm in progress").first.wait_for()
    assert text(page, "last: 7").count() >= 1
    page.close()
