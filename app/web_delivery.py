"""How server mode sends its files: as Spasm SOS, gzipped, and cached for a year when versioned."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from app import web_identity as identity

VERSIONED = "/_v/"  # /_v/<version>/<path>: the client's files, named by a digest of what is served
LONG = b"public, max-age=31536000, immutable"
REVALIDATE = b"no-cache"  # the page, its manifest and everything unversioned: ask again, with validators
COMPRESSIBLE = (b"text/", b"application/javascript", b"application/json", b"application/manifest+json",
                b"application/wasm", b"image/svg+xml", b"font/otf", b"font/ttf")
MIN_GZIP = 1024
DROPPED = (b"content-length", b"etag", b"last-modified", b"content-encoding", b"vary", b"cache-control",
           b"accept-ranges")
LEVEL = 6  # level 9 takes twice as long for 0.3% less (main.dart.wasm: 2.81 MB against 2.80 MB)
PREWARM = ("flutter_bootstrap.js", "python.js", "main.dart.mjs", "main.dart.wasm", "canvaskit/skwasm.js",
           "canvaskit/skwasm.wasm", "assets/FontManifest.json", identity.ICON_FONT.lstrip("/"))


log = logging.getLogger(__name__)


def unversioned(path: str) -> str:
    """The path a versioned URL stands for: /_v/<version>/main.dart.wasm -> /main.dart.wasm."""
    return "/" + path[len(VERSIONED):].partition("/")[2] if path.startswith(VERSIONED) else path


def digest(*dirs: str | None) -> str:
    """A version for what these folders serve: names, sizes and times of their files, and these rules."""
    h = hashlib.sha256(Path(identity.__file__).read_bytes() + Path(__file__).read_bytes())
    for top in filter(None, dirs):
        for root, subdirs, files in os.walk(top):
            subdirs.sort()
            for name in sorted(files):
                stat = os.stat(os.path.join(root, name))
                h.update(f"{os.path.relpath(os.path.join(root, name), top)}\0{stat.st_size}\0"
                         f"{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()[:12]


@dataclass
class _Sent:
    """A response of the inner app: its start, and its body when it is kept whole."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytearray = field(default_factory=bytearray)

    def header(self, name: bytes) -> bytes | None:
        return next((v for k, v in self.headers if k.lower() == name), None)


class Delivery:
    """Pure ASGI middleware in front of Flet's FastAPI app, for GET and HEAD.

    - answers /manifest.json and the rive stub itself, and rewrites what Flet serves into Spasm SOS's
      page (app/web_identity.py);
    - serves the client under /_v/<version>/ with a year's immutable cache; everything else must
      revalidate (ETag);
    - gzips text, JavaScript, JSON, wasm and fonts, once per file (kept in memory).
    """

    def __init__(self, app, web_dir: str, assets_dir: str | None) -> None:
        self.app, self.web_dir = app, web_dir
        self.version = digest(web_dir, assets_dir)
        self.client_base = f"{VERSIONED}{self.version}/"
        self.packed: dict[tuple[str, bytes], tuple[bytes, bytes]] = {}  # (path, inner etag) -> (tag, gzip)
        self.known: set[str] = set()  # paths with a packed copy
        self.working: dict[tuple[str, bytes], asyncio.Future] = {}
        self.warming: asyncio.Task | None = None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        path = unversioned(scope["path"])
        versioned = scope["path"].startswith(self.client_base)
        cache = LONG if versioned else REVALIDATE
        if path == "/manifest.json":
            await self._answer(scope, send, identity.manifest(), b"application/manifest+json", cache)
        elif path == identity.RIVE_STUB_PATH:
            await self._answer(scope, send, identity.rive_stub(), b"text/javascript; charset=utf-8", cache)
        else:
            await self._relay(scope, receive, send, path, cache)

    async def prewarm(self) -> None:
        """Cut and pack the client's big files once, before the first visitor asks for them."""
        for rel in PREWARM:
            scope = {"type": "http", "method": "GET", "path": "/" + rel, "raw_path": b"/" + rel.encode(),
                     "query_string": b"", "root_path": "", "scheme": "http", "http_version": "1.1",
                     "headers": [(b"accept-encoding", b"gzip")], "server": ("127.0.0.1", 0)}
            asked = False

            async def receive():
                nonlocal asked
                if not asked:
                    asked = True
                    return {"type": "http.request", "body": b"", "more_body": False}
                await asyncio.Event().wait()  # no disconnect: the response ends it

            async def drop(message) -> None:
                pass

            try:
                await self(scope, receive, drop)
            except Exception:  # noqa: BLE001 - the first visitor will pack it instead
                log.exception("could not prepare %s", rel)

    async def _relay(self, scope, receive, send, path: str, cache: bytes) -> None:
        inner_scope = {**scope, "path": path, "raw_path": path.encode(), "headers": [
            (k, v) for k, v in scope["headers"]
            if k not in (b"range", b"if-range", b"accept-encoding", b"if-modified-since")]}
        got: _Sent | None = None
        mode = "pass" if scope["method"] == "HEAD" else "keep"  # or "done": answered from the packed copy

        async def relay(message) -> None:
            nonlocal got, mode
            if message["type"] == "http.response.start":
                got = _Sent(message["status"], list(message.get("headers", ())))
                kind = got.header(b"content-type") or b""
                if mode == "pass" or got.status != 200 or not kind.startswith(COMPRESSIBLE):
                    mode = "pass"  # sent as it comes: images, errors, HEAD
                    await send({**message, "headers": _with_cache(got.headers, cache, got.status)})
                elif _accepts_gzip(scope) and (packed := self.packed.get(self._key(path, got))):
                    mode = "done"  # the file is read on, into nothing
                    await self._send_packed(scope, send, cache, got, *packed)
            elif mode == "pass":
                await send(message)
            elif mode == "keep" and message["type"] == "http.response.body":
                got.body += message.get("body", b"")

        if mode == "keep" and _accepts_gzip(scope) and path in self.known:
            # Packed before: the file's headers tell whether it is still the same, without reading it.
            head: list[_Sent] = []

            async def peek(message) -> None:
                if message["type"] == "http.response.start":
                    head.append(_Sent(message["status"], list(message.get("headers", ()))))

            await self.app({**inner_scope, "method": "HEAD"}, receive, peek)
            if head and head[0].status == 200 and (packed := self.packed.get(self._key(path, head[0]))):
                await self._send_packed(scope, send, cache, head[0], *packed)
                return
        await self.app(inner_scope, receive, relay)
        if got is not None and mode == "keep":
            await self._deliver(scope, send, path, cache, got)

    @staticmethod
    def _key(path: str, got: _Sent) -> tuple[str, bytes]:
        return path, (got.header(b"etag") or b"") + b"|" + (got.header(b"content-type") or b"")

    async def _deliver(self, scope, send, path: str, cache: bytes, got: _Sent) -> None:
        """A whole 200 response of a compressible kind: rewritten, then sent gzipped if asked for."""
        kind = got.header(b"content-type") or b""
        html = kind.startswith(b"text/html")
        key = self._key(path, got)
        if html:
            tag, plain, packed = await asyncio.to_thread(self._rewrite_and_pack, path, kind, bytes(got.body))
        else:
            if key not in self.working:  # one job per file: a visitor waits on the prewarm's
                self.working[key] = asyncio.ensure_future(
                    asyncio.to_thread(self._rewrite_and_pack, path, kind, bytes(got.body)))
            job = self.working[key]
            try:
                tag, plain, packed = await asyncio.shield(job)
            finally:
                if job.done():
                    self.working.pop(key, None)
            if packed is not None:
                self.packed[key] = (tag, packed)
                self.known.add(path)
        if html:
            got.headers.append((b"content-security-policy",
                                identity.content_security_policy(plain.decode("utf-8")).encode()))
            cache = REVALIDATE
        if packed is not None and _accepts_gzip(scope):
            await self._send_packed(scope, send, cache, got, tag, packed)
        else:
            await self._send_whole(scope, send, cache, got, b'"' + tag + b'"', plain)

    async def _send_packed(self, scope, send, cache: bytes, got: _Sent, tag: bytes, packed: bytes) -> None:
        await self._send_whole(scope, send, cache, got, b'"' + tag + b'-gz"', packed,
                               [(b"content-encoding", b"gzip")])

    @staticmethod
    async def _send_whole(scope, send, cache: bytes, got: _Sent, etag: bytes, body: bytes,
                          extra: list | tuple = ()) -> None:
        headers = [(k, v) for k, v in got.headers if k.lower() not in DROPPED]
        headers += [(b"etag", etag), (b"cache-control", cache), (b"vary", b"accept-encoding")]
        if _matches(scope, etag):
            await _send(send, 304, [(k, v) for k, v in headers if k != b"content-type"], b"")
        else:
            await _send(send, 200, [*headers, *extra], body)

    def _rewrite_and_pack(self, path: str, kind: bytes, body: bytes) -> tuple[bytes, bytes, bytes | None]:
        """(tag, body as served, its gzip or None when too small to gain)."""
        if kind.startswith(b"text/html"):
            body = identity.index_html(body.decode("utf-8"), self.client_base).encode()
        elif path == "/assets/FontManifest.json":
            body = identity.font_manifest(body)
        elif path in ("/main.dart.wasm", "/main.dart.js"):
            body = identity.without_rive_cdn(body)
        elif path == identity.ICON_FONT:
            body = identity.icon_font(self.web_dir, body)
        tag = hashlib.sha256(body).hexdigest()[:20].encode()
        return tag, body, gzip.compress(body, LEVEL, mtime=0) if len(body) >= MIN_GZIP else None

    async def _answer(self, scope, send, body: bytes, kind: bytes, cache: bytes) -> None:
        use_gzip = _accepts_gzip(scope) and len(body) >= MIN_GZIP
        etag = b'"' + hashlib.sha256(body).hexdigest()[:20].encode() + (b'-gz"' if use_gzip else b'"')
        headers = [(b"content-type", kind), (b"etag", etag), (b"cache-control", cache),
                   (b"vary", b"accept-encoding")]
        if _matches(scope, etag):
            await _send(send, 304, headers[1:], b"")
            return
        if use_gzip:
            body = gzip.compress(body, LEVEL, mtime=0)
            headers.append((b"content-encoding", b"gzip"))
        await _send(send, 200, headers, b"" if scope["method"] == "HEAD" else body,
                    length=None if scope["method"] != "HEAD" else len(body))

    @staticmethod
    def _cached(send, cache: bytes):
        async def with_cache(message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 400:
                message = {**message, "headers": _with_cache(list(message.get("headers", ())), cache)}
            await send(message)
        return with_cache


def _matches(scope, etag: bytes) -> bool:
    asked = _header(scope, b"if-none-match")
    return asked is not None and etag in [t.strip().removeprefix(b"W/") for t in asked.split(b",")]


def _with_cache(headers: list, cache: bytes, status: int = 200) -> list:
    if status >= 400:
        return headers
    return [(k, v) for k, v in headers if k.lower() != b"cache-control"] + [(b"cache-control", cache)]


async def _send(send, status: int, headers: list, body: bytes, length: int | None = None) -> None:
    headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
    if status != 304:
        headers.append((b"content-length", str(len(body) if length is None else length).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _header(scope, name: bytes) -> bytes | None:
    return next((v for k, v in scope["headers"] if k == name), None)


def _accepts_gzip(scope) -> bool:
    for part in (_header(scope, b"accept-encoding") or b"").split(b","):
        token, _, params = part.strip().partition(b";")
        if token.strip().lower() in (b"gzip", b"*") and params.replace(b" ", b"") not in (b"q=0", b"q=0.0"):
            return True
    return False
