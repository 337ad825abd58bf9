"""'Install the app' in the built real PWA: the browser's offer shows it, a tap prompts, 'Not now' sticks."""

from __future__ import annotations

import shutil

import pytest
from browser import enable_semantics, phone_browser, shot, text
from pwa_support import first_visit, wait_app_ready

from app.pwa.build import PROJECT, Options, build
from app.ui.kit.install_prompt import IOS_HOW

# Where the UI owner puts the component (the use line goes after the Log anchor, before the Settings
# one); until both screens have it, the test builds a copy that does.
PLACES = {
    "app/ui/log/screen.py": ("from app.ui.log.history_list import HistoryList\n",
                             "from app.ui.kit.install_prompt import InstallPrompt\n",
                             "            ActiveEpisode(session, active) if active else "
                             "QuickStart(session),\n",
                             '            InstallPrompt(session, place="log"),\n'),
    "app/ui/settings/screen.py": ("from app.ui.settings.delete_all import DeleteAll\n",
                                  "from app.ui.kit.install_prompt import InstallPrompt\n",
                                  '        _heading("Your data"),\n',
                                  '        InstallPrompt(session, place="settings"),\n'),
}
IPHONE_UA = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
             "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
# What Chromium fires when the site is installable: kept by pwa.js, its prompt() stubbed here.
OFFER = """() => {
    window.__prompted = (window.__prompted || 0);
    const offer = new Event('beforeinstallprompt', {cancelable: true});
    offer.prompt = () => { window.__prompted += 1; return Promise.resolve(); };
    offer.userChoice = new Promise((resolve) => { window.__choose = resolve; });
    window.dispatchEvent(offer);
}"""


@pytest.fixture(scope="session")
def install_dist(real_dist, pwa_tmp):
    if all(PLACES[f][1] in (PROJECT / f).read_text() for f in PLACES):
        return real_dist
    app = pwa_tmp / "app-with-install-prompt"
    app.mkdir()
    for name in ("main.py", "pyproject.toml"):
        shutil.copyfile(PROJECT / name, app / name)
    for name in ("app", "assets"):
        shutil.copytree(PROJECT / name, app / name, ignore=shutil.ignore_patterns("__pycache__"))
    for rel, (after_import, import_line, anchor, use_line) in PLACES.items():
        path = app / rel
        source = path.read_text()
        if after_import not in source or anchor not in source:
            pytest.skip(f"{rel} changed shape; put InstallPrompt in it by hand")
        placed = anchor + use_line if "log" in rel else use_line + anchor
        path.write_text(source.replace(after_import, after_import + import_line, 1)
                        .replace(anchor, placed, 1))
    return build(Options(out=pwa_tmp / "dist-install", app=app))


def _open(page, where: str) -> None:
    if where == "Log":
        page.get_by_role("tab", name="Log").click(timeout=60_000)
    else:
        page.get_by_role("button", name="Settings").click(timeout=60_000)


def _install_button(page):
    return page.get_by_role("button", name="Install the app")


def test_the_offer_shows_install_in_log_and_settings_and_not_now_sticks(install_dist, served):
    server = served(install_dist.out)
    with phone_browser() as (context, guard):
        page = first_visit(context, server)
        enable_semantics(page)
        _open(page, "Log")
        assert _install_button(page).count() == 0, "nothing to install before the browser offers it"
        page.evaluate(OFFER)
        _install_button(page).wait_for(timeout=30_000)
        shot(page, "pwa-install-log")
        _install_button(page).click()
        page.wait_for_function("() => window.__prompted === 1", timeout=30_000)
        page.evaluate("() => window.__choose({outcome: 'dismissed', platform: 'web'})")
        _install_button(page).wait_for(state="detached", timeout=30_000)

        page.evaluate(OFFER)  # the browser may offer again later
        _not_now(page).click(timeout=30_000)
        _install_button(page).wait_for(state="detached", timeout=30_000)
        _open(page, "Settings")
        _install_button(page).wait_for(timeout=30_000)
        shot(page, "pwa-install-settings")
        assert _not_now(page).count() == 0

        page.reload()
        wait_app_ready(page)
        enable_semantics(page)
        page.evaluate(OFFER)
        _open(page, "Settings")
        _install_button(page).wait_for(timeout=30_000)
        page.get_by_role("button", name="Back").click()
        _open(page, "Log")
        page.get_by_role("button", name="I'm having a spasm").wait_for(timeout=30_000)
        page.wait_for_timeout(1000)
        assert _install_button(page).count() == 0, "dismissed on the Log screen for good"
        assert guard.blocked == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_ios_safari_is_told_share_then_add_to_home_screen(install_dist, served, scheme):
    server = served(install_dist.out)
    with phone_browser(user_agent=IPHONE_UA, color_scheme=scheme) as (context, guard):
        page = first_visit(context, server)
        enable_semantics(page)
        _open(page, "Log")
        text(page, IOS_HOW).first.wait_for(timeout=30_000)
        assert _install_button(page).count() == 0, "iOS has no install prompt to call"
        shot(page, f"pwa-install-ios-{scheme}")
        assert guard.blocked == []


def _not_now(page):
    """The install offer's own 'Not now' (the weekly PEG check on the Log screen has one too)."""
    return page.get_by_role("group", name="Keep Spasm SOS on your home").get_by_role("button", name="Not now")
