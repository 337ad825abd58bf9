"""On the wire: a first visit downloads each file once, counted by `python -m app.pwa serve` itself."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from browser import ARGS, CHROMIUM, PHONE, free_port, require_chromium
from pwa_support import first_visit, off_host, record_requests

from app.pwa.build import PROJECT

ACCESS = re.compile(r'"GET (\S+) HTTP/[\d.]+" (\d{3}) (\d+)')


def served_log(dist: Path, visit) -> list[tuple[str, int, int]]:
    """Run the serve command on dist while `visit(url)` runs; (path, status, body bytes) it sent."""
    port = free_port()
    log = dist.parent / f"serve-{port}.log"
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "app.pwa", "serve", str(dist), "--port", str(port)],
                                cwd=PROJECT, stdout=subprocess.PIPE, stderr=err, text=True)
        try:
            assert "http://127.0.0.1" in proc.stdout.readline()
            visit(f"http://127.0.0.1:{port}/")
        finally:
            proc.terminate()
            proc.wait(10)
    return [(m[1].split("?")[0], int(m[2]), int(m[3])) for m in ACCESS.finditer(log.read_text())]


@contextmanager
def cached_phone_browser():
    """A phone on a real profile, its HTTP cache on disk, as a phone has it.

    Playwright turns the HTTP cache off for a context with routes, so this one has none: the host
    resolver refuses every name but 127.0.0.1, and the caller checks what was asked for.
    """
    from playwright.sync_api import sync_playwright

    require_chromium()
    block = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    with tempfile.TemporaryDirectory(prefix="pwa-profile-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM,
                                                        args=[*ARGS, block], headless=True, **PHONE)
        try:
            yield context
        finally:
            context.close()


def site_bytes(dist: Path) -> int:
    return sum(p.stat().st_size for p in dist.rglob("*") if p.is_file())


def test_a_first_visit_downloads_each_file_once(fixture_dist):
    dist = fixture_dist.out

    def visit(url: str) -> None:
        with cached_phone_browser() as context:
            requests = record_requests(context)
            first_visit(context, SimpleNamespace(url=url))  # until the worker has precached and controls
            assert off_host(requests, int(url.split(":")[2].strip("/"))) == []

    sent = served_log(dist, visit)
    full = Counter(path for path, status, _ in sent if status == 200)
    assert {path for path, n in full.items() if n > 1} == set(), f"downloaded twice: {full.most_common(5)}"
    assert not [s for s in sent if s[1] >= 400], "every request answered"
    total, site = sum(size for _, _, size in sent), site_bytes(dist)
    assert total <= 1.05 * site, f"{total / 1e6:.1f} MB sent for a {site / 1e6:.1f} MB site"
