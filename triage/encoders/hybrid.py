"""An embedding concatenated with sparse TF-IDF features.

Embeddings generalise across wording; TF-IDF keeps the exact words and place
names that often decide routing. A linear head over both does better than
either alone (docs/benchmarks.md has the figures).
"""

from __future__ import annotations

from pathlib import Path

from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.utils.validation import check_is_fitted

from triage.encoders.serving import hybrid_rows
from triage.encoders.tfidf import TfidfEncoder


class HybridEncoder(TransformerMixin, BaseEstimator):
    kind = "hybrid"

    def __init__(self, embedder=None, tfidf=None, dense_weight: float = 1.0):
        self.embedder = embedder
        self.tfidf = tfidf
        self.dense_weight = dense_weight

    def fit(self, X, y=None):
        X = list(X)
        self.embedder_ = clone(self.embedder).fit(X, y)
        self.tfidf_ = clone(self.tfidf if self.tfidf is not None else TfidfEncoder()).fit(X)
        return self

    def transform(self, X):
        check_is_fitted(self, ("embedder_", "tfidf_"))
        return hybrid_rows(self.embedder_, self.tfidf_, self.dense_weight, X)

    @property
    def n_dense(self) -> int:
        return int(self.embedder_.dim_)

    def save(self, directory: Path) -> None:
        (directory / "embedding").mkdir(exist_ok=True)
        self.embedder_.save(directory / "embedding")
        self.tfidf_.save(directory)

    @classmethod
    def load(cls, directory: Path, config: dict, digests: dict[str, str] | None = None):
        from triage.encoders.factory import encoder_from_config, sub_digests

        enc = cls(dense_weight=config.get("dense_weight", 1.0))
        enc.embedder_ = encoder_from_config(directory / "embedding", config["embedding"],
                                            sub_digests(digests, "embedding"))
        enc.tfidf_ = TfidfEncoder.load(directory, digests)
        return enc

    def describe(self) -> dict:
        emb = self.embedder_ if hasattr(self, "embedder_") else self.embedder
        tf = self.tfidf_ if hasattr(self, "tfidf_") else (self.tfidf or TfidfEncoder())
        return {"kind": self.kind, "dense_weight": self.dense_weight, "embedding": emb.describe(), "tfidf": tf.describe()}
