"""Files shaped like an SP4N-LAPOR! v3 export, with fictional content, for import, PII and training tests.

Everything here was written for this project: the report texts are composed from templates written by
hand, and the personal data in them (names, NIK, phone numbers, e-mails, NIP, addresses, plates, account
numbers) is drawn at random. Place and agency names of the configured office are real names; the category
ids are invented (they only need to look like LAPOR!'s numeric ids).

The shape is what a Diskominfo office gets out of LAPOR!: line breaks stripped so sentences are glued
("jalan rusakMohon", "Nik. 3204...0001Saya"), agency names written several ways for the same office
("Kab." / "Kabupaten" / upper case / abbreviations), the placeholder "Tidak Diketahui", broken dates, odd
statuses and channels, empty and zero-width texts, very long texts and titles, HTML entities and emoji.

    rows = make_rows(300, seed=0)                    # list[ExportRow]
    write_export(tmp_path / "rekap.xlsx", rows)      # .csv or .xlsx, snake_case or title-case headers
    rows[0].pii                                      # [("NIK", "3204..."), ("TELEPON", "0812...")]
    agency_truth(rows)                               # written agency name -> canonical agency name

Run ``python tests/support/lapor_export.py --rows 2128`` to time generation and writing.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import random
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SNAKE_HEADERS: tuple[str, ...] = (
    "tracking_id", "tanggal_masuk", "waktu_masuk", "klasifikasi", "id_kategori", "kategori", "judul",
    "isi_laporan_awal", "isi_laporan_akhir", "sumber_laporan", "instansi_induk", "dinas_tujuan", "status",
    "alasan_tunda", "provinsi", "kota_kabupaten", "status_final", "kecamatan_final",
)
# The title-case spelling some exports (and people re-saving them) use.
TITLE_HEADERS: dict[str, str] = {
    "tracking_id": "Tracking ID", "tanggal_masuk": "Tanggal Masuk", "waktu_masuk": "Waktu Masuk",
    "klasifikasi": "Klasifikasi", "id_kategori": "ID Kategori", "kategori": "Kategori", "judul": "Judul",
    "isi_laporan_awal": "Isi Laporan", "isi_laporan_akhir": "Isi Laporan Akhir",
    "sumber_laporan": "Sumber Laporan", "instansi_induk": "Instansi Induk", "dinas_tujuan": "Dinas Tujuan",
    "status": "Status", "alasan_tunda": "Alasan Tunda", "provinsi": "Provinsi",
    "kota_kabupaten": "Kota/Kabupaten", "status_final": "Status Final", "kecamatan_final": "Kecamatan Final",
}
# The nine columns of the short title-case export.
TITLE_CORE: tuple[str, ...] = ("tracking_id", "tanggal_masuk", "judul", "isi_laporan_awal", "kategori",
                               "klasifikasi", "dinas_tujuan", "status", "sumber_laporan")

PLACEHOLDER_AGENCY = "Tidak Diketahui"
KLASIFIKASI: tuple[str, ...] = ("Pengaduan Berkadar Pengawasan", "Pengaduan Tidak Berkadar Pengawasan",
                                "Permintaan Informasi", "Aspirasi")
STATUSES: tuple[str, ...] = (
    "Belum Terverifikasi", "Menunggu Kelengkapan Informasi", "Terverifikasi", "Terdisposisi",
    "Ditindaklanjuti", "Selesai", "Ditutup Oleh Sistem", "Ditutup Oleh Admin", "Ditutup Oleh Pelapor",
    "Diarsipkan Oleh Admin", "Diarsipkan Oleh Sistem", "Konten Terblokir",
)
UNKNOWN_STATUSES: tuple[str, ...] = ("Dalam Proses Verifikasi", "Ditunda", "Menunggu Tanggapan Ulang")
SOURCES: tuple[str, ...] = ("Website", "Android", "ios", "SMS", "Hotline Service", "Instagram", "Whatsapp",
                            "Email Instansi", "Tatap Muka", "Twitter", "Facebook")  # + "Website - <instansi>"
UNKNOWN_SOURCES: tuple[str, ...] = ("Telegram", "Lainnya", "-")
BROKEN_DATES: tuple[str, ...] = ("0001-01-01", "2023-13-40")
# Kinds of personal data put in the texts: the detector's kinds plus NIP and street addresses.
PII_KINDS: tuple[str, ...] = ("NIK", "TELEPON", "EMAIL", "NAMA", "NIP", "ALAMAT", "PLAT", "REKENING")

# Invented ids for LAPOR!-style category names.
CATEGORY_IDS: dict[str, int] = {
    "Infrastruktur": 12, "Kesehatan": 5, "Pendidikan dan Kebudayaan": 7, "Administrasi Kependudukan": 31,
    "Lingkungan Hidup dan Kehutanan": 9, "Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat": 28,
    "Sosial dan Kesejahteraan": 14, "Perhubungan": 11, "Ketenagakerjaan": 15, "Topik Lainnya": 99,
    "Perumahan dan Permukiman": 34, "Ekonomi dan Keuangan": 3, "Pertanian dan Peternakan": 20,
    "Penanggulangan Bencana": 36, "Reformasi Birokrasi dan Tata Kelola": 26,
    "Pemberdayaan Masyarakat, Koperasi, dan UMKM": 22, "Pemuda dan Olahraga": 41,
    "Pariwisata dan Ekonomi Kreatif": 25, "Komunikasi dan Informatika": 30,
    "Pemberdayaan Perempuan dan Perlindungan Anak": 38, "Pencegahan dan Pemberantasan Korupsi": 44,
}

# Tags a row carries for each messy case it exhibits (ExportRow.quirks).
QUIRKS: tuple[str, ...] = (
    "glued", "pii_glued", "empty_text", "zero_width_text", "zero_width", "long_text", "long_title",
    "empty_title", "html_entity", "emoji", "broken_date", "empty_date", "empty_time", "odd_klasifikasi",
    "unknown_status", "unknown_source", "placeholder_agency", "empty_agency", "agency_variant",
    "admin_edited", "empty_final_text", "newline", "duplicate_id",
)

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
ZWSP = "\u200b"


# --------------------------------------------------------------------------------------------- office

@dataclass(frozen=True)
class Office:
    """The regional government whose export this is. Place names are data, not code."""

    kind: str  # "Kabupaten" or "Kota"
    region: str  # "Bandung"
    province: str = "Jawa Barat"
    kecamatan: tuple[str, ...] = ()  # most populous first: they get more reports
    villages: tuple[tuple[str, str], ...] = ()  # (kecamatan, "Desa X" / "Kelurahan X")
    village_agencies: tuple[str, ...] = ()  # villages that appear as dinas_tujuan
    water: tuple[str, ...] = ()  # canonical name first, then the other spellings
    hospitals: tuple[tuple[str, ...], ...] = ()  # per hospital: canonical name first, then spellings
    provincial: tuple[str, ...] = ()  # canonical names owned by the province (instansi_induk differs)
    rivers: tuple[str, ...] = ("sungai",)
    nik_prefix: str = "3299"

    @property
    def full(self) -> str:
        return f"{self.kind} {self.region}"

    @property
    def instansi(self) -> str:
        return f"Pemerintah {self.full}"

    @property
    def short(self) -> str:
        return "Kab." if self.kind == "Kabupaten" else "Kota"


_BANDUNG_KEC = (
    "Baleendah", "Bojongsoang", "Dayeuhkolot", "Rancaekek", "Cileunyi", "Margahayu", "Soreang", "Majalaya",
    "Banjaran", "Katapang", "Margaasih", "Ciparay", "Cicalengka", "Pangalengan", "Solokanjeruk", "Cimenyan",
    "Pameungpeuk", "Kutawaringin", "Arjasari", "Cilengkrang", "Paseh", "Cikancung", "Nagreg", "Ciwidey",
    "Cangkuang", "Cimaung", "Pacet", "Ibun", "Pasirjambu", "Kertasari", "Rancabali",
)
_BANDUNG_VILLAGES = (
    ("Baleendah", "Kelurahan Baleendah"), ("Baleendah", "Kelurahan Andir"), ("Baleendah", "Kelurahan Jelekong"),
    ("Baleendah", "Kelurahan Manggahang"), ("Baleendah", "Desa Rancamanyar"), ("Baleendah", "Desa Malakasari"),
    ("Bojongsoang", "Desa Bojongsoang"), ("Bojongsoang", "Desa Tegalluar"), ("Bojongsoang", "Desa Lengkong"),
    ("Bojongsoang", "Desa Bojongsari"), ("Bojongsoang", "Desa Cipagalo"), ("Bojongsoang", "Desa Buahbatu"),
    ("Dayeuhkolot", "Desa Citeureup"), ("Dayeuhkolot", "Desa Cangkuang Wetan"), ("Dayeuhkolot", "Desa Sukapura"),
    ("Dayeuhkolot", "Kelurahan Pasawahan"), ("Cileunyi", "Desa Cileunyi Wetan"), ("Cileunyi", "Desa Cinunuk"),
    ("Cileunyi", "Desa Cibiru Wetan"), ("Cileunyi", "Desa Cimekar"), ("Rancaekek", "Desa Rancaekek Wetan"),
    ("Rancaekek", "Desa Linggar"), ("Rancaekek", "Desa Bojongloa"), ("Margahayu", "Desa Sukamenak"),
    ("Margahayu", "Desa Sayati"), ("Soreang", "Desa Pamekaran"), ("Soreang", "Desa Sekarwangi"),
    ("Majalaya", "Desa Majasetra"), ("Majalaya", "Desa Padamulya"), ("Banjaran", "Desa Kiangroke"),
    ("Katapang", "Desa Pangauban"), ("Katapang", "Desa Sangkanhurip"), ("Pangalengan", "Desa Margamukti"),
)

KABUPATEN_BANDUNG = Office(
    kind="Kabupaten", region="Bandung", province="Jawa Barat", kecamatan=_BANDUNG_KEC,
    villages=_BANDUNG_VILLAGES,
    village_agencies=("Desa Tegalluar", "Desa Bojongsoang", "Kelurahan Andir", "Kelurahan Baleendah",
                      "Desa Citeureup", "Desa Cileunyi Wetan", "Desa Rancaekek Wetan", "Desa Sukamenak"),
    water=("PDAM Tirta Raharja", "Perumda Air Minum Tirta Raharja", "PDAM TIRTA RAHARJA",
           "PDAM Tirta Raharja Kab. Bandung"),
    hospitals=(("RSUD Al-Ihsan", "RSUD Al Ihsan", "Rumah Sakit Umum Daerah Al-Ihsan", "RSUD AL-IHSAN"),
               ("RSUD Majalaya", "Rumah Sakit Umum Daerah Majalaya", "RSUD Majalaya Kab. Bandung"),
               ("RSUD Soreang", "RSUD Otto Iskandar Dinata Soreang", "RSUD SOREANG"),
               ("RSUD Cicalengka", "Rumah Sakit Umum Daerah Cicalengka")),
    provincial=("RSUD Al-Ihsan",),
    rivers=("sungai Citarum", "sungai Cisangkuy", "sungai Cikeruh", "kali"),
    nik_prefix="3204",
)

# Generic place names for an office given only by name.
_GENERIC_KEC = ("Sukamaju", "Mekarsari", "Cibeureum", "Sindangsari", "Karangtengah", "Sukaresmi", "Tanjungsari",
                "Margamulya", "Pasirjaya", "Sukamulya", "Cisalak", "Jatiwangi")


def office_for(office: str | Office) -> Office:
    """An Office from "Kabupaten Bandung" / "Kota Sukamaju" (generic places) or an Office as it is."""
    if isinstance(office, Office):
        return office
    name = " ".join(office.split())
    if name.lower() in {"kabupaten bandung", "kab. bandung", "bandung"}:
        return KABUPATEN_BANDUNG
    m = re.fullmatch(r"(?i)(kabupaten|kab\.?|kota)\s+(.+)", name)
    if not m:
        raise ValueError(f"office must look like 'Kabupaten X' or 'Kota X', not {office!r}")
    kind = "Kota" if m.group(1).lower() == "kota" else "Kabupaten"
    region = m.group(2)
    village = "Kelurahan" if kind == "Kota" else "Desa"
    villages = tuple((k, f"{village} {k}") for k in _GENERIC_KEC) + tuple(
        (k, f"{village} {k} {suffix}") for k in _GENERIC_KEC[:6] for suffix in ("Kaler", "Kidul"))
    short = "Kab." if kind == "Kabupaten" else "Kota"
    return Office(
        kind=kind, region=region, kecamatan=_GENERIC_KEC, villages=villages,
        village_agencies=tuple(v for _, v in villages[:5]),
        water=(f"PDAM Tirta {region}", f"Perumda Air Minum Tirta {region}", f"PDAM TIRTA {region.upper()}",
               f"PDAM Tirta {region} {short} {region}"),
        hospitals=((f"RSUD {region}", f"Rumah Sakit Umum Daerah {region}", f"RSUD {region.upper()}"),),
    )


# ------------------------------------------------------------------------------------------- agencies

@dataclass(frozen=True)
class Agency:
    """A canonical agency and the ways an export writes its name (forms[0] is the most common)."""

    code: str
    name: str
    kind: str  # dinas, badan, kecamatan, desa, bumd, rsud
    forms: tuple[str, ...]
    form_weights: tuple[float, ...]

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(f for f in self.forms if f != self.name)


# (code, name without the region, abbreviation)
_OPD: tuple[tuple[str, str, str], ...] = (
    ("PUTR", "Dinas Pekerjaan Umum dan Tata Ruang", "Dinas PUTR"),
    ("DINKES", "Dinas Kesehatan", "Dinkes"),
    ("DISDIK", "Dinas Pendidikan", "Disdik"),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", "DISDUKCAPIL"),
    ("DLH", "Dinas Lingkungan Hidup", "DLH"),
    ("DISHUB", "Dinas Perhubungan", "Dishub"),
    ("DINSOS", "Dinas Sosial", "Dinsos"),
    ("DISNAKER", "Dinas Tenaga Kerja", "Disnaker"),
    ("DISPERKIMTAN", "Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "Disperkimtan"),
    ("DISKOMINFO", "Dinas Komunikasi, Informatika dan Statistik", "Diskominfo"),
    ("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP"),
    ("DISPERDAGIN", "Dinas Perdagangan dan Perindustrian", "Disperdagin"),
    ("DISKOPUKM", "Dinas Koperasi dan Usaha Kecil Menengah", "Diskop UKM"),
    ("DISTAN", "Dinas Pertanian", "Distan"),
    ("DKPP", "Dinas Ketahanan Pangan dan Perikanan", "DKPP"),
    ("DISPORA", "Dinas Pemuda dan Olahraga", "Dispora"),
    ("DISBUDPAR", "Dinas Kebudayaan dan Pariwisata", "Disbudpar"),
    ("DP2KBP3A", "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
                 "Perlindungan Anak", "DP2KBP3A"),
    ("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD"),
    ("DAMKAR", "Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar"),
    ("DISARPUS", "Dinas Arsip dan Perpustakaan", "Disarpus"),
    ("SATPOLPP", "Satuan Polisi Pamong Praja", "Satpol PP"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("BAPENDA", "Badan Pendapatan Daerah", "Bapenda"),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
    ("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol"),
    ("BAPPELITBANGDA", "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Bappelitbangda"),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
    ("INSPEKTORAT", "Inspektorat Daerah", "Inspektorat"),
    ("SETDA", "Sekretariat Daerah", "Setda"),
    ("SETWAN", "Sekretariat DPRD", "Setwan"),
)
# A misspelling the LAPOR! directory really carried for some offices (one per export is plenty).
_TYPOS = {"DISHUB": "Dinas Perhubungn"}


def _title_dan(name: str) -> str:
    """'Dinas Pekerjaan Umum dan Tata Ruang' -> 'Dinas Pekerjaan Umum Dan Tata Ruang' (as some exports do)."""
    return " ".join(w[:1].upper() + w[1:] for w in name.split(" "))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _weights(forms: Sequence[str], first: float) -> tuple[float, ...]:
    if len(forms) == 1:
        return (1.0,)
    rest = (1.0 - first) / (len(forms) - 1)
    return (first,) + (rest,) * (len(forms) - 1)


@functools.lru_cache(maxsize=16)
def agency_directory(office: str | Office = "Kabupaten Bandung") -> tuple[Agency, ...]:
    """The office's canonical agencies (~70 for Kabupaten Bandung) with the spellings exports use."""
    o = office_for(office)
    long = o.kind
    out: list[Agency] = []
    for i, (code, base, abbr) in enumerate(_OPD):
        name = f"{base} {long} {o.region}"
        forms = [f"{base} {o.short} {o.region}", name, f"{base} {o.short} {o.region}".upper(),
                 f"{_title_dan(base)} {o.short} {o.region}", base, f"{abbr} {o.short} {o.region}"]
        if i % 3 == 0 and o.short == "Kab.":
            forms.append(f"{base} Kab.{o.region}")  # no space after the dot
        if code in _TYPOS:
            forms.append(f"{_TYPOS[code]} {o.short} {o.region}")
        forms = list(_unique(forms))
        kind = "badan" if base.startswith("Badan") else "dinas"
        out.append(Agency(code, name, kind, tuple(forms), _weights(forms, 0.45)))
    water = _unique(o.water)
    out.append(Agency("PDAM", water[0], "bumd", water, _weights(water, 0.55)))
    for h in o.hospitals:
        forms = _unique(h)
        code = "RSUD-" + re.sub(r"[^A-Z]", "", forms[0].upper().removeprefix("RSUD "))
        out.append(Agency(code, forms[0], "rsud", forms, _weights(forms, 0.6)))
    for kec in o.kecamatan:
        name = f"Kecamatan {kec}"
        forms = _unique([name, f"Kec. {kec}", name.upper(), f"{name} {o.short} {o.region}"])
        out.append(Agency("KEC-" + kec.upper().replace(" ", ""), name, "kecamatan", forms,
                          (0.55, 0.2, 0.1, 0.15)[:len(forms)]))
    kec_of = dict((v, k) for k, v in o.villages)
    for v in o.village_agencies:
        forms = _unique([v, f"{v} Kec. {kec_of.get(v, '')}".strip(), f"Pemerintah {v}", v.upper()])
        out.append(Agency("DESA-" + v.split(" ", 1)[1].upper().replace(" ", ""), v, "desa", forms,
                          _weights(forms, 0.55)))
    return tuple(out)


def agency_truth(rows: Iterable[ExportRow]) -> dict[str, str]:
    """Ground truth for merging: each agency name as written in the rows -> its canonical agency name.

    The placeholder "Tidak Diketahui" and empty cells name no agency and are left out.
    """
    out: dict[str, str] = {}
    for r in rows:
        if r.canonical_agency is not None:
            out.setdefault(r.values["dinas_tujuan"], r.canonical_agency)
    return out


# ----------------------------------------------------------------------------------------------- rows

@dataclass
class ExportRow:
    """One export row (values as the file holds them, as text) and what the generator knows about it."""

    values: dict[str, str]
    canonical_agency: str | None  # the agency dinas_tujuan names; None for the placeholder or empty
    pii: list[tuple[str, str]]  # (kind, value) of every personal-data value put in judul / isi_laporan_*
    topic: str = ""  # the template the text came from (routing ground truth for training tests)
    quirks: frozenset[str] = frozenset()
    received_at: dt.datetime | None = None  # tanggal_masuk + waktu_masuk in WIB; None when they are broken


# Topics: what the report is about, its LAPOR! category, how often it comes, where it is routed
# ("@KEC": the kecamatan of the report, "@DESA": its village, "@RS": a hospital), and its sentences.
@dataclass(frozen=True)
class _Topic:
    key: str
    category: str
    weight: float
    route: tuple[tuple[str, float], ...]
    titles: tuple[str, ...]
    problems: tuple[str, ...]
    details: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    kind: tuple[tuple[str, float], ...] = (("pengaduan", 1.0),)
    oversight: float = 0.15  # share of pengaduan that are "berkadar pengawasan"
    years: tuple[tuple[int, float], ...] = ()  # weight multipliers by year
    nik: float = 0.15  # chance of a NIK/KK number in the text


_T = _Topic
TOPICS: tuple[_Topic, ...] = (
    _T("jalan_rusak", "Infrastruktur", 14, (("PUTR", 0.82), ("@KEC", 0.12), ("DISHUB", 0.06)),
       ("Jalan rusak parah di {desa}", "Jalan berlubang", "JALAN RUSAK", "Perbaikan jalan {kec}",
        "jalan hancur ga diperbaiki2", "Mohon perbaikan jalan kabupaten di {desa}", "Jalan amblas"),
       ("jalan di {desa} kec {kec} rusak parah {durasi}",
        "jalan penghubung {desa} ke {desa2} banyak lubang segede ban mobil",
        "aspal di depan {sekolah} sudah hancur, kalau hujan jadi kolam",
        "ruas {jalan} berlubang dan amblas sebagian di dekat jembatan",
        "{durasi} jalan di kampung kami cuma ditambal batu, sekarang bolong lagi",
        "jalan cor di {rt} {rw} {desa} retak dan pecah-pecah"),
       ("kemarin ada pemotor jatuh malam2 karena lubangnya ga keliatan",
        "truk pasir lewat terus jadi makin parah", "anak sekolah harus muter lewat pematang sawah",
        "lubangnya ada yang dalamnya sejengkal", "katanya sudah dianggarkan dari tahun {tahun_lalu} tapi "
        "belum dikerjakan", "ambulans juga susah lewat"),
       ("Mohon segera diperbaiki sebelum ada korban", "tolong diaspal ulang jangan cuma ditambal",
        "Mohon dinas PU turun ke lokasi")),
    _T("drainase", "Infrastruktur", 4, (("PUTR", 0.75), ("@KEC", 0.25)),
       ("Saluran air mampet", "Drainase tersumbat di {desa}", "got meluap"),
       ("saluran air di pinggir {jalan} mampet penuh sampah dan lumpur",
        "drainase di {desa} tidak berfungsi, air hujan meluap ke jalan dan rumah warga",
        "gorong-gorong di depan {masjid} ambruk dan tertutup tanah"),
       ("baunya menyengat apalagi siang hari", "tiap hujan deras air masuk rumah sampai semata kaki",
        "jadi sarang nyamuk, sudah ada tetangga kena DBD"),
       ("Mohon dinormalisasi", "tolong dikeruk dan dibuatkan saluran yang layak")),
    _T("banjir", "Penanggulangan Bencana", 4.5, (("BPBD", 0.6), ("PUTR", 0.25), ("@KEC", 0.15)),
       ("Banjir", "BANJIR LAGI", "Banjir di {desa}", "Rumah terendam banjir"),
       ("banjir sampai sepinggang orang dewasa di {desa} sejak semalam",
        "luapan {sungai} masuk ke permukiman {rt} {rw} {desa}", "air banjir belum surut {durasi_pendek}",
        "tanggul di pinggir {sungai} jebol dan air masuk ke rumah warga"),
       ("warga mengungsi ke masjid dan kekurangan selimut", "banyak lansia dan balita yang belum dievakuasi",
        "akses jalan putus, motor ga bisa lewat", "listrik dipadamkan dari tadi pagi"),
       ("Mohon bantuan perahu karet dan logistik", "tolong segera kirim bantuan",
        "mohon ada solusi jangka panjang, tiap tahun begini terus")),
    _T("air_pdam", "Infrastruktur", 8, (("PDAM", 0.95), ("@KEC", 0.05)),
       ("Air PDAM mati", "air tidak mengalir", "PDAM mati {durasi}", "Air keruh", "Tagihan PDAM membengkak"),
       ("air {pdam} di {desa} mati {durasi}", "air PDAM ngalir cuma jam 2 malam itupun kecil banget",
        "air yang keluar keruh kecoklatan dan bau kaporit",
        "tagihan air bulan ini Rp {tagihan} padahal pemakaian biasa saja",
        "pipa PDAM bocor di pinggir {jalan}, airnya terbuang percuma"),
       ("kami terpaksa beli air galon buat masak", "sudah telepon call center katanya sedang perbaikan "
        "tapi tidak ada kejelasan", "meteran sudah dicek petugas tapi tagihan tetap tinggi",
        "anak mau berangkat sekolah ga bisa mandi"),
       ("Mohon kejelasan kapan normal kembali", "tolong kirim mobil tangki air", "mohon tagihan dikoreksi")),
    _T("sampah", "Lingkungan Hidup dan Kehutanan", 8, (("DLH", 0.85), ("@KEC", 0.1), ("@DESA", 0.05)),
       ("Sampah menumpuk", "TPS liar", "Sampah tidak diangkut", "Tumpukan sampah di {desa}"),
       ("sampah di TPS {desa} sudah {durasi} tidak diangkut",
        "ada pembuangan sampah liar di pinggir {jalan} dekat jembatan",
        "truk sampah tidak pernah datang lagi ke {rw} kami padahal iuran tetap ditarik",
        "sampah di bantaran {sungai} menumpuk sampai menutup aliran"),
       ("baunya sampai ke rumah warga dan banyak lalat", "ada yang bakar sampah malam2, asapnya bikin sesak",
        "kalau hujan sampahnya hanyut ke jalan", "anak2 jadi sering diare"),
       ("Mohon segera diangkut", "tolong dipasang plang larangan buang sampah",
        "mohon jadwal pengangkutan diperjelas")),
    _T("pencemaran", "Lingkungan Hidup dan Kehutanan", 2, (("DLH", 0.9), ("SATPOLPP", 0.1)),
       ("Limbah pabrik", "Pencemaran sungai", "Bau limbah", "asap pabrik"),
       ("pabrik di {desa} buang limbah ke {sungai}, airnya jadi hitam pekat",
        "ada bau menyengat dari pabrik dekat permukiman tiap malam",
        "asap hitam dari cerobong pabrik masuk ke rumah warga {rt}"),
       ("sawah warga jadi gagal panen", "ikan di sungai banyak yang mati", "sudah ditegur warga tapi cuek",
        "warga banyak yang batuk-batuk"),
       ("Mohon dicek izin pembuangan limbahnya", "tolong ditindak tegas")),
    _T("pju", "Infrastruktur", 5, (("DISHUB", 0.75), ("DISPERKIMTAN", 0.25)),
       ("PJU mati", "Lampu jalan mati", "Penerangan jalan umum padam", "lampu jalan"),
       ("lampu PJU sepanjang {jalan} mati {durasi}",
        "lampu jalan di tikungan dekat {masjid} padam, malam gelap gulita",
        "tiang lampu PJU di {desa} miring hampir roboh",
        "minta dipasang lampu penerangan di jalan menuju {desa}"),
       ("rawan begal dan jambret", "sudah ada yang kecelakaan karena gelap",
        "warga sampai pasang lampu sendiri narik kabel dari rumah"),
       ("mohon segera diganti lampunya", "tolong diperbaiki", "Mohon dipasang PJU baru")),
    _T("ktp_kk", "Administrasi Kependudukan", 10, (("DISDUKCAPIL", 0.92), ("@KEC", 0.08)),
       ("KTP belum jadi", "E-KTP", "Pembuatan KK", "blanko KTP habis", "Perubahan data KK", "KTP hilang"),
       ("sudah rekam e-KTP dari bulan {bulan} tahun lalu tapi sampai sekarang belum jadi",
        "katanya blanko KTP habis terus tiap saya datang ke kecamatan",
        "mau pindah domisili tapi KK lama belum dicabut",
        "data di KK salah nama ibu kandung, sudah diajukan perbaikan tapi belum selesai",
        "KTP hilang, mau buat baru disuruh bolak balik"),
       ("saya butuh KTP buat melamar kerja", "antrian di kantor disdukcapil penuh dari subuh",
        "diminta biaya Rp {pungli} biar cepat, katanya jalur khusus",
        "status di aplikasi cuma tertulis diproses terus"),
       ("mohon dibantu dipercepat", "Mohon info kapan bisa diambil", "tolong diperbaiki datanya"),
       nik=0.6),
    _T("akta", "Administrasi Kependudukan", 2.5, (("DISDUKCAPIL", 1.0),),
       ("Akta kelahiran", "Akta kematian", "Pembuatan akta"),
       ("bikin akta kelahiran anak sudah {durasi} belum beres",
        "mengurus akta kematian almarhum bapak diminta syarat yang berubah-ubah",
        "di akta anak saya tanggal lahirnya salah ketik"),
       ("padahal berkas sudah lengkap semua", "petugasnya bilang sistem sedang gangguan"),
       ("mohon dibantu", "Mohon kejelasan prosedurnya"), nik=0.5),
    _T("bpjs", "Kesehatan", 5, (("DINKES", 0.7), ("DINSOS", 0.3)),
       ("BPJS tidak aktif", "Kartu KIS", "BPJS PBI dinonaktifkan", "iuran BPJS"),
       ("kartu KIS saya tiba2 tidak aktif waktu mau berobat di {pkm}",
        "BPJS PBI ibu saya dinonaktifkan padahal keluarga tidak mampu",
        "anak baru lahir belum bisa didaftarkan BPJS karena KK belum diperbarui",
        "disuruh bayar tunggakan BPJS padahal sudah pindah ke PBI"),
       ("jadi harus bayar umum Rp {biaya} di rumah sakit", "ibu saya sakit gula dan harus kontrol rutin",
        "sudah ke kantor desa katanya harus ke dinas"),
       ("mohon diaktifkan kembali", "mohon dibantu", "Bagaimana caranya supaya aktif lagi?"), nik=0.5),
    _T("puskesmas", "Kesehatan", 3, (("DINKES", 1.0),),
       ("Pelayanan puskesmas", "Petugas puskesmas judes", "Antrian puskesmas"),
       ("pelayanan di {pkm} lambat sekali, dari jam 7 baru dipanggil jam 11",
        "petugas pendaftaran di {pkm} ketus dan marah2 ke pasien lansia",
        "dokter di {pkm} sering tidak ada di tempat",
        "obat di {pkm} kosong, disuruh beli sendiri di apotek"),
       ("padahal pasiennya banyak yang dari jauh", "ruang tunggunya panas dan kursinya kurang"),
       ("Mohon dievaluasi", "tolong ditegur petugasnya")),
    _T("vaksin", "Kesehatan", 1, (("DINKES", 1.0),),
       ("Vaksinasi", "Sertifikat vaksin", "Vaksin booster"),
       ("sertifikat vaksin dosis 2 belum muncul di aplikasi",
        "jadwal vaksin di {pkm} dibatalkan mendadak padahal sudah antri dari pagi",
        "mohon info lokasi vaksin booster untuk lansia di {kec}"),
       ("orang tua saya tidak bisa pakai HP",), ("Mohon info", "mohon dibantu"),
       kind=(("pengaduan", 0.6), ("informasi", 0.4)), years=((2021, 4.0), (2022, 1.5), (2023, 0.1),
                                                            (2024, 0.05)), nik=0.4),
    _T("rumah_sakit", "Kesehatan", 2.5, (("@RS", 0.85), ("DINKES", 0.15)),
       ("Pelayanan RSUD", "IGD", "pasien ditolak", "Pelayanan rumah sakit"),
       ("keluarga saya di IGD {rs} dibiarkan berjam-jam tanpa penanganan",
        "pasien BPJS di {rs} disuruh cari kamar sendiri, katanya penuh",
        "parkiran {rs} semrawut dan tarifnya mahal", "hasil lab di {rs} lama sekali keluarnya"),
       ("perawatnya bilang tunggu dokter jaga", "pasiennya sudah lemas dan muntah-muntah"),
       ("Mohon pelayanannya diperbaiki", "tolong perhatikan pasien kecil")),
    _T("biaya_sekolah", "Pendidikan dan Kebudayaan", 4, (("DISDIK", 1.0),),
       ("Pungutan sekolah", "Biaya seragam", "uang bangunan", "Penahanan ijazah"),
       ("di {sekolah} orang tua diminta bayar uang bangunan Rp {biaya}",
        "anak saya ijazahnya ditahan sekolah karena masih ada tunggakan",
        "harga seragam dan buku di koperasi sekolah mahal sekali dan wajib beli di situ",
        "ada iuran perpisahan kelas 6 Rp {biaya} per siswa"),
       ("kami orang tua merasa keberatan", "katanya sekolah gratis tapi banyak pungutan",
        "yang belum bayar anaknya disindir wali kelas"),
       ("Mohon ditertibkan", "mohon dicek ke sekolahnya"), oversight=0.5),
    _T("ppdb", "Pendidikan dan Kebudayaan", 2.5, (("DISDIK", 1.0),),
       ("PPDB", "Zonasi", "Info pendaftaran sekolah"),
       ("rumah kami cuma 300 meter dari {sekolah} tapi anak tidak lolos zonasi",
        "bagaimana cara daftar PPDB jalur afirmasi untuk SMP negeri",
        "website PPDB error terus tidak bisa upload berkas"),
       ("pendaftaran tutup besok", "anak saya nilainya bagus"), ("Mohon info", "mohon penjelasan"),
       kind=(("pengaduan", 0.5), ("informasi", 0.5))),
    _T("bansos", "Sosial dan Kesejahteraan", 7, (("DINSOS", 0.8), ("@DESA", 0.12), ("@KEC", 0.08)),
       ("Bansos tidak tepat sasaran", "BLT belum cair", "Bantuan sosial", "PKH", "BPNT"),
       ("keluarga kami termasuk tidak mampu tapi tidak pernah dapat bansos",
        "BLT dana desa di {desa} dibagikan ke keluarga perangkat desa",
        "bantuan PKH saya sudah 3 bulan tidak cair, saldo di rek BRI {rekening} masih kosong",
        "beras BPNT dipotong Rp {pungli} oleh oknum pendamping",
        "nama saya ada di DTKS tapi bantuannya diambil orang lain"),
       ("suami saya sudah meninggal dan anak masih kecil", "yang dapat malah yang punya mobil"),
       ("mohon didata ulang", "mohon ditindak oknumnya", "Mohon info cara daftar DTKS"),
       oversight=0.3, nik=0.55),
    _T("odgj_anjal", "Sosial dan Kesejahteraan", 2, (("DINSOS", 0.7), ("SATPOLPP", 0.3)),
       ("ODGJ", "Anak jalanan", "pengemis", "Orang terlantar"),
       ("ada ODGJ berkeliaran di sekitar pasar {kec} dan suka melempar batu",
        "banyak pengemis dan anak jalanan di lampu merah {jalan}",
        "ada lansia terlantar tidur di emperan toko dekat terminal"),
       ("kasian tapi warga juga takut",), ("Mohon dijangkau", "mohon ditangani dinas sosial")),
    _T("berisik", "Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat", 3,
       (("SATPOLPP", 0.7), ("@KEC", 0.3)),
       ("Tetangga berisik", "Gangguan ketertiban", "Knalpot bising", "Hajatan sampai malam"),
       ("tetangga setel musik dangdut keras sampai jam 2 pagi",
        "tiap malam minggu ada anak muda kumpul dan mabuk2an di pos ronda",
        "ada bengkel yang buka sampai tengah malam dan berisik sekali",
        "hajatan pakai sound system besar dan tutup jalan 3 hari"),
       ("bayi saya jadi tidak bisa tidur", "sudah ditegur baik2 malah marah",
        "sudah lapor ke pak RT tapi tidak ada tindakan"),
       ("Mohon ditertibkan", "tolong ditegur")),
    _T("pkl_bangunan", "Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat", 2.5,
       (("SATPOLPP", 0.85), ("DPMPTSP", 0.15)),
       ("PKL di trotoar", "Bangunan liar", "Pedagang kaki lima", "Reklame liar"),
       ("PKL berjualan di trotoar depan pasar {kec} sampai makan badan jalan",
        "ada bangunan liar berdiri di atas saluran air di {desa}",
        "reklame liar dipasang di pohon dan tiang listrik sepanjang {jalan}"),
       ("pejalan kaki terpaksa jalan di aspal",), ("Mohon ditertibkan", "tolong dibongkar")),
    _T("parkir_liar", "Perhubungan", 3.5, (("DISHUB", 0.85), ("SATPOLPP", 0.15)),
       ("Parkir liar", "Juru parkir liar", "Parkir sembarangan"),
       ("banyak mobil parkir di bahu {jalan} sampai bikin macet",
        "juru parkir liar di depan minimarket {desa} minta Rp {parkir} padahal ada tulisan parkir gratis",
        "mobil plat {plat} tiap hari parkir menghalangi gang kami"),
       ("kalau ditegur jukirnya malah nyolot",), ("Mohon ditertibkan", "tolong ditindak")),
    _T("angkutan", "Perhubungan", 2.5, (("DISHUB", 1.0),),
       ("Angkot ngetem", "Truk ODOL", "Lampu lalu lintas mati", "Kemacetan"),
       ("angkot ngetem sembarangan di perempatan {kec} bikin macet panjang",
        "truk bermuatan berlebih lewat jalan desa tiap malam",
        "lampu lalu lintas di simpang {kec} mati {durasi}",
        "tidak ada rambu di tikungan tajam dekat {desa}"),
       ("jam berangkat kerja macetnya parah",), ("Mohon diatur", "mohon dipasang rambu")),
    _T("gaji_thr", "Ketenagakerjaan", 3, (("DISNAKER", 1.0),),
       ("THR tidak dibayar", "Gaji di bawah UMK", "PHK sepihak", "BPJS Ketenagakerjaan"),
       ("THR karyawan di pabrik tempat saya kerja di {kec} belum dibayar",
        "gaji kami di bawah UMK dan lembur tidak dibayar",
        "saya di-PHK sepihak tanpa pesangon setelah kerja 6 tahun",
        "perusahaan memotong gaji untuk BPJS Ketenagakerjaan tapi ternyata tidak disetorkan"),
       ("kami takut lapor langsung nanti dipecat", "HRD bilang perusahaan lagi rugi"),
       ("Mohon dilakukan pemeriksaan", "mohon perlindungannya")),
    _T("ak1_loker", "Ketenagakerjaan", 1, (("DISNAKER", 1.0),),
       ("Kartu kuning", "Info lowongan kerja", "Pelatihan kerja"),
       ("bagaimana cara membuat kartu kuning (AK1) secara online",
        "mohon info jadwal pelatihan kerja gratis di BLK", "apakah ada bursa kerja tahun ini di {kec}"),
       (), ("terima kasih infonya",), kind=(("informasi", 1.0),)),
    _T("pungli", "Pencegahan dan Pemberantasan Korupsi", 2, (("INSPEKTORAT", 0.75), ("@KEC", 0.25)),
       ("Pungli", "Pungutan liar pembuatan surat", "Oknum minta uang"),
       ("di kantor {desa} untuk surat pengantar diminta Rp {pungli} tanpa kwitansi",
        "oknum petugas bernama {petugas} minta uang rokok waktu urus izin",
        "pembuatan sertifikat PTSL di {desa} dipungut Rp {biaya} per bidang"),
       ("warga lain juga mengalami hal yang sama",), ("Mohon diusut", "mohon ditindak tegas"),
       oversight=0.9),
    _T("asn", "Reformasi Birokrasi dan Tata Kelola", 1.2, (("BKPSDM", 0.6), ("INSPEKTORAT", 0.4)),
       ("ASN tidak disiplin", "Pegawai bolos", "Oknum ASN"),
       ("ada oknum ASN dengan NIP {nip} sering tidak masuk kantor tapi absennya tetap penuh",
        "pegawai di kantor kecamatan {kec} main game di jam kerja dan cuekin warga",
        "oknum pegawai atas nama {petugas} NIP {nip} ikut kampanye di media sosial"),
       ("fotonya ada kalau diperlukan",), ("Mohon diberi sanksi", "mohon ditertibkan"), oversight=0.9),
    _T("izin_usaha", "Ekonomi dan Keuangan", 1.5, (("DPMPTSP", 1.0),),
       ("Izin usaha", "NIB", "PBG"),
       ("bagaimana cara mengurus NIB untuk usaha warung kecil",
        "pengajuan PBG saya sudah {durasi} belum ada kabar", "mohon info syarat izin usaha mikro lewat OSS"),
       (), ("terima kasih",), kind=(("informasi", 0.7), ("pengaduan", 0.3))),
    _T("pbb", "Ekonomi dan Keuangan", 1.5, (("BAPENDA", 1.0),),
       ("PBB", "Tagihan PBB", "SPPT belum terima"),
       ("SPPT PBB tahun ini belum kami terima padahal sudah mau jatuh tempo",
        "nilai PBB naik dua kali lipat dari tahun lalu tanpa penjelasan",
        "sudah bayar PBB tapi di sistem masih tercatat menunggak"),
       ("bukti bayarnya masih saya simpan",), ("Mohon dicek", "mohon penjelasan")),
    _T("pupuk", "Pertanian dan Peternakan", 1.5, (("DISTAN", 1.0),),
       ("Pupuk subsidi langka", "Harga pupuk", "Kartu tani"),
       ("pupuk subsidi di kios {desa} kosong terus pas musim tanam",
        "harga pupuk subsidi dijual di atas HET", "petani di {desa} belum dapat kartu tani"),
       ("padi sudah mulai menguning sebagian",), ("Mohon diawasi distribusinya", "mohon dibantu")),
    _T("rutilahu", "Perumahan dan Permukiman", 1.5, (("DISPERKIMTAN", 0.8), ("@DESA", 0.2)),
       ("Rutilahu", "Rumah tidak layak huni", "Bantuan perbaikan rumah"),
       ("rumah nenek saya di {desa} atapnya hampir roboh dan belum pernah dapat bantuan rutilahu",
        "pengajuan rutilahu sudah dari tahun {tahun_lalu} tapi tidak ada kabar",
        "ada warga yang dapat rutilahu padahal rumahnya sudah bagus"),
       ("kalau hujan bocor di mana-mana",), ("Mohon disurvei", "mohon diprioritaskan"), nik=0.3),
    _T("layanan_desa", "Topik Lainnya", 4, (("@DESA", 0.55), ("@KEC", 0.45)),
       ("Pelayanan kantor desa", "Kantor desa tutup", "Surat pengantar", "Pelayanan kecamatan"),
       ("kantor {desa} sering tutup di jam kerja",
        "minta surat keterangan tidak mampu di desa disuruh balik besok terus",
        "perangkat {desa} tidak ada di kantor waktu jam pelayanan",
        "pelayanan di kantor kecamatan {kec} lambat dan tidak ramah"),
       ("saya sudah izin kerja setengah hari", "papan jam pelayanan juga tidak ada"),
       ("Mohon dibina aparaturnya", "mohon diperbaiki pelayanannya")),
    _T("pohon", "Lingkungan Hidup dan Kehutanan", 1.5, (("DLH", 0.5), ("BPBD", 0.5)),
       ("Pohon tumbang", "Pohon rawan tumbang", "Ranting pohon"),
       ("ada pohon besar miring di pinggir {jalan}, takut tumbang kalau angin kencang",
        "pohon tumbang menutup jalan di {desa} dari tadi pagi", "ranting pohon sudah kena kabel listrik"),
       ("musim hujan anginnya kencang",), ("Mohon dipangkas", "mohon segera dievakuasi")),
    _T("kebakaran", "Penanggulangan Bencana", 0.7, (("DAMKAR", 1.0),),
       ("Kebakaran", "Pos damkar", "Sarang tawon"),
       ("kemarin ada kebakaran di {desa} tapi mobil damkar datang terlambat 1 jam",
        "mohon dibangun pos pemadam kebakaran di {kec} karena jauh dari pos induk",
        "ada sarang tawon besar di atap rumah, minta bantuan evakuasi"),
       (), ("Mohon bantuannya",), kind=(("pengaduan", 0.7), ("aspirasi", 0.3))),
    _T("kominfo", "Komunikasi dan Informatika", 1, (("DISKOMINFO", 0.85), ("SETDA", 0.15)),
       ("Website pemkab error", "Sinyal internet", "Aplikasi layanan error"),
       ("website resmi pemkab tidak bisa dibuka dari kemarin",
        "di {desa} susah sinyal, anak2 belajar online jadi susah",
        "aplikasi layanan online pemkab minta login terus lalu error"),
       (), ("Mohon diperbaiki",)),
    _T("olahraga", "Pemuda dan Olahraga", 0.8, (("DISPORA", 1.0),),
       ("Usulan lapangan", "GOR rusak", "Aspirasi pemuda"),
       ("usul dibangun lapangan olahraga di {desa} karena anak muda tidak punya tempat kegiatan",
        "GOR di {kec} atapnya bocor dan lantainya rusak", "mohon ada turnamen sepak bola antar desa lagi"),
       (), ("terima kasih",), kind=(("aspirasi", 0.8), ("pengaduan", 0.2))),
    _T("wisata", "Pariwisata dan Ekonomi Kreatif", 0.7, (("DISBUDPAR", 1.0),),
       ("Objek wisata", "Tiket wisata", "Kebersihan tempat wisata"),
       ("tiket masuk objek wisata di {kec} naik tapi toiletnya kotor",
        "ada pungutan parkir liar di tempat wisata {kec}", "usul promosi wisata kampung adat di {desa}"),
       (), ("Mohon dibenahi",), kind=(("pengaduan", 0.6), ("aspirasi", 0.4))),
    _T("anak_perempuan", "Pemberdayaan Perempuan dan Perlindungan Anak", 0.8, (("DP2KBP3A", 1.0),),
       ("Kekerasan anak", "KDRT", "Perlindungan anak"),
       ("tetangga saya sering memukul anaknya sampai lebam",
        "ada anak di bawah umur mau dinikahkan di {desa}", "saya korban KDRT dan butuh pendampingan"),
       (), ("Mohon pendampingan",)),
    _T("stunting_kb", "Kesehatan", 1, (("DP2KBP3A", 0.6), ("DINKES", 0.4)),
       ("Posyandu", "Stunting", "Alat KB"),
       ("posyandu di {rw} tidak jalan lagi sejak kadernya pindah",
        "mohon info program makanan tambahan untuk balita stunting di {desa}",
        "alat kontrasepsi di bidan desa kosong"),
       (), ("Mohon info",), kind=(("pengaduan", 0.6), ("informasi", 0.4))),
    _T("harga_pasar", "Ekonomi dan Keuangan", 1.5, (("DISPERDAGIN", 1.0),),
       ("Minyak goreng langka", "Gas elpiji 3 kg", "Timbangan pasar"),
       ("minyak goreng di warung {desa} langka dan mahal",
        "gas elpiji 3 kg susah dicari dan harganya Rp {gas} di pengecer",
        "timbangan pedagang di pasar {kec} dicurangi"),
       (), ("Mohon operasi pasar", "mohon diawasi"), years=((2022, 2.5),)),
    _T("umkm", "Pemberdayaan Masyarakat, Koperasi, dan UMKM", 1, (("DISKOPUKM", 1.0),),
       ("Bantuan UMKM", "Koperasi bermasalah", "Pelatihan UMKM"),
       ("sudah daftar bantuan UMKM tapi tidak pernah cair",
        "koperasi simpan pinjam di {desa} tidak mengembalikan uang anggota",
        "mohon info pelatihan UMKM untuk ibu rumah tangga"),
       (), ("terima kasih",), kind=(("pengaduan", 0.6), ("informasi", 0.4))),
    _T("dana_desa", "Pemberdayaan Masyarakat, Koperasi, dan UMKM", 1.2, (("DPMD", 0.7), ("INSPEKTORAT", 0.3)),
       ("Dana desa", "Transparansi dana desa", "Proyek desa mangkrak"),
       ("penggunaan dana desa di {desa} tidak pernah diumumkan ke warga",
        "proyek jalan desa dari dana desa {tahun_lalu} mangkrak setengah jadi",
        "BUMDes di {desa} tidak jelas laporannya"),
       (), ("Mohon diaudit",), oversight=0.8),
    _T("pangan", "Pertanian dan Peternakan", 0.5, (("DKPP", 1.0),),
       ("Beras bantuan", "Benih ikan"),
       ("beras cadangan pangan yang dibagikan berkutu dan bau",
        "mohon info bantuan benih ikan untuk kelompok pembudidaya di {desa}"),
       (), ("Mohon ditindaklanjuti",), kind=(("pengaduan", 0.6), ("informasi", 0.4))),
    _T("perpustakaan", "Pendidikan dan Kebudayaan", 0.3, (("DISARPUS", 1.0),),
       ("Perpustakaan daerah", "Perpustakaan keliling"),
       ("perpustakaan daerah tutup hari sabtu padahal itu hari libur anak sekolah",
        "usul mobil perpustakaan keliling datang ke {desa}"),
       (), ("terima kasih",), kind=(("aspirasi", 0.7), ("pengaduan", 0.3))),
    _T("ormas", "Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat", 0.4, (("KESBANGPOL", 1.0),),
       ("Ormas", "Bentrok pemuda"),
       ("ada ormas yang minta jatah keamanan ke pedagang di {kec}",
        "bentrok antar kelompok pemuda di {desa} meresahkan warga"),
       (), ("Mohon ditertibkan",)),
    _T("musrenbang", "Topik Lainnya", 0.4, (("BAPPELITBANGDA", 1.0),),
       ("Usulan musrenbang", "Usulan pembangunan"),
       ("usulan musrenbang desa kami dari 3 tahun lalu tidak pernah direalisasikan",
        "usul pembangunan jembatan penghubung {desa} masuk prioritas tahun depan"),
       (), ("terima kasih",), kind=(("aspirasi", 1.0),)),
    _T("keuangan", "Ekonomi dan Keuangan", 0.3, (("BPKAD", 1.0),),
       ("TPP belum cair", "Pembayaran rekanan"),
       ("TPP pegawai bulan {bulan} belum cair", "pembayaran ke rekanan proyek tertunda {durasi}"),
       (), ("Mohon kejelasan",)),
    _T("dprd", "Topik Lainnya", 0.3, (("SETWAN", 1.0),),
       ("Reses DPRD", "Audiensi DPRD"),
       ("anggota DPRD dapil kami tidak pernah reses ke {desa}", "mohon info jadwal audiensi dengan komisi DPRD"),
       (), ("terima kasih",), kind=(("aspirasi", 0.5), ("informasi", 0.5))),
    _T("setda", "Topik Lainnya", 0.3, (("SETDA", 1.0),),
       ("Pelayanan keliling", "Open house bupati"),
       ("mohon info jadwal open house bupati", "usul pelayanan keliling pemkab ke {kec}"),
       (), ("terima kasih",), kind=(("aspirasi", 0.5), ("informasi", 0.5))),
)

GREETINGS = ("Selamat pagi", "Selamat siang bapak/ibu", "Assalamualaikum wr wb", "Assalamualaikum",
             "Yth. Bapak/Ibu admin", "Punten", "Permisi min", "Halo admin", "Mohon maaf mengganggu",
             "Sampurasun", "Selamat malam")
IMPACTS = ("kasian warga yang tiap hari lewat", "warga sudah resah", "sudah lapor ke pak RT tapi belum ada "
           "tindakan", "ini bukan pertama kali saya lapor", "tolong jangan cuma difoto-foto saja",
           "kami warga kecil cuma bisa lapor lewat sini", "sudah viral di grup WA warga")
PREVIOUS = ("sebelumnya sudah lapor dengan nomor {prev_id} tapi ditutup tanpa tindak lanjut",
            "ini lanjutan laporan saya no {prev_id}")
GENERIC_ASKS = ("Mohon segera ditindaklanjuti", "Tolong segera diperbaiki", "mohon bantuannya",
                "mohon perhatian dari dinas terkait", "Tolong dicek ke lapangan", "Mohon solusinya")
CLOSINGS = ("Terima kasih", "Terimakasih", "terima kasih atas perhatiannya", "Hatur nuhun", "Trims",
            "Wassalam", "Terima kasih banyak")
CHRONOLOGY = ("Pada tanggal {hari} {bulan} saya datang ke kantor {kec} dan diminta menunggu",
              "petugasnya bilang nanti akan dikabari lewat telepon tapi tidak pernah ada",
              "minggu berikutnya saya datang lagi dan dilempar ke bagian lain",
              "saya sudah bawa semua berkas yang diminta, fotokopi rangkap tiga",
              "tetangga saya juga mengalami hal yang sama dan akhirnya menyerah",
              "saya juga sudah kirim surat tertulis ke kantor desa tapi tidak dibalas",
              "kalau memang ada biaya resmi tolong diumumkan saja supaya jelas")
# Personal data framed as people write it; {slots} are filled with fictional values.
NAME_INTROS = ("nama saya {name} warga {rt}/{rw} {desa}", "Saya {name}, warga Kec. {kec}",
               "perkenalkan saya {name} dari {desa}", "saya {name} tinggal di {alamat}",
               "Saya atas nama {name}", "dengan hormat, saya {name} warga {desa}")
ADDRESS_LINES = ("alamat {alamat} {desa}", "rumah saya di {alamat}", "lokasi persis di depan {alamat}")
NIK_LINES = ("Nik. {nik}", "NIK: {nik}", "nik {nik}", "No KTP {nik}", "NIK saya {nik}", "no KK {nik}")
PHONE_LINES = ("hp {phone}", "No HP/WA {phone}", "bisa hubungi saya di {phone}", "kontak {phone}",
               "WA {phone}", "tlp {phone}")
EMAIL_LINES = ("email {email}", "balas ke {email}", "{email}", "email saya {email}")
EMOJI = ("🙏", "🙏🙏🙏", "😡", "😭", "🚧", "💧", "👍", "😤😤")
SLANG = {"yang": ("yg",), "tidak": ("tdk", "gak", "ga"), "sudah": ("sdh", "udah"), "dengan": ("dgn",),
         "untuk": ("utk",), "karena": ("krn",), "belum": ("blm",), "tolong": ("tlg", "tolonggg"),
         "banyak": ("byk",), "saja": ("aja",), "bagaimana": ("gmn",), "sekali": ("bgt",),
         "parah": ("parahhh",), "sampai": ("sampe",)}
_SLANG_RE = re.compile(r"\b(" + "|".join(SLANG) + r")\b")

FIRST_NAMES = ("Asep", "Dedi", "Ujang", "Euis", "Siti", "Neng", "Rina", "Yanti", "Budi", "Agus", "Dadang",
               "Iis", "Cecep", "Tati", "Wawan", "Nining", "Rudi", "Hendra", "Dewi", "Lilis", "Yuyun", "Ade",
               "Eka", "Fitri", "Rizky", "Dian", "Nurul", "Ahmad", "Indra", "Yudi", "Tuti", "Enok")
LAST_NAMES = ("Saepudin", "Supriatna", "Kurniawan", "Hidayat", "Rahmawati", "Aminah", "Santoso",
              "Nurjanah", "Gunawan", "Permana", "Suryana", "Hermawan", "Sumarni", "Setiawan", "Maulana",
              "Kusnadi", "Ramdani", "Fauzi", "Komariah", "Lestari", "Sopiah", "Firmansyah")
STREETS = ("Melati", "Mawar", "Kenanga", "Anggrek", "Cempaka", "Flamboyan", "Dahlia", "Sukajadi",
           "Babakan Sari", "Pasir Koja", "Cibeureum Girang", "Sindang Asih")
MOSQUES = ("masjid Al-Ikhlas", "mesjid jami", "masjid Nurul Huda", "musola Al-Falah")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
PHONE_PREFIXES = ("0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858", "0877", "0878",
                  "0896", "0895", "0838", "0813", "0819", "0881", "0882")
EMAIL_DOMAINS = ("gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.co.id", "ymail.com", "outlook.com")

_PII_SLOTS = {"name": "NAMA", "petugas": "NAMA", "nik": "NIK", "phone": "TELEPON", "email": "EMAIL",
              "alamat": "ALAMAT", "nip": "NIP", "plat": "PLAT", "rekening": "REKENING"}
_FORMATTER = string.Formatter()

# Quirks guaranteed at least once when messy and n is large enough (see make_rows).
_FORCED = ("glued", "pii_glued", "empty_text", "zero_width_text", "zero_width", "long_text", "long_title",
           "empty_title", "html_entity", "emoji", "broken_date:0001-01-01", "broken_date:2023-13-40",
           "empty_date", "empty_time", "odd_klasifikasi", "unknown_status", "unknown_source",
           "placeholder_agency", "empty_agency", "newline", "admin_edited", "empty_final_text",
           "form:0", "form:1", "form:2", "form:3")
MIN_ROWS_FOR_ALL_QUIRKS = 2 * len(_FORCED)


def _choice(rng: random.Random, pairs: Sequence[tuple[str, float]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


@dataclass
class _Part:
    text: str
    pii: bool = False


@dataclass
class _RowState:
    rng: random.Random
    office: Office
    slots: dict[str, str]
    pii: list[tuple[str, str]] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # personal-data slot -> value, once per row

    def fill(self, template: str) -> _Part:
        names = [f for _, f, _, _ in _FORMATTER.parse(template) if f]
        data = dict(self.slots)
        has_pii = False
        for f in names:
            if f in _PII_SLOTS:
                has_pii = True
                if f not in self.values:
                    self.values[f] = _pii_value(self.rng, f, self.office)
                value = self.values[f]
                if (_PII_SLOTS[f], value) not in self.pii:
                    self.pii.append((_PII_SLOTS[f], value))
                data[f] = value
        return _Part(template.format_map(data), has_pii)


def _pii_value(rng: random.Random, slot: str, office: Office) -> str:
    if slot in ("name", "petugas"):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        return name.upper() if rng.random() < 0.1 else name
    if slot == "nik":
        day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
        nik = (f"{office.nik_prefix}{rng.randint(1, 45):02d}{day:02d}{rng.randint(1, 12):02d}"
               f"{rng.randint(60, 99) if rng.random() < 0.8 else rng.randint(0, 5):02d}{rng.randint(1, 999):04d}")
        return " ".join(nik[i:i + 4] for i in range(0, 16, 4)) if rng.random() < 0.1 else nik
    if slot == "phone":
        prefix = rng.choice(PHONE_PREFIXES)
        rest = "".join(rng.choice(string.digits) for _ in range(rng.choice((7, 8, 8, 8))))
        digits = prefix + rest
        r = rng.random()
        if r < 0.6:
            return digits
        if r < 0.75:
            return f"{digits[:4]}-{digits[4:8]}-{digits[8:]}"
        if r < 0.87:
            return f"+62 {digits[1:4]}-{digits[4:8]}-{digits[8:]}"
        return "62" + digits[1:]
    if slot == "email":
        first, last = rng.choice(FIRST_NAMES).lower(), rng.choice(LAST_NAMES).lower()
        local = rng.choice((f"{first}.{last}", f"{first}{last[:3]}", f"{first}_{last}", first))
        return f"{local}{rng.randint(1, 99)}@{rng.choice(EMAIL_DOMAINS)}"
    if slot == "alamat":
        street = rng.choice(STREETS)
        lane = rng.choice(("Jl.", "Jl.", "Gg.", "Jalan"))
        return f"{lane} {street} No. {rng.randint(1, 120)} RT {rng.randint(1, 12):02d} RW {rng.randint(1, 15):02d}"
    if slot == "nip":
        born = dt.date(rng.randint(1965, 1995), rng.randint(1, 12), rng.randint(1, 28))
        nip = (f"{born:%Y%m%d}{born.year + rng.randint(22, 30)}{rng.randint(1, 12):02d}"
               f"{rng.randint(1, 2)}{rng.randint(1, 9):03d}")
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" if rng.random() < 0.3 else nip
    if slot == "plat":
        area = "D" if office.province == "Jawa Barat" and rng.random() < 0.8 else rng.choice(("Z", "F", "B", "E"))
        return f"{area} {rng.randint(1000, 9999)} {''.join(rng.choices(string.ascii_uppercase, k=rng.randint(2, 3)))}"
    if slot == "rekening":
        d = "".join(rng.choice(string.digits) for _ in range(15))
        return f"{d[:4]}-{d[4:6]}-{d[6:12]}-{d[12:14]}-{d[14]}"
    raise KeyError(slot)


class _Generator:
    def __init__(self, seed: int, office: Office, messy: bool, years: tuple[int, int]):
        self.rng = random.Random(seed)
        self.office, self.messy, self.years = office, messy, years
        self.directory = agency_directory(office)
        self.by_code = {a.code: a for a in self.directory}
        self.kec_weights = [1.0 / (i + 3) for i in range(len(office.kecamatan))]
        self.villages_of: dict[str, list[str]] = {}
        for k, v in office.villages:
            self.villages_of.setdefault(k, []).append(v)
        self.village_agency = {a.name: a for a in self.directory if a.kind == "desa"}

    # ---- dates and ids
    def datetimes(self, n: int) -> list[dt.datetime]:
        rng = self.rng
        y0, y1 = self.years
        years = list(range(y0, y1 + 1))
        year_w = [1.0 + 0.35 * i for i in range(len(years))]  # LAPOR! use grows every year
        hour_w = [1, 1, 0.5, 0.5, 1, 3, 6, 9, 12, 12, 11, 9, 7, 8, 9, 9, 8, 7, 7, 9, 10, 9, 6, 3]
        out = []
        while len(out) < n:
            year = rng.choices(years, weights=year_w)[0]
            day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(366 if year % 4 == 0 else 365))
            if day.weekday() >= 5 and rng.random() < 0.45:
                continue
            hour = rng.choices(range(24), weights=hour_w)[0]
            out.append(dt.datetime(day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60),
                                   tzinfo=WIB))
        return sorted(out)

    def tracking_ids(self, stamps: list[dt.datetime]) -> list[str]:
        # One national counter: ~3.1 M at the start of 2021 to ~12.5 M at the end of 2024 (7 then 8 digits).
        t0 = dt.datetime(self.years[0], 1, 1, tzinfo=WIB).timestamp()
        t1 = dt.datetime(self.years[1] + 1, 1, 1, tzinfo=WIB).timestamp()
        lo, hi = 3_100_000, 3_100_000 + 2_350_000 * (self.years[1] - self.years[0] + 1)
        ids, prev = [], 0
        for s in stamps:
            v = int(lo + (s.timestamp() - t0) / (t1 - t0) * (hi - lo)) + self.rng.randrange(400)
            prev = max(prev + 1 + self.rng.randrange(3), v)
            ids.append(str(prev))
        return ids

    # ---- one row
    def row(self, stamp: dt.datetime, tracking_id: str, force: str | None) -> ExportRow:
        rng, o, messy = self.rng, self.office, self.messy
        quirks: set[str] = set()
        year_now = stamp.year
        source = self.source(year_now, force)
        topic = self.topic(year_now, force)
        kec = rng.choices(o.kecamatan, weights=self.kec_weights)[0]
        villages = self.villages_of.get(kec) or [f"{'Kelurahan' if o.kind == 'Kota' else 'Desa'} {kec}"]
        desa = rng.choice(villages)
        other = [v for _, v in o.villages if v != desa] or [desa]
        slots = {
            "desa": desa, "desa2": rng.choice(other), "kec": kec, "rt": f"RT {rng.randint(1, 12):02d}",
            "rw": f"RW {rng.randint(1, 15):02d}", "jalan": rng.choice((f"Jl. Raya {kec}", f"jalan {desa}",
                                                                       f"jalan menuju {desa}")),
            "sekolah": rng.choice((f"SDN {rng.randint(1, 9)} {kec}", f"SMPN {rng.randint(1, 4)} {kec}",
                                   f"SD negeri {desa.split(' ', 1)[-1]}")),
            "pkm": f"Puskesmas {kec}", "rs": rng.choice(o.hospitals)[0] if o.hospitals else "rumah sakit",
            "pdam": rng.choice(("PDAM", o.water[0] if o.water else "PDAM")), "masjid": rng.choice(MOSQUES),
            "sungai": rng.choice(o.rivers), "bulan": rng.choice(MONTHS), "tahun_lalu": str(year_now - 1),
            "durasi": rng.choice(("sudah 2 minggu", "hampir sebulan", "dari tahun kemarin", "sudah 3 hari",
                                  "udah lama banget", f"sejak bulan {rng.choice(MONTHS)}", "dari minggu lalu",
                                  "sudah berbulan-bulan")),
            "durasi_pendek": rng.choice(("dari semalam", "sejak subuh", "sudah 2 hari", "dari kemarin sore")),
            "biaya": rng.choice(("150.000", "350.000", "1.500.000", "2.750.000", "500 ribu")),
            "pungli": rng.choice(("50.000", "100 ribu", "20rb", "250.000")),
            "tagihan": rng.choice(("487.000", "1.230.500", "912.000")), "parkir": rng.choice(("5.000", "10rb")),
            "gas": rng.choice(("28.000", "35.000", "40rb")), "hari": str(rng.randint(1, 28)),
            "prev_id": str(int(tracking_id) - rng.randint(20_000, 900_000)),
        }
        st = _RowState(rng, o, slots)
        agency = self.route(topic, kec, desa, force)
        kind = _choice(rng, topic.kind)
        parts = self.parts(topic, kind, st, source, force)
        if messy and (force == "long_text" or (force is None and rng.random() < 0.008)):
            parts = self.long_parts(topic, st, parts)
            quirks.add("long_text")
        text, glue_quirks = self.join(parts, force, [v for _, v in st.pii])
        quirks |= glue_quirks
        text, text_quirks = self.decorate(text, parts, source, force)
        quirks |= text_quirks
        if messy and (force == "empty_text" or (force is None and rng.random() < 0.01)):
            text, parts, st.pii = "", [], []
            quirks = {"empty_text"}
        elif messy and (force == "zero_width_text" or (force is None and rng.random() < 0.006)):
            text, parts, st.pii = ZWSP * rng.randint(1, 4), [], []
            quirks = {"zero_width_text"}
        title, title_quirks = self.title(topic, st, text, parts, force)
        quirks |= title_quirks
        final, final_quirks = self.final_text(text, parts, source, kec, force)
        quirks |= final_quirks

        status, alasan = self.status(stamp, force)
        written, canonical, agency_quirks = self.written_agency(agency, status, force)
        quirks |= agency_quirks
        date, time, date_quirks = self.date_time(stamp, force)
        quirks |= date_quirks
        if date_quirks & {"broken_date", "empty_date"}:
            received = None
        elif "empty_time" in date_quirks:
            received = stamp.replace(hour=0, minute=0, second=0)
        else:
            received = stamp
        klas, klas_quirk = self.klasifikasi(topic, kind, force)
        quirks |= klas_quirk
        if source not in SOURCES and not source.startswith("Website - "):
            quirks.add("unknown_source")
        category = topic.category
        if messy and rng.random() < 0.04:
            category = "Topik Lainnya"  # citizens and admins often fall back on it
        kec_final = "" if rng.random() < 0.25 else kec
        if messy and kec_final and rng.random() < 0.05:
            kec_final = kec_final.upper()
        agency_name = canonical or ""
        instansi = (f"Pemerintah Provinsi {o.province}" if agency_name in o.provincial else o.instansi)
        values = {
            "tracking_id": tracking_id, "tanggal_masuk": date, "waktu_masuk": time, "klasifikasi": klas,
            "id_kategori": str(CATEGORY_IDS[category]), "kategori": category, "judul": title,
            "isi_laporan_awal": text, "isi_laporan_akhir": final, "sumber_laporan": source,
            "instansi_induk": instansi, "dinas_tujuan": written, "status": status, "alasan_tunda": alasan,
            "provinsi": o.province, "kota_kabupaten": o.full, "status_final": self.status_final(status),
            "kecamatan_final": kec_final,
        }
        if values["status"] not in STATUSES:
            quirks.add("unknown_status")
        return ExportRow(values, canonical, list(st.pii), topic.key, frozenset(quirks), received)

    def source(self, year: int, force: str | None) -> str:
        rng = self.rng
        if force == "unknown_source" or (self.messy and force is None and rng.random() < 0.01):
            return rng.choice(UNKNOWN_SOURCES)
        twitter = 6.0 if year <= 2022 else 2.5
        pairs = (("Website", 30), ("Android", 25), ("ios", 4), ("SMS", 5), ("Hotline Service", 3),
                 ("Instagram", 5), ("Whatsapp", 8), ("Email Instansi", 2), ("Tatap Muka", 4),
                 ("Twitter", twitter), ("Facebook", 3), (f"Website - {self.office.instansi}", 4))
        return _choice(self.rng, pairs)

    def topic(self, year: int, force: str | None) -> _Topic:
        if force and force.startswith("form:"):
            return TOPICS[0]  # jalan_rusak -> PUTR, so the forced spellings name one OPD
        weights = [t.weight * dict(t.years).get(year, 1.0 if not t.years else 0.3) for t in TOPICS]
        return self.rng.choices(TOPICS, weights=weights)[0]

    def route(self, topic: _Topic, kec: str, desa: str, force: str | None) -> Agency:
        code = "PUTR" if force and force.startswith("form:") else _choice(self.rng, topic.route)
        if code == "@DESA":
            if desa in self.village_agency:
                return self.village_agency[desa]
            code = "@KEC"
        if code == "@KEC":
            return self.by_code["KEC-" + kec.upper().replace(" ", "")]
        if code == "@RS":
            hospitals = [a for a in self.directory if a.kind == "rsud"]
            return self.rng.choice(hospitals) if hospitals else self.by_code["DINKES"]
        return self.by_code[code]

    def parts(self, topic: _Topic, kind: str, st: _RowState, source: str, force: str | None) -> list[_Part]:
        rng = self.rng
        parts: list[_Part] = []

        def add(template: str, p: float = 1.0) -> None:
            if rng.random() < p:
                parts.append(st.fill(template))

        short = source == "SMS"
        if not short:
            add(rng.choice(GREETINGS), 0.55)
        add(rng.choice(NAME_INTROS), 0.15 if short else 0.35)
        problems = list(topic.problems)
        rng.shuffle(problems)
        add(problems[0])
        if not short:
            add(problems[1 % len(problems)], 0.3)
            if topic.details:
                add(rng.choice(topic.details), 0.55)
            add(rng.choice(IMPACTS), 0.25)
            add(rng.choice(PREVIOUS), 0.04)
        add(rng.choice(topic.asks or GENERIC_ASKS) if rng.random() < 0.6 else rng.choice(GENERIC_ASKS), 0.8)
        if not short:
            add(rng.choice(ADDRESS_LINES), 0.1)
        add(rng.choice(NIK_LINES), topic.nik)
        add(rng.choice(PHONE_LINES), 0.3)
        add(rng.choice(EMAIL_LINES), 0.05 if short else 0.1)
        add(rng.choice(CLOSINGS), 1.0 if force in ("glued", "pii_glued") else (0.2 if short else 0.5))
        self.style(parts, kind, short)
        if force == "pii_glued":  # "hp 0812...7890Terima kasih": a value ending right before the next line
            parts.insert(len(parts) - 1, st.fill(rng.choice(PHONE_LINES)))
        return parts

    def style(self, parts: list[_Part], kind: str, short: bool) -> None:
        """Informal writing on the non-personal parts only, so every personal value stays as inserted."""
        rng = self.rng
        slang = rng.random() < 0.5
        caps = rng.random() < (0.4 if short else 0.07)
        lower = not caps and rng.random() < 0.12
        for p in parts:
            if p.pii:
                p.text += "" if rng.random() < 0.7 else "."
                continue
            t = p.text
            if slang:
                t = _SLANG_RE.sub(lambda m: rng.choice(SLANG[m.group(1)]) if rng.random() < 0.6 else m.group(1), t)
            if rng.random() < 0.08:
                t = _typo(rng, t)
            t = t.upper() if caps else t.lower() if lower else (t[:1].upper() + t[1:] if rng.random() < 0.7 else t)
            end = rng.choices((".", "", "!", "..", "!!!", "?"), weights=(50, 30, 7, 5, 3, 5 if kind ==
                                                                          "informasi" else 0))[0]
            p.text = t + end

    def join(self, parts: list[_Part], force: str | None, values: Sequence[str] = ()) -> tuple[str, set[str]]:
        """Join parts the way LAPOR! strips line breaks: often with no space at all."""
        rng = self.rng
        quirks: set[str] = set()
        if not parts:
            return "", quirks
        rate = 0.0
        if self.messy:
            rate = 1.0 if force in ("glued", "pii_glued") else (0.0 if rng.random() < 0.35 else rng.uniform(0.3, 0.9))
        out = [parts[0].text]
        for prev, cur in zip(parts, parts[1:], strict=False):
            glue = rng.random() < rate
            if force == "pii_glued" and prev.pii:
                glue = True
            if glue:
                if cur.text[:1].isalpha():  # "rusakMohon", "mengganggu.jalan"
                    quirks.add("glued")
                    if prev.pii and any(prev.text.endswith(v) for v in values):
                        quirks.add("pii_glued")
                out.append(cur.text)
            else:
                out.append(" " + cur.text)
        return "".join(out), quirks

    def decorate(self, text: str, parts: list[_Part], source: str, force: str | None) -> tuple[str, set[str]]:
        """Entities, emoji and zero-width characters, never inside a personal value."""
        rng = self.rng
        quirks: set[str] = set()
        if not self.messy or not text:
            return text, quirks
        safe = [p.text for p in parts if not p.pii]
        if force == "html_entity" or (force is None and rng.random() < 0.03):
            if " dan " in text and force != "html_entity":
                text = text.replace(" dan ", " &amp; ", 1)
            else:
                text = text + rng.choice((" &amp; sekitarnya", " jl &amp; gang sekitarnya", " &quot;katanya&quot;"))
                if force == "html_entity" and "&amp;" not in text:
                    text += " &amp;"
            quirks.add("html_entity")
        p_emoji = 0.2 if source in ("Instagram", "Whatsapp", "Twitter", "Facebook") else 0.04
        if force == "emoji" or (force is None and rng.random() < p_emoji):
            e = rng.choice(EMOJI)
            text = text + e if rng.random() < 0.6 or not safe else text.replace(safe[0], safe[0] + " " + e, 1)
            quirks.add("emoji")
        if force == "zero_width" or (force is None and rng.random() < 0.02):
            target = safe[-1] if safe else ""
            cut = len(target) // 2
            if target and cut:
                text = text.replace(target, target[:cut] + ZWSP + target[cut:], 1)
            else:
                text = ZWSP + text
            quirks.add("zero_width")
        return text, quirks

    def long_parts(self, topic: _Topic, st: _RowState, parts: list[_Part]) -> list[_Part]:
        """A very long report: the same complaint retold with its whole chronology (5-15 k characters)."""
        rng = self.rng
        target = rng.randint(5_000, 15_000)
        pool = list(topic.problems) + list(topic.details) + list(CHRONOLOGY) + list(IMPACTS)
        out = list(parts[:-1]) if parts else []
        size = sum(len(p.text) + 1 for p in out)
        while size < target:
            p = st.fill(rng.choice(pool))
            p.text = p.text[:1].upper() + p.text[1:] + "."
            out.append(p)
            size += len(p.text) + 1
        out.extend(parts[-1:])
        return out

    def title(self, topic: _Topic, st: _RowState, text: str, parts: list[_Part],
              force: str | None) -> tuple[str, set[str]]:
        rng = self.rng
        if self.messy and (force == "empty_title" or (force is None and rng.random() < 0.01)):
            return "", {"empty_title"}
        if self.messy and (force == "long_title" or (force is None and rng.random() < 0.006)):
            # The whole report pasted into the title field.
            body = " ".join(p.text for p in parts if not p.pii) or st.fill(topic.problems[0]).text
            while len(body) <= 300:
                body += " " + st.fill(rng.choice(topic.problems + topic.details)).text
            return body, {"long_title"}
        r = rng.random()
        if r < 0.6:
            title = st.fill(rng.choice(topic.titles)).text
        elif r < 0.75 and text.strip(ZWSP):
            title = " ".join(text.split()[: rng.randint(4, 9)])
            # a title cut from the text would carry a personal value only partly: keep titles clean of it
            if any(v in text and v.split()[0] in title for _, v in st.pii):
                title = st.fill(rng.choice(topic.titles)).text
        elif r < 0.85:
            title = st.fill(rng.choice(topic.titles)).text.upper() + rng.choice(("", "!!!", "!!"))
        elif r < 0.97:
            title = rng.choice(("Laporan", "Pengaduan", "Mohon Bantuan", "Keluhan Warga", "Pengaduan Masyarakat"))
        else:
            title = st.fill("Pengaduan a.n. {name}").text
        return title, set()

    def final_text(self, text: str, parts: list[_Part], source: str, kec: str,
                   force: str | None) -> tuple[str, set[str]]:
        """isi_laporan_akhir: usually the text as sent, sometimes as the admin edited it, sometimes empty."""
        rng = self.rng
        if self.messy and (force == "empty_final_text" or (force is None and rng.random() < 0.12)):
            return "", {"empty_final_text"}
        if not parts:
            return text, set()
        if self.messy and (force == "newline" or (force is None and rng.random() < 0.02)):
            return "\n".join(p.text for p in parts), {"newline", "admin_edited"}
        if force == "admin_edited" or (force is None and rng.random() < 0.2):
            edit = rng.choice(("respace", "drop_pii", "prefix", "trim"))
            if edit == "drop_pii" and any(p.pii for p in parts):
                kept = [p.text for p in parts if not p.pii] or [parts[0].text]
                return " ".join(kept), {"admin_edited"}
            if edit == "prefix":
                return f"Lokasi: Kecamatan {kec}. " + " ".join(p.text for p in parts), {"admin_edited"}
            if edit == "trim" and len(parts) > 2:
                return " ".join(p.text for p in parts[: max(2, len(parts) * 2 // 3)]), {"admin_edited"}
            respaced = " ".join(p.text for p in parts)
            if respaced != text:
                return respaced, {"admin_edited"}
            return f"[{source}] " + respaced, {"admin_edited"}
        return text, set()

    def status(self, stamp: dt.datetime, force: str | None) -> tuple[str, str]:
        rng = self.rng
        if self.messy and (force == "unknown_status" or (force is None and rng.random() < 0.01)):
            return rng.choice(UNKNOWN_STATUSES), ""
        end = dt.datetime(self.years[1] + 1, 1, 1, tzinfo=WIB)
        recent = (end - stamp).days < 45  # still being handled when the export was made
        weights = {
            "Belum Terverifikasi": 6 if recent else 1.5, "Menunggu Kelengkapan Informasi": 4,
            "Terverifikasi": 5 if recent else 2, "Terdisposisi": 14 if recent else 6,
            "Ditindaklanjuti": 16 if recent else 12, "Selesai": 10 if recent else 33,
            "Ditutup Oleh Sistem": 8, "Ditutup Oleh Admin": 3, "Ditutup Oleh Pelapor": 3,
            "Diarsipkan Oleh Admin": 9, "Diarsipkan Oleh Sistem": 4, "Konten Terblokir": 1.5,
        }
        if force == "placeholder_agency" or force == "empty_agency":
            status = "Diarsipkan Oleh Admin"
        else:
            status = rng.choices(list(weights), weights=list(weights.values()))[0]
        instansi = self.office.instansi
        alasan = ""
        if status.startswith("Diarsipkan"):
            alasan = rng.choice(("Laporan tidak jelas", f"Bukan kewenangan {instansi}", "Laporan mengandung SARA",
                                 "Duplikasi laporan", "Pelapor tidak melengkapi informasi",
                                 "Laporan bersifat pribadi", "Laporan sudah ditangani melalui kanal lain"))
            if self.messy and rng.random() < 0.05:
                alasan = ""
        elif status == "Konten Terblokir":
            alasan = rng.choice(("Laporan mengandung SARA", "Mengandung kata-kata tidak pantas"))
        elif status == "Menunggu Kelengkapan Informasi":
            alasan = rng.choice(("Mohon lengkapi lokasi kejadian", "Mohon lampirkan foto pendukung",
                                 "Informasi kurang lengkap"))
        elif status == "Ditutup Oleh Admin" and rng.random() < 0.5:
            alasan = rng.choice(("Laporan tidak jelas", "Duplikasi laporan"))
        return status, alasan

    def status_final(self, status: str) -> str:
        rng = self.rng
        if self.messy and rng.random() < 0.02:
            return "" if rng.random() < 0.5 else rng.choice(UNKNOWN_STATUSES)
        if status in ("Terverifikasi", "Terdisposisi", "Ditindaklanjuti"):
            return rng.choices((status, "Selesai", "Ditutup Oleh Sistem"), weights=(3, 6, 1))[0]
        return status

    def written_agency(self, agency: Agency, status: str, force: str | None) -> tuple[str, str | None, set[str]]:
        """dinas_tujuan as written, its canonical agency, and its quirks."""
        rng = self.rng
        if not self.messy:
            return agency.name, agency.name, set()
        undispatched = status in ("Belum Terverifikasi", "Menunggu Kelengkapan Informasi", "Konten Terblokir") \
            or status.startswith("Diarsipkan")
        if force == "empty_agency" or (force is None and rng.random() < (0.1 if undispatched else 0.004)):
            return "", None, {"empty_agency"}
        if force == "placeholder_agency" or (force is None and rng.random() < (0.4 if undispatched else 0.03)):
            return PLACEHOLDER_AGENCY, None, {"placeholder_agency"}
        if force and force.startswith("form:"):
            written = agency.forms[int(force.split(":")[1]) % len(agency.forms)]
        else:
            written = rng.choices(agency.forms, weights=agency.form_weights)[0]
        return written, agency.name, ({"agency_variant"} if written != agency.name else set())

    def date_time(self, stamp: dt.datetime, force: str | None) -> tuple[str, str, set[str]]:
        rng = self.rng
        date, time = f"{stamp:%Y-%m-%d}", f"{stamp:%H:%M:%S}"
        if not self.messy:
            return date, time, set()
        if force and force.startswith("broken_date:"):
            return force.split(":", 1)[1], time, {"broken_date"}
        if force is None and rng.random() < 0.012:
            return rng.choice(BROKEN_DATES), time, {"broken_date"}
        if force == "empty_date" or (force is None and rng.random() < 0.005):
            return "", time, {"empty_date"}
        if force == "empty_time" or (force is None and rng.random() < 0.01):
            return date, "", {"empty_time"}
        return date, time, set()

    def klasifikasi(self, topic: _Topic, kind: str, force: str | None) -> tuple[str, set[str]]:
        rng = self.rng
        if kind == "informasi":
            value = "Permintaan Informasi"
        elif kind == "aspirasi":
            value = "Aspirasi"
        else:
            value = KLASIFIKASI[0] if rng.random() < topic.oversight else KLASIFIKASI[1]
        if self.messy and rng.random() < 0.05:
            value = rng.choice(KLASIFIKASI)  # verifiers disagree with the template now and then
        if self.messy and (force == "odd_klasifikasi" or (force is None and rng.random() < 0.05)):
            odd = rng.choice((value.lower(), value.upper(), f" {value} ", value.replace(" ", "  ", 1)))
            if odd == value:
                odd = value.upper()
            return odd, {"odd_klasifikasi"}
        return value, set()


def _typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
    if not long_words:
        return text
    i = rng.choice(long_words)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def make_rows(n: int = 300, seed: int = 0, office: str | Office = "Kabupaten Bandung", messy: bool = True,
              duplicates: int = 0, years: tuple[int, int] = (2021, 2024)) -> list[ExportRow]:
    """n export rows in date order, deterministic for a seed.

    messy=True gives the real shape (see QUIRKS); with n >= MIN_ROWS_FOR_ALL_QUIRKS each quirk except
    "duplicate_id" is present at least once. messy=False gives the same kind of reports written cleanly:
    valid dates, canonical agency names, known statuses, no glued or empty texts.
    duplicates: that many of the n rows repeat an earlier row's tracking id, right after it (half exact
    copies, half the same report dispatched to a second agency, as LAPOR! exports one row per dispatch).
    """
    if n < 0 or duplicates < 0 or duplicates > n // 2:
        raise ValueError("need 0 <= duplicates <= n // 2")
    o = office_for(office)
    gen = _Generator(seed, o, messy, years)
    base_n = n - duplicates
    stamps = gen.datetimes(base_n)
    ids = gen.tracking_ids(stamps)
    forced: dict[int, str] = {}
    if messy and base_n >= len(_FORCED):
        forced = dict(zip(gen.rng.sample(range(base_n), len(_FORCED)), _FORCED, strict=True))
    rows = [gen.row(s, i, forced.get(k)) for k, (s, i) in enumerate(zip(stamps, ids, strict=True))]
    if duplicates:
        for k in sorted(gen.rng.sample(range(base_n), duplicates), reverse=True):
            rows.insert(k + 1, _duplicate(gen, rows[k]))
    return rows


def _duplicate(gen: _Generator, row: ExportRow) -> ExportRow:
    values = dict(row.values)
    quirks = set(row.quirks) | {"duplicate_id"}
    canonical = row.canonical_agency
    if gen.rng.random() < 0.5:
        # a second dispatch of the same report: another agency, still open
        current = canonical
        options = [a for a in gen.directory if a.kind in ("dinas", "badan", "kecamatan") and a.name != current]
        agency = gen.rng.choice(options)
        written, canonical, agency_quirks = gen.written_agency(agency, "Terdisposisi", "form:0")
        quirks -= {"placeholder_agency", "empty_agency", "agency_variant"}
        quirks |= agency_quirks
        values.update(dinas_tujuan=written, status="Terdisposisi", status_final="Ditindaklanjuti", alasan_tunda="")
        quirks.discard("unknown_status")
    return ExportRow(values, canonical, list(row.pii), row.topic, frozenset(quirks), row.received_at)


# ------------------------------------------------------------------------------------------- writing

def _dmy(value: str) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else value


def _cell(column: str, value: str, xlsx: bool, date_format: str, ids_as_numbers: bool):
    if column == "tanggal_masuk":
        if date_format == "dmy":
            return _dmy(value)
        if date_format == "excel":
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                day = None
            # Excel has no dates before 1900: a broken date stays a text cell, as it does in real files
            return day if day and day.year >= 1900 else (value or None)
        return value
    if column == "waktu_masuk" and date_format == "excel" and value:
        return dt.time.fromisoformat(value)
    if xlsx and ids_as_numbers and column in ("tracking_id", "id_kategori") and value.isdigit():
        return int(value)
    if xlsx and value == "":
        return None
    return value


def write_export(path: str | Path, rows: Sequence[ExportRow], fmt: str | None = None, headers: str = "snake", *,
                 columns: Sequence[str] = SNAKE_HEADERS, date_format: str = "iso", title: str | None = None,
                 delimiter: str = ",", encoding: str = "utf-8", ids_as_numbers: bool = True,
                 sheet_name: str = "Laporan") -> Path:
    """Write rows as LAPOR! exports them.

    fmt: "csv" or "xlsx" (default from the suffix). headers: "snake" (tracking_id, ...) or "title"
    (Tracking ID, ...). columns: which columns, in order (TITLE_CORE for the short export).
    date_format: "iso" (2023-05-14), "dmy" (14/05/2023) or "excel" (date and time cells; XLSX only).
    title: a title line above the header, as some exports have. ids_as_numbers: XLSX stores
    tracking_id and id_kategori as number cells, as a spreadsheet does.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in ("csv", "xlsx"):
        raise ValueError(f"fmt must be 'csv' or 'xlsx', not {fmt!r}")
    if headers not in ("snake", "title"):
        raise ValueError("headers must be 'snake' or 'title'")
    if date_format not in ("iso", "dmy", "excel") or (date_format == "excel" and fmt != "xlsx"):
        raise ValueError("date_format must be 'iso', 'dmy' or (XLSX only) 'excel'")
    unknown = [c for c in columns if c not in TITLE_HEADERS]
    if unknown:
        raise ValueError(f"unknown columns: {unknown}")
    header = [TITLE_HEADERS[c] if headers == "title" else c for c in columns]
    xlsx = fmt == "xlsx"
    body = ([_cell(c, r.values[c], xlsx, date_format, ids_as_numbers) for c in columns] for r in rows)
    if xlsx:
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(sheet_name)
        if title:
            ws.append([title])
        ws.append(header)
        for cells in body:
            ws.append(cells)
        wb.save(path)
    else:
        with path.open("w", encoding=encoding, newline="") as fh:
            w = csv.writer(fh, delimiter=delimiter)
            if title:
                w.writerow([title])
            w.writerow(header)
            w.writerows(body)
    return path


def _main(argv: Sequence[str] | None = None) -> None:
    import argparse
    import tempfile
    import time

    ap = argparse.ArgumentParser(description="Time the fictional LAPOR! export generator.")
    ap.add_argument("--rows", type=int, default=2128)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, help="also keep a file (.csv or .xlsx)")
    ap.add_argument("--mask-check", action="store_true",
                    help="count inserted personal values that survive triage.text.pii.mask, per kind")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    rows = make_rows(args.rows, seed=args.seed, duplicates=args.rows // 100)
    t1 = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        write_export(Path(d) / "x.csv", rows)
        t2 = time.perf_counter()
        write_export(Path(d) / "x.xlsx", rows)
        t3 = time.perf_counter()
    print(f"{len(rows)} rows: generate {t1 - t0:.3f} s, write CSV {t2 - t1:.3f} s, write XLSX {t3 - t2:.3f} s")
    if args.out:
        write_export(args.out, rows)
        print(f"wrote {args.out}")
    if args.mask_check:
        from triage.text.pii import mask

        total: dict[str, int] = {}
        survived: dict[str, int] = {}
        for r in rows:
            masked = " ".join(mask(r.values[c]) for c in ("judul", "isi_laporan_awal", "isi_laporan_akhir"))
            for kind, value in r.pii:
                total[kind] = total.get(kind, 0) + 1
                survived[kind] = survived.get(kind, 0) + (value in masked)
        for kind in PII_KINDS:
            if kind in total:
                print(f"{kind:9} inserted {total[kind]:5}  survive masking {survived[kind]:5}")


if __name__ == "__main__":
    _main()
