"""The country from the locale or Settings, its ambulance number, one's own number, and who to call today."""

import pytest

from app.domain.regions import (
    CHECK_LOCAL,
    URGENT_FALLBACK,
    choice,
    country_from_locale,
    emergency_help,
    emergency_number,
    find_countries,
    stored_choice,
)


@pytest.mark.parametrize("locale, number", [
    ("en-GB", "999"), ("en_US", "911"), ("fr-CA", "911"), ("de-DE", "112"), ("en-AU", "000"),
    ("en-NZ", "111"), ("ja-JP", "119"), ("es-MX", "911"), ("zh-Hant-HK", "999"), ("en-SG", "995"),
    ("hi-IN", "112"), ("pt-BR", "192"), ("zh-CN", "120"), ("en-ZA", "10177"), ("fr-FR", "15"),
    ("en-UK", "999"), ("en_GB.UTF-8", "999"),
    ("es-PR", "911"), ("en-GU", "911"), ("en-VI", "911"), ("en-GH", "112"), ("ar-IQ", "911"),
])
def test_the_locale_gives_that_countrys_ambulance_number(locale, number):
    help_ = emergency_help(country_from_locale(locale))
    assert help_.number == number
    assert not help_.check_local


@pytest.mark.parametrize("locale", [None, "", "en", "garbage", "en-", "sr-Latn", "es-419"])
def test_no_country_in_the_locale_gives_112_and_says_check_locally(locale):
    help_ = emergency_help(country_from_locale(locale))
    assert (help_.number, help_.check_local, help_.place) == ("112", True, "Country not known")


def test_a_country_not_in_the_table_gives_112_and_says_check_locally():
    help_ = emergency_help(country_from_locale("en-NG"))
    assert help_.number == "112" and help_.check_local
    assert CHECK_LOCAL == "Check your local emergency number."


def test_a_number_the_table_cannot_vouch_for_also_says_check_locally():
    help_ = emergency_help("PK")
    assert help_.number == "1122" and help_.check_local


def test_a_chosen_country_wins_over_the_locale():
    assert choice({"country": "JP"}, "US") == "JP"
    assert emergency_number(choice({"country": "JP"}, "US")) == "119"
    assert choice({"country": ""}, "US") == "US"  # "automatic" again
    assert choice({}, "NZ") == "NZ"


@pytest.mark.parametrize("region, expected", [
    ("uk", "GB"), ("us", "US"), ("au", "AU"), ("nz", "NZ"), ("custom", "custom"), ("eu", "unknown"),
])
def test_the_old_region_setting_keeps_the_persons_choice(region, expected):
    chosen = stored_choice({"region": region, "custom": "0123"})
    assert chosen == expected
    assert stored_choice({"region": region, "country": "JP"}) == "JP"  # the new key wins


def test_the_old_eu_choice_still_calls_112_whatever_the_locale():
    help_ = emergency_help(choice({"region": "eu"}, "US"), locale_country="US")
    assert (help_.number, help_.check_local) == ("112", True)


def test_ones_own_number_is_an_extra_and_never_replaces_the_countrys_emergency_number():
    own = emergency_help("custom", " 0871234567 ", "US")  # "custom" as an earlier version saved it
    assert (own.number, own.own, own.place) == ("911", "0871234567", "United States")
    assert emergency_help("GB", "0871234567", "US").number == "999"
    assert emergency_help("unknown", "0871234567").number == "112"
    assert emergency_number("custom", "  ", "US") == "911"  # chosen but empty: the locale's
    assert emergency_help("custom", "12; DROP", "GB").own == ""  # not a phone number: no extra button
    assert emergency_help("GB", "999").own == ""  # the same number twice is one button
    assert emergency_help("US", 5).own == ""  # a value of the wrong type is ignored


@pytest.mark.parametrize("custom", ["0871234567", "0123", "112", "+441234567890", "1"])
@pytest.mark.parametrize("country", ["GB", "JP", "US", "DE", "custom", "unknown", ""])
def test_no_custom_number_ever_becomes_the_number_the_emergency_screen_calls(country, custom):
    locale = "AU"
    help_ = emergency_help(country, custom, locale)
    assert help_.number == emergency_help(country, "", locale).number  # the same with or without it


def test_nhs_111_only_in_the_uk_and_no_111_where_it_is_the_emergency_number():
    gb = emergency_help("GB")
    assert gb.urgent_contact == "your doctor or NHS 111" and gb.urgent.dial == "111"
    assert gb.urgent.call_label == "Call NHS 111"
    for code in ("US", "NZ", "AU", "JP", "FR"):
        assert "111" not in emergency_help(code).urgent_contact, code
    assert emergency_help("US").urgent is None
    assert emergency_help("US").urgent_contact == URGENT_FALLBACK == "your doctor or an urgent care service"
    assert emergency_help("NZ").urgent.call_label == "Call Healthline, 0800 611 116"
    assert emergency_help("custom", "0123").urgent is None  # no country known: no urgent line


def test_canada_and_austria_name_their_health_lines_for_urgent_signs():
    ca, at = emergency_help("CA"), emergency_help("AT")
    assert (ca.urgent_contact, ca.urgent.call_label) == ("your doctor or 811", "Call 811")
    assert (at.urgent_contact, at.urgent.call_label) == ("your doctor or 1450", "Call 1450")
    assert (ca.number, at.number) == ("911", "144")


def test_the_picker_finds_countries_by_name_code_or_number():
    assert [c.code for c in find_countries("japan")] == ["JP"]
    assert [c.code for c in find_countries("puerto")] == ["PR"]
    assert [c.code for c in find_countries("jp")] == ["JP"]
    assert "NZ" in [c.code for c in find_countries("new")]
    assert {c.code for c in find_countries("995")} == {"SG"}
    names = [c.name for c in find_countries()]
    assert names == sorted(names, key=str.casefold) and len(names) >= 90
    assert find_countries("zzzz") == []
