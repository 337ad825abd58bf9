"""Where a file picked in the browser lands in server mode: sent over HTTP, never over the WebSocket.

A picked file's bytes sent back with the pick (`with_data=True`) travel inside one WebSocket
message, and a message over uvicorn's 16 MiB limit closes the session: the tab stops answering,
SOS included. So in server mode the app picks without data, reads the file's size, refuses a file
over the import limit with a message, and only then has the browser PUT the file to Flet's signed
upload route (`/upload`, capped at the same limit). The folder is this process's own, in the
system's temp folder, and each file is deleted as soon as it is read.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import secrets
import shutil
import tempfile

_folder: str | None = None


def folder() -> str:
    """This process's upload folder, made on first use and removed when the process ends."""
    global _folder
    if _folder is None:
        _folder = tempfile.mkdtemp(prefix="spasm-sos-uploads-")
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def enabled() -> bool:
    """The server set up the upload route (app/server.py) in this process."""
    return _folder is not None


def new_name() -> str:
    """A name no other upload has, and no one can guess."""
    return secrets.token_hex(16) + ".upload"


def take(name: str, limit: int) -> bytes | None:
    """The uploaded file's bytes, at most `limit` + 1 of them (None when it never arrived); deleted."""
    path = os.path.join(folder(), os.path.basename(name))
    try:
        with open(path, "rb") as f:
            return f.read(limit + 1)
    except FileNotFoundError:
        return None
    finally:
        discard(name)


def discard(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(os.path.join(folder(), os.path.basename(name)))
