"""Duplicate and related reports: the ANN index beside the database, clusters, joint dispatch.

The database is the source of truth; the index (triage.duplicates.ShardedIndex, one file per month
under ``<instance>/duplicates/<model version>/``) is a cache of embeddings that each process
brings up to date before it searches: for every month the time window touches it adds the
complaints whose id is above what it holds. A new model version starts a new directory (its
embeddings differ), filled lazily month by month as lookups need them.

A new report is linked (after intake committed it) to the closest earlier open report about the
same problem: into that report's cluster, or into a new cluster of the two. Verifiers can then
dispatch every open member of a cluster with one decision (api.services.decisions per member).
The console's "similar earlier reports" panel uses the same index (`similar_dispatched`).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from flask import has_app_context
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from api import access, extensions, workflow
from api.duplicates.index_store import IndexStore
from api.duplicates.models import ClusterMember, ComplaintCluster
from api.model_holder import ModelHolder
from api.models import Complaint, Event, utcnow
from api.principal import Principal
from api.schemas import MAX_ID, DispositionCreate
from api.services import decisions
from api.services.errors import Conflict, Invalid, NotFound
from api.workflow import Status

if TYPE_CHECKING:
    from api.duplicates.schemas import ClusterDispositionCreate, ClusterLinkCreate
from triage.duplicates import WINDOW_DAYS, MatchRule, ShardedIndex, judge, months_between, place_tokens
from triage.text.fulltext import full_text as join_title

log = logging.getLogger(__name__)

FINAL = frozenset({Status.CLOSED.value, Status.ARCHIVED.value, Status.HOAX.value})
MODEL_ACTOR = "model"


def full_text(c: Complaint) -> str:
    return join_title(c.text, c.title)


def store() -> IndexStore:
    return extensions.duplicates_store()


def _embed(loaded, texts: list[str]):
    # The suggester's public embed() takes the model's lock (tokenizers are not re-entrant everywhere).
    return loaded.suggester.embed(texts)


def _month_range(month: str) -> tuple[dt.datetime, dt.datetime]:
    y, m = int(month[:4]), int(month[5:7])
    start = dt.datetime(y, m, 1, tzinfo=dt.UTC)
    end = dt.datetime(y + (m == 12), 1 if m == 12 else m + 1, 1, tzinfo=dt.UTC)
    return start, end


# Built once (bound per call): composing the statement's expressions cost more than running it.
_NEWER = (select(Complaint.id, Complaint.title, Complaint.text, Complaint.received_at)
          .where(Complaint.received_at >= bindparam("start"), Complaint.received_at < bindparam("end"),
                 Complaint.id > bindparam("above"))
          .order_by(Complaint.id).limit(bindparam("batch")))


def catch_up(s: Session, index: ShardedIndex, loaded, months: list[str], batch: int = 2000,
             known: dict | None = None) -> int:
    """Add the complaints of these months that the index does not hold yet; returns how many.
    ``known``: complaint id -> its embedding by this model, already computed (not encoded again)."""
    known = known or {}
    added = 0
    for month in months:
        start, end = _month_range(month)
        while True:
            # Core on the session's connection: rows of columns need none of the ORM's per-call work.
            rows = s.connection().execute(_NEWER, {"start": start, "end": end, "above": index.high_water(month),
                                                   "batch": batch}).all()
            if not rows:
                break
            todo = [r for r in rows if r.id not in known]
            vecs = dict(zip([r.id for r in todo], _embed(loaded, [join_title(r.text, r.title) for r in todo])
                            if todo else [], strict=True))
            index.add([r.id for r in rows], np.vstack([known.get(r.id, vecs.get(r.id)) for r in rows]),
                      [r.received_at for r in rows])
            added += len(rows)
            if len(rows) < batch:
                break
    return added


@dataclass
class Related:
    complaint: Complaint
    similarity: float
    judgement: dict
    cluster_id: int | None


def _window_months(at: dt.datetime, window_days: int, before_only: bool) -> list[str]:
    d = at.astimezone(dt.UTC).date()
    return months_between(d - dt.timedelta(days=window_days), d if before_only else d + dt.timedelta(days=window_days))


def _neighbours(s: Session, holder: ModelHolder, c: Complaint, window_days: int, k: int, before_only: bool,
                embedding=None):
    """``embedding``: (model version, vector) of ``c`` already computed (intake's classification);
    used when the index is of that model, else ``c`` is embedded here."""
    st = store()
    index, loaded = st.get(holder)
    if index is None:
        return None, []
    months = _window_months(c.received_at, window_days, before_only)
    vec = embedding[1] if embedding is not None and embedding[0] == loaded.version else None
    if catch_up(s, index, loaded, months, known={} if vec is None else {c.id: vec}):
        st.maybe_save()
    if vec is None:
        [vec] = _embed(loaded, [full_text(c)])
    found = index.search(vec, c.received_at, window_days, k=k + 1, months=months)
    return st.rule, [n for n in found if n.key != c.id]


def _judge(rule: MatchRule, c: Complaint, other: Complaint, similarity: float) -> dict:
    days = abs((c.received_at - other.received_at).total_seconds()) / 86400.0
    return judge(similarity, place_tokens(full_text(c)), place_tokens(full_text(other)), int(days), rule).to_dict()


def cluster_ids(s: Session, complaint_ids: list[int]) -> dict[int, int]:
    if not complaint_ids:
        return {}
    rows = s.execute(select(ClusterMember.complaint_id, ClusterMember.cluster_id)
                     .where(ClusterMember.complaint_id.in_(complaint_ids))).all()
    return {r.complaint_id: r.cluster_id for r in rows}


def prefetch_clusters(s: Session, complaints: list[Complaint]) -> None:
    """Fill Complaint.cluster_member for a page of complaints with one query (no lazy load per row)."""
    if not complaints:
        return
    members = {m.complaint_id: m for m in s.scalars(
        select(ClusterMember).where(ClusterMember.complaint_id.in_([c.id for c in complaints])))}
    for c in complaints:
        set_committed_value(c, "cluster_member", members.get(c.id))


def related(c: Complaint, *, session: Session, holder: ModelHolder, principal: Principal, limit: int = 10,
            window_days: int = WINDOW_DAYS) -> list[Related]:
    """Reports near `c` in meaning within ±window_days, best first, each judged "same problem" or not.
    Only reports the caller may see are returned."""
    s, p = session, principal
    rule, found = _neighbours(s, holder, c, window_days, k=max(limit * 3, 20), before_only=False)
    if not found:
        return []
    sims = {n.key: n.similarity for n in found}
    stmt = (select(Complaint).where(Complaint.id.in_(list(sims)))
            .options(selectinload(Complaint.agency), selectinload(Complaint.contact)))
    others = {o.id: o for o in s.scalars(access.scope(stmt, p))}
    clusters = cluster_ids(s, list(others))
    out = []
    for n in found:
        o = others.get(n.key)
        if o is None:
            continue
        j = _judge(rule, c, o, n.similarity)
        if j["days_apart"] is not None and j["days_apart"] > window_days:
            continue
        out.append(Related(o, n.similarity, j, clusters.get(o.id)))
    return out[:limit]


_CANDIDATES = (select(Complaint.id, Complaint.status, Complaint.title, Complaint.text, Complaint.received_at)
               .where(Complaint.id.in_(bindparam("ids", expanding=True)),
                      Complaint.received_at <= bindparam("until")))


def link_new(s: Session, holder: ModelHolder, c: Complaint, embedding=None) -> ClusterMember | None:
    """After intake: put `c` (created by this intake, so in no cluster yet) in the cluster of the closest
    earlier open report about the same problem.
    ``embedding``: (model version, vector) from intake's classification, so `c` is not encoded twice."""
    if holder.current is None:
        return None
    rule, found = _neighbours(s, holder, c, WINDOW_DAYS, k=20, before_only=True, embedding=embedding)
    if not found:
        return None
    # The columns the judgement reads, not 20 whole complaints: only the one joined is loaded.
    others = {r.id: r for r in s.connection().execute(_CANDIDATES, {"ids": [n.key for n in found],
                                                                         "until": c.received_at})}
    best = None
    for n in found:
        o = others.get(n.key)
        if o is None or o.status in FINAL:
            continue
        j = _judge(rule, c, o, n.similarity)
        if j["same_problem"]:
            best = (o.id, n.similarity, j)
            break  # found is sorted by similarity
    if best is None:
        return None
    other_id, sim, j = best
    member = _join(s, c, s.get(Complaint, other_id), sim, j, MODEL_ACTOR)
    s.commit()
    store().maybe_save()
    return member


def _join(s: Session, c: Complaint, other: Complaint, sim: float, evidence: dict, actor: str) -> ClusterMember:
    now = utcnow()
    other_member = s.scalar(select(ClusterMember).where(ClusterMember.complaint_id == other.id))
    if other_member is None:
        cluster = ComplaintCluster(created_by=actor, created_at=now)
        s.add(cluster)
        s.flush()
        s.add(ClusterMember(cluster_id=cluster.id, complaint_id=other.id, linked_by=actor, linked_at=now,
                            evidence={}))
        # Added by key: appending to `other.events` would first load its whole history.
        s.add(Event(complaint_id=other.id, type="cluster", from_status=other.status, to_status=other.status,
                    actor=actor, data={"cluster_id": cluster.id, "linked_to": None}, at=now))
        cluster_id = cluster.id
    else:
        cluster_id = other_member.cluster_id
    member = ClusterMember(cluster_id=cluster_id, complaint_id=c.id, linked_to_id=other.id, similarity=float(sim),
                           evidence=evidence, linked_by=actor, linked_at=now)
    s.add(member)
    c.events.append(Event(type="cluster", from_status=c.status, to_status=c.status, actor=actor,
                          data={"cluster_id": cluster_id, "linked_to": other.tracking_id,
                                "similarity": round(float(sim), 4)}, at=now))
    return member


def on_intake(s: Session, holder: ModelHolder, c: Complaint, embedding=None) -> None:
    """Called by api.services.intake after the complaint is committed; never raises."""
    if not has_app_context():
        return
    try:
        link_new(s, holder, c, embedding)
    except Exception:
        log.exception("linking complaint %s to a cluster failed; it stays on its own", c.tracking_id)
        s.rollback()


# -- clusters ---------------------------------------------------------------------------------------



def get_cluster(cluster_id: int, *, session: Session) -> ComplaintCluster:
    if not 0 < cluster_id <= MAX_ID:
        raise NotFound(f"no cluster {cluster_id}")
    cl = session.scalar(select(ComplaintCluster).where(ComplaintCluster.id == cluster_id)
                  .options(selectinload(ComplaintCluster.members).selectinload(ClusterMember.complaint)
                           .selectinload(Complaint.contact)))
    if cl is None:
        raise NotFound(f"no cluster {cluster_id}")
    return cl


def is_open(cl: ComplaintCluster) -> bool:
    return any(m.complaint.status not in FINAL for m in cl.members)


def link_manually(tracking_id: str, data: ClusterLinkCreate, *, session: Session,
                  principal: Principal) -> ClusterMember:
    """A verifier puts a complaint into the cluster of another (or makes a cluster of the two)."""
    from api.services.complaints import get_complaint

    s = session
    c = get_complaint(tracking_id, session=s, principal=principal)
    other = get_complaint(data.tracking_id, session=s, principal=principal)
    if c.id == other.id:
        raise Invalid("a complaint cannot be linked to itself", "validation_error")
    if s.scalar(select(ClusterMember).where(ClusterMember.complaint_id == c.id)):
        raise Conflict(f"{tracking_id} is already in a cluster", "already_clustered")
    member = _join(s, c, other, 0.0, {"reason": "ditautkan oleh verifikator"}, principal.actor)
    s.commit()
    return member


def dispose(cluster_id: int, data: ClusterDispositionCreate, *, session: Session, principal: Principal,
            deadlines) -> tuple[ComplaintCluster, list[dict]]:
    """Apply one verifier decision to every member still waiting for one (received, need_info, returned).

    `confirm` needs all those members' suggestions to name the same agency (else use `reassign`)."""
    s = session
    cl = get_cluster(cluster_id, session=s)
    waiting = [m.complaint for m in cl.members if Status(m.complaint.status) in workflow.DECIDABLE]
    if not waiting:
        raise Conflict("no member of this cluster is waiting for a verifier", "nothing_to_decide")
    action = data.action
    decision = DispositionCreate(**data.model_dump(include={"action", "agency", "reason"}, exclude_none=True))
    if action == "confirm":
        tops = {(c.suggestions[-1].top_agency if c.suggestions else None) for c in waiting}
        if len(tops) != 1 or None in tops:
            raise Invalid("the members' suggestions do not name one agency; use `reassign` with an agency",
                          "suggestions_disagree", [{"field": "action", "code": "disagree",
                                                    "message": "the members' suggestions name different agencies"}])
    results = []
    tracking = [c.tracking_id for c in waiting]
    for tid in tracking:
        try:
            c = decisions.decide(tid, decision, session=s, principal=principal, deadlines=deadlines)
            results.append({"tracking_id": tid, "ok": True, "status": c.status})
        except (Conflict, Invalid, NotFound) as exc:
            s.rollback()
            results.append({"tracking_id": tid, "ok": False, "error": getattr(exc, "code", "error"),
                            "message": str(exc)})
    if action in ("confirm", "reassign") and any(r["ok"] for r in results):
        cl = get_cluster(cluster_id, session=s)
        dispatched = next(m.complaint for m in cl.members if m.complaint.tracking_id in tracking
                          and m.complaint.status == Status.DISPATCHED.value)
        cl.dispatched_at, cl.dispatched_by, cl.agency_id = utcnow(), principal.actor, dispatched.agency_id
        s.commit()
    return get_cluster(cluster_id, session=s), results


# -- similar earlier reports (the console's "Aduan serupa" panel) -------------------------------------

SIMILAR_WINDOW_DAYS = 180


def similar_dispatched(c: Complaint, *, session: Session, holder: ModelHolder, principal: Principal, limit: int = 5,
                       window_days: int = SIMILAR_WINDOW_DAYS) -> list[Related]:
    """The closest reports within ±`window_days` that were sent to an agency: where reports like this
    one went. Only reports the caller may see; best first."""
    found = related(c, session=session, holder=holder, principal=principal, limit=max(limit * 4, 20),
                    window_days=window_days)
    return [r for r in found if r.complaint.agency_id is not None][:limit]
