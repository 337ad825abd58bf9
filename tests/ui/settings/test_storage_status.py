"""Settings says in plain words whether the browser will keep the log, and the space it has."""

from app.store.indexeddb import StorageStatus
from app.ui.settings.storage_status import describe


def test_persisted_storage_and_space_are_said_plainly():
    lines = describe(StorageStatus(persisted=True, used=3 * 1024 * 1024, quota=2 * 1024 ** 3))
    assert lines == ["The browser keeps this data even when space runs low.",
                     "3.0 MB used, 2.0 GB free for this app."]


def test_storage_the_browser_may_clear_says_to_export():
    assert "export" in describe(StorageStatus(persisted=False, used=None, quota=None))[0]
    assert describe(StorageStatus(persisted=None, used=None, quota=None)) == []
