"""`triage agencies from-lapor`: a directory drafted from the agency names of export-shaped files written by
tests/support/lapor_export (fictional rows, agency ground truth)."""

import csv
from collections import defaultdict

import pytest
from sqlalchemy import select
from support.lapor_export import (
    KABUPATEN_BANDUNG,
    SNAKE_HEADERS,
    TITLE_CORE,
    agency_truth,
    make_rows,
    write_export,
)

from api.agencies.from_lapor import ExportError, draft, written_out
from api.agencies.models import AgencyChange
from api.agencies.schemas import CODE_PATTERN
from api.imports.agencies import AgencyMatcher
from api.models import Agency
from triage.routing.directory import is_placeholder


def _check_against_truth(d, rows):
    truth = agency_truth(rows)
    by_canonical = defaultdict(set)
    for a in d.agencies:
        canonical = {truth[f] for f in a.forms}
        assert len(canonical) == 1, f"{a.code} mixes {canonical}"
        by_canonical[canonical.pop()].add(a.code)
    split = {c: codes for c, codes in by_canonical.items() if len(codes) > 1}
    assert not split
    assert set(by_canonical) == set(truth.values())


@pytest.mark.parametrize(("office", "seed", "fmt", "headers", "columns"), [
    ("Kabupaten Bandung", 0, "xlsx", "snake", SNAKE_HEADERS), ("Kabupaten Bandung", 7, "csv", "title", SNAKE_HEADERS),
    ("Kabupaten Bandung", 11, "csv", "title", TITLE_CORE),  # the short export: no instansi_induk
    ("Kota Sukamaju", 3, "csv", "snake", SNAKE_HEADERS)])
def test_spellings_of_one_agency_become_one_agency(tmp_path, office, seed, fmt, headers, columns):
    rows = make_rows(1500, seed=seed, office=office)
    path = write_export(tmp_path / f"rekap.{fmt}", rows, headers=headers, columns=columns)
    d = draft(path)
    _check_against_truth(d, rows)
    codes = [a.code for a in d.agencies]
    assert len(codes) == len(set(codes)) and all(CODE_PATTERN.match(c) for c in codes)
    assert d.region == office.split(" ", 1)[1].lower()
    for a in d.agencies:
        assert not is_placeholder(a.name) and not any(is_placeholder(x) for x in a.aliases)
        assert not a.name.isupper() and "Kab." not in a.name
        if a.name.startswith("Kecamatan "):
            assert a.type == "kecamatan" and a.code == "KEC-" + a.name.split(" ", 1)[1].upper().replace(" ", "")
        if a.name.startswith(("Desa ", "Kelurahan ")):
            assert a.type in ("desa", "kelurahan") and a.code.startswith(("DESA-", "KEL-"))
    assert d.placeholder_rows == sum(1 for r in rows if r.values["dinas_tujuan"] == "Tidak Diketahui")
    assert d.empty_rows == sum(1 for r in rows if not r.values["dinas_tujuan"].strip())
    assert draft(path).agencies == d.agencies  # stable: the same export gives the same codes


def test_the_messy_cases_of_the_issue(tmp_path):
    rows = make_rows(1500, seed=0)
    names = ["Dinas Kesehatan Kab. Bandung", "Dinas Kesehatan Kabupaten Bandung", "DINKES KAB. BANDUNG",
             "Dinas Kesehatan", "Kec. Baleendah", "KECAMATAN BALEENDAH", "Kecamatan Baleendah Kab. Bandung",
             "Desa Tegalluar Kec. Bojongsoang", "Pemerintah Desa Tegalluar", "Desa Tegalluar",
             "Tidak Diketahui", "-", "Lainnya", "Dinas Perhubungn Kab. Bandung", "Dishub Kab. Bandung",
             "Dinas Perhubungan Kab.Bandung"]
    for r, name in zip(rows, names, strict=False):
        r.values["dinas_tujuan"] = name
    d = draft(write_export(tmp_path / "rekap.csv", rows))
    by_form = {f: a for a in d.agencies for f in a.forms}
    dinkes = by_form["Dinas Kesehatan Kab. Bandung"]
    assert dinkes.code == "DINKES" and dinkes.name == "Dinas Kesehatan Kabupaten Bandung"
    assert by_form["DINKES KAB. BANDUNG"] is dinkes and by_form["Dinas Kesehatan"] is dinkes
    kec = by_form["Kec. Baleendah"]
    assert (kec.code, kec.name, kec.type) == ("KEC-BALEENDAH", "Kecamatan Baleendah", "kecamatan")
    assert by_form["KECAMATAN BALEENDAH"] is kec and by_form["Kecamatan Baleendah Kab. Bandung"] is kec
    desa = by_form["Pemerintah Desa Tegalluar"]
    assert by_form["Desa Tegalluar Kec. Bojongsoang"] is desa and desa.code == "DESA-TEGALLUAR"
    assert desa.name == "Desa Tegalluar" and desa.type == "desa"
    dishub = by_form["Dinas Perhubungn Kab. Bandung"]
    assert dishub is by_form["Dishub Kab. Bandung"] and dishub.code == "DISHUB"
    assert not {"Tidak Diketahui", "-", "Lainnya"} & set(by_form)
    assert d.placeholders["-"] >= 1 and d.placeholders["Lainnya"] >= 1


def test_written_out():
    assert written_out("Dinas Kesehatan Kab.Bandung") == "Dinas Kesehatan Kabupaten Bandung"
    assert written_out("KEC. BALEENDAH KAB. BANDUNG") == "KECAMATAN BALEENDAH KABUPATEN BANDUNG"
    assert written_out("Kel. Andir") == "Kelurahan Andir"


def test_an_export_without_agency_column_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows([["tracking_id", "judul"], ["1", "a"]])
    with pytest.raises(ExportError, match="dinas_tujuan"):
        draft(path)


def test_cli_prints_applies_once_and_imports_then_match_every_name(run, tmp_path, db_session):
    rows = make_rows(1200, seed=5)
    path = write_export(tmp_path / "rekap.xlsx", rows)
    shipped = {a.code for a in db_session.scalars(select(Agency).where(Agency.active.is_(True)))}

    shown = run(["from-lapor", str(path), "--out", str(tmp_path / "draf.csv")])
    assert shown.exit_code == 0, shown.output
    assert "KEC-BALEENDAH" in shown.output and "Ringkasan: 1200 baris" in shown.output
    assert "'Tidak Diketahui'" in shown.output and "Belum disimpan" in shown.output
    assert db_session.query(AgencyChange).count() == 0
    drafted = list(csv.DictReader((tmp_path / "draf.csv").open(encoding="utf-8")))

    applied = run(["from-lapor", str(path), "--apply"])
    assert applied.exit_code == 0, applied.output
    assert "Direktori contoh (kabupaten fiktif) dinonaktifkan" in applied.output
    db_session.expire_all()
    active = {a.code: a for a in db_session.scalars(select(Agency).where(Agency.active.is_(True)))}
    assert set(active) == {r["code"] for r in drafted} and not (shipped - set(active)) & set(active)
    assert {c.source for c in db_session.scalars(select(AgencyChange))} == {"from-lapor:rekap.xlsx"}

    # Every agency name of the export (placeholders aside) is now found by the import's matcher exactly.
    matcher = AgencyMatcher(list(active.values()))
    truth = agency_truth(rows)
    name_of = {a.name: a.code for a in active.values()}
    for written, canonical in truth.items():
        m = matcher.match(written)
        assert m.method in ("code", "name", "alias") and m.code == name_of.get(canonical, m.code), written

    again = run(["from-lapor", str(path), "--apply"])
    assert again.exit_code == 0 and "Tidak ada perubahan" in again.output


def test_apply_keeps_the_offices_own_agencies_and_adds_aliases(run, tmp_path, db_session):
    db_session.add(Agency(code="DINKES-BDG", name="Dinas Kesehatan Kabupaten Bandung", aliases=["Dinkes"],
                          deadline_days=3, active=True, keywords=["puskesmas"]))
    db_session.commit()
    rows = make_rows(600, seed=2, office=KABUPATEN_BANDUNG)
    result = run(["from-lapor", str(write_export(tmp_path / "rekap.csv", rows)), "--apply"])
    assert result.exit_code == 0, result.output
    db_session.expire_all()
    own = db_session.scalar(select(Agency).where(Agency.code == "DINKES-BDG"))
    assert own.active and own.deadline_days == 3 and own.keywords == ["puskesmas"]
    assert own.aliases[0] == "Dinkes" and "Dinas Kesehatan Kab. Bandung" in own.aliases
    assert db_session.scalar(select(Agency).where(Agency.name == "Dinas Kesehatan Kabupaten Bandung",
                                                  Agency.code != "DINKES-BDG")) is None
