"""Working-day deadlines: weekends, Indonesian national holidays, configured extra dates."""

import datetime as dt
from zoneinfo import ZoneInfo

from api.config import parse_holidays
from api.deadlines import DeadlinePolicy, WorkingCalendar

WIB = ZoneInfo("Asia/Jakarta")


def at(y, m, d, h=10):
    return dt.datetime(y, m, d, h, tzinfo=WIB)


def end_of(y, m, d):
    return dt.datetime(y, m, d, 23, 59, 59, tzinfo=WIB).astimezone(dt.UTC)


def test_three_working_days_skip_the_weekend():
    policy = DeadlinePolicy(WorkingCalendar())
    # Thursday 2026-11-19 -> Fri 20, Mon 23, Tue 24.
    assert policy.verify_due(at(2026, 11, 19)) == end_of(2026, 11, 24)
    # Friday afternoon and Saturday give the same deadline: Wednesday evening.
    assert policy.verify_due(at(2026, 11, 20, 16)) == end_of(2026, 11, 25)
    assert policy.verify_due(at(2026, 11, 21)) == end_of(2026, 11, 25)


def test_national_holiday_is_skipped():
    policy = DeadlinePolicy(WorkingCalendar())
    # Independence Day, Monday 2026-08-17: received Friday 14th -> Tue 18, Wed 19, Thu 20.
    assert policy.verify_due(at(2026, 8, 14)) == end_of(2026, 8, 20)
    # Christmas, Friday 2026-12-25: received Wed 23rd -> Thu 24, Mon 28, Tue 29.
    assert policy.verify_due(at(2026, 12, 23)) == end_of(2026, 12, 29)


def test_configured_extra_holidays():
    extra = parse_holidays("2026-11-23, 2026-11-24")  # e.g. cuti bersama
    policy = DeadlinePolicy(WorkingCalendar(extra_holidays=extra))
    assert policy.verify_due(at(2026, 11, 19)) == end_of(2026, 11, 26)


def test_agency_deadline_uses_its_own_days():
    policy = DeadlinePolicy(WorkingCalendar())
    assert policy.followup_due(at(2026, 11, 23), 5) == end_of(2026, 11, 30)


def test_late_evening_utc_counts_in_local_time():
    policy = DeadlinePolicy(WorkingCalendar())
    # 2026-11-20 18:00 UTC is already Saturday 01:00 in Jakarta.
    received = dt.datetime(2026, 11, 20, 18, tzinfo=dt.UTC)
    assert policy.verify_due(received) == end_of(2026, 11, 25)


def test_bad_holiday_setting_is_a_clear_error():
    import pytest

    with pytest.raises(ValueError, match="TRIAGE_HOLIDAYS"):
        parse_holidays("2026-13-01")
