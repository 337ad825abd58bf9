"""The Log lists each SOS check with its time, what it found and the signs ticked."""

from __future__ import annotations

from datetime import datetime

from app.domain.records import SosCheck
from app.ui.log.sos_checks import check_line, signs_line

AT = datetime(2026, 12, 1, 14, 5).astimezone()


def test_a_check_says_when_what_it_found_and_which_signs():
    urgent = SosCheck(at=AT, tier="urgent", flags=["fever"])
    assert check_line(urgent) == "Tue 01 Dec, 14:05 · See a doctor today"
    assert signs_line(urgent) == "Signs: A high temperature, or you feel hot and shivery"


def test_a_check_without_signs_says_so():
    calm = SosCheck(at=AT, tier="self-care")
    assert check_line(calm) == "Tue 01 Dec, 14:05 · No red flags"
    assert signs_line(calm) == "No sign ticked."
