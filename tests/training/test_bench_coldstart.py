"""Surabaya cold start, reduced to the first 300 reports: the directory prior against the refitted baseline."""

from __future__ import annotations

import numpy as np
import pytest

from training.bench_coldstart import checkpoints, directory_of, load_rows, run_baseline, run_prior, score
from triage.routing.prior import DirectoryPrior

pytestmark = pytest.mark.shared_data


def test_prior_beats_the_refitted_baseline_on_the_first_300(shared_datasets):
    df = load_rows(shared_datasets / "surabaya_mediacenter.csv")
    assert df["date"].is_monotonic_increasing
    directory = directory_of(df)
    assert len(directory) == df["agency"].nunique()
    replay = df.iloc[:300]
    texts, y = replay["text"].tolist(), replay["agency"].to_numpy(dtype=object)

    prior_suggestions, ms = run_prior(DirectoryPrior().fit(directory), texts)
    baseline = run_baseline(texts, y)
    prior, refit = score(prior_suggestions, y, 300), score(baseline, y, 300)
    print(f"first 300: prior {prior} ({ms:.2f} ms/report); refit {refit}")

    # Before its first fit the baseline has nothing: the first 50 suggestions are empty.
    assert (baseline.pred[:50] == "").all() and (baseline.pred[50:] != "").all()
    assert prior["macro_f1"] > refit["macro_f1"]
    assert prior["accuracy"] > refit["accuracy"]


def test_frozen_baseline_and_checkpoints():
    texts = [f"jalan rusak {i}" if i % 2 else f"sampah menumpuk {i}" for i in range(120)]
    y = np.array(["PU" if i % 2 else "DLH" for i in range(120)], dtype=object)
    frozen = run_baseline(texts, y, frozen_after=50)
    assert (frozen.pred[:50] == "").all() and (frozen.pred[50:] == y[50:]).mean() > 0.9
    one_label = run_baseline(texts[:60], np.array(["PU"] * 60, dtype=object))
    assert (one_label.pred[50:] == "PU").all() and one_label.conf[55] == 1.0
    assert checkpoints(3000) == [250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750, 3000]
    assert checkpoints(300) == [250, 300]
