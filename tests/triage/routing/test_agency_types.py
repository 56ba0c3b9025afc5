"""The knowledge base of perangkat daerah types and the matching of directory entries to types."""

from __future__ import annotations

import pytest
import yaml

from triage.data import load_agencies
from triage.routing.agency_types import (
    DEFAULT_TYPES_PATH,
    AgencyTypesError,
    detect_region,
    load_agency_types,
    match_directory,
    match_entry,
)
from triage.routing.directory import AgencyEntry, entries_from_records

# The shipped sample directory (Kabupaten Sukamaju Raya), by code: expected types in order.
SAMPLE_TYPES = {
    "SETDA": ("setda", "bagian_umum"),          # alias "Bagian Umum Setda"
    "INSPEKTORAT": ("inspektorat",),
    "DPUPR": ("pupr",),
    "DISHUB": ("perhubungan",),
    "DLH": ("lingkungan_hidup",),
    "DISDUKCAPIL": ("dukcapil",),
    "DINSOS": ("sosial", "p3a"),                # alias "Dinas Sosial Pemberdayaan Perempuan dan ..."
    "DINKES": ("kesehatan",),
    "RSUD": ("rsud",),
    "DISDIK": ("pendidikan", "kebudayaan"),     # "Dinas Pendidikan dan Kebudayaan"
    "SATPOLPP": ("satpol_pp",),
    "PDAM": ("pdam",),
    "BPBD": ("bpbd",),
    "DAMKAR": ("damkar",),
    "DISKOMINFO": ("kominfo",),
    "DPMPTSP": ("dpmptsp",),
    "DISNAKER": ("tenaga_kerja",),
    "DISPERKIM": ("perkim",),
    "BAPENDA": ("bapenda",),
    "DISPERINDAG": ("perindustrian", "perdagangan"),
    "KEC_SUKAJADI": ("kecamatan",),
    "KEC_CIBEUREUM": ("kecamatan",),
    "KEC_NGADIREJO": ("kecamatan",),
    "KEC_KARANGMULYA": ("kecamatan",),
    "KEC_TANJUNGSARI": ("kecamatan",),
}


def sample_entries():
    return entries_from_records(enumerate(load_agencies(), start=2), source="agencies.csv")


def test_shipped_knowledge_base_is_valid_and_rich():
    kb = load_agency_types()
    assert {"pupr", "perhubungan", "lingkungan_hidup", "dukcapil", "kecamatan", "kelurahan", "desa"} <= set(kb.types)
    for code in ("pupr", "perhubungan", "lingkungan_hidup", "dukcapil", "sosial", "kesehatan", "pendidikan",
                 "satpol_pp", "tenaga_kerja", "perkim", "pdam", "kominfo"):
        assert 40 <= len(kb.types[code].words) <= 140, code
    assert set(kb.place_types) == {"kecamatan", "kelurahan", "desa"}
    assert "gorong-gorong" in kb.types["pupr"].words and "blangko" in kb.types["dukcapil"].words


def test_sample_directory_maps_every_agency_to_its_types():
    entries = sample_entries()
    matches = match_directory(entries)
    got = {e.code: m.types for e, m in zip(entries, matches, strict=True)}
    assert got == SAMPLE_TYPES
    places = {e.code: m.place for e, m in zip(entries, matches, strict=True) if m.place}
    assert places == {"KEC_SUKAJADI": "sukajadi", "KEC_CIBEUREUM": "cibeureum", "KEC_NGADIREJO": "ngadirejo",
                      "KEC_KARANGMULYA": "karangmulya", "KEC_TANJUNGSARI": "tanjungsari"}
    assert detect_region(entries) == ("sukamaju", "raya")


@pytest.mark.parametrize("name, types, place", [
    ("Dinas Pekerjaan Umum Dan Tata Ruang Kab. Bandung", ("pupr",), None),
    ("Dinas Kesehatan Kabupaten Bandung", ("kesehatan",), None),
    ("Kecamatan Baleendah", ("kecamatan",), "baleendah"),
    ("Kec. Baleendah", ("kecamatan",), "baleendah"),
    ("Kantor Kecamatan Baleendah Kabupaten Bandung", ("kecamatan",), "baleendah"),
    ("Kelurahan Dukuh Setro", ("kelurahan",), "dukuh setro"),
    ("Kelurahan dr. Soetomo", ("kelurahan",), "dr soetomo"),
    ("Desa Sukamaju", ("desa",), "sukamaju"),
    ("Pemerintah Desa Cibodas", ("desa",), "cibodas"),
    ("Dinas Sumber Daya Air dan Bina Marga", ("pupr",), None),
    ("DPUPR Kabupaten Sleman", ("pupr",), None),
    ("Dinas Perhubungan Kota Bogor", ("perhubungan",), None),
    ("Dishub", ("perhubungan",), None),
    ("Dinas Lingkungan Hidup dan Kebersihan", ("lingkungan_hidup",), None),
    ("Dinas Kependudukan dan Pencatatan Sipil", ("dukcapil",), None),
    ("Disdukcapil Kab. Garut", ("dukcapil",), None),
    ("Satuan Polisi Pamong Praja", ("satpol_pp",), None),
    ("Badan Penanggulangan Bencana Daerah", ("bpbd",), None),
    ("Dinas Komunikasi dan Informatika", ("kominfo",), None),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", ("dpmptsp",), None),
    ("Dinas Tenaga Kerja dan Transmigrasi", ("tenaga_kerja",), None),
    ("Badan Pendapatan Daerah", ("bapenda",), None),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", ("bpkad",), None),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", ("bkpsdm",), None),
    ("Badan Kesatuan Bangsa dan Politik", ("kesbangpol",), None),
    ("Badan Perencanaan Pembangunan Daerah Penelitian dan Pengembangan", ("bappeda",), None),
    ("Bagian Perekonomian dan Sumber Daya Alam", ("bagian_perekonomian",), None),
    ("Bagian Hukum dan Kerjasama", ("bagian_hukum",), None),
    ("Inspektorat Daerah Kabupaten Bandung", ("inspektorat",), None),
    ("RSUD dr. Mohamad Soewandhie", ("rsud",), None),
    ("Perumda Air Minum Tirta Raharja", ("pdam",), None),
    ("Dinas Pemadam Kebakaran dan Penyelamatan", ("damkar",), None),
    ("Dinas Pemberdayaan Masyarakat dan Desa", ("pmd",), None),
    ("Dinas Perpustakaan dan Kearsipan", ("perpustakaan",), None),
    ("Sekretariat DPRD", ("dprd",), None),
    # Combined offices have several types, in the order of their name.
    ("Dinas Kebudayaan, Kepemudaan dan Olahraga serta Pariwisata", ("kebudayaan", "pemuda_olahraga", "pariwisata"), None),
    ("Dinas Koperasi, Usaha Kecil dan Menengah dan Perdagangan", ("koperasi_umkm", "perdagangan"), None),
    ("Dinas Perindustrian dan Tenaga Kerja", ("perindustrian", "tenaga_kerja"), None),
    ("Dinas Ketahanan Pangan dan Pertanian", ("ketahanan_pangan", "pertanian"), None),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman serta Pertanahan", ("perkim",), None),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak serta Pengendalian Penduduk dan Keluarga Berencana",
     ("p3a", "kb"), None),
    ("Bagian Pemerintahan dan Kesejahteraan Rakyat", ("bagian_pemerintahan", "bagian_kesra"), None),
    ("Dinas Pertanian dan Pangan", ("pertanian", "ketahanan_pangan"), None),
    ("Disdikbud Kabupaten Ciamis", ("pendidikan", "kebudayaan"), None),
])
def test_real_world_names(name, types, place):
    m = match_entry(AgencyEntry(code="X", name=name))
    assert m.types == types
    assert m.place == place


def test_qualified_place_names_and_type_column():
    m = match_entry(AgencyEntry(code="X", name="Kelurahan Wonorejo - Rungkut"))
    assert (m.types, m.place, m.qualifier) == (("kelurahan",), "wonorejo", "rungkut")
    m = match_entry(AgencyEntry(code="X", name="Desa Sukamaju Kecamatan Cibeureum"))
    assert (m.types, m.place, m.qualifier) == (("desa",), "sukamaju", "cibeureum")
    # The explicit type column wins over the name.
    m = match_entry(AgencyEntry(code="X", name="Dinas Kesehatan", type="rsud|kesehatan"))
    assert m.types == ("rsud", "kesehatan") and m.source == "type column"
    with pytest.raises(ValueError, match="unknown type 'rumah_sakit'"):
        match_entry(AgencyEntry(code="X", name="RSUD", type="rumah_sakit"))
    # An alias can add a type; a name with no known type gets none.
    m = match_entry(AgencyEntry(code="X", name="UPT Terminal Terpadu", aliases=("Dishub Terminal",)))
    assert m.types == ("perhubungan",) and m.source == "alias"
    assert match_entry(AgencyEntry(code="X", name="Kantor Urusan Lain-lain")).types == ()


def test_region_name_is_removed_before_matching():
    entries = [AgencyEntry(code="A", name="Dinas Sosial Kabupaten Tanah Datar"),
               AgencyEntry(code="B", name="RSUD Kabupaten Tanah Datar"),
               AgencyEntry(code="C", name="Dinas Pertanian Kabupaten Tanah Datar")]
    assert detect_region(entries) == ("tanah", "datar")
    # "Tanah" would otherwise look like land affairs (pertanahan is a perkim word, not a pattern).
    assert [m.types for m in match_directory(entries)] == [("sosial",), ("rsud",), ("pertanian",)]
    assert [m.types for m in match_directory(entries, region="Kabupaten Tanah Datar")] == \
        [("sosial",), ("rsud",), ("pertanian",)]


def _write(tmp_path, data):
    path = tmp_path / "types.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("mutate, key", [
    (lambda d: d["types"]["pupr"].pop("label"), "types.pupr.label"),
    (lambda d: d["types"]["pupr"]["words"].__setitem__(3, 7), "types.pupr.words[3]"),
    (lambda d: d["types"]["pupr"].__setitem__("fallback", ["nope"]), "types.pupr.fallback[0]"),
    (lambda d: d["types"]["pupr"].__setitem__("tier", 6), "types.pupr.tier"),
    (lambda d: d["types"]["pupr"].__setitem__("colour", "red"), "types.pupr.colour"),
    (lambda d: d["types"]["pupr"]["words"].append("jalan ~"), "types.pupr.words["),
    (lambda d: d["types"].__setitem__("Bad-Code", d["types"]["pupr"]), "types.Bad-Code"),
    (lambda d: d["place_prefixes"].__setitem__("pupr", ["x"]), "place_prefixes.pupr"),
    (lambda d: d.__setitem__("version", 2), "version"),
])
def test_knowledge_base_errors_name_the_key(tmp_path, mutate, key):
    data = yaml.safe_load(DEFAULT_TYPES_PATH.read_text(encoding="utf-8"))
    mutate(data)
    with pytest.raises(AgencyTypesError) as err:
        load_agency_types(_write(tmp_path, data))
    assert key in str(err.value)
