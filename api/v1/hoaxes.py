"""Hoax handling: review list, confirmation with a standard clarification, counts (issue 7)."""

from __future__ import annotations

from flask import current_app, jsonify, request

from api import auth, db
from api.errors import ApiError
from api.services import complaints as complaints_svc
from api.services import hoax_templates, hoaxes
from api.v1 import bp, context, representation
from api.validation import json_body


def _clarification_json(h) -> dict:
    return {"id": h.id, "template": h.template, "topic": h.topic, "text": h.text,
            "hoax_probability": h.hoax_probability, "actor": h.actor, "created_at": representation.iso(h.created_at)}


@bp.get("/hoaxes")
@auth.roles("verifier", "admin", "data_scientist")
def hoax_list():
    status = request.args.get("status", "pending")
    if status not in hoaxes.STATUSES:
        raise ApiError(422, "validation_error", f"status: one of {', '.join(hoaxes.STATUSES)}",
                       [{"field": "status", "code": "enum"}])
    raw_limit, raw_before = request.args.get("limit", "50"), request.args.get("before")
    if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= 200:
        raise ApiError(422, "validation_error", "limit: 1..200", [{"field": "limit", "code": "range"}])
    if raw_before is not None and not raw_before.isdigit():
        raise ApiError(422, "validation_error", "before: an id", [{"field": "before", "code": "format"}])
    principal = auth.current()
    s = db.session()
    rows, nxt = hoaxes.review_list(s, principal, status, int(raw_limit), int(raw_before) if raw_before else None)
    clar = hoaxes.clarifications(s, [c.id for c in rows])
    items = [{**representation.summary(c, principal), "reasons": hoaxes.reasons(c),
              "clarifications": [_clarification_json(h) for h in clar.get(c.id, [])]} for c in rows]
    return jsonify(status=status, threshold=hoaxes.threshold(), items=items, next_before=nxt)


@bp.get("/hoaxes/templates")
@auth.roles("verifier", "admin", "data_scientist")
def hoax_templates_list():
    return jsonify(items=[{"code": k, "topic": v["topic"], "title": v["title"], "text": v["text"]}
                          for k, v in hoax_templates.TEMPLATES.items()])


@bp.post("/hoaxes/<tracking_id>/confirm")
@auth.roles("verifier", "admin")
def hoax_confirm(tracking_id: str):
    data = json_body("HoaxConfirm")
    principal = auth.current()
    c, h = hoaxes.confirm(db.session(), tracking_id, data, principal=principal, deadlines=context.deadlines())
    return jsonify(complaint=representation.summary(c, principal), clarification=_clarification_json(h)), 201


@bp.get("/hoaxes/stats")
@auth.roles("verifier", "admin", "data_scientist")
def hoax_stats():
    tz = current_app.extensions["triage.deadlines"].calendar.tz
    start = request.args.get("from")
    end = request.args.get("to")
    return jsonify(hoaxes.stats(
        db.session(),
        complaints_svc.parse_instant(start, "from", tz) if start else None,
        complaints_svc.parse_instant(end, "to", tz) if end else None,
        tz,
    ))
