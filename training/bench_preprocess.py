"""Preprocessing speed: normalisation alone, with Sastrawi stemming (cold and warm
cache), with stopwords; and the encoders' speed per document.

Run: ``python -m training.bench_preprocess [--shared ../shared/datasets]``; writes the
``preprocess`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

import pandas as pd

from training import paths
from training.benchmark import write_section
from triage.data import load_sample_complaints
from triage.text import stem
from triage.text.normalizer import TextNormalizer

START, END = "<!-- preprocess:start -->", "<!-- preprocess:end -->"


def _rate(fn, texts) -> float:
    t0 = time.perf_counter()
    fn(texts)
    return len(texts) / (time.perf_counter() - t0)


def measure(texts: list[str]) -> list[tuple[str, float]]:
    rows = []
    rows.append(("normalise (placeholders, repeats, slang)", _rate(TextNormalizer().transform, texts)))
    stem.stem_word.cache_clear()
    rows.append(("normalise + stem, cold cache", _rate(TextNormalizer(stem=True).transform, texts)))
    rows.append(("normalise + stem, warm cache", _rate(TextNormalizer(stem=True).transform, texts)))
    rows.append(("normalise + stopwords", _rate(TextNormalizer(stopwords=True).transform, texts)))
    info = stem.stem_word.cache_info()
    rows.append((f"(stem cache: {info.currsize} distinct words, hit rate "
                 f"{info.hits / max(1, info.hits + info.misses):.1%})", float("nan")))
    # Without the cache: Sastrawi on every token.
    sample = texts[: max(50, len(texts) // 20)]
    raw = stem._stemmer()

    def uncached(ts):
        for t in TextNormalizer().transform(ts):
            for w in t.split():
                raw.stem(w)

    rows.append((f"normalise + stem, no cache ({len(sample)} docs)", _rate(uncached, sample)))
    return rows


def render(name: str, n: int, rows, env: str) -> str:
    lines = [START, "", "## Preprocessing speed", "",
             f"Produced by `python -m training.bench_preprocess` on {env}, over {n} reports ({name}), one core.", "",
             "| step | reports per second |", "|---|---|"]
    for label, rate in rows:
        lines.append(f"| {label} | {'' if rate != rate else f'{rate:,.0f}'} |")
    lines += ["", END]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=paths.SHARED)
    ap.add_argument("--out", type=Path, default=paths.BENCHMARKS_MD)
    a = ap.parse_args()
    f = a.shared / "surabaya_mediacenter.csv"
    if f.is_file():
        texts = pd.read_csv(f, dtype=str, keep_default_na=False)["text"].tolist()
        name = "Surabaya Media Center texts"
    else:
        texts = load_sample_complaints()["text"].tolist()
        name = "shipped sample data"
    rows = measure(texts)
    for label, rate in rows:
        print(f"{label:<60} {rate:,.0f}/s")
    env = f"Python {platform.python_version()}, {platform.machine()}, {time.strftime('%Y-%m-%d')}"
    write_section(a.out, render(name, len(texts), rows, env), START, END)


if __name__ == "__main__":
    main()
