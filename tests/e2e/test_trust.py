"""Failing storage never takes SOS down, tabs share one log, and delete-all leaves nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from app.ui.session import DELETED
from tests.browser import ROOT, steady
from tests.e2e.conftest import Server, open_app, reveal, shot, text


def sos_still_calls(page) -> None:
    page.get_by_role("button", name="SOS", exact=True).click()
    # the first sign is a call-now sign: its tick turns the bottom action into the call
    sign, check = page.get_by_role("checkbox").first, page.get_by_role("button", name="Call 999 now")
    for _ in range(3):  # a tap can land while the banner above still moves the list: tap again
        if sign.get_attribute("aria-checked") != "true":
            steady(page, sign).click()
        try:  # the count on the button comes back from the server
            check.wait_for(timeout=8_000)
            break
        except PlaywrightTimeout:
            continue
    expect(sign).to_be_checked()
    check.click()  # one tap dials and shows the emergency screen
    page.get_by_role("button", name="Call 999", exact=True).wait_for()
    assert page.evaluate("window.__opened") == ["tel:999"]


def test_two_tabs_see_each_others_entries_within_a_second(server, browser_context):
    context, _ = browser_context
    first, second = open_app(context, server.url), open_app(context, server.url)
    for page in (first, second):
        page.get_by_role("tab", name="Log").click()
    first.get_by_role("button", name="I'm having a spasm").click()
    first.get_by_role("button", name="Pain 6").click()
    t0 = time.monotonic()
    text(second, "last: 6").first.wait_for(timeout=5000)
    assert time.monotonic() - t0 < 1.5
    reveal(second, second.get_by_role("button", name="End this episode")).click()
    text(first, "I'm having a spasm").first.wait_for(timeout=5000)
    first.close()
    second.close()


def test_log_path_that_is_a_folder_leaves_sos_working(tmp_path, browser_context):
    (tmp_path / "episodes.json").mkdir()
    with Server(tmp_path) as srv:
        page = open_app(browser_context[0], srv.url)
        text(page, "could not be opened").first.wait_for()
        text(page, "not being saved").first.wait_for()
        sos_still_calls(page)
        page.close()


@pytest.fixture
def full_disk(tmp_path):
    """A 64 KiB tmpfs, filled up (needs root, as CI has)."""
    mount = tmp_path / "full"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 1024):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_says_not_saved_offers_export_and_sos_works(full_disk, browser_context):
    with Server(full_disk) as srv:
        page = open_app(browser_context[0], srv.url)
        page.get_by_role("tab", name="Log").click()
        page.get_by_role("button", name="I'm having a spasm").click()
        text(page, "Not saved").first.wait_for()
        text(page, "Spasm in progress").first.wait_for()  # what was entered is still on screen
        page.get_by_role("button", name="Export now").wait_for()
        shot(page, "trust-not-saved")
        sos_still_calls(page)
        page.close()
    assert not (full_disk / "episodes.json").exists()


def test_a_second_server_on_the_same_log_says_who_holds_it(server):
    second = subprocess.run([sys.executable, "main.py", "--port", "1"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60,
                            env={**os.environ, "FLET_APP_STORAGE_DATA": str(server.data_dir)})
    assert second.returncode != 0
    assert f"process {server.proc.pid}" in second.stderr


def test_delete_all_leaves_nothing_of_the_person_in_storage(tmp_path, browser_context):
    (tmp_path / "episodes.json").write_text('{"broken": "private words"}')
    with Server(tmp_path) as srv:
        page = open_app(browser_context[0], srv.url)
        page.get_by_role("button", name="Dismiss message").click()
        page.get_by_role("tab", name="Log").click()
        page.get_by_role("button", name="I'm having a spasm").click()
        page.get_by_role("button", name="Pain 8").click()
        text(page, "last: 8").first.wait_for()
        page.get_by_role("button", name="Settings").click()
        reveal(page, page.get_by_role("button", name="Delete all my data")).click()
        reveal(page, text(page, "1 unreadable earlier copy")).wait_for()
        reveal(page, page.get_by_role("button", name="Yes, delete everything")).click()
        text(page, DELETED).first.wait_for()
        shot(page, "delete-all-done")
        page.close()
    left = {p.name: p.read_text(errors="replace") for p in tmp_path.iterdir() if p.is_file()}
    assert not [n for n in left if ".corrupt-" in n]
    assert all("private" not in t and '"score"' not in t for t in left.values()), left
