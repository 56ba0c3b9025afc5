import re

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


def test_complaint_columns_and_texts(complaints):
    assert list(complaints.columns) == ["id", "date", "channel", "title", "text", "agency", "category", "classification", "hoax"]
    assert complaints["text"].is_unique
    assert complaints["hoax"].sum() >= 120
    assert (complaints["agency"].value_counts() >= 25).all()


def test_hoax_label_is_not_a_cue_word_lookup(complaints):
    """Most hoax rows carry no link or "sebarkan"; some genuine rows do; question marks occur in every class."""
    cue = complaints["text"].str.contains(r"sebarkan|teruskan|bit\.ly|s\.id/|https?://|\.xyz|tinyurl|wa\.me", case=False)
    hoax = complaints["hoax"] == 1
    assert cue[hoax].mean() < 0.3
    assert cue[~hoax].sum() >= 5
    asks = complaints["text"].str.contains("?", regex=False)
    for cls in ("pengaduan", "aspirasi"):
        assert asks[complaints["classification"] == cls].sum() >= 20
    assert (~asks[complaints["classification"] == "permintaan_informasi"]).sum() >= 40


def test_hand_written_hoaxes_and_determinism():
    from training.sample_data.data import load_data
    from training.sample_data.make_sample import build

    hoaxes = [h["text"] for h in load_data().hand_hoaxes]
    assert len(set(hoaxes)) == len(hoaxes) >= 80
    assert all(re.sub(r"\W+", "", t) for t in hoaxes)
    rows = build()
    assert rows == build()
    assert [r["text"] for r in rows] == load_sample_complaints()["text"].tolist()


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
