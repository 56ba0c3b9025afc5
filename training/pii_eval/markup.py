"""Inline markup for the labelled personal-data sentences, both ways.

    python -m training.pii_eval.markup render [--data PATH] > sentences.txt     # jsonl -> markup
    python -m training.pii_eval.markup parse sentences.txt > pii_labelled.jsonl  # markup -> jsonl

One sentence per line: ``split<TAB>text``. A labelled span is ``[[KIND:value]]``. Characters that
cannot be seen or typed easily are written as tokens, so that a reviewer sees them:

* ``<ZW>`` U+200B, ``<ZWNJ>`` U+200C, ``<ZWJ>`` U+200D, ``<WJ>`` U+2060, ``<BOM>`` U+FEFF,
  ``<NBSP>`` U+00A0, ``<NNBSP>`` U+202F, ``<IDSP>`` U+3000 (ideographic space);
* ``<FW:...>``: the ASCII characters inside, written full-width (``<FW:0812>`` -> ``０８１２``).

Offsets are computed here, never by hand; ``parse`` checks that each value is a non-empty slice.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from triage.text.placeholders import KINDS

DEFAULT_DATA = Path(__file__).with_name("pii_labelled.jsonl")

INVISIBLE = {
    "ZW": "\u200b",
    "ZWNJ": "\u200c",
    "ZWJ": "\u200d",
    "WJ": "\u2060",
    "BOM": "\ufeff",
    "NBSP": "\u00a0",
    "NNBSP": "\u202f",
    "IDSP": "\u3000",
}
_TOKEN_OF = {ch: name for name, ch in INVISIBLE.items()}
_INVISIBLE_RE = re.compile("<(" + "|".join(INVISIBLE) + ")>")
_FW_RE = re.compile(r"<FW:([^>]*)>")
_SPAN_RE = re.compile(r"\[\[([A-Z]+):(.+?)\]\]")


def to_full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def _expand(s: str) -> str:
    s = _FW_RE.sub(lambda m: to_full_width(m.group(1)), s)
    return _INVISIBLE_RE.sub(lambda m: INVISIBLE[m.group(1)], s)


def parse_line(line: str) -> dict:
    """``split<TAB>marked text`` -> {"text", "spans", "split"}."""
    split, _, marked = line.rstrip("\n").partition("\t")
    if not marked:
        raise ValueError(f"expected 'split<TAB>text': {line!r}")
    marked = _expand(marked)
    out: list[str] = []
    spans: list[dict] = []
    pos = length = 0
    for m in _SPAN_RE.finditer(marked):
        kind, value = m.group(1), m.group(2)
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} in {line!r}")
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        spans.append({"kind": kind, "start": length, "end": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unbalanced markup in {line!r}")
    return {"text": text, "spans": spans, "split": split.strip()}


def _visible(s: str) -> str:
    return "".join(f"<{_TOKEN_OF[c]}>" if c in _TOKEN_OF else c for c in s)


def render_row(row: dict) -> str:
    """The inverse of :func:`parse_line` (full-width text is left as it is, which parses back the same)."""
    text, pieces, pos = row["text"], [], 0
    for s in sorted(row["spans"], key=lambda s: s["start"]):
        pieces.append(_visible(text[pos : s["start"]]))
        pieces.append(f"[[{s['kind']}:{_visible(text[s['start'] : s['end']])}]]")
        pos = s["end"]
    pieces.append(_visible(text[pos:]))
    return f"{row.get('split', 'dev')}\t" + "".join(pieces)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("render", help="jsonl -> markup on stdout")
    r.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p = sub.add_parser("parse", help="markup file -> jsonl on stdout")
    p.add_argument("source", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "render":
        for line in args.data.read_text(encoding="utf-8").splitlines():
            if line.strip():
                print(render_row(json.loads(line)))
        return 0
    for n, line in enumerate(args.source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            row = parse_line(line)
        except ValueError as e:
            print(f"{args.source}:{n}: {e}", file=sys.stderr)
            return 1
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
