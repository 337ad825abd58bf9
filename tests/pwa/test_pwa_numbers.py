"""Before Python starts, the first-aid page shows the number the app would: stored choice, then locale."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from browser import phone_browser
from pwa_support import first_aid_visible

from app.domain.regions import CHECK_LOCAL, choice, country_from_locale, emergency_help, preboot_table
from app.pwa.firstaid import NUMBERS_JS

LANGUAGES = [["en-GB"], ["en-US", "en"], ["en-NZ"], ["ja-JP"], ["de-DE"], ["en"], [], ["zh-Hant-TW"],
             ["sr-Latn"], ["es-419"], ["en-UK"], ["en-NG"], ["en_AU"], ["de", "en-US"]]
SETTINGS = [None, {}, {"country": "JP"}, {"country": "jp"}, {"country": ""}, {"country": None},
            {"country": "custom", "custom": " 0123 "}, {"country": "custom", "custom": ""},
            {"country": "custom", "custom": "12; x"}, {"country": "custom", "custom": 5},
            {"country": "unknown"}, {"country": "XX"}, {"region": "nz"}, {"region": "eu"},
            {"region": "custom", "custom": "555"}, {"region": "mars"}, {"region": "uk", "country": "SG"}]


def app_shows(languages: list[str], settings: dict | None) -> dict:
    """What the app's SOS screens show for this browser: number, 'check', who to call today, urgent line."""
    settings = settings or {}
    locale = country_from_locale(languages[0] if languages else "")
    help_ = emergency_help(choice(settings, locale), settings.get("custom", ""), locale)
    u = help_.urgent
    return {"number": help_.number, "check": help_.check_local, "contact": help_.urgent_contact,
            "urgent": {"dial": u.dial, "label": u.call_label, "note": u.note or ""} if u else None}


def test_the_page_script_picks_what_the_app_picks_for_every_country_and_setting():
    node = shutil.which("node")
    if not node:
        pytest.fail("Node.js is needed (the PWA build uses it too): apt-get install nodejs")
    cases = [(langs, s) for langs in LANGUAGES for s in SETTINGS]
    cases += [([f"xx-{code}"], None) for code in preboot_table()["countries"]]
    script = (f"{NUMBERS_JS.read_text(encoding='utf-8')}\n"
              "const [table, cases] = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
              "console.log(JSON.stringify(cases.map(([l, s]) => spasmNumbers.pick(table, l, s))));")
    out = subprocess.run([node, "-e", script], input=json.dumps([preboot_table(), cases]),
                         capture_output=True, text=True, check=True, timeout=60).stdout
    picked = json.loads(out)
    wrong = [(langs, s, got) for (langs, s), got in zip(cases, picked, strict=True)
             if got != app_shows(langs, s)]
    assert wrong == []
    assert len(cases) > 300


PAGE = """() => {
    const q = (s) => document.querySelector(s);
    const shown = (el) => !!el && !el.hidden && el.getBoundingClientRect().height > 0;
    return {heading: q('#fa-call').textContent, button: q('#fa-call-btn').textContent,
            href: q('#fa-call-btn').getAttribute('href'), check: shown(q('#fa-check')),
            urgent: q('#fa-urg').textContent,
            urgentButton: shown(q('#fa-urg-btn')) ? [q('#fa-urg-btn').textContent,
                                                    q('#fa-urg-btn').getAttribute('href')] : null};
}"""


def expected_page(languages, settings=None) -> dict:
    shows = app_shows(languages, settings)
    u = shows["urgent"]
    return {"heading": f"Call {shows['number']} now if you have any of these",
            "button": f"Call {shows['number']}", "href": f"tel:{shows['number']}", "check": shows["check"],
            "urgent": f"Contact {shows['contact']} today if you have any of these",
            "urgentButton": [u["label"], f"tel:{u['dial']}"] if u else None}


def open_first_aid(context, url: str):
    """The page as it is before Python and Flutter start: the Flutter client never loads."""
    context.route("**/main.dart.js", lambda route: route.abort())
    context.route("**/python-worker.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    assert first_aid_visible(page)
    return page


@pytest.mark.parametrize("locale, number, urgent", [
    ("en-GB", "999", ("Call NHS 111", "tel:111")),
    ("en-US", "911", None),
    ("en-NZ", "111", ("Call Healthline, 0800 611 116", "tel:0800611116")),
    ("ja-JP", "119", None),
    ("de-DE", "112", ("Call 116117", "tel:116117")),
])
def test_pre_boot_page_shows_the_locales_number(fixture_dist, served, locale, number, urgent):
    server = served(fixture_dist.out)
    with phone_browser(locale=locale) as (context, guard):
        page = open_first_aid(context, server.url)
        shown = page.evaluate(PAGE)
        assert shown == expected_page([locale])
        assert (shown["href"], shown["button"], shown["check"]) == (f"tel:{number}", f"Call {number}", False)
        assert shown["urgentButton"] == (list(urgent) if urgent else None)
        assert "111" not in shown["urgent"] or locale == "en-GB"
        if locale in ("ja-JP", "en-NZ"):
            page.screenshot(path=str(fixture_dist.out.parent / f"preboot-{locale}.png"))
        assert page.evaluate("indexedDB.databases()") == [], "reading the choice must not create the db"
        assert guard.unexpected == []


def seed_log(page, settings: dict) -> None:
    """Store a log as the app does: db spasm-sos, store log, key main, {rev, text: TinyDB JSON}."""
    text = json.dumps({"format": "spasm-sos-log", "schema": 1,
                       "tables": {"episodes": {}, "settings": {"1": settings}}})
    page.evaluate("""(text) => new Promise((resolve, reject) => {
        const open = indexedDB.open('spasm-sos', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('log');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
            const tx = open.result.transaction('log', 'readwrite');
            tx.objectStore('log').put({rev: 1, text}, 'main');
            tx.oncomplete = () => { open.result.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
        };
    })""", text)


@pytest.mark.parametrize("settings, number", [
    ({"country": "custom", "custom": "0123"}, "911"),  # one's own number never replaces the emergency number
    ({"country": "JP"}, "119"),
    ({"region": "nz"}, "111"),  # a choice stored before countries existed
])
def test_pre_boot_page_uses_the_stored_choice_over_the_locale(fixture_dist, served, settings, number):
    server = served(fixture_dist.out)
    with phone_browser(locale="en-US") as (context, guard):
        page = open_first_aid(context, server.url)
        assert page.evaluate(PAGE)["href"] == "tel:911"
        seed_log(page, settings)
        page.reload(wait_until="domcontentloaded")
        page.wait_for_function("(n) => document.querySelector('#fa-call-btn').getAttribute('href') === n",
                               arg=f"tel:{number}", timeout=5000)
        shown = page.evaluate(PAGE)
        assert shown == expected_page(["en-US"], settings)
        assert shown["button"] == f"Call {number}" and first_aid_visible(page)
        assert guard.unexpected == []


def test_unknown_country_shows_112_and_says_check_locally(fixture_dist, served):
    server = served(fixture_dist.out)
    with phone_browser(locale="en-NG") as (context, _guard):
        page = open_first_aid(context, server.url)
        shown = page.evaluate(PAGE)
        assert (shown["href"], shown["check"]) == ("tel:112", True)
        assert CHECK_LOCAL in page.locator("#fa-check").inner_text()
