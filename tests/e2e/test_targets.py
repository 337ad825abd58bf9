"""Every control a finger can reach on the main screens is at least 48 x 48 px."""

from tests.e2e.conftest import open_app

CONTROLS = "flt-semantics[role=button], flt-semantics[role=checkbox], flt-semantics[role=radio], " \
           "flt-semantics[role=tab], flt-semantics[role=switch]"
MIN = 48


def small_controls(page) -> list[str]:
    page.wait_for_timeout(500)
    return page.evaluate(f"""() => {{
      // a row cut off by the edge of a scrolling list reports only its visible part
      const clipped = (e, r) => {{
        const box = e.parentElement.closest('[style*="overflow-y: scroll"]')?.getBoundingClientRect();
        return box && (r.top <= box.top + 1 || r.bottom >= box.bottom - 1);
      }};
      return [...document.querySelectorAll({CONTROLS!r})]
        .map(e => [e, e.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && r.bottom > 0 && r.top < innerHeight)
        .filter(([e, r]) => !clipped(e, r))
        .filter(([, r]) => r.width < {MIN} - 0.5 || r.height < {MIN} - 0.5)
        .map(([e, r]) => `${{e.getAttribute('aria-label') || e.innerText}} `
                         + `${{Math.round(r.width)}}x${{Math.round(r.height)}}`);
    }}""")


def test_touch_targets_on_main_screens(server, browser_context):
    page = open_app(browser_context[0], server.url)
    too_small = {}
    screens = [("tab", "Relief"), ("tab", "Sleep"), ("tab", "Log"), ("button", "SOS"), ("button", "Settings")]
    for role, name in screens:
        page.get_by_role(role, name=name).click()
        too_small[name] = small_controls(page)
    page.close()
    assert too_small == {name: [] for _, name in screens}
