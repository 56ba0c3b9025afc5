"""The replay protocol: reports in time order, each suggested by the system as it stands, then decided.

`replay_learning` runs the service's own learning code (`triage.learning`: the router with its memory
and directory prior, and the automatic refits of the agency head with their comparison), with the same
`LearningSettings` defaults as a running service. In the service the memory takes a decision in within
seconds and a refit runs in the job worker after `refit_every` decisions; the replay applies both at
the same points, so the suggestions are the ones a deployment would have made.

`replay_peer` is the plain baseline in the same run: TF-IDF + logistic regression refitted on every
decision so far each `every` decisions, or frozen after its first fit.

Scores are computed over all replayed rows from the suggestions as they were made (`score_replay`).
No row or text is written anywhere.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import f1_score

from triage.bundle import Bundle
from triage.learning.refit import Evidence, choose, refit_agency_head, score_routing, split_holdout
from triage.learning.router import LearningRouter
from triage.learning.settings import LearningSettings
from triage.metrics import coverage_at, expected_calibration_error
from triage.suggest import Suggester

log = logging.getLogger(__name__)
PEER_EVERY = 50
CURVE_WINDOW = 200


@dataclass
class Made:
    """What a system suggested for each replayed report, in order."""

    labels: list[str] = field(default_factory=list)  # top suggestion ("" when it had none)
    confidence: list[float] = field(default_factory=list)
    top3: list[tuple[str, ...]] = field(default_factory=list)
    bands: list[str] = field(default_factory=list)

    def put(self, cands: Sequence[tuple[str, float]], band: str = "") -> None:
        self.labels.append(cands[0][0] if cands else "")
        self.confidence.append(float(cands[0][1]) if cands else 0.0)
        self.top3.append(tuple(c[0] for c in cands[:3]))
        self.bands.append(band)


def score_replay(made: Made, truth: Sequence[str], curve_window: int = CURVE_WINDOW) -> dict:
    y = np.asarray(truth, dtype=object).astype(str)
    pred = np.asarray(made.labels, dtype=object).astype(str)
    conf = np.asarray(made.confidence, dtype=float)
    correct = pred == y
    n = len(y)
    out = {
        "n": n,
        "accuracy": round(float(correct.mean()), 4) if n else 0.0,
        "macro_f1": round(float(f1_score(y, pred, labels=np.unique(y), average="macro", zero_division=0)), 4),
        "top3_accuracy": round(float(np.mean([y[i] in made.top3[i] for i in range(n)])), 4) if n else 0.0,
        "coverage_at_95": round(coverage_at(conf, correct, 0.95), 4),
        "ece": round(expected_calibration_error(conf, correct), 4),
    }
    if any(made.bands):
        bands = np.asarray(made.bands)
        out["band_share"] = {b: round(float((bands == b).mean()), 4) for b in ("auto", "review", "manual")}
        auto = bands == "auto"
        out["auto_precision"] = round(float(correct[auto].mean()), 4) if auto.any() else None
    ends = list(range(curve_window, n + 1, curve_window // 2)) or ([n] if n else [])
    out["curve"] = [{"reports": e, "accuracy": round(float(correct[max(0, e - curve_window):e].mean()), 4)}
                    for e in ends]
    return out


# -- the service's learning, replayed -----------------------------------------------------------------

def _bundle_of(model, meta: dict, rows: int, version: str) -> Bundle:
    heads = {**meta.get("heads", {})}
    head = model.heads_["agency"]
    heads["agency"] = {**heads.get("agency", {}), "labels": head.classes_.tolist(), "thresholds": head.thresholds_}
    meta = {**meta, "version": version, "heads": heads, "training": {**meta.get("training", {}), "rows": rows}}
    return Bundle(meta.get("path", "."), meta, model)


def replay_learning(texts: Sequence[str], labels: Sequence[str], dates: Sequence, *, base: Bundle,
                    titles: Sequence[str | None] | None = None, directory=None,
                    settings: LearningSettings | None = None, seed: Evidence | None = None,
                    refits: bool = True, progress: Callable[[int], None] | None = None,
                    label_by: str = "code") -> tuple[Made, list[dict]]:
    """Replay with the learning router over `base`; returns what was suggested and the refit log."""
    settings = settings or LearningSettings()
    titles = list(titles) if titles is not None else [None] * len(texts)
    router = LearningRouter(Suggester(base), settings, directory=directory, label_by=label_by)
    model, meta = base.model, dict(base.meta)
    made, refit_log = Made(), []
    if seed is not None and len(seed):
        # A service trained on its history starts with that history in its memory (api.learning.sync loads
        # the latest `memory_capacity` decisions when a process starts): so does the replay.
        keep = seed.slice(max(0, len(seed) - settings.memory_capacity))
        router.learn([-(j + 1) for j in range(len(keep))], keep.texts, keep.titles, keep.labels,
                     [_as_datetime(d) for d in keep.dates])
    decided = Evidence([], [], [], [])
    since_refit = 0
    for i, text in enumerate(texts):
        at = _as_datetime(dates[i])
        [sg] = router.analyse([text], [titles[i]], at=at).suggestions
        cands = [(c.label, c.probability) for c in sg.agency.candidates] if sg.agency is not None else []
        made.put(cands, sg.agency.band if sg.agency is not None else "")
        router.learn([i], [text], [titles[i]], [labels[i]], [at], suggested=[sg])
        decided.texts.append(text)
        decided.titles.append(titles[i])
        decided.labels.append(labels[i])
        decided.dates.append(at)
        since_refit += 1
        if refits and since_refit >= settings.refit_every and len(decided) >= settings.refit_min_decisions:
            since_refit = 0
            entry = _refit(router, model, meta, decided, seed, settings, i)
            refit_log.append(entry)
            if entry["promoted"]:
                model, meta = entry.pop("_model"), entry.pop("_meta")
            else:
                entry.pop("_model", None), entry.pop("_meta", None)
        if progress:
            progress(1)
    return made, refit_log


def _refit(router: LearningRouter, model, meta: dict, decided: Evidence, seed: Evidence | None,
           settings: LearningSettings, i: int) -> dict:
    train, holdout = split_holdout(decided, settings)
    evidence = (seed + train) if seed is not None else train
    t0 = time.perf_counter()
    try:
        candidate = refit_agency_head(model, evidence, settings)
    except ValueError as exc:
        return {"after": i + 1, "promoted": False, "message": str(exc)}
    seconds = time.perf_counter() - t0
    cand_bundle = _bundle_of(candidate, meta, len(evidence), f"refit-{i + 1}")
    cur = Suggester(_bundle_of(model, meta, int((meta.get("training") or {}).get("rows") or 0), meta.get("version", "")))
    comparison = choose(score_routing(Suggester(cand_bundle), holdout), score_routing(cur, holdout), len(holdout),
                        min_rows=max(10, int(settings.refit_min_decisions * settings.refit_holdout)))
    promoted = comparison["verdict"] == "not_worse"
    if promoted:
        router.rebase(Suggester(cand_bundle), reembed=False)  # a refit keeps the encoder
    log.info("refit after %d decisions on %d reports (%.1f s): %s", i + 1, len(evidence), seconds,
             comparison["message"])
    return {"after": i + 1, "trained_on": len(evidence), "fit_seconds": round(seconds, 1), "promoted": promoted,
            "comparison": comparison, "_model": candidate, "_meta": cand_bundle.meta}


def _as_datetime(value) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.fromisoformat(str(value)[:19].replace(" ", "T")).replace(tzinfo=dt.UTC)


# -- the plain peer ------------------------------------------------------------------------------------

class RefittedPeer:
    """TF-IDF + logistic regression (`training.baselines`), fitted on every decision so far.

    Each refit starts from the previous fit's coefficients, carried over by word and label (new words and
    new labels start at zero): the objective is convex, so this reaches the same model as a fit from
    scratch, in far fewer iterations."""

    def __init__(self):
        self.pipe = None
        self.classes_: np.ndarray | None = None

    def fit(self, texts: list[str], labels: list[str]) -> RefittedPeer:
        from training.baselines import BASELINES

        classes = np.unique(np.asarray(labels, dtype=object).astype(str))
        if len(classes) < 2:
            self.pipe, self.classes_ = None, classes
            return self
        pipe = BASELINES["tfidf+logreg"]()
        vec, clf = pipe.steps[0][1], pipe.steps[1][1]
        X = vec.fit_transform(texts)
        if self.pipe is not None:
            old_vec, old_clf = self.pipe.steps[0][1], self.pipe.steps[1][1]
            clf.set_params(warm_start=True)
            clf.coef_, clf.intercept_ = _carry_over(old_vec, old_clf, vec, classes)
        clf.fit(X, labels)
        self.pipe, self.classes_ = pipe, clf.classes_
        return self

    def candidates(self, text: str, k: int = 5) -> list[tuple[str, float]]:
        if self.classes_ is None or len(self.classes_) == 0:
            return []
        if self.pipe is None:  # a single label known: it is the only possible suggestion
            return [(str(self.classes_[0]), 1.0)]
        p = self.pipe.predict_proba([text])[0]
        order = np.argsort(-p)[:k]
        return [(str(self.classes_[j]), float(p[j])) for j in order]


def _carry_over(old_vec, old_clf, new_vec, classes: np.ndarray):
    vocab_old = old_vec.vocabulary_
    new_words = new_vec.get_feature_names_out()
    cols = np.array([vocab_old.get(w, -1) for w in new_words])
    known = cols >= 0
    old_rows = {c: i for i, c in enumerate(old_clf.classes_)}
    coef = np.zeros((len(classes), len(new_words)))
    intercept = np.zeros(len(classes))
    for r, c in enumerate(classes):
        j = old_rows.get(c)
        if j is not None:
            coef[r, known] = old_clf.coef_[j, cols[known]]
            intercept[r] = old_clf.intercept_[j]
    if len(classes) == 2:  # sklearn keeps one row for two classes
        return coef[1:] - coef[:1], intercept[1:] - intercept[:1]
    return coef, intercept


def replay_peer(texts: Sequence[str], labels: Sequence[str], *, seed: Evidence | None = None,
                every: int = PEER_EVERY, frozen: bool = False, start: int = 0, stop: int | None = None,
                progress: Callable[[int], None] | None = None) -> tuple[Made, dict]:
    """The peer over the replay: refitted every `every` decisions on the seed plus every decision so far
    (frozen: fitted once, on the seed, or on the first `every` decisions without a seed).

    ``start``/``stop`` (multiples of ``every``) replay only that stretch of the timeline: the peer first
    fits on everything decided before ``start``, the model the full run would have refitted there (up to
    the solver's tolerance: it starts from zero, not from the previous fit). Stretches run in separate
    processes and concatenate to the whole run."""
    if not frozen and start % every:
        raise ValueError(f"start={start} is not a multiple of every={every}")
    made = Made()
    peer = RefittedPeer()
    seen_texts = (list(seed.texts) if seed is not None else []) + list(texts[:start])
    seen_labels = (list(seed.labels) if seed is not None else []) + list(labels[:start])
    fits, fit_seconds = 0, 0.0
    if seen_texts:
        t0 = time.perf_counter()
        peer.fit(seen_texts, seen_labels)
        fits, fit_seconds = 1, time.perf_counter() - t0
    stop = len(texts) if stop is None else min(stop, len(texts))
    for i in range(start, stop):
        made.put(peer.candidates(texts[i]))
        seen_texts.append(texts[i])
        seen_labels.append(labels[i])
        due = (i + 1) % every == 0 and i + 1 < stop
        if due and (not frozen or fits == 0):
            t0 = time.perf_counter()
            peer.fit(seen_texts, seen_labels)
            fits += 1
            fit_seconds += time.perf_counter() - t0
        if progress:
            progress(1)
    return made, {"fits": fits, "fit_seconds": round(fit_seconds, 1), "every": every, "frozen": frozen}


def _peer_part(texts: list[str], labels: list[str], seed: Evidence | None, frozen: bool, start: int,
               stop: int | None) -> tuple[Made, dict]:
    from triage.threads import limit_blas_threads

    limit_blas_threads(1)  # one process per core: BLAS threads would only wait on each other
    t0 = time.perf_counter()
    made, info = replay_peer(texts, labels, seed=seed, frozen=frozen, start=start, stop=stop)
    return made, {**info, "seconds": round(time.perf_counter() - t0, 1)}


def _joined(parts: list[tuple[Made, dict]]) -> tuple[Made, dict]:
    made = Made()
    for m, _ in parts:
        made.labels += m.labels
        made.confidence += m.confidence
        made.top3 += m.top3
        made.bands += m.bands
    infos = [i for _, i in parts]
    info = {**infos[0], "fits": sum(i["fits"] for i in infos),
            "fit_seconds": round(sum(i["fit_seconds"] for i in infos), 1),
            "seconds": round(sum(i["seconds"] for i in infos), 1), "processes": len(parts)}
    return made, info


# -- the whole protocol (`triage evaluate --replay`) --------------------------------------------------

def in_memory_bundle(model, name: str, rows: int) -> Bundle:
    """A bundle that was never written: what `replay_learning` serves from a model fitted in this run."""
    heads = {h: {"labels": head.classes_.tolist(), "thresholds": head.thresholds_} for h, head in model.heads_.items()}
    meta = {"name": name, "version": f"{name}-replay", "heads": heads, "training": {"rows": rows}}
    return Bundle(".", meta, model)


def label_field(directory, labels: Sequence[str]) -> str:
    """Whether the replayed labels are the directory's codes or its names (whichever more of them are)."""
    labels = set(labels)
    codes = sum(e.code in labels for e in directory)
    names = sum(e.name in labels for e in directory)
    return "code" if codes > names else "name"


def run_replay(test, *, train=None, directory=None, base: Bundle | None = None, settings: LearningSettings | None = None,
               baselines: bool = False, encoder: str = "hybrid", progress=None, keep_made: bool = False,
               parallel: bool = False) -> dict:
    """`test`, `train`: LabelledData (agency labels under "agency"), oldest first. Without `train` the
    replay starts from zero history on `base` (the shipped default model, as a new office's service does)."""
    from training.pipeline import fit_model

    settings = settings or LearningSettings()
    labels = [str(v) for v in test.labels["agency"]]
    out: dict = {"protocol": "replay", "test_rows": len(test), "settings": settings.to_dict(),
                 "learning": "triage.learning (LearningRouter + refit_agency_head), the service's defaults"}
    seed = None
    if train is not None:
        t0 = time.perf_counter()
        model, _ = fit_model(train, encoder, progress=None)
        out["train_rows"], out["fit_seconds"] = len(train), round(time.perf_counter() - t0, 1)
        base = in_memory_bundle(model, "replay-train", len(train))
        seed = Evidence(list(train.texts), [None] * len(train), [str(v) for v in train.labels["agency"]],
                        list(train.dates or [None] * len(train)))
    if base is None:
        raise ValueError("give a base model (the shipped default bundle) when there is no training file")
    out["base"] = base.meta.get("version")
    label_by = label_field(directory, labels) if directory else "code"
    dates = list(test.dates or [None] * len(test))
    # The peers share nothing with the triage pass: on a machine with a spare core they run beside it, in
    # their own process, so the run takes as long as its longer half (their results are the same).
    peers = _start_peers(test.texts, labels, seed) if baselines and parallel else None
    t0 = time.perf_counter()
    made, refit_log = replay_learning(test.texts, labels, dates, base=base, directory=directory, settings=settings,
                                      seed=seed, progress=progress, label_by=label_by)
    out["triage"] = {**score_replay(made, labels), "seconds": round(time.perf_counter() - t0, 1),
                     "refits": [{k: v for k, v in r.items() if k != "comparison"} | {
                         "verdict": r.get("comparison", {}).get("verdict")} for r in refit_log]}
    if keep_made:
        out["triage"]["_made"] = made
    if baselines:
        runs = peers.result() if peers is not None else _run_peers(list(test.texts), labels, seed)
        for key, (pmade, info) in runs.items():
            out[key] = {**score_replay(pmade, labels), **info}
            if keep_made:
                out[key]["_made"] = pmade
    return out


def _peer_jobs(n: int, shards: int) -> list[tuple[str, bool, int, int | None]]:
    """(key, frozen, start, stop) of each part: the frozen peer whole, the refitted one in ``shards``
    stretches of the timeline cut at multiples of PEER_EVERY."""
    cuts = sorted({min(n, round(n * k / shards / PEER_EVERY) * PEER_EVERY) for k in range(1, shards)} - {0, n})
    bounds = [0, *cuts, None]
    # The long refitted stretches first: the frozen peer (one fit) fills in after them.
    return [("peer_refitted", False, a, b) for a, b in zip(bounds, bounds[1:], strict=False)] + \
        [("peer_frozen", True, 0, None)]


def _run_peers(texts: list[str], labels: list[str], seed: Evidence | None) -> dict:
    parts: dict[str, list] = {}
    for key, frozen, a, b in _peer_jobs(len(texts), 1):
        parts.setdefault(key, []).append(_peer_part(texts, labels, seed, frozen, a, b))
    return {"peer_refitted": _joined(parts["peer_refitted"]), "peer_frozen": _joined(parts["peer_frozen"])}


class _Peers:
    """The peers' parts running in a pool of processes beside the triage pass."""

    def __init__(self, texts, labels: list[str], seed: Evidence | None, processes: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn: a forked copy of a process that has loaded torch and started BLAS threads can hang
        self.pool = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"))
        texts = list(texts)
        self.futures = [(key, self.pool.submit(_peer_part, texts, labels, seed, frozen, a, b))
                        for key, frozen, a, b in _peer_jobs(len(texts), processes)]
        self.pool.shutdown(wait=False)

    def result(self) -> dict:
        parts: dict[str, list] = {}
        for key, f in self.futures:
            parts.setdefault(key, []).append(f.result())
        return {k: _joined(v) for k, v in parts.items()}


def _start_peers(texts, labels: list[str], seed: Evidence | None) -> _Peers:
    import os

    return _Peers(texts, labels, seed, max(1, min(2, (os.cpu_count() or 1))))


def plot_curves(result: dict, png, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.2))
    for key, style, name in (("triage", "-", "triage (learning from decisions)"),
                             ("peer_refitted", "--", f"TF-IDF + LR refitted every {PEER_EVERY}"),
                             ("peer_frozen", ":", "TF-IDF + LR frozen")):
        if key in result:
            curve = result[key]["curve"]
            ax.plot([c["reports"] for c in curve], [c["accuracy"] for c in curve], style, label=name)
    ax.set_xlabel("reports replayed")
    ax.set_ylabel(f"accuracy over the last {CURVE_WINDOW}")
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)
