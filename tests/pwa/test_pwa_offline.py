"""The built fixture app works offline after one visit, keeps its data, and updates in place."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from browser import enable_semantics, phone_browser
from flet_web import get_package_web_dir
from PIL import Image
from pwa_support import (
    first_aid_visible,
    first_visit,
    off_host,
    record_requests,
    reopen_offline,
    wait_app_ready,
)

NOTICES = """async () => { const r = await fetch('assets/NOTICES');
    return r.ok ? (await r.text()).slice(0, 200) : r.status; }"""
NOTICES_HEAD = (Path(get_package_web_dir()) / "assets" / "NOTICES").read_text(encoding="utf-8")[:200]


def _ink(page, label: str) -> float:
    """Share of dark pixels in the box of the element with this accessible label."""
    box = page.get_by_text(label, exact=True).bounding_box()
    shot = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("L")
    return sum(shot.histogram()[:128]) / (shot.width * shot.height)


def _log_once(page, expected_after: int) -> None:
    page.get_by_role("button", name="Log a spasm").click()
    page.get_by_text(f"Logged {expected_after}").wait_for(timeout=30_000)


def test_offline_reload_keeps_first_aid_app_and_data(fixture_dist, served):
    server = served(fixture_dist.out)
    with phone_browser() as (context, guard):
        requests = record_requests(context)
        page = first_visit(context, server)
        enable_semantics(page)
        _log_once(page, 1)

        reopen_offline(context, page, server)
        enable_semantics(page)
        page.get_by_text("Logged 1").wait_for(timeout=30_000)
        page.get_by_text("Deep module loaded").wait_for(timeout=30_000)  # a path needing PAX headers
        _log_once(page, 2)
        assert page.evaluate(NOTICES) == NOTICES_HEAD, "Flutter's licence file, inflated by the worker"
        assert _ink(page, "Relief icon") > 0.15, "the icon's glyph survived the font subset"
        assert guard.blocked == []
        assert off_host(requests, server.port) == []


def test_update_v1_to_v2_keeps_data(fixture_dist, fixture_dist_v2, served, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(fixture_dist.out, site)
    server = served(site)
    with phone_browser() as (context, guard):
        page = first_visit(context, server)
        enable_semantics(page)
        _log_once(page, 1)

        shutil.rmtree(site)
        shutil.copytree(fixture_dist_v2.out, site)
        page.reload()
        page.locator("#update").wait_for(state="visible", timeout=120_000)
        enable_semantics(page)
        page.get_by_text("Fixture v1").wait_for(timeout=120_000)
        with page.expect_event("load", timeout=60_000):
            page.locator("#update button").click()
        wait_app_ready(page)
        enable_semantics(page)
        page.get_by_text("Fixture v2").wait_for(timeout=30_000)
        page.get_by_text("Logged 1").wait_for(timeout=30_000)
        caches = page.evaluate("() => caches.keys()")
        assert caches == [f"spasm-sos-{fixture_dist_v2.version}"]
        assert guard.blocked == []


def test_first_aid_stays_when_boot_fails(fixture_dist, served, tmp_path):
    site = tmp_path / "broken"
    shutil.copytree(fixture_dist.out, site)
    (site / "app.tar.gz").write_bytes(b"not an archive")
    server = served(site)
    with phone_browser() as (context, _guard):
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_function(
            "() => document.getElementById('fa-status').textContent.includes('could not start')",
            timeout=120_000)
        assert first_aid_visible(page)
        assert page.locator("a[href='tel:999']").is_visible()
