"""Property-based tests (hypothesis) of preprocessing and the personal-data detectors on hostile text:
any Unicode, control characters, right-to-left text, emoji floods, megabytes.

Bounded for CI: a fixed number of examples per property, no per-example deadline, and a wall-clock
bound on the megabyte inputs (a catastrophic regex would blow it by orders of magnitude).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage.text import placeholders
from triage.text.normalize import normalize
from triage.text.normalizer import TextNormalizer
from triage.text.pii import KINDS, detect, mask, suggest_confidentiality

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like complaints with personal data, glued with hostile separators.
PII_PIECES = st.sampled_from([
    "Nama saya Budi Santoso", "saya Siti Aminah", "Bapak Joko", "hubungi 081234567890", "+62 812-3456-7890",
    "0812 3456 7890", "NIK 3201010101900001", "3201 0101 0190 0001", "KK: 3174 0502 0890 0003",
    "budi.santoso@example.id", "x@y.co", "https://lapor.go.id/a?b=c", "www.contoh.id/x", "B 1234 XYZ",
    "AD 4321 KB", "rek BCA 1234567890", "no. rekening 0123-01-012345-50-1", "Rp 200.000", "RT 03/RW 05",
    "jalan rusak", "12.34.56.789012.3456", "tgl 12-08-2024",
])
HOSTILE = st.sampled_from([
    " ", "\n", "\t", "\r\n", "\x00", "\x1b[31m", "\u202e", "\u202d", "\u200f", "\u200b", "\ufeff", "\u2028",
    "ا", "שלום", "مرحبا بالعالم", "😀", "👨‍👩‍👧‍👦", "🇮🇩", "\U0010ffff", "\ud7ff", "é", "e\u0301", "Ⅻ", "１２３",
    "٠١٢٣٤٥٦٧٨٩", "<script>alert(1)</script>", "'; DROP TABLE complaint;--", "\\", "%s%n", "[NIK]", "_nik_",
])
TEXTS = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.lists(st.one_of(PII_PIECES, HOSTILE, st.text(max_size=8)), max_size=40).map("".join),
    st.lists(st.one_of(PII_PIECES, HOSTILE), max_size=40).map(" ".join),
)


def check_spans(text: str, spans) -> None:
    prev_end = 0
    for s in spans:
        assert s.kind in KINDS
        assert 0 <= s.start < s.end <= len(text), s
        assert text[s.start:s.end] == s.value, s
        assert s.start >= prev_end, f"overlapping or unsorted spans: {spans}"
        prev_end = s.end


@FUZZ
@given(TEXTS)
def test_detect_returns_valid_sorted_disjoint_spans(text):
    check_spans(text, detect(text))


@FUZZ
@given(TEXTS)
def test_mask_keeps_the_rest_and_hides_every_detected_value(text):
    spans = detect(text)
    masked = mask(text, spans)
    # Everything outside the spans is kept as written, in order.
    pos, rebuilt = 0, []
    for s in spans:
        rebuilt.append(text[pos:s.start])
        rebuilt.append(placeholders.human(s.kind))
        pos = s.end
    rebuilt.append(text[pos:])
    assert masked == "".join(rebuilt)
    for s in spans:
        # The value may still occur only where it is part of something longer that is not it
        # (e.g. "Budi" inside "Budiman"): never as a whole word.
        for i in _find_all(masked, s.value):
            before = masked[i - 1] if i else " "
            after = masked[i + len(s.value)] if i + len(s.value) < len(masked) else " "
            assert before.isalnum() or after.isalnum(), f"{s.kind} {s.value!r} still readable in {masked!r}"


def _find_all(haystack: str, needle: str):
    i = haystack.find(needle)
    while i != -1:
        yield i
        i = haystack.find(needle, i + 1)


@FUZZ
@given(TEXTS)
def test_masking_twice_keeps_every_placeholder(text):
    """Idempotent-ish: a second pass never touches a placeholder; at most it masks more, because a
    placeholder can be the context of a neighbour ("[REKENING]:00000000" reads as an account)."""
    once = mask(text)
    twice = mask(once)
    tags = [f"[{k}]" for k in KINDS]
    for s in detect(once):
        assert not any(t in s.value for t in tags), f"a placeholder was detected as personal data: {s}"
    for t in tags:
        assert twice.count(t) >= once.count(t)


@FUZZ
@given(TEXTS)
def test_normalize_is_total_lowercase_tokens_and_stable(text):
    out = normalize(text)
    assert isinstance(out, str)
    assert out == out.strip() and "  " not in out
    assert not any(ch.isspace() and ch != " " for ch in out), "control or line characters leak into tokens"
    assert not any(0 <= ord(ch) < 32 or ch in "\u202e\u202d\u200f\u200b\ufeff" for ch in out)
    again = normalize(out)
    assert len(again.split()) <= len(out.split()) + out.count("-") + 1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(TEXTS, st.none(), st.integers(), st.floats(allow_nan=True)), max_size=8))
def test_text_normalizer_transformer_accepts_anything_list_like(xs):
    out = TextNormalizer(stem=True, stopwords=True).fit(xs).transform(xs)
    assert len(out) == len(xs) and all(isinstance(o, str) for o in out)


@FUZZ
@given(TEXTS)
def test_confidentiality_suggestion_is_total(text):
    level, reason = suggest_confidentiality(text)
    assert level in ("public", "anonymous", "secret")
    assert reason is None or isinstance(reason, str)


# -- big and pathological inputs: linear time, bounded ---------------------------------------------

MEGA = [
    ("emoji flood", "😀👨‍👩‍👧‍👦🇮🇩" * 150_000),
    ("one long digit run", "1" * 1_000_000),
    ("digits with separators", "12.34-" * 170_000),
    ("phone-like groups", "0812 " * 200_000),
    ("at signs", "a@" * 500_000),
    ("dots", "." * 1_000_000),
    ("name triggers", "nama saya " * 100_000),
    ("url-ish", "http://" * 140_000),
    ("rtl and controls", ("\u202eمرحبا\x00\x1b\u200b" * 100_000)),
    ("complaint text", ("Jalan rusak di RT 03, hubungi Budi 081234567890 atau budi@example.id. " * 15_000)),
]


@pytest.mark.parametrize("name,text", MEGA, ids=[m[0] for m in MEGA])
def test_megabytes_of_hostile_text_in_bounded_time(name, text):
    t0 = time.perf_counter()
    spans = detect(text)
    check_spans(text, spans)
    masked = mask(text, spans)
    normalize(text)
    elapsed = time.perf_counter() - t0
    assert isinstance(masked, str)
    # About 1 MB each; linear detectors take well under 10 s on a shared 2-core machine.
    assert elapsed < 30, f"{name}: {elapsed:.1f}s for {len(text)} characters (super-linear regex?)"
