"""Sparse TF-IDF features: word 1-2 grams and character 2-5 grams.

Character n-grams absorb the typos and affix variation of informal
Indonesian ("rusak", "rusakk", "dirusak") without a stemmer.
"""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from triage.encoders.rows import Rows, hstack_rows
from triage.encoders.tfidf_runtime import NORMS, char_view, tfidf_rows

PICKLE, LEGACY = "tfidf.pkl", "tfidf.joblib"

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
    """``vectorizer.transform(docs)``, computed as serving computes it (``tfidf_runtime.tfidf_rows``);
    tests/triage/encoders/test_round_trip.py checks equality with scikit-learn."""
    tfidf = vectorizer._tfidf
    norm = tfidf.norm if tfidf.norm in NORMS else None
    rows = tfidf_rows(analyze, vectorizer.vocabulary_, docs, dtype=vectorizer.dtype,
                      idf=tfidf.idf_ if tfidf.use_idf else None, sublinear_tf=tfidf.sublinear_tf, norm=norm,
                      binary=vectorizer.binary)
    if norm == tfidf.norm:
        return rows
    X = sp.csr_matrix((rows.data, rows.indices, rows.indptr), shape=(len(docs), rows.n_cols))
    return Rows.of(normalize(X, norm=tfidf.norm, copy=False))


def load_joblib(path: Path, sha256: str | None = None):
    """joblib.load from bytes read (and checked against ``sha256``) once: no memory map, no second read."""
    import joblib

    from triage.encoders.static_runtime import read_verified

    return joblib.load(io.BytesIO(read_verified(path, sha256)))
