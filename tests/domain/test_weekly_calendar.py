"""The weekly-check calendar file parses as a calendar does, repeats weekly and holds an alarm."""

from datetime import UTC, datetime, timedelta, timezone

import icalendar  # test-only: reads the file back as a phone's calendar would

from app.domain.weekly_calendar import FILE_NAME, SUMMARY, first_check, weekly_check_ics

NOW = datetime(2026, 12, 3, 16, 30, tzinfo=UTC)


def _event(text: str):
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


def test_the_file_is_a_calendar_with_one_weekly_event_and_an_alarm():
    text = weekly_check_ics(datetime(2026, 12, 6, 10, 0), NOW, uid="abc@spasm-sos")
    calendar, event = _event(text)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert str(event["UID"]) == "abc@spasm-sos" and str(event["SUMMARY"]) == SUMMARY
    assert event.decoded("DTSTART") == datetime(2026, 12, 6, 10, 0)  # floating: 10:00 on the phone
    assert event.decoded("DTSTAMP") == NOW
    alarms = list(event.walk("VALARM"))
    assert len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == timedelta(0)
    assert FILE_NAME.endswith(".ics")


def test_every_line_ends_in_crlf_and_is_at_most_75_octets():
    text = weekly_check_ics(datetime(2026, 12, 6, 10, 0), NOW)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "three questions\\, 0" in text.replace("\r\n ", "")  # commas escaped, folding undone


def test_each_file_has_its_own_uid():
    first, second = (str(_event(weekly_check_ics(datetime(2026, 12, 6, 10), NOW))[1]["UID"]) for _ in "ab")
    assert first != second


def test_the_first_check_is_at_ten_on_the_day_it_is_due_and_never_in_the_past():
    tz = timezone(timedelta(hours=1))
    now = datetime(2026, 12, 3, 11, 0, tzinfo=tz)
    assert first_check(now) == datetime(2026, 12, 4, 10, 0)  # nothing due: tomorrow at 10:00
    assert first_check(now, datetime(2026, 12, 9, 7, 30, tzinfo=UTC)) == datetime(2026, 12, 9, 10, 0)
    assert first_check(now, datetime(2026, 11, 1, tzinfo=tz)) == datetime(2026, 12, 4, 10, 0)  # overdue
