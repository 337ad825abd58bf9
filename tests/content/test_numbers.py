"""The emergency-number table: official sources and dates, libphonenumber as a cross-check, every country."""

from datetime import date
from pathlib import Path

import phonenumbers  # test-only dependency: Google's libphonenumber data
import pytest
from phonenumbers import shortnumberinfo

from app.content.loader import ContentError
from app.content.numbers import NUMBERS_FILE, load_numbers

EU = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
      "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}
EEA = EU | {"IS", "LI", "NO"}
NAMED = {"GB", "CA", "AU", "NZ", "HK", "SG"}
# The 60 most populous countries and territories, by UN World Population Prospects 2024 estimates.
TOP_60 = {"IN", "CN", "US", "ID", "PK", "NG", "BR", "BD", "RU", "ET", "MX", "JP", "EG", "PH", "CD", "VN",
          "IR", "TR", "DE", "TH", "TZ", "GB", "FR", "ZA", "IT", "KE", "MM", "CO", "KR", "SD", "UG", "ES",
          "DZ", "IQ", "AR", "AF", "YE", "CA", "AO", "UA", "MA", "PL", "UZ", "MY", "MZ", "GH", "PE", "SA",
          "MG", "CI", "NP", "CM", "VE", "NE", "AU", "KP", "SY", "ML", "BF", "TW"}
# Where the official number is not (yet) in libphonenumber's data, each with its override in the table.
# Growing this list is a decision: add the country here and say why in its row's `override`.
OVERRIDDEN = {"GH", "IQ", "MM", "PE", "ZM"}


@pytest.fixture(scope="module")
def table():
    return load_numbers()


def test_every_row_names_its_official_source_and_the_day_it_was_checked(table):
    """Both are required by the model (see the refusal tests below); a date still to come is a typo."""
    assert [c.code for c in table.countries if c.checked > date.today()] == []
    assert [c.code for c in table.countries if len(c.source.split()) < 4] == []
    assert len(table.countries) >= 90


def test_every_number_agrees_with_libphonenumber_or_is_a_listed_override(table):
    disagree = {c.code for c in table.countries
                if not shortnumberinfo.is_emergency_number(c.emergency, c.code)}
    assert disagree == OVERRIDDEN, f"libphonenumber {phonenumbers.__version__} disagrees: {sorted(disagree)}"
    unexplained = [c.code for c in table.countries if c.code in disagree and not c.override]
    assert unexplained == []
    stale = [c.code for c in table.countries if c.override and c.code not in disagree]
    assert stale == [], f"libphonenumber now lists these numbers: remove the override of {stale}"


def test_each_override_names_libphonenumber_and_the_official_number(table):
    for c in table.countries:
        if c.override:
            assert "libphonenumber" in c.override and c.emergency in c.override, c.code
            assert c.emergency in c.source, c.code


@pytest.mark.parametrize("code, number, why", [
    ("GH", "112", "112 replaced 191, 192 and 193 in January 2020"),
    ("IQ", "911", "the unified 911 replaced the old lines in January 2025"),
    ("PE", "106", "SAMU's ambulance; 116 is the fire service"),
    ("PR", "911", "a US territory: 911, not the 112 fallback"),
    ("GU", "911", "a US territory: 911, not the 112 fallback"),
    ("VI", "911", "a US territory: 911, not the 112 fallback"),
])
def test_the_numbers_the_clinical_review_corrected(table, code, number, why):
    assert table.by_code()[code].emergency == number, why


def test_zambia_does_not_call_the_police_line_and_says_check_locally(table):
    zm = table.by_code()["ZM"]
    assert zm.emergency != "991"  # Zambia Police toll-free line
    assert zm.check_local


def test_myanmars_unconfirmed_number_says_check_locally(table):
    mm = table.by_code()["MM"]
    assert mm.emergency in ("192", "199") and mm.check_local


def test_every_country_we_promised_is_there_or_left_out_with_a_reason(table):
    listed = set(table.by_code())
    assert listed >= EEA | NAMED, sorted(EEA | NAMED - listed)
    omitted = {o.code for o in table.omitted}
    assert listed | omitted >= TOP_60, sorted(TOP_60 - listed - omitted)
    assert len(TOP_60 & listed) >= 52


def test_left_out_numbers_really_cannot_be_checked_yet(table):
    """When libphonenumber learns one of these, this fails: add the country to the table."""
    for row in table.omitted:
        if row.unverified:
            assert not shortnumberinfo.is_emergency_number(row.unverified, row.code), row.code


def test_codes_are_regions_libphonenumber_knows(table):
    unknown = [c.code for c in table.countries if c.code not in phonenumbers.SUPPORTED_SHORT_REGIONS]
    assert unknown == []


def test_urgent_lines_are_real_numbers_and_never_an_emergency_number(table):
    lines = {c.code: c.urgent for c in table.countries if c.urgent}
    assert set(lines) == {"GB", "AU", "NZ", "DE", "SE", "CA", "AT"}
    for code, line in lines.items():
        short = shortnumberinfo.is_valid_short_number_for_region(
            phonenumbers.parse(line.dial, code), code)
        full = phonenumbers.is_valid_number(phonenumbers.parse(line.dial, code))
        assert short or full, (code, line.number)
        assert not shortnumberinfo.is_emergency_number(line.dial, code), code
        assert len(line.source) > 20, code


def test_uncertain_rows_say_so_in_their_source_note(table):
    for c in table.countries:
        if c.check_local:
            assert any(w in c.source for w in ("unconfirmed", "not every")), c.code


def test_a_bad_row_is_reported_by_its_code(tmp_path: Path):
    bad = tmp_path / "emergency_numbers.toml"
    text = NUMBERS_FILE.read_text(encoding="utf-8").replace(
        'emergency = "119"\nsource = "119 for fire', 'emergency = "1 19"\nsource = "119 for fire', 1)
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"emergency_numbers.toml, countries 'JP' emergency"):
        load_numbers(bad)


def test_a_country_listed_twice_is_refused(tmp_path: Path):
    bad = tmp_path / "emergency_numbers.toml"
    again = ('\n[[country]]\ncode = "JP"\nname = "Japan"\nemergency = "119"\n'
             'source = "a second row"\nchecked = 2026-12-03\n')
    bad.write_text(NUMBERS_FILE.read_text(encoding="utf-8") + again, encoding="utf-8")
    with pytest.raises(ContentError, match="listed more than once: JP"):
        load_numbers(bad)


@pytest.mark.parametrize("field", ["checked", "source"])
def test_a_row_without_its_source_or_date_is_refused_by_its_code(tmp_path: Path, field: str):
    bad = tmp_path / "emergency_numbers.toml"
    text = NUMBERS_FILE.read_text(encoding="utf-8")
    start = text.index('code = "JP"')
    line = text.index(f"\n{field} = ", start)
    bad.write_text(text[:line] + text[text.index("\n", line + 1):], encoding="utf-8")
    with pytest.raises(ContentError, match=rf"countries 'JP' {field}: Field required"):
        load_numbers(bad)


def test_an_override_without_a_reason_is_refused(tmp_path: Path):
    bad = tmp_path / "emergency_numbers.toml"
    text = NUMBERS_FILE.read_text(encoding="utf-8")
    line = text.index("\noverride = ", text.index('code = "GH"'))
    end = text.index("\n", line + 1)
    bad.write_text(text[:line] + '\noverride = "112"' + text[end:], encoding="utf-8")
    with pytest.raises(ContentError, match="countries 'GH' override"):
        load_numbers(bad)
