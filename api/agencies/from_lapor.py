"""A draft agency directory from the agency names of a SP4N-LAPOR! export (`dinas_tujuan`, `instansi_induk`).

The export writes one office many ways: "Dinas Kesehatan Kab. Bandung", "DINAS KESEHATAN KABUPATEN
BANDUNG", "Dinkes Kab. Bandung", "Dinas Kesehatan". Names are compared as routing reads them
(`triage.routing._match.tokens`: case, punctuation and known abbreviations such as "Kab."/"Kec."/
"Dinkes" expanded), without the office's own place name, and grouped:

1. the same words -> one agency; kecamatan, kelurahan and desa by their type and place name
   ("Desa Tegalluar Kec. Bojongsoang" is "Desa Tegalluar");
2. the same agency types (triage/routing/agency_types.py) and the same remaining words ("Dispora" and
   "Dinas Pemuda dan Olahraga"); a short name that is the initials of a longer one ("DPMD");
3. a spelling slip ("Perhubungn") of a name written more often.

Each group becomes one agency: its name is the spelling written most often (abbreviations such as
"Kab." written out), the other spellings its aliases, its code readable and stable (DINKES,
KEC-BALEENDAH, RSUD-MAJALAYA). Placeholders ("Tidak Diketahui", "-", "Lainnya") are left out.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from api.agencies.schemas import AgencyIn, name_key

# Header spellings of the two columns (snake_case as LAPOR! v3 exports, title case as re-saved files).
AGENCY_HEADERS = ("dinas_tujuan", "instansi_tujuan", "opd_tujuan", "dinas")
PARENT_HEADERS = ("instansi_induk", "induk")
_ABBREVIATIONS = (  # written-out forms for display ("Kab." is "Kabupaten"), first letter case kept
    (re.compile(r"\bkab\b\.?\s*", re.I), "kabupaten "), (re.compile(r"\bkec\b\.?\s*", re.I), "kecamatan "),
    (re.compile(r"\bkel\b\.?\s*", re.I), "kelurahan "), (re.compile(r"\bds\b\.\s*", re.I), "desa "),
    (re.compile(r"\bprov\b\.?\s*", re.I), "provinsi "),
)
# Long forms routing's dictionary does not shorten, so that both spellings give the same words.
_PHRASES = ((("rumah", "sakit", "umum", "daerah"), ("rsud",)), (("perumda", "air", "minum"), ("pdam",)),
            (("perusahaan", "daerah", "air", "minum"), ("pdam",)), (("perusahaan", "umum", "daerah", "air", "minum"),
                                                                     ("pdam",)))
_LEADS = ("pemerintah", "pemerintahan", "kantor")
_PLACE_CODES = {"kecamatan": "KEC", "kelurahan": "KEL", "desa": "DESA"}
_TYPO_SCORE = 92


@dataclass
class DraftAgency:
    code: str
    name: str
    aliases: list[str]
    type: str | None
    rows: int  # export rows naming it
    forms: Counter = field(default_factory=Counter)  # written name -> rows
    parents: Counter = field(default_factory=Counter)  # instansi_induk -> rows
    existing: str | None = None  # the code of the directory's agency it matched, if any

    def to_schema(self) -> AgencyIn:
        return AgencyIn(code=self.code, name=self.name, aliases=self.aliases, type=self.type)


@dataclass
class Draft:
    agencies: list[DraftAgency]
    region: str | None  # the office's place name left out for matching
    rows: int  # data rows of the export
    placeholder_rows: int
    empty_rows: int
    placeholders: Counter  # placeholder name -> rows
    source: str

    @property
    def names_written(self) -> int:
        return sum(len(a.forms) for a in self.agencies)

    def counts(self) -> dict[str, int]:
        by = Counter((a.type or "").split("|")[0] if (a.type or "").split("|")[0] in _PLACE_CODES else "lain"
                     for a in self.agencies)
        return {"kecamatan": by["kecamatan"], "kelurahan": by["kelurahan"], "desa": by["desa"], "lain": by["lain"]}


class ExportError(ValueError):
    """The export cannot be read, or has no agency column."""


# -- reading ---------------------------------------------------------------------------------------

def _header_key(cell) -> str:
    return re.sub(r"[\s\-/]+", "_", str(cell or "").strip().lower())


def read_names(path: str | Path) -> tuple[Counter, dict[str, Counter], int, str]:
    """(written agency name -> rows, name -> Counter of instansi_induk, data rows, header as written)."""
    from api.imports.reader import ReadError, is_blank, read_sheet

    try:
        sheet = read_sheet(path)
    except ReadError as exc:
        raise ExportError(str(exc)) from None
    header_at, cols = None, {}
    for number, cells in sheet.rows[:20]:  # exports may open with a title line
        keys = [_header_key(c) for c in cells]
        agency = next((i for i, k in enumerate(keys) if k in AGENCY_HEADERS), None)
        if agency is not None:
            header_at = number
            cols = {"agency": agency, "parent": next((i for i, k in enumerate(keys) if k in PARENT_HEADERS), None)}
            header = str(cells[agency])
            break
    if header_at is None:
        raise ExportError(f"{path}: no agency column (dinas_tujuan or 'Dinas Tujuan') in the first 20 rows")
    names: Counter = Counter()
    parents: dict[str, Counter] = defaultdict(Counter)
    rows = 0
    for number, cells in sheet.rows:
        if number <= header_at or is_blank(cells):
            continue
        rows += 1
        cell = cells[cols["agency"]] if cols["agency"] < len(cells) else None
        name = " ".join(str(cell).replace("\u200b", "").split()) if cell is not None else ""
        names[name] += 1
        p = cols["parent"]
        if p is not None and p < len(cells) and cells[p] not in (None, ""):
            parents[name][" ".join(str(cells[p]).split())] += 1
    return names, parents, rows, header


# -- normalising -----------------------------------------------------------------------------------

def written_out(name: str) -> str:
    """"Dinas Kesehatan Kab.Bandung" -> "Dinas Kesehatan Kabupaten Bandung" (for display)."""
    upper = name.isupper()
    for pattern, repl in _ABBREVIATIONS:
        name = pattern.sub(lambda m, r=repl: r.upper() if upper else r.capitalize() if m.group(0)[0].isupper() else r,
                           name)
    return " ".join(name.split())


def region_from(parents: Counter, office: str | None) -> tuple[str, ...] | None:
    """The office's own place name as words: from --office, else the most common 'Pemerintah Kabupaten X'."""
    from triage.routing._match import tokens

    text = office
    if not text and parents:
        text = next((p for p, _ in parents.most_common() if re.search(r"(?i)\b(kabupaten|kab\b|kota)", p)), None)
    if not text:
        return None
    toks = tokens(text, mask_pii=False)
    for i, t in enumerate(toks):
        if t in ("kabupaten", "kota"):
            return tuple(toks[i + 1:]) or None
    return tuple(t for t in toks if t not in _LEADS and t != "provinsi") or None


def _replace_phrases(toks: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(toks):
        for long, short in _PHRASES:
            if tuple(toks[i:i + len(long)]) == long:
                out.extend(short)
                i += len(long)
                break
        else:
            if not out or out[-1] != toks[i]:  # "Satpol PP" expands to "satpol pp pp"
                out.append(toks[i])
            i += 1
    return out


def match_words(name: str, region: tuple[str, ...] | None) -> list[str]:
    """The words a name is compared by: routing's normalisation, long forms shortened, no leading
    "Pemerintah"/"Kantor", without the office's own place name."""
    from triage.routing._match import tokens
    from triage.routing.agency_types import strip_region

    toks = _replace_phrases(tokens(written_out(name), mask_pii=False))
    while toks and toks[0] in _LEADS:
        toks = toks[1:]
    return strip_region(toks, region)


# -- grouping --------------------------------------------------------------------------------------

@dataclass
class _Group:
    key: tuple
    words: list[str]
    forms: Counter
    types: tuple[str, ...] = ()
    place: str | None = None

    @property
    def rows(self) -> int:
        return sum(self.forms.values())


def _similar(a: str, b: str) -> float:
    try:
        from rapidfuzz import fuzz

        return float(fuzz.ratio(a, b))
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency
        from difflib import SequenceMatcher

        return 100.0 * SequenceMatcher(None, a, b).ratio()


def _content(words: list[str], g: _Group, kb) -> frozenset[str]:
    """Words of a name that are neither generic ("dinas", "dan") nor one of its types' patterns."""
    from triage.routing._match import tokens

    pattern_words = {w for t in g.types for p in kb.types[t].patterns for w in tokens(p, mask_pii=False)}
    return frozenset(w for w in words if w not in kb.generic_name_words and w not in pattern_words)


def _initials(words: list[str], kb) -> str:
    return "".join(w[0] for w in words if w not in ("dan", "serta"))


def group_names(names: Counter, region: tuple[str, ...] | None) -> list[_Group]:
    from triage.routing.agency_types import load_agency_types, match_entry
    from triage.routing.directory import AgencyEntry

    kb = load_agency_types()
    groups: dict[tuple, _Group] = {}
    for name, n in names.items():
        words = match_words(name, region)
        if not words:
            continue
        # No region here: "Kecamatan Sukamaju" in Kota Sukamaju is a kecamatan, not the office.
        m = match_entry(AgencyEntry(code="X", name=written_out(name)), kb, None)
        if m.place:
            key = ("place", m.types[0], m.place)
        else:
            key = ("name", " ".join(words))
        g = groups.setdefault(key, _Group(key, words, Counter(), m.types, m.place))
        g.forms[name] += n
    merged = _merge_same_types(list(groups.values()), kb)
    merged = _merge_subsets(merged, kb)
    merged = _merge_initials(merged, kb)
    return _merge_typos(merged)


def _absorb(into: _Group, other: _Group) -> None:
    into.forms.update(other.forms)
    if len(other.words) > len(into.words):
        into.words, into.types = other.words, other.types or into.types


def _merge_same_types(groups: list[_Group], kb) -> list[_Group]:
    """Groups with the same types and the same remaining words are one agency ("Dispora" and "Dinas
    Pemuda dan Olahraga"; "RSUD Majalaya" and "Rumah Sakit Umum Daerah Majalaya")."""
    by_sig: dict[tuple, _Group] = {}
    out = []
    for g in sorted(groups, key=lambda g: -g.rows):
        if g.place or not g.types:
            out.append(g)
            continue
        sig = (tuple(sorted(g.types)), _content(g.words, g, kb))
        if sig in by_sig:
            _absorb(by_sig[sig], g)
        else:
            by_sig[sig] = g
            out.append(g)
    return out


def _merge_subsets(groups: list[_Group], kb) -> list[_Group]:
    """A name whose own words are all in exactly one longer name of the same types is that agency
    ("RSUD Soreang" and "RSUD Otto Iskandar Dinata Soreang")."""
    out = []
    for g in sorted(groups, key=lambda g: len(g.words)):
        target = None
        if not g.place and g.types:
            mine = _content(g.words, g, kb)
            wider = [h for h in groups if h is not g and not h.place and h.types == g.types and mine
                     and mine < _content(h.words, h, kb)]
            target = wider[0] if len(wider) == 1 else None
        if target is not None:
            _absorb(target, g)
            g.forms = Counter()
        else:
            out.append(g)
    return [g for g in out if g.forms]


def _letters(abbreviation: str) -> str:
    """"dp2kbp3a" -> "dppkbpppa": a digit repeats the letter before it."""
    return re.sub(r"([a-z])(\d)", lambda m: m.group(1) * int(m.group(2)), abbreviation)


_LEAD_CHUNKS = {"dinas": ("dis", "din", "di", "d"), "badan": ("ba", "b"), "kantor": ("kan", "k")}


def _coverage(abbreviation: str, words: list[str]) -> float:
    """How well a short name spells a long one the Indonesian way: one piece of each word in order ("dis"
    of dinas, "ar" of arsip, "pus" of perpustakaan = Disarpus), the first piece starting the name.
    The share of the long name's own words used (0 when it cannot be spelled so)."""
    own = [w for w in words if w not in ("dan", "serta")]
    if not own or not abbreviation:
        return 0.0

    @functools.cache
    def best(i: int, j: int) -> int:  # most words used to spell abbreviation[i:] from own[j:]; -1 if impossible
        if i == len(abbreviation):
            return 0
        out = -1
        for k in range(j, len(own)):
            if j == 0 and k > 0:
                break  # the first piece comes from the first word
            w = own[k]
            starts = _LEAD_CHUNKS.get(w, ()) if k == 0 else ()
            for end in range(len(abbreviation), i, -1):
                piece = abbreviation[i:end]
                ok = piece in starts or (w.startswith(piece) if k == 0 else piece in w)
                if ok:
                    rest = best(end, k + 1)
                    if rest >= 0:
                        out = max(out, rest + 1)
        return out

    used = best(0, 0)
    return used / len(own) if used > 0 else 0.0


def _merge_initials(groups: list[_Group], kb) -> list[_Group]:
    """A one-word name made of the letters of exactly one longer name, in order and starting with its first
    letter, is that agency ("DPMD", "BPKAD", "Disperkimtan", "DP2KBP3A"), as is a short name whose types
    are those of exactly one longer name ("Diskominfo" and "Dinas Komunikasi, Informatika dan Statistik")."""
    out = []
    for g in sorted(groups, key=lambda g: len(g.words)):
        target = None
        if not g.place and len(g.words) <= 2:
            word = "".join(g.words[1:]) if g.words[0] in ("dinas", "badan") and len(g.words) == 2 else g.words[0]
            letters = _letters(word)
            # Types are knowledge, letters a guess: a short name with types only joins a name sharing them.
            long = [h for h in groups if not h.place and len(h.words) >= 2 and h.forms
                    and (not g.types or set(g.types) <= set(h.types))]
            if len(g.words) == 1 or word != g.words[0]:
                by_initials = [h for h in long if h is not g and len(letters) >= 3 and _initials(h.words, kb) in (
                    letters, "d" + letters, "b" + letters)]
                scored = sorted(((_coverage(letters, h.words), id(h), h) for h in long if h is not g
                                 and len(letters) >= 4), key=lambda t: -t[0])
                by_letters = [h for c, _, h in scored if c >= 0.5 and c == scored[0][0]]
                by_types = [h for h in long if h is not g and g.types and set(g.types) <= set(h.types)
                            and len(h.words) > len(g.words)]
                for candidates in (by_initials, by_letters, by_types):
                    if len(candidates) == 1:
                        target = candidates[0]
                        break
        if target is not None:
            _absorb(target, g)
        else:
            out.append(g)
    return [g for g in out if g.forms]


def _merge_typos(groups: list[_Group]) -> list[_Group]:
    """A name written rarely and within a letter or two of a name written more often is that name."""
    out: list[_Group] = []
    for g in sorted(groups, key=lambda g: -g.rows):
        key = " ".join(g.words)
        target = next((h for h in out if h.place is None and g.place is None and len(key) >= 8
                       and _similar(key, " ".join(h.words)) >= _TYPO_SCORE), None)
        if target is None and g.place:
            target = next((h for h in out if h.place and h.key[1] == g.key[1] and len(g.place) >= 6
                           and _similar(g.place, h.place) >= _TYPO_SCORE), None)
        if target is not None:
            target.forms.update(g.forms)
        else:
            out.append(g)
    return out


# -- names and codes -------------------------------------------------------------------------------

def _title(name: str) -> str:
    """"DINAS KETAHANAN PANGAN DAN PERIKANAN" -> "Dinas Ketahanan Pangan dan Perikanan" (acronyms kept)."""
    from triage.routing._match import root_words

    def word(w: str) -> str:
        low = w.lower()
        if low in ("dan", "serta", "di", "dari", "untuk"):
            return low
        if len(low) <= 5 and low.isalpha() and low not in root_words() and not re.search(r"[aiueo]{2}", low):
            return w  # RSUD, DPRD, PP
        return w[:1] + w[1:].lower()

    return " ".join(word(w) for w in name.split())


def _display(forms: Counter, place: bool) -> tuple[str, list[str]]:
    """The name (written out, the spelling used most, not all in capitals) and the other spellings. On a
    tie: a kecamatan or desa by its shortest spelling ("Desa X", not "Desa X Kec. Y"), an office by its
    longest ("... Kabupaten Bandung", not the name alone); "Pemerintah ..." last."""
    spelled: Counter = Counter()
    variants: dict[str, Counter] = defaultdict(Counter)
    for form, n in forms.items():
        full = written_out(form)
        if place:  # "Kecamatan Baleendah Kabupaten Bandung" is named "Kecamatan Baleendah"
            full = re.sub(r"(?i)\s+(kabupaten|kota)\s+\S.*$", "", full)
        spelled[full.casefold()] += n
        variants[full.casefold()][full] += n
    best = max(spelled, key=lambda k: (spelled[k], not k.startswith(_LEADS), -len(k) if place else len(k), k))
    cased = sorted(variants[best].items(),
                   key=lambda kv: (kv[0].isupper(), -kv[1], sum(c.isupper() for c in kv[0]), kv[0]))
    name = cased[0][0]
    if name.isupper():
        name = _title(name)
    aliases = sorted({f for f in forms if name_key(f) != name_key(name)}, key=lambda f: (-forms[f], f))
    return name, aliases


def _abbreviation(forms: Counter, name: str, region: tuple[str, ...] | None) -> str | None:
    """A short spelling the office uses for itself ("Dinkes Kab. Bandung" -> DINKES, "Satpol PP" -> SATPOLPP)."""
    from triage.routing._match import plain_tokens, root_words
    from triage.routing.agency_types import strip_region

    found: Counter = Counter()
    name_words = set(plain_tokens(name))
    for form, n in forms.items():
        words = strip_region([w for w in plain_tokens(written_out(form)) if w not in ("kabupaten", "kota")], region)
        if words[:1] == ["dinas"] and len(words) == 2:
            words = words[1:]
        # A word of the full name ("Dinas Perhubungan" -> "perhubungan") is not a short form.
        # A word of the full name, or a slip of one ("perhubungn"), is not a short form.
        if 1 <= len(words) <= 2 and len("".join(words)) <= 14 and not all(w in root_words() for w in words) \
                and not all(max((_similar(w, nw) for nw in name_words), default=0) >= 80 for w in words):
            found["".join(words).upper()] += n
    return found.most_common(1)[0][0] if found else None


def _acronym(name: str) -> bool:
    first = name.split()[0]
    return first.isupper() and not name.isupper() and len(_code_word(first)) >= 3


def _code_word(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def _code(g: _Group, name: str, region, acronym_counts: Counter) -> str:
    from triage.routing._match import plain_tokens
    from triage.routing.agency_types import strip_region

    if g.place:
        return f"{_PLACE_CODES.get(g.key[1], g.key[1].upper())}-{_code_word(g.place)}"
    first = name.split()[0]
    rest = strip_region(plain_tokens(" ".join(name.split()[1:])), region)
    if _acronym(name):  # "RSUD Majalaya", "PDAM Tirta Raharja"
        acronym = _code_word(first)
        return acronym if acronym_counts[acronym] == 1 or not rest else f"{acronym}-{_code_word(''.join(rest))}"
    abbr = _abbreviation(g.forms, name, region)
    if abbr:
        return abbr
    words = strip_region([w for w in plain_tokens(name) if w not in ("kabupaten", "kota")], region)
    own = [w for w in words if w not in ("dinas", "badan", "daerah", "dan", "serta")]
    if len(own) == 1:  # "Inspektorat Daerah" -> INSPEKTORAT
        return own[0].upper()
    initials = "".join(w[0] for w in words if w not in ("dan", "serta")).upper()
    return initials if len(initials) >= 3 else "-".join(w.upper() for w in words)[:40] or "INSTANSI"


def _unique_codes(codes: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for c in codes:
        c = c[:40].strip("-") or "INSTANSI"
        base, n = c, 2
        while c in seen:
            c = f"{base[:37]}-{n}"
            n += 1
        seen.add(c)
        out.append(c)
    return out


def draft(path: str | Path, *, office: str | None = None) -> Draft:
    """The draft directory of an export (nothing is written)."""
    from triage.routing.directory import is_placeholder

    names, parents, rows, _header = read_names(path)
    all_parents = Counter()
    for c in parents.values():
        all_parents.update(c)
    region = region_from(all_parents, office)
    placeholders = Counter({n: c for n, c in names.items() if n and is_placeholder(n)})
    empty = names.get("", 0)
    real = Counter({n: c for n, c in names.items() if n and not is_placeholder(n)})
    if region is None:  # no instansi_induk (the short export): the "Kabupaten X" most names end with
        from triage.routing.agency_types import detect_region
        from triage.routing.directory import AgencyEntry

        region = detect_region([AgencyEntry(code="X", name=written_out(n)) for n in real])
    groups = group_names(real, region)
    named = [(g, *_display(g.forms, g.place is not None)) for g in groups]
    acronyms = Counter(_code_word(name.split()[0]) for _, name, _ in named if _acronym(name))
    # Order: most reports first (the review reads the big ones first); codes are given in name order
    # so that the same export always gets the same codes.
    named.sort(key=lambda t: t[1].casefold())
    codes = _unique_codes([_code(g, name, region, acronyms) for g, name, _ in named])
    out = []
    for (g, name, aliases), code in zip(named, codes, strict=True):
        p = Counter()
        for f in g.forms:
            p.update(parents.get(f, {}))
        out.append(DraftAgency(code=code, name=name, aliases=aliases, type="|".join(g.types) or None, rows=g.rows,
                               forms=g.forms, parents=p))
    out.sort(key=lambda a: (-a.rows, a.code))
    return Draft(out, " ".join(region) if region else None, rows, sum(placeholders.values()), empty, placeholders,
                 str(path))


# -- review and apply ------------------------------------------------------------------------------

def render(d: Draft, *, aliases_shown: int = 4) -> str:
    """The draft as a readable table, then the counts."""
    main_parent = Counter()
    for a in d.agencies:
        main_parent.update(a.parents)
    office_parent = main_parent.most_common(1)[0][0] if main_parent else None
    width = max([len(a.code) for a in d.agencies] + [4])
    lines = [f"Draf direktori instansi dari {Path(d.source).name}"
             + (f" (nama tempat kantor '{d.region}' diabaikan saat mencocokkan nama)" if d.region else ""),
             "", f"{'KODE':<{width}}  {'JENIS':<24} {'LAPORAN':>7}  NAMA / ejaan lain di rekap"]
    for a in d.agencies:
        lines.append(f"{a.code:<{width}}  {(a.type or '-'):<24} {a.rows:>7}  {a.name}")
        if a.aliases:
            shown = ", ".join(f"{al} ({a.forms[al]})" for al in a.aliases[:aliases_shown])
            more = f", … {len(a.aliases) - aliases_shown} lagi" if len(a.aliases) > aliases_shown else ""
            lines.append(f"{'':<{width}}  {'':<24} {'':>7}    = {shown}{more}")
        other = [p for p in a.parents if p != office_parent]
        if other:
            lines.append(f"{'':<{width}}  {'':<24} {'':>7}    induk: {', '.join(other)}")
    c = d.counts()
    named = sum(a.rows for a in d.agencies)
    held = ", ".join(f"{n!r}: {k}" for n, k in d.placeholders.most_common())
    lines += ["", f"Ringkasan: {d.rows} baris; {named} baris menyebut {len(d.agencies)} instansi yang ditulis dengan "
                  f"{d.names_written} cara ({c['kecamatan']} kecamatan, {c['kelurahan']} kelurahan, {c['desa']} desa, "
                  f"{c['lain']} lainnya).",
              f"Dilewati: {d.placeholder_rows} baris tanpa instansi yang jelas ({held or '-'}) dan {d.empty_rows} baris "
              f"kosong."]
    return "\n".join(lines)


def items_for(s, d: Draft):
    """The import items that write the draft, and the demo agencies it replaces.

    A drafted agency that the office's directory already has (by code, name or alias) keeps its code and
    name and only gains the new spellings as aliases, so a second run changes nothing; the shipped demo
    directory's agencies that nobody changed are replaced."""
    from sqlalchemy import select

    from api.agencies.directory import Item, untouched_demo_codes
    from api.models import Agency

    demo = untouched_demo_codes(s)
    own = [a for a in s.scalars(select(Agency).order_by(Agency.code)) if a.code not in demo]
    by_key: dict[str, Agency] = {}
    for a in own:
        if a.active:
            for text in (a.code, a.name, *(a.aliases or [])):
                by_key.setdefault(name_key(text), a)
    taken = {a.code for a in own}
    items = []
    for da in d.agencies:
        match = next((by_key[k] for k in map(name_key, (da.name, *da.aliases, da.code)) if k in by_key), None)
        if match is not None:
            known = {name_key(x) for x in (match.name, match.code, *(match.aliases or []))}
            extra = [f for f in (da.name, *da.aliases) if name_key(f) not in known]
            items.append(Item(AgencyIn(code=match.code, name=match.name, aliases=[*(match.aliases or []), *extra])))
            da.existing = match.code
            continue
        code, n = da.code, 2
        while code in taken:
            code, n = f"{da.code[:37]}-{n}", n + 1
        taken.add(code)
        items.append(Item(AgencyIn(code=code, name=da.name, aliases=da.aliases, type=da.type, parent=None,
                                   deadline_days=5, keywords=[], description=None, active=True)))
    return items, demo - {it.agency.code for it in items}
