"""Served to a phone, the app sends nothing off the machine (rive goes to a local stub); SOS still works."""

from urllib.parse import urlsplit

from tests.browser import AppServer, phone_browser
from tests.e2e.conftest import OPENED, open_app, reveal

CSP_LOG = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
           "(e) => window.__csp.push(e.blockedURI));")


def call_for_a_bladder_sign(page) -> str:
    page.get_by_role("button", name="SOS", exact=True).click()
    reveal(page, page.get_by_role("checkbox", name="Leaking pee or lost control of your bladder")).click()
    page.get_by_role("button", name="Call 999 now").click()  # one tap: it dials and shows the screen
    page.wait_for_function("() => window.__opened.length > 0")
    return page.evaluate("window.__opened.at(-1)")


def test_a_whole_visit_sends_no_request_off_the_machine(server):
    with phone_browser() as (context, guard):
        context.add_init_script(OPENED + CSP_LOG)
        page = open_app(context, server.url)
        assert call_for_a_bladder_sign(page) == "tel:999"
        page.wait_for_timeout(1000)
        # The client's rive probe now asks this server's stub: no address off the machine is even tried.
        assert page.evaluate("window.__csp") == []
        assert guard.blocked == [] and guard.tolerated == [], f"requests left 127.0.0.1: {guard.blocked}"


def test_off_loopback_the_printed_link_opens_a_working_app(tmp_path):
    with AppServer(tmp_path, args=("--host", "0.0.0.0")) as srv:
        line = srv.printed()
        token = urlsplit(line[line.index("http"):]).query
        with phone_browser() as (context, guard):
            context.add_init_script(OPENED)
            page = open_app(context, f"{srv.url}/?{token}")
            assert "token" not in page.url
            assert call_for_a_bladder_sign(page) == "tel:999"
            assert guard.blocked == []
