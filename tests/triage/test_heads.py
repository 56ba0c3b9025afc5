import numpy as np
import pytest
from sklearn.base import clone

from triage.heads import LabelHead, assign_bands, tune_thresholds
from triage.heads.bands import NEVER
from triage.heads.calibration import fit_temperature, softmax_with_temperature


def _blobs(n=400, k=4, seed=0, noise=1.0):
    rng = np.random.default_rng(seed)
    centers = rng.normal(0, 3, (k, 10))
    y = rng.integers(0, k, n)
    X = centers[y] + rng.normal(0, noise, (n, 10))
    return X, np.array([f"c{v}" for v in y])


def test_label_head_follows_the_estimator_contract():
    head = LabelHead(C=0.3)
    assert head.get_params()["C"] == 0.3 and not hasattr(head, "classes_")  # pure __init__
    X, y = _blobs()
    assert head.fit(X, y) is head
    assert head.classes_.tolist() == ["c0", "c1", "c2", "c3"]
    P = head.predict_proba(X)
    assert P.shape == (len(y), 4) and np.allclose(P.sum(1), 1)
    assert (head.predict(X) == y).mean() > 0.9
    assert clone(head).get_params() == head.get_params()


def test_thresholds_are_tuned_on_the_latest_training_reports_only():
    X, y = _blobs(n=500)
    order = np.arange(500)
    head = LabelHead().fit(X, y, order=order)
    # Rebuild what fit must have done: score the latest 20% with a model trained on the rest.
    part = LabelHead()._scorer().fit(X[:400], y[:400])
    idx = np.searchsorted(part.classes_, y[400:])
    P = softmax_with_temperature(part.decision_function(X[400:]), head.temperature_)
    expected = tune_thresholds(P, idx, 0.95, 0.90)
    assert head.thresholds_["auto"] == pytest.approx(expected["auto"])
    assert head.thresholds_["validation_size"] == 100


def test_thresholds_do_not_depend_on_data_the_head_never_saw():
    X, y = _blobs(n=500, seed=1)
    a = LabelHead().fit(X[:300], y[:300], order=np.arange(300))
    b = LabelHead().fit(X[:300], y[:300], order=np.arange(300))
    assert a.thresholds_ == b.thresholds_
    # shuffling a "test" part has no way in: fit only takes its own arguments
    assert set(a.thresholds_) >= {"auto", "review", "target_precision"}


def test_auto_band_meets_target_precision_on_validation():
    X, y = _blobs(n=2000, noise=2.5, seed=3)
    head = LabelHead(target_precision=0.9).fit(X[:1500], y[:1500], order=np.arange(1500))
    P = head.predict_proba(X[1500:])
    bands = head.bands(P)
    auto = bands == "auto"
    assert auto.any() and ((head.classes_[P.argmax(1)] == y[1500:])[auto]).mean() >= 0.85


def test_unreachable_precision_means_no_auto_band():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 5))
    y = np.array(["a", "b", "c"])[rng.integers(0, 3, 300)]  # pure noise
    head = LabelHead(target_precision=0.99).fit(X, y)
    assert head.thresholds_["auto"] == NEVER
    assert "auto" not in set(head.bands(head.predict_proba(X)))


def test_bands_and_unknown_texts():
    th = {"auto": 0.8, "review": 0.3}
    out = assign_bands(np.array([0.9, 0.5, 0.1, 0.95]), th, known=np.array([True, True, True, False]))
    assert out.tolist() == ["auto", "review", "manual", "manual"]
    # One report at a time takes its own path: the same bands, as an object array too.
    p = np.array([0.9, 0.5, 0.1, 0.95, 0.8, 0.3, np.nan])
    known = np.array([True, True, True, False, True, True, True])
    many = assign_bands(p, th, known)
    assert many.tolist() == ["auto", "review", "manual", "manual", "auto", "review", "manual"]
    for i in range(len(p)):
        one = assign_bands(p[i:i + 1], th, known[i:i + 1])
        assert one.dtype == object and one.tolist() == [many[i]]
        assert assign_bands(p[i:i + 1], th).tolist() == assign_bands(p, th)[i:i + 1].tolist()


def test_top_k_of_one_report_is_the_batch_row():
    from triage.heads.head_runtime import LabelHeadInference

    head = LabelHeadInference()
    head.classes_ = np.array(["a", "b", "c", "d"], dtype=object)
    P = np.random.default_rng(1).dirichlet(np.ones(4), size=6)
    P[2] = [0.25, 0.25, 0.25, 0.25]  # ties keep argsort's order in both paths
    rows = head.top_k(P, 3)
    for i in range(len(P)):
        assert head.top_k(P[i:i + 1], 3) == [rows[i]]
        assert all(type(lab) is str and type(p) is float for lab, p in rows[i])


def test_temperature_scaling_reduces_overconfidence():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 500)
    scores = rng.normal(size=(500, 3)) * 10
    scores[np.arange(500), y] += 5  # right about 60%, but scores are huge
    t = fit_temperature(scores, y)
    assert t > 1.5
    conf = softmax_with_temperature(scores, t).max(1)
    assert abs(conf.mean() - (scores.argmax(1) == y).mean()) < 0.1


def test_binary_head_is_platt_calibrated():
    X, y = _blobs(n=600, k=2, noise=3.0, seed=5)
    head = LabelHead().fit(X, y)
    P = head.predict_proba(X)
    assert head.binary_ and P.shape[1] == 2
    assert 0.0 < P[:, 1].min() < 0.5 < P[:, 1].max() < 1.0


def test_single_label_is_refused():
    with pytest.raises(ValueError, match="two labels"):
        LabelHead().fit(np.zeros((50, 2)), ["x"] * 50)


def test_the_threaded_one_vs_rest_svm_is_liblinears_own_model():
    """Per-class problems on threads give LinearSVC's model (same solver and settings per class)."""
    from sklearn.datasets import make_classification
    from sklearn.svm import LinearSVC

    from triage.heads.linear_svm import OneVsRestLinearSVC

    X, y = make_classification(n_samples=300, n_features=20, n_informative=8, n_classes=5, random_state=1)
    w = np.linspace(0.5, 1.0, len(y))
    ref = LinearSVC(C=0.5, random_state=0).fit(X, y, sample_weight=w)
    ours = OneVsRestLinearSVC(C=0.5, random_state=0, n_jobs=2).fit(X, y, sample_weight=w)
    assert ours.coef_.shape == ref.coef_.shape
    np.testing.assert_allclose(ours.decision_function(X), ref.decision_function(X), atol=1e-4)
    assert (ours.predict(X) == ref.predict(X)).all()
    binary = OneVsRestLinearSVC(C=0.5, n_jobs=2).fit(X, y == 1)
    assert binary.decision_function(X).shape == (300,)


def test_softmax_with_temperature_is_scipys_softmax_bit_for_bit():
    from scipy.special import softmax

    from triage.heads.calibration import softmax_with_temperature

    rng = np.random.default_rng(7)
    for shape in [(1, 25), (100, 43), (3, 2)]:
        scores = rng.normal(scale=4, size=shape)
        for t in (0.3, 1.0, 2.7):
            assert np.array_equal(softmax_with_temperature(scores, t), softmax(scores / t, axis=1))
