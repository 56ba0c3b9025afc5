"""Monitoring of the model in use: acceptance of suggestions, bands, hoax flags, drift.

- **Acceptance**: of the verifiers' dispatch decisions (confirm/reassign) on a complaint with a
  suggestion, the share where the dispatched agency is the suggested top agency; per suggested agency
  and per ISO week.
- **Bands**: share of suggestions in auto / review / manual, per week.
- **Hoax**: share of suggestions flagged as likely hoax, and hoax decisions by verifiers, per week.
- **Drift**: mean, over recent complaint texts, of the largest cosine similarity to a stored sample
  of the training texts (encoded with the model's own encoder, `drift_reference.npz` written by
  `triage train --from-db`), against the same figure for held-out training texts (`drift.baseline_similarity`
  in bundle.json). `drifting` when the recent mean falls more than DRIFT_MARGIN below the baseline.

The snapshot is computed on demand (page, JSON) and cached per process for CACHE_SECONDS; computing it
also sets the Prometheus gauges (scrape /metrics after, or run `triage jobs enqueue monitoring`).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from prometheus_client import Gauge
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import Complaint, Disposition, Suggestion, utcnow
from triage.text.fulltext import full_text

DRIFT_MARGIN = 0.05
DRIFT_DAYS = 14
DRIFT_MAX_TEXTS = 500
CACHE_SECONDS = 60

ACCEPTANCE = Gauge("triage_suggestion_acceptance_rate", "Share of dispatch decisions that took the suggested agency "
                   "(monitoring window)", ["agency"], multiprocess_mode="mostrecent")
BAND_SHARE = Gauge("triage_suggestion_band_share", "Share of suggestions per agency band (monitoring window)",
                   ["band"], multiprocess_mode="mostrecent")
HOAX_FLAG_SHARE = Gauge("triage_hoax_flag_share", "Share of suggestions flagged as likely hoax (monitoring window)",
                        multiprocess_mode="mostrecent")
DRIFT_SIMILARITY = Gauge("triage_drift_similarity", "Recent texts: mean max-cosine similarity to training texts",
                         ["kind"], multiprocess_mode="mostrecent")


def iso_week(t: dt.datetime) -> str:
    y, w, _ = t.isocalendar()
    return f"{y}-W{w:02d}"


def _rate(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


def acceptance(s: Session, since: dt.datetime, until: dt.datetime | None = None) -> dict:
    per_agency = defaultdict(lambda: [0, 0])
    per_week = defaultdict(lambda: [0, 0])
    q = (select(Disposition, Suggestion)
         .join(Suggestion, Suggestion.id == Disposition.suggestion_id)
         .where(Disposition.created_at > since, Disposition.action.in_(("confirm", "reassign"))))
    if until is not None:
        q = q.where(Disposition.created_at <= until)
    total = [0, 0]
    for d, sug in s.execute(q):
        if not sug.top_agency:
            continue
        ok = d.action == "confirm" or (d.agency is not None and d.agency.code == sug.top_agency)
        for bucket in (per_agency[sug.top_agency], per_week[iso_week(d.created_at)], total):
            bucket[0] += 1
            bucket[1] += int(ok)
    return {
        "decisions": total[0], "accepted": total[1], "rate": _rate(total[1], total[0]),
        "per_agency": {a: {"decisions": n, "accepted": k, "rate": _rate(k, n)} for a, (n, k) in sorted(per_agency.items())},
        "per_week": {w: {"decisions": n, "accepted": k, "rate": _rate(k, n)} for w, (n, k) in sorted(per_week.items())},
    }


def bands_and_hoax(s: Session, since: dt.datetime) -> tuple[dict, dict]:
    bands = defaultdict(int)
    bands_week = defaultdict(lambda: defaultdict(int))
    flagged, flagged_week, n_week = 0, defaultdict(int), defaultdict(int)
    n = 0
    for sug in s.scalars(select(Suggestion).where(Suggestion.created_at > since)):
        band = sug.agency_band or "none"
        week = iso_week(sug.created_at)
        bands[band] += 1
        bands_week[week][band] += 1
        n += 1
        n_week[week] += 1
        if ((sug.payload or {}).get("hoax") or {}).get("flagged"):
            flagged += 1
            flagged_week[week] += 1
    hoax_decisions = defaultdict(int)
    for d in s.scalars(select(Disposition).where(Disposition.created_at > since, Disposition.action == "hoax")):
        hoax_decisions[iso_week(d.created_at)] += 1
    band_out = {"suggestions": n, "share": {b: _rate(k, n) for b, k in sorted(bands.items())},
                "per_week": {w: {b: _rate(k, n_week[w]) for b, k in sorted(c.items())} for w, c in sorted(bands_week.items())}}
    hoax_out = {"flagged": flagged, "share": _rate(flagged, n),
                "per_week": {w: {"suggestions": n_week[w], "flagged": flagged_week[w],
                                 "share": _rate(flagged_week[w], n_week[w]),
                                 "hoax_decisions": hoax_decisions.get(w, 0)} for w in sorted(n_week)},
                "hoax_decisions": sum(hoax_decisions.values())}
    return band_out, hoax_out


def _mean_max_similarity(X, reference) -> float:
    import scipy.sparse as sp

    from triage.rownorm import l2_normalize

    X = l2_normalize(X if sp.issparse(X) else sp.csr_matrix(X))
    S = X @ reference.T
    S = S.toarray() if sp.issparse(S) else np.asarray(S)
    return float(S.max(axis=1).mean())


def drift(s: Session, loaded, now: dt.datetime, days: int = DRIFT_DAYS) -> dict:
    """The drift signal for the model in use (see module docstring)."""
    if loaded is None:
        return {"status": "unavailable", "reason_code": "no_model", "reason": "no model is loaded"}
    meta = loaded.meta.get("drift") or {}
    ref_file = Path(loaded.path) / meta.get("reference_file", "drift_reference.npz")
    if not meta or not ref_file.is_file():
        return {"status": "unavailable", "reason_code": "no_reference",
                "reason": "the active bundle has no training sample for drift (train it with `triage train --from-db`)"}
    texts = [full_text(x, t) for t, x in s.execute(
        select(Complaint.title, Complaint.text).where(Complaint.received_at > now - dt.timedelta(days=days))
        .order_by(Complaint.received_at.desc()).limit(DRIFT_MAX_TEXTS))]
    out = {"window_days": days, "texts": len(texts), "baseline_similarity": meta.get("baseline_similarity"),
           "margin": DRIFT_MARGIN, "model": loaded.version}
    if not texts:
        return {**out, "status": "no_data", "similarity": None}
    import scipy.sparse as sp

    X, _ = loaded.suggester.encode(texts)  # the encoder only, never the heads
    sim = _mean_max_similarity(X, sp.load_npz(ref_file))
    base = meta.get("baseline_similarity")
    status = "unknown" if base is None else ("drifting" if sim < base - DRIFT_MARGIN else "ok")
    return {**out, "status": status, "similarity": round(sim, 4),
            "delta": None if base is None else round(sim - base, 4)}


def snapshot(s: Session, holder, weeks: int = 8, now: dt.datetime | None = None) -> dict:
    now = now or utcnow()
    since = now - dt.timedelta(weeks=weeks)
    loaded = holder.current
    bands, hoax = bands_and_hoax(s, since)
    out = {
        "generated_at": now.isoformat(), "window": {"since": since.isoformat(), "weeks": weeks},
        "model": {"name": loaded.name, "version": loaded.version} if loaded else None,
        "acceptance": acceptance(s, since), "bands": bands, "hoax": hoax, "drift": drift(s, loaded, now),
    }
    _export_gauges(out)
    return out


def _export_gauges(snap: dict) -> None:
    for agency, m in snap["acceptance"]["per_agency"].items():
        if m["rate"] is not None:
            ACCEPTANCE.labels(agency).set(m["rate"])
    if snap["acceptance"]["rate"] is not None:
        ACCEPTANCE.labels("_all").set(snap["acceptance"]["rate"])
    for band, share in snap["bands"]["share"].items():
        BAND_SHARE.labels(band).set(share or 0.0)
    HOAX_FLAG_SHARE.set(snap["hoax"]["share"] or 0.0)
    d = snap["drift"]
    if d.get("similarity") is not None:
        DRIFT_SIMILARITY.labels("recent").set(d["similarity"])
    if d.get("baseline_similarity") is not None:
        DRIFT_SIMILARITY.labels("baseline").set(d["baseline_similarity"])


class Cache:
    """The latest snapshot of this process, recomputed after CACHE_SECONDS."""

    def __init__(self, seconds: float = CACHE_SECONDS):
        self.seconds = seconds
        self._lock = threading.Lock()
        self._value: tuple[float, tuple, dict] | None = None

    def get(self, key: tuple, compute) -> dict:
        with self._lock:
            if self._value and self._value[1] == key and time.monotonic() - self._value[0] < self.seconds:
                return self._value[2]
        value = compute()
        with self._lock:
            self._value = (time.monotonic(), key, value)
        return value
