"""Server mode's upload route: how an imported file reaches the app without the WebSocket.

A signed PUT to /upload, capped at the import limit (413 past it), behind the same guard as the
rest of the server; each file lands in this process's own upload folder.
"""

from __future__ import annotations

import os

import pytest
from flet_web.uploads import build_upload_url
from starlette.testclient import TestClient

from app import uploads
from app.server import Site, build_app
from app.store.transfer import MAX_IMPORT_BYTES

ASSETS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "assets")
SECRET = "test-upload-secret"


@pytest.fixture
def client(monkeypatch):
    monkeypatch.setenv("FLET_SECRET_KEY", SECRET)  # flet_web signs and checks with this when set
    app = build_app(lambda page: None, Site("127.0.0.1", 8550), ASSETS)
    return TestClient(app, base_url="http://127.0.0.1:8550")


def test_an_import_of_up_to_the_limit_is_uploaded_into_the_apps_own_folder(client):
    name = uploads.new_name()
    body = b"{" + b" " * (MAX_IMPORT_BYTES - 2) + b"}"
    answer = client.put(build_upload_url("/upload", name, 60, SECRET), content=body)
    assert answer.status_code == 200, answer.text
    assert uploads.take(name, MAX_IMPORT_BYTES) == body
    assert not os.path.exists(os.path.join(uploads.folder(), name))  # deleted once read


def test_a_file_over_the_import_limit_is_refused_413(client):
    name = uploads.new_name()
    answer = client.put(build_upload_url("/upload", name, 60, SECRET), content=b"x" * (MAX_IMPORT_BYTES + 1))
    assert answer.status_code == 413
    uploads.discard(name)


def test_an_unsigned_or_foreign_upload_is_refused(client):
    unsigned = "/upload?f=x.upload&e=2100-01-01T00:00:00%2B00:00&s=bad"
    assert client.put(unsigned, content=b"{}").status_code == 403
    url = build_upload_url("/upload", uploads.new_name(), 60, SECRET)
    assert client.put(url, content=b"{}", headers={"host": "evil.example:8550"}).status_code == 403
