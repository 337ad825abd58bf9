"""axe-core (npm, tests/e2e/axe) on the served app: an h1, headings in order, one main region."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser import phone_browser
from tests.e2e.conftest import enable_semantics

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# `region`: everything lies in a landmark (the shell's banner, main and navigation, whose roles the
# page's script gives them, app/pwa/web/index.html).
RULES = ("region", "heading-order", "page-has-heading-one")
SCREENS = {"/": "Help me now", "/sos": "None of these", "/now": "Not sure", "/log": "I'm having a spasm",
           "/report": "For your doctor", "sleep deck": "Sleep"}


@pytest.fixture(scope="module")
def axe() -> Path:
    """axe-core as pinned in tests/e2e/axe/package-lock.json, installed from npm on first use."""
    if not AXE.exists():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install axe-core (apt-get install npm)"
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=AXE.parents[2], check=True, timeout=300)
    return AXE


@pytest.fixture(scope="module")
def audit_context():
    """A phone whose page lets the test add axe's inline script (the app's CSP rightly forbids it)."""
    with phone_browser(bypass_csp=True) as (context, guard):
        yield context
        assert guard.unexpected == [], f"requests left 127.0.0.1: {guard.unexpected}"


def _audit(page) -> dict[str, list[str]]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async (rules) => {
        const r = await axe.run(document, {runOnly: {type: 'rule', values: rules}});
        return Object.fromEntries(r.violations.map(v => [v.id, v.nodes.map(n => n.target.join(' '))]));
    }""", list(RULES))
    return found


@pytest.mark.parametrize("where", list(SCREENS))
def test_each_screen_has_an_h1_headings_in_order_and_one_main_region(axe, server, audit_context, where):
    page = audit_context.new_page()
    page.goto(server.url + ("/" if where == "sleep deck" else where))
    enable_semantics(page)
    if where == "sleep deck":
        # a finger's tap: a mouse click leaves the pointer over the tab, whose hover tooltip is drawn
        # in Flutter's overlay, outside every landmark (a phone shows it only on a long press)
        page.get_by_role("tab", name="Sleep").tap()
    page.get_by_role("button" if where != "sleep deck" else "tab", name=SCREENS[where]).first.wait_for(
        timeout=60_000)
    page.wait_for_timeout(500)
    violations = _audit(page)
    mains = page.locator("main, [role=main]").count()
    page.close()
    assert violations == {}, violations
    assert mains == 1, f"{mains} main regions"
