"""The web app manifest of Spasm SOS, one definition for the static PWA and for server mode."""

from __future__ import annotations

NAME = "Spasm SOS"
DESCRIPTION = "Back-spasm first aid: emergency checks, relief steps, timers and an offline log."
THEME = "#1F3A5F"
BACKGROUND = "#FFFFFF"
# Files below are relative to the site's root; in the repository they live under assets/.
ICONS = (
    ("icons/icon-192.png", 192, "any"),
    ("icons/icon-512.png", 512, "any"),
    ("icons/icon-maskable-192.png", 192, "maskable"),
    ("icons/icon-maskable-512.png", 512, "maskable"),
)
APPLE_TOUCH_ICON = "icons/apple-touch-icon-180.png"
SHORTCUT_ICON_PX = 192
SHORTCUTS = (("Help me now", "Help now", "now"), ("SOS: is this an emergency?", "SOS", "sos"),
             ("Log a spasm", "Log", "log"))
SCREENSHOT_SIZE = (390, 844)
# (file, route it shows, label): made by `python -m app.pwa screenshots`, committed under assets/install/.
SCREENSHOTS = (
    ("install/phone-relief.png", "", "Relief: Help me now, one step at a time, and what eases a spasm"),
    ("install/phone-sos.png", "sos", "SOS: a call button first, then the signs that need an ambulance"),
)


def shortcut_icon(route: str) -> str:
    return f"icons/shortcut-{route}-{SHORTCUT_ICON_PX}.png"


def manifest() -> dict:
    """The manifest, with URLs relative to where manifest.json is served (the site's root)."""
    width, height = SCREENSHOT_SIZE
    return {
        "id": "./", "name": NAME, "short_name": NAME, "description": DESCRIPTION,
        "start_url": "./", "scope": "./", "display": "standalone", "orientation": "any", "lang": "en",
        "background_color": BACKGROUND, "theme_color": THEME,
        "categories": ["health", "medical"], "prefer_related_applications": False,
        # A launch from the home screen or a shortcut reuses the open window: one log, one timer.
        "launch_handler": {"client_mode": "navigate-existing"},
        "icons": [{"src": src, "sizes": f"{px}x{px}", "type": "image/png", "purpose": purpose}
                  for src, px, purpose in ICONS],
        "shortcuts": [{"name": name, "short_name": short, "url": f"./{route}",
                       "icons": [{"src": shortcut_icon(route), "type": "image/png",
                                  "sizes": f"{SHORTCUT_ICON_PX}x{SHORTCUT_ICON_PX}"}]}
                      for name, short, route in SHORTCUTS],
        "screenshots": [{"src": src, "sizes": f"{width}x{height}", "type": "image/png",
                         "form_factor": "narrow", "label": label}
                        for src, _route, label in SCREENSHOTS],
    }
