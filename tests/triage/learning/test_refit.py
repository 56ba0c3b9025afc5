"""Automatic refits: the agency head fitted again (encoder kept), held-out decisions decide promotion."""

import numpy as np
import pytest

from triage.data import load_sample_complaints
from triage.learning.refit import Evidence, choose, refit_agency_head, score_routing, split_holdout
from triage.learning.settings import LearningSettings
from triage.suggest import Suggester


@pytest.fixture(scope="module")
def decisions():
    df = load_sample_complaints().sort_values("date", kind="stable")
    return Evidence(df["text"].tolist(), df["title"].tolist(), df["agency"].tolist(), df["date"].tolist())


def test_holdout_is_the_latest_share(decisions):
    train, hold = split_holdout(decisions, LearningSettings(refit_holdout=0.2))
    assert len(hold) == round(0.2 * len(decisions)) and len(train) + len(hold) == len(decisions)
    assert hold.dates[0] >= train.dates[-1]


def test_a_refit_keeps_the_encoder_and_learns_the_new_labels(sample_bundle, decisions):
    model = sample_bundle.model
    relabelled = Evidence(decisions.texts[:600], decisions.titles[:600],
                          ["DINAS_BARU" if lab == "DPUPR" else lab for lab in decisions.labels[:600]],
                          decisions.dates[:600])
    new = refit_agency_head(model, relabelled, LearningSettings())
    assert new.encoder_ is model.encoder_ and new.heads_["hoax"] is model.heads_["hoax"]
    assert "DINAS_BARU" in new.heads_["agency"].classes_ and "DPUPR" not in new.heads_["agency"].classes_
    assert model.heads_["agency"] is not new.heads_["agency"]  # the original is untouched
    P = new.predict_proba(["Jalan berlubang parah di depan sekolah"])["agency"]
    assert new.heads_["agency"].classes_[np.argmax(P)] == "DINAS_BARU"


def test_a_worse_candidate_is_refused_and_a_good_one_not(sample_bundle, decisions):
    train, hold = split_holdout(decisions, LearningSettings())
    good = score_routing(Suggester(sample_bundle), hold)
    scrambled = Evidence(train.texts, train.titles, list(np.random.default_rng(0).permutation(train.labels)),
                         train.dates)
    bad_model = refit_agency_head(sample_bundle.model, scrambled, LearningSettings())
    from training.replay import in_memory_bundle

    bad = score_routing(Suggester(in_memory_bundle(bad_model, "bad", len(train))), hold)
    refused = choose(bad, good, len(hold), min_rows=30)
    assert refused["verdict"] == "worse" and "macro_f1" in refused["worse_on"]
    assert choose(good, good, len(hold), min_rows=30)["verdict"] == "not_worse"
    assert choose(good, bad, 10, min_rows=30)["verdict"] == "insufficient"


def test_a_warm_replay_starts_with_the_history_in_its_memory(sample_bundle, decisions):
    """As a service trained on its history loads the latest decisions into its memory when it starts, the
    replay's memory holds the seed before the first report: a label only the history knows (the head was
    never trained on it) is suggested for a near-copy of a historical report from the first row on."""
    from training.replay import replay_learning

    seed = Evidence(decisions.texts[:300], decisions.titles[:300],
                    ["DINAS_BARU" if lab == "DPUPR" else lab for lab in decisions.labels[:300]], decisions.dates[:300])
    j = seed.labels.index("DINAS_BARU")
    probe = [seed.texts[j] + " mohon segera"]
    made, _ = replay_learning(probe, ["DINAS_BARU"], [decisions.dates[300]], base=sample_bundle, seed=seed,
                              refits=False)
    assert "DINAS_BARU" in made.top3[0]
    made, _ = replay_learning(probe, ["DINAS_BARU"], [decisions.dates[300]], base=sample_bundle, refits=False)
    assert "DINAS_BARU" not in made.top3[0]  # without the history, nothing could have said it
