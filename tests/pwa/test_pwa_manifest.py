"""Install polish: one window per launch, a picture per shortcut, and phone screenshots for the sheet."""

from __future__ import annotations

import json

from pwa_support import first_visit, installable_phone_browser

from app.pwa.png import decode_rgb, header

SCREENSHOT_MAX_BYTES = 60_000


def _pixels(png: bytes) -> bytes:
    return b"".join(decode_rgb(png)[2])


def test_manifest_reuses_the_window_and_has_its_own_picture_per_shortcut(fixture_dist):
    out = fixture_dist.out
    m = json.loads((out / "manifest.json").read_text())
    assert m["launch_handler"] == {"client_mode": "navigate-existing"}
    app_icon = _pixels((out / "icons/icon-192.png").read_bytes())
    pictures = []
    for shortcut in m["shortcuts"]:
        [icon] = shortcut["icons"]
        png = (out / icon["src"]).read_bytes()
        width, height, _depth, colour = header(png)
        assert icon["sizes"] == f"{width}x{height}" and width >= 96, shortcut["name"]
        assert colour == 2, f"{icon['src']} is opaque RGB"
        pictures.append(_pixels(png))
    assert app_icon not in pictures, "a shortcut shows its own picture, not the app's"
    assert len(set(pictures)) == len(pictures), "each shortcut has a picture of its own"


def test_manifest_has_two_phone_screenshots_for_the_install_sheet(fixture_dist):
    out = fixture_dist.out
    shots = json.loads((out / "manifest.json").read_text())["screenshots"]
    narrow = [s for s in shots if s["form_factor"] == "narrow"]
    assert len(narrow) >= 2
    for shot in narrow:
        png = (out / shot["src"]).read_bytes()
        assert shot["type"] == "image/png" and png.startswith(b"\x89PNG")
        width, height = header(png)[:2]
        assert shot["sizes"] == f"{width}x{height}" == "390x844", shot["src"]
        assert len(png) <= SCREENSHOT_MAX_BYTES, f"{shot['src']}: {len(png)} bytes"
        assert shot["label"]
    assert len({(out / s["src"]).read_bytes() for s in narrow}) == len(narrow), "two different screens"


def test_chromium_reads_launch_handler_and_screenshots_without_errors(fixture_dist, served):
    server = served(fixture_dist.out)
    with installable_phone_browser() as (context, guard):
        page = first_visit(context, server)
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        answer = cdp.send("Page.getAppManifest")
        assert answer["errors"] == []
        manifest = answer["manifest"]
        assert manifest["launchHandler"] == {"clientMode": "kNavigateExisting"}
        shots = [s for s in manifest["screenshots"] if s["formFactor"] == "kNarrow"]
        assert len(shots) >= 2
        for shot in shots:
            response = page.request.get(shot["image"]["url"])
            assert response.ok and response.headers["content-type"] == "image/png"
        assert guard.blocked == []
