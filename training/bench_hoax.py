"""Hoax head benchmark and shortcut checks.

    python -m training.bench_hoax            # writes docs/benchmarks.md (hoax section); needs ../shared
    python -m training.bench_hoax --no-write --json /tmp/hoax.json

1. indo_false_news protocol (../shared/datasets/indo_false_news.csv): stratified 80/20 split,
   random_state=0 on `label`; the project's model (TriageModel, hybrid encoder, hoax head only,
   Platt calibration on the most recent 20% of the training part when dates are given) on
   title + text, text only and title only. ROC-AUC, average precision for `hoax`, accuracy,
   macro-F1, and the expected calibration error (15 equal-width bins) of the raw SVM score squashed
   by a sigmoid ("before") and of the calibrated probability ("after").
2. Shortcut checks: (a) a logistic regression on the date alone (year, month, weekday, missing
   date) and on the year alone; (b) the main model's scores on the English-language test rows
   (English stopword share > Indonesian stopword share) against the Indonesian ones, and how well
   "is English" alone predicts the label; (c) title-only vs text-only vs title+text; (d) the same
   model trained on shuffled labels.
3. Shipped sample (hoax-like reports written for this project): train date < 2025-07-01, test after.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

from training import paths
from triage.text.fulltext import full_texts

ROOT = paths.ROOT
HOAX_FILE = paths.HOAXES

EN_STOP = set("the a an and or of to in is are was were be been for on with that this it as by at from "
              "not but have has had will would can could they he she we you i his her their our its "
              "which who what when there about after before more said".split())
ID_STOP = set("yang dan di ke dari ini itu dengan untuk pada adalah tidak akan dalam juga karena oleh "
              "sudah saya kami kita mereka ada atau bisa lebih telah tersebut seperti para bahwa jadi "
              "hanya sebagai agar masih belum kalau".split())


def is_english(text: str) -> bool:
    words = re.findall(r"[a-z]+", str(text).lower())
    if len(words) < 5:
        return False
    en = sum(w in EN_STOP for w in words) / len(words)
    idn = sum(w in ID_STOP for w in words) / len(words)
    return en > 0.08 and en > idn


def ece(y: np.ndarray, p: np.ndarray, bins: int = 15) -> float:
    y, p = np.asarray(y, float), np.asarray(p, float)
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.mean() * abs(y[m].mean() - p[m].mean())
    return float(total)


def metrics(y: np.ndarray, p: np.ndarray, raw: np.ndarray | None = None) -> dict:
    y = np.asarray(y, int)
    pred = (p >= 0.5).astype(int)
    out = {"n": int(len(y)), "hoax_share": float(y.mean())}
    if len(np.unique(y)) == 2:
        out.update(roc_auc=float(roc_auc_score(y, p)), ap=float(average_precision_score(y, p)))
    out.update(accuracy=float(accuracy_score(y, pred)), macro_f1=float(f1_score(y, pred, average="macro")),
               ece_after=ece(y, p))
    if raw is not None:
        out["ece_before"] = ece(y, 1 / (1 + np.exp(-raw)))
    return out


def fit_predict(train_texts, train_y, test_texts, train_dates=None):
    """The project's model with the hoax head only; returns (calibrated P(hoax), raw SVM score)."""
    from triage.model import HOAX, TriageModel, with_cues

    model = TriageModel(encoder="hybrid").fit(list(train_texts), {"hoax": list(train_y)},
                                              dates=None if train_dates is None else list(train_dates),
                                              progress=lambda m: None)
    head = model.heads_["hoax"]
    pos = int(np.where(head.classes_ == HOAX)[0][0])
    X, _ = model.encode(list(test_texts))
    Xh = with_cues(X, list(test_texts))
    proba = head.predict_proba(Xh)[:, pos]
    raw = head.estimator_.decision_function(Xh)
    raw = raw if head.estimator_.classes_[1] == HOAX else -raw
    return proba, raw


def date_features(dates: pd.Series, year_only: bool = False) -> pd.DataFrame:
    d = pd.to_datetime(dates, errors="coerce")
    f = pd.DataFrame({"year": d.dt.year.fillna(0).astype(int).astype(str)})
    if not year_only:
        f["month"] = d.dt.month.fillna(0).astype(int).astype(str)
        f["weekday"] = d.dt.day_of_week.fillna(-1).astype(int).astype(str)
        f["missing"] = d.isna().astype(int).astype(str)
    return pd.get_dummies(f)


def run_false_news(path: Path) -> dict:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["y"] = (df["label"].str.strip().str.lower() == "hoax").astype(int)
    tr, te = train_test_split(df, test_size=0.2, random_state=0, stratify=df["label"])
    res: dict = {"rows": [len(tr), len(te)], "models": {}, "controls": {}}
    ylab = lambda s: np.where(s == 1, "hoax", "valid")  # noqa: E731
    variants = {
        "title + text": (tr.title + ". " + tr.text, te.title + ". " + te.text),
        "text only": (tr.text, te.text),
        "title only": (tr.title, te.title),
    }
    main_p = None
    for name, (a, b) in variants.items():
        p, raw = fit_predict(a, ylab(tr.y), b, train_dates=tr.date.replace("", None))
        res["models"][name] = metrics(te.y, p, raw)
        if name == "text only":
            main_p = p
    # (d) shuffled labels
    rng = np.random.default_rng(0)
    p, raw = fit_predict(tr.text, ylab(rng.permutation(tr.y.to_numpy())), te.text,
                         train_dates=tr.date.replace("", None))
    res["controls"]["text only, trained on shuffled labels"] = metrics(te.y, p, raw)
    # (a) date alone, year alone
    for name, year_only in (("date alone (year, month, weekday, missing)", False), ("year alone", True)):
        F = date_features(pd.concat([tr.date, te.date]), year_only)
        Ftr, Fte = F.iloc[: len(tr)], F.iloc[len(tr):]
        lr = LogisticRegression(max_iter=1000).fit(Ftr, tr.y)
        res["controls"][name] = metrics(te.y, lr.predict_proba(Fte)[:, 1])
    res["date_missing_by_label"] = {lab: int((g.date == "").sum()) for lab, g in df.groupby("label")}
    res["year_by_label"] = {lab: pd.to_datetime(g.date, errors="coerce").dt.year.value_counts().sort_index()
                            .astype(int).to_dict() for lab, g in df.groupby("label")}
    # (b) English vs Indonesian
    en_te = te.text.map(is_english).to_numpy()
    en_all = df.text.map(is_english)
    res["english"] = {"share_by_label": {lab: float(en_all[df.label == lab].mean()) for lab in sorted(df.label.unique())},
                      "test_rows": int(en_te.sum())}
    y = te.y.to_numpy()
    res["controls"]["text-only model on English test rows"] = metrics(y[en_te], main_p[en_te]) if en_te.sum() else {}
    res["controls"]["text-only model on Indonesian test rows"] = metrics(y[~en_te], main_p[~en_te])
    res["controls"]["'is English' alone as the score"] = metrics(y, en_te.astype(float))
    # the date shortcut from the other side: does the text model still rank within one year?
    years = pd.to_datetime(te.date, errors="coerce").dt.year.to_numpy()
    for yr in (2017, 2018, 2019):
        m = years == yr
        if m.sum() and len(np.unique(y[m])) == 2:
            res["controls"][f"text-only model within {yr} only"] = metrics(y[m], main_p[m])
    # title style: capitals/brackets in titles, per label (a shortcut the title-only model can use)
    res["title_style"] = {lab: {"starts_with_bracket": float(g.title.str.match(r"^\s*[\[\(]").mean()),
                                "upper_share": float(g.title.map(lambda t: sum(c.isupper() for c in t) / max(1, sum(c.isalpha() for c in t))).mean())}
                          for lab, g in df.groupby("label")}
    return res


def run_sample() -> dict:
    from triage.data import load_sample_complaints

    df = load_sample_complaints().fillna("")
    df["full"] = full_texts(df.text, df.title)
    df["y"] = df.hoax.astype(str).isin(["1", "1.0", "True", "true"]).astype(int)
    tr, te = df[df.date < "2025-07-01"], df[df.date >= "2025-07-01"]
    p, raw = fit_predict(tr.full, np.where(tr.y == 1, "hoax", "valid"), te.full, train_dates=tr.date)
    m = metrics(te.y, p, raw)
    flagged = p >= 0.5
    m["flagged"] = int(flagged.sum())
    m["precision_at_0.5"] = float(te.y.to_numpy()[flagged].mean()) if flagged.any() else float("nan")
    m["recall_at_0.5"] = float(flagged[te.y.to_numpy() == 1].mean())
    m["rows"] = [len(tr), len(te)]
    return m


def _f(x) -> str:
    return "–" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:.3f}"


def render(res: dict, command: str) -> str:
    out = [f"### Hoax head (`{command}`)", ""]
    cols = ["n", "roc_auc", "ap", "accuracy", "macro_f1", "ece_before", "ece_after"]
    head = "| | " + " | ".join(["test rows", "ROC-AUC", "AP (hoax)", "accuracy", "macro-F1", "ECE before", "ECE after"]) + " |"
    sep = "|---|" + "---:|" * len(cols)

    def row(name, m):
        return f"| {name} | " + " | ".join(str(m.get(c)) if c == "n" else _f(m.get(c)) for c in cols) + " |"

    if "false_news" in res:
        fn = res["false_news"]
        out += [f"indo_false_news, stratified 80/20 (random_state=0): {fn['rows'][0]} train / {fn['rows'][1]} test; "
                "the project's model (hybrid encoder + hoax head, Platt-calibrated on the latest 20% of training).", "",
                head, sep]
        out += [row(k, m) for k, m in fn["models"].items()]
        out += ["", "Shortcut checks (same test rows unless said):", "", head, sep]
        out += [row(k, m) for k, m in fn["controls"].items() if m]
        en = fn["english"]
        out += ["", f"English-language texts (stopword ratio): share by label {json.dumps({k: round(v, 3) for k, v in en['share_by_label'].items()})}, "
                f"{en['test_rows']} in the test part. Missing dates by label: {json.dumps(fn['date_missing_by_label'])}."]
    if "sample" in res:
        s = res["sample"]
        out += ["", f"Shipped sample (hoax-like reports written for the project), train < 2025-07-01 ({s['rows'][0]}), "
                f"test after ({s['rows'][1]}):", "", head, sep, row("title + text", s),
                "", f"Flagged at 0.5: {s['flagged']}; precision {_f(s['precision_at_0.5'])}, recall {_f(s['recall_at_0.5'])}."]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=paths.BENCHMARKS_MD)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    res = {}
    if HOAX_FILE.exists():
        res["false_news"] = run_false_news(HOAX_FILE)
    res["sample"] = run_sample()
    text = render(res, "python -m training.bench_hoax")
    print(text)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, default=float))
    if not args.no_write:
        from training.benchmark import write_section

        start, end = "<!-- hoax:start -->", "<!-- hoax:end -->"
        write_section(args.out, f"{start}\n{text}{end}", start, end)


if __name__ == "__main__":
    main()
