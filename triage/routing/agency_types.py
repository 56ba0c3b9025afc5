"""The knowledge base of perangkat daerah types (``triage/data/agency_types.yaml``) and the matching
of directory entries to their types.

Indonesian regional government follows a national nomenclature, so "Dinas Pekerjaan Umum dan Tata
Ruang Kab. Bandung", "DPUPR" and "Dinas Sumber Daya Air dan Bina Marga" are all the same *type* of
office: a report about a broken road goes to it in any kabupaten. Combined offices ("Dinas Koperasi,
Usaha Kecil dan Menengah dan Perdagangan") have several types. Kecamatan, kelurahan and desa are
types identified by their prefix, and carry a place name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from triage.routing._match import PhraseIndex, parse_term, plain_tokens, root_words, strip_nested, tokens
from triage.routing.directory import AgencyEntry, split_list

__all__ = [
    "DEFAULT_TYPES_PATH",
    "AgencyType",
    "AgencyTypes",
    "TypeMatch",
    "detect_region",
    "load_agency_types",
    "match_directory",
    "match_entry",
]

DEFAULT_TYPES_PATH = Path(__file__).resolve().parents[1] / "data" / "agency_types.yaml"
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
_TYPE_KEYS = {"label", "patterns", "duties", "words", "weak_words", "fallback", "place", "tier"}
_TOP_KEYS = {"version", "generic_name_words", "place_prefixes", "street_words", "types"}
# Region words in directory names: "Dinas Kesehatan Kabupaten Bandung", "RSUD Kota Bogor".
_REGION_WORDS = ("kabupaten", "kota", "provinsi")
# Words that may precede a place prefix in an entry name: "Kantor Kelurahan X", "Pemerintah Desa X".
_PLACE_LEADS = ("kantor", "pemerintah", "pemerintahan")
# Titles inside place names ("Kelurahan dr. Soetomo"); citizens often drop them.
_TITLES = frozenset({"dr", "dari", "h", "hj", "kh", "ir", "prof", "raden", "r"})


@dataclass(frozen=True)
class AgencyType:
    code: str
    label: str
    patterns: tuple[str, ...]
    duties: str
    words: tuple[str, ...]
    weak_words: tuple[str, ...] = ()
    fallback: tuple[str, ...] = ()
    place: bool = False
    tier: int = 1


@dataclass(frozen=True, eq=False)
class AgencyTypes:
    """The validated knowledge base."""

    types: dict[str, AgencyType]
    generic_name_words: frozenset[str]
    place_prefixes: dict[str, tuple[tuple[str, ...], ...]]
    street_words: tuple[tuple[str, ...], ...]
    source: str

    @property
    def place_types(self) -> tuple[str, ...]:
        return tuple(c for c, t in self.types.items() if t.place)

    def pattern_index(self) -> tuple[PhraseIndex, dict[tuple[str, ...], set[str]]]:
        return _pattern_index(self)


@dataclass(frozen=True)
class TypeMatch:
    """The types of one directory entry, in order of importance; for a place type, the place name
    ("Kecamatan Baleendah" -> ``place="baleendah"``) and an optional qualifier ("Kelurahan Wonorejo -
    Rungkut" -> ``place="wonorejo"``, ``qualifier="rungkut"``). ``source`` says what decided:
    ``"type column"``, ``"name"``, ``"alias"`` or ``"none"``."""

    types: tuple[str, ...]
    place: str | None = None
    qualifier: str | None = None
    source: str = "none"


class AgencyTypesError(ValueError):
    """The knowledge base file is malformed; the message names the key."""


def _fail(source: str, key: str, msg: str):
    raise AgencyTypesError(f"{source}: {key}: {msg}")


def _str_list(value, source: str, key: str, *, nonempty: bool = True) -> tuple[str, ...]:
    if not isinstance(value, list) or (nonempty and not value):
        _fail(source, key, f"expected a {'non-empty ' if nonempty else ''}list of strings, got {type(value).__name__}")
    for i, v in enumerate(value):
        if not isinstance(v, str) or not v.strip():
            _fail(source, f"{key}[{i}]", f"expected a non-empty string, got {v!r}")
        if parse_term(v) is None:
            _fail(source, f"{key}[{i}]", f"{v!r} has no word left after normalisation (or an empty '~' part)")
    return tuple(v.strip() for v in value)


def _parse(data, source: str) -> AgencyTypes:
    if not isinstance(data, dict):
        _fail(source, "(top)", "expected a mapping")
    for k in data:
        if k not in _TOP_KEYS:
            _fail(source, str(k), f"unknown key (expected {', '.join(sorted(_TOP_KEYS))})")
    if data.get("version") != 1:
        _fail(source, "version", f"expected 1, got {data.get('version')!r}")
    raw_types = data.get("types")
    if not isinstance(raw_types, dict) or not raw_types:
        _fail(source, "types", "expected a non-empty mapping of type code -> type")
    types: dict[str, AgencyType] = {}
    for code, t in raw_types.items():
        key = f"types.{code}"
        if not isinstance(code, str) or not _CODE.match(code):
            _fail(source, key, "a type code is lowercase letters, digits and underscores")
        if not isinstance(t, dict):
            _fail(source, key, "expected a mapping")
        for k in t:
            if k not in _TYPE_KEYS:
                _fail(source, f"{key}.{k}", f"unknown key (expected {', '.join(sorted(_TYPE_KEYS))})")
        for k in ("label", "duties"):
            if not isinstance(t.get(k), str) or not t[k].strip():
                _fail(source, f"{key}.{k}", "expected a non-empty string")
        tier = t.get("tier", 1)
        if not isinstance(tier, int) or isinstance(tier, bool) or not 1 <= tier <= 5:
            _fail(source, f"{key}.tier", f"expected 1 to 5, got {tier!r}")
        place = t.get("place", False)
        if not isinstance(place, bool):
            _fail(source, f"{key}.place", f"expected true or false, got {place!r}")
        words = _str_list(t.get("words"), source, f"{key}.words")
        if len(words) < 5:
            _fail(source, f"{key}.words", f"expected at least 5 words, got {len(words)}")
        types[code] = AgencyType(
            code=code, label=t["label"].strip(), patterns=_str_list(t.get("patterns"), source, f"{key}.patterns"),
            duties=" ".join(t["duties"].split()), words=words,
            weak_words=_str_list(t.get("weak_words", []), source, f"{key}.weak_words", nonempty=False),
            fallback=_str_list(t.get("fallback", []), source, f"{key}.fallback", nonempty=False),
            place=place, tier=tier)
    for code, t in types.items():
        for i, f in enumerate(t.fallback):
            if f not in types or f == code:
                _fail(source, f"types.{code}.fallback[{i}]", f"{f!r} is not another type of this file")
    generic = _str_list(data.get("generic_name_words", []), source, "generic_name_words", nonempty=False)
    raw_prefixes = data.get("place_prefixes")
    if not isinstance(raw_prefixes, dict):
        _fail(source, "place_prefixes", "expected a mapping of place type -> list of prefixes")
    prefixes = {}
    for ptype, words in raw_prefixes.items():
        if ptype not in types or not types[ptype].place:
            _fail(source, f"place_prefixes.{ptype}", "not a type with 'place: true'")
        prefixes[ptype] = tuple(tuple(tokens(w, mask_pii=False))
                                for w in _str_list(words, source, f"place_prefixes.{ptype}"))
    for code, t in types.items():
        if t.place and code not in prefixes:
            _fail(source, f"place_prefixes.{code}", "a place type needs its prefixes")
    street = _str_list(data.get("street_words", []), source, "street_words", nonempty=False)
    return AgencyTypes(
        types=types,
        generic_name_words=frozenset(w for g in generic for w in tokens(g, mask_pii=False)),
        place_prefixes=prefixes,
        street_words=tuple(tuple(tokens(w, mask_pii=False)) for w in street),
        source=source)


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> AgencyTypes:
    with open(path, encoding="utf-8") as fh:
        try:
            # libyaml's loader when built in: the pure-Python one takes seconds of every start.
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 (a safe loader)
        except yaml.YAMLError as exc:
            raise AgencyTypesError(f"{path}: not valid YAML: {exc}") from None
    return _parse(data, path)


def load_agency_types(path: str | Path | None = None) -> AgencyTypes:
    """Load and validate the knowledge base (the shipped one by default). Cached per file version."""
    path = Path(path) if path else DEFAULT_TYPES_PATH
    return _load_cached(str(path), path.stat().st_mtime)


@lru_cache(maxsize=8)
def _pattern_index(kb: AgencyTypes):
    owners: dict[tuple[str, ...], set[str]] = {}
    for code, t in kb.types.items():
        if t.place:
            continue  # places are found by their prefix at the start of a name, not anywhere in it
        for p in t.patterns:
            owners.setdefault(tuple(tokens(p, mask_pii=False)), set()).add(code)
    return PhraseIndex(owners), owners


# -- names ---------------------------------------------------------------------------------------

def detect_region(entries: Sequence[AgencyEntry]) -> tuple[str, ...] | None:
    """The region's own name, from trailing "Kabupaten X" / "Kota X" in names ("Dinas Kesehatan
    Kabupaten Bandung" -> ``("bandung",)``); the most frequent one wins; None if no name has it."""
    found = Counter()
    for e in entries:
        toks = tokens(e.name, mask_pii=False)
        for i, t in enumerate(toks[:-1]):
            if t in _REGION_WORDS and i > 0:
                found[tuple(toks[i + 1:])] += 1
                break
    return found.most_common(1)[0][0] if found else None


def strip_region(toks: list[str], region: tuple[str, ...] | None) -> list[str]:
    """Remove "kabupaten X", "kota X" and X itself; also X's words that are not ordinary words
    ("PDAM Tirta Sukamaju" in Kabupaten Sukamaju Raya -> "pdam tirta")."""
    if not region:
        return toks
    out, i, n = [], 0, len(region)
    while i < len(toks):
        if toks[i] in _REGION_WORDS and tuple(toks[i + 1:i + 1 + n]) == region:
            i += 1 + n
        elif tuple(toks[i:i + n]) == region:
            i += n
        else:
            out.append(toks[i])
            i += 1
    own = {w for w in region if w not in root_words()}
    return [t for t in out if t not in own]


def _types_in(toks: list[str], kb: AgencyTypes) -> list[str]:
    index, owners = kb.pattern_index()
    every = index.all(toks)
    # Where each type's own words first appear orders the types of one span ("disperindag" reads
    # "dinas perindustrian dan perdagangan": perindustrian, then perdagangan).
    first: dict[str, int] = {}
    for start, _, phrase in sorted(every, key=lambda s: (len(owners[s[2]]) > 1, s[0])):
        for code in owners[phrase]:
            first.setdefault(code, start)
    found: list[str] = []
    for _, _, phrase in sorted(strip_nested(every), key=lambda s: (s[0], -s[1])):
        for code in sorted(owners[phrase], key=lambda c: (first[c], list(kb.types).index(c))):
            if code not in found:
                found.append(code)
    return found


def _split_qualifier(name: str) -> tuple[str, str | None]:
    """"Wonorejo - Rungkut" / "Wonorejo-Tegalsari" / "Sukamaju (Cibeureum)" -> (place, qualifier)."""
    m = re.match(r"^(.*?\S)\s*(?:\(([^)]*)\)|\s-\s*(.+)|-(?!\1\b)([A-Za-z].+))\s*$", name)
    if not m:
        return name, None
    qual = next(g for g in m.groups()[1:] if g is not None)
    return m.group(1), qual.strip() or None


def _place_of(entry: AgencyEntry, kb: AgencyTypes, region) -> tuple[str, str, str | None] | None:
    """(place type, place, qualifier) when the name starts with a place prefix."""
    pieces = [p for p in re.split(r"[\s.,]+", entry.name.strip()) if p]
    # Normalise word by word so the rest of the name can be cut from the original words
    # ("Kel. dr. Soetomo": the prefix is "kel", the place keeps its "dr").
    norm, owner = [], []
    for i, piece in enumerate(pieces):
        for t in tokens(piece, mask_pii=False):
            norm.append(t)
            owner.append(i)
    lead = 1 if norm and norm[0] in _PLACE_LEADS else 0
    best = None
    for ptype, prefixes in kb.place_prefixes.items():
        for p in prefixes:
            if tuple(norm[lead:lead + len(p)]) == p and (best is None or len(p) > len(best[1])):
                best = (ptype, p)
    if best is None or lead + len(best[1]) >= len(norm):
        return None
    ptype, prefix = best
    rest = " ".join(pieces[owner[lead + len(prefix) - 1] + 1:])
    place_text, qualifier = _split_qualifier(rest)
    place = strip_region(plain_tokens(place_text), region)
    qual = strip_region(plain_tokens(qualifier), region) if qualifier else []
    # "Kecamatan Baleendah Kabupaten Bandung": the region's name ends the place name.
    cut = next((i for i, w in enumerate(place) if i and w in (*_REGION_WORDS, "kab")), None)
    if cut is not None:
        place = place[:cut]
    # "Desa Sukamaju Kecamatan Cibeureum": a second prefix starts the qualifier.
    prefix_words = {w for ps in kb.place_prefixes.values() for p in ps for w in p} | {"kec", "kel", "ds"}
    for i, w in enumerate(place[1:], start=1):
        if w in prefix_words and not qual:
            place, qual = place[:i], place[i + 1:]
            break
    return (ptype, " ".join(place), " ".join(qual) or None) if place else None


def match_entry(entry: AgencyEntry, kb: AgencyTypes | None = None,
                region: tuple[str, ...] | None = None) -> TypeMatch:
    """Types of one entry: the ``type`` column if given, else its place prefix, else the type
    patterns found in its name and then its aliases (an office can have several types)."""
    kb = kb or load_agency_types()
    place = _place_of(entry, kb, region)
    if entry.type:
        codes = split_list(entry.type)
        for c in codes:
            if c not in kb.types:
                raise ValueError(f"agency {entry.code!r}: unknown type {c!r} in its type column")
        ptype = next((c for c in codes if kb.types[c].place), None)
        if ptype and place is None:
            words = [w for w in plain_tokens(entry.name) if w not in kb.generic_name_words]
            place = (ptype, " ".join(strip_region(words, region)), None)
        return TypeMatch(tuple(dict.fromkeys(codes)), place=place[1] if ptype and place else None,
                         qualifier=place[2] if ptype and place else None, source="type column")
    if place is not None:
        return TypeMatch((place[0],), place=place[1], qualifier=place[2], source="name")
    found = _types_in(strip_region(tokens(entry.name, mask_pii=False), region), kb)
    source = "name" if found else "none"
    for alias in entry.aliases:
        for code in _types_in(strip_region(tokens(alias, mask_pii=False), region), kb):
            if code not in found:
                found.append(code)
                source = source if source == "name" else "alias"
    return TypeMatch(tuple(found), source=source)


def match_directory(entries: Sequence[AgencyEntry], kb: AgencyTypes | None = None,
                    region: str | tuple[str, ...] | None = "auto") -> list[TypeMatch]:
    """``match_entry`` for every entry. ``region="auto"`` detects the region's name from the
    directory; pass a name ("Kabupaten Bandung") or None to override."""
    kb = kb or load_agency_types()
    if region == "auto":
        region = detect_region(entries)
    elif isinstance(region, str):
        region = tuple(t for t in tokens(region, mask_pii=False) if t not in _REGION_WORDS) or None
    return [match_entry(e, kb, region) for e in entries]


def title_free(words: Sequence[str]) -> tuple[str, ...]:
    """Place-name words without titles ("dr soetomo" -> "soetomo")."""
    return tuple(w for w in words if w not in _TITLES)
