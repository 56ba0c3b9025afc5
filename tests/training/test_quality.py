"""End-to-end: train the default pipeline on the past of the shipped sample data, score its future.

The floors sit a few points under the figures measured when they were set (see
docs/benchmarks.md, sample-agency); a regression in preprocessing, encoders,
heads or calibration shows up here.
"""

import numpy as np
import pytest

from training.datasets import LabelledData
from training.pipeline import evaluate_model, fit_model
from triage.data import load_sample_complaints

# Trains the hybrid (static embedding + TF-IDF) pipeline on the sample: the suite's slowest fixture.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scores():
    df = load_sample_complaints()
    heads = ["agency", "category", "classification", "hoax"]
    tr, te = df[df.date < "2025-07-01"], df[df.date >= "2025-07-01"]

    def ld(d):
        return LabelledData(d.text.tolist(), {h: d[h].tolist() for h in heads}, d.date.tolist(), "sample")

    model, _ = fit_model(ld(tr), "hybrid")
    results, arrays = evaluate_model(model, ld(te))
    return model, results, arrays


def test_agency_quality(scores):
    _, r, _ = scores
    a = r["agency"]
    assert a["accuracy"] >= 0.74, a
    assert a["top3_accuracy"] >= 0.88, a
    assert a["coverage_at_95"] >= 0.50, a
    assert a["ece"] <= 0.12, a


def test_other_heads_quality(scores):
    _, r, _ = scores
    assert r["category"]["accuracy"] >= 0.70, r["category"]
    assert r["classification"]["accuracy"] >= 0.75, r["classification"]
    assert r["hoax"]["roc_auc"] >= 0.90, r["hoax"]


def test_auto_band_is_precise_on_future_reports(scores):
    model, _, arrays = scores
    P, classes, y = arrays["agency"]
    head = model.heads_["agency"]
    auto = head.bands(P) == "auto"
    assert auto.mean() >= 0.2  # the band is used at all
    assert (classes[P.argmax(1)][auto] == y[auto]).mean() >= 0.88  # target 0.95 on validation; future drifts


def test_probabilities_are_calibrated_not_just_ranked(scores):
    _, _, arrays = scores
    P, classes, y = arrays["agency"]
    conf = P.max(1)
    correct = classes[P.argmax(1)] == y
    assert abs(conf.mean() - correct.mean()) < 0.1
    assert np.all((P >= 0) & (P <= 1))
