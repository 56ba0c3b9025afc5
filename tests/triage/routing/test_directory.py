"""Reading an office's agency directory: formats, generated codes, and errors that name row and column."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from triage.data import DATA_DIR, load_agencies
from triage.routing.directory import AgencyEntry, DirectoryError, entries_from_records, read_directory


def test_shipped_directory_format_is_read_with_aliases_and_parents():
    entries = read_directory(DATA_DIR / "agencies.csv")
    shipped = load_agencies()
    assert [e.code for e in entries] == [a["code"] for a in shipped]
    assert [e.name for e in entries] == [a["name"] for a in shipped]
    dishub = next(e for e in entries if e.code == "DISHUB")
    assert "UPT PJU" in dishub.aliases and dishub.parent == "SETDA"
    assert next(e for e in entries if e.code == "PDAM").parent is None


def test_csv_with_name_only_generates_unique_codes(tmp_path):
    path = tmp_path / "opd.csv"
    path.write_text("name\nDinas Kesehatan\nDinas Kesehatan Hewan\nKecamatan Baleendah\n", encoding="utf-8")
    entries = read_directory(path)
    assert [e.code for e in entries] == ["DINAS_KESEHATAN", "DINAS_KESEHATAN_HEWAN", "KECAMATAN_BALEENDAH"]
    assert all(e.aliases == () and e.type is None for e in entries)


def test_semicolon_csv_with_indonesian_headers_and_lists(tmp_path):
    path = tmp_path / "opd.csv"
    path.write_text(
        "Kode;Nama;Singkatan;Jenis;Kata Kunci;Tugas;Induk\n"
        "SETDA;Sekretariat Daerah;Setda;setda;;Koordinasi perangkat daerah;\n"
        'DSDABM;Dinas Sumber Daya Air dan Bina Marga;"DSDABM|Bina Marga";pupr;"box culvert; saluran";;SETDA\n',
        encoding="utf-8")
    entries = read_directory(path)
    d = entries[1]
    assert d.code == "DSDABM" and d.aliases == ("DSDABM", "Bina Marga") and d.type == "pupr"
    assert d.keywords == ("box culvert", "saluran") and d.parent == "SETDA"
    assert entries[0].description == "Koordinasi perangkat daerah"


def test_xlsx_and_json(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["name", "aliases", "keywords"])
    ws.append(["Dinas Perhubungan", "Dishub; UPT Parkir", "parkir liar"])
    ws.append(["Badan Pendapatan Daerah", None, None])
    xlsx = tmp_path / "opd.xlsx"
    wb.save(xlsx)
    entries = read_directory(xlsx)
    assert entries[0].aliases == ("Dishub", "UPT Parkir") and entries[0].keywords == ("parkir liar",)
    assert entries[1].code == "BADAN_PENDAPATAN_DAERAH"

    js = tmp_path / "opd.json"
    js.write_text(json.dumps({"agencies": [{"name": "Dinas Sosial", "aliases": ["Dinsos"]}, {"nama": "Inspektorat"}]}))
    entries = read_directory(js)
    assert entries[0].aliases == ("Dinsos",) and entries[1].name == "Inspektorat"


@pytest.mark.parametrize("content, where", [
    ("name,code\nDinas Sosial,DINSOS\n,X\n", "row 3, column 'name'"),
    ("name,code\nDinas Sosial,D1\nDinas Kesehatan,D1\n", "row 3, column 'code'"),
    ("nama,kode\nDinas Sosial,D1\ndinas sosial,D2\n", "row 3, column 'nama'"),
    ("name,parent\nDinas Sosial,\nDinas Kesehatan,SEKDA\n", "row 3, column 'parent'"),
    ("name,type\nDinas Sosial,sosial\nDinas Kesehatan,kesehatann\n", "row 3, column 'type'"),
    ("name,code\nDinas Sosial,D1,extra\n", "row 2"),
])
def test_errors_name_file_row_and_column(tmp_path, content, where):
    path = tmp_path / "opd.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DirectoryError) as err:
        read_directory(path)
    assert str(path) in str(err.value) and where in str(err.value)


def test_missing_name_column_and_bad_formats(tmp_path):
    path = tmp_path / "opd.csv"
    path.write_text("kode,singkatan\nX,Y\n", encoding="utf-8")
    with pytest.raises(DirectoryError, match="no 'name' column"):
        read_directory(path)
    both = tmp_path / "both.csv"
    both.write_text("name,nama\nA,B\n", encoding="utf-8")
    with pytest.raises(DirectoryError, match="columns 'name' and 'nama'"):
        read_directory(both)
    bad = tmp_path / "opd.json"
    bad.write_text('[{"name": "Dinas Sosial"}, "Dinas Kesehatan"]')
    with pytest.raises(DirectoryError, match=r"row 2: expected an object"):
        read_directory(bad)
    with pytest.raises(DirectoryError, match="unsupported"):
        read_directory(tmp_path / "opd.pdf")


def test_xlsx_error_names_the_excel_row(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Nama OPD", "Kode"])
    ws.append(["Dinas Sosial", "A"])
    ws.append(["Dinas Kesehatan", "A"])
    path = tmp_path / "opd.xlsx"
    wb.save(path)
    with pytest.raises(DirectoryError, match=r"row 3, column 'Kode'"):
        read_directory(path)


def test_entries_accept_lists_or_strings():
    e = AgencyEntry(code="X", name="Dinas X", aliases="A | B;C", keywords=["k1", " ", "k2"])
    assert e.aliases == ("A", "B", "C") and e.keywords == ("k1", "k2")
    entries = entries_from_records([(1, {"name": "Dinas Sosial", "parent": "Sekretariat Daerah"}),
                                    (2, {"name": "Sekretariat Daerah"})])
    assert entries[0].parent == "SEKRETARIAT_DAERAH"  # a parent given by name is stored as its code
