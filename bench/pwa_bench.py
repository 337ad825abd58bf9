"""Offline warm start of our PWA build against stock `flet publish` for a hello app (medians of 5)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "pwa")]

from browser import phone_browser  # noqa: E402
from pwa_support import FIXTURE_CONTENT, StaticServer, wait_controlled  # noqa: E402

from app.pwa import packages  # noqa: E402
from app.pwa.build import Options, build  # noqa: E402
from app.pwa.sizes import measure  # noqa: E402

HELLO = '''import flet as ft


def main(page: ft.Page):
    page.add(ft.Text("Hello"), ft.Button("Tap me"))


if __name__ == "__main__":
    ft.run(main)
'''
PROBE = """(() => {
  const t = window.__bench = {marks: {}};
  addEventListener('flutter-first-frame', () => { t.frame ??= performance.now(); });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') t.fcp = e.startTime;
  }).observe({type: 'paint', buffered: true});
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (t.appMsg === undefined && typeof e.data !== 'string') {
          t.appMsg = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => { t.app = performance.now(); }));
        }
      });
    }
  };
})();"""
FIRST_AID = """() => { const el = document.getElementById('first-aid');
  return el && !el.hidden && el.getBoundingClientRect().height > 0; }"""
RUNS = 5
TIMEOUT = 180_000


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


def measure_starts(dist: Path, ours: bool) -> tuple[list[dict], list[str]]:
    server = StaticServer(dist)
    marks: list[str] = []
    try:
        with phone_browser() as (context, guard):
            context.add_init_script(PROBE)
            page = context.new_page()
            page.goto(server.url)
            if ours:
                wait_controlled(page)
            page.wait_for_function("() => window.__bench.app !== undefined", timeout=TIMEOUT)
            if ours:
                context.set_offline(True)
                server.stop()
            runs = []
            for _ in range(RUNS):
                page.close()
                page = context.new_page()
                page.on("console", lambda m: m.text.startswith("spasm-timing") and marks.append(m.text))
                started = time.monotonic()
                page.goto(server.url, wait_until="commit")
                first_aid = None
                if ours:
                    page.wait_for_function(FIRST_AID, timeout=TIMEOUT, polling=10)
                    first_aid = (time.monotonic() - started) * 1000
                page.wait_for_function("() => window.__bench.app !== undefined", timeout=TIMEOUT)
                t = page.evaluate("() => ({...window.__bench, origin: performance.timeOrigin})")
                t["first_aid_poll"] = first_aid
                runs.append(t)
            assert not guard.unexpected, guard.unexpected
            return runs, marks
    finally:
        server.stop()


def worker_phases(marks: list[str], runs: list[dict]) -> dict[str, float]:
    """Median time of each worker phase, from the worker's console marks."""
    per_run: list[dict[str, float]] = []
    current: dict[str, float] = {}
    for line in marks:
        _, name, at = line.split()
        if name == "worker-start" and current:
            per_run.append(current)
            current = {}
        current[name] = float(at)
    if current:
        per_run.append(current)
    order = ["worker-start", "pyodide-loaded", "archive-unpacked", "packages-loaded",
             "app-module-run", "connected"]
    phases: dict[str, list[float]] = {}
    for run_marks, run in zip(per_run, runs, strict=False):
        phases.setdefault("page to worker start", []).append(run_marks["worker-start"] - run["origin"])
        for a, b in zip(order, order[1:], strict=False):
            if a in run_marks and b in run_marks:
                phases.setdefault(f"{a} -> {b}", []).append(run_marks[b] - run_marks[a])
    return {k: statistics.median(v) for k, v in phases.items()}


def med(runs: list[dict], key: str) -> str:
    values = [r[key] for r in runs if r.get(key) is not None]
    return f"{statistics.median(values) / 1000:.2f} s" if values else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=None,
                        help="first-aid content folder (default: the app's, else the test fixture)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pwa-bench-") as tmp_name:
        tmp = Path(tmp_name)
        app = hello_app(tmp)
        content = args.content or _content_dir()
        ours = build(Options(out=tmp / "dist-ours", app=app, content=content)).out
        stock = stock_publish(app, tmp)
        ours_runs, marks = measure_starts(ours, ours=True)
        stock_runs, _ = measure_starts(stock, ours=False)
        size_ours, size_stock = measure(ours), measure(stock)
        print(f"hello app, offline warm start, median of {RUNS} runs (headless Chromium, phone)")
        print(f"{'':34}{'ours (SW, server stopped)':>28}{'stock flet publish':>22}")
        rows = [
            ("first aid visible (FCP)", med(ours_runs, "fcp"), "no first aid"),
            ("first aid visible (polled)", med(ours_runs, "first_aid_poll"), "n/a"),
            ("Flutter first frame", med(ours_runs, "frame"), med(stock_runs, "frame")),
            ("app interactive", med(ours_runs, "app"), med(stock_runs, "app")),
            ("dist size raw", f"{size_ours.raw / 1e6:.1f} MB", f"{size_stock.raw / 1e6:.1f} MB"),
            ("dist size gzip", f"{size_ours.gz / 1e6:.1f} MB", f"{size_stock.gz / 1e6:.1f} MB"),
        ]
        for label, a, b in rows:
            print(f"{label:34}{a:>28}{b:>22}")
        ratio = (statistics.median(r["app"] for r in ours_runs)
                 / statistics.median(r["app"] for r in stock_runs))
        print(f"interactive ratio ours/stock: {ratio:.2f}")
        print("where our time goes (median, worker marks):")
        for name, ms in worker_phases(marks, ours_runs).items():
            print(f"  {name:40}{ms / 1000:6.2f} s")
        print(f"app.tar.gz {(ours / 'app.tar.gz').stat().st_size / 1e6:.2f} MB")
    return 0


def _content_dir() -> Path:
    from app.content.loader import DATA_DIR

    return DATA_DIR if (DATA_DIR / "red_flags.toml").exists() else FIXTURE_CONTENT


if __name__ == "__main__":
    sys.exit(main())
