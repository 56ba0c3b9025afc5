"""Agency names as offices write them, matched to the directory: code, name, alias, then fuzzy.

Exact matches (after normalisation) are taken as they are. A fuzzy score at or above `accept` is taken
too; below it the name goes to the review list (api.imports.reviews) with the best candidate.
Scores are 0..100 (rapidfuzz token_sort_ratio, or difflib without rapidfuzz).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:
    from rapidfuzz import fuzz

    def _similarity(a: str, b: str) -> float:
        return float(fuzz.token_sort_ratio(a, b))
except ImportError:  # pragma: no cover - rapidfuzz is a dependency; difflib keeps imports working without it
    from difflib import SequenceMatcher

    def _similarity(a: str, b: str) -> float:
        return 100.0 * SequenceMatcher(None, " ".join(sorted(a.split())), " ".join(sorted(b.split()))).ratio()

# Words that say where, not who: "Dinas Kesehatan Kab. Sukamaju" is "Dinas Kesehatan".
NOISE = {"kab", "kabupaten", "kota", "pemkab", "pemkot", "pemerintah", "prov", "provinsi", "kantor"}


def normalise(name: str) -> str:
    s = name.lower().replace("&", " dan ")
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def _core(name: str) -> str:
    return " ".join(t for t in normalise(name).split() if t not in NOISE)


@dataclass(frozen=True)
class Match:
    code: str | None  # None: not matched confidently
    method: str  # code, name, alias, reviewed, fuzzy, contains, review, empty
    score: float
    candidate: str | None = None  # best guess when code is None


class AgencyMatcher:
    def __init__(self, agencies, resolved: dict[str, str | None] | None = None, accept: float = 90,
                 review: float = 60, region_words: set[str] | None = None):
        """agencies: rows with code, name, aliases; resolved: review key -> code (None = ignored)."""
        self.accept, self.review = accept, review
        self.resolved = dict(resolved or {})
        self.exact: dict[str, tuple[str, str]] = {}
        self.names: list[tuple[str, str]] = []  # (core name, code)
        region = set(region_words or ())
        for a in agencies:
            code, name, aliases = _get(a, "code"), _get(a, "name"), list(_get(a, "aliases") or [])
            for key, method in [(code, "code"), (name, "name")] + [(al, "alias") for al in aliases]:
                self.exact.setdefault(normalise(key), (code, method))
                core = " ".join(t for t in _core(key).split() if t not in region)
                if core:
                    self.names.append((core, code))
        self._region = region

    def match(self, raw: str | None) -> Match:
        if raw is None or not str(raw).strip():
            return Match(None, "empty", 0.0)
        key = normalise(str(raw))
        if key in self.resolved:
            code = self.resolved[key]
            return Match(code, "reviewed" if code else "ignored", 100.0)
        if key in self.exact:
            code, method = self.exact[key]
            return Match(code, method, 100.0)
        core = " ".join(t for t in _core(str(raw)).split() if t not in self._region)
        if not core:
            return Match(None, "review", 0.0)
        best: dict[str, float] = {}
        for name, code in self.names:
            score = _similarity(core, name)
            if score > best.get(code, -1):
                best[code] = score
        # A directory name written out in full inside a longer name ("Dinas Kesehatan Bidang P2P").
        tokens = f" {core} "
        contained = {code: len(name) for name, code in self.names if len(name.split()) >= 2 and f" {name} " in tokens}
        if len(contained) == 1:
            (code,) = contained
            best[code] = max(best[code], float(self.accept))
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if not ranked:
            return Match(None, "review", 0.0)
        (code, score), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0.0)
        if score >= self.accept and score - runner_up >= 5:
            return Match(code, "fuzzy", round(score, 1))
        return Match(None, "review", round(score, 1), code if score >= self.review else None)


def _get(a, key):
    return a[key] if isinstance(a, dict) else getattr(a, key)
