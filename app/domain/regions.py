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
    """'en-US' or 'en_GB' -> region key; unknown or missing locales fall back to the UK."""
    country = (locale or "").replace("_", "-").split("-")[-1].upper()
    return COUNTRY_TO_REGION.get(country, "uk")


def emergency_number(region: str, custom: str = "") -> str:
    if region == "custom" and custom.strip():
        return custom.strip()
    return REGIONS.get(region, REGIONS["uk"])[1]
