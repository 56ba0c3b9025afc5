"""Every head of the sample bundle, read from the serving export, scores and calibrates as its pickled
scikit-learn estimator does: the same floating-point operations, so the outputs are bit-identical."""

from __future__ import annotations

import numpy as np
import pytest

from triage.bundle import load_bundle
from triage.data import load_sample_complaints
from triage.heads.head_runtime import LabelHeadRuntime, head_export
from triage.model import with_cues

HEADS = ["agency", "category", "classification", "hoax"]


@pytest.fixture(scope="module")
def both(bundle_path):
    return load_bundle(bundle_path, use_export=False).model, load_bundle(bundle_path).model


@pytest.fixture(scope="module")
def features(both):
    texts = load_sample_complaints()["text"].tolist() + ["", "kata yang belum pernah dilihat"]
    X, _ = both[0].encode(texts)
    return X, with_cues(X, texts)


@pytest.mark.parametrize("name", HEADS)
def test_mirror_equals_the_pickled_head(both, features, name):
    pickled, served = both[0].heads_[name], both[1].heads_[name]
    assert isinstance(served, LabelHeadRuntime) and type(pickled).__name__ == "LabelHead"
    X = features[1] if name == "hoax" else features[0]
    assert np.array_equal(served.decision_function(X), pickled.decision_function(X))
    assert np.array_equal(served.predict_proba(X), pickled.predict_proba(X))
    assert np.array_equal(served.estimator_.decision_function(X), pickled.estimator_.decision_function(X))
    assert np.array_equal(served.predict(X), pickled.predict(X))
    P = pickled.predict_proba(X)
    assert np.array_equal(served.bands(P), pickled.bands(P)) and served.top_k(P) == pickled.top_k(P)
    assert served.classes_.dtype == pickled.classes_.dtype and np.array_equal(served.classes_, pickled.classes_)
    assert served.thresholds_ == pickled.thresholds_ and served.platt_ == pickled.platt_
    assert served.temperature_ == pickled.temperature_ and served.validation_ == pickled.validation_
    assert served.get_params() == pickled.get_params() and served.C == pickled.C
    for j in range(len(pickled.classes_)):
        assert np.array_equal(served.class_coefficients(j), pickled.class_coefficients(j))


def test_a_head_that_is_not_a_plain_linear_label_head_is_not_mirrored(both):
    class Other:
        pass

    assert "not mirrored" in head_export(Other())
    head = both[0].heads_["agency"]
    odd = type(head).__new__(type(head))
    odd.__dict__.update(head.__dict__, estimator_=Other())
    assert "scored by" in head_export(odd)
