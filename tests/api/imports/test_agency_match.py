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
