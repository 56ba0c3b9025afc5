"""Agency names as offices write them, matched to the directory: code, name, alias, then fuzzy.

Exact matches (after normalisation: case, punctuation, "Kab." = "Kabupaten", "Kec." = "Kecamatan") are
taken as they are. A fuzzy score at or above `accept` is taken too; below it the name goes to the review
list (api.imports.reviews) with the best candidate. Scores are 0..100 (rapidfuzz token_sort_ratio, or
difflib without rapidfuzz).

A kecamatan, kelurahan or desa is only ever matched to one of the same kind and (up to a typo) the same
place: "Kecamatan Baleendah" and "Kecamatan Cibeureum" share most of their letters, not their territory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

try:
    from rapidfuzz import fuzz

    def _similarity(a: str, b: str) -> float:
        return float(fuzz.token_sort_ratio(a, b))

    def _ratio(a: str, b: str) -> float:
        return float(fuzz.ratio(a, b))
except ImportError:  # pragma: no cover - rapidfuzz is a dependency; difflib keeps imports working without it
    from difflib import SequenceMatcher

    def _similarity(a: str, b: str) -> float:
        return 100.0 * SequenceMatcher(None, " ".join(sorted(a.split())), " ".join(sorted(b.split()))).ratio()

    def _ratio(a: str, b: str) -> float:
        return 100.0 * SequenceMatcher(None, a, b).ratio()

# Words that say where, not who: "Dinas Kesehatan Kab. Sukamaju" is "Dinas Kesehatan".
NOISE = {"kab", "kabupaten", "kota", "pemkab", "pemkot", "pemerintah", "prov", "provinsi", "kantor"}


# Abbreviations exports use for the words of a name.
ABBREVIATIONS = {"kab": "kabupaten", "kec": "kecamatan", "kel": "kelurahan", "prov": "provinsi", "ds": "desa",
                 "pemkab": "pemerintah kabupaten", "pemkot": "pemerintah kota", "pemprov": "pemerintah provinsi"}
TERRITORIAL = ("kecamatan", "kelurahan", "desa")


def normalise(name: str) -> str:
    s = name.lower().replace("&", " dan ")
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(ABBREVIATIONS.get(t, t) for t in s.split())


def _territory(name: str, region: set[str]) -> tuple[str, str] | None:
    """("kecamatan", "baleendah") for a territorial name, None for any other. Region words are dropped
    after the first word of the place only ("Kecamatan Sukamaju Kab. Sukamaju" -> sukamaju)."""
    words = _core(name).split()
    if len(words) >= 2 and words[0] in TERRITORIAL:
        place = [words[1]] + [w for w in words[2:] if w not in region]
        return words[0], "".join(place)
    return None


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
        self.territories: list[tuple[tuple[str, str], str]] = []  # ((kind, place), code)
        region = set(region_words or ())
        for a in agencies:
            code, name, aliases = _get(a, "code"), _get(a, "name"), list(_get(a, "aliases") or [])
            for key, method in [(code, "code"), (name, "name")] + [(al, "alias") for al in aliases]:
                self.exact.setdefault(normalise(key), (code, method))
                core = " ".join(t for t in _core(key).split() if t not in region)
                if core:
                    self.names.append((core, code))
                territory = _territory(key, region)
                if territory:
                    self.territories.append((territory, code))
        self._region = region

    def exact_match(self, raw: str | None) -> str | None:
        """The agency whose code, name or alias this is (after normalisation), or None."""
        hit = self.exact.get(normalise(str(raw or "")))
        return hit[0] if hit else None

    def candidates(self, raw: str, n: int = 3) -> list[tuple[str, float]]:
        """The closest agencies (code, score), best first; for a territorial name only the same kind."""
        return sorted(self._scores(str(raw)).items(), key=lambda kv: -kv[1])[:n]

    def _scores(self, raw: str) -> dict[str, float]:
        best: dict[str, float] = {}
        territory = _territory(raw, self._region)
        if territory is not None:
            for (kind, place), code in self.territories:
                if kind == territory[0]:  # a kecamatan is never a kelurahan, nor a dinas
                    best[code] = max(best.get(code, -1), _ratio(territory[1], place))
            return best
        core = " ".join(t for t in _core(raw).split() if t not in self._region)
        for name, code in self.names:
            score = _similarity(core, name) if core else 0.0
            if score > best.get(code, -1):
                best[code] = score
        return best

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
        best = self._scores(str(raw))
        if _territory(str(raw), self._region) is not None:  # the place must match up to a typo; no containment rule
            ranked = sorted(best.items(), key=lambda kv: -kv[1])
            if ranked and ranked[0][1] >= self.accept and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= 5):
                return Match(ranked[0][0], "fuzzy", round(ranked[0][1], 1))
            top = ranked[0] if ranked else (None, 0.0)
            return Match(None, "review", round(top[1], 1), top[0] if top[1] >= self.accept - 10 else None)
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
