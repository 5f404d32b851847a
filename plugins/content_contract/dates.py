"""What a date is, for the contract and the reader alike: an ISO 8601 calendar date,
optionally with a time (2026-11-26, 2026-11-26 09:30, 2026-11-26T09:30:00-05:00)."""

import datetime
import re

_ISO_CALENDAR = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def parse_date(value):
    """A datetime, or None when the value is not a real calendar date (2026-02-30, 2026-W48-4)."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    text = str(value).strip()
    if not _ISO_CALENDAR.match(text):
        return None
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return None
