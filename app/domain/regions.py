"""Which number to call: the country from Settings or the locale, its ambulance number and urgent line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.content.numbers import CountryNumber, UrgentLine, numbers

FALLBACK = "112"  # mobile networks in most countries route it to the local service
CHECK_LOCAL = "Check your local emergency number."
URGENT_FALLBACK = "your doctor or an urgent care service"
CUSTOM = "custom"
UNKNOWN = "unknown"  # chosen as "European Union (112)" before countries: 112, check locally
# settings["region"] before settings["country"] existed
LEGACY_REGIONS = {"uk": "GB", "us": "US", "au": "AU", "nz": "NZ", "eu": UNKNOWN, "custom": CUSTOM}
ALIASES = {"UK": "GB"}  # not ISO, but seen in locales
CUSTOM_NUMBER = re.compile(r"[0-9+]{1,15}")


@dataclass(frozen=True)
class EmergencyHelp:
    """What the SOS screens show: the number, whose it is, and where to turn today."""

    number: str  # always a country's emergency number (or 112): never the person's own number
    country: CountryNumber | None = None  # None: the country is not known
    own: str = ""  # the person's own number from Settings: an extra button, never in place of `number`

    @property
    def check_local(self) -> bool:
        """True when the app cannot vouch that this number reaches an ambulance where the person is."""
        return self.country.check_local if self.country else True

    @property
    def urgent(self) -> UrgentLine | None:
        return self.country.urgent if self.country else None

    @property
    def urgent_contact(self) -> str:
        """Who to reach today for urgent, not emergency, signs."""
        return f"your doctor or {self.urgent.name}" if self.urgent else URGENT_FALLBACK

    @property
    def place(self) -> str:
        return self.country.name if self.country else "Country not known"


def country_from_locale(locale: str | None) -> str:
    """'en-US', 'en_GB' or 'zh-Hant-TW' -> 'US', 'GB', 'TW'; '' when there is no country.

    Like Flutter on the web, the last subtag is the country; the pre-boot page does the same.
    """
    parts = (locale or "").split(".")[0].split("@")[0].replace("_", "-").split("-")
    if len(parts) < 2:
        return ""
    code = parts[-1].upper()
    code = ALIASES.get(code, code)
    return code if re.fullmatch(r"[A-Z]{2}", code) else ""


def stored_choice(settings: dict) -> str:
    """The person's choice: an ISO code, CUSTOM, UNKNOWN, or '' (follow the locale)."""
    if "country" in settings:
        value = settings["country"]
        if value in (CUSTOM, UNKNOWN):
            return value
        return country_from_locale(f"x-{value}") if isinstance(value, str) else ""
    legacy = settings.get("region")
    return LEGACY_REGIONS.get(legacy, "") if isinstance(legacy, str) else ""


def choice(settings: dict, locale_country: str) -> str:
    return stored_choice(settings) or locale_country


def own_number(custom: object) -> str:
    """The person's own number as it can be dialled, or '' when none is given or it is not a number."""
    own = custom.strip() if isinstance(custom, str) else ""
    return own if CUSTOM_NUMBER.fullmatch(own) else ""


def emergency_help(chosen: str, custom: str = "", locale_country: str = "") -> EmergencyHelp:
    """The help for a choice: always a country's emergency number, or 112 when none is known.

    The person's own number (`custom`) never takes its place: it comes back as `own`, an extra
    number beside it, and only when it is not the same number. A "custom" choice saved by an
    earlier version follows the locale.
    """
    if chosen == CUSTOM:
        chosen = locale_country
    country = numbers().by_code().get(ALIASES.get(chosen, chosen))
    number = country.emergency if country else FALLBACK
    own = own_number(custom)
    return EmergencyHelp(number=number, country=country, own="" if own == number else own)


def emergency_number(chosen: str, custom: str = "", locale_country: str = "") -> str:
    return emergency_help(chosen, custom, locale_country).number


def find_countries(query: str = "") -> list[CountryNumber]:
    """Countries by name, those whose name or code matches the query (any case, accents kept)."""
    q = query.strip().casefold()
    rows = sorted(numbers().countries, key=lambda c: c.name.casefold())
    if not q:
        return rows
    return [c for c in rows if q in c.name.casefold() or q == c.code.casefold() or q == c.emergency]


def preboot_table() -> dict:
    """The compact table the pre-boot page embeds: the same rules, the same words, as the app.

    countries: code -> [number, check_local 0/1] plus, where an urgent line exists,
    [number to dial, button label, who to contact today, note].
    """
    def row(c: CountryNumber) -> list:
        help_ = EmergencyHelp(number=c.emergency, country=c)
        u = c.urgent
        extra = [u.dial, u.call_label, help_.urgent_contact, u.note or ""] if u else []
        return [c.emergency, int(help_.check_local), *extra]

    return {
        "fallback": FALLBACK, "checkLocal": CHECK_LOCAL, "urgentFallback": URGENT_FALLBACK,
        "legacy": LEGACY_REGIONS, "aliases": ALIASES, "custom": CUSTOM, "unknown": UNKNOWN,
        "countries": {c.code: row(c) for c in numbers().countries},
    }
