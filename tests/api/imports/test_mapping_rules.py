"""LAPOR! values by rule: the patterns of statuses, channels and classifications, not an exact list."""

import pytest

from api.imports.mapping import MappingError, load_mapping, resolve_columns, translate


@pytest.fixture(scope="module")
def mapping():
    return load_mapping()


@pytest.mark.parametrize("table, raw, ours", [
    ("statuses", "Ditutup Oleh Sistem", "closed"),
    ("statuses", "Ditutup Oleh Admin", "closed"),
    ("statuses", "Ditutup oleh Pelapor", "closed"),
    ("statuses", "Diarsipkan Oleh Admin", "archived"),
    ("statuses", "Diarsipkan Oleh Verifikator Instansi", "archived"),
    ("statuses", "Konten Terblokir", "archived"),
    ("statuses", "Menunggu Kelengkapan Informasi", "need_info"),
    ("statuses", "Belum Terverifikasi", "received"),
    ("statuses", "Dalam Proses Verifikasi", "received"),
    ("statuses", "Terdisposisi", "dispatched"),
    ("statuses", "Diproses", "followed_up"),
    ("statuses", "Sedang Ditindaklanjuti Instansi", "followed_up"),
    ("statuses", "SELESAI", "closed"),
    ("classifications", "Pengaduan Berkadar Pengawasan", "pengaduan"),
    ("classifications", "Pengaduan Tidak Berkadar Pengawasan", "pengaduan"),
    ("classifications", "Permintaan  Informasi", "permintaan_informasi"),
    ("classifications", " aspirasi ", "aspirasi"),
    ("channels", "Website", "web"),
    ("channels", "Website - Pemerintah Kabupaten Bandung", "web"),
    ("channels", "Android", "app"),
    ("channels", "ios", "app"),
    ("channels", "SMS", "sms"),
    ("channels", "Hotline Service", "hotline"),
    ("channels", "Instagram", "social"),
    ("channels", "Whatsapp", "hotline"),
    ("channels", "Email Instansi", "web"),
    ("channels", "Tatap Muka", "hotline"),
])
def test_values_follow_rules(mapping, table, raw, ours):
    assert translate(mapping, table, raw)[0] == ours


@pytest.mark.parametrize("table, raw", [("statuses", "Ditunda"), ("channels", "Lainnya"), ("channels", "-")])
def test_no_rule_is_none(mapping, table, raw):
    assert translate(mapping, table, raw) == (None, None)


def test_snake_case_and_title_case_headers(mapping):
    snake = ["tracking_id", "tanggal_masuk", "waktu_masuk", "klasifikasi", "id_kategori", "kategori", "judul",
             "isi_laporan_awal", "isi_laporan_akhir", "sumber_laporan", "instansi_induk", "dinas_tujuan", "status",
             "alasan_tunda", "provinsi", "kota_kabupaten", "status_final", "kecamatan_final"]
    cols = resolve_columns(mapping, snake)
    assert len(cols) == len(snake)  # every column of the v3 export has a field
    assert (cols["received_at"], cols["received_time"], cols["text"], cols["final_text"]) == (1, 2, 7, 8)
    assert (cols["archive_reason"], cols["final_status"], cols["agency"]) == (13, 16, 11)
    title = resolve_columns(mapping, ["Tracking ID", "Tanggal Masuk", "Waktu Masuk", "Isi Laporan", "Isi Laporan Akhir"])
    assert title == {"tracking_id": 0, "received_at": 1, "received_time": 2, "text": 3, "final_text": 4}
    # "Waktu Masuk" alone is the date column, as before
    assert resolve_columns(mapping, ["Waktu Masuk"]) == {"received_at": 0}


def test_a_mapping_file_adds_rules_before_the_defaults(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text('status_rules:\n  - ["^ditunda", need_info]\nchannel_rules:\n  - ["^lainnya$", api]\n', encoding="utf-8")
    m = load_mapping(path)
    assert translate(m, "statuses", "Ditunda")[0] == "need_info"
    assert translate(m, "channels", "Lainnya")[0] == "api"
    assert translate(m, "statuses", "Ditutup Oleh Sistem")[0] == "closed"
    path.write_text('status_rules:\n  - ["(unclosed", closed]\n', encoding="utf-8")
    with pytest.raises(MappingError, match=r"m.yaml: `status_rules`: bad pattern '\(unclosed'"):
        load_mapping(path)
