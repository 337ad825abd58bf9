"""Emergency numbers by region, the locale default, a custom number, and who to call today."""

import pytest

from app.domain.regions import emergency_number, region_for_locale, urgent_contact


@pytest.mark.parametrize("locale, number", [("en-GB", "999"), ("en_US", "911"), ("fr-CA", "911"),
                                            ("de-DE", "112"), ("en-AU", "000"), ("en-NZ", "111")])
def test_locale_gives_the_local_number(locale, number):
    assert emergency_number(region_for_locale(locale)) == number


@pytest.mark.parametrize("locale", [None, "", "en", "garbage", "en-"])
def test_no_country_falls_back_to_uk(locale):
    assert region_for_locale(locale) == "uk"


def test_an_unlisted_country_gets_112():
    assert emergency_number(region_for_locale("ja-JP")) == "112"


def test_custom_number_wins_when_chosen_and_given():
    assert emergency_number("custom", " 112 ") == "112"
    assert emergency_number("custom", "  ") == "999"
    assert emergency_number("us", "123") == "911"


def test_111_is_only_offered_in_the_uk():
    assert "111" in urgent_contact("uk")
    assert "111" not in urgent_contact("us") and "111" not in urgent_contact("nz")
