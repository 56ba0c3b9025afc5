"""``DirectoryPrior``: agency probabilities for a report from the office's directory alone.

Fitted on a directory (no texts), each agency gets a profile: the citizen words of its type(s) from
``agency_types.yaml`` (or of the types it stands in for, when the directory has no office of a type),
its own name and aliases, the keywords and description its admin added. A report scores the agencies
whose profile words it contains; kecamatan, kelurahan and desa entries also score when the report
names their place ("di kel. Dukuh Setro", "kec tambaksari", or the bare name where it cannot be an
ordinary word).

The probability row is a mixture, so that its maximum means something:

    p = (1 - c) * near-uniform + c * q

``q`` spreads the mass over the matched agencies (softmax of their scores; several entries of one type
share it). When a place is named, a share ``place_share`` of ``q`` goes to the named entries and the
rest stays with the topic: most reports about a road in kelurahan X still belong to the roads office.
``c = 1 - exp(-kappa * evidence)`` grows with the matched evidence (damped for long reports, which
gather words of several matters); with no matched word ``c = 0`` and the row is (almost) uniform,
which is how a caller can tell "no idea". Settings were chosen on Surabaya's 2023 reports, outside
the cold-start replay window (``training/bench_coldstart.py --dev``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from triage.estimator_params import ClassifierParamsMixin
from triage.routing._match import (
    PhraseIndex,
    Term,
    modern_spelling,
    ordered_chain,
    parse_term,
    plain_tokens,
    root_words,
    tokens,
)
from triage.routing.agency_types import (
    AgencyTypes,
    TypeMatch,
    detect_region,
    load_agency_types,
    match_directory,
    strip_region,
    title_free,
)
from triage.routing.directory import AgencyEntry

__all__ = ["DirectoryPrior"]

_SEPARATORS = frozenset({"dan", "serta", "atau"})
_GONE = "\x00"  # a token already used by a place mention


def _keep_max(table: dict, term: Term, i: int, w: float) -> None:
    if w > table[term].get(i, 0.0):
        table[term][i] = w


class DirectoryPrior(ClassifierParamsMixin):
    """Cold-start agency probabilities from a directory (scikit-learn estimator contract, without importing
    scikit-learn: every worker fits one, see :mod:`triage.estimator_params`).

    Parameters
    ----------
    types_path : knowledge base file (default: the shipped ``agency_types.yaml``).
    region : the region's own name ("Kabupaten Bandung"), ``"auto"`` to read it from the names, or None.
    beta : sharpness of the softmax over matched agencies' scores.
    kappa : how fast matched evidence turns into confidence (``c = 1 - exp(-kappa * evidence)``).
    place_share : share of ``q`` given to a kecamatan/kelurahan/desa named with its prefix ("kel. X")
        when the report also has topic words; a weaker mention gets ``place_share * strength``. With no
        topic word the named place takes all of ``q``. Default measured on Surabaya's 2023 reports
        (``python -m training.bench_coldstart --places``): 16% of those naming "kelurahan X" went to X.
    bare_place : strength of a place name found without "kelurahan"/"kec."/"desa" before it (a prefixed
        mention is 1): 5% of bare mentions went to the place, a third of the prefixed share.
    street_place : strength of a place name right after "jalan", "gang", "pasar", ...
    place_evidence : how much a (prefixed) place mention counts towards ``c``.
    fallback_weight : weight of a type's words given to the office that stands in for it.
    tier_strength : how much the national frequency tier of a type tilts ``q``.
    weak_weight : weight of a type's ``weak_words`` (generic words that decide only when nothing else does).
    long_report : reports longer than this many words have their evidence scaled by
        ``sqrt(long_report / words)`` (None: no scaling).
    name_weight, keyword_weight, description_weight : weights of an agency's own name/aliases, admin
        keywords and description words (a type word weighs 1, a phrase up to 2).
    """

    def __init__(self, types_path=None, region="auto", beta=1.5, kappa=1.3, place_share=0.16, bare_place=0.3,
                 street_place=0.1, place_evidence=0.3, fallback_weight=0.7, tier_strength=0.3, weak_weight=0.3,
                 long_report=20, name_weight=2.5, keyword_weight=2.0, description_weight=0.5):
        self.types_path = types_path
        self.region = region
        self.beta = beta
        self.kappa = kappa
        self.place_share = place_share
        self.bare_place = bare_place
        self.street_place = street_place
        self.place_evidence = place_evidence
        self.fallback_weight = fallback_weight
        self.tier_strength = tier_strength
        self.weak_weight = weak_weight
        self.long_report = long_report
        self.name_weight = name_weight
        self.keyword_weight = keyword_weight
        self.description_weight = description_weight

    # -- fitting -------------------------------------------------------------------------------

    def fit(self, directory: Sequence[AgencyEntry], y=None):
        entries = list(directory)
        if not entries:
            raise ValueError("the directory is empty")
        for i, e in enumerate(entries):
            if not isinstance(e, AgencyEntry):
                raise TypeError(f"directory[{i}] is a {type(e).__name__}, expected an AgencyEntry")
        if len({e.name for e in entries}) != len(entries):
            raise ValueError("agency names must be unique: they are the labels")
        kb = load_agency_types(self.types_path)
        self.entries_ = entries
        self.classes_ = np.array([e.name for e in entries], dtype=object)
        if self.region == "auto":
            self.region_ = detect_region(entries)
        elif isinstance(self.region, str):
            self.region_ = tuple(t for t in tokens(self.region, mask_pii=False)
                                 if t not in ("kabupaten", "kota", "provinsi")) or None
        else:
            self.region_ = tuple(self.region) if self.region else None
        self.type_matches_: list[TypeMatch] = match_directory(entries, kb, self.region_)
        n = len(entries)

        by_type: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(self.type_matches_):
            for t in m.types:
                by_type[t].append(i)
        self.owners_ = self._owners(kb, by_type)

        weights: dict[Term, dict[int, float]] = defaultdict(dict)

        def put(term: Term, i: int, w: float):
            if w > weights[term].get(i, 0.0):
                weights[term][i] = w

        # Type words; a word listed by k types of this directory is shared (divided by sqrt(k)).
        listed: dict[Term, dict[str, float]] = defaultdict(dict)
        for code in self.owners_:
            t = kb.types[code]
            for words, w in ((t.weak_words, self.weak_weight), (t.words, 1.0)):
                for word in words:
                    term = parse_term(word)
                    if term is not None:
                        listed[term][code] = w
        for term, codes in listed.items():
            base = min(2.0, 1.0 + 0.5 * (term.size - 1)) / math.sqrt(len(codes))
            for code, w in codes.items():
                owners, factor = self.owners_[code]
                for i in owners:
                    put(term, i, base * w * factor)

        # Own words: a name or alias said in full, the parts of a combined name, admin keywords and
        # description words. Shared between k agencies, each gets 1/k.
        own: dict[Term, dict[int, float]] = defaultdict(dict)
        for i, (e, m) in enumerate(zip(entries, self.type_matches_, strict=True)):
            if any(kb.types[t].place for t in m.types):
                names = []  # a place entry is found by its place name, below
            else:
                names = [e.name, *e.aliases]
            for text in names:
                toks = self._name_tokens(text, kb)
                if toks:
                    _keep_max(own, Term((tuple(toks),)), i, self.name_weight)
                for part in self._parts(toks, kb):
                    _keep_max(own, Term((part,)), i, 0.6 * self.name_weight)
                for word in self._distinctive(toks, kb):
                    for variant in {word, modern_spelling(word)}:
                        _keep_max(own, Term(((variant,),)), i, 0.8 * self.name_weight)
            for kw in e.keywords:
                term = parse_term(kw)
                if term is not None:
                    _keep_max(own, term, i, self.keyword_weight)
            if e.description:
                for w in self._content_words(e.description, kb):
                    _keep_max(own, Term(((w,),)), i, self.description_weight)
        for term, by_agency in own.items():
            for i, w in by_agency.items():
                put(term, i, w / len(by_agency))

        self.terms_ = list(weights)
        self._term_id = {t: k for k, t in enumerate(self.terms_)}
        self._term_agencies = [np.fromiter(weights[t], dtype=np.int64) for t in self.terms_]
        self._term_weights = [np.fromiter(weights[t].values(), dtype=float) for t in self.terms_]
        self._term_owners = [frozenset(weights[t]) for t in self.terms_]
        self._phrases = PhraseIndex(t.parts[0] for t in self.terms_ if len(t.parts) == 1)
        self._phrase_id = {t.parts[0]: k for k, t in enumerate(self.terms_) if len(t.parts) == 1}
        self._multi = [t for t in self.terms_ if len(t.parts) > 1]
        # Each multi-part term filed under its first part: a report only tries the terms it could complete.
        self._multi_by_first: dict[str, list[Term]] = defaultdict(list)
        for t in self._multi:
            self._multi_by_first[t.parts[0]].append(t)
        self._parts_index = PhraseIndex(p for t in self._multi for p in t.parts)

        self._fit_places(kb)

        tiers = np.array([max((kb.types[t].tier for t in m.types), default=1) for m in self.type_matches_], float)
        self._log_tier = np.log(tiers)
        groups = defaultdict(list)
        for i, m in enumerate(self.type_matches_):
            if m.types:
                groups[tuple(sorted(m.types))].append(i)
        self._siblings = np.ones(n)
        for members in groups.values():
            self._siblings[members] = len(members)
        # With no evidence the row is uniform up to a few percent, so ties go to the common types.
        u = np.exp(0.05 * self._log_tier)
        self._uniform = u / u.sum()

        vocab = self._phrases.vocabulary() | self._parts_index.vocabulary() | self._places.vocabulary()
        self._vocab = vocab
        self._vocab_sorted = sorted(w for w in vocab if len(w) >= 5 and w.isalpha())
        # One edit changes a word's length by one at most: a word is compared only with the vocabulary
        # words of its length and the two next to it (the same answer, a third of the comparisons).
        by_len: dict[int, list[str]] = defaultdict(list)
        for w in self._vocab_sorted:
            by_len[len(w)].append(w)
        self._near_len = {n: by_len.get(n - 1, []) + by_len.get(n, []) + by_len.get(n + 1, [])
                          for n in range(min(by_len, default=0) - 1, max(by_len, default=0) + 2)}
        self._canon_cache: dict[str, str] = {}
        return self

    def _owners(self, kb: AgencyTypes, by_type) -> dict[str, tuple[list[int], float]]:
        """Type -> (agencies that take its words, weight factor). A type without an office falls
        back to the first type of its ``fallback`` list (or theirs) that has one."""
        out = {}
        for code in kb.types:
            if by_type.get(code):
                out[code] = (by_type[code], 1.0)
                continue
            frontier, seen, factor = list(kb.types[code].fallback), {code}, self.fallback_weight
            for _ in range(2):
                hit = next((f for f in frontier if by_type.get(f)), None)
                if hit:
                    out[code] = (by_type[hit], factor)
                    break
                seen.update(frontier)
                frontier = [g for f in frontier for g in kb.types[f].fallback if g not in seen]
                factor *= self.fallback_weight
        return out

    def _name_tokens(self, text: str, kb: AgencyTypes) -> list[str]:
        toks = strip_region(tokens(text, mask_pii=False), self.region_)
        return toks if any(t not in kb.generic_name_words for t in toks) else []

    @staticmethod
    def _parts(toks: list[str], kb: AgencyTypes) -> list[tuple[str, ...]]:
        """"dinas koperasi usaha kecil dan menengah dan perdagangan" -> ("koperasi usaha kecil",),
        ("menengah",), ("perdagangan",): what remains between separators, generic words trimmed."""
        parts, cur = [], []
        for t in [*toks, "dan"]:
            if t in _SEPARATORS:
                while cur and cur[0] in kb.generic_name_words:
                    cur.pop(0)
                while cur and cur[-1] in kb.generic_name_words:
                    cur.pop()
                if cur and cur != toks:
                    parts.append(tuple(cur))
                cur = []
            else:
                cur.append(t)
        return [p for p in parts if len(p) > 1 or (len(p[0]) >= 4 and p[0] not in kb.generic_name_words)]

    @staticmethod
    def _distinctive(toks: list[str], kb: AgencyTypes) -> list[str]:
        """Words of a name that are not ordinary Indonesian ("soewandhie", "husada"), so that "rs
        soewandhie" finds the hospital even though the whole name is never written."""
        from triage.text.stem import stem_word

        common = root_words()
        return [t for t in toks if len(t) >= 4 and t.isalpha() and t not in kb.generic_name_words
                and t not in common and stem_word(t) not in common]

    @staticmethod
    def _content_words(text: str, kb: AgencyTypes) -> list[str]:
        from triage.text.stem import stopwords

        sw = stopwords()
        return sorted({t for t in tokens(text, mask_pii=False)
                       if len(t) >= 4 and t.isalpha() and t not in sw and t not in kb.generic_name_words})

    def _fit_places(self, kb: AgencyTypes) -> None:
        """Place-name variants of kecamatan/kelurahan/desa entries, and the words around a mention."""
        variants: dict[tuple[str, ...], list[tuple[int, bool]]] = defaultdict(list)
        self._place_type = {}
        for i, m in enumerate(self.type_matches_):
            ptype = next((t for t in m.types if kb.types[t].place), None)
            if ptype is None or not m.place:
                continue
            self._place_type[i] = ptype
            plain = tuple(plain_tokens(m.place))
            base = {plain, tuple(tokens(m.place, mask_pii=False)), title_free(plain)}
            base |= {tuple(modern_spelling(w) for w in b) for b in base}
            if len(plain) > 1:
                base.add(("".join(plain),))  # "dukuhsetro"
            base = {b for b in base if b}
            qual = tuple(plain_tokens(m.qualifier)) if m.qualifier else ()
            for b in base:
                variants[b].append((i, not qual))
                if qual:
                    variants[b + qual].append((i, True))
        common = root_words() | kb.generic_name_words
        self._place_variants = {v: tuple(e) for v, e in variants.items()}
        # A one-word name that is an ordinary word ("gading", "ujung") needs "kelurahan"/"desa" before it.
        self._needs_prefix = {v for v in variants if len(v) == 1 and (v[0] in common or len(v[0]) < 4)}
        self._places = PhraseIndex(variants)
        # Longest first: "kantor camat X" before "camat X".
        self._prefixes = sorted(((p, t) for t, ps in kb.place_prefixes.items() for p in ps), key=lambda x: -len(x[0]))
        self._street = set(kb.street_words)
        self._place_members = defaultdict(list)
        for i, t in self._place_type.items():
            self._place_members[t].append(i)

    # -- scoring -------------------------------------------------------------------------------

    def _canon(self, tok: str) -> str:
        """Vocabulary form of a word: "jalannya" -> "jalan", "drainse" -> "drainase" (one edit, same
        first letter, not an ordinary Indonesian word, unique closest)."""
        hit = self._canon_cache.get(tok)
        if hit is not None:
            return hit
        out = tok
        if tok not in self._vocab:
            for suffix in ("nya", "ya", "ny"):  # "jalannya", "saluranya" (typo), "lampuny"
                stem = tok[:-len(suffix)]
                if tok.endswith(suffix) and len(stem) >= 3 and stem in self._vocab:
                    out = stem
                    break
            else:
                if len(tok) >= 5 and tok.isalpha() and tok not in root_words():
                    out = self._closest(tok) or tok
        if len(self._canon_cache) > 200_000:
            self._canon_cache.clear()
        self._canon_cache[tok] = out
        return out

    def _closest(self, tok: str) -> str | None:
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.process import extract

        near = self._near_len.get(len(tok))
        if not near:
            return None
        found = extract(tok, near, scorer=Levenshtein.distance, score_cutoff=1, limit=2)
        if not found or (len(found) > 1 and found[1][1] == found[0][1]):
            return None
        word = found[0][0]
        return word if word[0] == tok[0] else None

    def _place_hits(self, toks: list[str]) -> tuple[dict[int, float], list[str], list[tuple[int, str]]]:
        """Named places: entry -> strength; tokens with mentions blanked; (entry, mention) pairs."""
        hits: dict[int, float] = {}
        mentions: list[tuple[int, str]] = []
        rest = list(toks)
        i = 0
        places, starting = self._places, self._places.first_words
        while i < len(toks):
            variant = places.first(toks, i) if toks[i] in starting else None
            if variant is None:
                i += 1
                continue
            end = i + len(variant)
            prefix = next(((p, t) for p, t in self._prefixes if i >= len(p) and tuple(toks[i - len(p):i]) == p), None)
            street = any(i >= len(s) and tuple(toks[i - len(s):i]) == s for s in self._street)
            entries = self._place_variants[variant]
            specific = [e for e in entries if e[1]] or entries
            if prefix is not None:
                same_kind = [e for e in specific if self._place_type[e[0]] == prefix[1]]
                chosen, strength = (same_kind, 1.0) if same_kind else (specific, 0.5)
                start = i - len(prefix[0])
            elif street:
                chosen, strength, start = specific, self.street_place, i
            elif variant in self._needs_prefix:
                i += 1
                continue
            else:
                chosen, strength, start = specific, self.bare_place, i
            share = strength / len(chosen)
            for e, _ in chosen:
                if share > hits.get(e, 0.0):
                    hits[e] = share
                mentions.append((e, " ".join(toks[start:end])))
            if prefix is not None or len(variant) > 1 or strength >= self.bare_place:
                rest[i:end] = [_GONE] * (end - i)
            i = end
        return hits, rest, mentions

    def _match_terms(self, toks: list[str]) -> list[int]:
        phrase_id = self._phrase_id
        found = [(phrase_id[p], frozenset(range(s, e))) for s, e, p in self._phrases.longest(toks)]
        if self._multi:
            spans = defaultdict(list)
            for s, e, p in self._parts_index.all(toks):
                spans[p].append((s, e))
            for t in (t for first in spans for t in self._multi_by_first.get(first, ())):
                if all(p in spans for p in t.parts):
                    used = ordered_chain([spans[p] for p in t.parts])
                    if used is not None:
                        found.append((self._term_id[t], used))
        # The same words count once per agency: "lampu ~ mati" adds nothing to "lampu ~ jalan ~ mati".
        found.sort(key=lambda f: (-len(f[1]), f[0]))
        kept: list[tuple[int, frozenset[int]]] = []
        for k, used in found:
            if not any(used <= u and self._term_owners[k] <= self._term_owners[j] for j, u in kept):
                kept.append((k, used))
        return sorted(k for k, _ in kept)

    def _evidence(self, text: str):
        cache, canon = self._canon_cache, self._canon  # the cache read here: a call per word cost more
        toks = [cache.get(t) or canon(t) for t in tokens(text)]
        hits, rest, mentions = self._place_hits(toks)
        terms = self._match_terms(rest)
        scores = np.zeros(len(self.classes_))
        for k in terms:
            np.add.at(scores, self._term_agencies[k], self._term_weights[k])
        return scores, hits, terms, mentions

    def _row(self, scores: np.ndarray, hits: dict[int, float], n_words: int) -> np.ndarray:
        n = len(scores)
        top = float(scores.max()) if n else 0.0
        q = np.zeros(n)
        if top > 0:
            matched = scores > 0
            logits = self.beta * (scores - top) + self.tier_strength * self._log_tier - np.log(self._siblings)
            q[matched] = np.exp(logits[matched] - logits[matched].max())
            q /= q.sum()
            # A named place takes its type's share of the topic mass ("pak lurah" + "kel. X" -> X).
            by_type = defaultdict(list)
            for e in hits:
                by_type[self._place_type[e]].append(e)
            for ptype, named in by_type.items():
                members = self._place_members[ptype]
                mass = q[members].sum()
                if mass > 0:
                    q[members] = 0.0
                    h = np.array([hits[e] for e in named])
                    q[named] += mass * h / h.sum()
        if hits:
            qp = np.zeros(n)
            for e, h in hits.items():
                qp[e] = h
            qp /= qp.sum()
            share = self.place_share * min(1.0, max(hits.values()))
            q = qp if top == 0 else (1 - share) * q + share * qp
        evidence = top + self.place_evidence * max(hits.values(), default=0.0)
        if self.long_report and n_words > self.long_report:
            # A long report gathers words of several matters; its routing is less sure than a short one's.
            evidence *= math.sqrt(self.long_report / n_words)
        c = 1.0 - math.exp(-self.kappa * evidence)
        return (1.0 - c) * self._uniform + c * q

    # -- API -----------------------------------------------------------------------------------

    def predict_proba(self, texts) -> np.ndarray:
        """Rows over ``classes_`` (directory order), each summing to 1."""
        if isinstance(texts, str):
            raise TypeError("predict_proba takes a list of texts, not one string")
        found = []
        for text in texts:
            text = str(text) if text is not None else ""
            scores, hits, _, _ = self._evidence(text)
            found.append((scores, hits, len(text.split())))
        if not found:
            return np.zeros((0, len(self.classes_)))
        return self._rows(found)

    def _rows(self, found: list[tuple[np.ndarray, dict[int, float], int]]) -> np.ndarray:
        """:meth:`_row` of each (scores, hits, words), the same numbers: the reports that name no place (most
        of them) as one array, the others one by one."""
        if len(found) < 4:  # the array's fixed costs outweigh a few rows (one report costs twice as much)
            return np.vstack([self._row(*f) for f in found])
        S = np.vstack([f[0] for f in found])
        out = np.empty_like(S)
        plain = []
        for i, (scores, hits, n_words) in enumerate(found):
            if hits or not len(scores):
                out[i] = self._row(scores, hits, n_words)
            else:
                plain.append(i)
        if not plain:
            return out
        P = S[plain]
        top = P.max(axis=1)
        Q = np.zeros_like(P)
        some = np.flatnonzero(top > 0)
        if len(some):
            Ps, t = P[some], top[some]
            logits = self.beta * (Ps - t[:, None]) + self.tier_strength * self._log_tier - np.log(self._siblings)
            logits[Ps <= 0] = -np.inf  # unmatched agencies: exp gives them 0, as _row leaves them
            e = np.exp(logits - logits.max(axis=1, keepdims=True))
            e /= e.sum(axis=1, keepdims=True)
            Q[some] = e
        c = []
        for evidence, i in zip(top.tolist(), plain, strict=True):
            n_words = found[i][2]
            if self.long_report and n_words > self.long_report:
                evidence *= math.sqrt(self.long_report / n_words)
            c.append(1.0 - math.exp(-self.kappa * evidence))
        cs = np.array(c)[:, None]
        out[plain] = (1.0 - cs) * self._uniform + cs * Q
        return out

    def predict(self, texts) -> np.ndarray:
        return self.classes_[self.predict_proba(texts).argmax(axis=1)]

    def explain(self, text: str, label: str) -> list[str]:
        """The words of ``text`` that counted for ``label`` (an agency name or code), strongest first;
        a named place appears as written around it ("kelurahan dukuh setro")."""
        idx = [i for i, e in enumerate(self.entries_) if label in (e.name, e.code)]
        if not idx:
            raise ValueError(f"unknown agency {label!r}")
        i = idx[0]
        _, hits, terms, mentions = self._evidence(text)
        found = []
        for k in terms:
            where = np.nonzero(self._term_agencies[k] == i)[0]
            if len(where):
                found.append((float(self._term_weights[k][where[0]]), self.terms_[k].text))
        found.sort(key=lambda x: (-x[0], x[1]))
        out = [f"{m}" for e, m in mentions if e == i and e in hits]
        return list(dict.fromkeys(out + [w for _, w in found]))
