"""Duplicate and related reports: the ANN index beside the database, clusters, joint dispatch.

The database is the source of truth; the index (triage.duplicates.ShardedIndex, one file per month
under ``<instance>/duplicates/<model version>/``) is a cache of embeddings that each process
brings up to date before it searches: for every month the time window touches it adds the
complaints whose id is above what it holds. A new model version starts a new directory (its
embeddings differ), filled lazily month by month as lookups need them.

A new report is linked to the closest earlier open report about the same problem: into that
report's cluster, or into a new cluster of the two. Intake looks for it before writing (`plan_link`,
reads only) and writes the link in the report's own transaction (`write_link`). Verifiers can then
dispatch every open member of a cluster with one decision (api.services.decisions per member).
The console's "similar earlier reports" panel uses the same index (`similar_dispatched`).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from flask import has_app_context
from sqlalchemy import Integer, bindparam, cast, extract, literal, select, tuple_, union_all, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from api import access, extensions, workflow
from api.duplicates.index_store import IndexStore
from api.duplicates.models import ClusterMember, ComplaintCluster
from api.model_holder import ModelHolder
from api.models import Complaint, Event, utcnow
from api.principal import Principal
from api.raw_select import RawSelect
from api.schemas import MAX_ID, DispositionCreate
from api.services import decisions
from api.services.errors import Conflict, Invalid, NotFound
from api.workflow import Status

if TYPE_CHECKING:
    from api.duplicates.schemas import ClusterDispositionCreate, ClusterLinkCreate
from triage.duplicates import (
    WINDOW_DAYS,
    MatchRule,
    ShardedIndex,
    judge,
    months_between,
    place_tokens,
)
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


def _month_number(month: str) -> int:
    """"2026-11" (the index's shard) -> 202611 (``Complaint.received_month``)."""
    return int(month[:4]) * 100 + int(month[5:7])


def _newer(k: str = "", row_values: bool = False):
    """A month's rows above its mark, id order, at most a batch (parameters suffixed by ``k``): one range of
    the (received_month, id) index. The received_at range this replaced, with "id above" on the primary
    key, read every newer month's rows too, so the check grew with the current month
    (training/bench_catchup.py: 2.2 ms on SQLite and 3.0 ms on PostgreSQL at 10,000 reports a month).

    ``row_values`` (PostgreSQL): the bound as the row comparison (received_month, id) > (month, mark) up to
    the month's end, the same rows. Given "received_month = month AND id > mark", PostgreSQL walks the
    primary key from the mark, expecting half the rows past it to be this month's, and reads them all;
    the row comparison is a bound only this index can start from. SQLite takes the plain form straight
    to the index, and reads the row comparison's range in full."""
    month, above = bindparam(f"month{k}"), bindparam(f"above{k}")
    if row_values:
        where = (tuple_(Complaint.received_month, Complaint.id) > tuple_(month, above), Complaint.received_month <= month)
    else:
        where = (Complaint.received_month == month, Complaint.id > above)
    return (select(Complaint.id, Complaint.title, Complaint.text, Complaint.received_at).where(*where)
            .order_by(Complaint.received_month, Complaint.id).limit(bindparam(f"batch{k}")))


# Built once per form (bound per call): composing the statement's expressions cost more than running it.
_NEWER = {False: _newer(), True: _newer(row_values=True)}
_NEWER_BY_COUNT: dict[tuple[int, bool], object] = {}


def _row_values(s: Session) -> bool:
    return s.get_bind().dialect.name == "postgresql"


def _newer_in_months(n: int, row_values: bool):
    """One statement for ``n`` months: each month's ``_newer`` part, tagged with its number. Intake checks
    the window's two or three months on every request; one statement took about a fifth less than two on
    SQLite (the per-statement work is SQLAlchemy's), and is one round trip instead of several on PostgreSQL."""
    stmt = _NEWER_BY_COUNT.get((n, row_values))
    if stmt is None:
        parts = []
        for k in range(n):
            part = _newer(str(k), row_values).add_columns(literal(k).label("part")).subquery(f"m{k}")
            parts.append(select(part))  # a subquery each: SQLite takes ORDER BY and LIMIT only at the top of a union
        union = union_all(*parts).subquery("newer")
        stmt = _NEWER_BY_COUNT[n, row_values] = select(union).order_by(union.c.part, union.c.id)
    return stmt


def fill_missing_months(conn: Connection) -> int:
    """Give every complaint without ``received_month`` its received_at's month; the number filled in.

    The catch-up reads by month, so a report without one is never indexed. This service always writes
    it, but the previous release, still running after ``triage db upgrade`` added the column, does not
    (nor does hand-written SQL): each start fills those in (one range of the month index when there are
    none). received_at is naive UTC in the database; EXTRACT is strftime on SQLite."""
    month = cast(extract("year", Complaint.received_at), Integer) * 100 + cast(extract("month", Complaint.received_at),
                                                                               Integer)
    done = conn.execute(update(Complaint).where(Complaint.received_month.is_(None)).values(received_month=month)
                        .execution_options(synchronize_session=False))
    return done.rowcount


ENCODE_CHUNK = 64  # reports encoded at a time by a catch-up; a deadline is checked between chunks
LINK_BUDGET_SECONDS = 1.0  # how long intake's catch-up may take before the report is stored unlinked


@dataclass
class CatchUp:
    added: int = 0
    complete: bool = True  # False: stopped at the deadline; the newest reports are not in the index yet


def catch_up(s: Session, index: ShardedIndex, loaded, months: list[str], batch: int = 2000,
             known=None, deadline: float | None = None) -> CatchUp:
    """Add the complaints of these months that the index does not hold yet (above each month's own mark).
    ``known``: complaint id -> its embedding by this model, already computed (not encoded again); the
    entries used are popped. ``deadline`` (time.monotonic()): stop between chunks once it has passed,
    with the index holding an id-ordered prefix of each month, so the next catch-up goes on from there
    (a new model's index is filled over several requests, not in one that outlasts the worker's timeout)."""
    known = {} if known is None else known
    out = CatchUp()
    first = _first_rows(s, index, months, batch)
    for month in months:
        number = _month_number(month)
        while True:
            # Core on the session's connection: rows of columns need none of the ORM's per-call work.
            rows = first.pop(month) if month in first else s.connection().execute(
                _NEWER[_row_values(s)], {"month": number, "above": index.high_water(month), "batch": batch}).all()
            for at in range(0, len(rows), ENCODE_CHUNK):
                chunk = rows[at:at + ENCODE_CHUNK]
                have = {r.id: v for r in chunk if (v := known.pop(r.id, None)) is not None}
                todo = [r for r in chunk if r.id not in have]
                if todo:
                    have.update(zip([r.id for r in todo],
                                    _embed(loaded, [join_title(r.text, r.title) for r in todo]), strict=True))
                index.add([r.id for r in chunk], np.vstack([have[r.id] for r in chunk]),
                          [r.received_at for r in chunk])
                out.added += len(chunk)
                if deadline is not None and time.monotonic() > deadline:
                    out.complete = at + ENCODE_CHUNK >= len(rows) and len(rows) < batch and month == months[-1]
                    return out
            if len(rows) < batch:
                break
    return out


def _first_rows(s: Session, index: ShardedIndex, months: list[str], batch: int) -> dict[str, list]:
    """Each month's first rows above its mark, from one statement (a month that fills ``batch`` is read on
    month by month afterwards)."""
    if len(months) < 2:
        return {}
    params = {}
    for k, month in enumerate(months):
        params[f"month{k}"] = _month_number(month)
        params[f"above{k}"], params[f"batch{k}"] = index.high_water(month), batch
    found: dict[str, list] = {month: [] for month in months}
    for r in s.connection().execute(_newer_in_months(len(months), _row_values(s)), params):
        found[months[r.part]].append(r)
    return found


@dataclass
class Related:
    complaint: Complaint
    similarity: float
    judgement: dict
    cluster_id: int | None


def _window_months(at: dt.datetime, window_days: int, before_only: bool) -> list[str]:
    d = at.astimezone(dt.UTC).date()
    return months_between(d - dt.timedelta(days=window_days), d if before_only else d + dt.timedelta(days=window_days))


def _search(s: Session, st: IndexStore, index: ShardedIndex, loaded, vec, at: dt.datetime, window_days: int,
            k: int, before_only: bool, deadline: float | None = None) -> tuple[list, bool]:
    """The k nearest reports to ``vec`` within the window, after bringing the index up to date (with the
    vectors of reports this process took in, so they are not encoded again); and whether it is up to date."""
    months = _window_months(at, window_days, before_only)
    done = catch_up(s, index, loaded, months, known=st.pending(loaded.version), deadline=deadline)
    if done.added:
        st.maybe_save(force=not done.complete)  # a partial fill is kept for the next request (and worker)
    return index.search(vec, at, window_days, k=k, months=months), done.complete


def _neighbours(s: Session, holder: ModelHolder, c: Complaint, window_days: int, k: int, before_only: bool):
    st = store()
    index, loaded = st.get(holder)
    if index is None:
        return None, []
    [vec] = _embed(loaded, [full_text(c)])
    found, _complete = _search(s, st, index, loaded, vec, c.received_at, window_days, k + 1, before_only)
    return st.rule, [n for n in found if n.key != c.id]


def _judge(rule: MatchRule, text: str, at: dt.datetime, other, similarity: float,
           places: frozenset[str] | None = None) -> dict:
    """``other``: anything with title, text and received_at (a Complaint or a row of columns)."""
    days = abs((at - other.received_at).total_seconds()) / 86400.0
    places = place_tokens(text) if places is None else places
    return judge(similarity, places, place_tokens(join_title(other.text, other.title)), int(days), rule).to_dict()


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
        j = _judge(rule, full_text(c), c.received_at, o, n.similarity)
        if j["days_apart"] is not None and j["days_apart"] > window_days:
            continue
        out.append(Related(o, n.similarity, j, clusters.get(o.id)))
    return out[:limit]


@dataclass(frozen=True)
class LinkPlan:
    """The earlier report a new one is about to be linked to, read before intake writes anything."""

    other_id: int
    other_tracking_id: str
    other_status: str
    other_cluster_id: int | None
    similarity: float
    evidence: dict


# The columns the judgement reads and the other report's cluster, not whole complaints: up to SEARCHED
# ids in fixed parameters (the unused ones 0, no report's id), read on the session's DBAPI connection
# (api.raw_select): the statement is compiled once, not expanded for each list.
SEARCHED = 20  # neighbours intake looks at
_CANDIDATES = RawSelect(select(Complaint.id, Complaint.tracking_id, Complaint.status, Complaint.title, Complaint.text,
                               Complaint.received_at, ClusterMember.cluster_id)
                        .outerjoin(ClusterMember, ClusterMember.complaint_id == Complaint.id)
                        .where(Complaint.id.in_([bindparam(f"id{k}") for k in range(SEARCHED)])))


def plan_link(s: Session, holder: ModelHolder, text: str, title: str | None, received_at: dt.datetime,
              embedding=None) -> LinkPlan | None:
    """For intake, before it writes: the closest earlier open report about the same problem, or None.
    Only reads, so the link is written in the report's own transaction and no write lock is held while
    the index is searched. ``embedding``: (model version, vector) from intake's classification, so the
    report is not encoded twice. Never raises: linking helps, and the report is stored whatever happens here."""
    if not has_app_context() or holder.current is None:
        return None
    try:
        return _plan_link(s, holder, join_title(text, title), received_at, embedding)
    except Exception:
        log.exception("looking for an earlier report about the same problem failed; this one stays on its own")
        s.rollback()  # only reads ran; on PostgreSQL a failed statement would spoil the intake's transaction
        return None


def _plan_link(s: Session, holder: ModelHolder, text: str, at: dt.datetime, embedding) -> LinkPlan | None:
    st = store()
    index, loaded = st.get(holder)
    if index is None:
        return None
    vec = embedding[1] if embedding is not None and embedding[0] == loaded.version else None
    if vec is None:
        [vec] = _embed(loaded, [text])
    rule = st.rule
    found, complete = _search(s, st, index, loaded, vec, at, WINDOW_DAYS, SEARCHED, before_only=True,
                              deadline=time.monotonic() + LINK_BUDGET_SECONDS)
    if not complete:
        # A cold index (a new model, a lost file) is filled a budget at a time: the report is stored now,
        # unlinked, rather than after minutes of encoding (a verifier can still link it by hand).
        log.info("the duplicate index is still filling; a new report is stored without looking for a duplicate")
        return None
    floor = min(rule.min_similarity, rule.min_similarity_no_place)  # no pair below it is the same problem
    found = [n for n in found if n.similarity >= floor]
    if not found:
        return None
    ids = [n.key for n in found][:SEARCHED] + [0] * (SEARCHED - len(found))
    # A report received after this one (a concurrent intake) is not an earlier report.
    others = {r.id: r for r in _CANDIDATES.all(s.connection(), {f"id{k}": v for k, v in enumerate(ids)})
              if r.received_at <= at}
    places = place_tokens(text)
    for n in found:  # best first
        o = others.get(n.key)
        if o is None or o.status in FINAL:
            continue
        j = _judge(rule, text, at, o, n.similarity, places)
        if j["same_problem"]:
            return LinkPlan(o.id, o.tracking_id, o.status, o.cluster_id, n.similarity, j)
    return None


def remember(holder: ModelHolder, complaint_id: int, embedding) -> None:
    """After intake committed a report: keep its vector for the next catch-up (not encoded again)."""
    if embedding is not None and has_app_context():
        store().remember(embedding[0], complaint_id, embedding[1])


_CLUSTERS, _MEMBERS, _EVENTS = (t.__table__.insert() for t in (ComplaintCluster, ClusterMember, Event))


def write_link(conn, complaint_id: int, status: str, plan: LinkPlan, actor: str, now: dt.datetime,
               events: list[dict] | None = None) -> int:
    """Put a report (in no cluster yet) into the cluster of ``plan``'s report, or into a new cluster of the
    two, with a "cluster" event on each report whose history changes; returns the cluster id. Core rows
    on the caller's connection and transaction (intake's, or a verifier's manual link). ``events``: a
    list the event rows are appended to, for the caller to insert with its own (intake writes all of a
    report's events in one statement); without it they are inserted here."""
    cluster_id = plan.other_cluster_id
    members, mine = [], []
    if cluster_id is None:
        cluster_id = conn.execute(_CLUSTERS, {"created_by": actor, "created_at": now}).inserted_primary_key[0]
        members.append({"cluster_id": cluster_id, "complaint_id": plan.other_id, "linked_to_id": None,
                        "similarity": None, "evidence": {}, "linked_by": actor, "linked_at": now})
        mine.append({"complaint_id": plan.other_id, "type": "cluster", "from_status": plan.other_status,
                     "to_status": plan.other_status, "actor": actor,
                     "data": {"cluster_id": cluster_id, "linked_to": None}, "at": now})
    sim = float(plan.similarity)
    members.append({"cluster_id": cluster_id, "complaint_id": complaint_id, "linked_to_id": plan.other_id,
                    "similarity": sim, "evidence": plan.evidence, "linked_by": actor, "linked_at": now})
    mine.append({"complaint_id": complaint_id, "type": "cluster", "from_status": status, "to_status": status,
                 "actor": actor, "data": {"cluster_id": cluster_id, "linked_to": plan.other_tracking_id,
                                          "similarity": round(sim, 4)}, "at": now})
    # Several rows of a table in one statement (the DBAPI's executemany), in the order they were made.
    conn.execute(_MEMBERS, members)
    if events is None:
        conn.execute(_EVENTS, mine)
    else:
        events.extend(mine)
    return cluster_id


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
    plan = LinkPlan(other.id, other.tracking_id, other.status,
                    s.scalar(select(ClusterMember.cluster_id).where(ClusterMember.complaint_id == other.id)),
                    0.0, {"reason": "ditautkan oleh verifikator"})
    write_link(s.connection(), c.id, c.status, plan, principal.actor, utcnow())
    s.commit()
    for x in (c, other):  # their histories and memberships were written without the ORM
        s.expire(x, ["events", "cluster_member"])
    return s.scalar(select(ClusterMember).where(ClusterMember.complaint_id == c.id))


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
