"""Personal data in fictional SP4N-LAPOR! exports (tests/support/lapor_export.py, written by another hand
than the rules): every value the generator put in a report is masked, letter by letter, and found with
its kind. The generator glues sentences the way LAPOR! exports do ("Nik. 3204...0001Saya")."""

from __future__ import annotations

from collections import Counter

import pytest
from support.lapor_export import make_rows

from triage.text.pii import detect

FIELDS = ("judul", "isi_laporan_awal", "isi_laporan_akhir")
# The generator has no KK kind: a family-card number after "no KK" is labelled NIK there.
SAME_KIND = {"NIK": {"NIK", "KK"}}


@pytest.fixture(scope="module")
def rows():
    return make_rows(800, seed=3)


def test_every_value_is_masked_and_found_with_its_kind(rows):
    total, hidden, right_kind = Counter(), Counter(), Counter()
    for row in rows:
        text = " ".join(row.values.get(f, "") for f in FIELDS)
        spans = detect(text)
        covered = set()
        for s in spans:
            covered.update(range(s.start, s.end))
        for kind, value in row.pii:
            i = text.find(value)
            assert i >= 0, value
            total[kind] += 1
            hidden[kind] += all(j in covered for j in range(i, i + len(value)) if text[j].isalnum())
            right_kind[kind] += any(
                s.kind in SAME_KIND.get(kind, {kind}) and s.start <= i and i + len(value) <= s.end for s in spans
            )
    assert sum(total.values()) > 800 and len(total) >= 7
    for kind in total:
        assert hidden[kind] == total[kind], (kind, hidden[kind], total[kind])
        assert right_kind[kind] >= 0.97 * total[kind], (kind, right_kind[kind], total[kind])
