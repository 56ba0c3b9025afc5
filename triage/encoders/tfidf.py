"""Sparse TF-IDF features: word 1-2 grams and character 2-5 grams.

Character n-grams absorb the typos and affix variation of informal
Indonesian ("rusak", "rusakk", "dirusak") without a stemmer.
"""

from __future__ import annotations

import io
import pickle
import re
from pathlib import Path
from types import SimpleNamespace

import joblib
import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2
from sklearn.utils.validation import check_is_fitted

from triage.encoders.rows import Rows, hstack_rows
from triage.text.placeholders import KINDS, MODEL

PICKLE, LEGACY = "tfidf.pkl", "tfidf.joblib"

# The character n-grams of "_telepon_" or "_nama_" are those of the words "telepon" and "nama": a
# reporter's masked phone number read as talk about telephones (Diskominfo), a masked name as talk about
# names on identity cards. For the character block each placeholder becomes an opaque "_<n>_" that
# shares no n-gram with a word; the word block keeps the placeholders as they are.
_OPAQUE = {MODEL[kind]: f"_{i}_" for i, kind in enumerate(KINDS)}
_PLACEHOLDER = re.compile("|".join(re.escape(t) for t in _OPAQUE))


def char_view(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: _OPAQUE[m.group(0)], text) if "_" in text else text


class TfidfEncoder(TransformerMixin, BaseEstimator):
    kind = "tfidf"
    # Encoders pickled before placeholders were opaque to the character block read them as words: the
    # class default keeps them reading what they were fitted on.
    opaque_placeholders = False

    def __init__(self, word_ngrams=(1, 2), char_ngrams=(2, 5), min_df=2, max_features=200_000, use_char=True,
                 opaque_placeholders=True):
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.max_features = max_features
        self.use_char = use_char
        self.opaque_placeholders = opaque_placeholders

    def fit(self, X, y=None):
        X = list(X)
        self.__dict__.pop("_word_names", None)
        self.__dict__.pop("_analyzers", None)
        # min_df=2 on a tiny corpus can leave nothing; fall back to 1.
        min_df = self.min_df if len(X) >= 50 else 1
        self.word_ = TfidfVectorizer(
            ngram_range=tuple(self.word_ngrams), min_df=min_df, sublinear_tf=True,
            max_features=self.max_features, token_pattern=r"(?u)\b\w+\b", dtype=np.float32,
        ).fit(X)
        self.char_ = None
        if self.use_char:
            self.char_ = TfidfVectorizer(
                analyzer="char_wb", ngram_range=tuple(self.char_ngrams), min_df=min_df, sublinear_tf=True,
                max_features=self.max_features, dtype=np.float32,
            ).fit(self._char_docs(X))
        return self

    def _char_docs(self, X: list[str]) -> list[str]:
        return [char_view(x) for x in X] if self.opaque_placeholders else X

    def transform(self, X):
        return hstack_rows(self.transform_rows(X))

    def transform_rows(self, X) -> list[Rows]:
        """The word block and the character block (see ``triage.encoders.rows``)."""
        check_is_fitted(self, "word_")
        X = list(X)
        parts = [_tfidf_rows(self.word_, self._analyzer("word", self.word_), X)]
        if self.char_ is not None:
            parts.append(_tfidf_rows(self.char_, self._analyzer("char", self.char_), self._char_docs(X)))
        return parts

    def _analyzer(self, key: str, vectorizer):
        cache = self.__dict__.setdefault("_analyzers", {})
        if key not in cache:
            cache[key] = vectorizer.build_analyzer()
        return cache[key]

    @property
    def word_vocabulary_size(self) -> int:
        return len(self.word_.vocabulary_)

    def word_feature_names(self) -> np.ndarray:
        """The word features' names, computed once per loaded encoder (sklearn builds them anew on
        every call: milliseconds per request only to name the "why" words)."""
        names = self.__dict__.get("_word_names")
        if names is None:
            names = self.__dict__["_word_names"] = self.word_.get_feature_names_out()
        return names

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_word_names", None)  # caches, not part of the saved model
        state.pop("_analyzers", None)
        return state

    def save(self, directory) -> None:
        # A plain pickle (protocol 5), not joblib: joblib reads its files with the pure-Python unpickler,
        # and the vocabularies' hundreds of thousands of strings took seconds of every start; the C
        # unpickler reads the same object in tens of milliseconds.
        with open(Path(directory) / PICKLE, "wb") as fh:
            pickle.dump(self, fh, protocol=5)

    @classmethod
    def load(cls, directory, digests: dict[str, str] | None = None):
        from triage.encoders.static_runtime import read_verified

        directory, digests = Path(directory), digests or {}
        if (directory / PICKLE).is_file():
            return pickle.loads(read_verified(directory / PICKLE, digests.get(PICKLE)))
        return load_joblib(directory / LEGACY, digests.get(LEGACY))  # bundles saved before the change

    def describe(self) -> dict:
        return {"kind": self.kind, "word_ngrams": list(self.word_ngrams), "char_ngrams": list(self.char_ngrams),
                "min_df": self.min_df, "use_char": self.use_char, "opaque_placeholders": self.opaque_placeholders}


def _tfidf_rows(vectorizer: TfidfVectorizer, analyze, docs: list[str]) -> Rows:
    """``vectorizer.transform(docs)`` step by step as scikit-learn does it (count the vocabulary's terms,
    sorted columns, sublinear tf, idf, l2 rows), without its input validation: on one short report that
    validation cost more than the arithmetic. tests/triage/encoders/test_round_trip.py checks equality."""
    vocab = vectorizer.vocabulary_
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for doc in docs:
        counter: dict[int, int] = {}
        for feature in analyze(doc):
            j = vocab.get(feature)
            if j is not None:
                counter[j] = counter.get(j, 0) + 1
        columns = sorted(counter)
        indices.extend(columns)
        counts.extend(counter[j] for j in columns)
        indptr.append(len(indices))
    data = np.asarray(counts, dtype=vectorizer.dtype)
    cols = np.asarray(indices, dtype=np.int32)
    ptr = np.asarray(indptr, dtype=np.int32)
    tfidf = vectorizer._tfidf
    if tfidf.sublinear_tf:
        np.log(data, data)
        data += 1.0
    if tfidf.use_idf:
        data *= tfidf.idf_[cols]
    if tfidf.norm == "l2":
        inplace_csr_row_normalize_l2(SimpleNamespace(data=data, shape=(len(docs), len(vocab)), indices=cols, indptr=ptr))
    elif tfidf.norm is not None:
        X = normalize(sp.csr_matrix((data, cols, ptr), shape=(len(docs), len(vocab))), norm=tfidf.norm, copy=False)
        return Rows.of(X)
    return Rows(data, cols, ptr, len(vocab))


def load_joblib(path: Path, sha256: str | None = None):
    """joblib.load from bytes read (and checked against ``sha256``) once: no memory map, no second read."""
    from triage.encoders.static_runtime import read_verified

    return joblib.load(io.BytesIO(read_verified(path, sha256)))
