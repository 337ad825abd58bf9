"""The emergency-number table: every number checked against libphonenumber, and every country we promised."""

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


@pytest.fixture(scope="module")
def table():
    return load_numbers()


def test_every_ambulance_number_is_an_emergency_number_to_libphonenumber(table):
    wrong = [(c.code, c.emergency) for c in table.countries
             if not shortnumberinfo.is_emergency_number(c.emergency, c.code)]
    assert wrong == []
    assert len(table.countries) >= 90


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
    assert set(lines) == {"GB", "AU", "NZ", "DE", "SE"}
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
            assert any(w in c.source for w in ("no official", "not in libphonenumber", "not every")), c.code


def test_a_bad_row_is_reported_by_its_code(tmp_path: Path):
    bad = tmp_path / "emergency_numbers.toml"
    text = NUMBERS_FILE.read_text(encoding="utf-8").replace(
        'emergency = "119"\nsource = "119 for fire', 'emergency = "1 19"\nsource = "119 for fire', 1)
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"emergency_numbers.toml, countries 'JP' emergency"):
        load_numbers(bad)


def test_a_country_listed_twice_is_refused(tmp_path: Path):
    bad = tmp_path / "emergency_numbers.toml"
    again = '\n[[country]]\ncode = "JP"\nname = "Japan"\nemergency = "119"\nsource = "a second row"\n'
    bad.write_text(NUMBERS_FILE.read_text(encoding="utf-8") + again, encoding="utf-8")
    with pytest.raises(ContentError, match="listed more than once: JP"):
        load_numbers(bad)
