"""On the wire: a first visit downloads each file once, counted by `python -m app.pwa serve` itself."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
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
            _settled(log)  # the server logs after the body leaves: let the last line land
        finally:
            proc.terminate()
            proc.wait(10)
    return [(m[1].split("?")[0], int(m[2]), int(m[3])) for m in ACCESS.finditer(log.read_text())]


def _settled(log: Path, quiet: float = 0.3, limit: float = 5.0) -> None:
    """Wait until the log has stopped growing for `quiet` seconds (at most `limit`)."""
    size, since, start = -1, time.monotonic(), time.monotonic()
    while time.monotonic() - start < limit:
        now = log.stat().st_size
        if now != size:
            size, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        time.sleep(0.05)


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


def test_the_serve_command_lets_a_browser_check_its_copy_instead_of_downloading_it_again(tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("<!doctype html><title>Spasm SOS</title>")
    (dist / "sw.js").write_text("// worker")
    client = dist / "main.dart.js"
    client.write_bytes(b"x" * 5000)

    def get(url: str, tag: str | None = None) -> tuple[int, str]:
        request = urllib.request.Request(url, headers={"If-None-Match": tag} if tag else {})
        try:
            with urllib.request.urlopen(request, timeout=10) as resp:
                assert resp.headers["Last-Modified"]
                return resp.status, resp.headers["ETag"]
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers["ETag"]

    def visit(url: str) -> None:
        status, tag = get(url + "main.dart.js")
        assert status == 200 and tag
        assert get(url + "main.dart.js", tag) == (304, tag), "an unchanged file: 304, no body"
        client.write_bytes(b"y" * 6000)
        status, changed = get(url + "main.dart.js", tag)
        assert status == 200 and changed != tag, "a rebuilt file is sent again"

    # each line is logged once its body has left, so two quick replies can log in either order
    assert sorted(served_log(dist, visit)) == [("/main.dart.js", 200, 5000), ("/main.dart.js", 200, 6000),
                                               ("/main.dart.js", 304, 0)]
