"""StackedHeads adds the hoax cues' terms after the product over the features: the same scores, bit for
bit, as the product over the matrix [features, cues] that scipy would compute."""

import numpy as np
import scipy.sparse as sp

from triage.data import load_sample_complaints
from triage.heads.calibration import platt_probability, softmax_with_temperature
from triage.heads.hoax_cues import CUE_NAMES, cue_matrix
from triage.heads.stacked import StackedHeads

ODD = ["SEBARKAN!!! Info dari grup: bantuan tunai cair, transfer biaya admin, klik bit.ly/x", "", "APA BENAR INI??!!"]


def test_stacked_probabilities_equal_the_product_over_features_and_cues(sample_bundle):
    model = sample_bundle.model
    texts = load_sample_complaints()["text"].tolist()[:120] + ODD
    for batch in (texts, ODD[:1], texts[:1]):  # a batch, and one report at a time (with cues, without)
        X, _ = model.encode(batch)
        cues = cue_matrix(batch)
        stacked = StackedHeads(model.heads_, tuple(model.heads_), X.shape[1], len(CUE_NAMES))
        assert stacked.with_cues and (cues.any() or batch == texts[:1])
        got = stacked.predict_proba(X, cues)
        scores = sp.hstack([X, sp.csr_matrix(cues)], format="csr") @ stacked.W + stacked.b
        for name, head in stacked.heads.items():
            s = scores[:, stacked.slices[name]]
            want = (np.column_stack([1 - platt_probability(s[:, 0], *head.platt_), platt_probability(s[:, 0], *head.platt_)])
                    if head.binary_ else softmax_with_temperature(s, head.temperature_))
            assert np.array_equal(got[name], want), name


def test_the_cue_terms_are_added_in_column_order():
    # Random weights of very different sizes, where the order of the additions shows in the last bits.
    from types import SimpleNamespace

    rng = np.random.default_rng(11)
    n_feat, n_cues, n = 300, 10, 40
    heads = {}
    for name, k in (("agency", 7), ("hoax", 1)):
        coef = rng.normal(size=(k, n_feat + (n_cues if name == "hoax" else 0))) * rng.lognormal(0, 4, size=(k, 1))
        heads[name] = SimpleNamespace(estimator_=SimpleNamespace(coef_=coef, intercept_=rng.normal(size=k)),
                                      binary_=k == 1, platt_=(0.7, -0.2), temperature_=1.3)
    X = sp.random(n, n_feat, density=0.1, random_state=3, format="csr") * 50
    cues = rng.lognormal(0, 5, size=(n, n_cues)).astype(np.float32)
    stacked = StackedHeads(heads, ("agency", "hoax"), n_feat, n_cues)
    full = sp.hstack([X, sp.csr_matrix(cues)], format="csr") @ stacked.W + stacked.b
    got = stacked.predict_proba(X, cues)
    assert np.array_equal(got["agency"], softmax_with_temperature(full[:, stacked.slices["agency"]], 1.3))
    p1 = platt_probability(full[:, stacked.slices["hoax"]][:, 0], 0.7, -0.2)
    assert np.array_equal(got["hoax"], np.column_stack([1 - p1, p1]))
