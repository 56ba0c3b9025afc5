"""Encoders as serving loads them: the same features as the training-side encoders, without scikit-learn.

The training-side encoders are scikit-learn transformers (``StaticEncoder``, ``HybridEncoder``,
``TfidfEncoder``); importing their module imports scikit-learn. Serving only calls ``transform`` and
reads a few facts, so these wrappers hold the runtime parts: the static embedding read with numpy
(:mod:`triage.encoders.static_runtime`) and the TF-IDF from the bundle's export
(:mod:`triage.encoders.tfidf_runtime`). Their ``transform`` is the training encoders' line for line.
A ``pretrained`` embedding still needs sentence-transformers (torch): it is loaded as before.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from triage.encoders.rows import Rows, hstack_rows
from triage.encoders.static_runtime import StaticEmbeddingRuntime, is_static_directory
from triage.encoders.tfidf_runtime import TfidfRuntime

log = logging.getLogger(__name__)


class StaticRuntimeEncoder:
    """``StaticEncoder`` as loaded for serving (its ``transform`` with a :class:`StaticEmbeddingRuntime`)."""

    kind = "static"

    def __init__(self, model: StaticEmbeddingRuntime, config: dict):
        self.model_ = model
        self.dim_ = model.get_embedding_dimension()
        self.config = config

    def transform(self, X) -> np.ndarray:
        return self.model_.encode([t if t else "" for t in X])

    def describe(self) -> dict:
        return dict(self.config)


class HybridRuntime:
    """``HybridEncoder`` as loaded for serving: the embedding, then the TF-IDF blocks."""

    kind = "hybrid"

    def __init__(self, embedder, tfidf: TfidfRuntime, dense_weight: float, config: dict):
        self.embedder_, self.tfidf_, self.dense_weight = embedder, tfidf, dense_weight
        self.config = config

    def transform(self, X):
        return hybrid_rows(self.embedder_, self.tfidf_, self.dense_weight, X)

    @property
    def n_dense(self) -> int:
        return int(self.embedder_.dim_)


def hybrid_rows(embedder, tfidf, dense_weight: float, X):
    """The hybrid's features, for training and serving alike: the weighted embedding, then the TF-IDF blocks."""
    X = list(X)
    dense = np.asarray(embedder.transform(X) * np.float32(dense_weight))
    return hstack_rows([Rows.dense(dense), *tfidf.transform_rows(X)])

    def describe(self) -> dict:
        return dict(self.config)


def _embedding(directory: Path, config: dict, digests: dict[str, str]):
    st_dir = directory / "sentence_transformer"
    if config.get("kind") == "static" and is_static_directory(st_dir):
        prefix = "sentence_transformer/"
        return StaticRuntimeEncoder(StaticEmbeddingRuntime(st_dir, {k[len(prefix):]: v for k, v in digests.items()
                                                                    if k.startswith(prefix)}), config)
    from triage.encoders.factory import encoder_from_config

    log.warning("%s: a %s embedding has no serving form without torch: loading it with sentence-transformers "
                "(torch and scikit-learn are imported)", directory, config.get("kind"))
    return encoder_from_config(directory, config, digests)


def serving_encoder(directory: Path, config: dict, digests: dict[str, str] | None, tfidf: TfidfRuntime | None):
    """The encoder of ``config`` (bundle.json's) under ``directory`` with the exported TF-IDF, or None when
    its kind has no serving form here (the caller then loads the training-side encoder)."""
    from triage.encoders.factory import sub_digests

    digests = digests or {}
    kind = config.get("kind")
    if kind == "tfidf" and tfidf is not None:
        return tfidf
    if kind == "hybrid" and tfidf is not None:
        embedder = _embedding(directory / "embedding", config["embedding"], sub_digests(digests, "embedding"))
        return HybridRuntime(embedder, tfidf, config.get("dense_weight", 1.0), config)
    if kind == "static":
        return _embedding(directory, config, digests)
    return None
