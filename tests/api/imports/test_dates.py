import datetime as dt

import pytest

from api.imports.dates import DateError, combine_date_time, parse_date, parse_time

UTC = dt.UTC


@pytest.mark.parametrize("value, expected", [
    ("12 Januari 2024", dt.datetime(2024, 1, 11, 17, 0, tzinfo=UTC)),
    ("12 Jan 2024 08:30", dt.datetime(2024, 1, 12, 1, 30, tzinfo=UTC)),
    ("Jumat, 12 Januari 2024 08.30 WIB", dt.datetime(2024, 1, 12, 1, 30, tzinfo=UTC)),
    ("3 Agustus 2024 10:00 WITA", dt.datetime(2024, 8, 3, 2, 0, tzinfo=UTC)),
    ("1 Nopember 2023", dt.datetime(2023, 10, 31, 17, 0, tzinfo=UTC)),
    ("12/01/2024 08:30", dt.datetime(2024, 1, 12, 1, 30, tzinfo=UTC)),
    ("12-01-2024", dt.datetime(2024, 1, 11, 17, 0, tzinfo=UTC)),
    ("12/01/24", dt.datetime(2024, 1, 11, 17, 0, tzinfo=UTC)),
    ("2024-01-12", dt.datetime(2024, 1, 11, 17, 0, tzinfo=UTC)),
    ("2024-01-12 08:30:00", dt.datetime(2024, 1, 12, 1, 30, tzinfo=UTC)),
    ("2024-01-12T08:30:00+00:00", dt.datetime(2024, 1, 12, 8, 30, tzinfo=UTC)),
    (dt.datetime(2024, 1, 12, 8, 30), dt.datetime(2024, 1, 12, 1, 30, tzinfo=UTC)),
    (dt.date(2024, 1, 12), dt.datetime(2024, 1, 11, 17, 0, tzinfo=UTC)),
    (45303.5, dt.datetime(2024, 1, 12, 5, 0, tzinfo=UTC)),  # spreadsheet serial: 2024-01-12 12:00 local
])
def test_indonesian_and_numeric_dates(value, expected):
    assert parse_date(value) == expected


def test_month_first_order_when_asked():
    assert parse_date("01/12/2024", order="mdy") == parse_date("2024-01-12")


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_is_none(value):
    assert parse_date(value) is None


@pytest.mark.parametrize("value", ["kemarin", "32 Januari 2024", "12 Foo 2024", "31/02/2024", 17])
def test_unreadable_dates_say_what_they_got(value):
    with pytest.raises(DateError, match=str(value).split()[0]):
        parse_date(value)


@pytest.mark.parametrize("value", ["0001-01-01", "0001-01-01 00:00:00", dt.date(1, 1, 1), dt.datetime(1, 1, 1), "01/01/0001"])
def test_lapor_missing_date_marker_is_an_error_not_a_crash(value):
    with pytest.raises(DateError, match="not a plausible date"):
        parse_date(value)


@pytest.mark.parametrize("value, expected", [
    ("08:30:00", dt.time(8, 30)), ("8.30", dt.time(8, 30)), ("23:59:59", dt.time(23, 59, 59)),
    (dt.time(7, 5), dt.time(7, 5)), (dt.datetime(1899, 12, 30, 9, 15), dt.time(9, 15)), (0.5, dt.time(12, 0)),
    ("", None), (None, None),
])
def test_times(value, expected):
    assert parse_time(value) == expected


@pytest.mark.parametrize("value", ["25:00", "pagi", "08:61"])
def test_unreadable_times(value):
    with pytest.raises(DateError, match="not a time of day"):
        parse_time(value)


def test_date_and_time_combine_in_wib():
    day = parse_date("2023-05-14")
    assert combine_date_time(day, dt.time(8, 30)) == dt.datetime(2023, 5, 14, 1, 30, tzinfo=UTC)
    assert combine_date_time(day, dt.time(3, 0)) == dt.datetime(2023, 5, 13, 20, 0, tzinfo=UTC)  # still the 14th in WIB
    assert combine_date_time(day, None) == day
    timed = parse_date("2023-05-14 10:00")
    assert combine_date_time(timed, dt.time(8, 30)) == timed  # a date with its own time keeps it
