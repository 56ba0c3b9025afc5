"""Working days in Indonesia: weekends, national holidays (`holidays` package) and extra dates.

A deadline of N working days ends at the close (23:59:59 local time) of the N-th working day
after the day the clock started; the starting day itself never counts, so a complaint received
on Friday afternoon or on Saturday has the same 3-day deadline: Wednesday evening.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holidays_lib


@lru_cache(maxsize=64)
def _national(year: int) -> frozenset[dt.date]:
    return frozenset(holidays_lib.country_holidays("ID", years=year).keys())


class WorkingCalendar:
    def __init__(self, tz: str = "Asia/Jakarta", extra_holidays: Iterable[dt.date] = ()):
        self.tz = ZoneInfo(tz)
        self.extra = frozenset(extra_holidays)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in _national(day.year) and day not in self.extra

    def add_working_days(self, start: dt.datetime, days: int) -> dt.datetime:
        """The end of the `days`-th working day after `start` (aware), returned in UTC."""
        day = start.astimezone(self.tz).date()
        remaining = days
        while remaining > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        end_local = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=self.tz)
        return end_local.astimezone(dt.UTC)


class DeadlinePolicy:
    """SP4N-LAPOR! clocks: `verify_days` working days to verify, the agency's own days to follow up."""

    def __init__(self, calendar: WorkingCalendar, verify_days: int = 3):
        self.calendar, self.verify_days = calendar, verify_days

    def verify_due(self, start: dt.datetime) -> dt.datetime:
        return self.calendar.add_working_days(start, self.verify_days)

    def followup_due(self, start: dt.datetime, agency_deadline_days: int) -> dt.datetime:
        return self.calendar.add_working_days(start, agency_deadline_days)
