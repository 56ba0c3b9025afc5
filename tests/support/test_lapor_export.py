"""The fictional SP4N-LAPOR! export generator (tests/support/lapor_export.py) gives the real shape."""

import collections
import csv
import datetime as dt
import re
import statistics

import pytest
from openpyxl import load_workbook

from support.lapor_export import (
    BROKEN_DATES,
    KLASIFIKASI,
    MIN_ROWS_FOR_ALL_QUIRKS,
    PII_KINDS,
    PLACEHOLDER_AGENCY,
    QUIRKS,
    SNAKE_HEADERS,
    SOURCES,
    STATUSES,
    TITLE_CORE,
    TITLE_HEADERS,
    agency_directory,
    agency_truth,
    make_rows,
    write_export,
)

TEXTS = ("judul", "isi_laporan_awal", "isi_laporan_akhir")
GLUE = re.compile(r"[a-z0-9][A-Z]|[.!?][^\W\d_]")


def without_pii(row, column):
    text = row.values[column]
    for _, value in row.pii:  # e-mail addresses have dots followed by letters
        text = text.replace(value, " ")
    return text


@pytest.fixture(scope="module")
def rows():
    return make_rows(300, seed=0, duplicates=4)


@pytest.fixture(scope="module")
def big():
    return make_rows(2128, seed=7)


def read_csv(path, **kw):
    with path.open(encoding=kw.pop("encoding", "utf-8"), newline="") as fh:
        return list(csv.reader(fh, **kw))


def test_deterministic_for_a_seed():
    a, b, c = make_rows(120, seed=3), make_rows(120, seed=3), make_rows(120, seed=4)
    assert [(r.values, r.pii, r.canonical_agency, r.quirks) for r in a] == \
        [(r.values, r.pii, r.canonical_agency, r.quirks) for r in b]
    assert [r.values for r in a] != [r.values for r in c]


def test_headers_exact(tmp_path, rows):
    snake = write_export(tmp_path / "a.csv", rows)
    assert read_csv(snake)[0] == list(SNAKE_HEADERS)
    assert read_csv(snake)[0] == ["tracking_id", "tanggal_masuk", "waktu_masuk", "klasifikasi", "id_kategori",
                                  "kategori", "judul", "isi_laporan_awal", "isi_laporan_akhir", "sumber_laporan",
                                  "instansi_induk", "dinas_tujuan", "status", "alasan_tunda", "provinsi",
                                  "kota_kabupaten", "status_final", "kecamatan_final"]
    title = write_export(tmp_path / "b.csv", rows, headers="title", columns=TITLE_CORE)
    assert read_csv(title)[0] == ["Tracking ID", "Tanggal Masuk", "Judul", "Isi Laporan", "Kategori", "Klasifikasi",
                                  "Dinas Tujuan", "Status", "Sumber Laporan"]
    full = write_export(tmp_path / "c.xlsx", rows, headers="title", title="Rekap Laporan SP4N-LAPOR! 2021-2024")
    ws = load_workbook(full, read_only=True).active
    first, header = list(ws.iter_rows(min_row=1, max_row=2, values_only=True))
    assert first[0] == "Rekap Laporan SP4N-LAPOR! 2021-2024"
    assert list(header) == [TITLE_HEADERS[c] for c in SNAKE_HEADERS]


def test_csv_round_trip(tmp_path, rows):
    path = write_export(tmp_path / "rekap.csv", rows)
    got = read_csv(path)
    assert len(got) == len(rows) + 1
    assert [dict(zip(got[0], r, strict=True)) for r in got[1:]] == [r.values for r in rows]
    # title line, semicolons, BOM and day-first dates, as an office re-saving the file in Excel produces
    path = write_export(tmp_path / "rekap2.csv", rows, title="Rekap", delimiter=";", encoding="utf-8-sig",
                        date_format="dmy")
    got = read_csv(path, delimiter=";", encoding="utf-8-sig")
    assert got[0] == ["Rekap"] and got[1] == list(SNAKE_HEADERS)
    for r, line in zip(rows, got[2:], strict=True):
        iso = r.values["tanggal_masuk"]
        y, m, d = iso.split("-") if iso else ("", "", "")
        assert line[1] == (f"{d}/{m}/{y}" if iso else "")
        assert line[7] == r.values["isi_laporan_awal"]


def test_xlsx_round_trip(tmp_path, rows):
    path = write_export(tmp_path / "rekap.xlsx", rows)
    wb = load_workbook(path, read_only=True)
    assert len(wb.sheetnames) == 1
    got = list(wb.active.iter_rows(values_only=True))
    assert list(got[0]) == list(SNAKE_HEADERS)
    assert len(got) == len(rows) + 1
    for r, line in zip(rows, got[1:], strict=True):
        line = line + (None,) * (len(SNAKE_HEADERS) - len(line))  # read-only mode drops trailing empty cells
        cells = dict(zip(SNAKE_HEADERS, line, strict=True))
        assert isinstance(cells["tracking_id"], int)  # a number cell, as a spreadsheet stores it
        assert {k: "" if v is None else str(v) for k, v in cells.items()} == r.values


def test_xlsx_excel_dates(tmp_path, rows):
    path = write_export(tmp_path / "rekap.xlsx", rows, date_format="excel", ids_as_numbers=False)
    got = list(load_workbook(path, read_only=True).active.iter_rows(min_row=2, values_only=True))
    kinds = collections.Counter()
    for r, line in zip(rows, got, strict=True):
        assert line[0] == r.values["tracking_id"]
        date, clock = line[1], line[2]
        if r.values["tanggal_masuk"] in BROKEN_DATES:
            assert date == r.values["tanggal_masuk"]  # a text cell among date cells
            kinds["text"] += 1
        elif r.values["tanggal_masuk"]:
            assert isinstance(date, dt.datetime) and f"{date:%Y-%m-%d}" == r.values["tanggal_masuk"]
            kinds["date"] += 1
        else:
            assert date is None
        if r.values["waktu_masuk"]:
            assert isinstance(clock, dt.time) and f"{clock:%H:%M:%S}" == r.values["waktu_masuk"]
    assert kinds["date"] > 250 and kinds["text"] >= 2
    with pytest.raises(ValueError):
        write_export(tmp_path / "x.csv", rows, date_format="excel")


def test_every_quirk_is_present(rows):
    assert len(rows) >= MIN_ROWS_FOR_ALL_QUIRKS
    for seed in (0, 1, 2):
        found = {q for r in make_rows(MIN_ROWS_FOR_ALL_QUIRKS, seed=seed, duplicates=1) for q in r.quirks}
        assert found == set(QUIRKS), set(QUIRKS) - found


def test_messy_values_are_really_there(rows, big):
    texts = [r.values["isi_laporan_awal"] for r in big]
    assert sum(bool(re.search(r"[a-z][A-Z]", t)) for t in texts) > 100  # "jalan rusakMohon"
    glued = [r for r in big if "glued" in r.quirks]
    assert len(glued) > 0.25 * len(big)
    # a line break stripped shows as a capital after a letter or a letter right after a full stop
    # (lower case glued to lower case, "gelapnik", cannot be seen, hence the share)
    assert statistics.mean(bool(GLUE.search(without_pii(r, "isi_laporan_awal"))) for r in glued) > 0.8
    for r in rows:
        v = r.values
        if "empty_text" in r.quirks:
            assert v["isi_laporan_awal"] == ""
        if "zero_width_text" in r.quirks:
            assert v["isi_laporan_awal"] and set(v["isi_laporan_awal"]) == {"\u200b"}
        if "zero_width" in r.quirks:
            assert "\u200b" in v["isi_laporan_awal"] and v["isi_laporan_awal"].strip("\u200b ")
        if "long_text" in r.quirks:
            assert len(v["isi_laporan_awal"]) >= 5000
        if "long_title" in r.quirks:
            assert len(v["judul"]) > 300
        if "html_entity" in r.quirks:
            assert re.search(r"&(amp|quot|#\d+);", v["isi_laporan_awal"])
        if "broken_date" in r.quirks:
            assert v["tanggal_masuk"] in BROKEN_DATES and r.received_at is None
        if "placeholder_agency" in r.quirks:
            assert v["dinas_tujuan"] == PLACEHOLDER_AGENCY and r.canonical_agency is None
        if "odd_klasifikasi" in r.quirks:
            assert v["klasifikasi"] not in KLASIFIKASI and " ".join(v["klasifikasi"].split()).lower() in \
                {k.lower() for k in KLASIFIKASI}
        if "newline" in r.quirks:
            assert "\n" in v["isi_laporan_akhir"]
    assert "&amp;" in " ".join(texts)
    assert any(re.search("[\U0001F300-\U0001FAFF]", t) for t in texts)
    dates = collections.Counter(r.values["tanggal_masuk"] for r in big)
    assert dates["0001-01-01"] and dates["2023-13-40"] and dates[""]
    placeholder = sum(r.values["dinas_tujuan"] == PLACEHOLDER_AGENCY for r in big) / len(big)
    assert 0.06 < placeholder < 0.14
    assert any(r.values["dinas_tujuan"] == "" for r in big)
    statuses = {r.values["status"] for r in big}
    assert set(STATUSES) <= statuses and statuses - set(STATUSES)
    sources = {r.values["sumber_laporan"] for r in big}
    assert set(SOURCES) <= sources and "Website - Pemerintah Kabupaten Bandung" in sources
    archived = [r for r in big if r.values["status"].startswith("Diarsipkan")]
    assert sum(bool(r.values["alasan_tunda"]) for r in archived) > 0.8 * len(archived)
    assert "Bukan kewenangan Pemerintah Kabupaten Bandung" in {r.values["alasan_tunda"] for r in big}
    same = sum(r.values["isi_laporan_akhir"] == r.values["isi_laporan_awal"] for r in big)
    assert 0.4 * len(big) < same < 0.9 * len(big)


def test_agency_spellings_and_ground_truth(big):
    directory = agency_directory("Kabupaten Bandung")
    assert 60 <= len(directory) <= 80
    forms = [f for a in directory for f in a.forms]
    assert len(forms) == len(set(forms))  # one written name never means two agencies
    by_name = {a.name: a for a in directory}
    truth = agency_truth(big)
    assert PLACEHOLDER_AGENCY not in truth and "" not in truth
    for written, canonical in truth.items():
        assert written in by_name[canonical].forms
    for r in big:
        if r.canonical_agency:
            assert truth[r.values["dinas_tujuan"]] == r.canonical_agency
    assert len(truth) > 2 * len(set(truth.values()))  # near-duplicates to merge
    written = set(truth)
    for name in ("Dinas Kesehatan Kab. Bandung", "Dinas Kesehatan Kabupaten Bandung",
                 "DINAS PEKERJAAN UMUM DAN TATA RUANG KAB. BANDUNG",
                 "Dinas Pekerjaan Umum Dan Tata Ruang Kab. Bandung", "Kecamatan Baleendah", "Kecamatan Bojongsoang",
                 "PDAM Tirta Raharja", "RSUD Al-Ihsan", "Badan Penanggulangan Bencana Daerah Kab. Bandung"):
        assert name in written, name
    assert any(w.startswith(("Desa ", "Kelurahan ")) for w in written)
    al_ihsan = [r for r in big if r.canonical_agency == "RSUD Al-Ihsan"]
    assert al_ihsan and all(r.values["instansi_induk"] == "Pemerintah Provinsi Jawa Barat" for r in al_ihsan)
    assert collections.Counter(r.values["instansi_induk"] for r in big).most_common(1)[0][0] == \
        "Pemerintah Kabupaten Bandung"


def test_inserted_personal_data_is_in_the_written_file(tmp_path, big):
    path = write_export(tmp_path / "rekap.csv", big)
    with path.open(encoding="utf-8", newline="") as fh:
        written = list(csv.DictReader(fh))
    kinds = collections.Counter()
    glued = 0
    for r, line in zip(big, written, strict=True):
        text = "\n".join(line[c] for c in TEXTS)
        for kind, value in r.pii:
            assert kind in PII_KINDS
            assert value in text, (kind, value)
            kinds[kind] += 1
            i = text.index(value) + len(value)
            glued += text[i:i + 1].isalpha()  # "...0001Saya", "...@gmail.comterima"
    assert set(kinds) == set(PII_KINDS)
    assert glued > 50
    niks = [v.replace(" ", "") for r in big for k, v in r.pii if k == "NIK"]
    for nik in niks:
        day = int(nik[6:8])
        assert len(nik) == 16 and nik.startswith("3204") and (1 <= day <= 31 or 41 <= day <= 71)
        assert 1 <= int(nik[8:10]) <= 12 and nik[12:] != "0000"
    phones = [re.sub(r"\D", "", v) for r in big for k, v in r.pii if k == "TELEPON"]
    assert all(p.startswith(("08", "628")) and 10 <= len(p) <= 14 for p in phones)
    # no stray personal data: every long digit run in a text is a recorded value or a tracking id
    for r in big[:300]:
        digits = "".join(v for _, v in r.pii)
        for run in re.findall(r"\d{12,}", r.values["isi_laporan_awal"]):
            assert run in re.sub(r"[\s\-+]", "", digits) or run in digits


def test_clean_rows_have_no_mess():
    rows = make_rows(400, seed=5, messy=False)
    for r in rows:
        v = r.values
        assert r.quirks <= {"admin_edited"}  # an admin's edit is not a mess
        assert dt.date.fromisoformat(v["tanggal_masuk"]) and re.fullmatch(r"\d\d:\d\d:\d\d", v["waktu_masuk"])
        assert v["dinas_tujuan"] == r.canonical_agency
        assert v["status"] in STATUSES and v["sumber_laporan"] in SOURCES + ("Website - Pemerintah Kabupaten Bandung",)
        assert v["klasifikasi"] in KLASIFIKASI
        assert v["isi_laporan_awal"].strip() and "\u200b" not in v["isi_laporan_awal"]
        assert not GLUE.search(without_pii(r, "isi_laporan_awal")), v["isi_laporan_awal"]
        assert r.received_at and f"{r.received_at:%Y-%m-%d %H:%M:%S}" == f"{v['tanggal_masuk']} {v['waktu_masuk']}"


def test_dates_ids_and_duplicates(rows, big):
    for r in big:
        if r.received_at:
            assert r.received_at.utcoffset() == dt.timedelta(hours=7)
            assert 2021 <= r.received_at.year <= 2024
    stamps = [r.received_at for r in big if r.received_at and r.values["waktu_masuk"]]
    assert stamps == sorted(stamps)
    ids = [r.values["tracking_id"] for r in big]
    assert all(re.fullmatch(r"\d{7,8}", i) for i in ids) and len(set(ids)) == len(ids)
    assert {len(i) for i in ids} == {7, 8}
    counts = collections.Counter(r.values["tracking_id"] for r in rows)
    assert sorted(counts.values())[-5:] == [1, 2, 2, 2, 2]
    for k, r in enumerate(rows):
        if "duplicate_id" in r.quirks:
            assert rows[k - 1].values["tracking_id"] == r.values["tracking_id"]
            assert rows[k - 1].values["isi_laporan_awal"] == r.values["isi_laporan_awal"]
    with pytest.raises(ValueError):
        make_rows(10, duplicates=6)


def test_routing_can_be_learned_with_realistic_imbalance(big):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    labelled = [r for r in big if r.canonical_agency and r.values["isi_laporan_awal"].strip("\u200b")]
    cut = int(0.75 * len(labelled))  # past -> future, as a deployment trains
    train, test = labelled[:cut], labelled[cut:]

    def text(r):
        return r.values["judul"] + " " + r.values["isi_laporan_awal"]

    vec = TfidfVectorizer(sublinear_tf=True)
    model = LogisticRegression(max_iter=1000, C=10).fit(vec.fit_transform(map(text, train)),
                                                        [r.canonical_agency for r in train])
    predicted = model.predict(vec.transform(map(text, test)))
    accuracy = statistics.mean(p == r.canonical_agency for p, r in zip(predicted, test, strict=True))
    counts = collections.Counter(r.canonical_agency for r in labelled)
    majority = counts.most_common(1)[0][1] / len(labelled)
    assert accuracy > 0.6 and accuracy > 3 * majority
    assert counts.most_common(1)[0][1] > 10 * statistics.median(counts.values())
    water = [r for r in big if r.canonical_agency == "PDAM Tirta Raharja"]
    assert water and all(r.topic in ("air_pdam",) for r in water)


def test_office_is_configurable():
    rows = make_rows(150, seed=1, office="Kota Sukamaju")
    assert {r.values["kota_kabupaten"] for r in rows} == {"Kota Sukamaju"}
    assert "Pemerintah Kota Sukamaju" in {r.values["instansi_induk"] for r in rows}
    names = set(agency_truth(rows).values())
    assert names and all(n.endswith("Kota Sukamaju") or n.startswith(("Kecamatan", "Kelurahan", "PDAM", "RSUD"))
                         for n in names)
    assert "Kabupaten Bandung" not in " ".join(" ".join(r.values.values()) for r in rows)
    with pytest.raises(ValueError):
        make_rows(5, office="Sukamaju")


def test_an_export_of_a_real_size_holds_its_duplicates(tmp_path):
    # The size of a year's export of one kabupaten (no timing here: speed targets live in bench scripts).
    rows = make_rows(2128, seed=11, duplicates=20)
    write_export(tmp_path / "rekap.csv", rows)
    assert len(rows) == 2128
    assert sum("duplicate_id" in r.quirks for r in rows) == 20
    assert len({r.values["tracking_id"] for r in rows}) == 2128 - 20
    assert (tmp_path / "rekap.csv").stat().st_size > 0
