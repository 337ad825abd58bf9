"""Offline warm starts of our PWA builds vs stock `flet publish` (medians of 5); --app real adds the app.

Also what a first visit costs: the bytes the server sends until the service worker has precached, and
the longest main-thread task while first aid is on screen (Long Tasks API, no DevTools attached).
"""

from __future__ import annotations

import argparse
import base64
import functools
import hashlib
import http.server
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "pwa")]

from browser import ARGS, CHROMIUM, KNOWN_PROBE, phone_browser  # noqa: E402
from pwa_support import FIXTURE_CONTENT, StaticServer, wait_controlled  # noqa: E402

from app.pwa import packages  # noqa: E402
from app.pwa.build import Options, build  # noqa: E402
from app.pwa.serve import SiteHandler  # noqa: E402
from app.pwa.sizes import measure  # noqa: E402

HELLO = '''import flet as ft


def main(page: ft.Page):
    page.add(ft.Text("Hello"), ft.Button("Tap me"))


if __name__ == "__main__":
    ft.run(main)
'''
# Inlined first into every measured index.html by the bench's server. Times are ms after navigation
# start; the worker's phase marks arrive on a BroadcastChannel as absolute times. Results go back
# with a POST to the bench's server, once the app is drawn and first aid (if any) has gone; another
# POST says when a service worker took control. Long tasks are [start, duration] in ms.
PROBE = """(() => {
  const t = window.__bench = {marks: {}, worker: {}, origin: performance.timeOrigin, longtasks: []};
  const mark = (name) => { t.marks[name] ??= performance.now(); };
  new BroadcastChannel('spasm-timing').onmessage = (e) => { t.worker[e.data[0]] ??= e.data[1]; };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') t.marks.fcp = e.startTime;
  }).observe({type: 'paint', buffered: true});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.longtasks.push([e.startTime, e.duration]);
  }).observe({type: 'longtask', buffered: true});
  addEventListener('spasm-app-ready', () => mark('first_aid_gone'));
  const post = (what, body) => { if (window.__benchPost !== false)
    fetch('/__bench/' + what, {method: 'POST', body: JSON.stringify(body)}); };
  if (navigator.serviceWorker) navigator.serviceWorker.addEventListener('controllerchange',
    () => post('controlled', {}));
  const firstAid = () => { const el = document.getElementById('first-aid');
    if (el && !el.hidden && el.getBoundingClientRect().height > 0) mark('first_aid');
    else if (!t.marks.app) requestAnimationFrame(firstAid); };
  requestAnimationFrame(firstAid);
  addEventListener('flutter-first-frame', () => mark('frame'));
  const shown = () => document.getElementById('first-aid') && t.marks.first_aid_gone === undefined;
  const done = () => shown() ? setTimeout(done, 50) : setTimeout(() => {
    t.controlled = !!(navigator.serviceWorker && navigator.serviceWorker.controller);
    t.delivery = performance.getEntriesByType('navigation')[0].deliveryType;
    t.done = true;
    post('result', t);
  }, 300);  // long-task entries arrive after their task
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (t.marks.app_message === undefined && typeof e.data !== 'string') {
          mark('app_message');
          requestAnimationFrame(() => requestAnimationFrame(() => { mark('app'); done(); }));
        }
      });
    }
  };
})();"""
RUNS = 5
SETTLE = 3.0  # seconds each start stays open, as an app in use would, so caches are written
TIMEOUT = 180
PHONE_WINDOW = ["--window-size=390,844", "--force-device-scale-factor=2"]
WHAT = {
    "fcp": "first paint (the first-aid page)", "first_aid": "first aid visible",
    "first_aid_gone": "page: first aid hidden, the app on screen",
    "worker-start": "worker: started, app archive and Pyodide requested",
    "archive-ready": "worker: app archive fetched, inflated and parsed (in parallel)",
    "pyodide-loaded": "worker: Pyodide started (wasm, stdlib), app files written",
    "packages-loaded": "worker: Pyodide packages loaded",
    "app-module-run": "worker: main.py run (imports done), Python waits for Flutter",
    "frame": "page: Flutter's first frame", "connect-received": "worker: Flutter asks to connect",
    "connected": "worker: connection open", "first-message": "worker: first render sent",
    "app_message": "page: first render received", "app": "page: app drawn (2 frames later)",
}


def hello_app(tmp: Path) -> Path:
    app = tmp / "hello"
    app.mkdir()
    (app / "main.py").write_text(HELLO, encoding="utf-8")
    return app


def stock_publish(app: Path, tmp: Path) -> Path:
    """`flet publish --no-cdn` made to work offline: local manifest, cached Pyodide, vendored deps."""
    from flet_web import get_package_web_dir

    web = Path(get_package_web_dir())
    lock = packages.read_lock(web / "pyodide")
    version = packages.runtime_version(web / "pyodide", lock)
    python = lock["info"]["python"]
    cache = tmp / "flet-cache"
    pyodide = cache / "pyodide" / version
    shutil.copytree(web / "pyodide", pyodide)
    lock["info"]["version"] = version
    (pyodide / "pyodide-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    manifest = tmp / "python-build-manifest.json"
    short = ".".join(python.split(".")[:2])
    manifest.write_text(json.dumps({
        "default_python_version": short,
        "pythons": {short: {"full_version": python, "pyodide_version": version,
                            "android_abis": []}},
    }), encoding="utf-8")
    stock_app = tmp / "hello-stock"
    shutil.copytree(app, stock_app)
    plan = packages.plan(["flet==1.0.5"], lock)
    packages.vendor(plan.vendored, stock_app / "__pypackages__")
    out = tmp / "dist-stock"
    env = {**os.environ, "FLET_CACHE_DIR": str(cache), "FLET_PYTHON_BUILD_MANIFEST": str(manifest)}
    subprocess.run([sys.executable, "-m", "flet_cli.cli", "publish", str(stock_app / "main.py"),
                    "--no-cdn", "--distpath", str(out)],
                   check=True, env=env, capture_output=True, text=True, timeout=600)
    index = out / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        'flet.pyodideUrl="pyodide/pyodide.mjs"', 'flet.pyodideUrl="./pyodide/pyodide.mjs"'),
        encoding="utf-8")
    return out


def with_probe(html: str) -> bytes:
    """index.html with the probe inlined first in <head> (its hash added to a CSP's script-src)."""
    digest = base64.b64encode(hashlib.sha256(PROBE.encode()).digest()).decode()
    html = html.replace("script-src 'self'", f"script-src 'self' 'sha256-{digest}'", 1)
    return html.replace("<head>", f"<head>\n<script>{PROBE}</script>", 1).encode()


class _Handler(SiteHandler):
    """Serves a dist as `python -m app.pwa serve` does (validators, 304s), with the probe in index.html,
    and takes the results; counts what it sends; when offline, it answers nothing else.
    """

    cache_control = None  # as a plain static host: the browser may reuse a file without asking

    def log_message(self, format, *args):  # noqa: A002
        pass

    def log_sent(self, code: int, size: int) -> None:
        self.server.sent.append((self.path.split("?")[0], code, size))

    def do_GET(self):
        path = self.path.split("?")[0]
        if self.server.offline:
            self.server.online_requests.append(path)
            return self.send_error(503)
        if path in ("/", "/index.html"):
            page = with_probe((Path(self.directory) / "index.html").read_text("utf-8"))
            tag = f'"{hashlib.sha256(page).hexdigest()[:16]}"'
            fresh = self.headers.get("If-None-Match") == tag
            self.server.sent.append((path, 304 if fresh else 200, 0 if fresh else len(page)))
            return self._send(b"" if fresh else page, "text/html; charset=utf-8", tag, 304 if fresh else 200)
        return super().do_GET()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        kind = self.path.rsplit("/", 1)[-1]
        (self.server.results if kind == "result" else self.server.controlled).put(json.loads(body))
        self._send(b"", "text/plain")

    def _send(self, data: bytes, kind: str, tag: str | None = None, code: int = 200) -> None:
        self._deferred = False
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        if tag:
            self.send_header("ETag", tag)
        else:
            self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


def _serve(dist: Path):
    handler = functools.partial(_Handler, directory=str(dist))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.offline, server.online_requests, server.sent = False, [], []
    server.results, server.controlled = queue.Queue(), queue.Queue()
    server.handle_error = lambda request, address: None  # Chromium drops connections it gave up on
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _start(server, profile: Path, until_controlled: bool = False) -> dict:
    """One start in a fresh Chromium process on a kept profile; no DevTools client is attached.

    until_controlled: also wait until a service worker has taken the page (it has precached the site).
    """
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    block = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    proc = subprocess.Popen([CHROMIUM, *ARGS, *PHONE_WINDOW, block, f"--user-data-dir={profile}", url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        result = server.results.get(timeout=TIMEOUT)
        if until_controlled and not result["controlled"]:
            server.controlled.get(timeout=TIMEOUT)
        time.sleep(SETTLE)
        return result
    finally:
        proc.terminate()
        proc.wait(30)


@dataclass
class Measured:
    runs: list[dict]
    first: dict | None = None  # the first visit, online, on a fresh profile
    first_sent: list[tuple[str, int, int]] = field(default_factory=list)  # (path, status, bytes) then
    dist_bytes: int = 0


class Warm:
    """One dist as a user has it: served, visited once (ours: then the server answers 503)."""

    def __init__(self, dist: Path, ours: bool) -> None:
        self.ours, self.server = ours, _serve(dist)
        self.profile = Path(tempfile.mkdtemp(prefix="pwa-bench-profile-"))
        self.dist_bytes = sum(p.stat().st_size for p in dist.rglob("*") if p.is_file())
        self.first = _start(self.server, self.profile, until_controlled=ours)
        self.first_sent = list(self.server.sent)
        self.server.offline = ours
        self.runs: list[dict] = []

    def start(self) -> None:
        self.runs.append(_start(self.server, self.profile))

    def close(self) -> Measured:
        try:
            # Chromium also sends its start-up navigation to the network (it gets a 503 here) while the
            # page itself comes from the service worker, which the probe checks; sw.js is the update check.
            stray = [p for p in self.server.online_requests if p not in ("/", "/sw.js")]
            assert not stray, f"offline starts asked the server for {stray}"
            assert not self.ours or all(r["delivery"] == "cache-storage" for r in self.runs), \
                "pages not from the cache"
            return Measured(self.runs, self.first, self.first_sent, self.dist_bytes)
        finally:
            self.server.shutdown()
            shutil.rmtree(self.profile, ignore_errors=True)


def interleaved(dists: list[tuple[Path, bool]]) -> list[Measured]:
    """RUNS warm starts of each dist, taking turns, so machine load falls on all alike."""
    warm = [Warm(dist, ours) for dist, ours in dists]
    try:
        for _ in range(RUNS):
            for w in warm:
                w.start()
    finally:
        results = [w.close() for w in warm]
    return results


def plain_starts(dist: Path, ours: bool) -> list[dict]:
    """Warm starts as a user gets them: one visit first, then RUNS starts (ours with the server down)."""
    return interleaved([(dist, ours)])[0].runs


def devtools_starts(dist: Path, ours: bool) -> Measured:
    """The same starts driven by Playwright, i.e. with DevTools attached (see the report's note)."""
    server = StaticServer(dist)
    try:
        with phone_browser() as (context, guard):
            guard.tolerate = () if ours else (KNOWN_PROBE,)  # stock `flet publish` probes the rive CDN
            context.add_init_script("window.__benchPost = false;" + PROBE)
            page = context.new_page()
            page.goto(server.url)
            if ours:
                wait_controlled(page)
            page.wait_for_function("() => window.__bench.marks.app !== undefined", timeout=TIMEOUT * 1000)
            if ours:
                context.set_offline(True)
                server.stop()
            runs = []
            for _ in range(RUNS):
                page.close()
                page = context.new_page()
                page.goto(server.url, wait_until="commit")
                page.wait_for_function("() => window.__bench.marks.app !== undefined", timeout=TIMEOUT * 1000)
                runs.append(page.evaluate("() => window.__bench"))
            assert not guard.unexpected, guard.unexpected
            return Measured(runs)
    finally:
        server.stop()


def med(runs: list[dict], key: str) -> float | None:
    values = [r["marks"][key] for r in runs if r["marks"].get(key) is not None]
    return statistics.median(values) / 1000 if values else None


def fmt(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds:.2f} s"


def _window_tasks(run: dict) -> list[float]:
    """Long tasks (ms) that began while first aid was on screen (no first aid: before the app was drawn)."""
    end = run["marks"].get("first_aid_gone", run["marks"].get("app"))
    return [duration for start, duration in run.get("longtasks", []) if end is None or start < end]


def longest_task(runs: list[dict]) -> str:
    return f"{statistics.median(max(_window_tasks(r), default=0) for r in runs):.0f} ms"


def task_total(runs: list[dict]) -> str:
    count = statistics.median(len(_window_tasks(r)) for r in runs)
    total = statistics.median(sum(_window_tasks(r)) for r in runs) / 1000
    return f"{count:.0f}, {total:.1f} s"


def first_visit_bytes(w: Measured) -> str:
    if w.first is None:
        return "n/a"
    sent = sum(size for _path, _code, size in w.first_sent)
    return f"{sent / 1e6:.1f} MB {sent / w.dist_bytes:.2f}x"


def wire_rows(columns: list[Measured], width: int, first: int) -> None:
    print(f"{'bytes sent on first visit (x dist)':{first}}"
          + "".join(f"{first_visit_bytes(w):>{width}}" for w in columns))
    print(f"{'longest task, first aid shown *':{first}}"
          + "".join(f"{longest_task(w.runs):>{width}}" for w in columns))
    print(f"{'  long tasks then: count, sum *':{first}}"
          + "".join(f"{task_total(w.runs):>{width}}" for w in columns))
    print(f"{'longest task, first visit (online) *':{first}}"
          + "".join(f"{longest_task([w.first]) if w.first else 'n/a':>{width}}" for w in columns))
    print("  * while first aid is on screen (stock has none: until its app is drawn); Long Tasks API, "
          "tasks over 50 ms; 0 ms: none")


def timeline(runs: list[dict]) -> list[tuple[str, float]]:
    """Median time after navigation start of every page and worker mark, in order."""
    names = {n for r in runs for n in (*r["marks"], *r["worker"])}
    rows = []
    for name in names:
        values = [r["marks"][name] if name in r["marks"] else r["worker"][name] - r["origin"]
                  for r in runs if name in r["marks"] or name in r["worker"]]
        rows.append((name, statistics.median(values) / 1000))
    return sorted(rows, key=lambda row: row[1])


def report(title: str, ours: Measured, stock: Measured) -> float:
    print(f"\n{title}: hello app, warm start, median of {RUNS} (headless Chromium, 390x844)")
    print(f"{'':38}{'ours (offline, SW)':>22}{'stock flet publish':>22}")
    for label, key in (("first paint (FCP)", "fcp"), ("first aid visible", "first_aid"),
                       ("Flutter first frame", "frame"), ("first app message", "app_message"),
                       ("app interactive", "app")):
        print(f"{label:38}{fmt(med(ours.runs, key)):>22}{fmt(med(stock.runs, key)):>22}")
    ratio = med(ours.runs, "app") / med(stock.runs, "app")
    print(f"{'interactive ratio ours/stock':38}{ratio:>22.2f}")
    wire_rows([ours, stock], 22, 38)
    print("where our time goes (median time after navigation start; worker marks in the worker):")
    for name, seconds in timeline(ours.runs):
        print(f"  {seconds:6.2f} s  {WHAT.get(name, name)}")
    return ratio


def report_real(real: Measured, hello: Measured, stock: Measured) -> None:
    print(f"\nreal app vs hello apps, warm start, median of {RUNS}, interleaved (headless Chromium, 390x844)")
    print(f"{'':38}{'real (ours)':>16}{'hello (ours)':>16}{'hello (stock)':>16}")
    for label, key in (("first aid visible", "first_aid"), ("Flutter first frame", "frame"),
                       ("first app message", "app_message"), ("app interactive", "app")):
        print(f"{label:38}" + "".join(f"{fmt(med(w.runs, key)):>16}" for w in (real, hello, stock)))
    ratio = med(real.runs, "app") / med(hello.runs, "app")
    print(f"{'interactive real/hello':38}{ratio:>16.2f}  (goal <= 1.15)")
    print(f"{'interactive real/stock':38}{med(real.runs, 'app') / med(stock.runs, 'app'):>16.2f}")
    wire_rows([real, hello, stock], 16, 38)
    print("where the real app's time goes (median time after navigation start):")
    for name, seconds in timeline(real.runs):
        print(f"  {seconds:6.2f} s  {WHAT.get(name, name)}")


def _size(label: str, dist: Path) -> str:
    size = measure(dist)
    return f"{label} {size.raw / 1e6:.1f} MB raw, {size.gz / 1e6:.1f} MB gzipped"


def main() -> int:
    global RUNS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--app", choices=("hello", "real"), default="hello",
                        help="real: also the real app (built as `python -m app.pwa build` does), "
                             "interleaved with both hello apps")
    parser.add_argument("--content", type=Path, default=None,
                        help="first-aid content folder (default: the app's, else the test fixture)")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"starts of each dist (default {RUNS})")
    parser.add_argument("--devtools", action="store_true",
                        help="also measure through Playwright, i.e. with DevTools attached")
    parser.add_argument("--dists", type=Path, default=None,
                        help="build the dists into this folder and keep them (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --dists: measure the dists already there instead of building them")
    args = parser.parse_args()
    RUNS = args.runs
    print(f"load average at start: {_load()}")
    with tempfile.TemporaryDirectory(prefix="pwa-bench-") as tmp_name:
        tmp = args.dists or Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        reuse = args.reuse and args.dists is not None
        if reuse:
            ours, stock, real = tmp / "dist-ours", tmp / "dist-stock", tmp / "dist-real"
            real = real if args.app == "real" else None
        else:
            for old in ("hello", "hello-stock", "flet-cache"):
                shutil.rmtree(tmp / old, ignore_errors=True)
            app = hello_app(tmp)
            ours = build(Options(out=tmp / "dist-ours", app=app, content=args.content or _content_dir())).out
            shutil.rmtree(tmp / "dist-stock", ignore_errors=True)
            stock = stock_publish(app, tmp)
            real = build(Options(out=tmp / "dist-real")).out if args.app == "real" else None
        print("dist size: " + "; ".join(
            [_size("ours", ours), _size("stock", stock), *([_size("real", real)] if real else [])])
            + f"; app.tar.gz {(ours / 'app.tar.gz').stat().st_size / 1e6:.2f} MB")
        if real:
            r, h, s = interleaved([(real, True), (ours, True), (stock, False)])
            report_real(r, h, s)
        else:
            report("no DevTools attached", *interleaved([(ours, True), (stock, False)]))
        if args.devtools:
            report("DevTools attached (Playwright)",
                   devtools_starts(ours, True), devtools_starts(stock, False))
            print("note: with DevTools attached, V8 records a stack trace with source positions for every "
                  "Error created, which makes it re-parse the 9.6 MB main.dart.js (~1.5-2 s here); users "
                  "never pay this, and stock's dart2wasm client on Chromium does not either.")
    print(f"load average at end: {_load()}")
    return 0


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _content_dir() -> Path:
    from app.content.loader import DATA_DIR

    return DATA_DIR if (DATA_DIR / "red_flags.toml").exists() else FIXTURE_CONTENT


if __name__ == "__main__":
    sys.exit(main())
