"""The README's run line works as written in a fresh copy and a new venv, and CI runs its test line."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
INSTALL_AND_START = 900  # seconds: a new venv, pip install -e . (PyPI or pip's cache), the first answer


def command(section: str) -> str:
    """The one line of the first ```sh block under the README's `## <section>` heading."""
    text = README.read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", body, re.S)
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 1, f"'{section}' should give one line to copy, not {lines}"
    return lines[0]


def test_ci_runs_the_readmes_test_line():
    line = command("Test it")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert line in ci, f".ci/run does not run the README's test line {line!r}"


def test_both_lines_make_a_venv_first():
    """Stock Ubuntu 24.04 and Debian refuse pip outside a venv (PEP 668)."""
    for section in ("Run it", "Test it"):
        assert command(section).startswith("python3 -m venv .venv && .venv/bin/pip install -e ")


def fresh_copy(dest: Path) -> Path:
    """The files a clone of this checkout would hold once its changes are committed (tracked or new,
    not ignored), without any virtual environment that sits in it."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    venvs = {p.parent.name for p in ROOT.glob("*/pyvenv.cfg")}
    for name in filter(None, listed):
        src = ROOT / name
        if name.split("/", 1)[0] in venvs or not src.is_file():
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / name)
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/")
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def stock_python() -> str | None:
    """The system's own python3 when it refuses pip installs (PEP 668), as Debian's and Ubuntu's do."""
    system = "/usr/bin/python3"
    if not os.access(system, os.X_OK):
        return None
    stdlib = subprocess.run([system, "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
                            capture_output=True, text=True).stdout.strip()
    return system if stdlib and (Path(stdlib) / "EXTERNALLY-MANAGED").is_file() else None


def stock_path(bin_dir: Path) -> str:
    """PATH on which python3, python, pip and pip3 are the stock Debian/Ubuntu Python where this
    machine has it (a developer's pyenv or venv would hide PEP 668), else PATH as it is."""
    system = stock_python()
    if system is None:
        return os.environ["PATH"]
    bin_dir.mkdir()
    for name, run in (("python3", system), ("python", system), ("pip", f"{system} -m pip"),
                      ("pip3", f"{system} -m pip")):
        (bin_dir / name).write_text(f'#!/bin/sh\nexec {run} "$@"\n')
        (bin_dir / name).chmod(0o755)
    return f"{bin_dir}{os.pathsep}{os.environ['PATH']}"


def venv_problem(where: Path, env: dict[str, str]) -> str | None:
    """Why python3 cannot make a virtual environment here, or None when it can."""
    if shutil.which("python3", path=env["PATH"]) is None:
        return "no python3 on PATH"
    probe = subprocess.run(["python3", "-m", "venv", str(where)], capture_output=True, text=True, env=env)
    if probe.returncode:
        return (probe.stderr or probe.stdout).strip().splitlines()[-1]
    return None


def test_the_run_line_serves_the_app_from_a_fresh_copy_and_venv(tmp_path):
    line = command("Run it")
    env = {k: v for k, v in os.environ.items()
           if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "FLET_SERVER_IP", "FLET_APP_STORAGE_DATA"}}
    env["PATH"] = stock_path(tmp_path / "bin")
    if problem := venv_problem(tmp_path / "probe", env):
        pytest.skip(f"python3 -m venv does not work on this machine ({problem}); "
                    "on Debian or Ubuntu: apt-get install python3-venv")
    clone = fresh_copy(tmp_path / "clone")
    port = free_port()
    env["FLET_SERVER_PORT"] = str(port)  # main.py's --port default, so the README line runs unchanged
    output = tmp_path / "output.txt"
    with output.open("wb") as out:
        proc = subprocess.Popen(["sh", "-c", line], cwd=clone, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + INSTALL_AND_START
        response = None
        while response is None and time.monotonic() < deadline:
            assert proc.poll() is None, f"the run line stopped ({proc.returncode}):\n{tail(output)}"
            try:
                response = get(port)
            except OSError:
                time.sleep(1)
        assert response is not None, f"no answer on port {port} in {INSTALL_AND_START} s:\n{tail(output)}"
        assert response.status == 200
        assert "default-src 'self'" in response.getheader("content-security-policy", ""), "not our server"
        assert (clone / ".venv" / "pyvenv.cfg").is_file()
    finally:
        stop(proc)


def tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def stop(proc: subprocess.Popen) -> None:
    """The shell, pip or the server it started: the whole process group."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
