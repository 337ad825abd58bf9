"""First aid can be pinch-zoomed while the app boots; the app then gets Flutter's viewport."""

from __future__ import annotations

from browser import phone_browser
from pwa_support import first_aid_visible, wait_app_ready

VIEWPORT = "() => [...document.querySelectorAll('meta[name=viewport]')].map((m) => m.content)"
FLUTTER_STARTED = "() => !!document.querySelector('meta[name=viewport][flt-viewport]')"


def _pinch(page) -> float:
    """Pinch the page open (2x); its zoom afterwards.

    Headless Chromium has no touch screen to synthesise a two-finger pinch on; the same gesture from a
    touchpad ("mouse") obeys the viewport tag in the same way: it stays at 1 under user-scalable=no.
    """
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.synthesizePinchGesture", {"x": 195, "y": 300, "scaleFactor": 2.0,
                                               "gestureSourceType": "mouse"})
    page.wait_for_timeout(300)
    scale = page.evaluate("() => visualViewport.scale")
    cdp.detach()
    return scale


def test_first_aid_zooms_while_the_app_boots_and_the_app_gets_flutters_viewport(fixture_dist, served):
    server = served(fixture_dist.out)
    with phone_browser() as (context, guard):
        held = []  # Python's app archive waits: the app stays "still opening", with first aid shown
        context.route("**/app.tar.gz", lambda route: held.append(route))
        page = context.new_page()
        page.goto(server.url)
        page.wait_for_function(FLUTTER_STARTED, timeout=120_000)
        page.wait_for_timeout(500)
        assert first_aid_visible(page)
        tags = page.evaluate(VIEWPORT)
        assert len(tags) == 1 and "width=device-width" in tags[0] and "initial-scale=1" in tags[0]
        assert "user-scalable" not in tags[0] and "maximum-scale" not in tags[0], tags
        assert _pinch(page) > 1.2, "a pinch zooms first aid in"

        for route in held:
            route.continue_()
        context.unroute("**/app.tar.gz")
        wait_app_ready(page)
        assert not first_aid_visible(page)
        assert "user-scalable=no" in page.evaluate(VIEWPORT)[0], "the app keeps Flutter's own viewport"
        page.wait_for_function("() => visualViewport.scale === 1", timeout=5_000)  # zoomed back out
        assert guard.blocked == []
