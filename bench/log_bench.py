"""Episode-log benchmark: insert latency, first history page, open time and file size.

Run from the project root:  python bench/log_bench.py [--sizes 100,1000,5000,10000] [--inserts 50]

Each size gets a fresh temp dir. "ours" is EpisodeLog over FileBackend (in-memory cache, JSON text
cached per row, pydantic validation, atomic temp-file + fsync + os.replace per write). "tinydb" is
plain TinyDB with its default JSONStorage doing the same inserts (re-reads and re-parses the whole
file on every operation, writes in place + fsync, no validation). Goal (issue): insert p50 <= 20 ms at 5k.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinydb import TinyDB  # noqa: E402

from app.content.loader import library  # noqa: E402
from app.domain.episode import Episode, PainReading  # noqa: E402
from app.store.backends import FileBackend  # noqa: E402
from app.store.repository import EpisodeLog  # noqa: E402

NOTES = ["", "", "woke up stiff", "after gardening", "bent to tie shoes", "long drive to see mum",
         "ice helped a bit, walking helped more", "could not get out of bed for an hour",
         "started at work, desk chair again", "sneezed and it went"]


def realistic_episodes(n: int, seed: int, start_day: int = 0) -> list[Episode]:
    rng = random.Random(seed)
    lib = library()
    triggers = [t.id for t in lib.triggers]
    relief = [c.id for c in lib.decks[0].cards]
    t0 = datetime(2000, 1, 1, tzinfo=UTC)  # 10k episodes at 0.7 days apart still end before today
    out = []
    for i in range(n):
        start = t0 + timedelta(days=start_day + i * 0.7, minutes=rng.randrange(1440))
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


def bench_ours(folder: Path, prefill: list[Episode], extra: list[Episode], repeats: int) -> dict:
    path = folder / "ours.json"
    log = EpisodeLog(FileBackend(path))
    log.add_many(prefill)
    inserts = [timed(lambda e=e: log.add(e)) for e in extra]
    late = extra[0].model_copy(update={"id": "first-after-open"})

    def first(copy: Path) -> float:
        opened = EpisodeLog(FileBackend(copy))
        return timed(lambda: opened.add(late))

    firsts = first_inserts(path, repeats, first)
    opens, fresh = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        reopened = EpisodeLog(FileBackend(path))
        opens.append(time.perf_counter() - t)
        assert reopened.problem is None and len(reopened) == len(prefill) + len(extra)
        fresh.append(timed(lambda r=reopened: r.page(0, 20)))
    warm = [timed(lambda: reopened.page(0, 20)) for _ in range(max(repeats, 20))]
    return {"ins": inserts, "first": firsts, "open": opens, "fresh": fresh, "warm": warm,
            "size": path.stat().st_size}


def bench_tinydb(folder: Path, prefill: list[Episode], extra: list[Episode], repeats: int) -> dict:
    path = folder / "tinydb.json"

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
    return [f"{size:,}", name, f"{ms(med(r['ins'])):.1f}", f"{ms(pct(r['ins'], 95)):.1f}",
            f"{ms(med(r['first'])):.1f}", f"{ms(med(r['fresh'])):.2f}", f"{ms(med(r['warm'])):.2f}",
            f"{ms(med(r['open'])):.1f}",
            f"{r['size'] / 1024:,.0f} KiB"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,5000,10000")
    ap.add_argument("--inserts", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=5, help="reopens per size for open/page times")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    head = ["episodes", "store", "insert p50 ms", "insert p95 ms", "1st insert ms", "page fresh ms",
            "page warm ms", "open ms", "file"]
    rows, goal = [], None
    with tempfile.TemporaryDirectory(prefix="log_bench_") as tmp:
        for size in sizes:
            prefill = realistic_episodes(size, seed=size)
            extra = realistic_episodes(args.inserts, seed=-size, start_day=int(size * 0.7) + 1)
            for name, fn in (("ours", bench_ours), ("tinydb", bench_tinydb)):
                folder = Path(tmp) / f"{name}-{size}"
                folder.mkdir()
                result = fn(folder, prefill, extra, args.repeats)
                rows.append(row(size, name, result))
                if name == "ours" and size == 5000:
                    goal = ms(statistics.median(result["ins"]))
                print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    fmt = lambda r: "  ".join(c.ljust(w) if i < 2 else c.rjust(w)  # noqa: E731
                              for i, (c, w) in enumerate(zip(r, widths, strict=True)))
    print(fmt(head))
    print("  ".join("-" * w for w in widths))
    for i, r in enumerate(rows):
        if i and i % 2 == 0:
            print()
        print(fmt(r))
    print(f"\n{args.inserts} single inserts per size into a log pre-filled by add_many; medians over "
          f"{args.repeats} reopens (open, page fresh, 1st insert) and >=20 calls (page warm).")
    print("1st insert = one insert right after opening the file, as when the app has just started.")
    print("page = newest-first first 20 (ours: log.page(0, 20); tinydb: sort all() by start, take 20).")
    print("open = ours: EpisodeLog(FileBackend) parse + validate; tinydb: TinyDB(path) + len() parse.")
    if goal is not None:
        print(f"goal insert p50 <= 20 ms at 5k: {goal:.1f} ms -> {'met' if goal <= 20 else 'NOT met'}")


if __name__ == "__main__":
    main()
