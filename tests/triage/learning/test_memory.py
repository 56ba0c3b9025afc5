"""The memory of decisions: neighbours vote, the strongest precedent wins, keys replace, recency fades."""

import datetime as dt

import numpy as np
import pytest

from triage.learning.memory import DecisionMemory

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def unit(*v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_an_empty_memory_votes_nothing():
    vote = DecisionMemory().vote(np.ones((2, 3)))
    assert vote.proba.shape == (2, 0) and vote.weight.tolist() == [0, 0] and vote.top_similarity.tolist() == [0, 0]


def test_the_closest_decisions_decide_and_their_weight_says_how_strongly():
    m = DecisionMemory(k=3, power=4, min_similarity=0.2)
    m.add(["a", "b", "c"], np.vstack([unit(1, 0, 0), unit(0.9, 0.1, 0), unit(0, 1, 0)]), ["PU", "PU", "DINKES"])
    vote = m.vote(np.vstack([unit(1, 0.05, 0), unit(0, 0, 1)]))
    labels = list(vote.labels)
    assert labels[int(np.argmax(vote.proba[0]))] == "PU" and vote.proba[0, labels.index("PU")] > 0.99
    assert vote.weight[0] > 1.5 and vote.top_similarity[0] > 0.99
    # Nothing alike (orthogonal): below min_similarity, no vote at all.
    assert vote.weight[1] == 0 and vote.proba[1].sum() == 0


def test_a_decision_made_again_replaces_the_first_and_forget_drops_it():
    m = DecisionMemory(k=1)
    m.add(["x"], unit(1, 0)[None, :], ["PU"])
    m.add(["x"], unit(1, 0)[None, :], ["DISHUB"])
    assert len(m) == 1 and m.labels == {"DISHUB"}
    assert m.forget("x") and len(m) == 0 and not m.forget("x")


def test_capacity_keeps_the_latest():
    m = DecisionMemory(capacity=2)
    m.add(["a", "b", "c"], np.eye(3), ["A", "B", "C"])
    assert m.labels == {"B", "C"}


def test_older_decisions_weigh_less_with_a_half_life():
    m = DecisionMemory(k=2, power=1, half_life_days=30)
    m.add(["old", "new"], np.vstack([unit(1, 0), unit(1, 0)]), ["OLD", "NEW"], [T0, T0 + dt.timedelta(days=60)])
    vote = m.vote(unit(1, 0)[None, :], at=T0 + dt.timedelta(days=60))
    p = dict(zip(vote.labels, vote.proba[0], strict=True))
    assert p["NEW"] == pytest.approx(0.8, abs=1e-6) and p["OLD"] == pytest.approx(0.2, abs=1e-6)  # 1 : 0.25
