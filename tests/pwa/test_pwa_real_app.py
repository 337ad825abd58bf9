"""The real Spasm SOS app, built with pydantic's Pyodide wheels, boots offline after one visit."""

from __future__ import annotations

from browser import phone_browser
from pwa_support import first_aid_visible, off_host, record_requests, wait_app_ready, wait_controlled


def test_real_app_boots_offline(real_dist, served):
    server = served(real_dist.out)
    with phone_browser() as (context, guard):
        requests = record_requests(context)
        page = context.new_page()
        page.goto(server.url)
        wait_controlled(page)
        wait_app_ready(page)
        context.set_offline(True)
        server.stop()
        page.reload(wait_until="domcontentloaded")
        assert first_aid_visible(page)
        wait_app_ready(page)
        assert guard.blocked == []
        assert off_host(requests, server.port) == []
