"""A model's agency labels against today's directory: labels of merged or renamed agencies come out
under their new codes (no retraining needed), split agencies stay for a human to choose."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.agencies.mapping import mapping_table, resolve_code
from api.models import Agency
from triage.suggest import Analysis, Candidate, SuggesterProtocol, SuggesterWrapper, Suggestion

log = logging.getLogger(__name__)


@dataclass
class LabelReport:
    ok: list[str]
    remapped: dict[str, str]
    split: dict[str, list[str]]
    unknown: list[str]

    def to_dict(self) -> dict:
        return {"ok": len(self.ok), "remapped": self.remapped, "split": self.split, "unknown": self.unknown}


def check_labels(labels: list[str], active_codes: set[str], mapping: dict[str, list[str]]) -> LabelReport:
    ok, remapped, split, unknown = [], {}, {}, []
    for lab in labels:
        new, how = resolve_code(lab, mapping)
        if how == "split":
            split[lab] = mapping.get(lab, [])
        elif how == "mapped" and new in active_codes:
            remapped[lab] = new
        elif lab in active_codes:
            ok.append(lab)
        else:
            unknown.append(lab)
    return LabelReport(ok, remapped, split, unknown)


class RemappingSuggester(SuggesterWrapper):
    """Wraps a suggester: agency candidates under an old code come out under the new code
    (probabilities of labels that merged are added). Labels of split agencies stay, at most in the
    review band: a human must choose among the new agencies. Implements `SuggesterProtocol`."""

    def __init__(self, base: SuggesterProtocol, report: LabelReport):
        self.base = base
        self.report = report


    def analyse(self, texts: Sequence[str], titles: Sequence[str | None] | None = None,
                heads: Sequence[str] | None = None) -> Analysis:
        analysis = self.base.analyse(texts, titles=titles, heads=heads)
        self._remap(analysis.suggestions)
        return analysis

    def _remap(self, out: list[Suggestion]) -> None:
        if not (self.report.remapped or self.report.split):
            return
        for sg in out:
            if sg.agency is None:
                continue
            touched = any(c.label in self.report.remapped for c in sg.agency.candidates)
            merged: dict[str, float] = {}
            for c in sg.agency.candidates:
                label = self.report.remapped.get(c.label, c.label)
                merged[label] = round(merged.get(label, 0.0) + c.probability, 4)
            sg.agency.candidates = [Candidate(k, v) for k, v in sorted(merged.items(), key=lambda kv: -kv[1])]
            if sg.agency.candidates[0].label in self.report.split and sg.agency.band == "auto":
                sg.agency.band = "review"
            if touched:
                sg.model["agency_remap"] = self.report.remapped


def unwrap(suggester: SuggesterProtocol) -> SuggesterProtocol:
    """The model's own suggester under any wrappers (agency remapping, the learning router)."""
    while hasattr(suggester, "base"):
        suggester = suggester.base
    return suggester


def remapping_suggester(s: Session, suggester: SuggesterProtocol) -> RemappingSuggester:
    base = unwrap(suggester)
    codes = set(s.scalars(select(Agency.code).where(Agency.active.is_(True))))
    report = check_labels(base.labels("agency"), codes, mapping_table(s))
    if report.unknown:
        log.warning("model %s knows agencies that are not active and not mapped: %s", base.version,
                    ", ".join(report.unknown))
    return RemappingSuggester(base, report)


def label_report(holder) -> dict | None:
    loaded = holder.current
    layer = loaded.suggester if loaded else None
    while layer is not None and not isinstance(layer, RemappingSuggester):
        layer = getattr(layer, "base", None)
    return layer.report.to_dict() if layer is not None else None
