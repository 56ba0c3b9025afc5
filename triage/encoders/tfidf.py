"""Sparse TF-IDF features: word 1-2 grams and character 2-5 grams.

Character n-grams absorb the typos and affix variation of informal
Indonesian ("rusak", "rusakk", "dirusak") without a stemmer.
"""

from __future__ import annotations

import joblib
import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted


class TfidfEncoder(TransformerMixin, BaseEstimator):
    kind = "tfidf"

    def __init__(self, word_ngrams=(1, 2), char_ngrams=(2, 5), min_df=2, max_features=200_000, use_char=True):
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.max_features = max_features
        self.use_char = use_char

    def fit(self, X, y=None):
        X = list(X)
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
            ).fit(X)
        return self

    def transform(self, X):
        check_is_fitted(self, "word_")
        X = list(X)
        parts = [self.word_.transform(X)]
        if self.char_ is not None:
            parts.append(self.char_.transform(X))
        return sp.hstack(parts, format="csr")

    @property
    def word_vocabulary_size(self) -> int:
        return len(self.word_.vocabulary_)

    def word_feature_names(self):
        return self.word_.get_feature_names_out()

    def save(self, directory) -> None:
        joblib.dump(self, directory / "tfidf.joblib")

    @classmethod
    def load(cls, directory):
        return joblib.load(directory / "tfidf.joblib")

    def describe(self) -> dict:
        return {"kind": self.kind, "word_ngrams": list(self.word_ngrams), "char_ngrams": list(self.char_ngrams),
                "min_df": self.min_df, "use_char": self.use_char}
