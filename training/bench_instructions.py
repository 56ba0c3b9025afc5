"""The model's work per report counted in CPU instructions, not seconds: for comparing two commits on a
machine whose speed drifts from run to run (here by ±15% within minutes), where wall-clock medians cannot
show a 5% change. valgrind counts the instructions of the calls below and nothing else:

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \\
        --callgrind-out-file=/tmp/cg.out python -m training.bench_instructions --batch 1 --reports 200

and prints ``Collected : N``; N / reports is the figure. Run the same line in a git worktree of the other
commit (``PYTHONPATH=<worktree>``, the same ``--models-dir``) to compare. Each run takes about two minutes.

With ``--request classify|intake|healthz`` it counts whole requests instead: the Flask test client on a
fresh SQLite instance, as ``training.bench_serving`` runs them (auth, validation, the model, the database
work, the JSON answer); the time a durable commit waits for the disk is not an instruction and is not counted.

What is counted without ``--request``: ``LearningRouter.analyse`` (the service's model: the bundle's heads, the directory
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
    ap.add_argument("--request", choices=("classify", "intake", "healthz"),
                    help="count whole requests of this kind (one report each) instead of the model alone")
    args = ap.parse_args(argv)
    if args.request:
        return _requests(args)

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


def _requests(args) -> int:
    import tempfile

    from triage.bundle import ensure_default_bundle
    from triage.data import load_sample_complaints

    bundle = ensure_default_bundle(Path(args.models_dir), progress=False)
    texts = [t for t in load_sample_complaints()["text"].tolist() if t and t.strip()]
    from api import create_app, extensions
    from api.services import accounts

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"INSTANCE_PATH": tmp, "DATABASE_URL": f"sqlite:///{tmp}/bench.db", "MODEL_PATH": str(bundle),
                          "MODELS_DIR": str(bundle.parent), "SECRET_KEY": "bench", "RATE_LIMITS": False})
        with extensions.sessionmaker(app)() as s:
            _row, key = accounts.create_key(s, "bench")
        auth = {"Authorization": f"Bearer {key}"}
        client = app.test_client()

        def one(text: str):
            if args.request == "healthz":
                r = client.get("/api/v1/healthz")
            elif args.request == "classify":
                r = client.post("/api/v1/classify", json={"text": text}, headers=auth)
            else:
                r = client.post("/api/v1/complaints", json={"text": text, "channel": "web"}, headers=auth)
            assert r.status_code in (200, 201), r.get_data(as_text=True)[:300]
            return r

        for t in texts[:50]:  # warm: first-use caches, the duplicates index
            one(t)
        calls = [texts[(50 + i) % len(texts)] for i in range(args.reports)]
        functools.reduce(lambda _, t: one(t), calls, None)
        extensions.engine(app).dispose()
    print(f"{len(calls)} {args.request} requests: divide valgrind's 'Collected' by {len(calls)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
