"""Learning from decisions, measured as a deployment lives it (../shared/datasets/README.md, "Replay").

    python -m training.bench_learning [--only warm,cold,hoax,speed] [--json docs/benchmarks/learning.json]

- warm: Surabaya, the default pipeline trained on 2022, then 2023-H1 replayed in date order (ties by id;
  rows whose agency never occurs in 2022 dropped), each report suggested by the system as it stands and
  its agency then fed back as a verifier's decision. The system is the service's own learning code
  (`training.replay.replay_learning` over `triage.learning`, default `LearningSettings`); in the same
  run, a TF-IDF + logistic regression peer refitted every 50 decisions, and the same peer frozen.
- cold: Surabaya with no history: the directory is the agency names alone, the model is the shipped
  default (built from the project's sample data, never trained on Surabaya), and every row is replayed
  from the first 2022 report; the peer starts from zero. Figures after 500 reports and the curve to 3,000.
- hoax: the shipped default's hoax head on real hoaxes against real complaints, trained on neither: the
  `hoax` rows of indo_false_news (title + text) against the Surabaya complaints. ROC-AUC and AP.
- speed: an automatic refit of the agency head on 10,000 decisions (the default model's encoder, as in
  the worker), and the time to suggest with 0 and 20,000 decisions in the memory.

Writes docs/benchmarks/learning.json, learning_warm.png, learning_cold.png and the section between
<!-- learning-replay:start --> and <!-- learning-replay:end --> of docs/benchmarks.md. Only aggregate figures
leave the data files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

from training import paths
from training.datasets import LabelledData
from training.replay import plot_curves, run_replay
from triage.learning.settings import LearningSettings

log = logging.getLogger("training.bench_learning")
START, END = "<!-- learning-replay:start -->", "<!-- learning-replay:end -->"
COLD_LIMIT = 3000
COLD_POINTS = (500, 1000, 2000, 3000)


def surabaya() -> pd.DataFrame:
    df = pd.read_csv(paths.SURABAYA, dtype=str, keep_default_na=False)
    df = df[df["text"].str.strip() != ""]
    df["_id"] = pd.to_numeric(df["id"], errors="coerce")
    return df.sort_values(["date", "_id"], kind="stable").reset_index(drop=True)


def labelled(df: pd.DataFrame) -> LabelledData:
    return LabelledData(df["text"].tolist(), {"agency": df["agency"].tolist()}, df["date"].tolist(), "surabaya")


def directory(df: pd.DataFrame):
    from triage.routing.directory import entries_from_records

    names = sorted(set(df["agency"]) - {""})
    return entries_from_records(((i + 1, {"name": n}) for i, n in enumerate(names)), source="surabaya agencies")


def default_bundle():
    from triage.bundle import ensure_default_bundle, load_bundle

    return load_bundle(ensure_default_bundle(paths.ROOT / "models", progress=False))


def run_warm(df: pd.DataFrame, settings: LearningSettings, previous: dict | None = None) -> dict:
    """``previous``: an earlier warm result whose peers are kept (``--reuse-peers``): they depend only on
    the data, and take an hour of the run; the triage pass is run again."""
    train, test = df[df["date"] < "2023-01-01"], df[df["date"] >= "2023-01-01"]
    test = test[test["agency"].isin(set(train["agency"]))]
    reuse = previous is not None and previous.get("test_rows") == len(test) and "peer_refitted" in previous
    out = run_replay(labelled(test), train=labelled(train), directory=directory(df), settings=settings,
                     baselines=not reuse, parallel=True)
    if reuse:
        for key in ("peer_refitted", "peer_frozen"):
            out[key] = {**previous[key], "reused_from_an_earlier_run": True}
    return out


def run_cold(df: pd.DataFrame, settings: LearningSettings) -> dict:
    rows = df.head(COLD_LIMIT)
    out = run_replay(labelled(rows), base=default_bundle(), directory=directory(df), settings=settings,
                     baselines=True, keep_made=True, parallel=True)
    # The same replay, scored over its first k reports (suggestions as made; later rows change nothing before).
    from training.replay import Made, score_replay

    for key in ("triage", "peer_refitted", "peer_frozen"):
        made = out[key].pop("_made")
        truth = rows["agency"].tolist()
        out[key]["at"] = {str(k): {m: v for m, v in score_replay(
            Made(made.labels[:k], made.confidence[:k], made.top3[:k], made.bands[:k]), truth[:k]).items()
            if m != "curve"} for k in COLD_POINTS if k <= len(rows)}
    return out


def run_hoax() -> dict:
    from sklearn.metrics import average_precision_score, roc_auc_score

    from triage.model import HOAX
    from triage.suggest import Suggester

    hoaxes = pd.read_csv(paths.HOAXES, dtype=str, keep_default_na=False)
    hoaxes = hoaxes[hoaxes["label"].str.lower() == "hoax"]
    complaints = surabaya()
    sug = Suggester(default_bundle())
    texts = hoaxes["text"].tolist() + complaints["text"].tolist()
    titles = hoaxes["title"].tolist() + [None] * len(complaints)
    y = np.r_[np.ones(len(hoaxes)), np.zeros(len(complaints))]
    p = []
    for i in range(0, len(texts), 512):
        p += [s.hoax.probability for s in sug.suggest(texts[i : i + 512], titles=titles[i : i + 512])]
    p = np.asarray(p)
    return {"hoaxes": int(len(hoaxes)), "complaints": int(len(complaints)), "head": HOAX,
            "roc_auc": round(float(roc_auc_score(y, p)), 4), "average_precision": round(float(average_precision_score(y, p)), 4),
            "flagged_complaints": round(float((p[len(hoaxes):] >= 0.5).mean()), 4),
            "flagged_hoaxes": round(float((p[: len(hoaxes)] >= 0.5).mean()), 4)}


def run_speed(df: pd.DataFrame) -> dict:
    from triage.learning.refit import Evidence, refit_agency_head
    from triage.learning.router import LearningRouter
    from triage.suggest import Suggester

    bundle = default_bundle()
    rows = df.head(10_000)
    ev = Evidence(rows["text"].tolist(), [None] * len(rows), rows["agency"].tolist(), rows["date"].tolist())
    t0 = time.perf_counter()
    refit_agency_head(bundle.model, ev, LearningSettings())
    refit_seconds = time.perf_counter() - t0
    from triage.threads import limit_blas_threads

    limit_blas_threads(1)  # as the service serves (api.create_app, TRIAGE_BLAS_THREADS); the refit above kept the default
    router = LearningRouter(Suggester(bundle), directory=directory(df), label_by="name")
    probe = df["text"].iloc[-200:].tolist()

    def p50() -> float:
        times = []
        for t in probe:
            t1 = time.perf_counter()
            router.suggest([t])
            times.append(time.perf_counter() - t1)
        return round(1000 * float(np.median(times)), 2)

    empty = p50()
    full = df.head(20_000)
    for i in range(0, len(full), 1000):
        part = full.iloc[i : i + 1000]
        router.learn(list(part.index), part["text"].tolist(), None, part["agency"].tolist())
    return {"refit_rows": len(rows), "refit_seconds": round(refit_seconds, 1),
            "suggest_ms_p50_memory_0": empty, "suggest_ms_p50_memory_full": p50(),
            "memory_decisions": router.decisions}


def _fmt(v) -> str:
    return "–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def _runs(res: dict) -> str:
    """When each part was last run and how long it took: a run of one part keeps the others' results."""
    parts = [f"{key} {res[key]['run']['minutes']} min on {res[key]['run']['date']}"
             for key in ("warm", "cold", "hoax", "speed") if isinstance(res.get(key), dict) and "run" in res[key]]
    return "; ".join(parts) if parts else "not run yet"


def markdown(res: dict) -> str:
    rows = ("accuracy", "macro_f1", "top3_accuracy", "coverage_at_95", "ece")
    lines = [START, "## Learning from decisions (replay)", "",
             "`python -m training.bench_learning` replays the Surabaya data as a deployment lives it: each report "
             "is suggested by the system as it stands, then its agency is fed back as a verifier's decision. "
             "*triage* is the service's own learning code with its default settings (memory of decisions, "
             "directory prior, automatic refits of the agency head promoted only when not worse); the peers are "
             "TF-IDF + logistic regression refitted every 50 decisions, and frozen. Scores over all replayed "
             "rows, from the suggestions as they were made. "
             f"{platform.python_version()}, {platform.machine()}, 2 cores; {_runs(res)}.",
             ""]
    for key, title in (("warm", "Warm: trained on 2022, 2023-H1 replayed"), ("cold", "Cold start: directory only")):
        if key not in res:
            continue
        r = res[key]
        lines += [f"### {title}", ""]
        if key == "cold":
            lines += [f"First 500 reports (the issue's target) and the curve to {COLD_LIMIT}:", "",
                      "| system | reports | " + " | ".join(rows) + " |", "|---|---:|" + "---:|" * len(rows)]
            for sysname in ("triage", "peer_refitted", "peer_frozen"):
                for k, m in r[sysname]["at"].items():
                    lines.append(f"| {sysname} | {k} | " + " | ".join(_fmt(m.get(x)) for x in rows) + " |")
        else:
            lines += ["| system | reports | " + " | ".join(rows) + " | auto share | auto precision |",
                      "|---|---:|" + "---:|" * (len(rows) + 2)]
            for sysname in ("triage", "peer_refitted", "peer_frozen"):
                m = r[sysname]
                lines.append(f"| {sysname} | {m['n']} | " + " | ".join(_fmt(m.get(x)) for x in rows) + " | "
                             + _fmt((m.get("band_share") or {}).get("auto")) + " | " + _fmt(m.get("auto_precision")) + " |")
        if r.get("peer_refitted", {}).get("reused_from_an_earlier_run"):
            lines += ["", "The peers' rows come from the previous full run (`--reuse-peers`: they depend only on the "
                      "data); the triage pass was run again with the code of this commit."]
        refits = r["triage"].get("refits", [])
        lines += ["", f"Refits: {sum(1 for x in refits if x.get('promoted'))} promoted of {len(refits)} "
                  f"(the others were not shown to be no worse on the held-out decisions). "
                  f"![{key} curve](benchmarks/learning_{key}.png)", ""]
    if "hoax" in res:
        h = res["hoax"]
        lines += ["### The shipped default's hoax head on real hoaxes against real complaints", "",
                  f"{h['hoaxes']} `hoax` rows of indo_false_news (title + text) against {h['complaints']} Surabaya "
                  "complaints; the model was trained on the project's sample data only.", "",
                  "| ROC-AUC | average precision | hoaxes flagged (p ≥ 0.5) | complaints flagged |", "|---:|---:|---:|---:|",
                  f"| {h['roc_auc']:.3f} | {h['average_precision']:.3f} | {h['flagged_hoaxes']:.3f} | "
                  f"{h['flagged_complaints']:.3f} |", ""]
    if "speed" in res:
        sp = res["speed"]
        lines += ["### Speed", "",
                  f"An automatic refit of the agency head on {sp['refit_rows']:,} decisions (the default model's "
                  f"encoder kept, as in the worker): **{sp['refit_seconds']} s**. Suggesting one report takes "
                  f"{sp['suggest_ms_p50_memory_0']} ms (median) with an empty memory and "
                  f"{sp['suggest_ms_p50_memory_full']} ms with {sp['memory_decisions']:,} decisions in it.", ""]
    lines.append(END)
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="warm,cold,hoax,speed")
    ap.add_argument("--json", type=Path, default=paths.BENCHMARKS_DIR / "learning.json")
    ap.add_argument("--md", type=Path, default=paths.BENCHMARKS_MD)
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--reuse-peers", action="store_true",
                    help="warm: keep the peers of the warm result already in --json, run only the triage pass")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if not paths.SURABAYA.is_file():
        raise SystemExit(f"{paths.SURABAYA}: not found (the shared datasets live in ../shared/datasets)")
    settings = LearningSettings.from_dict({k: json.loads(v) for k, v in (o.split("=", 1) for o in args.overrides)})
    only = set(args.only.split(","))
    res = json.loads(args.json.read_text()) if args.json.is_file() else {}
    res["settings"] = settings.to_dict()
    df = surabaya()
    parts = {
        "warm": lambda: run_warm(df, settings, res.get("warm") if args.reuse_peers else None),
        "cold": lambda: run_cold(df, settings),
        "hoax": run_hoax,
        "speed": lambda: run_speed(df),
    }
    for key, run in parts.items():
        if key not in only:
            continue
        t0 = time.perf_counter()
        res[key] = run()
        res[key]["run"] = {"date": dt.date.today().isoformat(), "minutes": round((time.perf_counter() - t0) / 60, 1)}
        if key in ("warm", "cold"):
            title = ("Surabaya 2023-H1 replayed (trained on 2022)" if key == "warm"
                     else "Surabaya from the first report (directory only)")
            plot_curves(res[key], paths.BENCHMARKS_DIR / f"learning_{key}.png", title)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(res, indent=1, default=str) + "\n")
    from training.benchmark import write_section

    write_section(args.md, markdown(res), START, END)
    print(markdown(res))
    os.sync()


if __name__ == "__main__":
    main()
