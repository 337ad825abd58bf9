"""The offline app's log in IndexedDB: two windows keep each other's entries, a refused write says
so, the old localStorage log moves over, and delete-all leaves nothing of the person's behind."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from browser import enable_semantics, phone_browser, reveal, shot, text
from pwa_support import first_visit, wait_app_ready

from app.domain.episode import Episode
from app.store.backends import MemoryBackend, PrefsBackend
from app.store.repository import EpisodeLog
from app.store.transfer import export_json
from app.ui.session import DELETED

T0 = datetime(2025, 1, 6, 7, 0, tzinfo=UTC)
# Everything the origin keeps: every IndexedDB database, store, key and value, and localStorage.
DUMP = """async () => {
  const out = {localStorage: Object.fromEntries(Object.entries(localStorage)), indexedDB: {}};
  for (const {name} of await indexedDB.databases()) {
    const db = await new Promise((ok, no) => { const r = indexedDB.open(name);
      r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
    const stores = out.indexedDB[name] = {};
    for (const store of db.objectStoreNames) {
      const tx = db.transaction(store), s = tx.objectStore(store);
      const [keys, values] = await Promise.all([s.getAllKeys(), s.getAll()].map((r) =>
        new Promise((ok) => { r.onsuccess = () => ok(r.result); })));
      stores[store] = Object.fromEntries(keys.map((k, i) => [String(k), values[i]]));
    }
    db.close();
  }
  return out;
}"""
# What a browser does when the site's storage is full; Playwright's init scripts do not reach
# workers, so this is evaluated in the app's Python worker before the tap.
REFUSE_PUTS = """() => { IDBObjectStore.prototype.put = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; }"""


def stored(page) -> dict:
    return page.evaluate(DUMP)


def stored_log(page) -> dict:
    main = stored(page)["indexedDB"]["spasm-sos"]["log"]["main"]
    return json.loads(main["text"])


def stored_ids(page) -> set[str]:
    return {row["id"] for row in stored_log(page)["tables"].get("episodes", {}).values()}


def episodes(prefix: str, n: int, day: int) -> list[Episode]:
    return [Episode(id=f"{prefix}{i}", start=T0 + timedelta(days=day, minutes=7 * i),
                    end=T0 + timedelta(days=day, minutes=7 * i + 5), notes=f"{prefix} note {i}")
            for i in range(n)]


def export_file(folder: Path, name: str, rows: list[Episode]) -> Path:
    """A JSON export made by the app's own exporter, as a person would import it."""
    log = EpisodeLog(MemoryBackend())
    log.add_many(rows)
    path = folder / f"{name}.json"
    path.write_text(export_json(log), encoding="utf-8")
    return path


def to_top(page, down: int = -1) -> None:
    page.mouse.move(195, 400)
    page.mouse.wheel(0, 20_000 * down)
    page.wait_for_timeout(300)


def open_log_tab(page) -> None:
    enable_semantics(page)
    page.get_by_role("tab", name="Log").click(timeout=60_000)


def second_window(context, server):
    """The installed app beside a browser tab: one origin, one storage."""
    page = context.new_page()
    page.goto(server.url)
    wait_app_ready(page)
    return page


def tap_one_entry(page) -> None:
    page.bring_to_front()  # a tab in the background gets no animation frames: Flutter waits
    page.get_by_role("button", name="I'm having a spasm").click(timeout=30_000)
    reveal(page, page.get_by_role("button", name="End this episode")).click()
    to_top(page)
    page.get_by_role("button", name="I'm having a spasm").wait_for(timeout=30_000)


def start_import(page, path: Path) -> None:
    page.bring_to_front()
    to_top(page, down=1)  # the import button is at the foot of the Log tab
    with page.expect_file_chooser() as chooser:
        reveal(page, page.get_by_role("button", name="Import JSON")).click()
    chooser.value.set_files(str(path))


def wait_imported(page, n: int) -> None:
    page.bring_to_front()
    to_top(page, down=1)
    reveal(page, text(page, f"Imported {n} episodes")).wait_for(timeout=30_000)


def legacy_local_storage() -> tuple[dict[str, str], list[Episode]]:
    """What the old app left in localStorage: its log (PrefsBackend) and a copy it moved aside.

    Keys and values as Flutter's shared_preferences web plugin writes them: "flutter." + key,
    the value JSON-encoded.
    """
    class Prefs(dict):
        async def get(self, key):
            return dict.get(self, key)

        async def set(self, key, value):
            self[key] = value
            return True

        async def remove(self, key):
            return self.pop(key, None) is not None

    prefs = Prefs({"spasmsos.log": "{half a log from a crash"})
    rows = [Episode(id=f"old{i}", start=T0 - timedelta(days=40 - i), end=T0 - timedelta(days=40 - i) +
                    timedelta(hours=2), notes=f"old note {i}", triggers=["lifting"]) for i in range(40)]

    async def write() -> None:
        log = EpisodeLog(await PrefsBackend(prefs).load())
        log.add_many(rows)
        log.set_setting("theme", "dark")
        await log.backend.flush()

    asyncio.run(write())
    return {f"flutter.{k}": json.dumps(v) for k, v in prefs.items()}, rows


def seed(page, items: dict[str, str]) -> None:
    page.evaluate("(items) => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
                  items)


def test_two_windows_writing_in_turns_keep_all_100_entries(real_dist, served, tmp_path):
    server = served(real_dist.out)
    # Per window: one entry tapped in the Log tab, then 24 and 25 from two imports made in turns
    # with the other window (tapping 100 entries takes ~9 minutes here; an import is one write too).
    # Each import's size differs from the last, so its "Imported N" line cannot be the one before.
    files = {w: [export_file(tmp_path, f"{w}{k}", episodes(f"{w}{k}-", 24 + k, day=2 * k + (w == "b")))
                 for k in range(2)] for w in "ab"}
    with phone_browser() as (context, guard):
        a = first_visit(context, server)
        b = second_window(context, server)
        for page in (a, b):
            page.bring_to_front()
            open_log_tab(page)
        tap_one_entry(a)
        tap_one_entry(b)
        for k in range(2):
            start_import(a, files["a"][k])
            start_import(b, files["b"][k])  # while a's import is being stored
            for page in (a, b):
                wait_imported(page, 24 + k)
        for page in (a, b):
            page.bring_to_front()
            page.reload()
            wait_app_ready(page)
            open_log_tab(page)
            reveal(page, text(page, "History (100)")).wait_for(timeout=30_000)
        imported = {e.id for w in "ab" for k in range(2)
                    for e in episodes(f"{w}{k}-", 24 + k, day=2 * k + (w == "b"))}
        ids = stored_ids(a)
        assert len(ids) == 100 and imported <= ids
        assert guard.unexpected == []


def test_a_refused_write_shows_not_saved_and_is_not_there_after_a_reload(real_dist, served):
    server = served(real_dist.out)
    with phone_browser() as (context, guard):
        page = first_visit(context, server)
        open_log_tab(page)
        assert page.workers, "the app's Python runs in a web worker"
        for worker in page.workers:
            worker.evaluate(REFUSE_PUTS)
        page.get_by_role("button", name="I'm having a spasm").click()
        text(page, "Spasm in progress").first.wait_for(timeout=30_000)
        text(page, "Not saved").first.wait_for(timeout=30_000)
        assert text(page, "Export").count() >= 1
        page.wait_for_timeout(1000)
        assert text(page, "Not saved").first.is_visible(), "the warning stays"
        shot(page, "pwa-not-saved")
        assert "main" not in stored(page)["indexedDB"].get("spasm-sos", {}).get("log", {})

        page.reload()
        wait_app_ready(page)
        open_log_tab(page)
        page.get_by_role("button", name="I'm having a spasm").wait_for(timeout=30_000)
        assert text(page, "Spasm in progress").count() == 0
        assert guard.unexpected == []


def test_the_old_localstorage_log_moves_to_indexeddb_with_every_entry(real_dist, served):
    server = served(real_dist.out)
    items, rows = legacy_local_storage()
    old_log = json.loads(json.loads(items["flutter.spasmsos.log"]))
    with phone_browser() as (context, guard):
        page = first_visit(context, server)
        seed(page, items)
        page.reload()
        wait_app_ready(page)
        open_log_tab(page)
        reveal(page, text(page, "History (40)")).wait_for(timeout=30_000)
        after = stored(page)
        assert [k for k in after["localStorage"] if "spasmsos" in k] == []
        log = json.loads(after["indexedDB"]["spasm-sos"]["log"]["main"]["text"])
        assert log == old_log
        assert {r["id"] for r in log["tables"]["episodes"].values()} == {e.id for e in rows}
        asides = [v["text"] for k, v in after["indexedDB"]["spasm-sos"]["log"].items() if k != "main"]
        assert asides == ["{half a log from a crash"]

        page.reload()  # once only: the next start finds nothing left to move
        wait_app_ready(page)
        assert stored(page) == after
        assert guard.unexpected == []


def test_delete_all_leaves_nothing_of_the_person_in_indexeddb_or_localstorage(real_dist, served):
    server = served(real_dist.out)
    items, rows = legacy_local_storage()
    with phone_browser() as (context, guard):
        page = first_visit(context, server)
        seed(page, items)
        page.reload()
        wait_app_ready(page)
        open_log_tab(page)
        tap_one_entry(page)
        reveal(page, text(page, "History (41)")).wait_for(timeout=30_000)
        to_top(page)

        page.get_by_role("button", name="Settings").click()
        reveal(page, page.get_by_role("button", name="Delete all my data")).click()
        text(page, "Delete all 41 episodes").first.wait_for(timeout=30_000)
        reveal(page, page.get_by_role("button", name="Yes, delete everything")).click()
        text(page, DELETED).first.wait_for(timeout=30_000)  # said only once IndexedDB has stored it

        left = stored(page)
        assert [k for k in left["localStorage"] if "spasmsos" in k] == []
        assert list(left["indexedDB"]) == ["spasm-sos"]
        records = left["indexedDB"]["spasm-sos"]["log"]
        assert list(records) == ["main"], "no moved-aside copy is left"
        log = json.loads(records["main"]["text"])
        assert log["tables"].get("episodes", {}) == {} and not log["tables"].get("settings")
        everything = json.dumps(left)
        for word in ("old note", "old1", "lifting", "dark", "half a log"):
            assert word not in everything
        assert guard.unexpected == []
