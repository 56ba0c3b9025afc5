"""Evaluate triage.text.pii.detect on the hand-labelled sentence set.

    python -m training.pii_eval.evaluate_pii [--data PATH] [--split all|dev|holdout] [--out report.md] [--errors]

Each labelled row is {"text", "spans": [{"kind", "start", "end"}], "split"}: "dev" sentences
were written before the rules were tuned and then used to tune them; "holdout" sentences were
written after tuning and not used to change the rules (see docs/pii.md).

For each kind: precision, recall and F1 with *exact* span match (same kind, same start and end)
and with *overlap* match (same kind, character ranges overlap; each gold span matched at most
once). Writes a Markdown table to stdout (and to --out if given).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from triage.text.pii import detect
from triage.text.placeholders import KINDS

DEFAULT_DATA = Path(__file__).with_name("pii_labelled.jsonl")


def load(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        for s in row["spans"]:
            if s["kind"] not in KINDS or not 0 <= s["start"] < s["end"] <= len(row["text"]):
                raise ValueError(f"{path}:{n}: bad span {s}")
        rows.append(row)
    return rows


def _match(gold: list[tuple], pred: list[tuple], exact: bool) -> int:
    used: set[int] = set()
    tp = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i in used or g[0] != p[0]:
                continue
            ok = (g[1], g[2]) == (p[1], p[2]) if exact else (g[1] < p[2] and p[1] < g[2])
            if ok:
                used.add(i)
                tp += 1
                break
    return tp


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(rows: list[dict]) -> tuple[dict, list[str]]:
    counts = {k: Counter() for k in (*KINDS, "ALL")}
    errors: list[str] = []
    for row in rows:
        text = row["text"]
        gold = [(s["kind"], s["start"], s["end"]) for s in row["spans"]]
        pred = [(s.kind, s.start, s.end) for s in detect(text)]
        for kind in (*KINDS, "ALL"):
            g = [x for x in gold if kind == "ALL" or x[0] == kind]
            p = [x for x in pred if kind == "ALL" or x[0] == kind]
            c = counts[kind]
            c["gold"] += len(g)
            c["pred"] += len(p)
            c["tp_exact"] += _match(g, p, exact=True)
            c["tp_overlap"] += _match(g, p, exact=False)
        if sorted(gold) != sorted(pred):
            missed = [f"{k}:{text[a:b]!r}" for k, a, b in gold if (k, a, b) not in pred]
            extra = [f"{k}:{text[a:b]!r}" for k, a, b in pred if (k, a, b) not in gold]
            errors.append(f"- {text}\n    missed: {missed}\n    extra:  {extra}")
    return counts, errors


def markdown(counts: dict, n_sentences: int) -> str:
    lines = [
        f"Sentences: {n_sentences}; gold spans: {counts['ALL']['gold']}.",
        "",
        "| kind | gold | predicted | P exact | R exact | F1 exact | P overlap | R overlap | F1 overlap |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in (*KINDS, "ALL"):
        c = counts[kind]
        pe, re_, fe = _prf(c["tp_exact"], c["pred"], c["gold"])
        po, ro, fo = _prf(c["tp_overlap"], c["pred"], c["gold"])
        name = "**all (micro)**" if kind == "ALL" else kind
        lines.append(
            f"| {name} | {c['gold']} | {c['pred']} | {pe:.3f} | {re_:.3f} | {fe:.3f} | {po:.3f} | {ro:.3f} | {fo:.3f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, help="also write the Markdown table here")
    ap.add_argument("--errors", action="store_true", help="list sentences with missed or extra spans")
    ap.add_argument(
        "--split", default="all", help='rows whose "split" field is this ("dev", "holdout"), or "all"'
    )
    args = ap.parse_args(argv)
    rows = load(args.data)
    if args.split != "all":
        rows = [r for r in rows if r.get("split", "dev") == args.split]
    counts, errors = evaluate(rows)
    table = f"Split: {args.split}. " + markdown(counts, len(rows))
    print(table)
    if args.errors:
        print(f"{len(errors)} sentences with differences:\n" + "\n".join(errors))
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
