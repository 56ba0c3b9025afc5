"""Token-level matching shared by type matching (directory names) and the prior (report texts).

Both sides go through ``triage.text.normalize.normalize`` so that "jln", "Kab." or "dishub" in a
report and in the knowledge base end up as the same words. Hyphens are split ("gorong-gorong" ->
"gorong gorong") because place names and keywords are written both ways.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from triage.text.normalize import default_slang, normalize

# How many words may stand between the parts of a "a ~ b" term ("jalan depan sdn 2 rusak").
PAIR_GAP = 4


def tokens(text: str, *, mask_pii: bool = True) -> list[str]:
    """The model's view of ``text`` (slang expanded, personal data as placeholders) as words."""
    return normalize(text or "", slang=default_slang(), mask_pii=mask_pii).replace("-", " ").split()


def plain_tokens(text: str) -> list[str]:
    """Lowercase words without slang expansion (for place names: "dr soetomo" stays "dr soetomo")."""
    return re.findall(r"[a-z0-9]+", (text or "").lower())


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """Sastrawi's Indonesian root-word list: a single-word place name that is also an ordinary word
    ("gading", "ujung", "genteng") cannot be trusted when it stands alone in a report."""
    import Sastrawi

    path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
    with path.open(encoding="utf-8") as fh:
        return frozenset(w.strip() for w in fh if w.strip())


_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("ch", "kh"), ("dh", "d"))


def modern_spelling(word: str) -> str:
    """Pre-1972 spelling kept in names ("Soewandhie", "Djojo") as citizens now write it ("suwandie")."""
    for old, new in _OLD_SPELLING:
        word = word.replace(old, new)
    return word


@dataclass(frozen=True)
class Term:
    """A phrase, or ordered parts that must follow each other within ``PAIR_GAP`` words."""

    parts: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        return " ~ ".join(" ".join(p) for p in self.parts)

    @property
    def size(self) -> int:
        return sum(len(p) for p in self.parts)


def parse_term(raw: str, *, mask_pii: bool = False) -> Term | None:
    parts = tuple(tuple(tokens(p, mask_pii=mask_pii)) for p in str(raw).split("~"))
    if not parts or any(not p for p in parts):
        return None
    return Term(parts)


class PhraseIndex:
    """Contiguous phrase lookup by first word, longest phrase first."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]):
        by_first: dict[str, set[tuple[str, ...]]] = {}
        for p in phrases:
            if p:
                by_first.setdefault(p[0], set()).add(p)
        self._by_first = {k: sorted(v, key=lambda p: (-len(p), p)) for k, v in by_first.items()}
        self.first_words = frozenset(self._by_first)  # a scan skips the other words without a call

    def vocabulary(self) -> set[str]:
        return {w for ps in self._by_first.values() for p in ps for w in p}

    def at(self, toks: list[str], i: int) -> list[tuple[str, ...]]:
        """Phrases starting at position ``i``, longest first."""
        # Most words start no phrase: one dict lookup, no slicing (this runs for every word of a report).
        ps = self._by_first.get(toks[i])
        if not ps:
            return []
        return [p for p in ps if len(p) == 1 or tuple(toks[i:i + len(p)]) == p]

    def first(self, toks: list[str], i: int) -> tuple[str, ...] | None:
        """The longest phrase starting at position ``i``, or None."""
        ps = self._by_first.get(toks[i])
        if ps:
            for p in ps:
                if len(p) == 1 or tuple(toks[i:i + len(p)]) == p:
                    return p
        return None

    def longest(self, toks: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Greedy left-to-right, longest match at each position, non-overlapping."""
        # first() inlined: this runs over every word of every report, and most words start no phrase.
        out, i, n, by_first = [], 0, len(toks), self._by_first
        while i < n:
            ps = by_first.get(toks[i])
            if ps:
                for p in ps:
                    if len(p) == 1 or tuple(toks[i:i + len(p)]) == p:
                        out.append((i, i + len(p), p))
                        i += len(p)
                        break
                else:
                    i += 1
            else:
                i += 1
        return out


    def all(self, toks: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        by_first = self._by_first
        return [(i, i + len(p), p) for i, w in enumerate(toks) if w in by_first for p in self.at(toks, i)]


def ordered_chain(spans: list[list[tuple[int, int]]], gap: int = PAIR_GAP) -> frozenset[int] | None:
    """Word positions of the first way to pick one span from each list in order, each starting at most
    ``gap`` words after the previous one ends; None if there is none."""
    chains = [(e, frozenset(range(s, e))) for s, e in spans[0]]
    for nxt in spans[1:]:
        longer = []
        for s, e in nxt:
            for prev_end, used in chains:
                if prev_end <= s <= prev_end + gap:
                    longer.append((e, used | frozenset(range(s, e))))
                    break
        chains = longer
        if not chains:
            return None
    return chains[0][1]


def strip_nested(spans: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Drop spans strictly inside a longer one ("sumber daya" inside "sumber daya air")."""
    return [a for a in spans
            if not any(b is not a and b[0] <= a[0] and a[1] <= b[1] and (b[1] - b[0]) > (a[1] - a[0])
                       for b in spans)]
