"""Issue 19, finding 4: a file over the import limit gets a clear message, the tab stays alive, and
SOS still calls; a big export the app made (gzipped) comes back in through the same button.

Before, a picked file travelled whole inside one WebSocket message: at 19 MB the server closed the
connection (1009, over 16 MiB), the client reconnected, and the tab ignored every tap, SOS included.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from tests.browser import AppServer
from tests.e2e.conftest import open_app, reveal, shot, text
from tests.e2e.test_network import call_for_a_bladder_sign

MIB = 1024 * 1024


def _pick(page, path) -> float:
    """Tap Import JSON and choose `path`; returns the time the file was chosen."""
    with page.expect_file_chooser() as chooser:
        reveal(page, page.get_by_role("button", name="Import JSON")).click()
    chooser.value.set_files(str(path))
    return time.perf_counter()


def _too_big(tmp_path):
    big = tmp_path / "huge.json"
    with big.open("w") as f:  # a JSON file of 19 MiB: well over the 16 MiB a WebSocket message carries
        f.write('{"format": "spasm-sos-export", "version": 1, "episodes": [], "padding": "')
        f.write("x" * (19 * MIB - f.tell() - 2))
        f.write('"}')
    assert big.stat().st_size == 19 * MIB
    return big


def test_a_19_mb_import_is_refused_with_a_message_and_sos_still_calls(app, tmp_path):
    app.get_by_role("tab", name="Log").click()
    t0 = _pick(app, _too_big(tmp_path))
    text(app, "Nothing was imported: the file is 19.0 MB").first.wait_for(timeout=20_000)
    print(f"19 MiB file refused on screen {time.perf_counter() - t0:.2f} s after the pick")
    shot(app, "import-too-big")
    assert text(app, "the app can import files up to 15.0 MB").count() >= 1

    # the tab is alive: the Log still answers a tap, and SOS still dials in the same tap
    reveal(app, text(app, "History (")).wait_for()
    t0 = time.perf_counter()
    assert call_for_a_bladder_sign(app) == "tel:999"
    print(f"SOS -> sign -> Call 999 now launched tel: in {time.perf_counter() - t0:.2f} s")


def _export_of(n: int) -> bytes:
    """What the app's own Export JSON makes of a log of n episodes (gzipped once that big)."""
    from app.store import EpisodeLog, MemoryBackend
    from app.store.transfer import export_json_file

    t0 = datetime(2020, 1, 1, tzinfo=UTC)
    rows = {}
    for i in range(n):
        start = t0 + timedelta(hours=6 * i)
        rows[str(i + 1)] = {
            "id": f"big{i:06d}", "start": start.isoformat(), "end": (start + timedelta(hours=2)).isoformat(),
            "pain": [{"at": (start + timedelta(minutes=m)).isoformat(), "score": s}
                     for m, s in ((0, 8), (30, 6), (90, 3))],
            "triggers": ["lifting"], "helped": ["ice-pack"], "notes": f"woke up stiff, day {i}",
            "updated_at": start.isoformat()}
    log = EpisodeLog(MemoryBackend(json.dumps(
        {"format": "spasm-sos-log", "schema": 2, "tables": {"episodes": rows}})))
    assert len(log) == n
    exported = export_json_file(log)
    assert exported.importable
    return exported.data


def test_after_a_refused_file_a_big_export_the_app_made_imports_back(app, tmp_path):
    n = 50_000
    export = tmp_path / "spasm-sos-big.json.gz"
    export.write_bytes(_export_of(n))
    assert export.read_bytes()[:2] == b"\x1f\x8b"  # plain JSON would be over the limit: gzipped
    print(f"export of {n} episodes: {export.stat().st_size / MIB:.2f} MiB gzipped")

    app.get_by_role("tab", name="Log").click()
    _pick(app, _too_big(tmp_path))
    text(app, "Nothing was imported: the file is 19.0 MB").first.wait_for(timeout=20_000)
    t0 = _pick(app, export)
    text(app, f"Imported {n} episodes").first.wait_for(timeout=120_000)
    print(f"{n} episodes imported and shown {time.perf_counter() - t0:.2f} s after the pick")
    assert call_for_a_bladder_sign(app) == "tel:999"


def test_off_loopback_the_upload_carries_the_token_cookie_and_the_import_lands(browser_context, tmp_path):
    """With a non-loopback --host every request needs the token's cookie, the upload's PUT included."""
    export = tmp_path / "spasm-sos-two.json"
    export.write_bytes(_export_of(2))
    context, guard = browser_context
    with AppServer(tmp_path / "data", args=("--host", "0.0.0.0")) as srv:
        line = srv.printed()
        token = urlsplit(line[line.index("http"):]).query
        page = open_app(context, f"{srv.url}/?{token}")
        page.get_by_role("tab", name="Log").click()
        _pick(page, _too_big(tmp_path))
        text(page, "Nothing was imported: the file is 19.0 MB").first.wait_for(timeout=20_000)
        _pick(page, export)
        text(page, "Imported 2 episodes").first.wait_for(timeout=30_000)
        assert guard.blocked == []
        page.close()
