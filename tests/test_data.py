import pytest

from triage.data import DATA_DIR, load_agencies, load_sample_complaints, load_slang


@pytest.fixture(scope="module")
def complaints():
    return load_sample_complaints()


def test_agencies_directory():
    agencies = load_agencies()
    codes = {a["code"] for a in agencies}
    assert len(agencies) >= 20
    assert {"DPUPR", "DISHUB", "DLH", "DISDUKCAPIL", "DINSOS", "PDAM", "DISKOMINFO"} <= codes
    assert sum(a["kind"] == "kecamatan" for a in agencies) >= 4
    for a in agencies:
        assert isinstance(a["aliases"], list) and a["aliases"]
        assert isinstance(a["deadline_days"], int) and a["deadline_days"] > 0
        assert a["parent"] == "" or a["parent"] in codes


def test_complaint_counts(complaints):
    assert len(complaints) >= 900
    assert complaints["agency"].nunique() >= 15
    assert complaints["category"].nunique() >= 25
    assert complaints["hoax"].sum() >= 100
    assert set(complaints["classification"]) == {"pengaduan", "aspirasi", "permintaan_informasi"}
    assert complaints["id"].is_unique
    assert complaints["hoax"].dtype.kind == "i"
    assert complaints["text"].map(type).eq(str).all()


def test_complaint_agencies_exist(complaints):
    codes = {a["code"] for a in load_agencies()}
    assert set(complaints["agency"]) <= codes
    counts = complaints["agency"].value_counts()
    assert counts.min() >= 25


def test_complaint_dates_span_two_years(complaints):
    assert complaints["date"].min() >= "2024-01-01"
    assert complaints["date"].max() <= "2025-12-31"
    assert complaints["date"].str[:4].nunique() == 2


def test_slang_dictionary():
    slang = load_slang()
    assert len(slang) >= 300
    for key in ["yg", "tdk", "gak", "sy", "blm", "krn", "jln", "pdam"]:
        assert key in slang
    assert slang["yg"] == "yang"
    assert all(k == k.lower() for k in slang)


def test_malformed_slang_names_line(tmp_path):
    bad = tmp_path / "slang.tsv"
    bad.write_text("# comment\nyg\tyang\ntdk tidak\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"slang\.tsv:3"):
        load_slang(bad)


def test_malformed_agency_deadline_names_line(tmp_path):
    bad = tmp_path / "agencies.csv"
    header = (DATA_DIR / "agencies.csv").read_text(encoding="utf-8").splitlines()[0]
    bad.write_text(header + "\nDLH,Dinas Lingkungan Hidup,DLH,,lima,dinas\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"agencies\.csv:2"):
        load_agencies(bad)
