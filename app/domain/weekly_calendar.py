"""The weekly check as a calendar file (RFC 5545): a weekly event with an alarm, so the phone reminds."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

HOUR = time(10, 0)  # the check is offered at 10:00 local time, on the phone's own clock
FILE_NAME = "spasm-sos-weekly-check.ics"
SUMMARY = "Spasm SOS: weekly check"
DESCRIPTION = "Open Spasm SOS and answer the weekly check: three questions, 0 to 10, about a minute."


def _text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def first_check(now: datetime, next_due: datetime | None = None) -> datetime:
    """The first event (local, no zone): 10:00 on the day the check is next due, else tomorrow.

    `now` is the phone's local time; the result is never in the past.
    """
    day = next_due.astimezone(now.tzinfo).date() if next_due else now.date() + timedelta(days=1)
    start = datetime.combine(day, HOUR)
    while start <= now.replace(tzinfo=None):
        start += timedelta(days=1)
    return start


def weekly_check_ics(start: datetime, stamp: datetime, uid: str | None = None) -> str:
    """The calendar file's text: one event every week from `start` (local, floating), alarm at its time.

    `start` is written as floating local time, so 10:00 stays 10:00 across daylight saving and
    travel; `stamp` (when the file was made) in UTC, as RFC 5545 requires.
    """
    uid = uid or f"{uuid.uuid4()}@spasm-sos"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Spasm SOS//Weekly check//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART:{start.replace(tzinfo=None):%Y%m%dT%H%M%S}",
        "DURATION:PT10M",
        "RRULE:FREQ=WEEKLY",
        f"SUMMARY:{_text(SUMMARY)}",
        f"DESCRIPTION:{_text(DESCRIPTION)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_text(SUMMARY)}",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)
