"""Served UI start-up and server memory: our app against a bare Flet hello app served the same way."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import KNOWN_PROBE, PHONE, AppServer, enable_semantics, phone_browser  # noqa: E402

APPS = {"ours": "main.py", "hello": "bench/hello_app.py"}
FIRST_FRAME = ("addEventListener('flutter-first-frame', "
               "() => { window.__firstFrame ??= performance.now(); });")
# Flutter's mobile semantics enabler (Android UA) adds a 300 ms timer; the desktop one reacts at once.
CONTEXT = {k: v for k, v in PHONE.items() if k != "user_agent"}
TIMEOUT = 60_000
RATIO_GOAL, RSS_GOAL_MB = 1.15, 80.0
GUIDE_GOAL = 1.1  # the guide's first question within 1.1x of SOS interactive (issue 11)


class Server(AppServer):
    """A served app whose memory can be read, including any child processes."""

    def __init__(self, script: str, data_dir: str) -> None:
        super().__init__(data_dir, script)

    def rss_mb(self) -> float:
        return sum(_vmrss_kb(pid) for pid in _tree(self.proc.pid)) / 1024


def _tree(pid: int) -> list[int]:
    kids = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        kids += [int(k) for k in task.read_text().split()]
    return [pid] + [p for k in kids for p in _tree(k)]


def _vmrss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def watch(guard, script: str) -> None:
    """Ours may send nothing off the machine; stock Flet (the hello app) is let off its rive CDN probe."""
    guard.tolerate = (KNOWN_PROBE,) if script == APPS["hello"] else ()


def new_context(browser, guard):
    context = browser.new_context(**CONTEXT)
    guard.install(context)
    context.add_init_script(FIRST_FRAME)
    return context


def open_until_sos(context, url: str, button: str = "SOS"):
    """Open a tab, turn on semantics after Flutter's first frame, wait for the button by role."""
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => window.__firstFrame !== undefined", timeout=TIMEOUT)
    enable_semantics(page)
    page.get_by_role("button", name=button, exact=button != "SOS").wait_for(timeout=TIMEOUT)
    return page


def guide_ready(browser, guard, url: str) -> float:
    """ms from opening /now to the guide's first safety question answerable (its Yes button)."""
    context = new_context(browser, guard)
    try:
        return open_until_sos(context, url + "/now", button="Yes").evaluate("performance.now()")
    finally:
        context.close()


def measure_once(browser, guard, script: str, data_dir: str) -> dict[str, float]:
    """Fresh server and cold browser context; page times are ms since navigation start."""
    watch(guard, script)
    with Server(script, data_dir) as server:
        context = new_context(browser, guard)
        try:
            page = open_until_sos(context, server.url)
            sos = page.evaluate("performance.now()")
            frame = page.evaluate("window.__firstFrame")
        finally:
            context.close()
        guide = guide_ready(browser, guard, server.url) if script == APPS["ours"] else None
    return {"start": server.started * 1000, "frame": frame, "sos": sos, "guide": guide}


def measure_rss(browser, guard, script: str, data_dir: str, tabs: int) -> dict[str, float]:
    """Server RSS after start, at its peak while tabs open one by one, and after they all closed."""
    watch(guard, script)
    with Server(script, data_dir) as server:
        time.sleep(2)
        rss = {"rss_start": server.rss_mb()}
        peak = rss["rss_start"]
        context = new_context(browser, guard)
        try:
            for _ in range(tabs):
                page = open_until_sos(context, server.url)
                peak = max(peak, server.rss_mb())
                page.close()
        finally:
            context.close()
        time.sleep(2)
        rss["rss_closed"] = server.rss_mb()
        rss["rss_peak"] = max(peak, rss["rss_closed"])
    return rss


def run_all(runs: int, tabs: int) -> dict:
    times: dict[str, list[dict]] = {name: [] for name in APPS}
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="ui-bench-") as data_dir, \
            phone_browser() as (context, guard):
        browser = context.browser
        for name in APPS:
            measure_once(browser, guard, APPS[name], data_dir)
        for i in range(runs):
            for name in (list(APPS) if i % 2 == 0 else list(APPS)[::-1]):
                times[name].append(measure_once(browser, guard, APPS[name], data_dir))
        memory = {name: measure_rss(browser, guard, APPS[name], data_dir, tabs) for name in APPS}
        return {"times": times, "memory": memory, "tolerated": len(guard.tolerated),
                "unexpected": list(guard.unexpected), "load": (load, os.getloadavg()[0])}


def summary(values: list[float]) -> tuple[float, str]:
    med = statistics.median(values)
    return med, f"{med / 1000:6.2f} s ({min(values) / 1000:.2f}-{max(values) / 1000:.2f})"


def print_setup(runs: int, load: tuple[float, float]) -> None:
    print("Spasm SOS (main.py: Flet's FastAPI app under uvicorn behind app/server.py's guard) vs bare "
          "Flet hello app (bench/hello_app.py: ft.run(WEB_BROWSER, no_cdn=True)), both on 127.0.0.1")
    print("headless Chromium, 390x844 touch phone context (desktop UA); semantics turned on after the "
          "first frame")
    print(f"time: median of {runs} runs (min-max), fresh server and cold browser context each run, "
          "app order alternating, one warm-up round discarded")
    bytecode = "off (PYTHONDONTWRITEBYTECODE)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"
    print(f"load average at start/end: {load[0]:.2f}/{load[1]:.2f}; servers' bytecode cache: {bytecode}")


def print_times(times: dict[str, list[dict]]) -> dict[str, float]:
    print(f"{'metric':44}{'ours':>24}{'hello':>24}{'ratio':>8}")
    rows = [("server start (spawn -> port accepts)", "start"),
            ("first frame (nav -> flutter-first-frame)", "frame"),
            ("SOS interactive (nav -> button in a11y)", "sos")]
    ratios = {}
    for label, key in rows:
        (ours, ours_txt), (hello, hello_txt) = (summary([r[key] for r in times[n]]) for n in APPS)
        ratios[key] = ours / hello
        print(f"{label:44}{ours_txt:>24}{hello_txt:>24}{ratios[key]:8.2f}")
    guide, guide_txt = summary([r["guide"] for r in times["ours"]])
    ratios["guide"] = guide / statistics.median([r["sos"] for r in times["ours"]])
    print(f"{'guide question interactive (/now -> Yes)':44}{guide_txt:>24}{'(no guide)':>24}"
          f"{ratios['guide']:8.2f}  <- ours: guide / SOS interactive")
    return ratios


def print_memory(memory: dict[str, dict], tabs: int) -> None:
    print(f"server RSS, {tabs} tabs opened one after another (each until SOS interactive, then closed):")
    for label, key in [("after start (+2 s)", "rss_start"), ("peak, sampled as each tab got SOS", "rss_peak"),
                       ("after all tabs closed (+2 s)", "rss_closed")]:
        ours, hello = memory["ours"][key], memory["hello"][key]
        print(f"  {label:42}{ours:21.1f} MB{hello:21.1f} MB{ours / hello:8.2f}")


def print_goals(ratio: float, rss: float, tabs: int) -> bool:
    ratio_ok, rss_ok = ratio <= RATIO_GOAL, rss <= RSS_GOAL_MB
    print("goals:")
    print(f"  SOS interactive ours/hello <= {RATIO_GOAL}: {ratio:.2f}  {'PASS' if ratio_ok else 'FAIL'}")
    print(f"  our server RSS after {tabs} tabs closed <= {RSS_GOAL_MB:.0f} MB: {rss:.1f} MB  "
          f"{'PASS' if rss_ok else 'FAIL'}")
    return ratio_ok and rss_ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tabs", type=int, default=10)
    args = parser.parse_args()
    report = run_all(args.runs, args.tabs)
    print_setup(args.runs, report["load"])
    ratios = print_times(report["times"])
    print_memory(report["memory"], args.tabs)
    passed = print_goals(ratios["sos"], report["memory"]["ours"]["rss_closed"], args.tabs)
    guide_ok = ratios["guide"] <= GUIDE_GOAL
    print(f"  guide question / SOS interactive (ours) <= {GUIDE_GOAL}: {ratios['guide']:.2f}  "
          f"{'PASS' if guide_ok else 'FAIL'}")
    passed = passed and guide_ok
    unexpected = report["unexpected"]
    print(f"requests blocked off 127.0.0.1: {len(unexpected)}, besides the hello app's rive probe "
          f"(stock Flet): {report['tolerated']}")
    print("".join(f"  {u}\n" for u in unexpected), end="")
    return 2 if unexpected else 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
