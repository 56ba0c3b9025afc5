"""`triage train --from-db`: verifiers' decisions (through `api.training_data`) plus a seed dataset.

Time split: the latest `test_fraction` of the exported decisions (by decision time) is held out as
the test set; everything used for training is earlier than the first test decision (seed rows dated
on or after it are left out), and the heads' own validation split is the latest part of the training
rows. Recent decisions weigh more (`recency_half_life_days`).

Written into bundle.json beside the usual metadata:
- `training.data_until`: the latest date in the training rows. `triage models compare` scores models
  only on decisions after the `data_until` of both, so neither has seen them.
- `training.source`, `seed`, `db_rows`, `seed_rows`, `test_from`, `test_until`, `export_stats`.
- `drift`: the baseline for the monitoring's drift signal (mean max-cosine similarity of held-out
  training texts to a sample of training texts, whose encodings are stored in drift_reference.npz).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from training.datasets import LabelledData, read_table
from triage.bundle import BUNDLE_FILE, Bundle, read_meta
from triage.routing.directory import is_placeholder
from triage.text.fulltext import full_texts

log = logging.getLogger(__name__)

HEADS = ("agency", "category", "classification", "hoax")
DRIFT_FILE = "drift_reference.npz"
DEFAULT_HALF_LIFE = 180.0
MIN_TEST_ROWS = 20


def seed_frame(paths: Sequence[str | Path] | None) -> pd.DataFrame:
    """Seed rows (text, title, labels, date). Default: the sample data shipped with triage."""
    if not paths:
        from triage.data import load_sample_complaints

        frames = [load_sample_complaints().astype(str).replace({"nan": "", "None": ""}).assign(source="seed:sample")]
    else:
        frames = [read_table(p).assign(source=f"seed:{Path(p).name}") for p in paths]
    df = pd.concat(frames, ignore_index=True)
    if "text" not in df.columns:
        raise ValueError("a seed file needs a 'text' column (and agency/category/hoax/date columns as available)")
    for col in ("title", "date", *HEADS):
        if col not in df.columns:
            df[col] = ""
    return df


def _naive_utc(values) -> pd.Series:
    d = pd.to_datetime(pd.Series(list(values), dtype=object).replace("", None), utc=True, errors="coerce",
                       format="mixed")
    return d.dt.tz_localize(None)


def _relabel(code: str, mapping: dict[str, list[str]]) -> str | None:
    seen = {code}
    while code in mapping:
        targets = mapping[code]
        if len(targets) != 1:
            return None
        code = targets[0]
        if code in seen:
            break
        seen.add(code)
    return code


def combine(export_rows: list[dict], seed: pd.DataFrame, mapping: dict[str, list[str]] | None = None,
            test_fraction: float = 0.2, min_test: int = MIN_TEST_ROWS,
            agencies: Sequence[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """(train, test, info): test = latest decisions; train strictly earlier than the first test decision.

    agencies: the office's directory (codes). Seed rows labelled with another agency keep their other
    labels but lose the agency one: a model must not suggest an agency the office does not have (the
    shipped sample is the demo kabupaten's), nor a placeholder."""
    db = pd.DataFrame(export_rows, columns=["id", "decided_at", "title", "text", "agency", "category", "hoax"])
    db = db.assign(date=_naive_utc(db["decided_at"]), source="db", classification="")
    sd = seed.copy()
    sd["date"] = _naive_utc(sd["date"])
    if "source" not in sd.columns:
        sd["source"] = "seed"
    if mapping:
        relabelled = sd["agency"].map(lambda c: _relabel(c, mapping) if c else c)
        sd = sd[relabelled.notna()].assign(agency=relabelled[relabelled.notna()])
    known = set(agencies or ())
    unusable = sd["agency"].map(lambda c: bool(c) and (is_placeholder(c) or (bool(known) and c not in known)))
    sd = sd.assign(agency=sd["agency"].where(~unusable, ""))
    db = db.assign(agency=db["agency"].map(lambda c: "" if is_placeholder(c) else c))
    cols = ["title", "text", "date", "source", *HEADS]
    db, sd = db[cols], sd[cols]
    db = db.sort_values("date", kind="stable").reset_index(drop=True)
    n_test = int(len(db) * test_fraction) if len(db) * test_fraction >= min_test else 0
    info = {"db_rows": len(db), "seed_rows_offered": len(sd), "seed_agency_labels_dropped": int(unusable.sum())}
    if n_test:
        cutoff = db["date"].iloc[len(db) - n_test]
        test = db[db["date"] >= cutoff]
        train = pd.concat([db[db["date"] < cutoff], sd[sd["date"].isna() | (sd["date"] < cutoff)]], ignore_index=True)
        info.update(test_from=str(test["date"].min()), test_until=str(test["date"].max()))
    else:
        test = db.iloc[0:0]
        train = pd.concat([db, sd], ignore_index=True)
        log.warning("only %d decisions exported: no test split (need %d test rows)", len(db), min_test)
    info.update(train_rows=len(train), test_rows=len(test), seed_rows=int((train["source"] != "db").sum()),
                data_until=str(train["date"].max()) if len(train) else None)
    return train.reset_index(drop=True), test.reset_index(drop=True), info


def to_labelled(df: pd.DataFrame, source: str) -> LabelledData:
    texts = full_texts(df["text"].fillna(""), df["title"].fillna(""))
    labels = {}
    for h in HEADS:
        vals = [None if (v is None or str(v).strip() in ("", "nan", "None")) else str(v) for v in df[h]]
        if sum(v is not None for v in vals) and len({v for v in vals if v is not None}) >= 2:
            labels[h] = vals
    dates = [None if pd.isna(d) else d.isoformat() for d in df["date"]]
    return LabelledData(texts, labels, dates, source)


def _unit_rows(X):
    from sklearn.preprocessing import normalize

    return normalize(sp.csr_matrix(X) if not sp.issparse(X) else X.tocsr())


def mean_max_similarity(X, reference) -> float:
    """Mean over rows of X of the largest cosine similarity to a row of `reference`."""
    if X.shape[0] == 0 or reference.shape[0] == 0:
        return float("nan")
    S = _unit_rows(X) @ _unit_rows(reference).T
    S = S.toarray() if sp.issparse(S) else np.asarray(S)
    return float(S.max(axis=1).mean())


def write_drift_reference(bundle: Bundle, texts: Sequence[str], sample: int = 400, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    idx = rng.permutation(len(texts))
    ref_idx, held_idx = idx[:sample], idx[sample : 2 * sample]
    X_ref, _ = bundle.model.encode([texts[i] for i in ref_idx])
    sp.save_npz(bundle.path / DRIFT_FILE, _unit_rows(X_ref))
    baseline = float("nan")
    if len(held_idx):
        X_held, _ = bundle.model.encode([texts[i] for i in held_idx])
        baseline = mean_max_similarity(X_held, _unit_rows(X_ref))
    return {"reference_file": DRIFT_FILE, "reference_rows": int(len(ref_idx)), "baseline_rows": int(len(held_idx)),
            "baseline_similarity": None if np.isnan(baseline) else round(baseline, 4)}


def update_meta(path: Path, **sections) -> dict:
    """Merge keys into bundle.json (atomic rename); nested dicts are merged one level deep."""
    meta = read_meta(path)
    for key, value in sections.items():
        if isinstance(value, dict) and isinstance(meta.get(key), dict):
            meta[key] = {**meta[key], **value}
        else:
            meta[key] = value
    tmp = path / f".{BUNDLE_FILE}.tmp"
    tmp.write_text(json.dumps(meta, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path / BUNDLE_FILE)
    return meta


def train_from_db(out: Path, seeds: Sequence[str | Path] | None = None, encoder: str = "hybrid",
                  half_life: float | None = DEFAULT_HALF_LIFE, test_fraction: float = 0.2,
                  overwrite: bool = False, progress=None, command: str | None = None,
                  export=None, **params) -> tuple[Bundle, dict]:
    """Train a bundle on exported decisions + seed data. `export`: an api.training_data.ExportResult
    (default: read the service database configured by TRIAGE_DATABASE_URL)."""
    from training.pipeline import evaluate_model, train_bundle

    if export is None:
        from api.training_data import export_records

        export = export_records()
    train_df, test_df, info = combine(export.rows, seed_frame(seeds), export.mapping, test_fraction,
                                      agencies=getattr(export, "agencies", None))
    if train_df.empty:
        raise ValueError("nothing to train on: no exported decisions and no seed rows")
    train = to_labelled(train_df, "db+seed")
    bundle = train_bundle(train, out, encoder, overwrite=overwrite, progress=progress,
                          command=command or "triage train --from-db", recency_half_life_days=half_life, **params)
    test_metrics = None
    if len(test_df):
        test = to_labelled(test_df, "db:test")
        test.labels = {h: v for h, v in test.labels.items() if h in bundle.model.heads_}
        if test.labels:
            test_metrics, _ = evaluate_model(bundle.model, test)
    drift = write_drift_reference(bundle, train.texts)
    meta = update_meta(bundle.path,
                       training={"source": "db+seed", "seed": [str(s) for s in seeds] if seeds else ["sample"],
                                 "recency_half_life_days": half_life, "export_stats": export.stats, **info},
                       drift=drift,
                       metrics={"test": test_metrics} if test_metrics else {})
    bundle.meta = meta
    return bundle, info
