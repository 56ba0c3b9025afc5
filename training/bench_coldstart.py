"""Cold start on the Surabaya Media Center data: what a new office gets from its directory alone.

    python -m training.bench_coldstart [--data ../shared/datasets/surabaya_mediacenter.csv]
                                       [--limit 3000] [--json out.json]

Protocol (../shared/datasets/README.md, "Cold start"): the directory is Surabaya's agency names only
(the unique ``agency`` values, sorted; no texts). Every row is replayed in date order (ties by id) from
the first 2022 report; each report is suggested as the system stands, then its agency becomes known.

- ``prior``: ``triage.routing.DirectoryPrior`` fitted on the directory; it never learns from decisions.
- ``refit``: TF-IDF + logistic regression (``training.baselines``) refitted every 50 decisions from zero
  history. Before its first fit it has nothing (its suggestion counts as wrong); while it knows a
  single agency it suggests that one.
- ``frozen``: the same baseline fitted once on the first 50 decisions and never again.

Metrics over the first 500 reports and every 250 up to ``--limit``: accuracy, macro-F1 over the labels
present, top-3 accuracy and coverage at 95% (the project's metrics module). ``--places`` measures, on the 2023 rows
(outside the replay window), where reports that name a kecamatan/kelurahan of the directory were routed.
``--dev`` scores the prior on the 2023 rows (the split its settings were chosen on).

Only aggregate figures are printed or written; no row or text leaves the data file.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

from training import paths
from training.baselines import BASELINES
from triage.metrics import coverage_at
from triage.routing.directory import AgencyEntry, entries_from_records
from triage.routing.prior import DirectoryPrior

DEFAULT_DATA = paths.SURABAYA
REFIT_EVERY = 50


def load_rows(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["_id"] = pd.to_numeric(df["id"], errors="coerce")
    return df.sort_values(["date", "_id", "id"], kind="stable").reset_index(drop=True)


def directory_of(df: pd.DataFrame) -> list[AgencyEntry]:
    """Surabaya's directory as a new office would type it in: the agency names, nothing else."""
    names = sorted(set(df["agency"]) - {""})
    return entries_from_records(((i + 1, {"name": n}) for i, n in enumerate(names)), source="surabaya agencies")


class Suggestions:
    """What one system suggested for each replayed report: top label, confidence, top 3."""

    def __init__(self, n: int):
        self.pred = np.full(n, "", dtype=object)
        self.conf = np.zeros(n)
        self.top3: list[tuple[str, ...]] = [()] * n

    def put(self, i: int, proba: np.ndarray, classes: np.ndarray) -> None:
        order = np.argsort(-proba, kind="stable")
        self.pred[i] = classes[order[0]]
        self.conf[i] = float(proba[order[0]])
        self.top3[i] = tuple(classes[order[:3]])


def score(s: Suggestions, y: np.ndarray, k: int) -> dict:
    y, pred, conf = y[:k], s.pred[:k], s.conf[:k]
    correct = pred == y
    present = np.unique(y)
    return {
        "n": int(k),
        "accuracy": round(float(correct.mean()), 4),
        "macro_f1": round(float(f1_score(y, pred.astype(str), labels=present, average="macro", zero_division=0)), 4),
        "top3_accuracy": round(float(np.mean([y[i] in s.top3[i] for i in range(k)])), 4),
        "coverage_at_95": round(coverage_at(conf, correct, 0.95), 4),
    }


def run_prior(prior: DirectoryPrior, texts: list[str]) -> tuple[Suggestions, float]:
    s = Suggestions(len(texts))
    t0 = time.perf_counter()
    P = prior.predict_proba(texts)
    ms = (time.perf_counter() - t0) * 1000 / max(len(texts), 1)
    for i, row in enumerate(P):
        s.put(i, row, prior.classes_)
    return s, ms


def run_baseline(texts: list[str], y: np.ndarray, frozen_after: int | None = None) -> Suggestions:
    """Refitted every REFIT_EVERY decisions from zero; or, with ``frozen_after``, fitted once then."""
    s = Suggestions(len(texts))
    model, classes = None, None
    for start in range(0, len(texts), REFIT_EVERY):
        if start and (frozen_after is None or (model is None and start >= frozen_after)):
            classes = np.unique(y[:start])
            if len(classes) == 1:
                model = "one label"
            else:
                model = BASELINES["tfidf+logreg"]().fit(texts[:start], y[:start])
                classes = model.classes_
        if model is None:
            continue  # nothing decided yet: no suggestion ("" never equals a label)
        block = texts[start:start + REFIT_EVERY]
        P = np.ones((len(block), 1)) if isinstance(model, str) else model.predict_proba(block)
        for j, row in enumerate(P):
            s.put(start + j, row, np.asarray(classes, dtype=object))
    return s


def checkpoints(limit: int) -> list[int]:
    return sorted({min(500, limit), *range(250, limit + 1, 250), limit})


def table(results: dict, systems: list[str]) -> str:
    head = f"{'reports':>8} | " + " | ".join(f"{s:^31}" for s in systems)
    sub = f"{'':>8} | " + " | ".join(f"{'acc':>6} {'F1':>6} {'top3':>6} {'cov95':>6} " for _ in systems)
    lines = [head, sub, "-" * len(sub)]
    for k in results["checkpoints"]:
        cells = []
        for s in systems:
            m = results[s][str(k)]
            cells.append(f"{m['accuracy']:6.3f} {m['macro_f1']:6.3f} {m['top3_accuracy']:6.3f} {m['coverage_at_95']:6.3f} ")
        lines.append(f"{k:>8} | " + " | ".join(cells))
    return "\n".join(lines)


def measure_places(prior: DirectoryPrior, df: pd.DataFrame) -> dict:
    """Where reports that name a place of the directory went (aggregate counts only)."""
    counts = Counter()
    for text, label in zip(df["text"], df["agency"], strict=True):
        scores, hits, _, mentions = prior._evidence(text)
        if not hits:
            continue
        strong = {e for e, h in hits.items() if h >= 1.0}
        kind = "prefixed" if strong else "bare"
        named = strong or set(hits)
        topic = "with topic words" if scores.max() > 0 else "no topic word"
        names = {prior.classes_[e] for e in named}
        where = "named place" if label in names else (
            "another kecamatan/kelurahan" if label.startswith(("Kelurahan", "Kecamatan")) else "an office")
        counts[(kind, topic, where)] += 1
    out = {}
    for (kind, topic, where), n in sorted(counts.items()):
        out.setdefault(f"{kind}, {topic}", {})[where] = n
    # The other direction: do reports routed to a kecamatan/kelurahan name it?
    index = {name: i for i, name in enumerate(prior.classes_)}
    named = Counter()
    for text, label in zip(df["text"], df["agency"], strict=True):
        i = index.get(label)
        if i is None or i not in prior._place_type:
            continue
        _, hits, _, _ = prior._evidence(text)
        h = hits.get(i, 0.0)
        named["named with a prefix" if h >= 1.0 else "named bare or partly" if h > 0 else "not named"] += 1
    out["routed to a kecamatan/kelurahan"] = dict(named)
    return out


def diagnose(s: Suggestions, y: np.ndarray, top: int = 40) -> list[dict]:
    """Per-agency precision/recall/F1 on the scored rows (agency names and counts only)."""
    from sklearn.metrics import precision_recall_fscore_support

    labels = [lab for lab, _ in Counter(y).most_common(top)]
    p, r, f, n = precision_recall_fscore_support(y, s.pred.astype(str), labels=labels, zero_division=0)
    rows = [{"agency": lab, "n": int(k), "precision": round(float(a), 3), "recall": round(float(b), 3),
             "f1": round(float(c), 3)} for lab, a, b, c, k in zip(labels, p, r, f, n, strict=True)]
    places = np.array([str(v).startswith(("Kelurahan", "Kecamatan")) for v in y])
    preds = np.array([str(v).startswith(("Kelurahan", "Kecamatan")) for v in s.pred])
    rows.append({"agency": "(all kecamatan/kelurahan)", "n": int(places.sum()),
                 "share_suggested_a_place": round(float(preds.mean()), 3),
                 "recall": round(float((s.pred[places] == y[places]).mean()), 3) if places.any() else None,
                 "precision": round(float((s.pred[preds] == y[preds]).mean()), 3) if preds.any() else None})
    return rows


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--no-baseline", action="store_true", help="prior only (fast)")
    ap.add_argument("--places", action="store_true", help="measure place mentions on the 2023 rows")
    ap.add_argument("--dev", action="store_true", help="also score the prior on the 2023 rows")
    ap.add_argument("--diagnose", action="store_true", help="with --dev: per-agency figures on the 2023 rows")
    ap.add_argument("--set", action="append", default=[], metavar="PARAM=VALUE",
                    help="override a DirectoryPrior parameter (for sensitivity runs)")
    args = ap.parse_args(argv)

    df = load_rows(args.data)
    directory = directory_of(df)
    params = {k: float(v) for k, v in (p.split("=", 1) for p in args.set)}
    prior = DirectoryPrior(**params).fit(directory)
    replay = df.iloc[:args.limit]
    texts, y = replay["text"].tolist(), replay["agency"].to_numpy(dtype=object)
    points = checkpoints(len(replay))

    results: dict = {"protocol": "surabaya cold start", "directory_size": len(directory), "rows": len(replay),
                     "first_date": replay["date"].iloc[0], "last_date": replay["date"].iloc[-1],
                     "checkpoints": points, "prior_params": prior.get_params()}
    suggestions, ms = run_prior(prior, texts)
    results["prior_ms_per_report"] = round(ms, 3)
    systems = {"prior": suggestions}
    if not args.no_baseline:
        t0 = time.perf_counter()
        systems["refit"] = run_baseline(texts, y)
        systems["frozen"] = run_baseline(texts, y, frozen_after=REFIT_EVERY)
        results["baseline_seconds"] = round(time.perf_counter() - t0, 1)
    for name, s in systems.items():
        results[name] = {str(k): score(s, y, k) for k in points}
    print(f"Surabaya cold start: {len(directory)} agencies in the directory, {len(replay)} reports "
          f"({results['first_date']} .. {results['last_date']}); prior {ms:.2f} ms/report")
    print(table(results, list(systems)))
    if "refit" in systems:
        k = str(min(500, len(replay)))
        p, b = results["prior"][k], results["refit"][k]
        ratio = p["macro_f1"] / b["macro_f1"] if b["macro_f1"] else float("inf")
        print(f"first {k}: prior accuracy {p['accuracy']:.3f} vs refit {b['accuracy']:.3f}; "
              f"macro-F1 {p['macro_f1']:.3f} vs {b['macro_f1']:.3f} ({ratio:.2f}x)")

    later = df[df["date"] >= "2023-01-01"]
    if args.dev:
        s, _ = run_prior(prior, later["text"].tolist())
        y_dev = later["agency"].to_numpy(dtype=object)
        results["dev_2023"] = score(s, y_dev, len(later))
        print(f"prior on the 2023 rows (n={len(later)}): {results['dev_2023']}")
        if args.diagnose:
            results["dev_2023_agencies"] = diagnose(s, y_dev)
            for row in results["dev_2023_agencies"]:
                print("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
    if args.places:
        results["places_2023"] = measure_places(prior, later)
        print("2023 reports naming a kecamatan/kelurahan of the directory, by where they were routed"
              " (last line: 2023 reports routed to one, by whether they name it):")
        for key, where in results["places_2023"].items():
            total = sum(where.values())
            print(f"  {key} (n={total}): " + ", ".join(f"{w} {n / total:.0%}" for w, n in where.items()))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
