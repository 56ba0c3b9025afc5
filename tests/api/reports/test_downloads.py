"""Download headers of the performance report."""

from __future__ import annotations


def test_csv_content_type_names_the_charset_once(client, scientist):
    resp = client.get("/reports/performance.csv?month=2024-01", headers=scientist)
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert resp.headers["Content-Type"].count("charset") == 1
    assert resp.get_data(as_text=True).lstrip("\ufeff").startswith("period_from,period_to,agency,")


def test_xlsx_content_type(client, scientist):
    resp = client.get("/reports/performance.xlsx?month=2024-01", headers=scientist)
    assert resp.headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
