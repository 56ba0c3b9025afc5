"""The serving TF-IDF (exported vocabulary, idf and analyser settings, no scikit-learn) gives scikit-learn's
``TfidfVectorizer.transform`` bit for bit: same tokens and n-grams in the same order, same weights."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from triage.data import load_sample_complaints
from triage.encoders.tfidf_runtime import VectorizerRuntime, build_analyser, vectorizer_export
from triage.text.normalizer import TextNormalizer

RAW = load_sample_complaints()["text"].tolist()
NORM = TextNormalizer().fit(RAW).transform(RAW)
ODD = ["", "   ", "Café déjà vu — naïve Ñandú", "jalan  jalan\tjalan\n\nrusak 😡!!", "ＡＢＣ zero\u200bwidth",
       "a", "ab", "x y z", "KTP-el belum jadi... 3 bulan"]

VARIANTS = {
    "word 1-2, sublinear (the bundle's)": dict(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b",
                                               dtype=np.float32),
    "char_wb 2-5 (the bundle's)": dict(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, dtype=np.float32),
    "char 1-3, accents unicode": dict(analyzer="char", ngram_range=(1, 3), strip_accents="unicode"),
    "word 1-3, accents ascii, no lowercase": dict(ngram_range=(1, 3), strip_accents="ascii", lowercase=False),
    "word 2-2, stop words, binary": dict(ngram_range=(2, 2), stop_words=["di", "dan", "yang"], binary=True),
    "english stop words, no idf, no norm": dict(stop_words="english", use_idf=False, norm=None),
    "char_wb 1-1, smooth off": dict(analyzer="char_wb", ngram_range=(1, 1), smooth_idf=False),
}


def _mirror(vec: TfidfVectorizer) -> VectorizerRuntime:
    got = vectorizer_export(vec)
    assert not isinstance(got, str), got
    return VectorizerRuntime(*got)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_mirror_transform_is_scikit_learns_bit_for_bit(name):
    docs = RAW[:300]
    vec = TfidfVectorizer(**VARIANTS[name]).fit(docs)
    probe = RAW[300:] + ODD
    want = vec.transform(probe)
    got = _mirror(vec).rows(probe)
    assert got.data.dtype == want.dtype and got.n_cols == want.shape[1]
    assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
    assert np.array_equal(got.data, want.data)
    mirror = _mirror(vec)
    for i, doc in enumerate(probe[:60] + ODD):  # one report at a time (a classify) takes its own path
        one, row = mirror.rows([doc]), vec.transform([doc])
        assert np.array_equal(one.indices, row.indices) and np.array_equal(one.data, row.data), i
        assert one.data.dtype == row.dtype and list(one.indptr) == [0, row.nnz]


@pytest.mark.parametrize("name", list(VARIANTS))
def test_mirror_analyser_gives_the_same_ngrams_in_the_same_order(name):
    vec = TfidfVectorizer(**VARIANTS[name]).fit(RAW[:100])
    settings = vectorizer_export(vec)[0]
    ours, theirs = build_analyser(settings), vec.build_analyzer()
    for doc in RAW[:50] + ODD:
        assert ours(doc) == theirs(doc)


def test_the_bundles_tfidf_export_equals_its_pickle(bundle_path):
    """On the shipped sample data: the bundle's pickled vectorizers against the exported ones."""
    from triage.bundle import load_bundle

    pickled = load_bundle(bundle_path, use_export=False).model.encoder_.tfidf_
    served = load_bundle(bundle_path).model.encoder_.tfidf_
    assert type(served).__name__ == "TfidfRuntime"
    for block in ("word_", "char_"):
        want = getattr(pickled, block).transform(NORM)
        got = getattr(served, block).rows(NORM)
        assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
        assert np.array_equal(got.data, want.data) and got.data.dtype == want.dtype
    assert list(served.word_feature_names()) == list(pickled.word_feature_names())
    assert served.describe() == pickled.describe()


@pytest.mark.parametrize("params, reason", [
    (dict(tokenizer=str.split, token_pattern=None), "custom tokenizer"),
    (dict(preprocessor=str.lower), "custom preprocessor"),
    (dict(analyzer=lambda d: d.split()), "analyzer"),
    (dict(norm="l1"), "norm"),
    (dict(strip_accents=lambda s: s), "strip_accents"),
])
def test_what_cannot_be_mirrored_says_why(params, reason):
    vec = TfidfVectorizer(**params).fit(RAW[:50])
    got = vectorizer_export(vec)
    assert isinstance(got, str) and reason in got


def test_char_wb_word_cache_is_bounded_and_exact_once_full():
    """The per-word cache of the char block stops growing at its limit; words past it are analysed each
    time and the rows stay scikit-learn's."""
    vec = TfidfVectorizer(**VARIANTS["char_wb 2-5 (the bundle's)"]).fit(RAW[:300])
    runtime = _mirror(vec)
    cache = runtime.word_cache
    cache.limit = 25
    probe = RAW[300:] + ODD
    got = runtime.rows(probe)
    want = vec.transform(probe)
    assert len(cache._cols) == 25
    assert np.array_equal(got.indices, want.indices) and np.array_equal(got.data, want.data)
    assert np.array_equal(runtime.rows(probe).data, want.data)  # the second pass reads the cache


def test_one_documents_counts_equal_numpys_unique():
    from triage.encoders.tfidf_runtime import _counted

    rng = np.random.default_rng(3)
    for n in (0, 1, 2, 7, 400):
        cols = rng.integers(0, 60, n).astype(np.int32)
        want = np.unique(cols.astype(np.int64), return_counts=True)
        got = _counted(cols)
        for g, w in zip(got, want, strict=True):
            assert g.dtype == w.dtype and np.array_equal(g, w)
