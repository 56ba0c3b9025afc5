"""Console dates are typed and shown as Indonesian dd/mm/yyyy, whatever the browser's locale: text inputs
with a pattern, parsed on the server (native date inputs show mm/dd/yyyy in an English browser)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from api.console.present import DAY_PATTERN, format_day, parse_day, parse_month


@pytest.mark.parametrize(("text", "day"), [
    ("31/12/2024", dt.date(2024, 12, 31)), ("1/2/2025", dt.date(2025, 2, 1)), ("05-03-2024", dt.date(2024, 3, 5)),
    ("05.03.2024", dt.date(2024, 3, 5)), ("2024-03-05", dt.date(2024, 3, 5)),
])
def test_parse_day(text, day):
    assert parse_day(text) == day
    assert re.fullmatch(DAY_PATTERN, text)  # the browser's pattern accepts what the server parses


@pytest.mark.parametrize("text", ["12/31/2024", "31/12/24", "kemarin", "", "2024-13-01"])
def test_parse_day_refuses(text):
    with pytest.raises(ValueError):
        parse_day(text)


def test_month_and_format():
    assert parse_month("01/2024") == (2024, 1) and parse_month("2024-01") == (2024, 1)
    with pytest.raises(ValueError):
        parse_month("13/2024")
    assert format_day(dt.date(2024, 3, 5)) == "05/03/2024"


def test_queue_filters_by_indonesian_dates(as_role, seeded):
    c = as_role("verifier")
    today = dt.datetime.now(dt.UTC).date()
    page = c.get("/console/antrian").get_data(as_text=True)
    assert 'type="date"' not in page and 'placeholder="hh/bb/tttt"' in page
    since = format_day(today - dt.timedelta(days=1))
    html = c.get(f"/console/antrian?from={since}").get_data(as_text=True)
    shown = [t for t in seeded if t in html]
    assert seeded[0] not in shown and seeded[3] in shown  # received 9 days ago / today
    assert f'value="{since}"' in html


def test_report_period_in_indonesian_dates(client, verifier):
    resp = client.get("/reports/performance?from=01/01/2024&to=31/01/2024", headers=verifier)
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert 'type="date"' not in html and 'type="month"' not in html
    assert 'value="01/01/2024"' in html and 'value="31/01/2024"' in html and 'value="01/2024"' in html
    assert client.get("/reports/performance.json?month=01/2024", headers=verifier).json["period"]["label"] == "Januari 2024"
    bad = client.get("/reports/performance.json?from=31/13/2024", headers=verifier)
    assert bad.status_code == 422 and "DD/MM/YYYY" in bad.json["error"]["message"]
