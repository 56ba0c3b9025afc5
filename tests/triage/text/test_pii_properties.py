"""Property tests (hypothesis) of personal-data detection and masking on the forms real exports have:
numbers and addresses glued to the next word, spaced, full-width, with zero-width characters or NBSP.

For generated NIK, KK, phone, e-mail, NIP and NPWP values embedded in generated sentences:
the value is found, with its kind and its exact offsets in the original text; masking leaves none of
its digits; every span is an exact slice; masking is idempotent.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage.text.pii import detect, mask

PROPS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
NBSP = ["\u00a0", "\u202f"]
# Ordinary words around the value, lower case and capitalised (LAPOR! glues the next sentence's first word).
WORDS = [
    "jalan", "rusak", "mohon", "segera", "diperbaiki", "warga", "sudah", "lama", "tidak", "ada", "tanggapan",
    "bantuan", "belum", "cair", "terima", "kasih", "tolong", "lampu", "mati", "di", "depan", "sekolah", "dan",
    "Saya", "Mohon", "Terima", "Tolong", "Lampu", "Bantuan", "Sudah", "Warga", "Terimakasih", "Kami",
]
GLUE_WORDS = [w for w in WORDS if len(w) >= 3]


def full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def ascii_digits(s: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in s if unicodedata.digit(c, None) is not None)


# ------------------------------------------------------------------ values


@st.composite
def nik_digits(draw) -> str:
    prov = draw(st.integers(11, 94))
    regency = draw(st.integers(1, 99))
    district = draw(st.integers(1, 99))
    day = draw(st.integers(1, 31)) + draw(st.sampled_from([0, 40]))
    month = draw(st.integers(1, 12))
    year = draw(st.integers(0, 99))
    seq = draw(st.integers(1, 9999))
    return f"{prov:02d}{regency:02d}{district:02d}{day:02d}{month:02d}{year:02d}{seq:04d}"


@st.composite
def nip_digits(draw) -> str:
    birth = draw(st.integers(1960, 2000))
    appointed = draw(st.integers(birth + 20, 2024))
    return (
        f"{birth}{draw(st.integers(1, 12)):02d}{draw(st.integers(1, 28)):02d}"
        f"{appointed}{draw(st.integers(1, 12)):02d}{draw(st.sampled_from('12'))}{draw(st.integers(1, 999)):03d}"
    )


def _groups(digits: str, first: int) -> list[str]:
    """``first`` digits, then groups of 4 (3 at the end rather than a group of 1 or 2)."""
    out, rest = [digits[:first]], digits[first:]
    while rest:
        take = 4 if len(rest) >= 7 or len(rest) == 4 else 3 if len(rest) in (3, 6) else len(rest)
        if len(rest) == 5:
            take = 5
        out.append(rest[:take])
        rest = rest[take:]
    return out


@st.composite
def phone(draw) -> tuple[str, str]:
    """(rendered number, its national digits)."""
    national = "08" + draw(st.sampled_from("1235789")) + draw(st.text("0123456789", min_size=7, max_size=10))
    sep = draw(st.sampled_from(["", " ", "-", ".", "/", " - "]))
    prefix = draw(st.sampled_from(["0", "+62 ", "+62", "62", "0062 ", "+62 (0)", "+62-", "(+62) "]))
    groups = _groups(national[1:], 3)
    if sep == "" or prefix == "0":
        body = sep.join(groups)
    else:
        body = (" " if sep == "" else sep).join(groups) if prefix.endswith((" ", "-", ")")) else sep.join(groups)
    text = (prefix + body) if prefix != "0" else "0" + body
    return text, national


@st.composite
def email(draw) -> str:
    local = draw(st.from_regex(r"[a-z]{2,8}(?:[._][a-z0-9]{1,6})?", fullmatch=True))
    domain = draw(
        st.sampled_from(["gmail.com", "yahoo.co.id", "yahoo.com", "hotmail.com", "outlook.com", "ymail.com",
                         "icloud.com", "dinkes.sukamaju.go.id", "student.unsukamaju.ac.id", "smpn3.sch.id",
                         "koperasi-maju.co.id", "yayasan.or.id"])
    )
    return f"{local}@{domain}"


# ------------------------------------------------------------------ renderings


def _insert_invisible(draw, value: str, chars: list[str]) -> str:
    """Put invisible characters between characters of ``value`` (never at its ends)."""
    if len(value) < 2:
        return value
    positions = draw(st.sets(st.integers(1, len(value) - 1), min_size=1, max_size=4))
    out, prev = [], 0
    for p in sorted(positions):
        out.append(value[prev:p])
        out.append(draw(st.sampled_from(chars)))
        prev = p
    out.append(value[prev:])
    return "".join(out)


@st.composite
def number_item(draw):
    """(kind, context word, rendered value, digits that must not survive masking)."""
    which = draw(st.sampled_from(["NIK", "KK", "TELEPON", "NIP", "NPWP"]))
    variant = draw(st.sampled_from(["plain", "spaced", "full_width", "zero_width", "nbsp"]))
    if which in ("NIK", "KK"):
        digits = draw(nik_digits())
        ctx = draw(st.sampled_from(["NIK", "nik", "Nik.", "NIK:", "ktp"] if which == "NIK" else
                                   ["KK", "no kk", "No. KK", "kartu keluarga", "kk:"]))
        spaced = [digits[0:4], digits[4:8], digits[8:12], digits[12:16]]
        value = {"plain": digits, "spaced": " ".join(spaced), "full_width": full_width(digits),
                 "zero_width": _insert_invisible(draw, digits, ZERO_WIDTH),
                 "nbsp": draw(st.sampled_from(NBSP)).join(spaced)}[variant]
    elif which == "NIP":
        digits = draw(nip_digits())
        ctx = draw(st.sampled_from(["NIP", "nip", "NIP.", "nip:"]))
        spaced = [digits[0:8], digits[8:14], digits[14], digits[15:18]]
        value = {"plain": digits, "spaced": " ".join(spaced), "full_width": full_width(" ".join(spaced)),
                 "zero_width": _insert_invisible(draw, digits, ZERO_WIDTH),
                 "nbsp": draw(st.sampled_from(NBSP)).join(spaced)}[variant]
    elif which == "NPWP":
        digits = draw(st.text("0123456789", min_size=15, max_size=15))
        ctx = draw(st.sampled_from(["NPWP", "npwp", "NPWP:", "npwp saya"]))
        dotted = f"{digits[:2]}.{digits[2:5]}.{digits[5:8]}.{digits[8]}-{digits[9:12]}.{digits[12:]}"
        spaced = [digits[:2], digits[2:5], digits[5:8], digits[8], digits[9:12], digits[12:]]
        value = {"plain": dotted, "spaced": " ".join(spaced), "full_width": full_width(dotted),
                 "zero_width": _insert_invisible(draw, dotted, ZERO_WIDTH),
                 "nbsp": draw(st.sampled_from(NBSP)).join(spaced)}[variant]
    else:
        rendered, national = draw(phone())
        digits = national[1:]
        ctx = draw(st.sampled_from(["hp", "HP", "WA", "wa:", "no hp", "Telp", "hub."]))
        value = {"plain": rendered, "spaced": rendered, "full_width": full_width(rendered),
                 "zero_width": _insert_invisible(draw, rendered, ZERO_WIDTH),
                 "nbsp": re.sub(" ", lambda _: draw(st.sampled_from(NBSP)), rendered)}[variant]
    return which, ctx, value, digits


@st.composite
def sentence(draw):
    """(text, [(kind, start, end, digits or local part)]) with one to three items glued or spaced."""
    parts: list[str] = []
    items: list[tuple[str, int, int, str]] = []
    pos = 0

    def add(piece: str) -> None:
        nonlocal pos
        parts.append(piece)
        pos += len(piece)

    add(" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=4))))
    for _ in range(draw(st.integers(1, 3))):
        add(" " if pos else "")
        if draw(st.booleans()):
            kind, ctx, value, secret = draw(number_item())
            # a context word, then the value: spaced or glued to it
            add(ctx + draw(st.sampled_from(["", " "])) if not ctx.endswith(" ") else ctx)
        else:
            kind, value = "EMAIL", draw(email())
            secret = value.split("@")[0] + "@"
            if draw(st.booleans()):
                value = draw(st.sampled_from([full_width(value), value.replace("@", "\uff20"),
                                              _insert_invisible(draw, value, ZERO_WIDTH)]))
            add(draw(st.sampled_from(["email ", "e-mail: ", "kirim ke "])))
        items.append((kind, pos, pos + len(value), secret))
        add(value)
        # then the next word: glued (as LAPOR! exports do) or after a space or punctuation
        add(draw(st.sampled_from(["", " ", ", ", ". "])) + draw(st.sampled_from(GLUE_WORDS)))
    return "".join(parts), items


# ------------------------------------------------------------------ properties


def _check_slices(text, spans):
    prev = 0
    for s in spans:
        assert text[s.start : s.end] == s.value
        assert prev <= s.start < s.end
        prev = s.end


@PROPS
@given(sentence())
def test_each_value_is_found_with_its_kind_and_exact_offsets(case):
    text, items = case
    spans = detect(text)
    _check_slices(text, spans)
    found = {(s.kind, s.start, s.end) for s in spans}
    for kind, start, end, _ in items:
        assert (kind, start, end) in found, f"{kind} {text[start:end]!r} not found in {text!r}: {spans}"


@PROPS
@given(sentence())
def test_masked_text_keeps_no_digit_or_address_of_any_value(case):
    text, items = case
    masked = mask(text)
    folded = unicodedata.normalize("NFKC", masked)
    for kind, _, _, secret in items:
        if kind == "EMAIL":
            assert secret not in folded.replace("\u200b", "").replace("\u200c", "").replace("\u200d", ""), masked
        else:
            # the sentence has no other digits, so any digit left would be part of the value
            assert not ascii_digits(masked), f"digits left in {masked!r} (from {text!r})"
    assert mask(masked) == masked
    assert mask(mask(text, style="model"), style="model") == mask(text, style="model")


@PROPS
@given(sentence(), st.sampled_from(["", " ", "\n"]))
def test_spans_are_exact_slices_when_sentences_are_joined(case, joiner):
    text, _ = case
    doubled = text + joiner + text
    spans = detect(doubled)
    _check_slices(doubled, spans)
    assert mask(mask(doubled)) == mask(doubled)
