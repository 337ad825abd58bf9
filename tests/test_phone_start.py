"""main.py starts as a phone build starts it: Flet's socket transport, FLET_APP_STORAGE_DATA, no browser.

`flet build apk|ipa` runs main.py inside the app with FLET_PLATFORM set and the Flutter client on
the other end of a socket. Here a small stand-in plays the Flutter client: it registers a phone's
page, reads what the app draws and taps controls by id, as the client would.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import msgpack
import pytest
from flet.messaging.protocol import MessageAction, decode_ext_from_msgpack

ROOT = Path(__file__).resolve().parents[1]
# Browser-only (Pyodide's bridge to JavaScript) and server-only (the local web server) modules.
NOT_ON_A_PHONE = ("js", "pyodide", "pyodide_js", "flet_web", "uvicorn", "fastapi", "app.server")

LAUNCH = """
import runpy, sys
watched, report = sys.argv[1].split(","), sys.argv[2]

class Watch:
    def find_spec(self, name, path=None, target=None):
        if any(name == w or name.startswith(w + ".") for w in watched):
            with open(report, "a") as f:
                f.write(name + "\\n")
        return None

sys.meta_path.insert(0, Watch())
sys.argv = ["main.py"]
runpy.run_path("main.py", run_name="__main__")
"""


class FlutterStandIn:
    """The Flutter client's side of Flet's socket protocol: 4-byte length, type 0, msgpack frame."""

    def __init__(self, path: str, proc: subprocess.Popen, output: Path, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not os.path.exists(path):
            assert proc.poll() is None, f"main.py stopped ({proc.returncode}): {output.read_text()}"
            assert time.monotonic() < deadline, "main.py never opened Flet's socket"
            time.sleep(0.05)
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(path)
        self.controls: dict[int, dict] = {}  # every control seen, by id, as last sent
        self.strings: list[str] = []

    def send(self, action: MessageAction, body: dict) -> None:
        frame = b"\x00" + msgpack.packb([action.value, body])
        self.sock.sendall(len(frame).to_bytes(4, "little") + frame)

    def _exactly(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("the app closed the socket")
            data += chunk
        return data

    def read_until(self, done, timeout: float = 30) -> None:
        """Read what the app sends until done() holds; fail after timeout seconds."""
        deadline = time.monotonic() + timeout
        while not done():
            left = deadline - time.monotonic()
            assert left > 0, "the app did not get there in time"
            self.sock.settimeout(left)
            try:
                frame = self._exactly(int.from_bytes(self._exactly(4), "little"))
            except TimeoutError:
                continue
            if frame[0] == 0:
                self._index(msgpack.unpackb(frame[1:], ext_hook=decode_ext_from_msgpack,
                                            strict_map_key=False))

    def _index(self, value) -> None:
        if isinstance(value, dict):
            if "_i" in value and "_c" in value:
                self.controls[value["_i"]] = value
            for item in value.values():
                self._index(item)
        elif isinstance(value, list):
            for item in value:
                self._index(item)
        elif isinstance(value, str):
            self.strings.append(value)

    def find(self, kind: str, says: str) -> int | None:
        """The id of the last drawn control of this kind with this text (or label) inside it."""
        found = [i for i, c in self.controls.items() if c["_c"] == kind and says in _texts(c)]
        return found[-1] if found else None

    def tap(self, control_id: int) -> None:
        self.send(MessageAction.CONTROL_EVENT, {"target": control_id, "name": "click", "data": None})


def _texts(value) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


def saved_guide(log: Path) -> str | None:
    """The guide's stage as the log file holds it (the file is replaced whole, never half written)."""
    if not log.is_file():
        return None
    settings = json.loads(log.read_text(encoding="utf-8"))["tables"].get("settings", {})
    return next((row["guide"]["stage"] for row in settings.values() if row.get("guide")), None)


@pytest.fixture
def phone(tmp_path):
    """main.py as the Android build runs it, with a stand-in Flutter client connected."""
    data, report, output = tmp_path / "app-data", tmp_path / "imports.txt", tmp_path / "output.txt"
    with tempfile.TemporaryDirectory(prefix="sos") as short:  # a socket path has ~100 bytes at most
        sock = os.path.join(short, "flet.sock")
        env = {k: v for k, v in os.environ.items() if not k.startswith("FLET_")}
        env.update(FLET_PLATFORM="android", FLET_APP_STORAGE_DATA=str(data), FLET_SERVER_UDS_PATH=sock)
        env.pop("DISPLAY", None)
        with output.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-c", LAUNCH, ",".join(NOT_ON_A_PHONE), str(report)],
                                    cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            client = FlutterStandIn(sock, proc, output)
            client.send(MessageAction.REGISTER_CLIENT, {"session_id": "", "page_name": "", "page": {
                "route": "/", "platform": "android", "web": False, "pyodide": False,
                "width": 390, "height": 844}})
            yield client, data, report
        finally:
            proc.kill()
            proc.wait(timeout=10)


def test_the_phone_start_keeps_the_log_in_the_apps_storage_and_nothing_of_the_browser(phone):
    client, data, report = phone
    client.read_until(lambda: client.find("Button", "Help me now") is not None)
    assert (data / "episodes.json.lock").is_file(), "the log is held in FLET_APP_STORAGE_DATA"

    client.tap(client.find("Button", "Help me now"))  # the guide saves where it is at once
    log = data / "episodes.json"
    client.read_until(lambda: saved_guide(log) == "safety")
    assert not report.exists(), f"imported on a phone: {report.read_text().split()}"


def test_settings_on_the_phone_shows_pyprojects_version(phone):
    client, _, report = phone
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    client.read_until(lambda: client.find("IconButton", "Settings") is not None)
    client.tap(client.find("IconButton", "Settings"))
    client.read_until(lambda: f"Version {version}" in client.strings)
    assert not report.exists(), f"imported on a phone: {report.read_text().split()}"
