"""Settings read back are checked against the model: a bad value is dropped and noted, never used."""

import logging

import pytest

from app.domain.settings import SettingRefused, Settings, check_setting, valid_settings


@pytest.mark.parametrize(("name", "value"), [
    ("theme", ["dark"]), ("theme", "purple"), ("theme", None), ("install_dismissed", "yes"),
    ("country", "Narnia"), ("custom", 999), ("guide", "step 3"),
])
def test_a_value_the_model_refuses_is_refused_by_name(name, value):
    with pytest.raises(SettingRefused, match=f"setting '{name}' refused"):
        check_setting(name, value)


def test_an_unknown_setting_name_is_refused():
    with pytest.raises(SettingRefused, match="unknown setting 'colour'"):
        check_setting("colour", "red")


def test_good_values_pass_as_they_are():
    for name, value in [("theme", "dark"), ("country", "JP"), ("country", "custom"), ("country", ""),
                        ("custom", "0800 123"), ("install_dismissed", True), ("guide", None),
                        ("guide", {"stage": "pain"}), ("region", "uk")]:
        assert check_setting(name, value) == value


def test_bad_values_read_back_are_dropped_with_a_note_and_good_ones_kept(caplog):
    with caplog.at_level(logging.WARNING, logger="spasm_sos"):
        kept = valid_settings({"theme": ["dark"], "country": "GB", "install_dismissed": "no",
                               "from_the_future": 1})
    assert kept == {"country": "GB"}
    notes = caplog.text
    assert "'theme'" in notes and "'install_dismissed'" in notes and "'from_the_future'" in notes


def test_settings_that_are_not_an_object_give_the_defaults(caplog):
    with caplog.at_level(logging.WARNING, logger="spasm_sos"):
        assert valid_settings(["theme", "dark"]) == {}
    assert "not a JSON object" in caplog.text
    assert Settings().theme == "system" and Settings().country == ""
