"""The real Spasm SOS app, built with pydantic's Pyodide wheels, boots offline after one visit."""

from __future__ import annotations

from browser import phone_browser
from pwa_support import first_visit, off_host, record_requests, reopen_offline


def test_real_app_boots_offline(real_dist, served):
    server = served(real_dist.out)
    with phone_browser() as (context, guard):
        requests = record_requests(context)
        page = first_visit(context, server)
        reopen_offline(context, page, server)
        assert guard.blocked == []
        assert off_host(requests, server.port) == []
