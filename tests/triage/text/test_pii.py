"""Tests for personal-data detection and masking (triage.text.pii) and placeholders."""

from __future__ import annotations

import time

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
    assert set(placeholders.KINDS) == {
        "NIK", "KK", "NIP", "NPWP", "BPJS", "TELEPON", "EMAIL", "URL", "PLAT", "REKENING", "ALAMAT", "NAMA",
    }
    assert placeholders.human("ALAMAT") == "[ALAMAT]" and placeholders.model_token("KK") == "_kk_"
    assert placeholders.MODEL_TOKENS == {placeholders.model_token(k) for k in placeholders.KINDS}
    with pytest.raises(ValueError):
        placeholders.human("PASPOR")


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
        detect(text, kinds=["PASPOR"])


# ------------------------------------------------------------------ NIK


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NIK saya 3201234501890001 mohon dicek", "3201234501890001"),
        ("nik: 3201 2345 0189 0001", "3201 2345 0189 0001"),
        ("NIK 32.01.23.450189.0001 atas nama saya", "32.01.23.450189.0001"),
        ("ktp 3174056207950003.", "3174056207950003"),  # woman: day 22 + 40
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
    # pathological inputs, and a quarter of a megabyte each for the address, name and glued-number rules
    for bad in (
        "1 " * 500_000, "a" * 1_000_000, "A1" * 500_000, "@." * 500_000, "nama saya " * 100_000,
        "saya Budi " * 25_000, "Jl. Melati " * 25_000, "RT 03 RW 05 no 1 " * 15_000, "NIK1234" * 35_000,
        "a@b.comterima" * 20_000, "\u200b1" * 125_000,
    ):
        t0 = time.perf_counter()
        check = detect(bad)
        assert time.perf_counter() - t0 < 30, bad[:20]
        assert all(bad[s.start : s.end] == s.value for s in check)


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
        "Pungli di kelurahan. Urus surat pindah dimintai 200 ribu",  # the office, no one named
        "ada pungutan liar di sekolah untuk seragam",
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
    # An office named without a bribe is ordinary routing, not an accusation.
    assert suggest_confidentiality("Jalan depan kantor kelurahan rusak, dekat sekolah") == ("public", None)


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


# ------------------------------------------------------------------ text as SP4N-LAPOR! exports it


@pytest.mark.parametrize(
    "text, expected",
    [
        # line breaks stripped: the next sentence's first word is glued to the number
        ("Nik. 3204124101990001Saya sudah terdaftar", "Nik. [NIK]Saya sudah terdaftar"),
        ("hp 081234567890Terima kasih", "hp [TELEPON]Terima kasih"),
        ("hp081234567890terima kasih", "hp[TELEPON]terima kasih"),
        ("WA:085712345678mohon direspon", "WA:[TELEPON]mohon direspon"),
        ("NIK 1271034407950005No KK 1271031105160007no hp", "NIK [NIK]No KK [KK]no hp"),
        ("Jalan di RT 02/RW 05Mohon segera diperbaiki", "Jalan di RT 02/RW 05Mohon segera diperbaiki"),
        ("Saya sudah bayar Rp 1.500.000Terima kasih", "Saya sudah bayar Rp 1.500.000Terima kasih"),
    ],
)
def test_glued_words(text, expected):
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("budi@gmail.comterima kasih", "[EMAIL]terima kasih"),
        ("siti.aminah@yahoo.co.idMohon segera", "[EMAIL]Mohon segera"),
        ("humas@dinkes.sukamaju.go.idtanggapan belum ada", "[EMAIL]tanggapan belum ada"),
        ("kirim ke yanti88@ymail.com.Terima kasih", "kirim ke [EMAIL].Terima kasih"),
        ("email info@yayasan-peduli.or.idtadi pagi", "email [EMAIL]tadi pagi"),
        ("web www.bansos-cair-2025.xyzitu penipuan", "web [URL]itu penipuan"),
    ],
)
def test_email_and_url_end_at_the_domain_when_a_word_is_glued(text, expected):
    """Reported bug: the e-mail mask swallowed the next word."""
    assert mask(text) == expected


def test_a_code_glued_to_a_number_is_not_personal_data():
    assert detect("Nomor kontrak 3201234501890001X bermasalah") == []
    assert detect("resi JP1234567890 hilang") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("kontak 0812\u00a03456\u00a07890 (WA)", "0812\u00a03456\u00a07890"),
        ("no hp 0813\u200b2233\u200b4455 ya", "0813\u200b2233\u200b4455"),
        ("wa 08\u200d12\u200d34\u200d56\u200d78\u200d90", "08\u200d12\u200d34\u200d56\u200d78\u200d90"),
        ("hp 0812\ufeff3456\u20607890.", "0812\ufeff3456\u20607890"),
        ("Telepon 0812/3456/7890 tidak diangkat", "0812/3456/7890"),
        ("hubungi +62 (0)812 3456 7890 kapan saja", "+62 (0)812 3456 7890"),
        ("nomor saya 0062 812 3456 7890", "0062 812 3456 7890"),
        ("hp: ０８１２９８７６５４３２", "０８１２９８７６５４３２"),
        ("hub 0852\u20111111\u20112222 kalau ada info", "0852\u20111111\u20112222"),
        ("nomer hp 0 8 1 2 3 4 5 6 7 8 9 0 ya", "0 8 1 2 3 4 5 6 7 8 9 0"),
    ],
)
def test_phone_with_unicode_separators_and_forms(text, value):
    assert kinds_values(text) == [("TELEPON", value)]
    assert not any(c.isdigit() for c in mask(text))


def test_offsets_point_into_the_original_text():
    text = "NIK\u00a0\u200b3204\u200b1241\u200b0199\u200b0001 dan e-mail budi\uff20gmail.com\u200b, ok"
    spans = detect(text)
    assert [(s.kind, s.value) for s in spans] == [
        ("NIK", "3204\u200b1241\u200b0199\u200b0001"),
        ("EMAIL", "budi\uff20gmail.com"),
    ]
    for s in spans:
        assert text[s.start : s.end] == s.value
    assert mask(text) == "NIK\u00a0\u200b[NIK] dan e-mail [EMAIL]\u200b, ok"


def test_full_width_email_and_obfuscated_at():
    assert values("email ｒｉｎａ＠ｇｍａｉｌ．ｃｏｍ tidak aktif", "EMAIL") == ["ｒｉｎａ＠ｇｍａｉｌ．ｃｏｍ"]
    assert values("email andi [at] gmail.com ya", "EMAIL") == ["andi [at] gmail.com"]
    assert values("email putri(at)yahoo.com tolong", "EMAIL") == ["putri(at)yahoo.com"]


# ------------------------------------------------------------------ names after "saya", lower-case names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("saya Budi Santoso warga Desa Sukamaju", ["Budi Santoso"]),
        ("Saya Dewi Kartika, warga RT 03", ["Dewi Kartika"]),
        ("pelapor an. siti aminah sudah 2x datang", ["siti aminah"]),
        ("nama saya budi santoso mau tanya soal bpjs", ["budi santoso"]),
        ("atas nama siti belum terima bantuan", ["siti"]),
        ("Pelapor an Gilang RamadhanMohon diproses", ["Gilang Ramadhan"]),
        ("Terima kasih.Hormat saya Wahyu Nugroho", ["Wahyu Nugroho"]),
        ("Dengan hormat, saya Ir. Bambang Susilo warga Sukajadi", ["Ir. Bambang Susilo"]),
        ("no rekening 1234567890a.n. Siti Rahayu", ["Siti Rahayu"]),
    ],
)
def test_more_names(text, expected):
    assert values(text, "NAMA") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Saya Mohon bantuan Bapak Camat",
        "Saya Sangat Kecewa Dengan Pelayanan Puskesmas.",
        "Saya Ingin Melaporkan Jalan Rusak Di Depan SDN 1.",
        "SAYA SANGAT KECEWA DENGAN PELAYANAN INI",
        "nama saya dicatut untuk pinjaman online",
        "atas nama kelompok tani kami mengajukan bantuan",
        "nama saya tidak ada di daftar penerima",
        "bernama lengkap sesuai akta kelahiran",
        "rumah saya Sukamulya no 5 kebanjiran",
        "Saya Muslim dan keberatan dengan jadwal ini",
        "a.n SMPN 5 Sukamaju mengajukan bantuan",
    ],
)
def test_ordinary_words_are_not_names(text):
    assert values(text, "NAMA") == []


# ------------------------------------------------------------------ NIP, NPWP, KK, BPJS


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("Oknum ASN dengan NIP 19850312 201001 1 003 sering bolos", "NIP", "19850312 201001 1 003"),
        ("pegawai 198503122010011003 tidak masuk", "NIP", "198503122010011003"),  # structure alone
        ("NIP 19880719.201402.2.001 atas nama bidan", "NIP", "19880719.201402.2.001"),
        ("NPWP saya 01.234.567.8-901.000 tidak valid", "NPWP", "01.234.567.8-901.000"),
        ("faktur dari 73.612.345.6-123.000", "NPWP", "73.612.345.6-123.000"),  # the layout alone
        ("NPWP: 012345678901000 belum dipadankan", "NPWP", "012345678901000"),
        ("npwp 16 digit saya 3273015708920002 tidak ditemukan", "NPWP", "3273015708920002"),
        ("No. KK 3204121203150009Mohon dibantu", "KK", "3204121203150009"),
        ("nomor kartu keluarga 3515080302210002", "KK", "3515080302210002"),
        ("KK saya 1271-0311-0516-0007 hilang", "KK", "1271-0311-0516-0007"),
        ("Kartu BPJS saya no 0001234567890 ditolak", "BPJS", "0001234567890"),
        ("no kartu KIS 0002345678912 tidak aktif", "BPJS", "0002345678912"),
        ("No. BPJS 0002\u00a01234\u00a056789 anak saya", "BPJS", "0002\u00a01234\u00a056789"),
    ],
)
def test_identity_numbers(text, kind, value):
    assert kinds_values(text) == [(kind, value)]


@pytest.mark.parametrize(
    "text",
    [
        "Kode voucher 0001234567890 tidak bisa dipakai",  # 13 digits without BPJS/KIS/JKN
        "Iuran BPJS Rp 35.000 per bulan, sudah 12 bulan menunggak",
        "Nomor seri 198503122010011003999 tidak terbaca",
        "Kode transaksi 20240312201001100 gagal",
        "Nomor faktur 010.000-24.12345678 tidak sesuai",
        "Total 2.345 KK terdampak banjir",
        "NIB usaha saya 1234567890123 belum terbit",
        "Token listrik 1234 5678 9012 3456 7890 tidak bisa dimasukkan",
    ],
)
def test_identity_number_negatives(text):
    assert detect(text) == []


# ------------------------------------------------------------------ ALAMAT


@pytest.mark.parametrize(
    "text, value",
    [
        ("Rumah saya di Jl. Melati No. 12 RT 03/RW 05 Kel. Sukamaju banjir", "Jl. Melati No. 12 RT 03/RW 05"),
        ("alamat: Gg. Mawar III no 7, Kec. Cibeureum", "Gg. Mawar III no 7"),
        ("tinggal di Perum Griya Indah Blok C2 No. 5 dan air mati", "Perum Griya Indah Blok C2 No. 5"),
        ("Rumah kami di RT 003 RW 011 No. 15 Desa Mekarsari", "RT 003 RW 011 No. 15"),
        ("rumah no 12 RT 03 RW 05 Desa Mekarsari retak", "no 12 RT 03 RW 05"),
        ("Lokasi: Jl. Kenanga Raya No. 21, RT 04/RW 02, Kelurahan Cempaka.", "Jl. Kenanga Raya No. 21, RT 04/RW 02"),
        ("Gang Kelinci RT 05/RW 03 belum ada lampu", "Gang Kelinci RT 05/RW 03"),
        ("tinggal di Jl. Veteran 45 Bandung", "Jl. Veteran 45"),
        ("Komplek Bumi Asri Blok D No. 9Air tidak mengalir", "Komplek Bumi Asri Blok D No. 9"),
        ("di jl.merpati no.9 kebanjiran", "jl.merpati no.9"),
        ("jln sukamulya 9 rusak parah", "jln sukamulya 9"),
        ("Jalan Melati Indah V gang makam RT 09 RW 02 gelap", "Jalan Melati Indah V gang makam RT 09 RW 02"),
        ("Di depan Jl. KH. Ahmad Dahlan No. 3A ada pohon tumbang", "Jl. KH. Ahmad Dahlan No. 3A"),
    ],
)
def test_address_is_the_house_level_part(text, value):
    assert kinds_values(text) == [("ALAMAT", value)]


@pytest.mark.parametrize(
    "text",
    [
        "warga RT 07 RW 03 Kelurahan Sukaraja belum dapat air",  # RT/RW alone: kept for routing
        "Alamat: Dusun Krajan RT 02 RW 01, Desa Sidomulyo.",
        "Pohon tumbang di Jl. Diponegoro menutup jalan.",
        "Lampu di Gang 5 mati sudah seminggu.",
        "Jalan Ahmad Yani km 5 macet parah.",
        "Sesuai Perda No. 3 Tahun 2020 tentang ketertiban umum.",
        "saluran di Blok M penuh sampah",
        "Jl. Gatot Subroto arah timur macet total jam 7 pagi.",
        "jalan rusak di RT 05 sejak 2019",
        "jl melati baru sebanyak 3 titik berlubang",
        "Jalan lingkungan RT 11 Sukamaju becek",  # "jalan lingkungan": a common noun, not a street name
        "Lubang di tengah Jl. Sudirman sedalam kira-kira 30 cm",
        "di Jl. Mawar 3 titik berlubang",
    ],
)
def test_address_negatives(text):
    assert values(text, "ALAMAT") == []


def test_new_kinds_in_confidentiality_and_model_tokens():
    level, reason = suggest_confidentiality("rumah saya di Jl. Melati No. 12 kebanjiran, NIP 198503122010011003")
    assert level == "anonymous" and "alamat rumah" in reason and "NIP" in reason
    assert mask("No. KK 3204121203150009 di Jl. Melati No. 12", style="model") == "No. KK _kk_ di _alamat_"


# ------------------------------------------------------------------ fixed after the second holdout's first run


@pytest.mark.parametrize(
    "text, expected",
    [
        ("no.kk:3205052011170004nama kepala keluarga Ujang Suherman", [("KK", "3205052011170004"),
                                                                       ("NAMA", "Ujang Suherman")]),
        ("nomor HP 0812 8877 6655/0856 1122 3344 dua-duanya aktif", [("TELEPON", "0812 8877 6655"),
                                                                     ("TELEPON", "0856 1122 3344")]),
        ("CS +62 (0)21 5550123 tidak bisa dihubungi.", [("TELEPON", "+62 (0)21 5550123")]),
        ("Bantuan atas nama ibu maryam belum cair.", [("NAMA", "maryam")]),
        ("Saya Seorang ibu rumah tangga yang ingin melapor.", []),
        ("Atas nama seluruh warga RT 04, kami mohon jalan diaspal.", []),
        ("nama ibu kandung saya salah di KK", []),
        ("Surat No. 470/0812/Kel/2024 belum dibalas", []),
        ("NIK. i3204124101990001 dan No. KK", [("NIK", "3204124101990001")]),  # a typo glued, after "NIK"
    ],
)
def test_second_holdout_regressions(text, expected):
    assert kinds_values(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("berikut nama : moch. ridwan hakim warga Sukajadi", ["moch. ridwan hakim"]),
        ("pendapatan pas2an. Saya sudah lapor", []),  # "an." inside a word is not "atas nama"
        ("rekening 1234567890an. Budi", ["Budi"]),
        ("atas nama ahli waris almarhum", []),
        ("rek bri 8176-33-242361-67 a.n dadang niku leres nopo mboten?", ["dadang"]),  # Javanese words
    ],
)
def test_name_spot_check_regressions(text, expected):
    assert values(text, "NAMA") == expected


# ------------------------------------------------------------------ found with tests/support/lapor_export (fictional exports)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Selamat pagiSaya Tuti Firmansyah, warga Kec. Sukajaya", [("NAMA", "Tuti Firmansyah")]),
        ("Yth. Bapak/Ibu adminsaya Nining Gunawan tinggal di desa", [("NAMA", "Nining Gunawan")]),
        ("dengan hormat, saya DADANG SANTOSO warga Desa Cikole", [("NAMA", "DADANG SANTOSO")]),
        ("Judul: Bantuan perbaikan rumah Saya Rudi Sopiah, warga Kec. Ciater", [("NAMA", "Rudi Sopiah")]),
        ("tinggal di Jl. Babakan Sari No. 106 RT 09 RW 10 Lampu mati",
         [("ALAMAT", "Jl. Babakan Sari No. 106 RT 09 RW 10")]),
        ("hp 08570350631fitri.aminah69@gmail.com", [("TELEPON", "08570350631"),
                                                    ("EMAIL", "fitri.aminah69@gmail.com")]),
        ("tlp 0881-6779-391iis21@gmail.com", [("TELEPON", "0881-6779-391"), ("EMAIL", "iis21@gmail.com")]),
        # an address glued to an e-mail that took its last digits: the rest of the address is masked
        ("di Jl. Anggrek No. 97 RT 10 RW 08nining@ymail.com ok", [("ALAMAT", "Jl. Anggrek No. 97 RT 10 RW"),
                                                                ("EMAIL", "08nining@ymail.com")]),
    ],
)
def test_lapor_export_shapes(text, expected):
    assert kinds_values(text) == expected


def test_glued_repeats_are_masked_up_to_a_code():
    text = "x +62 202.0206.0200+62 202.0206.0200+62 202.0206.02000"
    assert mask(text) == "x [TELEPON][TELEPON]+62 202.0206.02000"


@pytest.mark.parametrize("text,kind,value", [
    ("kirim ke BUDI AT GMAIL DOT COM ya", "EMAIL", "BUDI AT GMAIL DOT COM"),  # no "@": the spelled form
    ("email putri(at)yahoo.com tolong", "EMAIL", "putri(at)yahoo.com"),
    ("videonya di youtu.be/abc123 pak", "URL", "youtu.be/abc123"),
    ("lihat HTTPS://LAPOR.GO.ID/x sekarang", "URL", "HTTPS://LAPOR.GO.ID/x"),
    ("hubungi 081234567890 ya", "TELEPON", "081234567890"),
    ("motor B 1234 XYZ parkir liar", "PLAT", "B 1234 XYZ"),
])
def test_each_detector_still_reads_texts_its_quick_check_lets_through(text, kind, value):
    # The detectors skip texts without a digit, an "@"/"(at)"/" at ", or a URL hint: each shape that
    # reaches them that way is still found.
    assert values(text, kind) == [value]
