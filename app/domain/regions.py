"""Emergency numbers by region, and the default picked from the device locale."""

from __future__ import annotations

REGIONS: dict[str, tuple[str, str]] = {
    "uk": ("United Kingdom", "999"),
    "us": ("United States / Canada", "911"),
    "eu": ("European Union", "112"),
    "au": ("Australia", "000"),
    "nz": ("New Zealand", "111"),
}
COUNTRY_TO_REGION = {"GB": "uk", "UK": "uk", "US": "us", "CA": "us", "AU": "au", "NZ": "nz",
                     "IE": "eu", "DE": "eu", "FR": "eu", "ES": "eu", "IT": "eu", "NL": "eu",
                     "BE": "eu", "AT": "eu", "PT": "eu", "SE": "eu", "DK": "eu", "FI": "eu",
                     "PL": "eu", "GR": "eu", "CZ": "eu"}


def region_for_locale(locale: str | None) -> str:
    """'en-US' or 'en_GB' -> region key. No country: the UK. An unlisted country: 112, which
    mobile networks in most countries accept and route to the local service."""
    parts = (locale or "").replace("_", "-").split("-")
    if len(parts) < 2 or not parts[-1]:
        return "uk"
    return COUNTRY_TO_REGION.get(parts[-1].upper(), "eu")


def emergency_number(region: str, custom: str = "") -> str:
    if region == "custom" and custom.strip():
        return custom.strip()
    return REGIONS.get(region, REGIONS["uk"])[1]


def urgent_contact(region: str) -> str:
    """Who to reach today for urgent, not emergency, signs: NHS 111 exists only in the UK."""
    return "your doctor or 111" if region == "uk" else "your doctor or an urgent care service"
