"""Model registry: bundles with their metrics, activation with a safety comparison, rollback,
and the per-process synchronisation that makes every worker serve the active model.

Which model is active is the latest row of `model_activation` (an append-only log, with reasons).
Each process (gunicorn worker, dev server) checks that row at most every `MODEL_CHECK_SECONDS`
(default 5) from a `before_request` hook - one indexed `SELECT ... ORDER BY id DESC LIMIT 1`. When it
changed, the new bundle is loaded in a background thread while the old one keeps answering, then
`ModelHolder.swap` replaces the reference in one assignment: requests in flight finish on the model
they started with, the next ones use the new one. No restart, no failed request.

The same check notices changes of the agency mapping and re-wraps the model's suggester so that
labels of merged/renamed agencies come out under their new codes (no reload needed).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.models import Agency, AgencyMapping, ModelActivation, ModelEntry, utcnow
from api.services.errors import Conflict, Invalid, NotFound

log = logging.getLogger(__name__)
MIN_COMPARE_ROWS = 30
COMPARED = ("macro_f1", "coverage_at_95")


class Refused(Conflict):
    """Activation refused: the candidate is worse (or cannot be shown not to be) without --force."""


# -- registration -------------------------------------------------------------------------------

def _read_meta(path: Path) -> dict:
    from triage.bundle import read_meta

    return read_meta(path)


def register(s: Session, path: str | Path) -> ModelEntry:
    """Register (or refresh) the bundle at `path`; its version identifies it."""
    from triage.bundle import BundleError

    path = Path(path).resolve()
    try:
        meta = _read_meta(path)
    except BundleError as exc:
        raise Invalid(str(exc), "not_a_bundle") from None
    entry = s.scalar(select(ModelEntry).where(ModelEntry.version == meta["version"]))
    if entry is None:
        entry = ModelEntry(name=meta["name"], version=meta["version"], path=str(path))
        s.add(entry)
    entry.path = str(path)
    entry.metrics = json.loads(json.dumps(meta.get("metrics") or {}, default=str))
    entry.training = {**(meta.get("training") or {}), "created_at": meta.get("created_at")}
    s.flush()
    return entry


def scan(s: Session, models_dir: str | Path) -> list[ModelEntry]:
    """Register every bundle directory in `models_dir`; returns all entries, newest first."""
    d = Path(models_dir)
    if d.is_dir():
        for p in sorted(d.iterdir()):
            if (p / "bundle.json").is_file() and not p.name.startswith("."):
                try:
                    register(s, p)
                except Invalid as exc:
                    log.warning("skipping %s: %s", p, exc.message)
    s.commit()
    return list(s.scalars(select(ModelEntry).order_by(ModelEntry.id.desc())))


def resolve(s: Session, name: str, models_dir: str | Path) -> ModelEntry:
    """A bundle by directory path, by name in `models_dir`, or by registered version."""
    for candidate in (Path(name), Path(models_dir) / name):
        if (candidate / "bundle.json").is_file():
            return register(s, candidate)
    entry = s.scalar(select(ModelEntry).where(ModelEntry.version == name))
    if entry is None:
        entry = s.scalar(select(ModelEntry).where(ModelEntry.name == name).order_by(ModelEntry.id.desc()))
    if entry is None:
        raise NotFound(f"no model bundle {name!r} (neither a directory nor in {models_dir})")
    return entry


def active(s: Session) -> ModelActivation | None:
    return s.scalar(select(ModelActivation).order_by(ModelActivation.id.desc()).limit(1))


def history(s: Session, limit: int = 20) -> list[ModelActivation]:
    return list(s.scalars(select(ModelActivation).order_by(ModelActivation.id.desc()).limit(limit)))


# -- comparison ---------------------------------------------------------------------------------

def coverage_at(confidence: np.ndarray, correct: np.ndarray, target: float = 0.95) -> float:
    """Largest share of reports, in order of confidence, whose suggestions are >= target correct
    (the benchmark protocol's definition, as in training.metrics)."""
    if len(correct) == 0:
        return 0.0
    order = np.argsort(-confidence, kind="stable")
    running = np.cumsum(correct[order]) / np.arange(1, len(correct) + 1)
    ok = np.where(running >= target)[0]
    return float((ok.max() + 1) / len(correct)) if len(ok) else 0.0


def _data_until(entry: ModelEntry) -> dt.datetime:
    """The latest time the model may have seen: training.data_until, else its creation time."""
    t = entry.training or {}
    raw = t.get("data_until") or t.get("created_at")
    if not raw:
        return utcnow()
    d = dt.datetime.fromisoformat(str(raw).replace(" ", "T"))
    return d if d.tzinfo else d.replace(tzinfo=dt.UTC)


def score_suggester(suggester, rows: list[dict]) -> dict:
    from sklearn.metrics import f1_score

    texts = [r["text"] for r in rows]
    titles = [r.get("title") or None for r in rows]
    preds, conf = [], []
    for i in range(0, len(texts), 64):
        for sg in suggester.suggest(texts[i : i + 64], titles=titles[i : i + 64]):
            top = sg.agency.candidates[0] if sg.agency and sg.agency.candidates else None
            preds.append(top.label if top else "")
            conf.append(top.probability if top else 0.0)
    y = np.array([r["agency"] for r in rows], dtype=object)
    pred = np.array(preds, dtype=object)
    correct = pred == y
    return {"n": len(rows), "accuracy": float(correct.mean()) if len(rows) else 0.0,
            "macro_f1": float(f1_score(y.astype(str), pred.astype(str), labels=np.unique(y.astype(str)),
                                       average="macro", zero_division=0)),
            "coverage_at_95": coverage_at(np.array(conf), correct)}


def compare(s: Session, candidate: ModelEntry, current: ModelEntry, min_rows: int = MIN_COMPARE_ROWS,
            suggesters: dict | None = None) -> dict:
    """Score both on the agency of decisions made after both models' training data ended.

    Labels the model knows under an old agency code are remapped like in service (agency mapping),
    and an agency a model never saw counts as a miss for it, so the comparison is fair to both."""
    from api.export import export_decisions

    since = max(_data_until(candidate), _data_until(current))
    rows = [r for r in export_decisions(s, since=since).rows if r["agency"]]
    out = {"since": since.isoformat(), "rows": len(rows), "min_rows": min_rows,
           "candidate": {"name": candidate.name, "version": candidate.version},
           "active": {"name": current.name, "version": current.version}}
    if len(rows) < min_rows:
        out["verdict"] = "insufficient"
        out["message"] = (f"only {len(rows)} decisions after {since:%Y-%m-%d %H:%M} (need {min_rows}) that "
                          "neither model trained on: cannot show the candidate is not worse")
        return out
    suggesters = suggesters or {}
    for key, entry in (("candidate", candidate), ("active", current)):
        sug = suggesters.get(entry.version) or remapping_suggester(s, _load_suggester(entry.path))
        out[key].update(score_suggester(sug, rows))
    worse = [m for m in COMPARED if out["candidate"][m] < out["active"][m] - 1e-9]
    out["worse_on"] = worse
    out["verdict"] = "worse" if worse else "not_worse"
    out["message"] = ("candidate is worse on " + " and ".join(worse)) if worse else "candidate is not worse"
    return out


def _load_suggester(path: str):
    from triage.bundle import load_bundle
    from triage.suggest import Suggester

    return Suggester(load_bundle(path))


# -- activation ---------------------------------------------------------------------------------

def activate(s: Session, name: str, *, actor: str, models_dir: str | Path, force: bool = False,
             reason: str | None = None, min_rows: int = MIN_COMPARE_ROWS, suggesters: dict | None = None
             ) -> ModelActivation:
    reason = (reason or "").strip() or None
    if force and not reason:
        raise Invalid("--force needs a --reason (it is kept in the activation log)", "reason_required")
    entry = resolve(s, name, models_dir)
    current = active(s)
    comparison = None
    if current is not None:
        if current.entry_id == entry.id:
            raise Conflict(f"{entry.name} ({entry.version}) is already active", "already_active")
        comparison = compare(s, entry, current.entry, min_rows, suggesters)
        if comparison["verdict"] != "not_worse" and not force:
            raise Refused(f"refused: {comparison['message']}; activate with --force --reason \"...\" to override",
                          "candidate_worse", {"comparison": comparison})
    row = ModelActivation(entry=entry, previous_entry=current.entry if current else None, action="activate",
                          forced=bool(force and comparison and comparison["verdict"] != "not_worse"),
                          reason=reason, comparison=comparison, actor=actor, at=utcnow())
    s.add(row)
    s.commit()
    log.info("model %s (%s) activated by %s%s", entry.name, entry.version, actor, " (forced)" if row.forced else "")
    return row


def rollback(s: Session, *, actor: str, reason: str | None = None) -> ModelActivation:
    """Back to the model that was active before the current one (no comparison: the emergency path)."""
    current = active(s)
    if current is None or current.previous_entry_id is None:
        raise Conflict("nothing to roll back to: no earlier model in the activation log", "no_previous_model")
    row = ModelActivation(entry_id=current.previous_entry_id, previous_entry_id=current.entry_id, action="rollback",
                          forced=False, reason=(reason or "").strip() or None, actor=actor, at=utcnow())
    s.add(row)
    s.commit()
    return row


# -- agency labels at load -------------------------------------------------------------------------

@dataclass
class LabelReport:
    ok: list[str]
    remapped: dict[str, str]
    split: dict[str, list[str]]
    unknown: list[str]

    def to_dict(self) -> dict:
        return {"ok": len(self.ok), "remapped": self.remapped, "split": self.split, "unknown": self.unknown}


def check_labels(labels: list[str], active_codes: set[str], mapping: dict[str, list[str]]) -> LabelReport:
    from api.export import resolve_code

    ok, remapped, split, unknown = [], {}, {}, []
    for lab in labels:
        new, how = resolve_code(lab, mapping)
        if how == "split":
            split[lab] = mapping.get(lab, [])
        elif how == "mapped" and new in active_codes:
            remapped[lab] = new
        elif lab in active_codes:
            ok.append(lab)
        else:
            unknown.append(lab)
    return LabelReport(ok, remapped, split, unknown)


class RemappingSuggester:
    """Wraps a Suggester: agency candidates under an old code come out under the new code
    (probabilities of labels that merged are added). Labels of split agencies stay, at most in the
    review band: a human must choose among the new agencies."""

    def __init__(self, base, report: LabelReport):
        self.base = base
        self.bundle = base.bundle
        self.report = report

    @property
    def version(self) -> str:
        return self.base.version

    def encode(self, texts):
        return self.base.encode(texts)

    def embed(self, texts):
        return self.base.embed(texts)

    def suggest(self, texts, titles=None):
        out = self.base.suggest(texts, titles=titles)
        if not (self.report.remapped or self.report.split):
            return out
        from triage.suggest import Candidate

        for sg in out:
            if sg.agency is None:
                continue
            touched = any(c.label in self.report.remapped for c in sg.agency.candidates)
            merged: dict[str, float] = {}
            for c in sg.agency.candidates:
                label = self.report.remapped.get(c.label, c.label)
                merged[label] = round(merged.get(label, 0.0) + c.probability, 4)
            sg.agency.candidates = [Candidate(k, v) for k, v in sorted(merged.items(), key=lambda kv: -kv[1])]
            if sg.agency.candidates[0].label in self.report.split and sg.agency.band == "auto":
                sg.agency.band = "review"
            if touched:
                sg.model["agency_remap"] = self.report.remapped
        return out


def remapping_suggester(s: Session, suggester) -> RemappingSuggester:
    from api.export import mapping_table

    base = getattr(suggester, "base", suggester)
    codes = set(s.scalars(select(Agency.code).where(Agency.active.is_(True))))
    report = check_labels(base.bundle.labels("agency") if "agency" in base.bundle.meta.get("heads", {}) else [],
                          codes, mapping_table(s))
    if report.unknown:
        log.warning("model %s knows agencies that are not active and not mapped: %s", base.version,
                    ", ".join(report.unknown))
    return RemappingSuggester(base, report)


# -- per-process synchronisation -------------------------------------------------------------------

class ModelSync:
    """Keeps one process's ModelHolder on the active model of the registry (see module docstring)."""

    def __init__(self, holder, sessionmaker, interval: float = 5.0, blocking: bool = False):
        self.holder = holder
        self.sessionmaker = sessionmaker
        self.interval = interval
        self.blocking = blocking
        self._marker = None
        self._next_check = 0.0
        self._lock = threading.Lock()
        self._loading = False
        self.error: str | None = None

    def _read_marker(self, s: Session):
        act = active(s)
        mapping_id = s.scalar(select(func.max(AgencyMapping.id)))
        n_active = s.scalar(select(func.count()).select_from(Agency).where(Agency.active.is_(True)))
        return (act.id if act else None, act.entry.path if act else None, act.entry.version if act else None,
                mapping_id, n_active)

    def maybe_refresh(self) -> None:
        now = time.monotonic()
        if now < self._next_check or self._loading:
            return
        self._next_check = now + self.interval
        self.refresh(blocking=self.blocking)

    def refresh(self, blocking: bool = True) -> None:
        try:
            with self.sessionmaker() as s:
                marker = self._read_marker(s)
        except Exception as exc:  # missing tables (old schema) or database down: keep serving
            log.debug("model sync check failed: %s", exc)
            return
        if marker == self._marker:
            return
        with self._lock:
            if self._loading:
                return
            self._loading = True
        current = self.holder.current
        needs_load = marker[1] is not None and (current is None or current.version != marker[2])
        if blocking or not needs_load:  # a mapping change only re-wraps: cheap, done right away
            self._apply(marker)
        else:
            threading.Thread(target=self._apply, args=(marker,), name="model-sync", daemon=True).start()

    def _apply(self, marker) -> None:
        from api.model_holder import Loaded

        try:
            _act_id, path, version, *_ = marker
            current = self.holder.current
            if path is not None and (current is None or current.version != version):
                from triage.bundle import load_bundle
                from triage.suggest import Suggester

                bundle = load_bundle(path)
                if bundle.version != version:
                    log.warning("%s now holds %s, the registry activated %s", path, bundle.version, version)
                base, bundle_path = Suggester(bundle), Path(path)
            elif current is not None:
                base, bundle, bundle_path = getattr(current.suggester, "base", current.suggester), current.bundle, current.path
            else:
                self._marker = marker
                return
            with self.sessionmaker() as s:
                wrapped = remapping_suggester(s, base)
            self.holder.swap(Loaded(wrapped, bundle, bundle_path))
            self._marker = marker
            self.error = None
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            log.error("could not switch to the active model: %s", self.error)
            self._marker = marker  # do not retry a broken bundle on every request; a new activation retries
        finally:
            self._loading = False


def label_report(holder) -> dict | None:
    loaded = holder.current
    report = getattr(loaded.suggester, "report", None) if loaded else None
    return report.to_dict() if report else None


def init_app(app) -> ModelSync:
    holder = app.extensions["triage.model"]
    sync = ModelSync(holder, app.extensions["triage.sessionmaker"],
                     interval=float(app.config["MODEL_CHECK_SECONDS"] if "MODEL_CHECK_SECONDS" in app.config
                                    else os.environ.get("TRIAGE_MODEL_CHECK_SECONDS") or 5),
                     blocking=bool(app.config.get("MODEL_SYNC_BLOCKING", False)))
    app.extensions["triage.model_sync"] = sync
    sync.refresh(blocking=True)  # start on the registry's active model (and its label check)

    @app.before_request
    def _model_sync():
        sync.maybe_refresh()

    return sync
