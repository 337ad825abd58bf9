"""Episode-log benchmark: insert latency, first history page, open and start time, memory, file size.

Run from the project root:  python bench/log_bench.py [--sizes 100,1000,5000,10000,50000] [--inserts 50]

Each size gets a fresh temp dir. "ours" is EpisodeLog over FileBackend (in-memory cache, JSON text
kept per row, pydantic validation, atomic temp-file + fsync + os.replace per write), measured in a
fresh child process so its memory is its own. "tinydb" is plain TinyDB with its default
JSONStorage doing the same inserts (re-reads and re-parses the whole file on every operation,
writes in place + fsync, no validation); it is skipped above 10,000 episodes.
Goals (issues): insert p50 <= 20 ms at 5k; at 50k insert p50 <= 100 ms and RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tinydb import TinyDB  # noqa: E402

from app.content.loader import library  # noqa: E402
from app.domain.episode import Episode, PainReading  # noqa: E402
from app.store.backends import FileBackend  # noqa: E402
from app.store.repository import EpisodeLog  # noqa: E402

NOTES = ["", "", "woke up stiff", "after gardening", "bent to tie shoes", "long drive to see mum",
         "ice helped a bit, walking helped more", "could not get out of bed for an hour",
         "started at work, desk chair again", "sneezed and it went"]


T0 = datetime(2000, 1, 1, tzinfo=UTC)
SPACING = 0.7  # days between episodes while they still end before today; closer for big logs


def spacing(total: int) -> float:
    """Days between episodes so that `total` of them (plus a margin) end before today."""
    return min(SPACING, (datetime.now(UTC) - T0).days * 0.9 / max(total, 1))


def realistic_episodes(n: int, seed: int, start_day: float = 0, every: float = SPACING) -> list[Episode]:
    rng = random.Random(seed)
    lib = library()
    triggers = [t.id for t in lib.triggers]
    relief = [c.id for c in lib.decks[0].cards]
    out = []
    for i in range(n):
        start = T0 + timedelta(days=start_day + i * every, minutes=rng.randrange(1440))
        readings, at, score = [], start, rng.randint(6, 10)
        for _ in range(rng.randint(2, 5)):
            readings.append(PainReading(at=at, score=score))
            at += timedelta(minutes=rng.randint(10, 90))
            score = max(0, score - rng.randint(0, 3))
        out.append(Episode(
            start=start, end=None if rng.random() < 0.1 else at,
            pain=readings, triggers=rng.sample(triggers, rng.randint(1, 2)),
            helped=rng.sample(relief, rng.randint(0, 2)), notes=rng.choice(NOTES)))
    return out


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def first_inserts(path: Path, repeats: int, insert: Callable[[Path], float]) -> list[float]:
    """Time the first insert after opening, each on its own copy of the file."""
    times = []
    for i in range(repeats):
        copy = path.with_name(f"first-{i}.json")
        shutil.copyfile(path, copy)
        times.append(insert(copy))
    return times


def _memory() -> tuple[float, float]:
    """This process's resident memory now and at its peak, in MB (Linux /proc)."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def child(path: Path, size: int, inserts: int, repeats: int) -> None:
    """In a fresh process: open the pre-filled log, insert, and print what was measured as JSON."""
    t = time.perf_counter()
    log = EpisodeLog(FileBackend(path))
    opened = time.perf_counter() - t
    print("opened", flush=True)  # the parent's clock for the start time stops here
    assert log.problem is None and len(log) == size, (log.problem, len(log))
    result = _inserts(log, size, inserts, repeats)
    log = None  # before the reopens: one log in memory at a time
    opens, fresh = [opened], result["fresh"]
    for _ in range(repeats - 1):
        t = time.perf_counter()
        reopened = EpisodeLog(FileBackend(path))
        opens.append(time.perf_counter() - t)
        assert len(reopened) == size + inserts + 1
        fresh.append(timed(reopened.page))
        reopened = None
    print(json.dumps({**result, "open": opens, "size": path.stat().st_size}), flush=True)


def _inserts(log: EpisodeLog, size: int, inserts: int, repeats: int) -> dict:
    every = spacing(size + inserts)
    extra = realistic_episodes(inserts, seed=-size, start_day=size * every + 1, every=every)
    first = timed(lambda: log.add(extra[0].model_copy(update={"id": "first-after-open"})))
    ins = [timed(lambda e=e: log.add(e)) for e in extra]
    rss, peak = _memory()
    fresh = [timed(log.page)]
    warm = [timed(log.page) for _ in range(max(repeats, 20))]
    return {"ins": ins, "first": [first], "fresh": fresh, "warm": warm, "rss": rss, "peak": peak}


def bench_ours(folder: Path, prefill: list[Episode], inserts: int, repeats: int) -> dict:
    """Fill the log here, then measure it in a child process: start, inserts, memory, reopens."""
    path = folder / "ours.json"
    EpisodeLog(FileBackend(path)).add_many(prefill)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(path), "--sizes", str(len(prefill)),
                             "--inserts", str(inserts), "--repeats", str(repeats)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout.readline().strip() == "opened"
    start = time.perf_counter() - t
    out, _ = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"the measuring child failed ({proc.returncode})")
    return {**json.loads(out), "start": start}


def bench_tinydb(folder: Path, prefill: list[Episode], inserts: int, repeats: int) -> dict:
    path = folder / "tinydb.json"
    every = spacing(len(prefill) + inserts)
    extra = realistic_episodes(inserts, seed=-len(prefill), start_day=len(prefill) * every + 1, every=every)

    def first_page(db: TinyDB) -> list:
        return sorted(db.all(), key=lambda d: (d["start"], d["id"]), reverse=True)[:20]

    db = TinyDB(path)
    db.insert_multiple(e.model_dump(mode="json") for e in prefill)
    docs = [e.model_dump(mode="json") for e in extra]
    inserts = [timed(lambda d=d: db.insert(d)) for d in docs]
    db.close()

    def first(copy: Path) -> float:
        with TinyDB(copy) as opened:
            return timed(lambda: opened.insert({**docs[0], "id": "first-after-open"}))

    firsts = first_inserts(path, repeats, first)
    opens, fresh = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        other = TinyDB(path)
        n = len(other)  # JSONStorage parses lazily; count forces the parse
        opens.append(time.perf_counter() - t)
        assert n == len(prefill) + len(extra)
        fresh.append(timed(lambda o=other: first_page(o)))
        other.close()
    other = TinyDB(path)
    warm = [timed(lambda: first_page(other)) for _ in range(max(repeats, 20))]
    other.close()
    return {"ins": inserts, "first": firsts, "open": opens, "fresh": fresh, "warm": warm,
            "size": path.stat().st_size}


def row(size: int, name: str, r: dict) -> list[str]:
    med = statistics.median
    mem = [f"{r['rss']:.0f}", f"{r['peak']:.0f}"] if "rss" in r else ["-", "-"]
    return [f"{size:,}", name, f"{ms(med(r['ins'])):.1f}", f"{ms(pct(r['ins'], 95)):.1f}",
            f"{ms(med(r['first'])):.1f}", f"{ms(med(r['fresh'])):.2f}", f"{ms(med(r['warm'])):.2f}",
            f"{ms(med(r['open'])):.0f}", f"{r['start']:.2f}" if "start" in r else "-", *mem,
            f"{r['size'] / 1024:,.0f} KiB"]


# Runs inside the real PWA's Python worker (Pyodide), on its own IndexedDB database, so the
# app's own log is not touched. Times are perf_counter seconds.
IN_WORKER = """
import asyncio, json, time
from app.domain.episode import Episode
from app.store.indexeddb import IndexedDBBackend
from app.store.repository import EpisodeLog

async def _bench(name, prefill, extra, repeats):
    backend = await IndexedDBBackend(name=name).load()
    backend.write(prefill)  # the pre-filled log, stored before the log opens on it
    await backend.flush()
    log = EpisodeLog(backend)
    backend.attach(log)
    ins, durable = [], []
    for row in extra:
        episode = Episode.model_validate(row)
        t = time.perf_counter()
        log.add(episode)
        ins.append(time.perf_counter() - t)
        await backend.flush()
        assert log.saved, log.save_error
        durable.append(time.perf_counter() - t)
    opens, reads, fresh = [], [], []
    for _ in range(repeats):
        t = time.perf_counter()
        other = await IndexedDBBackend(name=name).load()
        reads.append(time.perf_counter() - t)
        reopened = EpisodeLog(other)
        opens.append(time.perf_counter() - t)
        assert reopened.problem is None and len(reopened) == len(log)
        t = time.perf_counter()
        reopened.page(0, 20)
        fresh.append(time.perf_counter() - t)
    return json.dumps({"ins": ins, "durable": durable, "open": opens, "read": reads, "fresh": fresh,
                       "size": len(prefill.encode())})

json_result = await _bench(*json.loads(bench_args))
json_result
"""
RUN_IN_WORKER = """async ([code, args]) => {
    const py = self.__spasmPyodide;
    py.globals.set("bench_args", args);
    return await py.runPythonAsync(code);
}"""
WORKER_HOOK = ('    mark("pyodide-loaded");', '    self.__spasmPyodide = pyodide;  // log_bench only\n'
               '    mark("pyodide-loaded");')


def browser_dist(dist: str | None, tmp: Path) -> Path:
    """A copy of the real PWA whose worker lets the bench reach its Pyodide; built when not given."""
    if dist is None:
        from app.pwa.build import Options, build
        dist = str(build(Options(out=tmp / "dist-real")).out)
    copy = tmp / "dist-bench"
    shutil.copytree(dist, copy)
    worker = copy / "python-worker.js"
    text = worker.read_text(encoding="utf-8")
    if WORKER_HOOK[0] not in text:
        raise SystemExit(f"{worker} has no {WORKER_HOOK[0]!r} to hook the bench onto")
    worker.write_text(text.replace(WORKER_HOOK[0], WORKER_HOOK[1], 1), encoding="utf-8")
    return copy


def bench_browser(dist: Path, sizes: list[int], inserts: int, repeats: int) -> dict[int, dict]:
    """EpisodeLog over IndexedDBBackend in the offline app's own worker, in headless Chromium."""
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "pwa")]
    from browser import phone_browser
    from pwa_support import StaticServer, first_visit

    from app.store.backends import MemoryBackend

    server = StaticServer(dist)
    results = {}
    try:
        with phone_browser() as (context, guard):
            page = first_visit(context, server)
            worker = page.workers[0]
            worker.evaluate("() => { if (!self.__spasmPyodide) throw new Error('no bench hook'); }")
            for size in sizes:
                seeded = EpisodeLog(MemoryBackend())
                seeded.add_many(realistic_episodes(size, seed=size))
                extra = [e.model_dump(mode="json")
                         for e in realistic_episodes(inserts, seed=-size, start_day=int(size * 0.7) + 1)]
                args = json.dumps([f"spasm-sos-bench-{size}", seeded.backend.text, extra, repeats])
                results[size] = json.loads(worker.evaluate(RUN_IN_WORKER, [IN_WORKER, args]))
                print(".", end="", file=sys.stderr, flush=True)
            assert guard.unexpected == [], guard.unexpected
    finally:
        server.stop()
    return results


def print_browser(results: dict[int, dict], inserts: int, repeats: int) -> bool:
    med = statistics.median
    head = ["episodes", "store", "insert p50 ms", "insert p95 ms", "stored p50 ms", "stored p95 ms",
            "page fresh ms", "read ms", "open ms", "record"]
    rows = [[f"{size:,}", "indexeddb", f"{ms(med(r['ins'])):.1f}", f"{ms(pct(r['ins'], 95)):.1f}",
             f"{ms(med(r['durable'])):.1f}", f"{ms(pct(r['durable'], 95)):.1f}",
             f"{ms(med(r['fresh'])):.2f}", f"{ms(med(r['read'])):.1f}", f"{ms(med(r['open'])):.1f}",
             f"{r['size'] / 1024:,.0f} KiB"]
            for size, r in results.items()]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, ["-" * w for w in widths], *rows]:
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths, strict=True))))
    print(f"\nBrowser: EpisodeLog over IndexedDBBackend in the real offline PWA's Pyodide worker "
          f"(headless Chromium), {inserts} single inserts, medians over {repeats} reopens.")
    print("insert = log.add() returning (what a tap waits for); stored = until the readwrite "
          "transaction's complete event (durability strict) and log.saved.")
    print("read = IndexedDBBackend.load() (one readonly transaction, text into Python); "
          "open = read + EpisodeLog parse + validate.")
    big = results.get(5000)
    if big is None:
        return True
    ins, opened = ms(med(big["ins"])), ms(med(big["open"]))
    print(f"goals at 5k: insert p50 <= 20 ms: {ins:.1f} ms -> {'met' if ins <= 20 else 'NOT met'}; "
          f"open <= 300 ms: {opened:.1f} ms -> {'met' if opened <= 300 else 'NOT met'}")
    return ins <= 20 and opened <= 300


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,5000,10000,50000")
    ap.add_argument("--inserts", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=5, help="reopens per size for open/page times")
    ap.add_argument("--browser-sizes", default="1000,5000",
                    help="IndexedDB sizes measured in Chromium; empty to skip the browser")
    ap.add_argument("--dist", help="a built real PWA (python -m app.pwa build); built when absent")
    ap.add_argument("--child", help=argparse.SUPPRESS)  # the measuring process (see bench_ours)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.child:
        child(Path(args.child), sizes[0], args.inserts, args.repeats)
        return

    head = ["episodes", "store", "insert p50 ms", "insert p95 ms", "1st insert ms", "page fresh ms",
            "page warm ms", "open ms", "start s", "RSS MB", "peak MB", "file"]
    rows, results = [], {}
    with tempfile.TemporaryDirectory(prefix="log_bench_") as tmp:
        for size in sizes:
            prefill = realistic_episodes(size, seed=size, every=spacing(size + args.inserts))
            for name, fn in (("ours", bench_ours), ("tinydb", bench_tinydb)):
                if name == "tinydb" and size > 10_000:
                    continue  # each of its inserts re-reads the whole file: minutes, and known
                folder = Path(tmp) / f"{name}-{size}"
                folder.mkdir()
                result = fn(folder, prefill, args.inserts, args.repeats)
                rows.append(row(size, name, result))
                if name == "ours":
                    results[size] = result
                print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: "  ".join(c.ljust(w) if i < 2 else c.rjust(w)  # noqa: E731
                              for i, (c, w) in enumerate(zip(r, widths, strict=True)))
    print(fmt(head))
    print("  ".join("-" * w for w in widths))
    for i, r in enumerate(rows):
        if i and r[0] != rows[i - 1][0]:
            print()
        print(fmt(r))
    print(f"\n{args.inserts} single inserts per size into a log pre-filled by add_many; medians over "
          f"{args.repeats} opens (open, page fresh) and >=20 calls (page warm).")
    print("ours runs in a fresh child process: start = spawning it until its log is open (Python, "
          "imports, open); RSS = after the inserts; peak = the most it ever held (VmHWM).")
    print("1st insert = one insert right after opening the file, as when the app has just started.")
    print("page = newest-first first 20 (ours: log.page(0, 20); tinydb: sort all() by start, take 20).")
    print("open = ours: EpisodeLog(FileBackend) parse + validate; tinydb: TinyDB(path) + len() parse.")
    med = statistics.median
    if 5000 in results:
        ins = ms(med(results[5000]["ins"]))
        print(f"goal at 5k: insert p50 <= 20 ms: {ins:.1f} ms -> {'met' if ins <= 20 else 'NOT met'}")
    if 50_000 in results:
        r = results[50_000]
        ins = ms(med(r["ins"]))
        print(f"goals at 50k: insert p50 <= 100 ms: {ins:.1f} ms -> {'met' if ins <= 100 else 'NOT met'}; "
              f"RSS <= 300 MB: {r['rss']:.0f} MB -> {'met' if r['rss'] <= 300 else 'NOT met'}")

    browser_sizes = [int(n) for n in args.browser_sizes.split(",") if n]
    if browser_sizes:
        with tempfile.TemporaryDirectory(prefix="log_bench_pwa_") as tmp:
            dist = browser_dist(args.dist, Path(tmp))
            results = bench_browser(dist, browser_sizes, args.inserts, args.repeats)
        print(file=sys.stderr)
        print()
        print_browser(results, args.inserts, args.repeats)


if __name__ == "__main__":
    main()
