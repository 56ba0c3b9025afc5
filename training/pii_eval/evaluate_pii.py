"""Evaluate personal-data detection on the hand-labelled sentence set.

    python -m training.pii_eval.evaluate_pii [--split all|dev|holdout|dev2|holdout2|dev,dev2] [--errors]
                                             [--detector PATH.py|module] [--write-docs [docs/pii.md] --label NAME]

Each labelled row is {"text", "spans": [{"kind", "start", "end"}], "split"} (see docs/pii.md for how
each split was written and used). ``training/pii_eval/markup.py`` turns rows into readable markup and back.

Per kind: precision, recall and F1 with *exact* span match (same kind, start and end) and with
*overlap* match (same kind, character ranges overlap; each gold span matched at most once), and
*hidden*: the share of gold spans whose every letter and digit lies inside some predicted span, of
any kind (what a reader of the masked text cannot see any more).

Over-masking: the share of ordinary word tokens (runs of letters or of digits that overlap no gold
span) that overlap a predicted span, and the same for characters (letters and digits outside gold
spans that end up inside a predicted span: this catches a mask that swallows half a glued word).

``--detector`` evaluates another implementation of ``detect(text)`` (e.g. an earlier pii.py copied to
/tmp), for before/after figures. ``--write-docs`` writes the result between the markers
``<!-- pii-eval:LABEL:begin -->`` and ``<!-- pii-eval:LABEL:end -->`` in docs/pii.md.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from triage.text.placeholders import KINDS

DEFAULT_DATA = Path(__file__).with_name("pii_labelled.jsonl")
DEFAULT_DOCS = Path(__file__).resolve().parents[2] / "docs" / "pii.md"
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")

Detector = Callable[[str], list]


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


def load_detector(spec: str | None) -> Detector:
    """``detect`` from a module name or a .py file path (default: triage.text.pii)."""
    if not spec:
        from triage.text.pii import detect

        return detect
    if spec.endswith(".py"):
        mod_spec = importlib.util.spec_from_file_location("pii_under_evaluation", spec)
        if mod_spec is None or mod_spec.loader is None:
            raise SystemExit(f"cannot load {spec}")
        module = importlib.util.module_from_spec(mod_spec)
        sys.modules[mod_spec.name] = module  # dataclasses look their module up while the file executes
        mod_spec.loader.exec_module(module)
    else:
        module = importlib.import_module(spec)
    return module.detect


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


def _covered(text: str, ranges: list[tuple[int, int]]) -> list[bool]:
    flags = [False] * len(text)
    for a, b in ranges:
        for i in range(a, b):
            flags[i] = True
    return flags


FORMS = ("look-alike", "glued", "plain")


def form_of(text: str, a: int, b: int) -> str:
    """How a gold value is written: with non-ASCII characters (full-width, NBSP, zero-width), glued to a
    letter on either side, or plainly."""
    if not text[a:b].isascii():
        return "look-alike"
    if (a > 0 and text[a - 1].isalpha()) or (b < len(text) and text[b].isalpha()):
        return "glued"
    return "plain"


def evaluate(rows: list[dict], detect: Detector) -> tuple[dict, Counter, list[str]]:
    """(counts per kind, "ALL" and form, over-masking counts, error listing)."""
    counts = {k: Counter() for k in (*KINDS, "ALL", *FORMS)}
    over: Counter = Counter()
    errors: list[str] = []
    for row in rows:
        text = row["text"]
        gold = [(s["kind"], s["start"], s["end"]) for s in row["spans"]]
        pred = [(s.kind, s.start, s.end) for s in detect(text)]
        in_gold = _covered(text, [(a, b) for _, a, b in gold])
        in_pred = _covered(text, [(a, b) for _, a, b in pred])
        for kind in (*KINDS, "ALL"):
            g = [x for x in gold if kind == "ALL" or x[0] == kind]
            p = [x for x in pred if kind == "ALL" or x[0] == kind]
            c = counts[kind]
            c["gold"] += len(g)
            c["pred"] += len(p)
            c["tp_exact"] += _match(g, p, exact=True)
            c["tp_overlap"] += _match(g, p, exact=False)
            c["hidden"] += sum(
                all(in_pred[i] for i in range(a, b) if text[i].isalnum()) for _, a, b in g
            )
        for kind, a, b in gold:
            c = counts[form_of(text, a, b)]
            c["gold"] += 1
            c["tp_overlap"] += any(k == kind and a < pb and pa < b for k, pa, pb in pred)
            c["hidden"] += all(in_pred[i] for i in range(a, b) if text[i].isalnum())
        for m in _TOKEN_RE.finditer(text):
            if any(in_gold[m.start() : m.end()]):
                continue
            over["tokens"] += 1
            over["tokens_masked"] += any(in_pred[m.start() : m.end()])
        for i, ch in enumerate(text):
            if ch.isalnum() and not in_gold[i]:
                over["chars"] += 1
                over["chars_masked"] += in_pred[i]
        if sorted(gold) != sorted(pred):
            missed = [f"{k}:{text[a:b]!r}" for k, a, b in gold if (k, a, b) not in pred]
            extra = [f"{k}:{text[a:b]!r}" for k, a, b in pred if (k, a, b) not in gold]
            errors.append(f"- [{row.get('split', 'dev')}] {text!r}\n    missed: {missed}\n    extra:  {extra}")
    return counts, over, errors


def _rate(n: int, d: int) -> str:
    return f"{n / d:.4f} ({n}/{d})" if d else "n/a"


def markdown(counts: dict, over: Counter, n_sentences: int) -> str:
    n_empty = counts["ALL"].get("empty", 0)
    lines = [
        f"Sentences: {n_sentences}{f' ({n_empty} without personal data)' if n_empty else ''}; "
        f"gold spans: {counts['ALL']['gold']}.",
        "",
        "| kind | gold | predicted | P exact | R exact | F1 exact | P overlap | R overlap | F1 overlap | hidden |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in (*KINDS, "ALL"):
        c = counts[kind]
        pe, re_, fe = _prf(c["tp_exact"], c["pred"], c["gold"])
        po, ro, fo = _prf(c["tp_overlap"], c["pred"], c["gold"])
        hidden = f"{c['hidden'] / c['gold']:.3f}" if c["gold"] else "n/a"
        name = "**all (micro)**" if kind == "ALL" else kind
        lines.append(
            f"| {name} | {c['gold']} | {c['pred']} | {pe:.3f} | {re_:.3f} | {fe:.3f} | {po:.3f} | {ro:.3f} | {fo:.3f} "
            f"| {hidden} |"
        )
    lines += [
        "",
        "By how the value is written (recall with overlap, same kind; hidden, any kind):",
        "",
        "| form | gold | R overlap | hidden |",
        "|---|---:|---:|---:|",
    ]
    for form in FORMS:
        c = counts[form]
        if c["gold"]:
            lines.append(f"| {form} | {c['gold']} | {c['tp_overlap'] / c['gold']:.3f} | {c['hidden'] / c['gold']:.3f} |")
    lines += [
        "",
        f"Over-masking: ordinary word tokens masked {_rate(over['tokens_masked'], over['tokens'])}; "
        f"ordinary letters/digits masked {_rate(over['chars_masked'], over['chars'])}.",
    ]
    return "\n".join(lines) + "\n"


def split_summary(rows: list[dict], detect: Detector) -> str:
    """One line per split: micro P/R/F1 (exact) and over-masking."""
    lines = [
        "| split | sentences | gold | P exact | R exact | F1 exact | R overlap | hidden | tokens over-masked |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for split in sorted({r.get("split", "dev") for r in rows}, key=_split_order):
        part = [r for r in rows if r.get("split", "dev") == split]
        counts, over, _ = evaluate(part, detect)
        c = counts["ALL"]
        pe, re_, fe = _prf(c["tp_exact"], c["pred"], c["gold"])
        _, ro, _ = _prf(c["tp_overlap"], c["pred"], c["gold"])
        hidden = c["hidden"] / c["gold"] if c["gold"] else 1.0
        tok = over["tokens_masked"] / over["tokens"] if over["tokens"] else 0.0
        lines.append(
            f"| {split} | {len(part)} | {c['gold']} | {pe:.3f} | {re_:.3f} | {fe:.3f} | {ro:.3f} | {hidden:.3f} | {tok:.4f} |"
        )
    return "\n".join(lines) + "\n"


def _split_order(name: str) -> tuple[int, str]:
    order = ["dev", "holdout", "dev2", "holdout2"]
    return (order.index(name) if name in order else len(order), name)


def write_docs(path: Path, label: str, body: str) -> None:
    begin, end = f"<!-- pii-eval:{label}:begin -->", f"<!-- pii-eval:{label}:end -->"
    doc = path.read_text(encoding="utf-8")
    i, j = doc.find(begin), doc.find(end)
    if i < 0 or j < i:
        raise SystemExit(f"{path}: markers {begin} ... {end} not found")
    path.write_text(doc[: i + len(begin)] + "\n" + body + doc[j:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, help="also write the Markdown result here")
    ap.add_argument("--errors", action="store_true", help="list sentences with missed or extra spans")
    ap.add_argument("--split", default="all", help='"all", or comma-separated "split" values (dev,holdout,...)')
    ap.add_argument("--detector", help="module name or .py file whose detect(text) is evaluated (default: ours)")
    ap.add_argument(
        "--write-docs", nargs="?", const=DEFAULT_DOCS, type=Path, metavar="PATH",
        help="write the result between the pii-eval:LABEL markers of PATH (default docs/pii.md)",
    )
    ap.add_argument("--label", default="current", help="marker label for --write-docs")
    args = ap.parse_args(argv)
    detect = load_detector(args.detector)
    rows = load(args.data)
    if args.split != "all":
        wanted = set(args.split.split(","))
        rows = [r for r in rows if r.get("split", "dev") in wanted]
    counts, over, errors = evaluate(rows, detect)
    counts["ALL"]["empty"] = sum(1 for r in rows if not r["spans"])
    command = "python -m training.pii_eval.evaluate_pii" + (f" --split {args.split}" if args.split != "all" else "")
    if args.detector:
        command += f" --detector {args.detector}"
    result = (
        f"Split: {args.split}. Detector: {args.detector or 'triage.text.pii'}. " + markdown(counts, over, len(rows))
        + "\nBy split:\n\n" + split_summary(rows, detect)
    )
    print(result)
    if args.errors:
        print(f"{len(errors)} sentences with differences:\n" + "\n".join(errors))
    if args.out:
        args.out.write_text(result, encoding="utf-8")
    if args.write_docs:
        write_docs(args.write_docs, args.label, f"Command: `{command}`\n\n" + result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
