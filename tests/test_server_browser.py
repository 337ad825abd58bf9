"""A phone's visit to server mode: a clean console, a small first download, a token link from elsewhere."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser import AppServer, phone_browser
from tests.e2e.conftest import OPENED, open_app, reveal

pytestmark = pytest.mark.xdist_group("server-browser")
CSP_LOG = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
           "(e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
FIRST_LOAD_BUDGET = 6_000_000  # bytes on the wire; Flet's own serving sent 14.5 MB


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with AppServer(tmp_path_factory.mktemp("data")) as srv:
        yield srv


def call_from_sos(page) -> str:
    """SOS, then its call button: the number the phone would dial."""
    page.get_by_role("button", name="SOS", exact=True).click()
    reveal(page, page.get_by_role("checkbox", name="Leaking pee or lost control of your bladder")).click()
    page.get_by_role("button", name="Call 999").first.click()
    page.wait_for_function("() => window.__opened.length > 0")
    return page.evaluate("window.__opened.at(-1)")


def test_a_whole_visit_logs_no_console_error_and_sos_still_calls(server):
    with phone_browser() as (context, guard):
        context.add_init_script(OPENED + CSP_LOG)
        troubles: list[str] = []
        asked: list[str] = []
        context.on("console", lambda m: m.type in ("error", "warning")
                   and troubles.append(f"{m.type}: {m.text}"))
        context.on("weberror", lambda e: troubles.append(f"page error: {e.error}"))
        context.on("requestfailed", lambda r: troubles.append(f"failed: {r.url} {r.failure}"))
        context.on("request", lambda r: asked.append(urlsplit(r.url).path))
        page = open_app(context, server.url)
        assert page.title() == "Spasm SOS"
        assert call_from_sos(page) == "tel:999"
        page.wait_for_timeout(1500)  # late requests (fonts, the rive probe) have been made by now
        assert troubles == [], troubles
        assert page.evaluate("window.__csp") == []
        assert guard.blocked == [] and guard.tolerated == [], guard.blocked
        assert any(p.endswith("/wasm/rive_native.js") for p in asked), "the client no longer asks for rive"


def test_the_first_visit_downloads_a_third_of_what_flet_sends(server):
    with phone_browser() as (context, _):
        sizes: list[tuple[str, int]] = []

        def count(request) -> None:
            sent = request.sizes()
            sizes.append((urlsplit(request.url).path, sent["responseBodySize"] + sent["responseHeadersSize"]))

        context.on("requestfinished", count)
        page = open_app(context, server.url)
        page.wait_for_timeout(1500)
        total = sum(n for _, n in sizes)
        print(f"\nfirst load of /: {total:,} bytes in {len(sizes)} responses")
        for path, n in sorted(sizes, key=lambda s: -s[1])[:6]:
            print(f"  {n:>10,}  {path}")
        assert total <= FIRST_LOAD_BUDGET
        assert not [p for p, _ in sizes if "katex" in p.lower() or "cupertino" in p.lower()]


def test_a_token_link_opened_from_another_site_opens_the_app(tmp_path):
    with AppServer(tmp_path, args=("--host", "0.0.0.0")) as srv:
        line = srv.printed()
        link = f"{srv.url}/?{urlsplit(line[line.index('http'):]).query}"
        with phone_browser() as (context, guard):
            context.add_init_script(OPENED)
            elsewhere = "http://localhost:9/note"  # another site: a chat or a note holding the link
            context.route(elsewhere, lambda route: route.fulfill(
                content_type="text/html", body=f'<a id="go" href="{link}" style="font-size:40px">Open</a>'))
            page = context.new_page()
            page.goto(elsewhere)
            with page.expect_navigation(url=f"{srv.url}/"):
                page.click("#go")
            assert "token" not in page.url
            assert "Open the link with its token" not in page.content()
            page.close()
            page = open_app(context, f"{srv.url}/")
            assert call_from_sos(page) == "tel:999"
            assert guard.blocked == []


def test_chromium_would_install_server_mode_as_spasm_sos(server):
    with phone_browser() as (context, _):
        page = open_app(context, server.url)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert not manifest.get("errors"), manifest["errors"]
        parsed = manifest.get("manifest") or {}
        assert parsed.get("name") == "Spasm SOS", parsed
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        # Playwright's contexts are incognito, which alone keeps Chromium from offering to install.
        assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
