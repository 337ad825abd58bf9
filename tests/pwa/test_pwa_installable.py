"""Chromium itself finds the real build installable: no installability errors, a clean manifest."""

from __future__ import annotations

from browser import enable_semantics
from pwa_support import first_visit, installable_phone_browser, wait_app_ready

SHORTCUT_SCREENS = {  # where each manifest shortcut must land, by a control only that screen has
    "now": ("button", "Close the guide"),
    "sos": ("button", "None of these"),
    "log": ("button", "I'm having a spasm"),
}


def test_chromium_reports_the_real_build_installable_standalone_at_root(real_dist, served):
    server = served(real_dist.out)
    with installable_phone_browser() as (context, guard):
        page = first_visit(context, server)
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        answer = cdp.send("Page.getAppManifest")
        assert answer["url"] == server.url + "manifest.json"
        assert answer["errors"] == [], "the manifest parses without warnings"
        manifest = answer["manifest"]
        assert manifest["display"] == "kStandalone"
        assert manifest["startUrl"] == manifest["scope"] == manifest["id"] == server.url
        shortcuts = {s["url"].removeprefix(server.url): s["name"] for s in manifest["shortcuts"]}
        assert set(shortcuts) == set(SHORTCUT_SCREENS)
        for route, (role, name) in SHORTCUT_SCREENS.items():
            page.goto(server.url + route)
            wait_app_ready(page)
            enable_semantics(page)
            page.get_by_role(role, name=name).first.wait_for(timeout=60_000)
        assert guard.blocked == []
