"""Speed of personal-data detection on megabyte inputs, and what it finds in real complaint text.

    python -m training.pii_eval.bench_pii [--detector PATH.py|module] [--shared ../shared/datasets]

Prints, as Markdown: the time ``detect`` and ``mask`` take on about 1 MB of complaint-like text and on
pathological inputs; and, when the shared Surabaya file is there, how many spans of each kind are found
in its texts and how long that takes. No text is printed: the file holds real people's data.
``--detector`` times another implementation (e.g. an earlier pii.py copied to /tmp) for before/after.
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import Counter
from pathlib import Path

from training.pii_eval.evaluate_pii import load_detector

_DIGITS16_RE = re.compile(r"(?<![0-9])[0-9]{16}(?![0-9])")
DEFAULT_SHARED = Path(__file__).resolve().parents[3] / "shared" / "datasets"

_CHUNK = (
    "Nik. 3204124101990001Saya warga Jl. Melati No. 12 RT 03/RW 05Mohon bantuan, hp 0812\u00a03456\u00a07890, "
    "email budi@gmail.comterima kasih. Jalan rusak di km 12 sejak 2024, biaya Rp 1.500.000. "
)
MEGA = [
    ("complaint-like text", _CHUNK * (1_000_000 // len(_CHUNK) + 1)),
    ("one long digit run", "1" * 1_000_000),
    ("digits with separators", "12.34-" * 170_000),
    ("phone-like groups", "0812 " * 200_000),
    ("at signs", "a@" * 500_000),
    ("name triggers", "nama saya " * 100_000),
    ("'saya' + capitalised word", "saya Budi " * 100_000),
    ("street words", "Jl. Melati " * 90_000),
    ("RT/RW and numbers", "RT 03 RW 05 no 1 " * 60_000),
    ("zero-width and digits", "\u200b1" * 500_000),
    ("emoji", "😀👨‍👩‍👧‍👦🇮🇩" * 150_000),
]


def bench(detect, mask_fn) -> list[str]:
    lines = ["| input | characters | spans | detect s | mask s |", "|---|---:|---:|---:|---:|"]
    for name, text in MEGA:
        t0 = time.perf_counter()
        spans = detect(text)
        t1 = time.perf_counter()
        mask_fn(text, spans)
        t2 = time.perf_counter()
        lines.append(f"| {name} | {len(text):,} | {len(spans):,} | {t1 - t0:.2f} | {t2 - t1:.2f} |")
    return lines


def real_text(detect, shared: Path) -> list[str]:
    path = shared / "surabaya_mediacenter.csv"
    if not path.exists():
        return [f"({path} not found: real-text counts skipped)"]
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row["text"] for row in csv.DictReader(fh)]
    counts: Counter = Counter()
    all_spans = []
    t0 = time.perf_counter()
    for text in texts:
        spans = detect(text)
        counts.update(s.kind for s in spans)
        all_spans.append(spans)
    elapsed = time.perf_counter() - t0
    found = ", ".join(f"{k} {n:,}" for k, n in counts.most_common())
    glued = covered = 0  # 16-digit numbers glued to a letter, and how many of them a span covers
    for text, spans in zip(texts, all_spans, strict=True):
        for m in _DIGITS16_RE.finditer(text):
            a, b = m.span()
            if (a and text[a - 1].isalpha()) or (b < len(text) and text[b].isalpha()):
                glued += 1
                covered += any(s.start <= a and b <= s.end for s in spans)
    return [
        f"{path.name}: {len(texts):,} texts, {sum(map(len, texts)):,} characters, detect {elapsed:.1f} s.",
        f"Spans found: {found}.",
        f"16-digit numbers glued to a letter: {glued}, inside a span: {covered}.",
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--detector", help="module name or .py file whose detect(text) is timed (default: ours)")
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="folder with surabaya_mediacenter.csv")
    args = ap.parse_args(argv)
    detect = load_detector(args.detector)
    from triage.text.pii import mask

    print(f"Detector: {args.detector or 'triage.text.pii'}.\n")
    print("\n".join(bench(detect, mask)))
    print()
    print("\n".join(real_text(detect, args.shared)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
