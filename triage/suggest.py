"""The one entry point for suggestions: ``Suggester(bundle).suggest(texts)``.

A :class:`Suggestion` is a plain, serialisable object carrying the model
version that made it; the API stores ``to_dict()`` as it is and the console
shows it as it is.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from triage.bundle import Bundle
from triage.heads.hoax_cues import CUE_NAMES, cue_matrix, describe
from triage.model import HOAX, with_cues
from triage.text.fulltext import full_texts
from triage.text.stem import readable_term

TOP_K = 5
N_TERMS = 8


@dataclass
class Candidate:
    label: str
    probability: float


@dataclass
class HeadSuggestion:
    band: str
    candidates: list[Candidate]

    @property
    def top(self) -> Candidate:
        return self.candidates[0]


@dataclass
class HoaxSuggestion:
    probability: float
    band: str
    flagged: bool
    reasons: list[str] = field(default_factory=list)


@dataclass
class Suggestion:
    model: dict
    agency: HeadSuggestion | None = None
    category: HeadSuggestion | None = None
    classification: HeadSuggestion | None = None
    hoax: HoaxSuggestion | None = None
    explanation: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = asdict(self)
        return {k: v for k, v in d.items() if v is not None}

    @classmethod
    def from_dict(cls, d: dict) -> Suggestion:
        def head(h):
            return None if h is None else HeadSuggestion(h["band"], [Candidate(**c) for c in h["candidates"]])

        hx = d.get("hoax")
        return cls(model=d["model"], agency=head(d.get("agency")), category=head(d.get("category")),
                   classification=head(d.get("classification")),
                   hoax=None if hx is None else HoaxSuggestion(**hx), explanation=d.get("explanation", []))


def _top_terms(row, coef: np.ndarray, offset: int, names: np.ndarray, n: int) -> list[tuple[str, float]]:
    """Words whose TF-IDF value times the class weight pushed most towards the class."""
    lo, hi = offset, offset + len(names)
    idx = row.indices
    sel = (idx >= lo) & (idx < hi)
    cols, vals = idx[sel], row.data[sel]
    if len(cols) == 0:
        return []
    contrib = vals * coef[cols]
    best = np.argsort(-contrib)[:n]
    return [(str(names[cols[i] - lo]), float(contrib[i])) for i in best if contrib[i] > 0]


@dataclass
class Analysis:
    """What one pass of the model gives for a batch: the suggestions, and the texts' unit-length dense
    embeddings (None for a sparse-only encoder), so that callers that also search by meaning
    (duplicates, the memory of decisions) need not encode the texts a second time."""

    suggestions: list[Suggestion]
    embeddings: np.ndarray | None = None
    features: object = None  # the heads' feature matrix (rows in order): what the memory of decisions compares


@runtime_checkable
class SuggesterProtocol(Protocol):
    """What a caller outside the library may use of a loaded model: suggestions, the encoder's
    features and embeddings (each under the model's own lock), and the bundle's read-only facts.
    :class:`Suggester` implements it, and so do wrappers such as the service's agency remapping."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def path(self) -> Path: ...

    @property
    def meta(self) -> dict: ...

    @property
    def embedding_dim(self) -> int: ...

    def labels(self, head: str) -> list[str]: ...

    def suggest(self, texts: Sequence[str], titles: Sequence[str | None] | None = None) -> list[Suggestion]: ...

    def analyse(self, texts: Sequence[str], titles: Sequence[str | None] | None = None) -> Analysis: ...

    def encode(self, texts: Sequence[str]): ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class Suggester:
    """Turns texts into suggestions with one bundle. Thread-safe for concurrent ``suggest`` calls."""

    def __init__(self, bundle: Bundle, top_k: int = TOP_K):
        self.bundle = bundle
        self.top_k = top_k
        self._lock = threading.Lock()  # tokenizers and torch modules are not re-entrant everywhere
        self._dim: int | None = None

    @property
    def name(self) -> str:
        return self.bundle.name

    @property
    def version(self) -> str:
        return self.bundle.version

    @property
    def path(self) -> Path:
        return Path(self.bundle.path)

    @property
    def meta(self) -> dict:
        return self.bundle.meta

    def labels(self, head: str) -> list[str]:
        """The labels a head knows ([] when the bundle has no such head)."""
        return list(self.bundle.meta.get("heads", {}).get(head, {}).get("labels", []))

    @property
    def embedding_dim(self) -> int:
        """Width of :meth:`embed`'s vectors; 0 when the encoder has no dense embedding (TF-IDF only)."""
        if self._dim is None:
            try:
                self._dim = int(self.embed([""]).shape[1])
            except ValueError:
                self._dim = 0
        return self._dim

    def encode(self, texts: Sequence[str]):
        """The heads' feature matrix for ``texts`` (and their normalised form), under the model lock."""
        with self._lock:
            return self.bundle.model.encode(list(texts))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length dense embeddings for similarity search, under the model lock."""
        with self._lock:
            return self.bundle.model.embed(list(texts))

    def suggest(self, texts: Sequence[str], titles: Sequence[str | None] | None = None) -> list[Suggestion]:
        return self.analyse(texts, titles).suggestions

    def analyse(self, texts: Sequence[str], titles: Sequence[str | None] | None = None) -> Analysis:
        if isinstance(texts, str):
            raise TypeError("suggest() takes a list of texts")
        full = full_texts(texts, titles)
        model = self.bundle.model
        with self._lock:
            X, norm = model.encode(full)
            probas = {name: head.predict_proba(with_cues(X, full) if name == "hoax" else X)
                      for name, head in model.heads_.items()}
        embeddings = model.dense_part(X)
        known = np.array([bool(n.strip()) for n in norm])
        block = model.word_block()
        out = []
        meta = {"name": self.bundle.name, "version": self.bundle.version}
        for i in range(len(full)):
            s = Suggestion(model=dict(meta))
            for name in ("agency", "category", "classification"):
                if name in probas:
                    head = model.heads_[name]
                    P = probas[name][i : i + 1]
                    band = str(head.bands(P, known[i : i + 1])[0])
                    cands = [Candidate(lab, round(p, 4)) for lab, p in head.top_k(P, self.top_k)[0]]
                    setattr(s, name, HeadSuggestion(band, cands))
            if "hoax" in probas:
                s.hoax = self._hoax(model, probas["hoax"][i], X[i], full[i], known[i], block)
            if s.agency is not None and block is not None and known[i] and hasattr(X, "tocsr"):
                head = model.heads_["agency"]
                j = int(np.where(head.classes_ == s.agency.top.label)[0][0])
                terms = _top_terms(X[i].tocsr(), head.class_coefficients(j), block[0], block[1], N_TERMS)
                s.explanation = [{"term": t, "weight": round(w, 4)} for t, w in terms]
            out.append(s)
        return Analysis(out, embeddings, X)

    def _hoax(self, model, proba: np.ndarray, x, text: str, known: bool, block) -> HoaxSuggestion:
        head = model.heads_["hoax"]
        pos = int(np.where(head.classes_ == HOAX)[0][0])
        p = float(proba[pos])
        th = head.thresholds_
        # auto: either side is as sure as the target precision; review: flagged or uncertain.
        band = "auto" if max(p, 1 - p) >= th["auto"] else ("review" if known else "manual")
        flagged = p >= 0.5
        reasons: list[str] = []
        coef = head.class_coefficients(pos)
        cues = cue_matrix([text])[0]
        n_base = len(coef) - len(CUE_NAMES)
        for k, name in enumerate(CUE_NAMES):
            if cues[k] > 0 and coef[n_base + k] > 0:
                reasons.append(describe(name))
        if block is not None and hasattr(x, "tocsr"):
            terms = [t for t, _ in _top_terms(x.tocsr(), coef, block[0], block[1], 25) if readable_term(t)]
            reasons += [f"{'frasa' if ' ' in t else 'kata'} '{t}' sering muncul di laporan hoaks" for t in terms[:5]]
        # Reasons explain what pushed the probability up; under 20% they would only confuse.
        return HoaxSuggestion(round(p, 4), band, flagged, reasons if p >= 0.2 else [])
