"""Serve a built site on 127.0.0.1 only, for a try-out: python -m app.pwa serve dist."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
from pathlib import Path

TYPES = {".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json",
         ".webmanifest": "application/manifest+json"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def send_head(self):
        # A deep link such as /log before the service worker is installed gets the app's page.
        path = Path(self.translate_path(self.path))
        if not path.exists() and "." not in path.name:
            self.path = "/index.html"
        return super().send_head()


def serve(dist: Path, port: int = 8000) -> int:
    if not (dist / "index.html").is_file() or not (dist / "sw.js").is_file():
        print(f"{dist} is not a built site: run python -m app.pwa build first", file=sys.stderr)
        return 2
    handler = functools.partial(_Handler, directory=str(dist.resolve()))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as httpd:
        print(f"serving {dist} on http://127.0.0.1:{httpd.server_address[1]}/ (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            httpd.serve_forever()
    return 0
