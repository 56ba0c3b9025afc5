"""triage.duplicates: place tokens, the same-problem rule, the vector index and its monthly shards."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from triage.duplicates import (
    MatchRule,
    ShardedIndex,
    VectorIndex,
    judge,
    months_between,
    place_overlap,
    place_tokens,
)


@pytest.mark.parametrize("text, expected", [
    ("warga Desa Tegalsari RT 09/RW 06 Kecamatan Karangmulya", {"tegalsari", "rt:9", "rw:6", "karangmulya"}),
    ("polisi tidur di Jl Kenanga tinggi bgt", {"kenanga"}),
    ("Lampu PJU di Jl. Merdeka No. 12 mati", {"merdeka"}),
    ("di kantor desa ngadirejo lor itu", {"ngadirejo", "lor"}),
    ("rt/rw 03/05 gang Mawar", {"rt:3", "rw:5", "mawar"}),
    ("jalan rusak di rt 3 rw 5 desa kami", {"rt:3", "rw:5"}),
    ("Tebing longsor menutup jalan. Hujan terus", set()),   # "jalan." ends a sentence, "Hujan" is no street
    ("antre lama di RSUD", set()),
    ("", set()),
])
def test_place_tokens(text, expected):
    assert place_tokens(text) == expected


def test_place_overlap_rules():
    assert place_overlap(frozenset(), frozenset({"merdeka"})) is None
    assert place_overlap(frozenset({"merdeka"}), frozenset({"merdeka", "rt:3"})) == 1.0
    assert place_overlap(frozenset({"merdeka"}), frozenset({"kenanga"})) == 0.0
    # same street, different RT: another neighbourhood
    assert place_overlap(frozenset({"mawar", "rt:5"}), frozenset({"mawar", "rt:9"})) == 0.0


def test_judge_needs_meaning_place_and_time():
    a, b = frozenset({"merdeka"}), frozenset({"merdeka"})
    rule = MatchRule()
    assert judge(0.9, a, b, 3, rule).same
    assert not judge(0.9, a, b, rule.window_days + 1, rule).same        # too far apart
    assert not judge(0.9, a, frozenset({"kenanga"}), 3, rule).same       # another place
    assert not judge(0.2, a, b, 3, rule).same                            # another problem
    assert not judge(rule.min_similarity_no_place - 0.01, a, frozenset(), 3, rule).same
    assert judge(rule.min_similarity_no_place + 0.01, a, frozenset(), 3, rule).same
    assert judge(0.9, a, b, 3, rule).to_dict()["shared_places"] == ["merdeka"]


def _unit(n, d, seed=0):
    X = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return X / np.linalg.norm(X, axis=1, keepdims=True)


@pytest.mark.parametrize("backend", ["usearch", "numpy"])
def test_vector_index_add_search_remove_save(tmp_path, backend):
    pytest.importorskip("usearch") if backend == "usearch" else None
    X = _unit(300, 32)
    ix = VectorIndex(32, backend=backend)
    ix.add(np.arange(300) + 1000, X)
    keys, sims = ix.search(X[7], 3)
    assert keys[0] == 1007 and sims[0] == pytest.approx(1.0, abs=1e-2)
    ix.add([1007], X[8:9])                      # replacing a key keeps one entry
    assert len(ix) == 300
    ix.remove([1007])
    assert 1007 not in ix and len(ix) == 299
    ix.save(tmp_path / "x.index")
    again = VectorIndex.load(tmp_path / "x.index", 32, backend)
    assert len(again) == 299 and again.search(X[9], 1)[0][0] == 1009


def test_sharded_index_searches_only_the_window_and_persists(tmp_path):
    X = _unit(6, 16)
    days = [dt.date(2026, 1, 5), dt.date(2026, 1, 20), dt.date(2026, 2, 3), dt.date(2026, 5, 1),
            dt.date(2026, 5, 2), dt.date(2025, 12, 30)]
    ix = ShardedIndex(tmp_path / "dup", 16, model_version="v1")
    ix.add(list(range(1, 7)), X, days)
    found = {n.key for n in ix.search(X[0], dt.date(2026, 1, 10), window_days=30, k=10)}
    assert found == {1, 2, 3, 6}                # January ± 30 days: Dec, Jan, Feb shards
    ix.save()
    again = ShardedIndex(tmp_path / "dup", 16, model_version="v1")
    assert again.high_water("2026-05") == 5
    assert {n.key for n in again.search(X[3], dt.date(2026, 5, 1), window_days=3)} == {4, 5}
    # another model version: the old vectors are not reused
    other = ShardedIndex(tmp_path / "dup", 16, model_version="v2")
    assert other.high_water("2026-05") == 0 and other.search(X[3], dt.date(2026, 5, 1)) == []


def test_months_between():
    assert months_between(dt.date(2025, 12, 15), dt.date(2026, 2, 1)) == ["2025-12", "2026-01", "2026-02"]


def test_model_embed_is_unit_length(sample_bundle):
    E = sample_bundle.model.embed(["jalan rusak di Jl. Merdeka", "", "lampu mati"])
    assert E.shape[0] == 3 and E.dtype == np.float32
    assert np.allclose(np.linalg.norm(E[[0, 2]], axis=1), 1.0, atol=1e-5)
    assert np.allclose(E[1], 0.0)
