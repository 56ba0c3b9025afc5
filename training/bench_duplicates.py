"""Benchmark of "same problem" detection (triage.duplicates) and of the nearest-neighbour lookup.

    python -m training.bench_duplicates                  # everything, writes docs/benchmarks.md
    python -m training.bench_duplicates --skip-timing    # quality only
    python -m training.bench_duplicates --sizes 10000    # timing at other sizes

Quality, two ways:
* pairs: precision/recall of the rule (triage.duplicates.judge) on labelled pairs:
  - the shipped sample (triage/data/sample_complaints.csv): its deliberate near-duplicates (a report
    re-sent within days with a prefix/suffix, found by containment) as positives; negatives are
    random pairs of the same category within 30 days (the generator draws places independently);
  - hand-written pairs in training/duplicates_eval/pairs.jsonl (paraphrases, same words at another
    place, same place with another problem, same problem months apart);
  - ../shared/datasets/surabaya_mediacenter.csv, labels made here by rules and never written out:
    identical normalised texts and near copies (character 5-gram Jaccard >= 0.6) within 30 days are
    positives; random same-agency pairs within 30 days with Jaccard < 0.2 are negatives.
* retrieval: every report is looked up in the index (its earlier 30 days, 10 neighbours) and
  judged; the pairs found are compared with the positives (unlabelled pairs found count as false
  positives, so precision is a lower bound there).

Lookup time: synthetic unit vectors of the model's dimension (clustered: 2,000 random centres plus
noise, closer to real embeddings than uniform noise), a usearch HNSW index (f16, M=16, ef=64) built
with 2 threads; 1,000 single-vector queries on one thread; recall@10 against exact search.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

from training import paths
from triage.duplicates import MatchRule, ShardedIndex, VectorIndex, judge, place_tokens
from triage.text.fulltext import full_texts

ROOT = paths.ROOT
PAIRS = ROOT / "training" / "duplicates_eval" / "pairs.jsonl"
SURABAYA = paths.SURABAYA
WINDOW = 30


# -- labelled pairs -------------------------------------------------------------------------------

def sample_pairs(df: pd.DataFrame, n_neg: int = 400, seed: int = 0) -> list[dict]:
    texts = df["text"].tolist()  # containment on the text: the re-sent copy may carry its own title
    dates = pd.to_datetime(df["date"]).dt.date.tolist()
    pos = set()
    for i, a in enumerate(texts):
        core = a.rstrip(".! ")
        if len(core) < 60:
            continue
        for j, b in enumerate(texts):
            if i != j and len(b) > len(a) and core in b and abs((dates[j] - dates[i]).days) <= WINDOW:
                pos.add((min(i, j), max(i, j)))
    rng = np.random.default_rng(seed)
    neg = set()
    by_cat = df.groupby("category").indices
    cats = [c for c, idx in by_cat.items() if len(idx) > 1 and c != "Hoaks/Disinformasi"]
    while len(neg) < n_neg:
        idx = by_cat[cats[rng.integers(len(cats))]]
        i, j = sorted(rng.choice(idx, 2, replace=False))
        if (i, j) not in pos and abs((dates[j] - dates[i]).days) <= WINDOW:
            neg.add((int(i), int(j)))
    return [{"i": i, "j": j, "same": True} for i, j in sorted(pos)] + \
           [{"i": i, "j": j, "same": False} for i, j in sorted(neg)]


def _norm(t: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", str(t).lower()).split())


def _shingles(t: str, k: int = 5) -> set[str]:
    t = _norm(t)
    return {t[i:i + k] for i in range(max(1, len(t) - k + 1))}


def surabaya_pairs(df: pd.DataFrame, n_neg: int = 2000, seed: int = 0) -> list[dict]:
    """Rule labels over the Surabaya file (kept in memory only)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    norm = [_norm(t) for t in df["text"]]
    dates = pd.to_datetime(df["date"]).to_numpy()
    order = np.argsort(dates, kind="stable")
    hv = HashingVectorizer(analyzer="char", ngram_range=(5, 5), n_features=2**20, binary=True, norm="l2",
                           alternate_sign=False)
    X = hv.transform(norm).tocsr()
    day = (dates - dates.min()).astype("timedelta64[D]").astype(int)
    sh = {}
    pos = {}
    block = 500
    for s in range(0, len(order), block):
        rows = order[s:s + block]
        lo = day[rows].min() - WINDOW
        cand = order[(day[order] >= lo) & (day[order] <= day[rows].max())]
        S = (X[rows] @ X[cand].T).tocoo()
        for r, c, v in zip(S.row, S.col, S.data, strict=True):
            i, j = int(rows[r]), int(cand[c])
            if i >= j or v < 0.5 or abs(day[i] - day[j]) > WINDOW:
                continue
            if norm[i] == norm[j]:
                pos[(i, j)] = "exact"
                continue
            a = sh.setdefault(i, _shingles(norm[i]))
            b = sh.setdefault(j, _shingles(norm[j]))
            if len(a & b) / len(a | b) >= 0.6:
                pos[(i, j)] = "near"
    rng = np.random.default_rng(seed)
    neg = set()
    by_agency = df.groupby("agency").indices
    agencies = [a for a, idx in by_agency.items() if len(idx) > 20]
    tries = 0
    while len(neg) < n_neg and tries < 200_000:
        tries += 1
        idx = by_agency[agencies[rng.integers(len(agencies))]]
        i, j = sorted(int(x) for x in rng.choice(idx, 2, replace=False))
        if (i, j) in pos or abs(day[i] - day[j]) > WINDOW or norm[i] == norm[j]:
            continue
        a, b = sh.setdefault(i, _shingles(norm[i])), sh.setdefault(j, _shingles(norm[j]))
        if len(a & b) / max(1, len(a | b)) < 0.2:
            neg.add((i, j))
    return [{"i": i, "j": j, "same": True, "kind": k} for (i, j), k in sorted(pos.items())] + \
           [{"i": i, "j": j, "same": False, "kind": "random"} for i, j in sorted(neg)]


def prf(gold: list[bool], pred: list[bool]) -> dict:
    g, p = np.asarray(gold, bool), np.asarray(pred, bool)
    tp, fp, fn = int((g & p).sum()), int((~g & p).sum()), int((g & ~p).sum())
    P = tp / (tp + fp) if tp + fp else float("nan")
    R = tp / (tp + fn) if tp + fn else float("nan")
    F = 2 * P * R / (P + R) if tp else 0.0
    return {"pairs": len(g), "positives": int(g.sum()), "tp": tp, "fp": fp, "fn": fn,
            "precision": P, "recall": R, "f1": F}


def judge_pairs(E: np.ndarray, texts: list[str], dates: list[dt.date], pairs: list[dict], rule: MatchRule) -> dict:
    places = [place_tokens(t) for t in texts]
    pred = [judge(float(E[p["i"]] @ E[p["j"]]), places[p["i"]], places[p["j"]],
                  abs((dates[p["i"]] - dates[p["j"]]).days), rule).same for p in pairs]
    return prf([p["same"] for p in pairs], pred)


def retrieval(E: np.ndarray, texts: list[str], dates: list[dt.date], gold: set[tuple[int, int]],
              rule: MatchRule, tmp: Path, k: int = 10) -> dict:
    """Index everything, look each report up among the earlier WINDOW days, judge the neighbours."""
    ix = ShardedIndex(tmp, E.shape[1], model_version="bench")
    ix.add(list(range(len(texts))), E, dates)
    places = [place_tokens(t) for t in texts]
    found = set()
    t0 = time.perf_counter()
    for i in range(len(texts)):
        for n in ix.search(E[i], dates[i], WINDOW, k=k + 1):
            j = n.key
            if j == i or dates[j] > dates[i] or (dates[j] == dates[i] and j > i):
                continue
            d = (dates[i] - dates[j]).days
            if judge(n.similarity, places[i], places[j], d, rule).same:
                found.add((min(i, j), max(i, j)))
    per = (time.perf_counter() - t0) / len(texts)
    tp = len(found & gold)
    return {"reports": len(texts), "gold_pairs": len(gold), "found_pairs": len(found), "tp": tp,
            "precision_lower_bound": tp / len(found) if found else float("nan"),
            "recall": tp / len(gold) if gold else float("nan"), "ms_per_lookup": per * 1000}


# -- timing ---------------------------------------------------------------------------------------

def synthetic(n: int, d: int, seed: int = 0, centres: int = 2000) -> np.ndarray:
    rng = np.random.default_rng(seed)
    C = rng.standard_normal((centres, d)).astype(np.float32)
    out = np.empty((n, d), dtype=np.float32)
    for s in range(0, n, 100_000):
        m = min(100_000, n - s)
        X = C[rng.integers(0, centres, m)] + 0.8 * rng.standard_normal((m, d)).astype(np.float32)
        out[s:s + m] = X / np.linalg.norm(X, axis=1, keepdims=True)
    return out


def timing(n: int, d: int, n_queries: int = 1000, seed: int = 0) -> dict:
    X = synthetic(n, d, seed)
    rng = np.random.default_rng(seed + 1)
    Q = X[rng.choice(n, n_queries, replace=False)] + 0.05 * rng.standard_normal((n_queries, d)).astype(np.float32)
    Q /= np.linalg.norm(Q, axis=1, keepdims=True)
    ix = VectorIndex(d)
    t0 = time.perf_counter()
    for s in range(0, n, 50_000):
        ix.add(np.arange(s, min(n, s + 50_000)), X[s:s + 50_000], threads=2)
    build = time.perf_counter() - t0
    lat, got = [], []
    for q in Q:
        t = time.perf_counter()
        keys, _ = ix.search(q, 10)
        lat.append(time.perf_counter() - t)
        got.append(keys)
    exact = []
    t = time.perf_counter()
    for s in range(0, n_queries, 100):
        S = Q[s:s + 100] @ X.T
        exact += [np.argpartition(-row, 10)[:10] for row in S]
    brute = (time.perf_counter() - t) / n_queries
    recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, exact, strict=True)]))
    lat = np.asarray(lat) * 1000
    return {"n": n, "dim": d, "backend": ix.backend, "build_s": build, "p50_ms": float(np.median(lat)),
            "p95_ms": float(np.percentile(lat, 95)), "mean_ms": float(lat.mean()), "recall_at_10": recall,
            "exact_numpy_ms": brute * 1000}


# -- report ---------------------------------------------------------------------------------------

def _f(x) -> str:
    return "–" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:.3f}"


def render(res: dict, command: str) -> str:
    rule = res["rule"]
    out = [f"### Duplicate and related reports (`{command}`)", "",
           f"Rule: same problem = cosine of the model's dense embeddings ≥ {rule['min_similarity']} when both "
           f"reports name a place and share it (place overlap ≥ {rule['min_place_overlap']}), ≥ "
           f"{rule['min_similarity_no_place']} when one names no place; different RT/RW or no shared place name "
           f"= different; at most {rule['window_days']} days apart. Model: `{res['model']}`.", "",
           "| labelled pairs | pairs | positives | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|"]
    for name, m in res["pairs"].items():
        out.append(f"| {name} | {m['pairs']} | {m['positives']} | {_f(m['precision'])} | {_f(m['recall'])} | {_f(m['f1'])} |")
    out += ["", "| retrieval (each report looked up in the index, 30 days back, 10 neighbours) | reports | gold pairs | "
            "found | precision (lower bound) | recall | ms per lookup |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, m in res["retrieval"].items():
        out.append(f"| {name} | {m['reports']} | {m['gold_pairs']} | {m['found_pairs']} | "
                   f"{_f(m['precision_lower_bound'])} | {_f(m['recall'])} | {m['ms_per_lookup']:.2f} |")
    if res.get("timing"):
        out += ["", "Lookup time, **synthetic** clustered unit vectors of the model's dimension (not real reports), "
                "usearch HNSW f16 M=16 ef=64, 1,000 single queries on one thread, recall@10 against exact search:", "",
                "| vectors | dim | build (2 threads) | p50 | p95 | recall@10 | exact numpy per query |",
                "|---:|---:|---:|---:|---:|---:|---:|"]
        for t in res["timing"]:
            out.append(f"| {t['n']:,} | {t['dim']} | {t['build_s']:.0f} s | {t['p50_ms']:.2f} ms | {t['p95_ms']:.2f} ms | "
                       f"{t['recall_at_10']:.3f} | {t['exact_numpy_ms']:.1f} ms |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="bundle directory (default: models/default, built if missing)")
    ap.add_argument("--sizes", default="10000,1000000")
    ap.add_argument("--skip-timing", action="store_true")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--out", type=Path, default=paths.BENCHMARKS_MD)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--timing-from", type=Path, default=None,
                    help="reuse the timing of an earlier run's --json output instead of measuring again")
    args = ap.parse_args(argv)

    import tempfile

    from triage.bundle import ensure_default_bundle, load_bundle
    from triage.data import load_sample_complaints

    path = args.model or ensure_default_bundle(ROOT / "models", progress=False)
    bundle = load_bundle(path)
    model = bundle.model
    rule = MatchRule()
    res: dict = {"model": f"{bundle.name} {bundle.version}", "rule": rule.__dict__, "pairs": {}, "retrieval": {}}
    dim = int(model.embed(["x"]).shape[1])
    if not args.skip_quality:
        df = load_sample_complaints().fillna("")
        df["full"] = full_texts(df["text"], df["title"])
        texts, dates = df["full"].tolist(), pd.to_datetime(df["date"]).dt.date.tolist()
        E = model.embed(texts)
        sp = sample_pairs(df)
        res["pairs"]["shipped sample: deliberate near-duplicates vs same-category pairs"] = judge_pairs(E, texts, dates, sp, rule)
        hand = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
        ht = [h["a"]["text"] for h in hand] + [h["b"]["text"] for h in hand]
        hd = [dt.date.fromisoformat(h["a"]["date"]) for h in hand] + [dt.date.fromisoformat(h["b"]["date"]) for h in hand]
        hp = [{"i": k, "j": k + len(hand), "same": h["same"]} for k, h in enumerate(hand)]
        res["pairs"]["hand-written pairs (training/duplicates_eval/pairs.jsonl)"] = judge_pairs(model.embed(ht), ht, hd, hp, rule)
        with tempfile.TemporaryDirectory() as tmp:
            gold = {(p["i"], p["j"]) for p in sp if p["same"]}
            res["retrieval"]["shipped sample (1,287 reports)"] = retrieval(E, texts, dates, gold, rule, Path(tmp) / "s")
            if SURABAYA.exists():
                sb = pd.read_csv(SURABAYA, dtype=str).fillna("")
                st, sd = sb["text"].tolist(), pd.to_datetime(sb["date"]).dt.date.tolist()
                spairs = surabaya_pairs(sb)
                SE = model.embed(st)
                for kind in ("exact", "near"):
                    sub = [p for p in spairs if p["kind"] in (kind, "random")]
                    res["pairs"][f"Surabaya: {kind} duplicates (rule labels) vs random same-agency pairs"] = judge_pairs(SE, st, sd, sub, rule)
                sgold = {(p["i"], p["j"]) for p in spairs if p["same"]}
                res["retrieval"]["Surabaya (12,530 reports; gold = exact + near duplicates)"] = retrieval(
                    SE, st, sd, sgold, rule, Path(tmp) / "sb")
    if args.timing_from:
        res["timing"] = json.loads(args.timing_from.read_text())["timing"]
    elif not args.skip_timing:
        res["timing"] = [timing(int(n), dim) for n in args.sizes.split(",")]
    command = "python -m training.bench_duplicates"
    text = render(res, command)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, default=float))
    if not args.no_write:
        from training.benchmark import write_section

        start, end = "<!-- duplicates:start -->", "<!-- duplicates:end -->"
        write_section(args.out, f"{start}\n{text}{end}", start, end)


if __name__ == "__main__":
    main()
