import pytest

from api.imports.agencies import AgencyMatcher
from triage.data import load_agencies


@pytest.fixture(scope="module")
def matcher():
    return AgencyMatcher(load_agencies(), region_words={"sukamaju", "raya"})


@pytest.mark.parametrize("raw, code, method", [
    ("DPUPR", "DPUPR", "code"),
    ("dinas sosial", "DINSOS", "name"),
    ("Dinas PU", "DPUPR", "alias"),
    ("  DISDUKCAPIL ", "DISDUKCAPIL", "code"),
    ("Dinas Pekerjan Umum dan Penataan Ruang", "DPUPR", "fuzzy"),  # typo
    ("Dinas Kesehatan Kab. Sukamaju Raya", "DINKES", "fuzzy"),  # region words
    ("Dinas Kesehatan Bidang P2P", "DINKES", "fuzzy"),  # directory name inside a longer one
])
def test_confident_matches(matcher, raw, code, method):
    m = matcher.match(raw)
    assert (m.code, m.method) == (code, method), m


def test_unknown_names_go_to_review(matcher):
    m = matcher.match("Kantor Pos Indonesia")
    assert m.code is None and m.method == "review"


def test_near_miss_goes_to_review_with_a_candidate(matcher):
    m = matcher.match("Dinas Perhubungn dan Parkir")
    assert m.code is None and m.method == "review" and m.candidate == "DISHUB"


def test_resolved_names_win(matcher):
    m = AgencyMatcher(load_agencies(), resolved={"kantor pos indonesia": "DISKOMINFO"}).match("Kantor Pos Indonesia")
    assert (m.code, m.method) == ("DISKOMINFO", "reviewed")


def test_empty_is_empty(matcher):
    assert matcher.match("").method == "empty" and matcher.match(None).code is None


@pytest.mark.parametrize("raw, code", [
    ("Kec. Cibeureum", "KEC_CIBEUREUM"),  # "Kec." = "Kecamatan": an exact name, not a guess
    ("KECAMATAN CIBEUREUM Kab. Sukamaju Raya", "KEC_CIBEUREUM"),
    ("Kec Cibeurem", "KEC_CIBEUREUM"),  # a typo in the place
])
def test_kecamatan_spellings(matcher, raw, code):
    assert matcher.match(raw).code == code


@pytest.mark.parametrize("raw", ["Kecamatan Baleendah", "Kecamatan Sukajadi Barat", "Kelurahan Cibeureum"])
def test_another_territory_is_never_matched_nor_suggested(matcher, raw):
    m = matcher.match(raw)
    assert m.code is None and m.method == "review" and m.candidate is None, m
    assert all(code.startswith("KEC_") for code, _ in matcher.candidates("Kecamatan Baleendah"))
    assert matcher.candidates("Kelurahan Cibeureum") == []  # a kelurahan is not a kecamatan


def test_exact_match_is_code_name_or_alias(matcher):
    assert matcher.exact_match("dinas   KESEHATAN") == "DINKES"
    assert matcher.exact_match("Dinas Kesehatan Bidang P2P") is None
