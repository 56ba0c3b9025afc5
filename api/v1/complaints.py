"""Classification, intake, listing, reading and deciding on complaints."""

from __future__ import annotations

from flask import current_app, jsonify, request, url_for

from api import access, auth, db, extensions
from api.duplicates import service as duplicates_svc
from api.errors import ApiError
from api.services import complaints as complaints_svc
from api.services import decisions
from api.services.classify import classify as classify_items
from api.services.intake import intake
from api.v1 import bp, representation
from api.validation import json_body, query_args
from api.workflow import Role

VIEWERS = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER)


@bp.post("/classify")
@auth.roles(Role.SYSTEM, Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST)
def classify():
    data = json_body("ClassifyRequest")
    if "items" in data:
        return jsonify(suggestions=classify_items(extensions.holder(), data["items"]),
                       personal_data=[representation.personal_data(i["text"]) for i in data["items"]])
    [suggestion] = classify_items(extensions.holder(), [data])
    return jsonify(suggestion=suggestion, **representation.personal_data(data["text"]))


@bp.post("/complaints")
@auth.roles(Role.SYSTEM, Role.VERIFIER, Role.ADMIN)
def create_complaint():
    data = json_body("ComplaintCreate")
    key = request.headers.get("Idempotency-Key")
    if key is not None and not (0 < len(key) <= 200):
        raise ApiError(422, "validation_error", "Idempotency-Key must be 1..200 characters",
                       [{"field": "Idempotency-Key", "code": "maxLength"}])
    result = intake(db.session(), data, principal=auth.current(), holder=extensions.holder(),
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
    args = query_args("ComplaintQuery")
    tz = extensions.deadlines().calendar.tz
    limit = int(args.get("limit", 50))
    if not 1 <= limit <= current_app.config["PAGE_SIZE_MAX"]:
        raise ApiError(422, "validation_error", f"limit: must be 1..{current_app.config['PAGE_SIZE_MAX']}",
                       [{"field": "limit", "code": "range"}])
    f = complaints_svc.Filters(
        statuses=args["status"].split(",") if args.get("status") else None,
        agency=args.get("agency"),
        band=args.get("band"),
        overdue={"true": True, "false": False}.get(args.get("overdue", "")),
        received_from=complaints_svc.parse_instant(args["received_from"], "received_from", tz)
        if args.get("received_from") else None,
        received_to=complaints_svc.parse_instant(args["received_to"], "received_to", tz)
        if args.get("received_to") else None,
        sort=args.get("sort", "-received_at"),
        limit=limit,
        cursor=args.get("cursor"),
    )
    principal = auth.current()
    rows, next_cursor = complaints_svc.list_complaints(db.session(), principal, f)
    duplicates_svc.prefetch_clusters(db.session(), rows)
    items = []
    for c in rows:
        item = representation.summary(c, principal)
        see = access.may_see_text(c, principal)
        item.update(representation.personal_data(c.text) if see else {"pii": None, "masked_text": None})
        items.append(item)
    return jsonify(items=items, next_cursor=next_cursor)


@bp.get("/complaints/<tracking_id>")
@auth.roles(*VIEWERS, Role.SYSTEM)
def get_complaint(tracking_id: str):
    principal = auth.current()
    c = complaints_svc.get_complaint(db.session(), tracking_id, principal)
    return jsonify(representation.detail(c, principal))


@bp.post("/complaints/<tracking_id>/disposition")
@auth.roles(Role.VERIFIER, Role.ADMIN)
def disposition(tracking_id: str):
    data = json_body("DispositionCreate")
    principal = auth.current()
    c = decisions.decide(db.session(), tracking_id, data, principal=principal, deadlines=extensions.deadlines())
    return jsonify(representation.detail(c, principal))


@bp.post("/complaints/<tracking_id>/followup")
@auth.roles(Role.AGENCY_OFFICER)
def followup(tracking_id: str):
    data = json_body("FollowUpCreate")
    principal = auth.current()
    c = decisions.follow_up(db.session(), tracking_id, data, principal=principal, deadlines=extensions.deadlines())
    return jsonify(representation.detail(c, principal))
