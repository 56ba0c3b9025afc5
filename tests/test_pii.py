"""Tests for personal-data detection and masking (triage.text.pii) and placeholders."""

from __future__ import annotations

import pytest

from triage.text import placeholders
from triage.text.pii import PiiSpan, detect, mask, suggest_confidentiality


def kinds_values(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.value) for s in detect(text)]


def values(text: str, kind: str) -> list[str]:
    return [s.value for s in detect(text) if s.kind == kind]


# ------------------------------------------------------------------ placeholders


def test_placeholder_forms():
    assert placeholders.human("NIK") == "[NIK]"
    assert placeholders.model_token("TELEPON") == "_telepon_"
    assert set(placeholders.KINDS) == {"NIK", "TELEPON", "EMAIL", "URL", "PLAT", "REKENING", "NAMA"}
    assert placeholders.MODEL_TOKENS == {placeholders.model_token(k) for k in placeholders.KINDS}
    with pytest.raises(ValueError):
        placeholders.human("ALAMAT")


def test_model_tokens_survive_sklearn_tokenizer():
    import re

    token_pattern = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default
    for tok in placeholders.MODEL_TOKENS:
        assert token_pattern.findall(f"lapor {tok}, terima kasih") == ["lapor", tok, "terima", "kasih"]


# ------------------------------------------------------------------ basics


def test_empty_and_plain_text():
    assert detect("") == []
    assert mask("") == ""
    assert suggest_confidentiality("") == ("public", None)
    text = "Jalan rusak parah di depan pasar, mohon segera diperbaiki."
    assert detect(text) == []
    assert mask(text) == text


def test_span_shape_and_offsets():
    text = "NIK saya 3201234501890001, HP 0812-3456-7890."
    spans = detect(text)
    assert spans == sorted(spans, key=lambda s: s.start)
    for s in spans:
        assert isinstance(s, PiiSpan)
        assert text[s.start : s.end] == s.value
        assert s.to_dict() == {"kind": s.kind, "start": s.start, "end": s.end, "value": s.value}
    assert [s.kind for s in spans] == ["NIK", "TELEPON"]


def test_kinds_filter():
    text = "NIK 3201234501890001 hp 081234567890"
    assert [s.kind for s in detect(text, kinds=["TELEPON"])] == ["TELEPON"]
    with pytest.raises(ValueError):
        detect(text, kinds=["ALAMAT"])


# ------------------------------------------------------------------ NIK


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NIK saya 3201234501890001 mohon dicek", "3201234501890001"),
        ("nik: 3201 2345 0189 0001", "3201 2345 0189 0001"),
        ("NIK 32.01.23.450189.0001 atas nama saya", "32.01.23.450189.0001"),
        ("ktp 3174056207950003.", "3174056207950003"),  # woman: day 22 + 40
        ("No. KK 3201230101200005 belum diperbarui", "3201230101200005"),
        ("data saya 3578014509880002 tidak muncul", "3578014509880002"),  # no context, valid structure
    ],
)
def test_nik_found(text, expected):
    assert values(text, "NIK") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "nomor resi 32012345018900017 belum sampai",  # 17 digits
        "kode billing 1234567890123456 gagal",  # structure fails (province 12 ok, day 78)
        "transfer ke rek BRI 3201234501890001",  # account number, not NIK
        "id pelanggan 9901234501890001",  # province 99
        "tagihan 3201234513890001",  # month 13
    ],
)
def test_nik_not_found(text):
    assert values(text, "NIK") == []


# ------------------------------------------------------------------ TELEPON


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hubungi 0812-3456-7890 ya", "0812-3456-7890"),
        ("WA 0812 3456 7890", "0812 3456 7890"),
        ("no hp +62 812-3456-7890", "+62 812-3456-7890"),
        ("hp: +6281234567890.", "+6281234567890"),
        ("62812345678 nomor saya", "62812345678"),
        ("telp kantor (021) 555-1234", "(021) 555-1234"),
        ("telp 0274-512345", "0274-512345"),
        ("nomor saya 081234567890, tolong", "081234567890"),
    ],
)
def test_phone_found(text, expected):
    assert values(text, "TELEPON") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "sejak tahun 2024 jalan rusak",
        "di RT 03/RW 05 Kelurahan Sukamaju",
        "biaya Rp 150.000 dan denda 1.500.000",
        "kejadian tanggal 12-03-2024 pukul 08.30",
        "jaraknya 12 km dari kota",
        "NIK 3201234501890001",
    ],
)
def test_phone_not_found(text):
    assert values(text, "TELEPON") == []


# ------------------------------------------------------------------ EMAIL / URL


def test_email_and_url():
    text = "kirim ke budi.santoso@gmail.com atau lihat https://lapor.go.id/laporan?id=12. juga bit.ly/abc12"
    assert kinds_values(text) == [
        ("EMAIL", "budi.santoso@gmail.com"),
        ("URL", "https://lapor.go.id/laporan?id=12"),
        ("URL", "bit.ly/abc12"),
    ]
    assert values("buka www.dinkes.jatengprov.go.id sekarang", "URL") == ["www.dinkes.jatengprov.go.id"]
    assert values("situs tokosepatu.co.id menipu", "URL") == ["tokosepatu.co.id"]


# ------------------------------------------------------------------ PLAT


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mobil B 1234 XYZ parkir liar", "B 1234 XYZ"),
        ("truk AD 5678 KL ngebut", "AD 5678 KL"),
        ("motor D1234ABC", "D1234ABC"),
        ("angkot BK 12 A", "BK 12 A"),
        ("nopol b 1234 cd kabur", "b 1234 cd"),
        ("plat nomor L 1234 di jalan", "L 1234"),
    ],
)
def test_plate_found(text, expected):
    assert values(text, "PLAT") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "ada di 2 rumah",
        "rumah blok B 12 bocor",
        "RT 03 RW 05",
        "kelas A 3",
        "UU 23 tahun 2014",
        "diskon 50 %",
    ],
)
def test_plate_not_found(text):
    assert values(text, "PLAT") == []


# ------------------------------------------------------------------ REKENING


@pytest.mark.parametrize(
    "text, expected",
    [
        ("transfer ke rek BCA 1234567890", "1234567890"),
        ("norek 0123-4567-89", "0123-4567-89"),
        ("rekening Mandiri 1230001234567 a.n. saya", "1230001234567"),
        ("ke bank jateng 2012345678", "2012345678"),
    ],
)
def test_rekening_found(text, expected):
    assert values(text, "REKENING") == [expected]


def test_rekening_not_amount_or_date():
    assert values("rekening Rp 15000000 hilang", "REKENING") == []
    assert values("ke bank BRI tanggal 12-03-2024", "REKENING") == []


# ------------------------------------------------------------------ NAMA


@pytest.mark.parametrize(
    "text, expected",
    [
        ("nama saya Indah, warga Sukamaju", ["Indah"]),
        ("atas nama Bunga Sari warga RT 02", ["Bunga Sari"]),
        ("saya bernama Budi Santoso dari Bekasi", ["Budi Santoso"]),
        ("a.n. Siti Rahmawati", ["Siti Rahmawati"]),
        ("sudah bicara dengan Bapak Joko Widodo kemarin", ["Joko Widodo"]),
    ],
)
def test_name_found(text, expected):
    assert values(text, "NAMA") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Indah sekali taman kota ini tapi Bunga Sari layu",  # words, not introduced
        "atas nama warga kami memohon",
        "dengan Bapak Camat kemarin",
        "nama saya tidak terdaftar di DTKS",
        "Ibu Kota Nusantara",
    ],
)
def test_name_not_found(text):
    assert values(text, "NAMA") == []


# ------------------------------------------------------------------ mask


def test_mask_keeps_ordinary_numbers():
    text = "Saya di RT 03/RW 05, km 12, tahun 2024, bayar Rp 150.000, hp 0812-3456-7890."
    assert mask(text) == "Saya di RT 03/RW 05, km 12, tahun 2024, bayar Rp 150.000, hp [TELEPON]."
    assert (
        mask(text, style="model") == "Saya di RT 03/RW 05, km 12, tahun 2024, bayar Rp 150.000, hp _telepon_."
    )


MASK_CASES = [
    "nama saya Indah, NIK 3201234501890001, hp +62 812-3456-7890, email indah@yahoo.co.id",
    "atas nama Bunga Sari, rek BRI 0012-01-000123-50-1, mobil B 1234 XYZ. Bunga Sari tinggal di RT 01",
    "lihat www.contoh-toko.com dan bit.ly/xyz99, hubungi (021) 555-1234 atau 081298765432",
    "saya bernama Ahmad, nomor KK 3201230101200005, WA 0857 1234 5678",
]


@pytest.mark.parametrize("text", MASK_CASES)
def test_mask_never_contains_original(text):
    spans = detect(text)
    assert spans
    masked = mask(text, spans)
    for s in spans:
        assert s.value not in masked, (s, masked)
    assert mask(text) == masked


def test_megabyte_text_runs():
    chunk = "Jalan rusak di RT 03/RW 05 km 12 tahun 2024, hubungi 0812-3456-7890 a.n. Budi. "
    text = chunk * (1_000_000 // len(chunk) + 1)
    spans = detect(text)
    assert len(spans) > 10_000
    assert "0812-3456-7890" not in mask(text, spans)
    # pathological inputs
    for bad in ("1 " * 500_000, "a" * 1_000_000, "A1" * 500_000, "@." * 500_000, "nama saya " * 100_000):
        detect(bad)


# ------------------------------------------------------------------ confidentiality


@pytest.mark.parametrize(
    "text",
    [
        "Atasan saya di dinas sering meminta potongan gaji tanpa alasan",
        "Kepala sekolah anak saya meminta sumbangan wajib",
        "bos saya tidak membayar lembur",
        "oknum petugas kelurahan minta uang pelicin 500 ribu untuk urus KTP",
        "saya korban KDRT oleh suami",
        "saya diancam akan dipecat kalau melapor",
    ],
)
def test_confidentiality_secret(text):
    level, reason = suggest_confidentiality(text)
    assert level == "secret"
    assert reason


def test_confidentiality_anonymous_and_public():
    level, reason = suggest_confidentiality("Nama saya Budi, hp 081234567890, lampu jalan mati")
    assert level == "anonymous" and "telepon" in reason
    assert suggest_confidentiality("Lampu jalan di RT 03 mati sejak 2024") == ("public", None)


# ------------------------------------------------------------------ cases seen in real complaint text


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        ("lapor di call center 08001234567 24 Agt 2022", "TELEPON", ["08001234567"]),
        ("jalan di belakang jln A5 RT 03/RW 05 rusak", "PLAT", []),
        ("kotak P3K dan kantor DP5A", "PLAT", []),
        ("rumah alm.org tua saya", "URL", []),
        ("jalan di situ.info dari warga", "URL", []),
        ("peserta BPJS Mandiri dengan nomor 0001234567890", "REKENING", []),
        ("pembayaran dari bank jatim th 2017-2022", "REKENING", []),
        ("mohon dicek nggeh pak. Tapi yang lebih urgent", "NAMA", []),
        ("masjid An Nur di depan gang", "NAMA", []),
        ("selamat siang mas dan mbak Admin", "NAMA", []),
        ("Nama saya Moch. Safii warga Rungkut", "NAMA", ["Moch. Safii"]),
        ("kampus saya, UNESA, mewajibkan bayar", "NAMA", []),
        ("Saya, Lestari, sudah lapor 3 kali", "NAMA", ["Lestari"]),
    ],
)
def test_real_text_regressions(text, kind, expected):
    assert values(text, kind) == expected


def test_repeated_name_is_masked_everywhere():
    text = "nama saya Wahyu Hidayat. Kemarin Wahyu Hidayat ditolak di loket."
    assert [s.value for s in detect(text)] == ["Wahyu Hidayat", "Wahyu Hidayat"]
    assert "Wahyu" not in mask(text)
