"""Server mode presents itself as Spasm SOS and sends only what it needs: gzipped, cached, no Flet fonts."""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import io
import json
import re
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
from flet_web import get_package_web_dir
from fontTools.ttLib import TTFont

from app import web_identity
from app.pwa import manifest as app_manifest
from tests.browser import ROOT, AppServer

pytestmark = pytest.mark.xdist_group("server-web")
FLET_WEB = Path(get_package_web_dir())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with AppServer(tmp_path_factory.mktemp("data")) as srv:
        yield srv


def get(srv: AppServer, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """GET path; returns (status, headers with lower-case names, body as sent on the wire)."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    try:
        sent = {"Host": f"127.0.0.1:{srv.port}", **{k.replace("_", "-"): v for k, v in headers.items()}}
        conn.request("GET", path, headers=sent)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def plain(srv: AppServer, path: str) -> bytes:
    """The body as a browser ends up with it, whichever encoding the server chose."""
    status, headers, body = get(srv, path, accept_encoding="gzip")
    assert status == 200, (path, status)
    return gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body


def page(srv: AppServer) -> str:
    return plain(srv, "/").decode()


def client_file(srv: AppServer, name: str) -> str:
    """Where the page loads Flet's client from (the URL holds a digest of what is served)."""
    base = re.search(r'flet\.entrypointBaseUrl="([^"]*)"', page(srv))[1]
    return base + name


def test_the_manifest_is_spasm_soss_the_same_as_the_pwas(server):
    manifest = json.loads(plain(server, "/manifest.json"))
    assert manifest["name"] == manifest["short_name"] == "Spasm SOS"
    assert manifest["launch_handler"] == {"client_mode": "navigate-existing"}
    assert manifest == app_manifest.manifest()  # the PWA's own definition, word for word
    # Every picture it names is served, and is the app's own.
    pictures = [i["src"] for i in manifest["icons"]]
    pictures += [i["src"] for s in manifest["shortcuts"] for i in s.get("icons", ())]
    pictures += [s["src"] for s in manifest.get("screenshots", ())]
    for src in pictures:
        status, headers, body = get(server, urljoin("/manifest.json", src))
        assert status == 200 and headers["content-type"].startswith("image/"), src
    assert plain(server, "/icons/icon-192.png") == (ROOT / "assets" / "icons" / "icon-192.png").read_bytes()


def test_the_page_is_titled_spasm_sos_with_its_description_and_apple_icon(server):
    html = page(server)
    assert "<title>Spasm SOS</title>" in html
    assert f'<meta name="description" content="{app_manifest.DESCRIPTION}">' in html
    assert f'<meta name="theme-color" content="{app_manifest.THEME}">' in html
    assert '<meta name="apple-mobile-web-app-title" content="Spasm SOS">' in html
    assert "Flet" not in re.sub(r"<script>.*?</script>", "", html, flags=re.S)  # Flet's config keeps its name
    apple = re.search(r'<link rel="apple-touch-icon"[^>]*href="([^"]+)"', html)[1]
    assert plain(server, "/" + apple) == (ROOT / "assets" / apple).read_bytes()
    pictures = re.findall(r'<img src="([^"]+)"', html)
    for src in pictures + re.findall(r'<link rel="icon"[^>]*href="([^"]+)"', html):
        assert (ROOT / "assets" / src).is_file(), f"{src} is not one of the app's own pictures"


@pytest.mark.parametrize("name", ["/", "/manifest.json", "flutter_bootstrap.js", "main.dart.mjs",
                                  "main.dart.wasm", "canvaskit/skwasm.wasm", "canvaskit/skwasm.js", "/sos"])
def test_text_javascript_json_and_wasm_are_sent_gzipped(server, name):
    path = name if name.startswith("/") else client_file(server, name)
    status, headers, body = get(server, path, accept_encoding="gzip, deflate, br")
    assert status == 200 and headers.get("content-encoding") == "gzip", headers
    assert "accept-encoding" in headers["vary"].lower()
    # The same content as a client that takes no gzip gets.
    assert gzip.decompress(body) == get(server, path)[2]


def test_a_client_that_refuses_gzip_gets_the_plain_file(server):
    status, headers, body = get(server, client_file(server, "main.dart.mjs"), accept_encoding="gzip;q=0")
    assert status == 200 and "content-encoding" not in headers
    assert body == (FLET_WEB / "main.dart.mjs").read_bytes()


def test_versioned_files_are_kept_a_year_and_the_page_and_manifest_revalidate(server):
    for name in ("main.dart.wasm", "canvaskit/skwasm.wasm", "flutter_bootstrap.js",
                 "assets/fonts/roboto.woff2"):
        cache = get(server, client_file(server, name), accept_encoding="gzip")[1]["cache-control"]
        assert "max-age=31536000" in cache and "immutable" in cache, (name, cache)
    for path in ("/", "/sos", "/manifest.json"):
        status, headers, _ = get(server, path, accept_encoding="gzip")
        assert headers["cache-control"] == "no-cache" and headers["etag"], path
        again = get(server, path, accept_encoding="gzip", if_none_match=headers["etag"])
        assert again[0] == 304 and again[2] == b"", path


def test_a_digest_that_is_not_todays_is_served_but_not_kept(server):
    status, headers, _ = get(server, "/_v/000000000000/main.dart.mjs", accept_encoding="gzip")
    assert status == 200 and headers["cache-control"] == "no-cache"


def test_the_fonts_the_app_never_draws_are_not_sent(server):
    fonts = json.loads(plain(server, client_file(server, "assets/FontManifest.json")))
    families = [f["family"].lower() for f in fonts]
    assert families and not [f for f in families if "katex" in f or "cupertino" in f], families
    icons = plain(server, client_file(server, "assets/fonts/MaterialIcons-Regular.otf"))
    whole = (FLET_WEB / "assets" / "fonts" / "MaterialIcons-Regular.otf").read_bytes()
    print(f"\nicon font: {len(whole):,} -> {len(icons):,} bytes")
    assert len(icons) < len(whole) // 20

    assert len(TTFont(io.BytesIO(icons)).getBestCmap()) > 10  # the glyphs the client draws are kept


def test_the_client_asks_for_rive_here_and_gets_the_pwas_stub(server):
    for name in ("main.dart.wasm", "main.dart.js"):
        client = plain(server, client_file(server, name))
        assert web_identity.RIVE_CDN.encode() not in client, name
        assert web_identity.RIVE_LOCAL.encode() in client, name
        assert len(client) == (FLET_WEB / name).stat().st_size
    status, headers, stub = get(server, web_identity.RIVE_STUB_PATH)
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert stub == (ROOT / "app" / "pwa" / "web" / "rive_native.js").read_bytes()


def test_the_page_policy_allows_no_eval_and_only_its_own_inline_scripts(server):
    _, headers, _ = get(server, "/", accept_encoding="gzip")
    policy = dict(d.strip().split(" ", 1) for d in headers["content-security-policy"].split(";") if d.strip())
    assert "'unsafe-eval'" not in headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'wasm-unsafe-eval'" in policy["script-src"]
    for script in re.findall(r"<script>(.*?)</script>", page(server), flags=re.S):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy["script-src"]
    other = get(server, client_file(server, "main.dart.mjs"))[1]["content-security-policy"]
    assert "'unsafe-eval'" not in other
    assert "'unsafe-inline'" not in other.split("script-src")[1].split(";")[0]


def test_the_guard_still_answers_first_for_what_server_mode_serves_itself(server):
    for path in ("/manifest.json", web_identity.RIVE_STUB_PATH, client_file(server, "main.dart.wasm")):
        assert get(server, path, Host=f"evil.example:{server.port}")[0] == 403, path


def test_the_server_cuts_the_client_by_the_pwa_builds_rules():
    from app.pwa import client

    assert web_identity.RIVE_CDN == client.RIVE_CDN
    assert web_identity.DROP_FONT_FAMILIES == client.DROP_FONT_FAMILIES
    assert web_identity.rive_stub() == (client.TEMPLATES / "rive_native.js").read_bytes()


def test_the_client_is_packed_at_start_without_an_error(tmp_path):
    with AppServer(tmp_path) as srv:
        assert get(srv, "/")[0] == 200
        time.sleep(5)  # packing the client takes about two seconds
        took = time.monotonic()
        status, headers, _ = get(srv, client_file(srv, "main.dart.wasm"), accept_encoding="gzip")
        took = time.monotonic() - took
        srv.stop()
        errors = srv.proc.stderr.read().decode()
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert "Traceback" not in errors and "could not" not in errors, errors[-3000:]
    print(f"\nmain.dart.wasm, packed at start: {took * 1000:.0f} ms")
