"""Duplicate and related reports over JSON: related complaints, clusters, joint dispatch."""

from __future__ import annotations

from flask import Blueprint, jsonify

from api import access, auth, db, extensions
from api.duplicates import service as duplicates
from api.duplicates.schemas import ClusterDispositionCreate, ClusterLinkCreate, RelatedQuery
from api.services import complaints as complaints_svc
from api.v1 import representation
from api.validation import json_body, query_args
from api.workflow import Role

api_bp = Blueprint("duplicates", __name__)
READERS = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER)


@api_bp.get("/complaints/<tracking_id>/related")
@auth.roles(*READERS)
def related(tracking_id: str):
    principal = auth.current()
    s = db.session()
    c = complaints_svc.get_complaint(tracking_id, session=s, principal=principal)
    q = query_args(RelatedQuery)
    found = duplicates.related(c, session=s, holder=extensions.holder(), principal=principal, limit=q.limit,
                               window_days=q.window_days)
    duplicates.prefetch_clusters(s, [c])
    return jsonify(
        tracking_id=c.tracking_id,
        cluster_id=c.cluster_member.cluster_id if c.cluster_member else None,
        window_days=q.window_days,
        items=[_related_json(c, r, principal) for r in found],
    )


def _related_json(c, r, principal) -> dict:
    item = {**representation.summary(r.complaint, principal), "similarity": round(r.similarity, 4),
            **r.judgement, "cluster_id": r.cluster_id}
    # the places both texts name are words of both: none when the caller may not read either
    if access.view_of(c, principal).hidden or access.view_of(r.complaint, principal).hidden:
        item["shared_places"] = []
    return item


def _cluster_json(cl, principal) -> dict:
    members = []
    for m in cl.members:
        item = representation.summary(m.complaint, principal)
        item.update(similarity=m.similarity, evidence=m.evidence, linked_by=m.linked_by,
                    linked_at=representation.iso(m.linked_at),
                    linked_to=next((o.complaint.tracking_id for o in cl.members if o.complaint_id == m.linked_to_id),
                                   None))
        members.append(item)
    return {"id": cl.id, "open": duplicates.is_open(cl), "created_at": representation.iso(cl.created_at),
            "created_by": cl.created_by, "dispatched_at": representation.iso(cl.dispatched_at),
            "dispatched_by": cl.dispatched_by, "members": members}


@api_bp.get("/clusters/<int:cluster_id>")
@auth.roles(Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST)
def get_cluster(cluster_id: int):
    return jsonify(_cluster_json(duplicates.get_cluster(cluster_id, session=db.session()), auth.current()))


@api_bp.post("/clusters/<int:cluster_id>/disposition")
@auth.roles(Role.VERIFIER, Role.ADMIN)
def cluster_disposition(cluster_id: int):
    data = json_body(ClusterDispositionCreate)
    principal = auth.current()
    cl, results = duplicates.dispose(cluster_id, data, session=db.session(), principal=principal,
                                     deadlines=extensions.deadlines())
    return jsonify(cluster=_cluster_json(cl, principal), results=results)


@api_bp.post("/complaints/<tracking_id>/cluster")
@auth.roles(Role.VERIFIER, Role.ADMIN)
def link_to_cluster(tracking_id: str):
    data = json_body(ClusterLinkCreate)
    principal = auth.current()
    s = db.session()
    member = duplicates.link_manually(tracking_id, data, session=s, principal=principal)
    return jsonify(_cluster_json(duplicates.get_cluster(member.cluster_id, session=s), principal)), 201
