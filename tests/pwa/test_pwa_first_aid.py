"""index.html alone shows first aid at once: red flags, a big call button, relief steps, AA contrast."""

from __future__ import annotations

import pytest
from browser import phone_browser
from pwa_support import first_aid_visible

SCREENSHOT = "screenshots/pwa-first-aid.png"
PROBE = """() => {
    const rgb = (s) => s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
    const bg = (el) => {
        for (let e = el; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (c && !c.endsWith(', 0)') && c !== 'transparent') return rgb(c);
        }
        return [255, 255, 255];
    };
    const out = [];
    for (const el of document.querySelectorAll('#first-aid h1, #first-aid h2, #first-aid h3, '
            + '#first-aid li, #first-aid p, #first-aid a')) {
        const style = getComputedStyle(el);
        out.push({text: el.textContent.trim().slice(0, 40), fg: rgb(style.color), bg: bg(el),
                  size: parseFloat(style.fontSize), bold: parseInt(style.fontWeight) >= 700});
    }
    return out;
}"""


def _luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_first_aid_shows_before_boot_and_is_readable(fixture_dist, served, scheme, tmp_path):
    server = served(fixture_dist.out)
    with phone_browser(color_scheme=scheme) as (context, _guard):
        context.route("**/main.dart.js", lambda route: route.abort())
        page = context.new_page()
        page.goto(server.url, wait_until="domcontentloaded")
        assert first_aid_visible(page)
        text = page.locator("#first-aid").inner_text()
        for flag in ("Tingling, weakness or numbness in both legs", "Chest pain"):
            assert flag in text
        assert "A high temperature with the back pain" in text
        assert "Opening the app" in page.locator("#fa-status").inner_text()
        assert "Breathe in through your nose for four counts." in text
        assert "Or lie on your side with a pillow between your knees." in text
        call = page.locator("a[href='tel:999']")
        box = call.bounding_box()
        assert call.inner_text().strip() == "Call 999"
        assert box["height"] >= 48 and box["width"] >= 48
        assert box["y"] + box["height"] <= 844 / 2, "the call button must be in the top half"
        for link in page.locator("#first-aid a").all():
            b = link.bounding_box()
            assert b["height"] >= 48, link.inner_text()
        for item in page.evaluate(PROBE):
            large = item["size"] >= 24 or (item["size"] >= 18.66 and item["bold"])
            need = 3.0 if large else 4.5
            assert contrast(item["fg"], item["bg"]) >= need, item
            assert item["size"] >= 15, item
        if scheme == "light":
            page.screenshot(path=str(_screenshot_path()), full_page=False)


def _screenshot_path():
    from app.pwa.build import PROJECT

    path = PROJECT / SCREENSHOT
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
