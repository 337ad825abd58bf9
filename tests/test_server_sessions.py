"""Closed tabs stop costing: their sessions stop redrawing, and connections that never register end.

The probes run the real app in a child process (`python tests/test_server_sessions.py probe ...`),
so Flet's session registry and the log can be looked at from inside without sharing this process.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.xdist_group("server-sessions")


def probe(*args: str) -> dict:
    """Run this file as a probe in its own process, with its own storage; returns what it printed."""
    with tempfile.TemporaryDirectory() as data:
        done = subprocess.run([sys.executable, __file__, "probe", *args], cwd=ROOT, capture_output=True,
                              text=True, timeout=300, env={**os.environ, "FLET_APP_STORAGE_DATA": data})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_closed_tab_is_marked_disconnected_and_no_longer_redrawn():
    # Each client registers, and leaves while the app is still sending it the first page.
    found = probe("closed", "40")
    assert found["sessions"] == 40
    assert found["still_connected"] == 0, found  # Flet kept these attached, and redrew them, for good
    assert found["expiring"] == 40
    # Five changes to the log with forty closed tabs cost what they cost with none.
    assert found["cpu_5_changes"] < 0.25, found


def test_connections_that_leave_before_registering_leave_nothing_behind():
    found = probe("aborted", "30")
    assert found["handlers_alive"] == 0, found


def test_a_connection_that_never_registers_is_closed():
    found = probe("silent")
    assert found["closed_by_server"] and found["code"] == 1008, found


@pytest.mark.skipif(os.environ.get("SPASM_SOAK") != "1", reason="soak: set SPASM_SOAK=1")
def test_soak_2000_aborted_websockets_keep_memory_within_ten_percent():
    found = probe("soak", "2000")
    print(f"\nsoak: RSS {found['rss_before']:.1f} MB -> {found['rss_after']:.1f} MB after 2,000 aborted "
          f"WebSocket connections ({found['seconds']:.0f} s)")
    assert found["rss_after"] <= 1.10 * found["rss_before"], found


# ---- the probe, run in a child process -------------------------------------------------------------

def _rss() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


class _Served:
    """The real app behind the real guard, under uvicorn on a free port, in a thread of this process."""

    def __init__(self) -> None:
        import logging

        import uvicorn

        from app.server import Site, build_app
        from app.ui.app import main
        from main import ASSETS
        from tests.browser import free_port

        logging.disable(logging.ERROR)  # Flet logs a traceback for every frame it cannot decode
        self.port = free_port()
        self.uri, self.origin = f"ws://127.0.0.1:{self.port}/ws", f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(build_app(main, Site("127.0.0.1", self.port), ASSETS), port=self.port,
                                host="127.0.0.1", ws="websockets-sansio", log_level="critical")
        self.server = uvicorn.Server(config)
        threading.Thread(target=self.server.run, daemon=True).start()
        deadline = time.monotonic() + 30
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)

    def connect(self):
        from websockets.sync.client import connect

        return connect(self.uri, origin=self.origin, open_timeout=10, close_timeout=2)

    def register(self, ws) -> None:
        import msgpack

        ws.send(b"\x00" + msgpack.packb([1, {"session_id": "", "page_name": "", "page": {"route": "/log"}}]))
        ws.recv(timeout=30)

    def abort(self, count: int) -> None:
        for i in range(count):
            with self.connect() as ws:
                if i % 2:
                    ws.send(b"\x00\xc1 not msgpack")


def _sessions() -> list:
    from flet_web.fastapi.flet_app_manager import app_manager

    return list(app_manager._FletAppManager__sessions.values())


def _handlers_alive() -> int:
    from flet_web.fastapi.flet_app import FletApp

    gc.collect()
    return sum(isinstance(o, FletApp) for o in gc.get_objects())


def _changes_cpu(count: int) -> float:
    """CPU seconds this process spends on `count` pain scores saved to the log."""
    from app.domain.episode import Episode, PainReading
    from app.ui.app import file_log

    log = file_log()
    episode = Episode(start=datetime.now(UTC) - timedelta(minutes=5))
    log.add(episode)
    time.sleep(1)
    start = time.process_time()
    for _ in range(count):
        episode = log.get(episode.id)
        log.update(episode.model_copy(update={"pain": [*episode.pain, PainReading(at=datetime.now(UTC),
                                                                                  score=5)]}))
        time.sleep(0.3)
    time.sleep(1)
    return time.process_time() - start


def _probe(kind: str, count: int) -> dict:
    served = _Served()
    with served.connect() as ws:  # one whole visit first: the app's modules and caches are loaded
        served.register(ws)
        time.sleep(1)
    time.sleep(1)
    if kind == "closed":
        for _ in range(count):
            with served.connect() as ws:
                served.register(ws)  # and leave at once, while the first page is still being sent
        time.sleep(3)
        sessions = _sessions()[1:]
        return {"sessions": len(sessions),
                "still_connected": sum(s.connection is not None for s in sessions),
                "expiring": sum(s.expires_at is not None for s in sessions),
                "cpu_5_changes": round(_changes_cpu(5), 3)}
    if kind == "aborted":
        served.abort(count)
        time.sleep(4)
        return {"handlers_alive": _handlers_alive()}
    if kind == "silent":
        from websockets.exceptions import ConnectionClosed

        from app.server_sessions import REGISTER_TIMEOUT

        with served.connect() as ws:
            try:
                ws.recv(timeout=REGISTER_TIMEOUT + 5)
                return {"closed_by_server": False}
            except ConnectionClosed as closed:
                return {"closed_by_server": True, "code": closed.rcvd.code if closed.rcvd else None}
            except TimeoutError:
                return {"closed_by_server": False}
    if kind == "soak":
        time.sleep(2)
        before, t0 = _rss(), time.monotonic()
        served.abort(count)
        time.sleep(5)
        return {"rss_before": before, "rss_after": _rss(), "seconds": time.monotonic() - t0}
    raise SystemExit(f"unknown probe {kind}")


if __name__ == "__main__" and sys.argv[1:2] == ["probe"]:
    sys.path.insert(0, str(ROOT))
    import warnings

    warnings.simplefilter("ignore")
    result = _probe(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    print(json.dumps(result), flush=True)
    os._exit(0)  # the server thread is a daemon; nothing to tidy in a probe
