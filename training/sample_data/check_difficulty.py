"""How easy is the shipped sample for a plain baseline?

Trains char_wb 2-5 TF-IDF + LogisticRegression on rows dated before 2025-07-01 and
tests on later rows, for agency, category, classification and hoax (accuracy; ROC-AUC
for hoax). Labels that a bag of character n-grams separates almost perfectly mean the
generator leaks templates. Run: `python -m training.sample_data.check_difficulty`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.pipeline import make_pipeline

from training.sample_data.make_sample import OUT

SPLIT = "2025-07-01"


def evaluate(path: Path = OUT, with_title: bool = False) -> dict[str, float]:
    df = pd.read_csv(path, keep_default_na=False)
    x = (df["title"] + " | " + df["text"]) if with_title else df["text"]
    train, test = df["date"] < SPLIT, df["date"] >= SPLIT
    out: dict[str, float] = {"n_train": int(train.sum()), "n_test": int(test.sum())}
    for label in ("agency", "category", "classification", "hoax"):
        model = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
                              LogisticRegression(max_iter=2000, C=10))
        model.fit(x[train], df.loc[train, label])
        out[f"{label}_acc"] = accuracy_score(df.loc[test, label], model.predict(x[test]))
        if label == "hoax":
            out["hoax_auc"] = roc_auc_score(df.loc[test, label], model.predict_proba(x[test])[:, 1])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", type=Path, default=OUT)
    ap.add_argument("--with-title", action="store_true")
    args = ap.parse_args()
    for k, v in evaluate(args.path, args.with_title).items():
        print(f"{k:22s} {v:.3f}" if isinstance(v, float) else f"{k:22s} {v}")


if __name__ == "__main__":
    main()
