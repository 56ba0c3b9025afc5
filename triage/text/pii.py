"""Personal-data detection and masking for Indonesian complaint text.

Kinds (docs/pii.md says exactly what each covers): NIK, KK (family-card number), NIP (civil-servant
number), NPWP (tax number), BPJS (health-insurance card), TELEPON, EMAIL, URL, PLAT (vehicle plate),
REKENING (bank account), ALAMAT (house-level address: street + number + RT/RW) and NAMA (a name
introduced by "nama saya", "saya <Name> warga", "atas nama", "Pak", ...). Rules are regular
expressions plus validation in Python.

Real text is not clean: SP4N-LAPOR! exports strip line breaks and glue words together
("NIK 3204124101990001Saya", "budi@gmail.comterima kasih"), and people type NBSP, zero-width or
full-width characters. Detection therefore runs on a *shadow* copy of the text in which full-width
forms, Unicode spaces, dashes and digits are folded to ASCII and invisible characters are removed;
an offset map turns the shadow spans back into offsets of the original text, so that
``text[start:end] == value`` always holds for the text the caller gave. A number may be glued to a
word on either side (but not to a code: "3201234501890001X" is not a NIK); an e-mail address ends
at its top-level domain even when the next word is glued to it.

Performance: every pattern is compiled once at import, quantifiers are bounded and matches cannot
start inside a token, so scanning is linear in the text length (no catastrophic backtracking).

    >>> [s.kind for s in detect("NIK 3201234501890001, HP 0812-3456-7890")]
    ['NIK', 'TELEPON']
    >>> mask("hubungi 0812-3456-7890 di RT 03/RW 05")
    'hubungi [TELEPON] di RT 03/RW 05'
    >>> mask("Nik. 3204124101990001Saya warga Jl. Melati No. 12 RT 03/RW 05Mohon")
    'Nik. [NIK]Saya warga [ALAMAT]Mohon'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from triage.data import load_slang
from triage.text.placeholders import KINDS, placeholder

__all__ = ["PiiSpan", "KINDS", "detect", "mask", "suggest_confidentiality"]


@dataclass(frozen=True)
class PiiSpan:
    kind: str  # one of placeholders.KINDS
    start: int  # character offsets into the original text: text[start:end] == value
    end: int
    value: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end, "value": self.value}


# When two candidates overlap, the one whose kind comes first here wins (then the longer one).
_PRIORITY = {
    k: i
    for i, k in enumerate(
        ("EMAIL", "URL", "REKENING", "NIP", "NPWP", "KK", "NIK", "BPJS", "TELEPON", "ALAMAT", "PLAT", "NAMA")
    )
}
assert set(_PRIORITY) == set(KINDS)

_I = re.IGNORECASE
# Small patterns used inside the detectors, compiled once here rather than looked up in re's cache per call.
_NON_DIGIT = re.compile(r"[^0-9]")
_MOBILE_OR_62 = re.compile(r"0?8|62")
_MOBILE_START = re.compile(r"0?8\d")
_ACCOUNT_WORD = re.compile(r"rek|norek", _I)
_LEADING_NUMBER = re.compile(r"[+(]*[0-9]+\)?")
_INITIAL = re.compile(r"[A-Z]\.")
Candidate = tuple[str, int, int]


# --------------------------------------------------------------------------------------------
# Shadow copy: fold look-alike characters to ASCII (1:1) and drop invisible ones (with an offset map).
# --------------------------------------------------------------------------------------------
def _fold_table() -> dict[int, str]:
    table = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}  # full-width ASCII: ０８１２ ＠ ．
    for c in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000):
        table[c] = " "  # NBSP, narrow NBSP, en/em/thin spaces, ideographic space
    for c in (*range(0x2010, 0x2016), 0x2212, 0xFE58, 0xFE63):
        table[c] = "-"  # hyphens and dashes, minus sign
    for zero in (0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6):
        for d in range(10):
            table[zero + d] = str(d)  # Arabic-Indic, Devanagari, Bengali, mathematical digits
    table[0xFE6B] = "@"  # small commercial at
    table[0x2024] = "."  # one dot leader
    return table


_FOLD = _fold_table()
_ASCII_DIGIT = re.compile("[0-9]")
# Invisible characters people (or copy-paste) put inside numbers and addresses: zero-width space,
# (non-)joiners, word joiner, invisible operators, BOM, soft hyphen, bidi marks and isolates.
_DROP_RE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e\u202a-\u202e\u2066-\u2069]+")


class _Shadow:
    """The folded text and the map from its offsets back to the original's."""

    __slots__ = ("text", "_at", "_shift")

    def __init__(self, original: str):
        self._at: list[int] = []  # shadow offsets where deleted runs were
        self._shift: list[int] = []  # characters deleted up to and including that run
        if original.isascii():
            self.text = original
            return
        folded = original.translate(_FOLD)
        pieces: list[str] = []
        pos = deleted = 0
        for m in _DROP_RE.finditer(folded):
            pieces.append(folded[pos : m.start()])
            deleted += m.end() - m.start()
            self._at.append(m.end() - deleted)
            self._shift.append(deleted)
            pos = m.end()
        pieces.append(folded[pos:])
        self.text = "".join(pieces) if self._at else folded

    def orig(self, i: int) -> int:
        """Original offset of the character at shadow offset ``i``."""
        k = bisect.bisect_right(self._at, i)
        return i + (self._shift[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.orig(start), self.orig(end - 1) + 1


# --------------------------------------------------------------------------------------------
# Number edges: a number may be glued to a word ("hp081234567890Terima"), never to a code.
# --------------------------------------------------------------------------------------------
# numbers must not start inside another number ("12.3201..", "470/3201..", "+3201..")
_NUM_START = r"(?=[0-9])(?<![0-9+/])(?<![0-9][.,/:-])"  # the lookahead first: cheap, most positions fail it
_NUM_END = r"(?![0-9])(?![.,/-][0-9])"
# A word glued to a number has two letters or more ("Saya", "terima", "No", "NIK", "a.n."); one letter
# ("3201234501890001X", "B3201...") or a few letters and digits ("...0001AB12") make it a code.
# Case does not matter, so that lower-casing a text (as the model's normaliser does) finds the same.
_GLUED_AFTER_RE = re.compile(r"[A-Za-z]{4,40}(?![A-Za-z])|[A-Za-z]{2,3}(?![A-Za-z0-9])|a\.?n\b|a/n\b", _I)
_GLUED_BEFORE_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,40}$")


def _edges_ok(s: str, start: int, end: int) -> bool:
    """A number at s[start:end] is free-standing, or glued to a word on either side (not to a code)."""
    if start > 0:
        j = start - 1 if s[start - 1] not in ".:" else start - 2  # "Nik.3204...", "NIK:3204..."
        if j >= 0 and s[j].isalpha() and not _GLUED_BEFORE_RE.search(s, max(0, j - 40), j + 1):
            return False
    if end < len(s) and s[end].isalpha():
        return bool(_GLUED_AFTER_RE.match(s, end))
    return True


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


# --------------------------------------------------------------------------------------------
# Identity numbers: NIK / KK / NPWP (16), NIP (18), NPWP (15), BPJS (13).
# --------------------------------------------------------------------------------------------
# Standard layouts, recognised without a context word (the structure check decides).
_ID_FORMAT_RE = re.compile(
    _NUM_START + r"(?:"
    r"(?P<nip>[0-9]{18}|[0-9]{8}(?P<ns>[ .-])[0-9]{6}(?P=ns)[0-9](?P=ns)[0-9]{3})"
    r"|(?P<npwp>[0-9]{2}\.[0-9]{3}\.[0-9]{3}\.[0-9]-[0-9]{3}\.[0-9]{3})"
    r"|(?P<nik>[0-9]{16}"
    r"|[0-9]{4}(?P<s1>[ .-])[0-9]{4}(?P=s1)[0-9]{4}(?P=s1)[0-9]{4}"
    r"|[0-9]{6}(?P<s2>[ .-])[0-9]{6}(?P=s2)[0-9]{4}"
    r"|[0-9]{2}(?P<s3>[ .-])[0-9]{2}(?P=s3)[0-9]{2}(?P=s3)[0-9]{6}(?P=s3)[0-9]{4}"
    r"|[0-9]{2,6}(?:\.[0-9]{2,6}){2,7})"
    r")" + _NUM_END + r"(?! [0-9]{1,4}(?![0-9A-Za-z.,]))"
)
# Any run of digit groups: after a context word ("NIK", "no kk", "NIP", "NPWP", "BPJS") the reporter
# says what it is, so any grouping of the right number of digits is accepted.
_ID_RUN_RE = re.compile(  # the first digit is consumed before the lookbehinds, so that the engine scans fast
    r"[0-9](?<![0-9+/][0-9])(?<![0-9][.,/:-][0-9])(?=(?:[ .-]{0,3}[0-9]){12})"  # 13 digits or more
    r"[0-9]{0,19}(?:(?: ?[.-] ?| )[0-9]{1,20}){0,17}(?![0-9])"
)
# A context word starts a word, or is glued after a lower-case word with a capital ("jalanNPWP 09...");
# a placeholder ("[NIK]", "_nik_") is not one: what a mask wrote is not what the reporter said.
_ID_CONTEXT_RE = re.compile(
    r"(?:(?<![A-Za-z_\[])|(?<=[a-z])(?-i:(?=[A-Z])))"
    r"(?:(?P<KK>kk|nkk|kartu\s+keluarga)"
    r"|(?P<NIK>nik|e-?ktp|ktp|(?:nomor\s+|no\.?\s*)?induk\s+kependudukan|no\.?\s*identitas)"
    r"|(?P<NIP>nip|nomor\s+induk\s+pegawai)"
    r"|(?P<NPWP>npwp|wajib\s+pajak)"
    r"|(?P<BPJS>bpjs|kis|jkn|kartu\s+(?:indonesia\s+)?sehat)"
    r"|(?P<REK>rek|rekening|norek))(?![a-z])",
    _I,
)
# what may stand between the context word and the number: words, punctuation, short numbers ("KK 16 digit")
_ID_GAP_RE = re.compile(r"(?:[^0-9\n]|(?<![0-9])[0-9]{1,2}(?![0-9])){0,30}")
# a money amount, a phone or a date word, or a masked value between them: not this number's context
_ID_GAP_BAD_RE = re.compile(r"\b(?:rp|hp|wa|telp|tlp|tanggal|tgl|tahun|thn)\b|\[[A-Z]+\]|_[a-z]+_", _I)
_ID_DIGITS = {"NIK": (16,), "KK": (16,), "NPWP": (15, 16), "NIP": (18,), "BPJS": (13,)}


def _id_context(s: str, start: int) -> str | None:
    """The kind named by the last context word shortly before ``start`` ("no KK 3201...": KK)."""
    lo = max(0, start - 48)
    kind = None
    for m in _ID_CONTEXT_RE.finditer(s, lo, start):
        gap = s[m.end() : start]
        if _ID_GAP_RE.fullmatch(gap) and not _ID_GAP_BAD_RE.search(gap):
            kind = m.lastgroup
    return kind


def _nik_structure_ok(digits: str) -> bool:
    """PP KK CC DDMMYY SSSS: province 11-94, regency not 00, day 1-31 (+40 for women), month 1-12."""
    prov, day, month = int(digits[0:2]), int(digits[6:8]), int(digits[8:10])
    return (
        11 <= prov <= 94
        and digits[2:4] != "00"
        and (1 <= day <= 31 or 41 <= day <= 71)
        and 1 <= month <= 12
        and digits[12:16] != "0000"
    )


def _nip_structure_ok(digits: str) -> bool:
    """YYYYMMDD (birth) YYYYMM (appointment) G (1 man, 2 woman) NNN; appointed at 15 or older."""
    by, bm, bd = int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    ty, tm = int(digits[8:12]), int(digits[12:14])
    return (
        1930 <= by <= 2012
        and 1 <= bm <= 12
        and 1 <= bd <= 31
        and by + 15 <= ty <= 2040
        and 1 <= tm <= 12
        and digits[14] in "12"
        and digits[15:18] != "000"
    )


def _group_prefix(value: str, n: int) -> int | None:
    """Length of the shortest prefix of ``value`` made of whole digit groups with exactly ``n`` digits."""
    count = 0
    for i, c in enumerate(value):
        if c.isdigit():
            count += 1
            if count == n and (i + 1 == len(value) or not value[i + 1].isdigit()):
                return i + 1
            if count > n:
                return None
    return None


def _find_ids(s: str) -> Iterable[Candidate]:
    # after a context word the reporter says what the number is: a letter glued to it is a typo
    # ("NIK. i3204..."), not a code, so the edges are only checked without one
    for m in _ID_FORMAT_RE.finditer(s):
        ctx = _id_context(s, m.start())
        if ctx not in _ID_DIGITS and not _edges_ok(s, m.start(), m.end()):
            continue
        digits = _NON_DIGIT.sub("", m.group())
        if m.group("nip"):
            if ctx == "NIP" or _nip_structure_ok(digits):
                yield "NIP", m.start(), m.end()
        elif m.group("npwp"):
            yield "NPWP", m.start(), m.end()
        elif len(digits) != 16:
            continue
        elif ctx in ("KK", "NPWP", "NIK"):
            yield ctx, m.start(), m.end()
        elif ctx != "REK" and _nik_structure_ok(digits):
            yield "NIK", m.start(), m.end()
    for m in _ID_RUN_RE.finditer(s):
        value = m.group()
        if len(value) < 13 or _digits(value) < 13:  # cheap test first: most runs are short numbers
            continue
        ctx = _id_context(s, m.start())
        if ctx not in _ID_DIGITS:
            continue
        for n in _ID_DIGITS[ctx]:
            cut = _group_prefix(value, n)
            if cut is None:
                continue
            end = m.start() + cut
            # the rest of the run must be a separate number (" 2024"), not more of this one
            if end < m.end() and s[end] != " " and not s.startswith(" - ", end):
                continue
            if ctx == "BPJS" and _MOBILE_OR_62.match(value):
                continue  # a phone number written after "peserta BPJS"
            yield ctx, m.start(), end
            break


# --------------------------------------------------------------------------------------------
# REKENING: 8-16 digits (spaces/dashes allowed) right after an account or bank word.
# --------------------------------------------------------------------------------------------
_BANKS_UPPER = r"BRI|BNI|BCA|BSI|BTN|BPD|BJB|CIMB|BTPN|OCBC|Permata|Mandiri|Danamon|Muamalat|Mega|Panin"
_REK_RE = re.compile(
    r"(?:(?i:\b(?:no(?:mor)?\.?\s*)?(?:rek(?:ening)?|norek|no\.?rek|bank\s+(?:jateng|jatim|jabar|dki|"
    r"sumut|kalbar|nagari|aceh|bpd|[a-z]{3,10})))\b|\b(?:" + _BANKS_UPPER + r")\b)"
    r"(?P<fill>[^\d\n]{0,30}?)"
    r"(?<![\d])(?P<num>\d(?:[ -]?\d){7,15})(?![\d.,]\d)(?!\d)",
    re.ASCII,
)
_REK_FILL_BAD = re.compile(
    r"\b(?:nik|kk|ktp|hp|wa|telp|telepon|tlp|hub|rp|idr|tgl|tanggal|tahun|thn|th|periode|sejak|bpjs)\b|rp\.?\s*$",
    _I,
)
_DATE_LIKE = re.compile(r"^(?:\d{1,2}[-/ ]\d{1,2}[-/ ]\d{2,4}|(?:19|20)\d\d ?- ?(?:19|20)\d\d)$")
_REK_NOT_AFTER = re.compile(r"\b(?:bpjs|jkn|kis|peserta|kelas)\s*$", _I)


def _find_rekening(s: str) -> Iterable[Candidate]:
    for m in _REK_RE.finditer(s):
        num = m.group("num")
        if _REK_FILL_BAD.search(m.group("fill")) or _DATE_LIKE.match(num):
            continue
        if not _edges_ok(s, m.start("num"), m.end("num")):
            continue
        if _REK_NOT_AFTER.search(s[max(0, m.start() - 12) : m.start()]):  # "BPJS Mandiri"
            continue
        # a mobile number after a bank name ("BRI 0812...") is still a phone number
        if (
            _MOBILE_START.match(num)
            and _digits(num) <= 13
            and not _ACCOUNT_WORD.search(m.group(0)[: m.start("fill") - m.start()])
        ):
            continue
        yield "REKENING", m.start("num"), m.end("num")


# --------------------------------------------------------------------------------------------
# TELEPON: mobile (08.., +62 8.., 0062 8.., +62 (0)8..) and landline ((021) 555-1234, 0274-512345).
# --------------------------------------------------------------------------------------------
_MOBILE = (
    r"(?P<number>(?P<cc>(?:\+|00)?62[ .-]?(?:\(0\)[ .-]?)?|\(\+?62\)[ .-]?(?:\(0\)[ .-]?)?|0)8[0-9]{0,3}"
    r"(?:[./-]?[0-9]{2,5}| [0-9]{3,5}| - [0-9]{2,5}){1,5})" + _NUM_END
)
_PHONE_MOBILE_RE = re.compile(r"(?=[0-9+(])(?<![0-9+])(?<![0-9][.,/:-])" + _MOBILE)
# "0812 8877 6655/0856 1122 3344": a second number after a slash (otherwise a slash after a digit
# means a reference number, "470/0812...")
_PHONE_AFTER_SLASH_RE = re.compile(r" ?/ ?" + _MOBILE)
_PHONE_LANDLINE_RE = re.compile(
    r"(?=[0-9+(])(?<![0-9+])(?<![0-9][.,/:-])"
    r"(?P<cc>\(0[2-9][0-9]{1,2}\)[ .-]?|(?:\+|00)?62[ .-]?(?:\(0\)[ .-]?)?\(?[2-9][0-9]{1,2}\)?[ .-]?"
    r"|0[2-7][0-9]{1,2}[ .-]"
    r"|0[2-7][0-9]{7,9}(?![0-9]))"
    r"(?:[0-9]{3,8}(?:[ .-][0-9]{2,5}){0,2})?"
    + _NUM_END
)
# "0 8 1 2 3 4 5 6 7 8 9 0": digits spaced out, accepted only after a phone word
_PHONE_SPACED_RE = re.compile(
    r"(?i:\b(?:hp|wa|telp|tlp|telepon|whatsapp|no\.?\s*hp|nomor\s+hp|nomer\s+hp|nomer|kontak|hub)\b)[\s.:]{0,4}"
    r"(?P<num>(?:\+ ?6 ?2|0) ?8(?: ?[0-9]){8,12})" + _NUM_END
)
_PHONE_CC_RE = re.compile(r"[+(]*(?:00)?62\)?[ .-]?(?:\(0\)[ .-]?)?")


def _trim_phone(value: str, lo: int, hi: int, extra: int) -> str | None:
    """Drop trailing groups ("081234567890 2024") until the digit count (less ``extra``) is plausible."""
    # a complete contiguous number is not continued by a space-separated group
    first = _LEADING_NUMBER.match(value)
    if first and _digits(first.group()) - extra >= lo and value[first.end() : first.end() + 1] == " ":
        value = value[: first.end()]
    while True:
        n = _digits(value) - extra
        if lo <= n <= hi:
            return value.rstrip(" -")
        if n < lo:
            return None
        cut = max(value.rfind(" "), value.rfind("-"), value.rfind("."), value.rfind("/"))
        if cut <= 0:
            return None
        value = value[:cut].rstrip(" -")


def _country_extra(value: str) -> int:
    """Digits of a country-code prefix beyond the national "0" ("+62" 1, "0062" 3, "+62 (0)" 2)."""
    m = _PHONE_CC_RE.match(value)
    return _digits(m.group()) - 1 if m and m.group().strip("+(") else 0


def _mobile(s: str, m: re.Match[str]) -> Candidate | None:
    number, start = m.group("number"), m.start("number")
    v = _trim_phone(number, 10, 14, _country_extra(number) if m.group("cc") != "0" else 0)
    if v and _edges_ok(s, start, start + len(v)):
        return "TELEPON", start, start + len(v)
    return None


def _find_phone(s: str) -> Iterable[Candidate]:
    for m in _PHONE_MOBILE_RE.finditer(s):
        c = _mobile(s, m)
        while c:
            yield c
            nxt = _PHONE_AFTER_SLASH_RE.match(s, c[2])
            c = _mobile(s, nxt) if nxt else None
    for m in _PHONE_LANDLINE_RE.finditer(s):
        v = m.group()
        v = _trim_phone(v, 8, 12, _country_extra(v) if "62" in m.group("cc")[:5] else 0)
        if v and _edges_ok(s, m.start(), m.start() + len(v)):
            yield "TELEPON", m.start(), m.start() + len(v)
    for m in _PHONE_SPACED_RE.finditer(s):
        if _edges_ok(s, m.start("num"), m.end("num")):
            yield "TELEPON", m.start("num"), m.end("num")


# --------------------------------------------------------------------------------------------
# EMAIL and URL
# --------------------------------------------------------------------------------------------
_AT = r"(?:@| ?[\[(] ?(?i:at) ?[\])] ?)"
_DOT = r"(?:\.| ?[\[(] ?(?i:dot|titik) ?[\])] ?)"
_EMAIL_RE = re.compile(
    r"(?<![\w.+%-])[\w.+%-]{1,64}" + _AT + r"(?P<host>[A-Za-z0-9-]{1,63}(?:" + _DOT + r"[A-Za-z0-9-]{1,63}){1,5})"
)
# "budi at gmail dot com": spelled out, only for the big mail providers
_EMAIL_SPELLED_RE = re.compile(
    r"(?<![\w.])[a-z0-9._-]{2,64} at (?:gmail|yahoo|ymail|hotmail|outlook|icloud|live) (?:dot|titik) "
    r"(?:com|co (?:dot|titik) id|co\.id)(?![a-z])",
    _I,
)
# Top-level and public second-level domains, to find where a host ends when a word is glued to it.
_TLDS = frozenset(
    "com net org id info biz edu gov mil int io me co xyz site online store tech app dev ai my sg uk us au jp "
    "cn de nl fr tv cc ws link web live club asia".split()
)
_MAIL_DOMAINS = tuple(
    sorted(
        "gmail.com googlemail.com yahoo.com yahoo.co.id ymail.com rocketmail.com hotmail.com hotmail.co.id "
        "outlook.com outlook.co.id live.com msn.com icloud.com me.com aol.com protonmail.com proton.me "
        "mail.com zoho.com telkom.net rocketmail.co.id plasa.com".split(),
        key=len,
        reverse=True,
    )
)
_TLDS_LONGEST_FIRST = tuple(sorted(_TLDS, key=len, reverse=True))
_ID_SECOND_LEVEL = frozenset("go ac co or sch web my net mil biz desa ponpes".split())
_LONG_TLDS = frozenset("community company computer network organic".split())


def _starts_with_word(rest: str) -> bool:
    """``rest`` is, or begins with, an ordinary word of three letters or more ("terima", "itu", "tadi")."""
    return rest.isalpha() and any(rest[:k].lower() in _ORDINARY for k in range(min(len(rest), 20), 1, -1))


def _host_length(host: str) -> int:
    """How much of ``host`` is the domain when the next word may be glued to it ("gmail.comterima": 9)."""
    lower = host.lower()
    labels = lower.split(".")
    last = labels[-1]
    if len(labels) < 2 or last in _TLDS:
        return len(host)
    cut_at = len(host) - len(last)  # where the last label starts
    # "yahoo.co.idSaya": a capital letter after lower case starts the next word
    for i in range(len(host) - 1, cut_at, -1):
        if host[i].isupper() and host[i - 1].islower() and lower[cut_at:i] in _TLDS:
            return i
    # "go.idtanggapan": Indonesian second-level domains are always followed by "id"
    if labels[-2] in _ID_SECOND_LEVEL and last.startswith("id"):
        return cut_at + 2
    # "gmail.comterima", "xyzitu": a top-level domain, then an ordinary word
    for t in _TLDS_LONGEST_FIRST:
        if last.startswith(t) and _starts_with_word(last[len(t) :]):
            return cut_at + len(t)
    # "gmail.comohon" ("mohon" with its first letter read as part of the domain): a known mail domain
    for d in _MAIL_DOMAINS:
        if lower.startswith(d) and len(lower) > len(d) and lower[len(d)].isalpha():
            return len(d)
    # ".comtanggapan": nobody's domain ends in "com" + letters (but .company, .community, .network exist)
    for t in ("com", "net", "org"):
        if last.startswith(t) and last not in _LONG_TLDS and last[len(t) :].isalpha():
            return cut_at + len(t)
    # "gmail.com.terima": the host already ended at a known top-level domain
    for k in range(len(labels) - 2, 0, -1):
        if labels[k] in _TLDS:
            return len(".".join(labels[: k + 1]))
    return len(host)


# "hp 08570350631fitri.aminah69@gmail.com": a phone number glued in front of the address
_PHONE_BEFORE_LOCAL_RE = re.compile(r"(?:(?:\+|00)?62[ .-]?)?0?8[0-9]{1,3}(?:[.-]?[0-9]{2,5}){1,4}[._-]?(?=[A-Za-z])")


def _find_email(s: str) -> Iterable[Candidate]:
    if "@" not in s and "[" not in s and "(" not in s and " at " not in s.lower():
        return  # no "@", "[at]", "(at)" or " at ": neither pattern can match (most texts; a scan costs)
    for m in _EMAIL_RE.finditer(s):
        host = m.group("host")
        end = m.start("host") + (_host_length(host) if "." in host and "[" not in host else len(host))
        start = m.start()
        phone = _PHONE_BEFORE_LOCAL_RE.match(s, start, m.start("host"))
        if phone and 9 <= _digits(phone.group()) <= 15:
            start = phone.end()
            yield "TELEPON", phone.start(), len(phone.group().rstrip("._-")) + phone.start()
        yield "EMAIL", start, end
    for m in _EMAIL_SPELLED_RE.finditer(s):
        yield "EMAIL", m.start(), m.end()


_URL_TLDS = r"com|net|org|id|ly|io|info|biz|co|me|gov|edu|xyz|site|online|my|sg"
_URL_RE = re.compile(
    r"(?:(?<![\w])(?i:https?://|www\.)[^\s<>\"'\]\[{}|\\^`]{1,2000}"
    r"|(?<![\w@.-])(?:[a-z0-9][a-z0-9-]{0,62}\.){1,5}(?:" + _URL_TLDS + r")(?![a-z0-9_-])"
    r"(?:/[^\s<>\"'\[\]]{0,2000})?"
    # a few more TLDs only when a path follows: youtu.be/xyz, goo.gl/abc, lnkd.in/x
    r"|(?<![\w@.-])(?:[a-z0-9][a-z0-9-]{0,62}\.){1,5}(?:be|gl|in|tv|us|uk|ai|app|dev|page|link|to|cc|ws)"
    r"/[^\s<>\"'\[\]]{1,2000})"
)
# What every URL above contains: a scheme or "www.", or a dot before one of its TLDs (cheap to look for).
_URL_HINT_RE = re.compile(r"(?i:https?://|www\.)|\.(?:" + _URL_TLDS + r"|be|gl|in|tv|us|uk|ai|app|dev|page|link|to|cc|ws)")
_ABBREVIATIONS = frozenset(
    "alm almh dll dsb dst yg no tgl jl jln kel kec kab sdh blm org tsb ybs dr pd utk dgn krn thn bln gg rt rw "
    "bpk ibu sy kmi kami ttd hp wa telp situ sini sana".split()
)


def _find_url(s: str) -> Iterable[Candidate]:
    if not _URL_HINT_RE.search(s):
        return
    for m in _URL_RE.finditer(s):
        v = m.group()
        # trailing sentence punctuation is not part of a URL; unbalanced ')' neither
        while v and v[-1] in ".,;:!?'\"":
            v = v[:-1]
        while v.endswith(")") and v.count(")") > v.count("("):
            v = v[:-1]
        if "/" not in v.split("//", 1)[-1]:  # no path: a capitalised word may be glued to the host
            scheme = v.find("//") + 2 if "//" in v else 0
            v = v[:scheme] + v[scheme:][: _host_length(v[scheme:])]
        if v.lower() in {"www.", "http://", "https://"} or len(v) < 4:
            continue
        # "alm.org tua", "dll.com": an abbreviation and a full stop without a space, not a domain
        head, _, tail = v.partition(".")
        if "/" not in v and ":" not in v and tail.count(".") == 0 and head.lower() in _ABBREVIATIONS:
            continue
        yield "URL", m.start(), m.start() + len(v)


# --------------------------------------------------------------------------------------------
# PLAT: region code (1-2 letters) + 1-4 digits + 0-3 letters.
# --------------------------------------------------------------------------------------------
_PLATE_REGIONS = frozenset(
    """A B D E F G H K L M N P R S T W Z AA AB AD AE AG BA BB BD BE BG BH BK BL BM BN BP DA DB DC
    DD DE DG DH DK DL DM DN DP DR DS DT DW EA EB ED KB KH KT KU PA PB""".split()
)
_PLATE_UPPER_RE = re.compile(
    r"(?<![\w./-])(?P<reg>[A-Z]{1,2}) ?(?P<num>\d{1,4})(?: ?(?P<suf>[A-Z]{1,3}))?"
    r"(?:(?=[A-Z][a-z]{2})(?<=[A-Z])|(?![\w%.,/-]\w|[\w%]))",  # may be glued to a capitalised word
    re.ASCII,
)
_PLATE_CTX_RE = re.compile(
    r"\b(?:plat|pelat|nopol|no\.?\s?pol|nomor\s+polisi|no\.?\s+polisi|tnkb|nomor\s+kendaraan|"
    r"no\.?\s+kendaraan)\b(?:\s*(?:nomor|nomer|no\.?|nya|kendaraan|mobil|motor|truk|bus|:|-)){0,3}\s*[:.-]?\s*"
    r"(?P<reg>[a-z]{1,2}) ?(?P<num>\d{1,4})(?: ?(?P<suf>[a-z]{1,3}))?(?![\w])",
    _I | re.ASCII,
)
# words before a capital letter + number that make it an address/room, not a plate
_PLATE_NOT_AFTER = re.compile(
    r"(?:\b(?:blok|blk|kav|kavling|no|nomor|nomer|gang|gg|lantai|lt|ruang|ruangan|kelas|tipe|type|"
    r"loket|pintu|gedung|gd|jalur|zona|sektor|tahap|unit|tower|lajur|ukuran|nomor\s+rumah)\.?\s*)$",
    _I,
)
_PLATE_UPPER_SUFFIX_STOP = frozenset("RT RW KM NO GG JL KEL KEC".split())
_PLATE_SUFFIX_STOP = frozenset(
    "di ke dan yg yang itu ini ada dgn sdh lagi pak bu ya jg juga tsb dr dari utk untuk pd pada "
    "sudah tak tdk dah nya mau kok sih deh kan lho".split()
)


def _find_plate(s: str) -> Iterable[Candidate]:
    for m in _PLATE_CTX_RE.finditer(s):
        if m.group("reg").upper() not in _PLATE_REGIONS:
            continue
        end = m.end()
        suf = m.group("suf")
        if suf and (suf.lower() in _PLATE_SUFFIX_STOP or (m.group("reg").isupper() and suf.islower())):
            end = m.end("num")
        yield "PLAT", m.start("reg"), end
    for m in _PLATE_UPPER_RE.finditer(s):
        reg, suf = m.group("reg"), m.group("suf")
        if reg not in _PLATE_REGIONS:
            continue
        if not suf:  # "B 1234" alone is too ambiguous without a context word ("blok B 12")
            continue
        if len(m.group("num")) < 3 and m.end("reg") == m.start("num"):  # "P3K", "DP5A", "A5 RT"
            continue
        if suf in _PLATE_UPPER_SUFFIX_STOP:
            continue
        if _PLATE_NOT_AFTER.search(s[max(0, m.start() - 20) : m.start()]):
            continue
        yield "PLAT", m.start(), m.end()


# --------------------------------------------------------------------------------------------
# Ordinary words: what a name, a street name or a word glued after a number is not.
# --------------------------------------------------------------------------------------------
# Written for this module (function words, complaint vocabulary, roles, places, kinship, religion,
# time), plus the shipped slang dictionary's keys and words. Words that are also common given names
# (indah, putri, sari, bunga, budi, dewi, mawar, melati, bintang, cahaya, permata, ...) are left out
# on purpose: after "nama saya" they are names.
_ORDINARY_WORDS = """
saya sy aku aq gue gw kami kita anda kamu dia ia beliau mereka ini itu tersebut tsb ybs yang yg dan atau serta
dengan dgn di ke dari pada untuk utk bagi oleh kepada dalam atas bawah antara sejak sampai hingga tentang
karena krn jika kalau kalo agar supaya sehingga tetapi tapi namun juga jg pun lah kah nya sudah sdh udah telah
belum blm tidak tdk tak gak nggak enggak bukan jangan akan sedang masih pernah baru lagi sangat amat sekali
cukup hanya cuma saja aja mau ingin pengen hendak bisa dapat boleh harus perlu mohon tolong minta terima kasih
makasih ya iya ada adalah ialah yaitu yakni bahwa kok sih deh dong kan lho nih tuh loh kah apa siapa kapan
dimana mana kenapa mengapa bagaimana gimana berapa apakah sebagai selaku seperti sama beda lain semua setiap
para beberapa berbagai banyak sedikit kurang lebih paling tiap masing begitu begini demikian tadi nanti
sekarang kemarin besok lusa dulu pagi siang sore malam hari minggu bulan tahun jam menit detik tanggal tgl
senin selasa rabu kamis jumat sabtu januari februari maret april mei juni juli agustus september oktober
november desember satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas puluh ratus ribu juta
miliar pertama kedua ketiga keempat kelima
pak bu bapak ibu bpk bp mas mbak mba kak kakak adik dik sdr sdri saudara saudari tuan nyonya nona om tante
yth hormat salam assalamualaikum wassalam selamat permisi maaf terimakasih
an alm almh almarhum almarhumah dll dsb dst dkk cs
warga penduduk masyarakat rakyat pelapor pengadu pemohon penerima pengirim korban pelaku saksi petugas pegawai
pejabat aparat oknum kepala ketua wakil sekretaris bendahara anggota pengurus camat lurah kades sekdes kadus
bupati walikota wali gubernur presiden menteri dinas kadis guru dosen murid siswa siswi mahasiswa pelajar
dokter bidan perawat polisi polantas tentara satpam sopir supir pedagang petani nelayan buruh karyawan
pensiunan pekerja honorer lansia janda duda yatim piatu disabilitas anak istri suami ayah bapak ibu kakek nenek
cucu keluarga orang tua ortu mertua menantu tetangga teman pribadi sendiri sekeluarga kelompok tani
komunitas organisasi instansi lembaga yayasan koperasi pemerintah pemda pemkab pemkot pemprov negara
perusahaan pt cv ud tbk usaha toko pabrik kantor sekolah kampus madrasah pondok pesantren masjid mushola
musholla gereja pura vihara puskesmas pustu posyandu klinik apotek rs rsud bank pasar terminal stasiun
bandara pelabuhan halte jembatan sungai kali saluran selokan got drainase gorong jalan jl jln gang gg lorong
rumah rmh desa kelurahan kel kecamatan kec kabupaten kab kota provinsi dusun kampung kp rt rw perum
perumahan komplek kompleks blok no nomor nmr alamat lokasi tempat daerah wilayah lingkungan area kawasan
lapangan taman makam kuburan sawah kebun hutan pantai laut gunung lampu listrik air sampah banjir pohon
parkir trotoar tol kendaraan mobil motor truk bus angkot ojek
nik ktp kk npwp bpjs kis jkn nip nisn hp wa telp telepon email rekening rek norek akta akte sertifikat surat
dokumen data berkas formulir kartu kk
islam muslim muslimah kristen katolik protestan hindu buddha budha konghucu
lapor melapor melaporkan laporan mengadu mengadukan pengaduan aduan keluhan mengeluh mengeluhkan keberatan
tinggal bertempat berdomisili domisili beralamat asal bekerja kerja datang pergi pulang masuk keluar bayar
membayar dibayar beli membeli jual menjual urus mengurus ngurus daftar mendaftar terdaftar dapat mendapat
menerima terima kirim mengirim dikirim tanya bertanya menanyakan info informasi bantu bantuan membantu
dibantu proses diproses cek dicek periksa diperiksa perbaiki diperbaiki memperbaiki rusak parah berlubang
macet mati padam hilang lama cepat lambat baik buruk bagus jelek besar kecil tinggi rendah benar salah sesuai
tertulis tercatat tercantum muncul valid aktif nonaktif tunggu menunggu kecewa marah senang sedih takut
khawatir resah bingung miskin kaya sakit sehat umur usia tua muda lengkap asli palsu resmi ganda bersama
seorang sebuah seluruh segenap sekalian sesama seseorang sesuatu sebagian kandung tiri angkat
niku leres nopo napa menika punika sampun dereng wonten inggih mboten boten matur nuwun sembah kaliyan
kalih ingkang ugi amargi sanes teh mah atuh teu henteu pisan hatur nuhun punten mangga kanggo
ahli waris kembali rupiah pemilik pihak wajib jadi status sering coba mulai pasti punya lewat kena tambah hormati
sekian demikian mohon segera tindak lanjut ditindaklanjuti harap berharap semoga atas nama ttd tertanda
kedalam kepada kedepan kebelakang kesana kesini keluar diatas dibawah didalam diluar disana disini sampek
kelas plat pelat nopol sdn smpn sman smkn min mtsn man paud tk
""".split()
# Verb and noun shapes that given names rarely have: di-/ter-/ber-/me(N)- prefixes on long words,
# -kan/-nya/-lah suffixes, ke-...-an and pe(N)-...-an.
_AFFIXED_RE = re.compile(
    r"(?:di[a-z]{4,}|ter[a-z]{4,}|ber[a-z]{3,}|me(?:ng|ny|m|n)[a-z]{3,}|ke[a-z]{2,}an|pe[a-z]{3,}an"
    r"|[a-z]{3,}(?:kan|nya|lah|pun))"
)


_SLANG = load_slang()


def _ordinary_words() -> frozenset[str]:
    words = set(_ORDINARY_WORDS)
    for key, value in _SLANG.items():
        words.add(key)
        words.update(value.split())
    return frozenset(words)


_ORDINARY = _ordinary_words()

# --------------------------------------------------------------------------------------------
# ALAMAT: the house-level part of an address (street + number + RT/RW). Area names after it
# (kelurahan, kecamatan, desa, dusun) are kept, and so is "RT 03/RW 05" on its own: routing needs them.
# --------------------------------------------------------------------------------------------
_STREET_RE = re.compile(
    r"(?=[jJgGlLkKpPbB])(?<![A-Za-z])"
    r"(?P<w>jl|jln|jalan|gg|gang|lorong|lr|komplek|komp|kompleks|perum|perumahan|blok)(?![A-Za-z])"
    r"(?:\.\s?|\s)",
    _I,
)
_STREET_ABBREVIATIONS = frozenset("jl jln gg lr komp perum".split())
# one word of a street name: a roman numeral, an abbreviation ("KH."), a word, a number word
_STREET_WORD_RE = re.compile(r"(?:[IVX]{1,4}|[A-Za-z]{1,4}\.|[A-Za-z][A-Za-z'-]{0,24})(?![A-Za-z0-9.])")
# what ends a street name: address parts, function words, verbs and complaint words
_STREET_STOP = frozenset(
    """no nomor nmr rt rw blok blk km kel kec desa dusun kp kampung kelurahan kecamatan kabupaten kab kota
    di ke dari dan atau yang yg itu ini sudah sdh belum blm tidak tdk sejak sampai dekat depan belakang samping
    arah menuju sebelah ujung rusak parah macet banjir gelap licin sempit berlubang mati ada sering selalu
    saya kami warga wilayah mohon tolong tapi karena sebanyak sekitar selama kurang lebih hanya cuma sepanjang kira
    kira-kira sedalam setinggi selebar lingkungan utama setapak tol poros alternatif penghubung umum
    jl jln jalan perum perumahan komplek komp kompleks rumah dpn dkt sblh seberang pojok""".split()
)
# short chat abbreviations end a street name too ("jln dpt 9": "dapat")
_STREET_STOP |= frozenset(k for k in _SLANG if len(k) <= 4 and k.isalpha()) - _STREET_ABBREVIATIONS - {"kp"}
_HOUSE_NO = (
    r"(?i:no|nomor|nomer|nmr)\s?\.?\s?:?\s?[0-9]{1,4}(?:[A-Za-z](?![a-z]))?(?![0-9])"
    r"(?:\s?[/-]\s?[0-9]{1,3}(?![0-9]))?"
)
_HOUSE_NO_RE = re.compile(_HOUSE_NO)
_BARE_NO_RE = re.compile(r" [0-9]{1,4}(?:[A-Z](?![a-z]))?(?![0-9A-Za-z.,/-])")
_BLOK_RE = re.compile(
    r"(?i:blok|blk)\s?\.?\s?[A-Za-z]{1,2}(?:\s?-?\s?[0-9]{1,3})?(?![A-Za-z0-9])(?P<no>\s?/\s?[0-9]{1,4}(?![0-9]))?"
)
_RTRW_RE = re.compile(
    r"(?=[rR])(?<![A-Za-z])(?:(?i:rt)\s?\.?\s?:?\s?[0-9]{1,3}(?![0-9])"
    r"(?P<rw>\s?[/,]?\s?(?i:rw)\s?\.?\s?:?\s?[0-9]{1,3}(?![0-9]))?"
    r"|(?i:rt\s?/\s?rw)\s?\.?\s?:?\s?[0-9]{1,3}\s?/\s?(?P<rw2>[0-9]{1,3})(?![0-9]))"
)
_PART_GAP_RE = re.compile(r"\s?,?\s?")
_GANG_WORD_RE = re.compile(r"gg|gang|lorong|lr", _I)
# a number followed by one of these is a measure or a count, not a house number ("30 cm", "3 titik")
_UNIT_AFTER_RE = re.compile(
    r"\s?(?:cm|mm|m|meter|km|kg|ton|liter|l|%|persen|orang|jiwa|kk|rumah|unit|buah|titik|kali|hari|minggu|"
    r"bulan|tahun|thn|jam|menit|rb|ribu|juta|rupiah|tiang|lampu|pohon|lubang)(?![A-Za-z])",
    _I,
)
_HOUSE_NO_BEFORE_RE = re.compile(r"(?<![A-Za-z])" + _HOUSE_NO + r"\s?,?\s?$")


def _street_name_end(s: str, pos: int, capitalised_only: bool) -> tuple[int, int, str]:
    """(end, number of words, last word) of a street name at ``pos``: "Melati", "Mawar III", "KH. Ahmad Dahlan"."""
    end, n, last = pos, 0, ""
    while n < 5:
        w = _STREET_WORD_RE.match(s, pos)
        if not w:
            break
        word = w.group().lower().rstrip(".")
        lower = w.group()[0].islower()
        # verb shapes only end a street in lower case: "Babakan", "Cikakan" are names
        if word in _STREET_STOP or (lower and (capitalised_only or _AFFIXED_RE.fullmatch(word))):
            break
        n, end, last = n + 1, w.end(), word
        if not s.startswith(" ", end):
            break
        pos = end + 1
    return end, n, last


def _house_parts(s: str, pos: int) -> tuple[int, set[str]]:
    """Blok, house number and RT/RW parts from ``pos`` on: (end, the parts found)."""
    found: set[str] = set()
    end = pos
    for _ in range(3):
        at = _PART_GAP_RE.match(s, end).end()
        for name, rx in (("blok", _BLOK_RE), ("no", _HOUSE_NO_RE), ("rt", _RTRW_RE)):
            m = rx.match(s, at) if name not in found else None
            if m:
                found.add(name)
                if name == "blok" and m.group("no"):
                    found.add("no")  # "Blok F/12": the house number is in the block
                end = m.end()
                break
        else:
            break
    return end, found


def _find_address(s: str) -> Iterable[Candidate]:
    for m in _STREET_RE.finditer(s):
        street = m.group("w")
        if street.lower() == "blok":  # "Blok B 12 No. 7": the block is a part, there is no street name
            end, found = _house_parts(s, m.start())
            if "no" in found:
                yield "ALAMAT", m.start(), end
            continue
        # the common nouns "jalan", "gang" in lower case are followed by a capitalised name
        capitalised_only = street.islower() and street.lower() not in _STREET_ABBREVIATIONS
        name_end, n_words, last = _street_name_end(s, m.end(), capitalised_only)
        if not n_words:
            continue
        end, found = _house_parts(s, name_end)
        if not found and not _GANG_WORD_RE.fullmatch(street) and not _GANG_WORD_RE.fullmatch(last):
            # "Jl. Veteran 45" (but "Gang 5", "Jl. Kenari Gg. 9" are names, "... 30 cm" a measure)
            bare = _BARE_NO_RE.match(s, name_end)
            if bare and _UNIT_AFTER_RE.match(s, bare.end()):
                bare = None
            if bare:
                end, found = bare.end(), {"no"}
        if "no" in found or "rt" in found:
            yield "ALAMAT", m.start(), end
    # no street: a house number right before or after a full RT/RW ("no 12 RT 03 RW 05")
    for m in _RTRW_RE.finditer(s):
        if not (m.group("rw") or m.group("rw2")):
            continue
        before = _HOUSE_NO_BEFORE_RE.search(s, max(0, m.start() - 24), m.start())
        if before:
            yield "ALAMAT", before.start(), m.end()
            continue
        after = _HOUSE_NO_RE.match(s, _PART_GAP_RE.match(s, m.end()).end())
        if after:
            yield "ALAMAT", m.start(), after.end()


# --------------------------------------------------------------------------------------------
# NAMA: words right after an introducing phrase.
# --------------------------------------------------------------------------------------------
_NAME_TRIGGER_RE = re.compile(
    # the lookbehind + first-letter lookahead let the engine skip most positions quickly
    r"(?=[nsabdpimkogclhNSABDPIMKOGCLH])(?<![^\W\d_])(?<![_-])"
    r"(?:(?P<strong>nama\s+(?:saya|sy|aku|lengkap(?:\s+saya)?|pelapor|anak\s+saya|suami\s+saya|istri\s+saya|"
    r"ibu\s+saya|ayah\s+saya|bapak\s+saya|kepala\s+keluarga|orang\s+tua|wali(?:\s+murid)?|pemilik|"
    r"penerima|pemohon|ayah|ibu|suami|istri|anak)(?:\s+(?:adalah|ialah|yaitu))?"
    r"|nama\s*:|\b(?:saya|sy|aku)\s+bernama(?:\s+lengkap)?|\bbernama(?:\s+lengkap)?"
    r"|\b(?:pengirim|pelapor|pengadu|penerima|pemohon)\s*:|\bperkenalkan,?\s+(?:nama\s+)?(?:saya|sy)"
    r"|\bpelapor\s+(?:an\.?|a\.\s?n\.?|atas\s+nama)|\bhormat\s+(?:saya|kami),?"
    r"|\batas\s+nama|(?<!\.)a\.?\s?n\.|(?<!\.)a\.n(?![\w.])|(?<![A-Za-z][0-9])(?<!\.)an\.|a/n\b)"
    r"|(?<!\.)(?-i:an)\s(?=\s*[A-Z])"
    r"|\bdengan\s+(?:saudara|saudari|sdr|sdri|bapak|ibu|pak|bu)\b\.?"
    r"|\b(?:saudara|saudari|sdr|sdri)\b\.?"
    r"|\b(?:bapak|ibu|pak|bu|bpk|bp|mas|mbak|mba|kak)\b(?=\s+[A-Z])|\bbpk\.(?=\s*[A-Z])"
    r"|\b(?:oknum|petugas|pegawai|guru|dokter|bidan|perawat|kepala\s+desa|kades|lurah|camat)\s+"
    r"(?:bernama|yang\s+bernama|an\.|a\.n\.)"
    r")\s*[:,]?\s*",
    _I,
)
_NAME_WORD = (
    r"(?:(?:Moch|Moh|Muh|Mhd|Mochd|Abd|Ach|Hj|Ir|Drs|Dr|St)\.|[A-Z][a-z][a-z'\u2019`-]{0,23}|[A-Z]{2,20}|[A-Z]\.)"
)
_NAME_RE = re.compile(_NAME_WORD + r"(?: " + _NAME_WORD + r"){0,3}")
# after a strong trigger ("nama saya", "atas nama", "a.n.") a name may be written in lower case
_LOWER_HONORIFIC_RE = re.compile(r"(?:ibu|bu|bapak|pak|bpk|sdr|sdri|saudara|saudari|mas|mbak|kak) (?=[a-z])")
_LOWER_NAME_RE = re.compile(
    r"(?:(?:moch|moh|muh|mhd|abd|ach|hj|h|m)\. ?)?[a-z][a-z'-]{1,24}(?: [a-z][a-z'-]{1,24}){0,2}(?![a-z])"
)
_NAME_STOP = frozenset(
    """warga dari yang yg rt rw di ke dan atau dengan no nomor nik hp wa telp telepon alamat jl jln jalan
    desa kel kelurahan kec kecamatan kab kabupaten kota provinsi dusun kampung perumahan gang gg blok
    camat lurah kades kepala ketua bupati walikota wali gubernur presiden menteri direktur guru dokter
    polisi kapolsek kapolres kapolda dinas kadis sekretaris sekda staf pegawai petugas bidan perawat
    sekolah kantor pt cv ud tbk bank pemerintah pemkot pemkab pemprov puskesmas rsud rs sd smp sma smk
    mi mts ma universitas kota kabupaten bpjs pln pdam polres polsek kpk dpr dprd rt/rw saya kami kita
    beliau dia mereka anda kamu ini itu tersebut tsb sudah telah belum tidak tdk bukan juga
    pak bu bapak ibu mas mbak sdr sdri saudara saudari haji hj h dr drs ir s.h s.pd tuhan allah
    senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus
    september oktober november desember yth mohon tolong terima kasih kasih salam assalamualaikum
    lapor pengaduan laporan kota lama baru kota negara indonesia rp
    bri bni bca bsi btn bpd bjb cimb mandiri danamon muamalat bpk bp kak mbak mba
    dinsos dinkes dishub disdik dispendukcapil dukcapil disnaker bapenda bappeda satpol inspektorat
    tapi tetapi namun karena kalau jika mohon agar supaya untuk staff pimpin pimpinan ogah admin tim wakil
    selaku alias beserta
    kk ktp nip npwp kis jkn""".split()
)
# words that are honorific triggers only when followed by a real name; the name itself must
# then not be a title ("Pak Camat", "Ibu Kota").
_WEAK_TRIGGER_RE = re.compile(r"^(?:bapak|ibu|pak|bu|bpk|bp|mas|mbak|mba|kak)\b", _I)
# "Saya, Lestari, sudah lapor ...": a name in apposition, only when closed by a comma
_APPOSITION_RE = re.compile(r"(?<![\w])(?:saya|sy|aku)\s*,\s*", _I)
# "saya Budi Santoso warga ...": a capitalised name right after "saya", confirmed by what follows
# ("adminsaya Nining", "pagiSaya Tuti": LAPOR! glued "saya" to the word before; no word ends in "saya")
_SELF_RE = re.compile(r"(?=[sSaA])(?:(?<![\w])(?i:saya|sy|aku)|(?<=[A-Za-z])[sS]aya) (?=[A-Z])")
_SELF_CONFIRM_RE = re.compile(
    r"\s*(?:[,(.]|$|(?i:warga|dari|selaku|sebagai|yang|yg|tinggal|beralamat|alamat|berdomisili|domisili|asal|"
    r"umur|usia|nik|no|nomor|hp|wa|dan|ingin|mau|hendak|akan|melaporkan|mengadukan|menyampaikan|mohon|"
    r"memohon|bermaksud|orang|pemilik|pelapor|adalah|telah|sudah|pernah|mengajukan|ibu|ayah|istri|suami|"
    r"anak|pegawai|guru|mahasiswa|siswa|petani|pedagang|karyawan)\b)"
)


_TITLE_RE = re.compile(r"(?:Ir|Dr|Drs|Dra|Hj|H|Prof|KH)\.")
_TITLE_CASE_RE = re.compile(r"[A-Z][a-z'\u2019`-]+|(?:Ir|Dr|Drs|Dra|Hj|H|Prof|KH|Moch|Moh|Muh|Mhd|Abd)\.")
# "rumah saya <X>", "alamat saya <X>": after a place noun the capitalised word is a place, not a name
_PLACE_BEFORE_SELF_RE = re.compile(
    r"(?<![a-z])(?:rumah|tinggal|alamat|tempat|daerah|lingkungan|wilayah|desa|kampung|kelurahan|kecamatan|kota|"
    r"gang|jalan|perumahan|domisili|kos|kost|kontrakan|kantor|sekolah|kampus|lokasi|rt|rw|asal)\s+$",
    _I,
)


def _name_words(words: list[str], affixes: bool) -> list[str]:
    """The leading words that can be a name: up to the first ordinary word (or, with ``affixes``, the
    first word shaped like a verb: a capitalised "Dirman" after "Pak" is a name, "dicatut" is not)."""
    kept: list[str] = []
    for i, w in enumerate(words):
        if i == 0 and i + 1 < len(words) and _TITLE_RE.fullmatch(w):
            kept.append(w)  # "Ir. Bambang Susilo": a title before a name belongs to it
            continue
        lw = w.lower().strip(".")
        if lw in _NAME_STOP or lw in _ORDINARY or (affixes and _AFFIXED_RE.fullmatch(lw)):
            break
        kept.append(w)
    # an initial alone ("A.") is not a name
    if len(kept) == 1 and _INITIAL.fullmatch(kept[0]):
        kept.pop()
    return kept


def _find_name(s: str) -> Iterable[Candidate]:
    for t in _NAME_TRIGGER_RE.finditer(s):
        strong = t.group("strong") is not None
        m = _NAME_RE.match(s, t.end())
        if m:
            kept = _name_words(m.group().split(" "), affixes=False)
            if kept and not (_WEAK_TRIGGER_RE.match(t.group()) and all(w.isupper() and len(w) <= 3 for w in kept)):
                yield "NAMA", m.start(), m.start() + len(" ".join(kept))  # "Pak RT", "Bu RW": not names
            continue
        if strong:
            honorific = _LOWER_HONORIFIC_RE.match(s, t.end())  # "atas nama ibu maryam"
            low = _LOWER_NAME_RE.match(s, honorific.end() if honorific else t.end())
            if low:
                kept = _name_words(low.group().split(" "), affixes=True)
                if kept and len(kept[0]) >= 3:
                    yield "NAMA", low.start(), low.start() + len(" ".join(kept))
    for t in _APPOSITION_RE.finditer(s):
        m = _NAME_RE.match(s, t.end())
        if m and s.startswith(",", m.end()) and not m.group().isupper():
            kept = _name_words(m.group().split(" "), affixes=True)
            if len(kept) == len(m.group().split(" ")):
                yield "NAMA", m.start(), m.end()
    for t in _SELF_RE.finditer(s):
        m = _NAME_RE.match(s, t.end())
        if not m or (t.group()[0] == "s" and _PLACE_BEFORE_SELF_RE.search(s, max(0, t.start() - 20), t.start())):
            continue  # "rumah saya Sukamulya": a place (but "... rumah Saya Rudi": a new sentence)
        words = m.group().split(" ")
        kept = _name_words(words, affixes=True)
        if not kept or kept[0] != words[0]:
            continue  # "Saya Mohon ..."
        # Title Case, or ALL CAPS after a "saya" that is not itself in capitals ("saya DADANG SANTOSO
        # warga", but not "SAYA SANGAT KECEWA"); short capitals are acronyms ("Saya PNS")
        shouted = all(w.isupper() for w in kept) and not t.group().isupper()
        if not (all(_TITLE_CASE_RE.fullmatch(w) for w in kept) or shouted):
            continue
        if all(w.isupper() and len(w) <= 4 for w in kept):
            continue
        end = m.start() + len(" ".join(kept))
        if _SELF_CONFIRM_RE.match(s, end):
            yield "NAMA", m.start(), end


_DETECTORS = (
    _find_email, _find_url, _find_rekening, _find_ids, _find_phone, _find_address, _find_plate, _find_name,
)
# Every pattern of these needs a digit, and most reports have none: one look skips all four.
_NEED_DIGIT = frozenset({_find_rekening, _find_ids, _find_phone, _find_plate})


def _drop_contained(candidates: set[Candidate]) -> list[Candidate]:
    """Candidates not strictly inside another one: the enclosing span masks them too, and keeping an
    inner one of higher priority would leave the rest of the outer one readable ("x.id/budi@x.id")."""
    out: list[Candidate] = []
    reach_start, reach = -1, -1
    for c in sorted(candidates, key=lambda c: (c[1], -c[2])):
        if c[2] <= reach and (c[1], c[2]) != (reach_start, reach):
            continue
        if c[2] > reach:
            reach_start, reach = c[1], c[2]
        out.append(c)
    return out


def _resolve(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: of those not inside another one, the higher-priority kind first, then
    the longer, then the earlier; one that overlaps a span already kept is cut back to the rest."""
    exact = set(candidates)
    ordered = sorted(_drop_contained(exact), key=lambda c: (_PRIORITY[c[0]], -(c[2] - c[1]), c[1]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for kind, start, end in ordered:
        i = bisect.bisect_left(starts, start)
        # a partial overlap with a span already kept: keep the rest, not nothing ("RW 08" + a glued
        # e-mail "08nining@...": the address up to "RW " is still masked)
        if i > 0 and ends[i - 1] > start:
            start = ends[i - 1]
        if i < len(starts) and starts[i] < end:
            end = starts[i]
        if end - start < 2:
            continue
        if (kind, start, end) not in exact:  # cut: no spaces at the cut ends
            while end - start > 1 and text[end - 1] == " ":
                end -= 1
            while end - start > 1 and text[start] == " ":
                start += 1
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, (kind, start, end))
    return kept


_MAX_ECHO_VALUES = 200


def _echoes(text: str, spans: list[Candidate]) -> list[Candidate]:
    """Other occurrences of values already found ("nama saya Budi ... Budi juga ..."), in the original text.

    Names need this most, but the other kinds too: a number that is found once can stand where its
    own detector does not take it (run together with another one, "0800 0000 0800 0800 0000 0800"),
    and masked text must never still contain a value that was detected as a word of its own.
    """
    values: dict[str, str] = {}
    for kind, a, b in spans:
        if b - a >= 2:
            values.setdefault(text[a:b], kind)
    if not values:
        return []
    alternatives = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)[:_MAX_ECHO_VALUES])
    # looked for in the text as it will read once masked: a value next to a found span is free-standing
    blanked, pos = [], 0
    for _, a, b in spans:
        blanked += [text[pos:a], " " * (b - a)]
        pos = b
    blanked.append(text[pos:])
    masked = "".join(blanked)
    # bounded by anything but a letter or digit ("_" too: "_BK0000K" still shows the plate); when the
    # longest value does not fit, a shorter one may ("0000-00-000000" inside "0000-00-000000-00")
    bounded = re.compile(r"(?<![^\W_])(?:" + alternatives + r")(?![^\W_])")
    out = [(values[m.group()], m.start(), m.end()) for m in bounded.finditer(masked)]
    if sum(masked.count(v) for v in values) <= len(out):
        return out  # every occurrence stands free: nothing is glued to another one
    # occurrences glued to each other ("0812..0812..0812..") stand or fall together
    run: list[Candidate] = []
    for m in re.finditer(alternatives, masked):
        if run and run[-1][2] != m.start():
            out += _free_run(masked, run)
            run = []
        run.append((values[m.group()], m.start(), m.end()))
    return out + _free_run(masked, run)


def _free_run(masked: str, run: list[Candidate]) -> list[Candidate]:
    """The occurrences of a run of touching ones that can be masked without leaving any of them
    glued to a letter or digit: one may lean on its neighbour only if that neighbour is masked too."""
    if len(run) < 2:
        return []

    def free(i: int) -> bool:
        return i < 0 or i >= len(masked) or not masked[i].isalnum()

    n = len(run)
    left = [free(run[0][1] - 1)] * n
    for i in range(1, n):
        left[i] = free(run[i][1] - 1) or left[i - 1]
    right = [free(run[-1][2])] * n
    for i in range(n - 2, -1, -1):
        right[i] = free(run[i][2]) or right[i + 1]
    return [c for c, lo, hi in zip(run, left, right, strict=True) if lo and hi]


def detect(text: str, kinds: Iterable[str] | None = None) -> list[PiiSpan]:
    """Personal data in ``text``, sorted by position and non-overlapping.

    ``kinds`` restricts the result to those kinds (all detectors still run, so that e.g. an
    account number is not reported as a NIK when only NIK is asked for).
    """
    if not text:
        return []
    wanted = set(KINDS) if kinds is None else set(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}; expected some of {', '.join(KINDS)}")
    return [s for s in _detect_all(text) if s.kind in wanted]


@lru_cache(maxsize=256)
def _detect_all(text: str) -> tuple[PiiSpan, ...]:
    # One request scans the same text several times (the model's two normalisations, the answer's
    # masking); the spans are immutable, so the last few texts' results are kept.
    shadow = _Shadow(text)
    s = shadow.text
    candidates: list[Candidate] = []
    digits = _ASCII_DIGIT.search(s) is not None
    for find in _DETECTORS:
        if digits or find not in _NEED_DIGIT:
            candidates.extend(find(s))
    spans = [(kind, *shadow.span(a, b)) for kind, a, b in _resolve(s, candidates)]
    echoes = _echoes(text, spans)
    if echoes:
        spans = _resolve(text, spans + echoes)
    return tuple(PiiSpan(kind, a, b, text[a:b]) for kind, a, b in spans)


def mask(text: str, spans: list[PiiSpan] | None = None, style: str = "human") -> str:
    """Replace every span with its placeholder ("[NIK]" or, with ``style="model"``, "_nik_").

    Everything outside the spans, ordinary numbers included, is kept exactly as written.
    """
    if not text:
        return text
    if spans is None:
        spans = detect(text)
    out: list[str] = []
    pos = 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start < pos:  # overlapping spans given by a caller: the earlier one already covers it
            if s.end > pos:
                pos = s.end
            continue
        out.append(text[pos : s.start])
        out.append(placeholder(s.kind, style))
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Confidentiality suggestion
# --------------------------------------------------------------------------------------------
_SECRET_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(?:atasan|bos|boss|majikan|pimpinan|mandor|supervisor|manajer|manager|direktur|kadis|"
            r"kepala\s+(?:dinas|kantor|bagian|bidang|seksi|sekolah|unit|cabang|ruangan|puskesmas|desa|"
            r"sekolah\s+anak|bidang)|guru|dosen|wali\s+kelas|rektor|dekan|pemilik\s+(?:perusahaan|pabrik|toko))"
            r"\s+(?:saya|sy|kami|kita|aku|anak\s+saya|anak\s+kami|tempat\s+saya\s+bekerja)\b"
            r"|\b(?:perusahaan|pabrik|kantor|instansi|tempat)\s+(?:tempat\s+)?(?:saya|kami|sy)\s+(?:bekerja|kerja|mengajar)"
            r"|\b(?:gaji|upah|thr)\s+(?:saya|kami)\s+(?:tidak|belum|dipotong|ditahan)",
            _I,
        ),
        "Laporan menyangkut atasan, pemberi kerja atau pihak yang berkuasa atas pelapor; identitas pelapor "
        "sebaiknya dirahasiakan agar tidak ada pembalasan.",
    ),
    (
        re.compile(
            r"\b(?:kdrt|kekerasan\s+dalam\s+rumah\s+tangga|kekerasan\s+seksual|pelecehan(?:\s+seksual)?|"
            r"pemerkosaan|diperkosa|dianiaya|penganiayaan|dipukuli|(?:dipukul|ditampar|ditendang)\s+(?:oleh\s+)?"
            r"(?:suami|istri|ayah|bapak|ibu|mertua|pacar))\b",
            _I,
        ),
        "Laporan menyangkut kekerasan atau pelecehan; identitas pelapor sebaiknya dirahasiakan demi keselamatannya.",
    ),
    (
        re.compile(
            r"\b(?:diancam|mengancam|ancaman|diintimidasi|intimidasi|diteror|teror|takut\s+(?:dibalas|diancam|"
            r"dipecat|dimutasi)|akan\s+dipecat|dibunuh)\b",
            _I,
        ),
        "Pelapor menyebut ancaman atau intimidasi; identitas pelapor sebaiknya dirahasiakan.",
    ),
)
_BRIBE_RE = re.compile(
    r"\b(?:pungli|pungutan\s+liar|suap|menyuap|disuap|sogok|sogokan|uang\s+pelicin|uang\s+rokok|uang\s+damai|"
    r"uang\s+terima\s+kasih|gratifikasi|pemerasan|memeras|diperas|minta\s+jatah|korupsi)\b",
    _I,
)
_OFFICIAL_RE = re.compile(
    r"\b(?:oknum|petugas|pegawai|pejabat|aparat|kepala|kades|lurah|camat|polisi|polantas|satpol|asn|pns|"
    r"guru|sekdes|perangkat\s+desa|staf|bupati|walikota|anggota\s+dewan|dprd|pak|bu|bapak|ibu|"
    # A bribe at a government office accuses its staff even when no one is named ("pungli di kelurahan").
    r"kelurahan|kecamatan|kantor\s+desa|balai\s+desa|dinas|samsat|disdukcapil|dukcapil|puskesmas|sekolah)\b",
    _I,
)
_KIND_LABEL = {
    "NIK": "NIK",
    "KK": "nomor KK",
    "NIP": "NIP",
    "NPWP": "NPWP",
    "BPJS": "nomor kartu BPJS/KIS",
    "TELEPON": "nomor telepon",
    "EMAIL": "alamat e-mail",
    "ALAMAT": "alamat rumah",
    "NAMA": "nama",
    "REKENING": "nomor rekening",
    "PLAT": "nomor polisi kendaraan",
    "URL": "tautan",
}
# a link is not the reporter's own data; everything else can identify them
_OWN_DATA_KINDS = frozenset(KINDS) - {"URL"}
assert set(_KIND_LABEL) == set(KINDS)
# The rules above without IGNORECASE, for an ASCII text already lower-cased: the same answer (their
# literals are lower case, and ASCII has no letter that folds to another outside A-Z) in half the time.
# Intake reads them on every report it answers.
_CASED = {p: re.compile(p.pattern, p.flags & ~re.IGNORECASE)
          for p in (*(rule for rule, _ in _SECRET_RULES), _BRIBE_RE, _OFFICIAL_RE)}


def suggest_confidentiality(text: str, spans: list[PiiSpan] | None = None) -> tuple[str, str | None]:
    """Suggest the report's visibility: ("secret" | "anonymous" | "public", reason in Indonesian).

    * "secret": the report could expose the reporter (their own superior, employer or teacher,
      bribery/pungli by an official, domestic violence, threats);
    * "anonymous": the report contains personal data but no such risk;
    * "public": neither.

    It is a suggestion for the verifier, never applied silently.
    """
    if not text:
        return "public", None
    if text.isascii():
        low = text.lower()

        def found_in(pattern: re.Pattern[str]) -> bool:
            return _CASED[pattern].search(low) is not None
    else:
        def found_in(pattern: re.Pattern[str]) -> bool:
            return pattern.search(text) is not None
    for pattern, reason in _SECRET_RULES:
        if found_in(pattern):
            return "secret", reason
    if spans is None:
        spans = detect(text)
    if found_in(_BRIBE_RE) and (found_in(_OFFICIAL_RE) or any(s.kind == "NAMA" for s in spans)):
        return (
            "secret",
            "Laporan menuduh pungutan liar atau suap oleh petugas/pejabat; identitas pelapor sebaiknya "
            "dirahasiakan agar tidak ada pembalasan.",
        )
    found = [k for k in KINDS if k in _OWN_DATA_KINDS and any(s.kind == k for s in spans)]
    if found:
        labels = ", ".join(_KIND_LABEL[k] for k in found)
        return (
            "anonymous",
            f"Laporan memuat data pribadi ({labels}); sarankan identitas pelapor disembunyikan.",
        )
    return "public", None
