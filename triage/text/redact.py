"""Masking a whole report: its title and text together, and the reporter's own data wherever it appears.

`pii.mask` reads one string. A report is two (title and text) plus the contact the reporter gave, and
masking each string alone leaks: "Nama saya Budi Santoso" in the text is found from its cue, but the
title "Pungli oleh camat, lapor Budi Santoso" has no cue, and a name the reporter typed only into the
contact form is never introduced by "nama saya". So detection runs once on title and text joined (a
value found in one is masked in the other too), and the contact values are masked wherever they occur
as written (case and spacing aside). Every surface that masks a report goes through `redact_report`.

    >>> r = redact_report("Lapor Budi Santoso", "Nama saya Budi Santoso, hp 081234567890.")
    >>> r.title, r.text
    ('Lapor [NAMA]', 'Nama saya [NAMA], hp [TELEPON].')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from triage.text.pii import PiiSpan, _Shadow, detect
from triage.text.placeholders import placeholder

# Between title and text while detecting: a sentence end, so that no value runs from one into the other.
_JOIN = ".\n"
_MIN_KNOWN = 3  # shorter contact values ("-", "ok") would mask ordinary text


@dataclass(frozen=True)
class Masked:
    """A string with its personal data replaced: `spans` locate the placeholders in `masked`
    (`masked[start:end] == "[KIND]"`), `found` the values in the original string."""

    masked: str
    spans: list[PiiSpan]
    found: list[PiiSpan]


@dataclass(frozen=True)
class RedactedReport:
    title: str | None
    text: str
    title_masked: Masked | None
    text_masked: Masked


def _known_pattern(kind: str, value: str, any_case: bool = True) -> re.Pattern[str] | None:
    """A known value as it may be written: any case (unless not `any_case`), any spacing between its words; a number with or
    without separators between its digits (a phone also as +62/62 for its leading 0). Numbers stand apart
    from other digits, names from other letters except a capital glued after them (LAPOR! exports:
    "Budi SantosoMohon"); an e-mail address may have the next word glued to it."""
    value = _Shadow(value).text
    words = value.split()
    if not words or len("".join(words)) < _MIN_KNOWN:
        return None
    digits = re.sub(r"[\s().+/-]", "", value)
    if digits.isdigit():
        body = r"[\s.\-/]?".join(digits)
        if kind == "TELEPON" and digits.startswith("0"):
            body = r"(?:\+?62[\s\-]?(?:\(0\)[\s\-]?)?|0)" + r"[\s.\-/]?".join(digits[1:])
        return re.compile(r"(?<!\d)" + body + r"(?!\d)")
    body = r"\s+".join(re.escape(w) for w in words)
    if kind == "EMAIL":
        return re.compile(r"(?<![\w.+-])" + body, re.IGNORECASE)
    return re.compile(r"(?<![^\W_])(?" + ("i" if any_case else "") + ":" + body + r")(?![a-z0-9])")


def known_spans(text: str, known: Iterable[tuple[str, str | None]], any_case: bool = True) -> list[PiiSpan]:
    """Spans of the given (kind, value) pairs where they occur in `text`, also written in full-width
    characters, with NBSP or with zero-width characters inside (matched on the folded text). Names in
    any case when `any_case` (the reporter's own, typed in the contact form), else as found."""
    shadow = _Shadow(text)
    out, seen = [], set()
    for kind, value in known:
        pattern = _known_pattern(kind, value or "", any_case)
        if pattern is None or pattern.pattern in seen:
            continue
        seen.add(pattern.pattern)
        for m in pattern.finditer(shadow.text):
            a, b = shadow.span(m.start(), m.end())
            out.append(PiiSpan(kind, a, b, text[a:b]))
    return out


def _union(spans: Iterable[PiiSpan], text: str) -> list[PiiSpan]:
    """Sorted, non-overlapping: a span overlapping the one before is merged into it (nothing of either
    stays readable), keeping the first one's kind."""
    out: list[PiiSpan] = []
    for sp in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and sp.start < out[-1].end:
            if sp.end > out[-1].end:
                prev = out[-1]
                out[-1] = PiiSpan(prev.kind, prev.start, sp.end, text[prev.start:sp.end])
            continue
        out.append(sp)
    return out


def mask_spans(text: str, spans: Iterable[PiiSpan], style: str = "human") -> Masked:
    """Replace each span with its placeholder; also where the placeholders land in the result."""
    found = _union(spans, text)
    parts, placed, pos, at = [], [], 0, 0
    for sp in found:
        parts.append(text[pos:sp.start])
        at += sp.start - pos
        token = placeholder(sp.kind, style)
        parts.append(token)
        placed.append(PiiSpan(sp.kind, at, at + len(token), token))
        at += len(token)
        pos = sp.end
    parts.append(text[pos:])
    return Masked("".join(parts), placed, found)


def report_spans(title: str | None, text: str | None,
                 known: Iterable[tuple[str, str | None]] = ()) -> tuple[list[PiiSpan], list[PiiSpan]]:
    """(spans in the title, spans in the text), detected on both together plus the known values."""
    title, text = title or "", text or ""
    known = list(known)
    if not title:
        found = detect(text)
        echoes = known_spans(text, [(sp.kind, sp.value) for sp in found], any_case=False)
        return [], _union(found + echoes + known_spans(text, known), text)
    joined = title + _JOIN + text
    offset = len(title) + len(_JOIN)
    in_title, in_text = [], []
    found = detect(joined)
    # a value found once is masked wherever it stands, also written another way (full-width, spaced)
    echoes = known_spans(joined, [(sp.kind, sp.value) for sp in found], any_case=False)
    for sp in found + echoes + known_spans(joined, known):
        if sp.start < len(title):
            end = min(sp.end, len(title))
            in_title.append(PiiSpan(sp.kind, sp.start, end, title[sp.start:end]))
        if sp.end > offset:
            start = max(sp.start, offset) - offset
            in_text.append(PiiSpan(sp.kind, start, sp.end - offset, text[start:sp.end - offset]))
    return _union(in_title, title), _union(in_text, text)


def redact_report(title: str | None, text: str | None, known: Iterable[tuple[str, str | None]] = (),
                  style: str = "human") -> RedactedReport:
    """Title and text masked together; `known` adds values to mask wherever they occur, e.g. the
    reporter's contact as (kind, value) pairs."""
    title_spans, text_spans = report_spans(title, text, known)
    text_masked = mask_spans(text or "", text_spans, style)
    title_masked = mask_spans(title, title_spans, style) if title else None
    return RedactedReport(title_masked.masked if title_masked else title, text_masked.masked, title_masked,
                          text_masked)


def contact_values(name: str | None = None, phone: str | None = None, email: str | None = None,
                   address: str | None = None) -> list[tuple[str, str | None]]:
    """The (kind, value) pairs of a reporter's contact, for `known`."""
    return [("NAMA", name), ("TELEPON", phone), ("EMAIL", email), ("ALAMAT", address)]
