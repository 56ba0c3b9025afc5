"""Hoax reasons are for people: no internal tokens (`_url_`), no stopwords ("yang") as a reason."""

from __future__ import annotations

import re

import pytest

from triage.suggest import Suggester
from triage.text.stem import all_stopwords, readable_term

HOAX_LIKE = [
    "Sebarkan! Yang dapat bantuan tunai Rp 2 juta dari pemerintah, klik link https://bit.ly/xyz dan isi data "
    "di sana ya, yang cepat dapat.",
    "VIRAL!!! besok akan ada gempa besar, yang tidak percaya silakan, bagikan ke grup wa keluarga anda segera",
    "Info dari grup: ada pembagian sembako gratis di kantor desa, transfer dulu Rp 50.000 ke rekening "
    "1234567890 untuk ongkos kirim, hubungi 081234567890 atau email promo@contoh.com",
]
TERM = re.compile(r"^(?:kata|frasa) '([^']+)' sering muncul di laporan hoaks$")


@pytest.mark.parametrize(("term", "ok"), [
    ("_url_", False), ("klik _url_", False), ("_nik_", False), ("yang", False), ("dari yang", False),
    ("rp", False), ("2024", False), ("gempa", True), ("dari pemerintah", True), ("transfer", True),
])
def test_readable_term(term, ok):
    assert readable_term(term) is ok


def test_reasons_name_only_readable_words(sample_bundle):
    suggestions = Suggester(sample_bundle).suggest(HOAX_LIKE)
    words = []
    for s in suggestions:
        assert s.hoax.reasons, "hoax-like texts get reasons"
        for reason in s.hoax.reasons:
            m = TERM.match(reason)
            if m:
                words.append(m.group(1))
    assert words, "the model's words are among the reasons"
    stop = all_stopwords()
    for term in words:
        assert not any(w.startswith("_") for w in term.split()), term
        assert not all(w in stop for w in term.split()), term
