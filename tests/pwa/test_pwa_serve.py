"""`python -m app.pwa serve DIST` serves a built site on 127.0.0.1 only, deep links included."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import urllib.request

import pytest
from browser import free_port

from app.pwa.build import PROJECT


@pytest.fixture
def site(tmp_path):
    dist = tmp_path / "dist"
    (dist / "pyodide").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Spasm SOS</title>")
    (dist / "sw.js").write_text("// worker")
    (dist / "pyodide" / "pyodide.mjs").write_text("export {}")
    (dist / "pyodide" / "pyodide.asm.wasm").write_bytes(b"\0asm")
    return dist


def _get(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.headers["Content-Type"], resp.read().decode("latin-1")


def test_serve_binds_loopback_and_answers_deep_links_with_the_app(site):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "app.pwa", "serve", str(site), "--port", str(port)],
                            cwd=PROJECT, stdout=subprocess.PIPE, text=True)
    try:
        assert re.search(rf"http://127\.0\.0\.1:{port}/", proc.stdout.readline())
        base = f"http://127.0.0.1:{port}/"
        assert "Spasm SOS" in _get(base)[1]
        assert "Spasm SOS" in _get(base + "log")[1], "a deep link before the worker is installed"
        assert _get(base + "pyodide/pyodide.mjs")[0].startswith("text/javascript")
        assert _get(base + "pyodide/pyodide.asm.wasm")[0] == "application/wasm"
        other = _outward_address()
        if other:
            with pytest.raises(OSError):
                socket.create_connection((other, port), timeout=2).close()
    finally:
        proc.terminate()
        proc.wait(10)


def _outward_address() -> str | None:
    """This machine's address on its way out (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_serve_refuses_a_folder_that_is_not_a_build(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "app.pwa", "serve", str(tmp_path)], cwd=PROJECT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "python -m app.pwa build" in proc.stderr
