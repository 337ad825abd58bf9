"""Lighthouse 12 on the PWA and on server mode, each beside the plain Flet hello app served the same way.

    cd bench && npm ci && cd .. && python bench/web_audit.py

Mobile form factor, `--throttling-method=provided` (this machine's own speed, no simulated phone
network), a fresh Chromium profile per load (every load is a first visit), requests off 127.0.0.1
refused by the host resolver. The four sites take turns for --rounds rounds; the table gives medians.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("SPASM_CHROMIUM", "/usr/bin/chromium")
# Lighthouse gives Network.getResponseBody one second; on a loaded 2-core machine reading the 9.6 MB
# main.dart.js takes longer and the run stops with PROTOCOL_TIMEOUT (docs: /work/shared/DESIGN.md).
BODY_TIMEOUT = ("async function fetchResponseBodyFromCache(session, requestId, timeout = 1000) {",
                "async function fetchResponseBodyFromCache(session, requestId, timeout = 30000) {")
NETWORK_JS = BENCH / "node_modules" / "lighthouse" / "core" / "gather" / "driver" / "network.js"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
COLUMNS = (  # (heading, how to read it from a report, how to print it)
    ("perf", lambda r: r["categories"]["performance"]["score"] * 100, "{:.0f}"),
    ("FCP s", lambda r: r["audits"]["first-contentful-paint"]["numericValue"] / 1000, "{:.2f}"),
    ("LCP s", lambda r: r["audits"]["largest-contentful-paint"]["numericValue"] / 1000, "{:.2f}"),
    ("TBT ms", lambda r: r["audits"]["total-blocking-time"]["numericValue"], "{:.0f}"),
    ("SI s", lambda r: r["audits"]["speed-index"]["numericValue"] / 1000, "{:.2f}"),
    ("MB", lambda r: r["audits"]["total-byte-weight"]["numericValue"] / 1e6, "{:.1f}"),
    ("a11y", lambda r: r["categories"]["accessibility"]["score"] * 100, "{:.0f}"),
    ("best pr.", lambda r: r["categories"]["best-practices"]["score"] * 100, "{:.0f}"),
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Site:
    name: str
    command: list[str]
    env: dict[str, str]
    port: int
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        self.proc = subprocess.Popen(self.command, cwd=ROOT, env={**os.environ, **self.env},
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited ({self.proc.returncode}): {' '.join(self.command)}")
            try:
                with urllib.request.urlopen(self.url, timeout=5) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer on {self.url}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def pwa_sites(dist: Path, hello_dist: Path) -> list[Site]:
    serve = [sys.executable, "-m", "app.pwa", "serve"]
    ours, hello = free_port(), free_port()
    return [Site("PWA (python -m app.pwa serve)", [*serve, str(dist), "--port", str(ours)], {}, ours),
            Site("  hello app, same build and server", [*serve, str(hello_dist), "--port", str(hello)], {},
                 hello)]


def server_sites(data: Path) -> list[Site]:
    env = {"FLET_FORCE_WEB_SERVER": "1", "FLET_APP_STORAGE_DATA": str(data)}
    ours, hello = free_port(), free_port()
    return [Site("server mode (python main.py)", [sys.executable, "main.py", "--port", str(ours)], env, ours),
            Site("  hello app (bench/hello_app.py)",
                 [sys.executable, str(BENCH / "hello_app.py"), "--port", str(hello)], env, hello)]


def build_pwas(out: Path, dist: Path | None) -> tuple[Path, Path]:
    from app.pwa.build import Options, build

    hello = out / "hello"
    hello.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(BENCH / "hello_app.py", hello / "main.py")
    hello_dist = build(Options(out=out / "dist-hello", app=hello)).out
    return (dist if dist else build(Options(out=out / "dist-real")).out), hello_dist


def lighthouse(url: str, report: Path) -> dict:
    profile = tempfile.mkdtemp(prefix="lighthouse-profile-")
    try:
        cmd = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
               "--form-factor=mobile", "--throttling-method=provided",
               "--only-categories=performance,accessibility,best-practices",
               f"--chrome-flags={' '.join([*CHROME_FLAGS, f'--user-data-dir={profile}'])}"]
        subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        result = json.loads(report.read_text(encoding="utf-8"))
        if result.get("runtimeError"):
            raise RuntimeError(f"{url}: {result['runtimeError']}")
        return result
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def patch_body_timeout() -> None:
    text = NETWORK_JS.read_text(encoding="utf-8")
    if BODY_TIMEOUT[0] in text:
        NETWORK_JS.write_text(text.replace(*BODY_TIMEOUT), encoding="utf-8")
        print(f"note: raised Lighthouse's Network.getResponseBody timeout to 30 s in {NETWORK_JS}")
    elif BODY_TIMEOUT[1] not in text:
        print("warning: Lighthouse's getResponseBody timeout not found; a slow run may stop with "
              "PROTOCOL_TIMEOUT", file=sys.stderr)


def row(name: str, reports: list[dict]) -> str:
    cells = []
    for _heading, read, form in COLUMNS:
        values = [read(r) for r in reports if _readable(read, r)]
        cells.append(form.format(statistics.median(values)) if values else "n/a")
    return f"{name:38}" + "".join(f"{c:>9}" for c in cells)


def _readable(read, report: dict) -> bool:
    try:
        return read(report) is not None
    except (KeyError, TypeError):
        return False


def median_of(reports: list[dict], column: str) -> float:
    read = next(read for heading, read, _ in COLUMNS if heading == column)
    return statistics.median(read(r) for r in reports)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", choices=("pwa", "server"), default=None)
    parser.add_argument("--dist", type=Path, default=None,
                        help="an already built PWA (default: build the real app into a temporary folder)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the Lighthouse JSON reports here")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: cd bench && npm ci", file=sys.stderr)
        return 2
    patch_body_timeout()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="web-audit-") as tmp_name:
        tmp = Path(tmp_name)
        sites: list[Site] = []
        if args.only != "server":
            sites += pwa_sites(*build_pwas(tmp, args.dist))
        if args.only != "pwa":
            sites += server_sites(tmp / "data")
        reports: dict[str, list[dict]] = {s.name: [] for s in sites}
        keep = args.keep or tmp / "reports"
        keep.mkdir(parents=True, exist_ok=True)
        try:
            for site in sites:
                site.start()
            for n in range(args.rounds):
                for i, site in enumerate(sites):
                    reports[site.name].append(lighthouse(site.url, keep / f"round{n + 1}-{i}.json"))
        finally:
            for site in sites:
                site.stop()
        version = next(iter(reports.values()))[0]["lighthouseVersion"]
        print(f"\nLighthouse {version}, mobile, --throttling-method=provided, median of {args.rounds} "
              "interleaved rounds, each load on a fresh profile")
        print(f"{'':38}" + "".join(f"{heading:>9}" for heading, _, _ in COLUMNS))
        for site in sites:
            print(row(site.name, reports[site.name]))
        _goals(sites, reports)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


def _goals(sites: list[Site], reports: dict[str, list[dict]]) -> None:
    names = [s.name for s in sites]
    pwa = next((reports[n] for n in names if n.startswith("PWA")), None)
    server = next((reports[n] for n in names if n.startswith("server")), None)
    hello = names[names.index(next(n for n in names if n.startswith("server"))) + 1] if server else None
    if server:
        ratio = median_of(server, "SI s") / median_of(reports[hello], "SI s")
        print(f"server mode Speed Index / hello app's: {ratio:.2f} (goal <= 1.2)")
    if pwa and server:
        tbt = median_of(server, "TBT ms")
        ratio = median_of(pwa, "TBT ms") / tbt if tbt else float("inf")
        print(f"PWA TBT / server mode's: {ratio:.2f} (goal <= 1.5)")
    for name in names:
        if not name.startswith(" "):
            print(f"{name}: best practices {median_of(reports[name], 'best pr.'):.0f} (goal 100)")


if __name__ == "__main__":
    sys.exit(main())
