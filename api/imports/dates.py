"""Dates as SP4N-LAPOR! exports write them: "12 Januari 2024", "Jumat, 12 Jan 2024 08.30 WIB",
"12/01/2024 08:30", "2024-01-12", ISO date-times, and the datetimes/serials a spreadsheet stores.

A value without a time zone is local time (Asia/Jakarta by default); results are aware UTC datetimes.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
DAYS = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
ZONES = {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura"}
TIME = r"(?:[ ,T]+(?:pukul |jam )?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?"
NAMED = re.compile(r"^(\d{1,2})[ \-]+([a-z]+)\.?[ \-]+(\d{4})" + TIME + r"$")
NUMERIC = re.compile(r"^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})" + TIME + r"$")
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
# LAPOR! writes 0001-01-01 where a date is missing; no complaint is older than this.
EARLIEST_YEAR = 1990
CLOCK = re.compile(r"^(?:pukul |jam )?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?(?:\s*(wib|wita|wit))?$")


class DateError(ValueError):
    pass


def parse_date(value, tz: str = "Asia/Jakarta", order: str = "dmy") -> dt.datetime | None:
    """An aware UTC datetime, None for an empty cell; DateError for anything unreadable or implausible."""
    result = _parse(value, tz, order)
    latest = dt.datetime.now(dt.UTC).year + 1
    if result is not None and not EARLIEST_YEAR <= result.year <= latest:
        raise DateError(f"{_shown(value)!r} is not a plausible date (year {result.year})")
    return result


def _shown(value) -> str:
    return value.isoformat() if isinstance(value, dt.date | dt.time) else str(value).strip()


def parse_time(value) -> dt.time | None:
    """A clock time as exports write it ("08:30:00", "8.30", a time cell); None when empty."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # a time cell some spreadsheets store on 1899-12-30
        return value.time()
    if isinstance(value, dt.time):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < 1:  # a day fraction
        seconds = round(float(value) * 86400)
        return dt.time(min(23, seconds // 3600), seconds % 3600 // 60, seconds % 60)
    text = str(value).strip().lower()
    if not text:
        return None
    m = CLOCK.match(text)
    if m is None or int(m[1]) > 23 or int(m[2]) > 59 or int(m[3] or 0) > 59:
        raise DateError(f"{str(value).strip()!r} is not a time of day (expected e.g. 08:30 or 08:30:00)")
    return dt.time(int(m[1]), int(m[2]), int(m[3] or 0))


def combine_date_time(day: dt.datetime, time: dt.time | None, tz: str = "Asia/Jakarta") -> dt.datetime:
    """The local calendar day of `day` (a parsed date) at `time` local (WIB by default), as aware UTC.
    A date that already carries a time of day keeps it."""
    zone = ZoneInfo(tz)
    local = day.astimezone(zone)
    if time is None or local.time() != dt.time():
        return day
    return dt.datetime.combine(local.date(), time, tzinfo=zone).astimezone(dt.UTC)


def _parse(value, tz: str, order: str) -> dt.datetime | None:
    zone = ZoneInfo(tz)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.year < EARLIEST_YEAR:
            raise DateError(f"{value.isoformat()!r} is not a plausible date (year {value.year})")
        local = value if value.tzinfo else value.replace(tzinfo=zone)
        return local.astimezone(dt.UTC)
    if isinstance(value, dt.date):
        if value.year < EARLIEST_YEAR:
            raise DateError(f"{value.isoformat()!r} is not a plausible date (year {value.year})")
        return dt.datetime.combine(value, dt.time(), tzinfo=zone).astimezone(dt.UTC)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 < value < 80000:  # a spreadsheet serial day number (1954..2119)
            return (EXCEL_EPOCH + dt.timedelta(days=float(value))).replace(tzinfo=zone).astimezone(dt.UTC)
        raise DateError(f"{value!r} is not a date")
    text = str(value).strip()
    if not text:
        return None
    s = text.lower()
    s = re.sub(r"^" + DAYS + r",?\s*", "", s)
    for name, zname in ZONES.items():
        if re.search(rf"\s{name}$", s):
            s, zone = s[: -len(name)].strip(), ZoneInfo(zname)
            break
    try:
        iso = dt.datetime.fromisoformat(s.upper().replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2}[ t]", s) else s)
    except ValueError:
        iso = None
    if iso is not None:
        if iso.year < EARLIEST_YEAR:  # 0001-01-01 cannot even be moved to UTC
            raise DateError(f"{text!r} is not a plausible date (year {iso.year})")
        return (iso if iso.tzinfo else iso.replace(tzinfo=zone)).astimezone(dt.UTC)
    if m := NAMED.match(s):
        day, month_name, year = int(m[1]), m[2], int(m[3])
        month = MONTHS.get(month_name)
        if month is None:
            raise DateError(f"{text!r}: unknown month {m[2]!r}")
        return _build(text, year, month, day, m[4], m[5], m[6], zone)
    if m := NUMERIC.match(s):
        a, b, c = m[1], m[2], m[3]
        if len(a) == 4:
            year, month, day = int(a), int(b), int(c)
        elif len(c) == 4:
            day, month = (int(a), int(b)) if order == "dmy" else (int(b), int(a))
            year = int(c)
        elif len(c) == 2:
            day, month = (int(a), int(b)) if order == "dmy" else (int(b), int(a))
            year = 2000 + int(c)
        else:
            raise DateError(f"{text!r} is not a date")
        return _build(text, year, month, day, m[4], m[5], m[6], zone)
    raise DateError(f"{text!r} is not a date (expected e.g. 12 Januari 2024, 12/01/2024 08:30 or 2024-01-12)")


def _build(text, year, month, day, hh, mm, ss, zone) -> dt.datetime:
    if year < EARLIEST_YEAR:
        raise DateError(f"{text!r} is not a plausible date (year {year})")
    try:
        local = dt.datetime(year, month, day, int(hh or 0), int(mm or 0), int(ss or 0), tzinfo=zone)
    except ValueError as exc:
        raise DateError(f"{text!r} is not a valid date ({exc})") from None
    return local.astimezone(dt.UTC)
