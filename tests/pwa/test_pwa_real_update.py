"""The real app's service worker updates from v1 to v2 in place, and the log in IndexedDB stays."""

from __future__ import annotations

import shutil

from browser import enable_semantics, phone_browser, text
from pwa_support import first_visit, wait_app_ready

DATABASES = "async () => (await indexedDB.databases()).map((d) => d.name)"


def as_v2(site, version: str) -> str:
    """The same build under a new version: what a redeploy changes for the worker and its cache.

    A second real build takes 1-2 minutes; a new build differs to the browser only in sw.js (its
    VERSION names the cache), which the update check compares byte for byte.
    """
    sw = site / "sw.js"
    old = f'const VERSION = "{version}";'
    assert old in sw.read_text()
    sw.write_text(sw.read_text().replace(old, f'const VERSION = "{version}-v2";'))
    return f"{version}-v2"


def test_update_to_v2_keeps_the_logged_spasm(real_dist, served, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(real_dist.out, site)
    server = served(site)
    with phone_browser() as (context, guard):
        page = first_visit(context, server)
        enable_semantics(page)
        page.get_by_role("tab", name="Log").click(timeout=60_000)
        page.get_by_role("button", name="I'm having a spasm").click()
        page.get_by_role("button", name="Pain 7").click()
        text(page, "last: 7").first.wait_for(timeout=30_000)
        assert page.evaluate(DATABASES), "the log lives in IndexedDB"

        v2 = as_v2(site, real_dist.version)
        page.reload()
        page.locator("#update").wait_for(state="visible", timeout=120_000)
        with page.expect_event("load", timeout=60_000):
            page.locator("#update button").click()
        wait_app_ready(page)
        assert page.evaluate("() => caches.keys()") == [f"spasm-sos-{v2}"], "v2's cache only"
        enable_semantics(page)
        page.get_by_role("tab", name="Log").click(timeout=60_000)
        text(page, "Spasm in progress").first.wait_for(timeout=30_000)
        assert text(page, "last: 7").count() >= 1
        assert guard.blocked == []
