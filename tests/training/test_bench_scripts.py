"""The serving diagnostics run and say something: the catch-up check finds nothing new when the marks are
each month's newest (its own assertion), and the stage timer times every stage it names."""

import os


def test_bench_catchup_times_the_check_at_both_sizes():
    from training.bench_catchup import run

    url = os.environ.get("TRIAGE_TEST_DATABASE_URL") or ""
    got = run(url if url.startswith("postgresql") else None, per_month=200, rounds=3)
    assert sorted(got) == [20, 200] and all(ms > 0 for ms in got.values())


def test_bench_stages_times_every_stage_in_both_modes(bundle_path):
    from training.bench_stages import STAGES, run

    got = run(bundle_path, rounds=2)
    for _module, _path, label in STAGES:
        assert set(got[label]) == {"back to back", "interleaved"}, label
        assert all(us > 0 for us in got[label].values()), label
    assert got["REQUEST classify"]["interleaved"] > got["model, all of it"]["interleaved"]
    assert set(got["REQUEST batch100"]) == {"interleaved"}
