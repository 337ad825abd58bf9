"""Serve the app to its own pages only: Flet's FastAPI app under uvicorn, behind a Host/Origin/token guard."""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import secrets
import socket
from dataclasses import dataclass
from functools import cached_property
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, quote, urlencode

import flet_web.fastapi as flet_fastapi
import uvicorn
from flet.utils import get_bool_env_var, is_linux_server, open_in_browser
from flet_web import get_package_web_dir

from app import uploads
from app.server_limits import LimitedH11Protocol
from app.server_sessions import SESSION_TIMEOUT, SessionWatch
from app.store.transfer import MAX_IMPORT_BYTES
from app.web_delivery import Delivery, unversioned
from app.web_identity import content_security_policy

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("", "0.0.0.0", "::", "*")
# The browser itself refuses anything not from this server: the page, its scripts, its WebSocket
# and its workers can reach no other host. The page itself carries the same policy with the hashes
# of its inline scripts (app/web_delivery.py); this one covers every other response.
CSP = content_security_policy()
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)
# FastAPI's generated API pages are not the app's; Swagger UI would also load itself from a CDN.
API_PAGES = ("/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
        return True
    except ValueError:
        return False


def _split_host(value: str) -> tuple[str, str]:
    """'name:port' or '[v6]:port' into its parts; the port is '' when absent."""
    if value.startswith("["):
        name, _, rest = value.partition("]")
        if rest and not rest.startswith(":"):
            return "", ""
        return name + "]", rest[1:]
    name, _, port = value.partition(":")
    return name, port


@dataclass(frozen=True)
class Site:
    """The address being served, the names a browser may call it by, and the launch token if any."""

    host: str
    port: int
    token: str | None = None

    @classmethod
    def for_host(cls, host: str, port: int) -> Site:
        return cls(host, port, None if is_loopback(host) else secrets.token_urlsafe(32))

    @cached_property
    def names(self) -> frozenset[str]:
        if is_loopback(self.host):
            return frozenset((*LOOPBACK_NAMES, _url_host(self.host)))
        if self.host in WILDCARDS:  # plus any IP literal, see accepts_host
            machine = socket.gethostname().lower()
            return frozenset(("localhost", machine, f"{machine}.local"))
        return frozenset((_url_host(self.host).lower(),))

    @property
    def address(self) -> str:
        name = socket.gethostname() if self.host in WILDCARDS else _url_host(self.host)
        return f"http://{name}:{self.port}/"

    @property
    def url(self) -> str:
        """What to open: the address, with the launch token when there is one."""
        return self.address + (f"?token={self.token}" if self.token else "")

    @property
    def cookie(self) -> str:
        return f"spasm-sos-token-{self.port}"

    def accepts_host(self, value: str) -> bool:
        """Host header check against DNS rebinding: a name another site could point at us is refused."""
        name, port = _split_host(value.lower())
        if (port or "80") != str(self.port):
            return False
        if name in self.names:
            return True
        return self.host in WILDCARDS and _is_ip_literal(name)

    def token_matches(self, given: str | None) -> bool:
        return self.token is None or (given is not None and hmac.compare_digest(given, self.token))


def same_site_path(path: str) -> str:
    """The path as a Location that stays on this origin: '//host/x' or '/\\host/x' would leave it."""
    return "/" + quote(path.lstrip("/\\"), safe="/:@!$&'()*+,;=-._~")


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


def _cookie(scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    jar = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # noqa: BLE001 - a malformed cookie header just carries no token
        return None
    return jar[name].value if name in jar else None


class Guard:
    """Pure ASGI middleware: only this site's own pages, on its own address, with its token, get in."""

    def __init__(self, app, site: Site) -> None:
        self.app, self.site = app, site

    async def __call__(self, scope, receive, send) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = _header(scope, b"host") or ""
        if not self.site.accepts_host(host):
            await self._refuse(scope, receive, send, f"This server answers only at {self.site.address}")
            return
        if kind == "websocket" and _header(scope, b"origin") != f"http://{host}":
            await self._refuse(scope, receive, send, "WebSocket from another origin")
            return
        if not self.site.token_matches(_cookie(scope, self.site.cookie)):
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            if kind == "http" and scope["method"] in ("GET", "HEAD") and query.get("token") \
                    and self.site.token_matches(query["token"]):
                await self._welcome(scope, send, query)
            else:
                await self._refuse(scope, receive, send, "Open the link with its token, as printed at start")
            return
        if kind == "http" and unversioned(scope["path"]) in API_PAGES:
            await self._plain(send, 404, "Not found")
            return
        try:
            await self.app(scope, receive, self._secured(send))
        except asyncio.CancelledError:
            if kind == "http":
                raise
            # A session still open when uvicorn's shutdown grace ends is cancelled: the stop asked for.

    def _secured(self, send):
        async def secured_send(message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ())
                           if not k.lower().startswith(b"access-control-")]
                if not any(k.lower() == b"content-security-policy" for k, _ in headers):
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers + list(SECURITY_HEADERS)}
            await send(message)
        return secured_send

    async def _welcome(self, scope, send, query: dict[str, str]) -> None:
        """A valid ?token= sets the cookie and reloads the same page without the token in its URL."""
        rest = urlencode({k: v for k, v in query.items() if k != "token"})
        location = same_site_path(scope["path"]) + (f"?{rest}" if rest else "")
        # Lax, not Strict: a token link opened from another page (a chat, a note) must carry the cookie.
        cookie = f"{self.site.cookie}={self.site.token}; Path=/; HttpOnly; SameSite=Lax"
        await self._plain(send, 303, "See other",
                          [(b"location", location.encode()), (b"set-cookie", cookie.encode())])

    async def _refuse(self, scope, receive, send, why: str) -> None:
        if scope["type"] == "websocket":
            await receive()  # websocket.connect; closing before accept answers the handshake with 403
            await send({"type": "websocket.close", "code": 1008, "reason": why})
        else:
            await self._plain(send, 403, why)

    @staticmethod
    async def _plain(send, status: int, body: str, headers: list | None = None) -> None:
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"), *(headers or ()),
                                (b"content-security-policy", CSP.encode()), *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": body.encode()})


def build_app(main, site: Site, assets_dir: str, on_startup=()):
    """Flet's own handlers (what ft.run mounts), with its FastAPI lifespan, behind the guard.

    Guard (who may ask) -> SessionWatch (WebSockets that never register or never end) -> Delivery
    (Spasm SOS's page, manifest, gzip, cache lifetimes) -> Flet.
    """
    async def prewarm() -> None:
        delivery.warming = asyncio.get_running_loop().create_task(delivery.prewarm())

    outer = flet_fastapi.FastAPI(on_startup=[prewarm, *on_startup], docs_url=None, redoc_url=None,
                                 openapi_url=None)
    # An imported file comes in by PUT to Flet's signed /upload route, capped at the import limit,
    # never inside a WebSocket message (app/uploads.py says why).
    outer.mount("/", flet_fastapi.app(main, assets_dir=assets_dir, no_cdn=True,
                                      session_timeout_seconds=SESSION_TIMEOUT,
                                      upload_dir=uploads.folder(), max_upload_size=MAX_IMPORT_BYTES,
                                      secret_key=secrets.token_urlsafe(32)))
    delivery = Delivery(outer, get_package_web_dir(), assets_dir)
    return Guard(SessionWatch(delivery), site)


def serve(main, host: str, port: int, assets_dir: str) -> None:
    """Serve until SIGINT/SIGTERM; open sessions get two seconds to close, then the process exits."""
    site = Site.for_host(host, port)
    headless = is_linux_server() or get_bool_env_var("FLET_FORCE_WEB_SERVER")
    startup = () if headless else (lambda: open_in_browser(site.url),)
    config = uvicorn.Config(build_app(main, site, assets_dir, startup), port=port,
                            host="0.0.0.0" if host in ("", "*") else host,
                            http=LimitedH11Protocol, ws="websockets-sansio", log_level="warning",
                            access_log=False, timeout_graceful_shutdown=2)
    print(f"Spasm SOS is at {site.url}", flush=True)
    uvicorn.Server(config).run()
