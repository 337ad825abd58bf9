"""Where the log's JSON text lives: an atomic file held by one process, memory, or browser preferences."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import glob
import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import socket

ROOT = Path(__file__).resolve().parents[2]
LOG_NAME = "episodes.json"


def default_log_path() -> Path:
    """FLET_APP_STORAGE_DATA when set (mobile builds), else storage/data/ beside main.py."""
    base = os.environ.get("FLET_APP_STORAGE_DATA")
    return Path(base) / LOG_NAME if base else ROOT / "storage" / "data" / LOG_NAME


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def display_name(name: str) -> str:
    """What the person is shown of a stored copy: its own name, never the server's folders."""
    return Path(name).name


class Backend(Protocol):
    def read(self) -> str | None: ...
    def write(self, text: str) -> None: ...
    def newer(self) -> str | None: ...
    def quarantine(self) -> str: ...
    def aside(self) -> list[str]: ...
    def remove_aside(self) -> None: ...


class LogInUse(RuntimeError):
    """Another process holds the log file."""

    def __init__(self, path: Path, pid: str) -> None:
        self.path, self.pid = path, pid
        super().__init__(f"The log {path} is in use by another Spasm SOS (process {pid or 'unknown'}). "
                         "Close that one first, or give this one its own FLET_APP_STORAGE_DATA.")


_Signature = tuple[int, int, int] | None


def _claim_name(path: Path) -> socket.socket | None:
    """Linux: bind an abstract socket named after the log's full path, for the life of the process.

    The lock file beside the log goes when its folder is deleted, and a second server would then
    lock a new one. This name lives in no folder and the kernel frees it when the process ends.
    Raises LogInUse (naming the holder's pid) when another process has it; None where there is no
    such name (other systems, or a sandbox that refuses it): the lock file still holds.
    """
    if not sys.platform.startswith("linux"):
        return None
    import socket  # servers only: the browser build never holds a file

    key = hashlib.sha256(os.fsencode(os.path.abspath(path))).hexdigest()[:40]
    name = f"\0spasm-sos-log-{key}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(name)
        sock.listen(1)  # so a refused second process can ask who holds it
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise LogInUse(path, _holder(name)) from None
        return None
    return sock


def _holder(name: str) -> str:
    """The pid of the process bound to an abstract socket name, or "" when it will not say."""
    import socket
    import struct

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(1)
            sock.connect(name)
            creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except OSError:
        return ""
    return str(struct.unpack("3i", creds)[0])


class FileBackend:
    """A JSON file replaced atomically: temp file, fsync, os.replace, fsync of the folder."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._seen: _Signature = None  # the file as we last read or wrote it
        self._lock = None
        self._name: socket.socket | None = None

    def hold(self) -> FileBackend:
        """Lock the log for the life of this process; raises LogInUse naming the holder's pid."""
        from filelock import FileLock, Timeout  # not shipped to the browser, which has no files

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        lock = FileLock(lock_path, timeout=0)
        try:
            lock.acquire()
        except Timeout:
            try:
                pid = lock_path.read_text(encoding="ascii").strip()
            except (OSError, UnicodeDecodeError):
                pid = ""
            raise LogInUse(self.path, pid) from None
        try:
            self._name = _claim_name(self.path)
        except LogInUse:
            lock.release()
            raise
        with contextlib.suppress(OSError):  # the pid only names the holder; a full disk still locks
            lock_path.write_text(str(os.getpid()), encoding="ascii")
        self._lock = lock
        return self

    def release(self) -> None:
        """Let another process have the log (also done when this process ends)."""
        if self._name is not None:
            self._name.close()
            self._name = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _signature(self) -> _Signature:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns

    def read(self) -> str | None:
        self._sweep_stale_temp_files()
        try:
            self._seen = self._signature()
            return self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            return None

    def newer(self) -> str | None:
        """The file's text if someone else replaced or changed it since we last read or wrote it."""
        now = self._signature()
        if now is None or now == self._seen:
            return None
        return self.read()

    def _sweep_stale_temp_files(self, older_than: float = 60.0) -> None:
        """Remove temp copies of the log left by a write that was killed before os.replace."""
        cutoff = time.time() - older_than
        try:
            for tmp in self.path.parent.glob(f".{glob.escape(self.path.name)}.????????"):
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink(missing_ok=True)
        except OSError:
            pass

    def write(self, text: str) -> None:
        self.write_parts([text])

    def write_parts(self, parts: Iterable[str]) -> None:
        """Write the text made of `parts`, in order, without ever joining them in memory."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", buffering=1 << 20) as f:
                f.writelines(parts)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._seen = self._signature()
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def quarantine(self) -> str:
        """Move the file aside under a new name, never replacing an existing file.

        The new name is reserved with O_EXCL and then renamed onto, so no hard links are needed.
        """
        base = f"{self.path.name}.corrupt-{_stamp()}"
        target, n = self.path.with_name(base), 1
        while True:
            try:
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                break
            except FileExistsError:
                target, n = self.path.with_name(f"{base}-{n}"), n + 1
        try:
            os.replace(self.path, target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return str(target)

    def aside(self) -> list[str]:
        return sorted(str(p) for p in self.path.parent.glob(f"{glob.escape(self.path.name)}.corrupt-*"))

    def remove_aside(self) -> None:
        for name in self.aside():
            Path(name).unlink(missing_ok=True)


class MemoryBackend:
    def __init__(self, text: str | None = None) -> None:
        self.text = text
        self.moved_aside: dict[str, str] = {}

    def read(self) -> str | None:
        return self.text

    def write(self, text: str) -> None:
        self.text = text

    def newer(self) -> str | None:
        return None

    def quarantine(self) -> str:
        key = f"corrupt-{_stamp()}"
        self.moved_aside[key], self.text = self.text or "", None
        return key

    def aside(self) -> list[str]:
        return list(self.moved_aside)

    def remove_aside(self) -> None:
        self.moved_aside.clear()


class PrefsBackend:
    """The old browser log in localStorage, through an async key-value object (ft.SharedPreferences).

    Legacy: the app now keeps its browser log in IndexedDB (app/store/indexeddb.py), which moves
    this key over once. Kept so tests can write exactly what existing users have.
    Call `await load()` before use; writes go to memory at once and are flushed in order.
    """

    def __init__(self, prefs, key: str = "spasmsos.log") -> None:
        self.prefs, self.key = prefs, key
        self._text: str | None = None
        self._queue: list[tuple[str, str | None]] = []
        self._task: asyncio.Task | None = None

    async def load(self) -> PrefsBackend:
        self._text = await self.prefs.get(self.key)
        return self

    def read(self) -> str | None:
        return self._text

    def newer(self) -> str | None:
        return None

    def aside(self) -> list[str]:
        return []

    def remove_aside(self) -> None:
        pass

    def write(self, text: str) -> None:
        self._text = text
        self._enqueue(self.key, text)

    def quarantine(self) -> str:
        target = f"{self.key}.corrupt-{_stamp()}"
        self._enqueue(target, self._text or "")
        self._enqueue(self.key, None)  # flushed in order: removed only once the copy is stored
        self._text = None
        return target

    def _enqueue(self, key: str, text: str | None) -> None:
        """Queue a write of `text` to `key`, or its removal when `text` is None."""
        self._queue = [item for item in self._queue if item[0] != key] + [(key, text)]
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        self._drainer()

    def _drainer(self) -> asyncio.Task:
        # a single task stores the queue, so changes reach prefs in the order they were made
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._drain())
        return self._task

    async def flush(self) -> None:
        """Wait until every queued change is stored; raises if one could not be."""
        await self._drainer()

    async def _drain(self) -> None:
        while self._queue:
            key, text = item = self._queue.pop(0)
            try:
                if text is None:
                    await self.prefs.remove(key)
                elif await self.prefs.set(key, text) is False:
                    raise OSError(f"preferences did not store {key!r}")
            except BaseException:
                self._queue.insert(0, item)  # kept first: nothing after it is stored before it
                raise
