"""Routing that learns from every decision: the model's agency head, a memory of decisions and, for a
new office, the directory prior, blended into one suggestion.

`LearningRouter` wraps a suggester (it implements `SuggesterProtocol`, so the service holds it like any
model). Per report:

- the head's candidates (the trained model; its labels outside the office's directory are dropped);
- the memory's vote (`DecisionMemory`: where the closest decided reports went, by the model's dense
  embeddings: 1 KiB a decision, so 20,000 fit every worker), weighted by how strong the precedent is:
  `W / (W + tau)`, with tau chosen on the recent decisions (`_BlendTuner`): what the head and the memory
  each gave the true agency before the decision, recorded in the suggestion itself;
- the directory prior (`DirectoryPrior`), which weighs like `prior_decisions` decisions and fades as
  the office's own evidence grows (decisions remembered, and the head's training rows when its labels
  are the office's).

Bands: `auto` only when the recent decisions (the latest `band_window`) show that suggestions this
confident were right at least `target_precision` of the time; before enough decisions exist, the
head's own thresholds when the head speaks for the office, else `review` (or `manual` when nothing
matched at all).

The same object runs in the service (fed by the decisions of every worker, through the database) and in
`triage evaluate --replay`, with the same `LearningSettings`.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import deque
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from triage.heads.bands import thresholds_from_hits
from triage.learning.memory import DecisionMemory
from triage.learning.settings import LearningSettings
from triage.suggest import (
    Analysis,
    Candidate,
    HeadSuggestion,
    SuggesterProtocol,
    SuggesterWrapper,
    Suggestion,
)
from triage.text.fulltext import full_text, full_texts

TOP_K = 5
ENCODE_BATCH = 256
# A prior row whose top is barely above uniform matched no word: "no idea", not a suggestion to review.
PRIOR_NO_IDEA = 1.5


@dataclass
class Example:
    text: str
    title: str | None
    label: str
    at: dt.datetime | None


@dataclass
class Outcome:
    confidence: float
    top1: bool
    top3: bool


class _BlendTuner:
    """The memory's weight against the head, `W / (W + tau)`, with tau chosen from `grid` on the latest
    decisions: for each, the probability that the head and the memory gave the true agency when the
    suggestion was made (so the head never grades itself on its own training rows), and the memory's
    evidence W. The tau whose blend gave the true agencies the highest mean log-likelihood wins."""

    FLOOR = 1e-4  # a true agency outside a part's top candidates

    def __init__(self, default: float, grid: Sequence[float], window: int, min_support: int):
        self.default, self.grid, self.min_support = default, np.asarray(grid, dtype=float), min_support
        self._rows: deque[tuple[float, float, float]] = deque(maxlen=window)
        self._tau: float | None = None

    def record(self, p_head: float, p_memory: float, evidence: float) -> None:
        self._rows.append((p_head, p_memory, evidence))
        self._tau = None

    @property
    def support(self) -> int:
        return len(self._rows)

    @property
    def tau(self) -> float:
        if len(self._rows) < self.min_support:
            return self.default
        if self._tau is None:
            ph, pm, w = np.array(self._rows).T
            m = w[None, :] / (w[None, :] + self.grid[:, None])
            blend = m * pm + (1 - m) * ph
            ll = np.log(np.maximum(blend, self.FLOOR)).mean(axis=1)
            self._tau = float(self.grid[int(np.argmax(ll))])
        return self._tau


def _top(dist: dict[str, float]) -> list[list]:
    total = sum(dist.values()) or 1.0
    return [[label, round(p / total, 4)] for label, p in sorted(dist.items(), key=lambda kv: -kv[1])[:TOP_K]]


class LearningRouter(SuggesterWrapper):
    def __init__(self, base: SuggesterProtocol, settings: LearningSettings | None = None,
                 directory: Sequence | None = None, prior=None, label_by: str = "code"):
        self.settings = settings or LearningSettings()
        self.label_by = label_by  # which field of a directory entry the labels are (the service: "code")
        self._lock = threading.RLock()
        self._examples: dict[Hashable, Example] = {}
        self._outcomes: deque[Outcome] = deque(maxlen=self.settings.band_window)
        s = self.settings
        self._blend = _BlendTuner(s.memory_tau, s.memory_tau_grid, s.band_window, s.blend_min_support)
        self.memory = self._new_memory()
        self.base = base
        self.directory_codes: list[str] | None = None
        self.prior = None
        self._prior_codes: np.ndarray | None = None
        self.set_directory(directory, prior)
        self._head_rows = self._head_speaks_for_office()

    # -- configuration ---------------------------------------------------------------------------

    def _new_memory(self) -> DecisionMemory:
        s = self.settings
        return DecisionMemory(capacity=s.memory_capacity, k=s.memory_k, power=s.memory_power,
                              min_similarity=s.memory_min_similarity, half_life_days=s.memory_half_life_days)

    def set_directory(self, directory: Sequence | None, prior=None) -> None:
        """The office's agencies (`triage.routing.AgencyEntry`; the label is `label_by`, the code in the
        service): suggestions name only these.
        Without a directory, any label the head or the decisions know is suggested."""
        with self._lock:
            if not directory:
                self.directory_codes, self.prior, self._prior_codes = None, None, None
                return
            self.directory_codes = [getattr(e, self.label_by) for e in directory]
            if prior is None:
                from triage.routing.prior import DirectoryPrior

                prior = DirectoryPrior().fit(list(directory))
            code_of = {e.name: getattr(e, self.label_by) for e in prior.entries_}
            self.prior = prior
            self._prior_codes = np.array([str(code_of[n]) for n in prior.classes_], dtype=object)
            self._head_rows = self._head_speaks_for_office()

    def _head_speaks_for_office(self) -> int:
        """Training rows of the head when its labels are (mostly) the office's agencies, else 0: a head
        trained for another directory (the demo bundle in a real office) does not speak for this one."""
        head_labels = set(self.base.labels("agency"))
        if not head_labels:
            return 0
        if self.directory_codes is not None:
            known = head_labels & set(self.directory_codes)
            if len(known) < 0.5 * len(head_labels):
                return 0
        return int((self.base.meta.get("training") or {}).get("rows") or 1)

    def rebase(self, base: SuggesterProtocol, reembed: bool = True) -> None:
        """Serve a new model (a refit, an activation). The memory is embedded again with the new model,
        unless it has the same encoder (`reembed=False`: a refit of the head keeps it)."""
        if not reembed:
            with self._lock:
                self.base = base
                self._head_rows = self._head_speaks_for_office()
            return
        examples = list(self._examples.items())
        memory = self._new_memory()
        for i in range(0, len(examples), ENCODE_BATCH):
            chunk = examples[i : i + ENCODE_BATCH]
            E = base.embed([full_text(e.text, e.title) for _, e in chunk])
            memory.add([k for k, _ in chunk], E, [e.label for _, e in chunk], [e.at for _, e in chunk])
        with self._lock:
            self.base, self.memory = base, memory
            self._head_rows = self._head_speaks_for_office()

    # -- learning ----------------------------------------------------------------------------------

    @property
    def decisions(self) -> int:
        return len(self._examples)

    def learn(self, keys: Sequence[Hashable], texts: Sequence[str], titles: Sequence[str | None] | None,
              labels: Sequence[str], times: Sequence[dt.datetime | None] | None = None,
              suggested: Sequence[Suggestion | dict | None] | None = None) -> None:
        """Take in decisions: each report's agency as a verifier decided it. `suggested` (optional): the
        suggestion made for it before the decision, which tunes the bands."""
        n = len(keys)
        titles = list(titles) if titles is not None else [None] * n
        times = list(times) if times is not None else [None] * n
        E = self.base.embed(full_texts(texts, titles))
        with self._lock:
            self.memory.add(list(keys), E, list(labels), times)
            for i, key in enumerate(keys):
                self._examples.pop(key, None)
                self._examples[key] = Example(texts[i], titles[i], str(labels[i]), times[i])
                if suggested is not None and suggested[i] is not None:
                    self._record(suggested[i], str(labels[i]))
            while len(self._examples) > self.settings.memory_capacity:
                self._examples.pop(next(iter(self._examples)))

    def forget(self, key: Hashable) -> None:
        """A decision that no longer holds (the agency handed the report back as not its own)."""
        with self._lock:
            self._examples.pop(key, None)
            self.memory.forget(key)

    def _record(self, suggestion: Suggestion | dict, label: str) -> None:
        agency = suggestion.agency if isinstance(suggestion, Suggestion) else (suggestion or {}).get("agency")
        if agency is None:
            return
        cands = agency.candidates if hasattr(agency, "candidates") else agency.get("candidates") or []
        labels = [c.label if hasattr(c, "label") else c["label"] for c in cands]
        probs = [c.probability if hasattr(c, "probability") else c["probability"] for c in cands]
        if labels:
            self._outcomes.append(Outcome(float(probs[0]), labels[0] == label, label in labels[:3]))
        model = suggestion.model if isinstance(suggestion, Suggestion) else (suggestion or {}).get("model") or {}
        parts = (model.get("learning") or {}).get("parts")
        if parts and parts.get("head") and parts.get("memory"):
            self._blend.record(dict(parts["head"]).get(label, 0.0), dict(parts["memory"]).get(label, 0.0),
                               float(parts["evidence"]))

    @property
    def memory_tau(self) -> float:
        """The memory's tau as it stands (see `_BlendTuner`)."""
        return self._blend.tau

    def blend_state(self) -> dict:
        return {"memory_tau": self._blend.tau, "tuned_on": self._blend.support,
                "tuned": self._blend.support >= self.settings.blend_min_support}

    def thresholds(self) -> dict | None:
        """auto/review thresholds tuned on the recent decisions, or None before there are enough."""
        outcomes = list(self._outcomes)
        if len(outcomes) < self.settings.band_min_support:
            return None
        return thresholds_from_hits(np.array([o.confidence for o in outcomes]),
                                    np.array([o.top1 for o in outcomes]), np.array([o.top3 for o in outcomes]),
                                    self.settings.target_precision, self.settings.review_top3,
                                    min_support=self.settings.band_min_support)

    # -- suggesting --------------------------------------------------------------------------------

    def analyse(self, texts: Sequence[str], titles: Sequence[str | None] | None = None,
                at: dt.datetime | None = None, heads: Sequence[str] | None = None) -> Analysis:
        if isinstance(texts, str):
            raise TypeError("suggest() takes a list of texts")
        analysis = self.base.analyse(texts, titles=titles, heads=heads)
        if heads is not None and "agency" not in heads:
            return analysis  # routing is the agency head's suggestion: nothing to blend
        with self._lock:
            memory, prior, prior_codes = self.memory, self.prior, self._prior_codes
            n_memory, head_rows = len(memory), self._head_rows
            thresholds = self.thresholds()
            tau = self._blend.tau
        vote = memory.vote(analysis.embeddings, at) if n_memory and analysis.embeddings is not None else None
        P_prior = prior.predict_proba(full_texts(texts, titles)) if prior is not None else None
        s = self.settings
        prior_weight = s.prior_decisions / (s.prior_decisions + n_memory + head_rows) if prior is not None else 0.0
        allowed = set(self.directory_codes) if self.directory_codes is not None else None
        if P_prior is not None:
            # Each report's strongest prior agencies, for the whole batch at once (a row's argsort is the
            # same as it is alone): the labels and probabilities as Python values.
            order = np.argsort(-P_prior, axis=1)[:, : 3 * TOP_K]
            prior_top = [dict(zip(labels, probs, strict=True)) for labels, probs in
                         zip(prior_codes[order].tolist(), np.take_along_axis(P_prior, order, axis=1).tolist(),
                             strict=True)]
        for i, sg in enumerate(analysis.suggestions):
            parts: list[tuple[float, dict[str, float]]] = []
            head = {}
            if sg.agency is not None and head_rows:
                head = {c.label: c.probability for c in sg.agency.candidates
                        if allowed is None or c.label in allowed}
            m = 0.0
            mem = {}
            if vote is not None and vote.weight[i] > 0:
                m = vote.weight[i] / (vote.weight[i] + tau)
                mem = {str(lab): float(p) for lab, p in zip(vote.labels, vote.proba[i], strict=True)
                       if p > 0 and (allowed is None or lab in allowed)}
                parts.append((m, mem))
            if head:
                parts.append(((1 - m) if parts else 1.0, head))
            if P_prior is not None:
                prior_dist = prior_top[i]
                weight = prior_weight if parts else 1.0
                parts = [(w * (1 - weight), d) for w, d in parts] + [(weight, prior_dist)]
            if not parts:
                continue  # nothing to say: the base suggestion stands (no head, no memory, no directory)
            blended: dict[str, float] = {}
            for w, dist in parts:
                total = sum(dist.values()) or 1.0
                for label, p in dist.items():
                    blended[label] = blended.get(label, 0.0) + w * p / total
            top = sorted(blended.items(), key=lambda kv: -kv[1])[:TOP_K]
            band = self._band(top[0][1], sg, thresholds, head_rows, m, prior_weight, P_prior, i)
            before = sg.agency.top.label if sg.agency is not None and sg.agency.candidates else None
            sg.agency = HeadSuggestion(band, [Candidate(label, round(p, 4)) for label, p in top])
            if before != top[0][0]:
                sg.explanation = []  # the head's words explained its own choice, not this one
            sg.model["learning"] = {"decisions": n_memory, "memory_weight": round(float(m), 3),
                                    "prior_weight": round(float(prior_weight if P_prior is not None else 0.0), 3),
                                    "memory_tau": tau}
            if head and mem:
                # What each part said, kept with the suggestion: the decision on it later tunes tau.
                sg.model["learning"]["parts"] = {"head": _top(head), "memory": _top(mem),
                                                 "evidence": round(float(vote.weight[i]), 5)}
        return analysis

    def _band(self, conf: float, sg: Suggestion, thresholds: dict | None, head_rows: int, m: float,
              prior_weight: float, P_prior, i: int) -> str:
        if thresholds is not None:
            if conf >= thresholds["auto"]:
                return "auto"
            return "review" if conf >= thresholds["review"] else "manual"
        if head_rows and sg.agency is not None and prior_weight < 0.5:
            return sg.agency.band if sg.agency.band != "auto" or conf >= 0.5 else "review"
        if m == 0 and P_prior is not None:
            row = P_prior[i]
            if row.max() < PRIOR_NO_IDEA / len(row):
                return "manual"
        return "review"
