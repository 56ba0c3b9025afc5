"""TriageModel: normaliser + encoder + heads, fitted together on labelled reports.

One encoder is shared by all heads (it is the expensive part); each head is a
:class:`~triage.heads.LabelHead`. The hoax head also sees named surface cues
of the raw text (:mod:`triage.heads.hoax_cues`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from triage.encoders.factory import encoder_from_config, make_encoder, sub_digests
from triage.encoders.rows import leading_columns
from triage.heads.hoax_cues import CUE_NAMES, cue_matrix
from triage.rownorm import row_lengths
from triage.text.normalizer import TextNormalizer

log = logging.getLogger(__name__)

HEAD_NAMES = ("agency", "category", "classification", "hoax")
PRIMARY_ORDER = ("agency", "category", "classification", "hoax")
HOAX, NOT_HOAX = "hoaks", "bukan_hoaks"
_TRUE = {"1", "1.0", "true", "ya", "yes", "hoax", "hoaks", "y"}
DEFAULT_ENCODER = "hybrid"
DEFAULT_PREPROCESSING = {"slang": True, "stem": False, "stopwords": False, "mask_pii": True}


def hoax_labels(values) -> np.ndarray:
    """Map 0/1, true/false, hoax/valid to the head's two labels; missing stays None."""
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and np.isnan(v)) or str(v).strip() == "":
            out.append(None)
        else:
            out.append(HOAX if str(v).strip().lower() in _TRUE else NOT_HOAX)
    return np.asarray(out, dtype=object)


def _present(y) -> np.ndarray:
    return np.array([v is not None and not (isinstance(v, float) and np.isnan(v)) and str(v).strip() != ""
                     for v in y], dtype=bool)


def with_cues(X, texts: Sequence[str]):
    cues = cue_matrix(texts)
    if sp.issparse(X):
        return sp.hstack([X, sp.csr_matrix(cues)], format="csr")
    return np.hstack([X, cues])


def recency_weights(dates, half_life_days: float | None) -> np.ndarray | None:
    """Exponential decay by age, so recent decisions count more (None: equal weights)."""
    if dates is None or not half_life_days:
        return None
    import pandas as pd

    d = pd.to_datetime(pd.Series(list(dates)), errors="coerce")
    age = (d.max() - d).dt.days.fillna(0).to_numpy(dtype=float)
    return np.power(0.5, age / float(half_life_days))


class TriageModel:
    """Fitted state for all heads. Use :mod:`triage.bundle` to save and load it with its metadata."""

    def __init__(self, encoder: str = DEFAULT_ENCODER, preprocessing: dict | None = None,
                 encoder_params: dict | None = None, head_params: dict | None = None,
                 target_precision: float = 0.95, recency_half_life_days: float | None = None):
        self.encoder = encoder
        self.preprocessing = preprocessing
        self.encoder_params = encoder_params
        self.head_params = head_params
        self.target_precision = target_precision
        self.recency_half_life_days = recency_half_life_days

    # -- fitting ---------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], labels: dict[str, Sequence], dates: Sequence | None = None,
            progress: Callable[[str], None] | None = None) -> TriageModel:
        import pandas as pd

        from triage.heads.label_head import LabelHead

        step = progress or (lambda msg: log.info(msg))
        texts = ["" if t is None else str(t) for t in texts]
        labels = {h: (hoax_labels(y) if h == "hoax" else np.asarray(list(y), dtype=object))
                  for h, y in labels.items() if y is not None}
        unknown = set(labels) - set(HEAD_NAMES)
        if unknown:
            raise ValueError(f"unknown head(s) {sorted(unknown)}; heads are {', '.join(HEAD_NAMES)}")
        if not labels:
            raise ValueError("no labels given: at least one head needs a label column")
        for name, y in labels.items():
            distinct = sorted({str(v) for v in y[_present(y)]})
            if len(distinct) < 2:
                raise ValueError(f"the {name} head needs at least two labels; its column has {distinct[:3]!r}")
        self.normalizer_ = TextNormalizer(**{**DEFAULT_PREPROCESSING, **(self.preprocessing or {})}).fit(texts)
        step("normalising texts")
        norm = self.normalizer_.transform(texts)
        self.primary_head_ = next(h for h in PRIMARY_ORDER if h in labels)
        primary = labels[self.primary_head_]
        step(f"training the {self.encoder} encoder on {len(texts)} texts (labels: {self.primary_head_})")
        y_enc = np.array([str(v) if ok else "__none__" for v, ok in zip(primary, _present(primary), strict=True)])
        self.encoder_ = make_encoder(self.encoder, **(self.encoder_params or {})).fit(norm, y_enc)
        X = self.encoder_.transform(norm)
        X = X.tocsr() if sp.issparse(X) else X
        weights = recency_weights(dates, self.recency_half_life_days)
        order = None if dates is None else np.asarray(pd.to_datetime(pd.Series(list(dates)), errors="coerce")
                                                        .fillna(pd.Timestamp(0)).to_numpy())
        self.heads_: dict = {}
        for name, y in labels.items():
            ok = _present(y)
            step(f"fitting the {name} head on {int(ok.sum())} labelled texts")
            Xh = X[ok] if name != "hoax" else with_cues(X[ok], [t for t, k in zip(texts, ok, strict=True) if k])
            params = {"target_precision": self.target_precision, **(self.head_params or {}).get(name, {})}
            self.heads_[name] = LabelHead(**params).fit(
                Xh, y[ok].astype(str),
                order=None if order is None else order[ok],
                sample_weight=None if weights is None else weights[ok],
            )
        return self

    # -- prediction ------------------------------------------------------------------------
    def encode(self, texts: Sequence[str]):
        norm = self.normalizer_.transform(["" if t is None else str(t) for t in texts])
        X = self.encoder_.transform(norm)
        return (X.tocsr() if sp.issparse(X) else X), norm

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length dense sentence embeddings (float32, one row per text) for similarity search:
        the dense part of a hybrid encoder, or a dense encoder's output. Sparse-only encoders raise."""
        norm = self.normalizer_.transform(["" if t is None else str(t) for t in texts])
        enc = getattr(self.encoder_, "embedder_", self.encoder_)
        E = enc.transform(norm)
        if sp.issparse(E):
            raise ValueError(f"the {self.encoder} encoder has no dense embedding to search with")
        E = np.asarray(E, dtype=np.float32).reshape(len(norm), -1)
        n = row_lengths(E)
        n[n == 0] = 1.0
        return E / n

    def dense_part(self, X) -> np.ndarray | None:
        """Unit-length dense embeddings taken from already encoded features ``X`` (the same vectors as
        :meth:`embed`, without encoding again); None for a sparse-only encoder."""
        enc = self.encoder_
        if getattr(enc, "kind", "") == "hybrid":
            E = leading_columns(X, enc.n_dense)
        elif sp.issparse(X):
            return None
        else:
            E = np.asarray(X)
        E = E.astype(np.float32, copy=False)
        n = row_lengths(E)
        n[n == 0] = 1.0
        return E / n

    def predict_proba(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        X, _ = self.encode(texts)
        return {name: head.predict_proba(with_cues(X, texts) if name == "hoax" else X)
                for name, head in self.heads_.items()}

    def word_block(self) -> tuple[int, np.ndarray] | None:
        """(column offset, feature names) of the TF-IDF word features, for explanations."""
        enc = self.encoder_
        if getattr(enc, "kind", "") == "hybrid":
            return enc.n_dense, enc.tfidf_.word_feature_names()
        if getattr(enc, "kind", "") == "tfidf":
            return 0, enc.word_feature_names()
        return None

    # -- persistence (files only; bundle.py writes the metadata) ----------------------------
    def save(self, directory: Path) -> dict:
        """Write the encoder and the heads' pickles (bundle.py adds the serving export and the metadata)."""
        import joblib

        if any(not hasattr(head, "fit") for head in self.heads_.values()):
            raise ValueError("a model loaded from a serving export has no scikit-learn heads to pickle; "
                             "load the bundle with use_export=False to save it again")
        enc_dir = directory / "encoder"
        enc_dir.mkdir(parents=True, exist_ok=True)
        self.encoder_.save(enc_dir)
        heads_dir = directory / "heads"
        heads_dir.mkdir(exist_ok=True)
        for name, head in self.heads_.items():
            joblib.dump(head, heads_dir / f"{name}.joblib", compress=3)
        return {
            "encoder": self.encoder_.describe(),
            "encoder_spec": self.encoder,
            "preprocessing": self.normalizer_.settings(),
            "primary_head": self.primary_head_,
            "heads": {name: {"labels": head.classes_.tolist(), "thresholds": head.thresholds_,
                             "temperature": head.temperature_, "validation": head.validation_,
                             "C": head.C, "extra_features": CUE_NAMES if name == "hoax" else []}
                      for name, head in self.heads_.items()},
            "target_precision": self.target_precision,
            "recency_half_life_days": self.recency_half_life_days,
        }

    @classmethod
    def load(cls, directory: Path, config: dict, digests: dict[str, str] | None = None,
             use_export: bool = True) -> TriageModel:
        """``digests``: the bundle manifest's sha256 per file (relative to ``directory``), checked against
        the bytes read; every file is read into memory, none is memory-mapped. With ``use_export`` the
        TF-IDF and the heads come from the serving export (no scikit-learn) when the bundle has one; what
        it lacks is unpickled, and the log says so."""
        from triage.serving_export import read_export

        model = cls(encoder=config["encoder_spec"], preprocessing=config["preprocessing"],
                    target_precision=config.get("target_precision", 0.95),
                    recency_half_life_days=config.get("recency_half_life_days"))
        model.normalizer_ = TextNormalizer(**config["preprocessing"]).fit([])
        export = read_export(directory, digests) if use_export else None
        model.encoder_ = None
        if export is not None:
            from triage.encoders.serving import serving_encoder

            model.encoder_ = serving_encoder(directory / "encoder", config["encoder"], sub_digests(digests, "encoder"),
                                             export.tfidf)
        if model.encoder_ is None:
            if export is not None:
                log.warning("%s: the %s encoder has no serving export (%s): loading its pickle with scikit-learn",
                            directory, config["encoder"].get("kind"), export.not_exported.get("tfidf", "not exported"))
            model.encoder_ = encoder_from_config(directory / "encoder", config["encoder"],
                                                 sub_digests(digests, "encoder"))
        model.primary_head_ = config.get("primary_head", "agency")
        model.heads_ = {}
        for name in config["heads"]:
            if export is not None and name in export.heads:
                model.heads_[name] = export.heads[name]
                continue
            if export is not None:
                log.warning("%s: head %s has no serving export (%s): loading its pickle with scikit-learn", directory,
                            name, export.not_exported.get(f"heads/{name}", "not exported"))
            from triage.encoders.tfidf import load_joblib

            model.heads_[name] = load_joblib(directory / "heads" / f"{name}.joblib",
                                             (digests or {}).get(f"heads/{name}.joblib"))
        return model
