"""`triage agencies import/export`: validation naming file, row and column; nothing written when a row
is bad; idempotent; history; round trips in CSV, XLSX and JSON."""

import csv
import json

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from api.agencies.directory import DirectoryInvalid, Item, apply_items, save_agency
from api.agencies.models import AgencyChange
from api.agencies.schemas import AgencyIn
from api.models import Agency

HEADER = ["code", "name", "aliases", "parent", "type", "deadline", "keywords", "description", "active"]
GOOD = [
    ["DINKES", "Dinas Kesehatan Kabupaten Contoh", "Dinkes|Dinas Kesehatan Kab. Contoh", "", "kesehatan", "3",
     "puskesmas|posyandu", "Pelayanan kesehatan dasar dan rujukan.", "ya"],
    ["KEC-CIBEUREUM", "Kecamatan Cibeureum", "Kec. Cibeureum", "", "kecamatan", "", "", "", ""],
    ["PUSKESMAS-CIBEUREUM", "Puskesmas Cibeureum", "", "DINKES", "", "5", "", "", "ya"],
]


def write_csv(path, rows, header=HEADER):
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def agencies(db_session):
    db_session.expire_all()
    return {a.code: a for a in db_session.scalars(select(Agency))}


def test_import_creates_then_a_second_run_changes_nothing(run, tmp_path, fresh, db_session):
    path = write_csv(tmp_path / "direktori.csv", GOOD)
    first = run(["import", str(path)])
    assert first.exit_code == 0, first.output
    assert "DINKES: baru" in first.output and "Disimpan: 3 baru" in first.output
    got = agencies(db_session)
    d = got["DINKES"]
    assert (d.name, d.aliases, d.type, d.deadline_days, d.keywords, d.active) == (
        "Dinas Kesehatan Kabupaten Contoh", ["Dinkes", "Dinas Kesehatan Kab. Contoh"], "kesehatan", 3,
        ["puskesmas", "posyandu"], True)
    assert d.description == "Pelayanan kesehatan dasar dan rujukan."
    assert got["KEC-CIBEUREUM"].deadline_days == 5 and got["PUSKESMAS-CIBEUREUM"].parent == "DINKES"
    changes = db_session.scalars(select(AgencyChange).where(AgencyChange.agency_code == "DINKES")).all()
    assert [(c.action, c.source) for c in changes] == [("create", "import:direktori.csv")]
    assert changes[0].actor.startswith("cli") and changes[0].changes["keywords"] == [None, ["puskesmas", "posyandu"]]

    again = run(["import", str(path)])
    assert again.exit_code == 0, again.output
    assert "Tidak ada perubahan" in again.output and "3 tidak berubah" in again.output
    assert db_session.query(AgencyChange).count() == 3  # no new history rows


def test_an_update_changes_only_the_given_columns_and_is_recorded(run, tmp_path, fresh, db_session):
    run(["import", str(write_csv(tmp_path / "a.csv", GOOD))])
    # A file with only code, name and keywords: the aliases, type and deadline stay.
    path = write_csv(tmp_path / "b.csv", [["dinkes", "Dinas Kesehatan Kabupaten Contoh", "puskesmas|imunisasi"]],
                     header=["kode", "nama", "kata_kunci"])
    result = run(["import", str(path)])
    assert result.exit_code == 0, result.output
    assert "DINKES: diubah (kata kunci)" in result.output
    d = agencies(db_session)["DINKES"]
    assert d.keywords == ["puskesmas", "imunisasi"] and d.aliases == ["Dinkes", "Dinas Kesehatan Kab. Contoh"]
    assert d.deadline_days == 3 and d.type == "kesehatan"
    last = db_session.scalars(select(AgencyChange).order_by(AgencyChange.id.desc())).first()
    assert (last.agency_code, last.action, last.changes) == (
        "DINKES", "update", {"keywords": [["puskesmas", "posyandu"], ["puskesmas", "imunisasi"]]})
    history = run(["history", "DINKES"])
    assert history.output.splitlines()[0].split("\t")[1:3] == ["DINKES", "update"]


def test_every_problem_names_row_and_column_and_nothing_is_imported(run, tmp_path, db_session):
    before = set(agencies(db_session))
    bad = [
        GOOD[0],
        ["dinas kes", "Dinas Lain", "", "", "", "", "", "", ""],                        # row 3: code with a space
        ["DISHUB", "Dinas Perhubungan", "DINKES!", "", "perhubungann", "dua", "", "", "mungkin"],  # row 4
        ["DINKES", "Tidak Diketahui", "", "NOPE", "", "0", "", "", ""],                  # row 5
        ["DLH", "Dinas Lingkungan Hidup", "dinas kesehatan kab contoh", "DLH", "", "", "", "", ""],  # row 6
    ]
    path = write_csv(tmp_path / "salah.csv", bad)
    result = run(["import", str(path)])
    assert result.exit_code == 1
    err = result.stderr
    assert f"{path}, baris 3, kolom 'code': kode wajib diisi: huruf besar" in err
    assert f"{path}, baris 4, kolom 'aliases': alias 'DINKES!' sudah dipakai instansi DINKES" not in err  # row-level first
    assert f"{path}, baris 4, kolom 'type': jenis tidak dikenal: 'perhubungann' (mungkin: perhubungan)" in err
    assert f"{path}, baris 4, kolom 'deadline': harus bilangan bulat" in err
    assert f"{path}, baris 4, kolom 'active': isi 'ya' atau 'tidak'" in err
    assert f"{path}, baris 5, kolom 'name': 'Tidak Diketahui' bukan nama instansi" in err
    assert f"{path}, baris 5, kolom 'deadline': paling sedikit 1" in err
    assert "tidak ada yang diimpor" in err
    assert set(agencies(db_session)) == before


def test_directory_checks_unique_codes_aliases_and_parents(fresh, db_session):
    def items(*rows):
        return [Item(AgencyIn.model_validate(r), row=i, columns={}) for i, r in enumerate(rows, start=2)]

    with pytest.raises(DirectoryInvalid) as exc:
        apply_items(db_session, items(
            {"code": "A1", "name": "Dinas Satu", "aliases": "Dinsat"},
            {"code": "A1", "name": "Dinas Dua"},
            {"code": "B2", "name": "Badan Dua", "aliases": ["DINSAT."], "parent": "ZZZ"},
            {"code": "C3", "name": "dinas  SATU"},
            {"code": "D4", "name": "Dinas Empat", "parent": "E5"},
            {"code": "E5", "name": "Dinas Lima", "parent": "D4"},
        ), actor="t", source="test")
    msgs = [(p.row, p.field, p.message) for p in exc.value.problems]
    assert (3, "code", "kode A1 ganda (pertama di baris 2)") in msgs
    assert any(r == 4 and f == "aliases" and "'DINSAT.' sudah dipakai instansi A1 (baris 2)" in m for r, f, m in msgs)
    assert any(r == 4 and f == "parent" and "'ZZZ' tidak ada" in m for r, f, m in msgs)
    assert any(r == 5 and f == "name" and "sudah dipakai instansi A1" in m for r, f, m in msgs)
    assert any(r == 6 and f == "parent" and "lingkaran" in m for r, f, m in msgs)
    assert db_session.scalar(select(Agency).where(Agency.code == "A1")) is None


def test_an_alias_may_not_be_another_agencys_name(db_session):
    existing = db_session.scalars(select(Agency).where(Agency.active.is_(True))).first()
    with pytest.raises(DirectoryInvalid) as exc:
        save_agency(db_session, AgencyIn(code="NEW", name="Instansi Baru", aliases=[existing.name.upper()]), actor="t")
    assert exc.value.problems[0].field == "aliases" and existing.code in exc.value.problems[0].message


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_round_trips_with_import(run, tmp_path, fresh, db_session, fmt):
    run(["import", str(write_csv(tmp_path / "a.csv", GOOD))])
    d = agencies(db_session)["KEC-CIBEUREUM"]
    d.active = False
    db_session.commit()
    out = tmp_path / f"direktori.{fmt}"
    result = run(["export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    n = len(agencies(db_session))
    assert f"{n} instansi ditulis" in result.stderr
    if fmt == "json":
        rows = {r["code"]: r for r in json.loads(out.read_text())["agencies"]}
        assert rows["DINKES"]["keywords"] == ["puskesmas", "posyandu"] and rows["KEC-CIBEUREUM"]["active"] is False
    elif fmt == "xlsx":
        ws = load_workbook(out).active
        header = [c.value for c in ws[1]]
        assert header[:2] == ["code", "name"] and ws.max_row == n + 1
    else:
        rows = {r["code"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
        assert rows["DINKES"]["aliases"] == "Dinkes|Dinas Kesehatan Kab. Contoh"
        assert rows["KEC-CIBEUREUM"]["active"] == "tidak"
    again = run(["import", str(out)])
    assert again.exit_code == 0, again.output
    assert "Tidak ada perubahan" in again.output and f"{n} tidak berubah" in again.output


def test_xlsx_and_json_imports_name_rows(run, tmp_path, fresh, db_session):
    wb = Workbook()
    ws = wb.active
    ws.append(["Kode", "Nama", "Tenggat", "Catatan"])
    ws.append(["DISKOMINFO", "Dinas Komunikasi dan Informatika", 4, "x"])
    ws.append(["BAPPEDA", "", 4.0, ""])
    wb.save(tmp_path / "d.xlsx")
    result = run(["import", str(tmp_path / "d.xlsx")])
    assert result.exit_code == 1 and "d.xlsx, baris 3, kolom 'Nama': nama wajib diisi" in result.stderr
    (tmp_path / "d.json").write_text(json.dumps([{"code": "DISKOMINFO", "name": "Dinas Kominfo", "deadline_days": 4},
                                                 {"code": "X", "name": "Dinas X", "active": "kadang"}]))
    result = run(["import", str(tmp_path / "d.json")])
    assert result.exit_code == 1 and "d.json, baris 2, kolom 'active'" in result.stderr
    (tmp_path / "d.json").write_text(json.dumps({"agencies": [{"code": "DISKOMINFO", "name": "Dinas Kominfo",
                                                               "deadline_days": 4, "keywords": ["wifi", "cctv"]}]}))
    result = run(["import", str(tmp_path / "d.json")])
    assert result.exit_code == 0, result.output
    assert agencies(db_session)["DISKOMINFO"].keywords == ["wifi", "cctv"]


def test_deactivate_missing_and_dry_run(run, tmp_path, db_session):
    path = write_csv(tmp_path / "a.csv", GOOD)
    shipped = {c for c, a in agencies(db_session).items() if a.active}
    dry = run(["import", str(path), "--deactivate-missing", "--dry-run"])
    assert dry.exit_code == 0 and "Percobaan (--dry-run)" in dry.output
    assert f"{len(shipped - {'DINKES'})} dinonaktifkan" in dry.output
    assert "KEC-CIBEUREUM" not in agencies(db_session) and agencies(db_session)["DINKES"].type is None
    run(["import", str(path), "--deactivate-missing"])
    now = agencies(db_session)
    assert {c for c, a in now.items() if a.active} == {"DINKES", "KEC-CIBEUREUM", "PUSKESMAS-CIBEUREUM"}


def test_the_shipped_directory_round_trips_unchanged(run, tmp_path):
    # Its aliases include spellings that differ only in punctuation ("Kec. Cibeureum", "Kec Cibeureum").
    out = tmp_path / "shipped.csv"
    assert run(["export", "--out", str(out)]).exit_code == 0
    result = run(["import", str(out)])
    assert result.exit_code == 0 and "Tidak ada perubahan" in result.output, result.output
