"""Benchmark: the protocols of ../shared/datasets/README.md, our pipeline and its
variants beside plain baselines, all in one process. Writes docs/benchmarks.md
(the section between the ``core`` markers) and docs/benchmarks/core.json.

Run: ``triage benchmark`` (or ``python -m training.benchmark``); ``--quick`` skips
the slow variants.
"""

from __future__ import annotations

import json
import logging
import platform
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from training import paths
from training.baselines import BASELINES, baseline_proba
from training.datasets import LabelledData
from training.pipeline import evaluate_model, fit_model
from triage.data import load_sample_complaints
from triage.metrics import score_head
from triage.model import HOAX, hoax_labels

log = logging.getLogger(__name__)

START, END = "<!-- core:start -->", "<!-- core:end -->"
METRICS = ["accuracy", "macro_f1", "top3_accuracy", "coverage_at_95", "ece", "roc_auc", "average_precision",
           "fit_seconds", "predict_ms_per_doc"]


@dataclass
class Split:
    name: str
    head: str
    train: LabelledData
    test: LabelledData
    note: str


def _ld(df: pd.DataFrame, head: str, text="text", date="date") -> LabelledData:
    return LabelledData(df[text].tolist(), {head: df[head].tolist()},
                        df[date].tolist() if date in df else None, "benchmark")


def surabaya_splits(shared: Path) -> list[Split]:
    df = pd.read_csv(shared / "surabaya_mediacenter.csv", dtype=str, keep_default_na=False)
    df = df[df.text.str.strip() != ""]
    tr, te = df[df.date < "2023-01-01"], df[df.date >= "2023-01-01"]
    out = []
    for head in ("agency", "category"):
        trh = tr[tr[head] != ""]
        teh = te[(te[head] != "") & te[head].isin(set(trh[head]))]
        out.append(Split(f"surabaya-{head}", head, _ld(trh, head), _ld(teh, head),
                         f"train date < 2023-01-01 ({len(trh)}), test >= 2023-01-01 ({len(teh)}), "
                         f"{trh[head].nunique()} labels"))
    # A small deployment: the last 1,500 reports before the cut, over the agencies they contain.
    small = tr.sort_values("date").tail(1500)
    tes = te[te.agency.isin(set(small.agency))]
    out.append(Split("surabaya-agency-small", "agency", _ld(small, "agency"), _ld(tes, "agency"),
                     f"train = last 1,500 reports of 2022 ({small.agency.nunique()} agencies), "
                     f"test = 2023 reports to those agencies ({len(tes)})"))
    return out


def hoax_split(shared: Path) -> Split:
    df = pd.read_csv(shared / "indo_false_news.csv", dtype=str, keep_default_na=False)
    tr, te = train_test_split(df, test_size=0.2, random_state=0, stratify=df.label)
    # Text only: titles follow a house style per label, a shortcut (see docs/hoax.md).
    return Split("indo-false-news-hoax", "hoax", _ld(tr.assign(hoax=tr.label), "hoax", date="none"),
                 _ld(te.assign(hoax=te.label), "hoax", date="none"),
                 f"stratified 80/20, random_state=0 on label; text column only ({len(tr)}/{len(te)})")


def sample_split() -> Split:
    df = load_sample_complaints()
    tr, te = df[df.date < "2025-07-01"], df[df.date >= "2025-07-01"]
    te = te[te.agency.isin(set(tr.agency))]
    return Split("sample-agency", "agency", _ld(tr, "agency"), _ld(te, "agency"),
                 f"shipped sample data, train date < 2025-07-01 ({len(tr)}), test after ({len(te)})")


OUR_VARIANTS = {  # name -> (encoder spec, encoder params)
    "triage default (hybrid: static + TF-IDF)": ("hybrid", None),
    "triage static embedding only": ("static", None),
    "triage static, label-triplet loss": ("static", {"loss": "triplet", "epochs": 2, "learning_rate": 0.05}),
    "triage hybrid, label-triplet static": ("hybrid", {"loss": "triplet", "epochs": 2, "learning_rate": 0.05}),
    "triage TF-IDF words+chars only": ("tfidf", None),
    "triage MiniLM (pretrained) only": ("pretrained:minilm", None),
    "triage hybrid MiniLM + TF-IDF": ("hybrid:pretrained:minilm", None),
}
SLOW = {"triage MiniLM (pretrained) only", "triage hybrid MiniLM + TF-IDF", "tfidf+randomforest", "tfidf+logreg"}
# Variants left out of a split to keep the whole run near half an hour on 2 cores; each is
# measured on the other splits.
SKIP = {
    "surabaya-agency": {"triage static, label-triplet loss", "triage hybrid, label-triplet static",
                        "triage hybrid MiniLM + TF-IDF"},
    "surabaya-category": {"triage static, label-triplet loss", "triage hybrid, label-triplet static",
                          "triage MiniLM (pretrained) only", "triage hybrid MiniLM + TF-IDF", "tfidf+logreg"},
    "indo-false-news-hoax": {"triage static, label-triplet loss", "triage hybrid, label-triplet static"},
}
# Fast splits first, so partial results land early.
ORDER = ["sample-agency", "indo-false-news-hoax", "surabaya-agency-small", "surabaya-agency", "surabaya-category"]


def run_ours(split: Split, encoder: str, params: dict | None) -> dict:
    model, seconds = fit_model(split.train, encoder, encoder_params=params)
    results, _ = evaluate_model(model, split.test)
    m = results[split.head]
    m["fit_seconds"] = round(seconds, 1)
    emb = getattr(model.encoder_, "embedder_", model.encoder_)
    if hasattr(emb, "model_"):  # encoding speed of the sentence-transformers part alone
        norm = model.normalizer_.transform(split.test.texts[:2000])
        t0 = time.perf_counter()
        emb.transform(norm)
        m["encode_docs_per_s"] = round(len(norm) / (time.perf_counter() - t0), 1)
    return m


def run_baseline(split: Split, name: str) -> dict:
    y_tr = np.asarray(split.train.labels[split.head], dtype=object)
    y_te = np.asarray(split.test.labels[split.head], dtype=object)
    if split.head == "hoax":
        y_tr, y_te = hoax_labels(y_tr), hoax_labels(y_te)
    t0 = time.perf_counter()
    pipe = BASELINES[name]().fit(split.train.texts, y_tr.astype(str))
    fit_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    P = baseline_proba(pipe, split.test.texts)
    ms = 1000 * (time.perf_counter() - t0) / len(split.test)
    m = score_head(P, pipe.classes_, y_te.astype(str), positive=HOAX if split.head == "hoax" else None)
    m.update(fit_seconds=round(fit_s, 1), predict_ms_per_doc=round(ms, 4))
    return m


def _fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 10 else f"{v:.0f}"
    return str(v)


def render(results: dict, splits: list[Split], env: str, command: str) -> str:
    lines = [START, "", "## Core: routing, category and hoax quality", "",
             f"Produced by `{command}` on {env}. Every row of a table was trained and scored in the same process "
             "on the same split. `coverage_at_95`: the largest share of test reports, most confident first, whose "
             "top suggestion is at least 95% correct. `ece`: expected calibration error of the top suggestion. "
             "Times are wall-clock on a 2-core machine.", ""]
    for sp in splits:
        rows = results.get(sp.name, {})
        if not rows:
            continue
        cols = [c for c in METRICS if any(c in r for r in rows.values())]
        extra = any("encode_docs_per_s" in r for r in rows.values())
        lines += [f"### {sp.name} ({sp.head})", "", sp.note, "",
                  "| variant | " + " | ".join(cols) + (" | encode docs/s |" if extra else " |"),
                  "|---" * (len(cols) + 1 + extra) + "|"]
        for name, r in rows.items():
            cells = [_fmt(r.get(c)) for c in cols] + ([_fmt(r.get("encode_docs_per_s"))] if extra else [])
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def write_section(out: Path, section: str, start: str = START, end: str = END) -> None:
    """Replace the part of ``out`` between the markers (other scripts own the other parts)."""
    text = out.read_text(encoding="utf-8") if out.exists() else "# Benchmarks\n\n"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    out.write_text(text, encoding="utf-8")


def run_benchmark(shared: Path, out: Path, quick: bool = False, only: list[str] | None = None,
                  variants: list[str] | None = None) -> dict:
    """Run the splits (``only``: their names) and variants (``variants``: substrings of their names);
    a partial run merges its rows into docs/benchmarks/core.json."""
    shared = Path(shared)
    splits = [sample_split()]
    if (shared / "surabaya_mediacenter.csv").is_file():
        splits += surabaya_splits(shared)
    if (shared / "indo_false_news.csv").is_file():
        splits.append(hoax_split(shared))
    all_splits = list(splits)
    if only:
        splits = [s for s in splits if s.name in only]
    splits.sort(key=lambda s: ORDER.index(s.name) if s.name in ORDER else len(ORDER))
    json_path = out.parent / "benchmarks" / "core.json"
    partial = bool(only or variants)
    results: dict = {}
    env = f"Python {platform.python_version()}, {platform.machine()}, {time.strftime('%Y-%m-%d')}"
    cmd = "triage benchmark" + (" --quick" if quick else "")
    for sp in splits:
        rows = {}
        candidates = list(OUR_VARIANTS.items()) + [(b, None) for b in BASELINES]
        for name, spec in candidates:
            if quick and name in SLOW:
                continue
            if name in SKIP.get(sp.name, ()):
                continue
            if variants and not any(v.lower() in name.lower() for v in variants):
                continue
            log.warning("benchmark %s: %s", sp.name, name)
            t0 = time.perf_counter()
            rows[name] = run_ours(sp, *spec) if spec else run_baseline(sp, name)
            log.warning("  done in %.0fs: %s", time.perf_counter() - t0,
                        {k: round(v, 3) for k, v in rows[name].items() if isinstance(v, float)})
        if partial:  # re-read: another partial run may have written other splits meanwhile
            results = json.loads(json_path.read_text()) if json_path.exists() else {}
            results[sp.name] = {**results.get(sp.name, {}), **rows}
        else:
            results[sp.name] = rows
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        write_section(out, render(results, all_splits, env, cmd))  # after each split: partial results land
    return results


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=paths.SHARED)
    ap.add_argument("--out", type=Path, default=paths.BENCHMARKS_MD)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", nargs="*", help="split names, e.g. surabaya-agency indo-false-news-hoax")
    ap.add_argument("--variants", nargs="*", help="substrings of variant names, e.g. MiniLM")
    ap.add_argument("--skip", nargs="*", default=[], help="substrings of variant names to leave out")
    a = ap.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    for sub in a.skip:
        for name in list(OUR_VARIANTS) + list(BASELINES):
            if sub.lower() in name.lower():
                for split in ORDER:
                    SKIP.setdefault(split, set()).add(name)
    run_benchmark(a.shared, a.out, quick=a.quick, only=a.only, variants=a.variants)
