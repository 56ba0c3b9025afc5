"""Where a classify request's time goes: each stage's median, back to back and as training.bench_serving runs it.

    python -m training.bench_stages [--models-dir models] [--rounds 60]

The serving benchmark times whole requests, interleaved (healthz, classify, intake, a batch of 100, in
turn). This runs the same in-process setup twice and times the stages inside the classify requests:
once back to back (healthz rounds in a row, then classify rounds in a row: what a profiler of one
request type sees), once interleaved as the benchmark does. The stages are wrapped only while a classify request runs; the wrapper costs
about a microsecond a stage. Stages nest (the model's parts are inside ``LearningRouter.analyse``), so
the column does not sum to the request.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import tempfile
import time
from pathlib import Path

STAGES = [  # (module, attribute path, label)
    ("api.auth", "_authenticate", "auth: the API key check"),
    ("api.v1.complaints", "json_body", "JSON body validation"),
    ("triage.learning.router", "LearningRouter.analyse", "model, all of it"),
    ("triage.text.normalizer", "TextNormalizer.transform", "  normalising (personal data masked)"),
    ("triage.encoders.serving", "StaticRuntimeEncoder.transform", "  static embedding"),
    ("triage.encoders.tfidf_runtime", "TfidfRuntime.transform_rows", "  TF-IDF, word and character blocks"),
    ("triage.encoders.serving", "hstack_rows", "  one feature matrix"),
    ("triage.suggest", "cue_matrix", "  hoax cues"),
    ("triage.heads.stacked", "StackedHeads.predict_proba", "  the four heads"),
    ("triage.model", "TriageModel.dense_part", "  unit embeddings"),
    ("triage.routing.prior", "DirectoryPrior.predict_proba", "  directory prior"),
    ("api.v1.representation", "personal_data", "personal data of the answer"),
    ("api.v1.complaints", "jsonify", "JSON answer"),
]


def _wrap(times: dict, on: list, module: str, path: str, label: str) -> None:
    import importlib

    owner = importlib.import_module(module)
    *parents, name = path.split(".")
    for p in parents:
        owner = getattr(owner, p)
    fn = getattr(owner, name)

    @functools.wraps(fn)
    def timed(*a, **kw):
        if not on[0]:
            return fn(*a, **kw)
        t0 = time.perf_counter_ns()
        try:
            return fn(*a, **kw)
        finally:
            times.setdefault(label, []).append(time.perf_counter_ns() - t0)

    setattr(owner, name, timed)


def run(bundle: Path, rounds: int) -> dict[str, dict[str, float]]:
    from api import extensions
    from training.bench_serving import _texts, request_kinds

    texts = _texts()
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        app, calls = request_kinds(bundle, tmp)
        times: dict[str, list[int]] = {}
        on = [False]
        for module, path, label in STAGES:
            _wrap(times, on, module, path, label)
        for _ in range(len(texts) // 100 + 1):  # every text seen once: the per-word caches warm
            calls["batch100"]()
        for _ in range(3):
            for fn in calls.values():
                fn()
        for mode in ("back to back", "interleaved"):
            times.clear()
            if mode == "back to back":  # each kind's rounds in a row (healthz, then classify)
                plan = [name for name in ("healthz", "classify") for _ in range(rounds)]
            else:
                plan = [name for _ in range(rounds) for name in calls]
            for name in plan:
                on[0] = name == "classify"
                t0 = time.perf_counter_ns()
                r = calls[name]()
                times.setdefault(f"REQUEST {name}", []).append(time.perf_counter_ns() - t0)
                on[0] = False
                assert r.status_code in (200, 201), r.get_data(as_text=True)[:300]
            for label, v in times.items():
                out.setdefault(label, {})[mode] = round(statistics.median(v) / 1000, 1)
        extensions.engine(app).dispose()
    return out


def main(argv=None) -> int:
    from triage.bundle import ensure_default_bundle

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models-dir", default="models")
    ap.add_argument("--rounds", type=int, default=60)
    args = ap.parse_args(argv)
    bundle = ensure_default_bundle(Path(args.models_dir), progress=False)
    found = run(bundle, args.rounds)
    print(f"| stage (median µs, {args.rounds} rounds) | back to back | interleaved |")
    print("|---|---|---|")
    order = ["REQUEST healthz", "REQUEST classify"] + [label for _m, _p, label in STAGES] + ["REQUEST intake",
                                                                                             "REQUEST batch100"]
    for label in order:
        if label in found:
            row = found[label]
            print(f"| {label} | {row.get('back to back', '')} | {row.get('interleaved', '')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
