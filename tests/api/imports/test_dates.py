import datetime as dt

import pytest

from api.imports.dates import DateError, parse_date

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
