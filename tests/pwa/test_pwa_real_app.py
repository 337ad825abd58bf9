"""The real Spasm SOS app, built as production builds it, boots offline and keeps its log."""

from __future__ import annotations

from browser import enable_semantics, phone_browser, shot, text
from pwa_support import first_visit, off_host, record_requests, reopen_offline


def test_real_app_boots_offline_and_keeps_a_logged_spasm(real_dist, served):
    server = served(real_dist.out)
    with phone_browser() as (context, guard):
        requests = record_requests(context)
        page = first_visit(context, server)
        enable_semantics(page)
        page.get_by_role("tab", name="Log").click(timeout=60_000)
        page.get_by_role("button", name="I'm having a spasm").click()
        page.get_by_role("button", name="Pain 7").click()
        text(page, "last: 7").first.wait_for(timeout=30_000)

        reopen_offline(context, page, server)
        enable_semantics(page)
        page.get_by_role("tab", name="Log").click(timeout=60_000)
        text(page, "Spasm in progress").first.wait_for(timeout=30_000)
        assert text(page, "last: 7").count() >= 1
        page.get_by_role("button", name="SOS", exact=True).click()
        page.get_by_role("checkbox", name="Leaking pee or lost control of your bladder").click()
        page.get_by_role("button", name="Call 999 now").click()
        page.get_by_role("button", name="Call 999", exact=True).wait_for(timeout=30_000)
        shot(page, "pwa-real-sos")
        assert guard.blocked == []
        # the one tap on "Call 999 now" asks the phone to dial: the only address off this host
        assert off_host(requests, server.port) == ["tel:999"]
