"""The monitoring page is all Indonesian: reasons, week labels and dates included."""

from __future__ import annotations

import re


def test_monitoring_page_speaks_indonesian(client, scientist, submit, decide, agency_codes):
    tid = submit("Lampu penerangan jalan di gang kami mati sudah seminggu, mohon diperbaiki.")
    decide(tid, "reassign", agency=agency_codes[0])
    page = client.get("/monitoring", headers=scientist)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    text = re.sub(r"<[^>]+>", " ", html)
    # The session bundle has no drift reference: the reason is given in Indonesian.
    assert "Tidak tersedia: model aktif tidak menyimpan contoh data latih" in text
    assert re.search(r"minggu ke-\d+ \d{4}", text)
    assert re.search(r"sejak \d{2}/\d{2}/\d{4}", text)
    for english in ("drift", "no model", "the active bundle", "train it", "-W", "bundle"):
        assert english not in text, english
