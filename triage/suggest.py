"""The one entry point for suggestions: ``Suggester(bundle).suggest(texts)``.

A :class:`Suggestion` is a plain, serialisable object carrying the model
version that made it; the API stores ``to_dict()`` as it is and the console
shows it as it is.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np
import scipy.sparse as sp

from triage.bundle import Bundle
from triage.heads.hoax_cues import CUE_NAMES, cue_matrix, describe
from triage.heads.stacked import StackedHeads
from triage.model import HOAX
from triage.text.fulltext import full_texts
from triage.text.stem import readable_term

TOP_K = 5
N_TERMS = 8
# Hoax reasons explain what pushed the probability up; under 20% they would only confuse (and most
# reports are under it, so their words are not looked for at all).
REASONS_FROM = 0.2
_UNSET = object()


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
        """What ``dataclasses.asdict`` gives without its deep copies (a batch of 100 spent a tenth of its
        time there): heads that were not computed are absent."""
        d = {"model": {k: dict(v) if isinstance(v, dict) else v for k, v in self.model.items()}}
        for name in ("agency", "category", "classification"):
            h = getattr(self, name)
            if h is not None:
                d[name] = {"band": h.band, "candidates": [{"label": c.label, "probability": c.probability}
                                                          for c in h.candidates]}
        if self.hoax is not None:
            x = self.hoax
            d["hoax"] = {"probability": x.probability, "band": x.band, "flagged": x.flagged, "reasons": list(x.reasons)}
        d["explanation"] = [dict(e) for e in self.explanation]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Suggestion:
        def head(h):
            return None if h is None else HeadSuggestion(h["band"], [Candidate(**c) for c in h["candidates"]])

        hx = d.get("hoax")
        return cls(model=d["model"], agency=head(d.get("agency")), category=head(d.get("category")),
                   classification=head(d.get("classification")),
                   hoax=None if hx is None else HoaxSuggestion(**hx), explanation=d.get("explanation", []))


def _top_terms(X, i: int, coef: np.ndarray, offset: int, names: np.ndarray, n: int) -> list[tuple[str, float]]:
    """Words whose TF-IDF value times the class weight pushed row ``i`` of ``X`` (CSR) most towards the class."""
    lo, hi = offset, offset + len(names)
    a, b = X.indptr[i], X.indptr[i + 1]
    idx = X.indices[a:b]
    # A CSR row's columns are sorted: the word block is one run of them.
    start, stop = np.searchsorted(idx, (lo, hi))
    cols, vals = idx[start:stop], X.data[a + start:a + stop]
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

    def suggest(self, texts: Sequence[str], titles: Sequence[str | None] | None = None,
                heads: Sequence[str] | None = None) -> list[Suggestion]: ...

    def analyse(self, texts: Sequence[str], titles: Sequence[str | None] | None = None,
                heads: Sequence[str] | None = None) -> Analysis: ...

    def encode(self, texts: Sequence[str]): ...

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class SuggesterWrapper:
    """A suggester over another one (`base`): the bundle's facts, features and embeddings are the base's;
    a subclass changes `analyse` (the service's agency remapping, the learning router)."""

    def __init__(self, base: SuggesterProtocol):
        self.base = base

    name = property(lambda self: self.base.name)
    version = property(lambda self: self.base.version)
    path = property(lambda self: Path(self.base.path))
    meta = property(lambda self: self.base.meta)
    embedding_dim = property(lambda self: self.base.embedding_dim)

    def labels(self, head: str) -> list[str]:
        return self.base.labels(head)

    def encode(self, texts: Sequence[str]):
        return self.base.encode(texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.base.embed(texts)

    def suggest(self, texts: Sequence[str], titles: Sequence[str | None] | None = None,
                heads: Sequence[str] | None = None) -> list[Suggestion]:
        return self.analyse(texts, titles, heads=heads).suggestions

    def analyse(self, texts: Sequence[str], titles: Sequence[str | None] | None = None,
                heads: Sequence[str] | None = None) -> Analysis:
        raise NotImplementedError


class Suggester:
    """Turns texts into suggestions with one bundle. Thread-safe for concurrent ``suggest`` calls."""

    def __init__(self, bundle: Bundle, top_k: int = TOP_K):
        self.bundle = bundle
        self.top_k = top_k
        self._lock = threading.Lock()  # tokenizers and torch modules are not re-entrant everywhere
        self._dim: int | None = None
        self._stacks: dict = {}
        self._block = _UNSET
        self._index: dict[str, dict[str, int]] = {}

    def warm_up(self) -> Suggester:
        """Build now what the first suggestion would build (the stacked heads, the word names, the
        analysers), so the first request does not wait for it, and under ``gunicorn --preload`` the
        master builds it once for every worker to share."""
        self.analyse(["jalan rusak di depan pasar"])
        return self

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

    def suggest(self, texts: Sequence[str], titles: Sequence[str | None] | None = None,
                heads: Sequence[str] | None = None) -> list[Suggestion]:
        return self.analyse(texts, titles, heads).suggestions

    def heads(self, wanted: Sequence[str] | None = None) -> tuple[str, ...]:
        """The bundle's heads among ``wanted`` (all of them when None), in the bundle's order."""
        have = tuple(self.bundle.model.heads_)
        return have if wanted is None else tuple(h for h in have if h in set(wanted))

    def _stacked(self, names: tuple[str, ...], n_features: int) -> StackedHeads:
        # Built once per set of heads asked for: the bundle never changes under a Suggester.
        key = (names, n_features)
        stacked = self._stacks.get(key)
        if stacked is None:
            stacked = self._stacks[key] = StackedHeads(self.bundle.model.heads_, names, n_features, len(CUE_NAMES))
        return stacked

    def _class_index(self, name: str) -> dict[str, int]:
        """A head's label -> column, built once (the bundle never changes under a Suggester)."""
        index = self._index.get(name)
        if index is None:
            index = self._index[name] = {lab: j for j, lab in enumerate(self.bundle.model.heads_[name].classes_)}
        return index

    def _word_block(self):
        if self._block is _UNSET:
            self._block = self.bundle.model.word_block()
        return self._block

    def analyse(self, texts: Sequence[str], titles: Sequence[str | None] | None = None,
                heads: Sequence[str] | None = None) -> Analysis:
        """Suggestions of the heads in ``heads`` (all when None), the dense embeddings and the features."""
        if isinstance(texts, str):
            raise TypeError("suggest() takes a list of texts")
        full = full_texts(texts, titles)
        model = self.bundle.model
        names = self.heads(heads)
        with self._lock:
            X, norm = model.encode(full)
        cues = cue_matrix(full) if "hoax" in names else None
        probas = self._stacked(names, X.shape[1]).predict_proba(X, cues) if len(full) else {}
        embeddings = model.dense_part(X)
        known = np.array([bool(n.strip()) for n in norm], dtype=bool)
        block = self._word_block()
        sparse = sp.issparse(X)
        if sparse and block is not None and not X.has_sorted_indices:
            X.sort_indices()  # _top_terms reads a row's word block as one run of its sorted columns
        meta = {"name": self.bundle.name, "version": self.bundle.version}
        out = [Suggestion(model=dict(meta)) for _ in full]
        for name in ("agency", "category", "classification"):
            if name not in probas:
                continue
            head, P = model.heads_[name], probas[name]
            bands = head.bands(P, known)
            for i, cands in enumerate(head.top_k(P, self.top_k)):
                setattr(out[i], name, HeadSuggestion(str(bands[i]), [Candidate(lab, round(p, 4)) for lab, p in cands]))
        if "hoax" in probas:
            for i, s in enumerate(out):
                s.hoax = self._hoax(model, probas["hoax"][i], X, i, cues[i], known[i], block, sparse)
        if "agency" in probas and block is not None and sparse:
            head = model.heads_["agency"]
            index = self._class_index("agency")
            for i, s in enumerate(out):
                if known[i]:
                    coef = head.class_coefficients(index[s.agency.top.label])
                    terms = _top_terms(X, i, coef, block[0], block[1], N_TERMS)
                    s.explanation = [{"term": t, "weight": round(w, 4)} for t, w in terms]
        return Analysis(out, embeddings, X)

    def _hoax(self, model, proba: np.ndarray, X, i: int, cues: np.ndarray, known: bool, block,
              sparse: bool) -> HoaxSuggestion:
        head = model.heads_["hoax"]
        pos = self._class_index("hoax")[HOAX]
        p = float(proba[pos])
        th = head.thresholds_
        # auto: either side is as sure as the target precision; review: flagged or uncertain.
        band = "auto" if max(p, 1 - p) >= th["auto"] else ("review" if known else "manual")
        flagged = p >= 0.5
        reasons: list[str] = []
        coef = head.class_coefficients(pos)
        n_base = len(coef) - len(CUE_NAMES)
        for k, name in enumerate(CUE_NAMES):
            if cues[k] > 0 and coef[n_base + k] > 0:
                reasons.append(describe(name))
        if block is not None and sparse and p >= REASONS_FROM:
            terms = [t for t, _ in _top_terms(X, i, coef, block[0], block[1], 25) if readable_term(t)]
            reasons += [f"{'frasa' if ' ' in t else 'kata'} '{t}' sering muncul di laporan hoaks" for t in terms[:5]]
        return HoaxSuggestion(round(p, 4), band, flagged, reasons if p >= REASONS_FROM else [])
