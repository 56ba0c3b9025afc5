"""Classification, intake, listing, reading and deciding on complaints."""

from __future__ import annotations

from flask import jsonify, request, url_for

from api import auth, db, extensions
from api.duplicates import service as duplicates_svc
from api.errors import ApiError
from api.schemas import ClassifyRequest, ComplaintCreate, ComplaintQuery, DispositionCreate, FollowUpCreate
from api.services import complaints as complaints_svc
from api.services import decisions
from api.services.classify import classify as classify_reports
from api.services.intake import intake
from api.v1 import bp, representation
from api.validation import json_body, query_args
from api.workflow import Role

VIEWERS = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER)


@bp.post("/classify")
@auth.roles(Role.SYSTEM, Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST)
def classify():
    req = json_body(ClassifyRequest)
    reports = req.reports()
    suggestions = classify_reports(extensions.holder(), reports, heads=req.heads)
    if req.items is not None:
        return jsonify(suggestions=suggestions,
                       personal_data=[representation.personal_data(r.text, r.title) for r in reports])
    return jsonify(suggestion=suggestions[0], **representation.personal_data(req.text, req.title))


@bp.post("/complaints")
@auth.roles(Role.SYSTEM, Role.VERIFIER, Role.ADMIN)
def create_complaint():
    data = json_body(ComplaintCreate)
    key = request.headers.get("Idempotency-Key")
    if key is not None and not (0 < len(key) <= 200):
        raise ApiError(422, "validation_error", "Idempotency-Key must be 1..200 characters",
                       [{"field": "Idempotency-Key", "code": "maxLength", "message": "must be 1..200 characters"}])
    result = intake(data, session=db.session(), principal=auth.current(), holder=extensions.holder(),
                    deadlines=extensions.deadlines(), idempotency_key=key)
    resp = jsonify(representation.created(result.complaint))
    resp.status_code = 201
    resp.headers["Location"] = url_for("api_v1.get_complaint", tracking_id=result.complaint.tracking_id)
    if not result.created:
        resp.headers["Idempotent-Replay"] = "true"
    return resp


@bp.get("/complaints")
@auth.roles(*VIEWERS)
def list_complaints():
    query = query_args(ComplaintQuery)
    principal = auth.current()
    s = db.session()
    filters = complaints_svc.Filters.from_query(query, extensions.deadlines().calendar.tz)
    rows, next_cursor = complaints_svc.list_complaints(filters, session=s, principal=principal)
    duplicates_svc.prefetch_clusters(s, rows)
    return jsonify(items=[representation.list_item(c, principal) for c in rows], next_cursor=next_cursor)


@bp.get("/complaints/<tracking_id>")
@auth.roles(*VIEWERS, Role.SYSTEM)
def get_complaint(tracking_id: str):
    principal = auth.current()
    c = complaints_svc.get_complaint(tracking_id, session=db.session(), principal=principal)
    return jsonify(representation.detail(c, principal))


@bp.post("/complaints/<tracking_id>/disposition")
@auth.roles(Role.VERIFIER, Role.ADMIN)
def disposition(tracking_id: str):
    data = json_body(DispositionCreate)
    principal = auth.current()
    c = decisions.decide(tracking_id, data, session=db.session(), principal=principal,
                         deadlines=extensions.deadlines())
    return jsonify(representation.detail(c, principal))


@bp.post("/complaints/<tracking_id>/followup")
@auth.roles(Role.AGENCY_OFFICER)
def followup(tracking_id: str):
    data = json_body(FollowUpCreate)
    principal = auth.current()
    c = decisions.follow_up(tracking_id, data, session=db.session(), principal=principal,
                            deadlines=extensions.deadlines())
    return jsonify(representation.detail(c, principal))
