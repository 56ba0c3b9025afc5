"""Personal-data detection and masking for Indonesian complaint text.

Detects NIK (and KK numbers, reported as NIK), phone numbers, e-mail addresses, URLs, vehicle
plates, bank account numbers and personal names introduced by phrases such as "nama saya" or
"atas nama". Rules are regular expressions plus validation in Python.

Performance: every pattern is compiled once at import, uses bounded quantifiers and a lookbehind
that stops a match from starting in the middle of a token, so scanning is linear in the text
length (no catastrophic backtracking); a megabyte of text is processed in well under a second.

    >>> [s.kind for s in detect("NIK 3201234501890001, HP 0812-3456-7890")]
    ['NIK', 'TELEPON']
    >>> mask("hubungi 0812-3456-7890 di RT 03/RW 05")
    'hubungi [TELEPON] di RT 03/RW 05'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from triage.text.placeholders import KINDS, placeholder

__all__ = ["PiiSpan", "KINDS", "detect", "mask", "suggest_confidentiality"]


@dataclass(frozen=True)
class PiiSpan:
    kind: str  # "NIK" | "TELEPON" | "EMAIL" | "URL" | "PLAT" | "REKENING" | "NAMA"
    start: int  # character offsets into the original text: text[start:end] == value
    end: int
    value: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end, "value": self.value}


# When two candidates overlap, the one whose kind comes first here wins (then the longer one).
_PRIORITY = {"EMAIL": 0, "URL": 1, "REKENING": 2, "NIK": 3, "TELEPON": 4, "PLAT": 5, "NAMA": 6}

_I = re.IGNORECASE

# --------------------------------------------------------------------------------------------
# NIK / KK: 16 digits, PP KK CC DDMMYY SSSS. Contiguous, 4-4-4-4, 6-6-4, or 2.2.2.6.4 groups.
# --------------------------------------------------------------------------------------------
_NIK_RE = re.compile(
    r"(?<![\w.,/+-])(?<!\d[.,/-])"
    r"(?:\d{16}"
    r"|\d{4}([ .-])\d{4}\1\d{4}\1\d{4}"
    r"|\d{6}([ .-])\d{6}\2\d{4}"
    r"|\d{2}([ .])\d{2}\3\d{2}\3\d{6}\3\d{4}"
    r"|\d{2,6}(?:\.\d{2,6}){2,7})"
    r"(?!\w)(?![.,/-]\d)(?! \d{1,4}(?![\w.,]))"
)
# "NIK", "KK", "KTP", "kartu keluarga" shortly before a 16-digit number: accept it as NIK even
# when the date part does not validate (the reporter says what it is).
_NIK_CONTEXT_RE = re.compile(
    r"(?:\bnik\b|\bkk\b|\bktp\b|kartu\s+keluarga|no\.?\s*identitas|nomor\s+induk)[^\d\n]{0,25}$", _I
)


def _nik_structure_ok(digits: str) -> bool:
    prov = int(digits[0:2])
    day = int(digits[6:8])
    month = int(digits[8:10])
    if not 11 <= prov <= 94:
        return False
    if digits[2:4] == "00":
        return False
    if not (1 <= day <= 31 or 41 <= day <= 71):
        return False
    if not 1 <= month <= 12:
        return False
    return digits[12:16] != "0000"


def _find_nik(text: str) -> Iterable[tuple[str, int, int]]:
    for m in _NIK_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) != 16:
            continue
        if _nik_structure_ok(digits) or _NIK_CONTEXT_RE.search(text[max(0, m.start() - 40) : m.start()]):
            yield "NIK", m.start(), m.end()


# --------------------------------------------------------------------------------------------
# REKENING: 8-16 digits (spaces/dashes allowed) right after an account or bank word.
# --------------------------------------------------------------------------------------------
_BANKS_UPPER = r"BRI|BNI|BCA|BSI|BTN|BPD|BJB|CIMB|BTPN|OCBC|Permata|Mandiri|Danamon|Muamalat|Mega|Panin"
_REK_RE = re.compile(
    r"(?:(?i:\b(?:no(?:mor)?\.?\s*)?(?:rek(?:ening)?|norek|no\.?rek|bank\s+(?:jateng|jatim|jabar|dki|"
    r"sumut|kalbar|nagari|aceh|bpd|[a-z]{3,10})))\b|\b(?:" + _BANKS_UPPER + r")\b)"
    r"(?P<fill>[^\d\n]{0,30}?)"
    r"(?<![\d])(?P<num>\d(?:[ -]?\d){7,15})(?![\d.,]\d)(?!\d)(?![\w])"
)
_REK_FILL_BAD = re.compile(
    r"\b(?:nik|kk|ktp|hp|wa|telp|telepon|tlp|hub|rp|idr|tgl|tanggal|tahun|thn|th|periode|sejak|bpjs)\b|rp\.?\s*$",
    _I,
)
_DATE_LIKE = re.compile(r"^(?:\d{1,2}[-/ ]\d{1,2}[-/ ]\d{2,4}|(?:19|20)\d\d ?- ?(?:19|20)\d\d)$")
_REK_NOT_AFTER = re.compile(r"\b(?:bpjs|jkn|kis|peserta|kelas)\s*$", _I)


def _find_rekening(text: str) -> Iterable[tuple[str, int, int]]:
    for m in _REK_RE.finditer(text):
        num = m.group("num")
        if _REK_FILL_BAD.search(m.group("fill")) or _DATE_LIKE.match(num):
            continue
        if _REK_NOT_AFTER.search(text[max(0, m.start() - 12) : m.start()]):  # "BPJS Mandiri"
            continue
        # a mobile number after a bank name ("BRI 0812...") is still a phone number
        if (
            re.match(r"0?8\d", num)
            and len(re.sub(r"\D", "", num)) <= 13
            and not re.search(r"rek|norek", m.group(0)[: m.start("fill") - m.start()], _I)
        ):
            continue
        yield "REKENING", m.start("num"), m.end("num")


# --------------------------------------------------------------------------------------------
# TELEPON: mobile (08.., +62 8.., 62 8..) and landline ((021) 555-1234, 0274-512345).
# --------------------------------------------------------------------------------------------
_PHONE_MOBILE_RE = re.compile(
    r"(?<![\w+])(?<!\d[.,/-])"
    r"(?:\+62[ .-]?|\+?62[ .-]?|\(\+?62\)[ .-]?|0)8\d{1,3}"
    r"(?:[.-]?\d{2,5}| \d{3,5}){1,4}"
    r"(?![\w])(?![.,-]\d)"
)
_PHONE_LANDLINE_RE = re.compile(
    r"(?<![\w+])(?<!\d[.,/-])"
    r"(?:\(0[2-9]\d{1,2}\)[ .-]?|(?:\+62|62)[ .-]?\(?[2-9]\d{1,2}\)?[ .-]?|0[2-7]\d{1,2}[ .-]|0[2-7]\d{7,9}(?!\d))"
    r"(?:\d{3,8}(?:[ .-]\d{2,5}){0,2})?"
    r"(?![\w])(?![.,-]\d)"
)


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def _trim_phone(value: str, lo: int, hi: int) -> str | None:
    """Drop trailing groups ("081234567890 2024") until the digit count is plausible."""
    # a complete contiguous number is not continued by a space-separated group
    first = re.match(r"[+(]*\d+\)?", value)
    if first and _digits(first.group()) >= lo and value[first.end() : first.end() + 1] == " ":
        value = value[: first.end()]
    while True:
        n = _digits(value)
        if lo <= n <= hi:
            return value
        if n < lo:
            return None
        cut = max(value.rfind(" "), value.rfind("-"), value.rfind("."))
        if cut <= 0:
            return None
        value = value[:cut]


def _find_phone(text: str) -> Iterable[tuple[str, int, int]]:
    for m in _PHONE_MOBILE_RE.finditer(text):
        v = m.group()
        national = v.lstrip("+(")
        lo, hi = (11, 15) if national.startswith("62") else (10, 14)
        v2 = _trim_phone(v, lo, hi)
        if v2:
            yield "TELEPON", m.start(), m.start() + len(v2)
    for m in _PHONE_LANDLINE_RE.finditer(text):
        v = m.group()
        lo, hi = (9, 13) if v.lstrip("+(").startswith("62") else (8, 12)
        v2 = _trim_phone(v, lo, hi)
        if v2:
            yield "TELEPON", m.start(), m.start() + len(v2)


# --------------------------------------------------------------------------------------------
# EMAIL and URL
# --------------------------------------------------------------------------------------------
_EMAIL_RE = re.compile(
    r"(?<![\w.+%-])[\w.+%-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,5}(?![\w-])"
)
_TLDS = r"com|net|org|id|ly|io|info|biz|co|me|gov|edu|xyz|site|online|my|sg"
_URL_RE = re.compile(
    r"(?:(?<![\w])(?i:https?://|www\.)[^\s<>\"'\]\[{}|\\^`]{1,2000}"
    r"|(?<![\w@.-])(?:[a-z0-9][a-z0-9-]{0,62}\.){1,5}(?:" + _TLDS + r")(?![\w-])(?:/[^\s<>\"']{0,2000})?"
    # a few more TLDs only when a path follows: youtu.be/xyz, goo.gl/abc, lnkd.in/x
    r"|(?<![\w@.-])(?:[a-z0-9][a-z0-9-]{0,62}\.){1,5}(?:be|gl|in|tv|us|uk|ai|app|dev|page|link|to|cc|ws)"
    r"/[^\s<>\"']{1,2000})"
)


_ABBREVIATIONS = frozenset(
    "alm almh dll dsb dst yg no tgl jl jln kel kec kab sdh blm org tsb ybs dr pd utk dgn krn thn bln gg rt rw "
    "bpk ibu sy kmi kami ttd hp wa telp situ sini sana".split()
)


def _find_email(text: str) -> Iterable[tuple[str, int, int]]:
    for m in _EMAIL_RE.finditer(text):
        v = m.group().rstrip(".")
        yield "EMAIL", m.start(), m.start() + len(v)


def _find_url(text: str) -> Iterable[tuple[str, int, int]]:
    for m in _URL_RE.finditer(text):
        v = m.group()
        # trailing sentence punctuation is not part of a URL; unbalanced ')' neither
        while v and v[-1] in ".,;:!?'\"":
            v = v[:-1]
        while v.endswith(")") and v.count(")") > v.count("("):
            v = v[:-1]
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
    r"(?<![\w./-])(?P<reg>[A-Z]{1,2}) ?(?P<num>\d{1,4})(?: ?(?P<suf>[A-Z]{1,3}))?(?![\w%.,/-]\w|[\w%])"
)
_PLATE_CTX_RE = re.compile(
    r"\b(?:plat|pelat|nopol|no\.?\s?pol|nomor\s+polisi|no\.?\s+polisi|tnkb|nomor\s+kendaraan|"
    r"no\.?\s+kendaraan)\b(?:\s*(?:nomor|nomer|no\.?|nya|kendaraan|mobil|motor|truk|bus|:|-)){0,3}\s*[:.-]?\s*"
    r"(?P<reg>[a-z]{1,2}) ?(?P<num>\d{1,4})(?: ?(?P<suf>[a-z]{1,3}))?(?![\w])",
    _I,
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


def _find_plate(text: str) -> Iterable[tuple[str, int, int]]:
    for m in _PLATE_CTX_RE.finditer(text):
        if m.group("reg").upper() not in _PLATE_REGIONS:
            continue
        end = m.end()
        suf = m.group("suf")
        if suf and (suf.lower() in _PLATE_SUFFIX_STOP or (m.group("reg").isupper() and suf.islower())):
            end = m.end("num")
        yield "PLAT", m.start("reg"), end
    for m in _PLATE_UPPER_RE.finditer(text):
        reg, suf = m.group("reg"), m.group("suf")
        if reg not in _PLATE_REGIONS:
            continue
        if not suf:  # "B 1234" alone is too ambiguous without a context word ("blok B 12")
            continue
        if len(m.group("num")) < 3 and m.end("reg") == m.start("num"):  # "P3K", "DP5A", "A5 RT"
            continue
        if suf in _PLATE_UPPER_SUFFIX_STOP:
            continue
        if _PLATE_NOT_AFTER.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        yield "PLAT", m.start(), m.end()


# --------------------------------------------------------------------------------------------
# NAMA: capitalised words right after an introducing phrase.
# --------------------------------------------------------------------------------------------
_NAME_TRIGGER_RE = re.compile(
    # the lookbehind + first-letter lookahead let the engine skip most positions quickly
    r"(?<![\w.-])(?=[nsabdpimkogcl])"
    r"(?:\bnama\s+(?:saya|sy|aku|lengkap(?:\s+saya)?|pelapor|anak\s+saya|suami\s+saya|istri\s+saya|ibu\s+saya|"
    r"ayah\s+saya|bapak\s+saya)(?:\s+(?:adalah|ialah|yaitu))?"
    r"|\bnama\s*:|\b(?:saya|sy|aku)\s+bernama(?:\s+lengkap)?|\bbernama(?:\s+lengkap)?"
    r"|\b(?:pengirim|pelapor|pengadu|penerima|pemohon)\s*:|\bperkenalkan,?\s+(?:nama\s+)?(?:saya|sy)"
    r"|(?<![\w.-])(?-i:an)\s(?=\s*[A-Z])|\batas\s+nama|(?<![\w.-])a\.?\s?n\.|(?<![\w.-])an\.|\ba/n\b"
    r"|\bdengan\s+(?:saudara|saudari|sdr|sdri|bapak|ibu|pak|bu)\b\.?"
    r"|\b(?:saudara|saudari|sdr|sdri)\b\.?"
    r"|\b(?:bapak|ibu|pak|bu|bpk|bp|mas|mbak|mba|kak)\b(?=\s+[A-Z])|\bbpk\.(?=\s*[A-Z])"
    r"|\b(?:oknum|petugas|pegawai|guru|dokter|bidan|perawat|kepala\s+desa|kades|lurah|camat)\s+(?:bernama|yang\s+bernama|an\.|a\.n\.)"
    r")\s*[:,]?\s*",
    _I,
)
_NAME_WORD = (
    r"(?:(?:Moch|Moh|Muh|Mhd|Mochd|Abd|Ach|Hj|Ir|Drs|Dr|St)\.|[A-Z][a-z'\u2019`-]{1,24}|[A-Z]{2,20}|[A-Z]\.)"
)
_NAME_RE = re.compile(_NAME_WORD + r"(?: " + _NAME_WORD + r"){0,3}")
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
    tapi tetapi namun karena kalau jika mohon agar supaya untuk staff pimpin pimpinan ogah admin tim wakil selaku alias beserta""".split()
)
# words that are honorific triggers only when followed by a real name; the name itself must
# then not be a title ("Pak Camat", "Ibu Kota").
_WEAK_TRIGGER_RE = re.compile(r"^(?:bapak|ibu|pak|bu|bpk|bp|mas|mbak|mba|kak)\b", _I)


# "Saya, Lestari, sudah lapor ...": a name in apposition, only when closed by a comma
_APPOSITION_RE = re.compile(r"(?<![\w])(?:saya|sy|aku)\s*,\s*", _I)


def _name_triggers(text: str) -> Iterable[tuple[re.Match[str], bool]]:
    for t in _NAME_TRIGGER_RE.finditer(text):
        yield t, False
    for t in _APPOSITION_RE.finditer(text):
        yield t, True


def _find_name(text: str) -> Iterable[tuple[str, int, int]]:
    for t, apposition in _name_triggers(text):
        m = _NAME_RE.match(text, t.end())
        if not m:
            continue
        if apposition and (not text.startswith(",", m.end()) or m.group().isupper()):
            continue
        words = m.group().split(" ")
        kept: list[str] = []
        for w in words:
            if w.lower().strip(".") in _NAME_STOP:
                break
            kept.append(w)
        # initials alone ("A.") or a trailing initial that is really sentence end are not names
        while kept and re.fullmatch(r"[A-Z]\.", kept[-1]) and len(kept) == 1:
            kept.pop()
        if not kept:
            continue
        if _WEAK_TRIGGER_RE.match(t.group()) and all(w.isupper() and len(w) <= 3 for w in kept):
            continue  # "Pak RT", "Bu RW", acronyms
        value = " ".join(kept)
        yield "NAMA", m.start(), m.start() + len(value)


_DETECTORS = (_find_email, _find_url, _find_rekening, _find_nik, _find_phone, _find_plate, _find_name)


def _resolve(text: str, candidates: Iterable[tuple[str, int, int]]) -> list[PiiSpan]:
    """Keep non-overlapping candidates: higher-priority kind first, then longer, then earlier."""
    ordered = sorted(set(candidates), key=lambda c: (_PRIORITY[c[0]], -(c[2] - c[1]), c[1]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[tuple[int, int, str]] = []
    for kind, start, end in ordered:
        if end <= start:
            continue
        i = bisect.bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start:
            continue
        if i < len(starts) and starts[i] < end:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, (start, end, kind))
    return [PiiSpan(kind, s, e, text[s:e]) for s, e, kind in kept]


_MAX_ECHO_VALUES = 200


def _echoes(text: str, spans: list[PiiSpan]) -> list[tuple[str, int, int]]:
    """Other occurrences of values already found ("nama saya Budi ... Budi juga ...").

    Names need this most, but the other kinds too: a number that is found once can stand where its
    own detector does not take it (run together with another one, "0800 0000 0800 0800 0000 0800"),
    and masked text must never still contain a value that was detected.
    """
    values: dict[str, str] = {}
    for s in spans:
        if len(s.value) >= 3:
            values.setdefault(s.value, s.kind)
    if not values:
        return []
    chosen = sorted(values, key=len, reverse=True)[:_MAX_ECHO_VALUES]
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in chosen) + r")(?!\w)")
    return [(values[m.group()], m.start(), m.end()) for m in pattern.finditer(text)]


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
    candidates: list[tuple[str, int, int]] = []
    for find in _DETECTORS:
        candidates.extend(find(text))
    spans = _resolve(text, candidates)
    echoes = _echoes(text, spans)
    if echoes:
        spans = _resolve(text, [(s.kind, s.start, s.end) for s in spans] + echoes)
    return [s for s in spans if s.kind in wanted]


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
    r"guru|sekdes|perangkat\s+desa|staf|bupati|walikota|anggota\s+dewan|dprd|pak|bu|bapak|ibu)\b",
    _I,
)
_OWN_DATA_KINDS = {"NIK", "TELEPON", "EMAIL", "NAMA", "REKENING", "PLAT"}
_KIND_LABEL = {
    "NIK": "NIK",
    "TELEPON": "nomor telepon",
    "EMAIL": "alamat e-mail",
    "NAMA": "nama",
    "REKENING": "nomor rekening",
    "PLAT": "nomor polisi kendaraan",
    "URL": "tautan",
}


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
    for pattern, reason in _SECRET_RULES:
        if pattern.search(text):
            return "secret", reason
    if spans is None:
        spans = detect(text)
    if _BRIBE_RE.search(text) and (_OFFICIAL_RE.search(text) or any(s.kind == "NAMA" for s in spans)):
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
