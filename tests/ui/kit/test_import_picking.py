"""Import in server mode: the file's size is checked before any of its bytes is asked for, and the
bytes come by HTTP upload, never inside a WebSocket message (issue 19, finding 4)."""

from __future__ import annotations

import asyncio
import os
from types import SimpleNamespace

import flet as ft
import pytest

from app import uploads
from app.store import ImportRejected, ImportTooLarge
from app.store.transfer import MAX_IMPORT_BYTES, MIB
from app.ui.kit.transfer_buttons import Importer


class FakePage:
    def __init__(self, web: bool = True) -> None:
        self.web = web
        self.urls: list[str] = []

    def get_upload_url(self, file_name: str, expires: int) -> str:
        self.urls.append(file_name)
        return f"/upload?f={file_name}&e=later&s=signed"


def fake_picker(importer: Importer, size: int, content: bytes | None = None, error: str | None = None,
                path: str | None = None):
    """Stands in for the browser: answers pick_files, and 'uploads' by writing the folder's file."""
    calls = SimpleNamespace(picks=[], uploads=[])

    async def pick_files(**kwargs):
        calls.picks.append(kwargs)
        data = content if kwargs["with_data"] else None
        return [ft.FilePickerFile(id=0, name="export.json", size=size, path=path, bytes=data)]

    async def upload(files):
        calls.uploads.append(files)
        name = files[0].upload_url.split("f=")[1].split("&")[0]

        async def later():
            await importer._report(ft.FilePickerUploadEvent(name="upload", data=None, control=importer.picker,
                                                            file_name="export.json", progress=0.0))
            if error is None:
                with open(os.path.join(uploads.folder(), name), "wb") as f:
                    f.write(content)
            await importer._report(ft.FilePickerUploadEvent(
                name="upload", data=None, control=importer.picker, file_name="export.json",
                progress=None if error else 1.0, error=error))
        asyncio.get_running_loop().create_task(later())

    importer.picker.pick_files = pick_files
    importer.picker.upload = upload
    return calls


@pytest.fixture
def server_mode(monkeypatch):
    monkeypatch.setattr("app.ui.kit.transfer_buttons.is_pyodide", lambda: False)
    uploads.folder()  # what app/server.py does when it sets up the upload route
    assert uploads.enabled()


def test_a_19_mb_file_is_refused_from_its_size_and_none_of_its_bytes_is_sent(server_mode):
    importer = Importer()
    calls = fake_picker(importer, size=19 * MIB)
    page = FakePage()
    too_big = r"the file is 19\.0 MB; the app can import files up to 15\.0 MB"
    with pytest.raises(ImportTooLarge, match=too_big):
        asyncio.run(importer.pick(page))
    assert [c["with_data"] for c in calls.picks] == [False]  # the WebSocket never carries the file
    assert calls.uploads == [] and page.urls == []


def test_a_file_that_fits_comes_by_upload_and_is_deleted_once_read(server_mode):
    importer = Importer()
    content = b'{"format": "spasm-sos-export"}' + b" " * (MAX_IMPORT_BYTES - 40)
    calls = fake_picker(importer, size=len(content), content=content)
    page = FakePage()
    assert asyncio.run(importer.pick(page)) == content
    assert [c["with_data"] for c in calls.picks] == [False]
    assert len(calls.uploads) == 1 and calls.uploads[0][0].method == "PUT"
    assert not os.path.exists(os.path.join(uploads.folder(), page.urls[0]))
    assert importer.waiting == {}


def test_an_upload_the_server_refuses_is_said_plainly(server_mode):
    importer = Importer()
    fake_picker(importer, size=1000, content=b"x" * 1000, error="Upload endpoint returned code 413")
    with pytest.raises(ImportRejected, match="the file did not reach the app .*413"):
        asyncio.run(importer.pick(FakePage()))


def test_nothing_picked_is_nothing_imported(server_mode):
    importer = Importer()

    async def none(**kwargs):
        return []
    importer.picker.pick_files = none
    assert asyncio.run(importer.pick(FakePage())) is None


def test_on_a_phone_the_picked_file_is_read_from_its_path(server_mode, tmp_path):
    path = tmp_path / "export.json"
    path.write_bytes(b"{}")
    importer = Importer()
    calls = fake_picker(importer, size=2, path=str(path))
    assert asyncio.run(importer.pick(FakePage(web=False))) == b"{}"
    assert calls.picks[0]["with_data"] is False and calls.uploads == []


def test_in_the_pwa_the_bytes_come_with_the_pick_and_the_size_is_still_checked(monkeypatch):
    monkeypatch.setattr("app.ui.kit.transfer_buttons.is_pyodide", lambda: True)
    importer = Importer()
    calls = fake_picker(importer, size=2, content=b"{}")
    assert asyncio.run(importer.pick(FakePage())) == b"{}"
    assert calls.picks[0]["with_data"] is True
    fake_picker(importer, size=16 * MIB, content=b"...")
    with pytest.raises(ImportTooLarge):
        asyncio.run(importer.pick(FakePage()))
