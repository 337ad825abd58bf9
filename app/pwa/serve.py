"""Serve a built site on 127.0.0.1 only, for a try-out: python -m app.pwa serve dist."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import sys
from http import HTTPStatus
from pathlib import Path

TYPES = {".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json",
         ".webmanifest": "application/manifest+json"}


def etag(stat: os.stat_result) -> str:
    return f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with validators (ETag, Last-Modified) that the browser must check before reuse.

    The service worker precaches with requests the HTTP cache can answer (`no-cache`), so a file
    the page already fetched comes back as a 304, not a second download. The access log gives each
    response's body size.
    """

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    cache_control: str | None = "no-cache"  # a try-out server: a rebuilt file is never taken from cache
    _etag: str | None = None
    _deferred = False  # GET and HEAD log after the body, with its size
    _code: int | None = None
    _length = 0

    def do_GET(self):
        self._begin()
        try:
            super().do_GET()
        finally:
            self._log()

    def do_HEAD(self):
        self._begin()
        try:
            super().do_HEAD()
        finally:
            self._log()

    def send_head(self):
        # A deep link such as /log before the service worker is installed gets the app's page.
        path = Path(self.translate_path(self.path))
        if not path.exists() and "." not in path.name:
            self.path = "/index.html"
            path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.is_file():
            self._etag = etag(path.stat())
            asked = self.headers.get("If-None-Match", "")
            if self._etag in (tag.strip().removeprefix("W/") for tag in asked.split(",")):
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.end_headers()
                return None
        return super().send_head()

    def send_header(self, keyword, value):
        if keyword.lower() == "content-length" and self.command != "HEAD":
            self._length = int(value)
        super().send_header(keyword, value)

    def end_headers(self):
        if self._etag:
            self.send_header("ETag", self._etag)
            if self.cache_control:
                self.send_header("Cache-Control", self.cache_control)
        super().end_headers()

    def log_request(self, code="-", size="-"):
        if self._deferred:
            self._code = code
        else:
            super().log_request(code, size)

    def _begin(self) -> None:
        self._etag, self._code, self._length, self._deferred = None, None, 0, True

    def _log(self) -> None:
        if self._code is not None:
            code = int(self._code)
            self.log_sent(code, 0 if code == HTTPStatus.NOT_MODIFIED else self._length)

    def log_sent(self, code: int, size: int) -> None:
        """One line per GET or HEAD response, with the bytes of its body."""
        self.log_message('"%s" %s %s', self.requestline, code, size)


def serve(dist: Path, port: int = 8000) -> int:
    if not (dist / "index.html").is_file() or not (dist / "sw.js").is_file():
        print(f"{dist} is not a built site: run python -m app.pwa build first", file=sys.stderr)
        return 2
    handler = functools.partial(SiteHandler, directory=str(dist.resolve()))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        print(f"serving {dist} on http://127.0.0.1:{httpd.server_address[1]}/ (Ctrl+C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()
    return 0
