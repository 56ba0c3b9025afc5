"""The model's work per report counted in CPU instructions, not seconds: for comparing two commits on a
machine whose speed drifts from run to run (here by ±15% within minutes), where wall-clock medians cannot
show a 5% change. valgrind counts the instructions of the calls below and nothing else:

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \\
        --callgrind-out-file=/tmp/cg.out python -m training.bench_instructions --batch 1 --reports 200

and prints ``Collected : N``; N / reports is the figure. Run the same line in a git worktree of the other
commit (``PYTHONPATH=<worktree>``, the same ``--models-dir``) to compare. Each run takes about two minutes.

What is counted: ``LearningRouter.analyse`` (the service's model: the bundle's heads, the directory
prior, the memory of decisions, empty here) over the shipped sample complaints, after every text has
been seen once (the per-word caches warm, as in a worker that has served a while). Only the calls made
inside ``functools.reduce`` are counted, so imports and loading are not.
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models-dir", default="models")
    ap.add_argument("--batch", type=int, default=1, help="reports per call (1: a classify of one report)")
    ap.add_argument("--reports", type=int, default=200, help="reports counted in all")
    args = ap.parse_args(argv)

    from triage.bundle import ensure_default_bundle, load_bundle
    from triage.data import load_agencies, load_sample_complaints
    from triage.learning.router import LearningRouter
    from triage.routing.directory import entries_from_records
    from triage.suggest import Suggester

    bundle = load_bundle(ensure_default_bundle(Path(args.models_dir), progress=False))
    texts = [t for t in load_sample_complaints()["text"].tolist() if t and t.strip()]
    entries = entries_from_records(enumerate(load_agencies(), start=2), source="agencies.csv")
    router = LearningRouter(Suggester(bundle), directory=entries, label_by="code")
    b = args.batch
    for i in range(len(texts) // b + 1):
        router.analyse([texts[(i * b + j) % len(texts)] for j in range(b)])
    calls = [[texts[(7 + i * b + j) % len(texts)] for j in range(b)] for i in range(max(1, args.reports // b))]
    functools.reduce(lambda _, batch: router.analyse(batch), calls, None)
    print(f"{len(calls) * b} reports in calls of {b}: divide valgrind's 'Collected' by {len(calls) * b}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
