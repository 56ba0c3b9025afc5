"""Hoax views: the JSON API (review list, confirmation with a standard clarification, counts) and the
console's review page (`/console/hoaks`; confirmation goes through the JSON API)."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from api import auth, db, extensions
from api.hoaxes import clarification_texts
from api.hoaxes import service as hoaxes
from api.hoaxes.schemas import HoaxConfirm, HoaxQuery, HoaxStatsQuery
from api.services import complaints as complaints_svc
from api.v1 import representation
from api.validation import json_body, query_args
from api.workflow import Role

api_bp = Blueprint("hoaxes", __name__)
console_bp = Blueprint("hoaxes", __name__, template_folder="templates")
READERS = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST)


def _clarification_json(h) -> dict:
    return {"id": h.id, "template": h.template, "topic": h.topic, "text": h.text,
            "hoax_probability": h.hoax_probability, "actor": h.actor, "created_at": representation.iso(h.created_at)}


@api_bp.get("/hoaxes")
@auth.roles(*READERS)
def hoax_list():
    q = query_args(HoaxQuery)
    principal = auth.current()
    s = db.session()
    rows, nxt = hoaxes.review_list(q.status, q.limit, q.before, session=s, principal=principal)
    clar = hoaxes.clarifications([c.id for c in rows], session=s)
    items = [{**representation.summary(c, principal), "reasons": hoaxes.reasons(c),
              "clarifications": [_clarification_json(h) for h in clar.get(c.id, [])]} for c in rows]
    return jsonify(status=q.status, threshold=hoaxes.threshold(), items=items, next_before=nxt)


@api_bp.get("/hoaxes/templates")
@auth.roles(*READERS)
def hoax_templates_list():
    return jsonify(items=[{"code": k, "topic": v["topic"], "title": v["title"], "text": v["text"]}
                          for k, v in clarification_texts.TEMPLATES.items()])


@api_bp.post("/hoaxes/<tracking_id>/confirm")
@auth.roles(Role.VERIFIER, Role.ADMIN)
def hoax_confirm(tracking_id: str):
    data = json_body(HoaxConfirm)
    principal = auth.current()
    c, h = hoaxes.confirm(tracking_id, data, session=db.session(), principal=principal,
                          deadlines=extensions.deadlines())
    return jsonify(complaint=representation.summary(c, principal), clarification=_clarification_json(h)), 201


@api_bp.get("/hoaxes/stats")
@auth.roles(*READERS)
def hoax_stats():
    q = query_args(HoaxStatsQuery)
    tz = extensions.deadlines().calendar.tz
    return jsonify(hoaxes.stats(
        complaints_svc.parse_instant(q.start, "from", tz) if q.start else None,
        complaints_svc.parse_instant(q.end, "to", tz) if q.end else None,
        tz, session=db.session()))


@console_bp.get("/hoaks")
@auth.roles(*READERS)
def review():
    status = request.args.get("status", "pending")
    if status not in hoaxes.STATUSES:
        status = "pending"
    s = db.session()
    rows, _next = hoaxes.review_list(status, 100, session=s, principal=auth.current())
    clar = hoaxes.clarifications([c.id for c in rows], session=s)
    items = [{"c": c, "reasons": hoaxes.reasons(c), "clarifications": clar.get(c.id, [])} for c in rows]
    stats = hoaxes.stats(None, None, extensions.deadlines().calendar.tz, session=s)
    return render_template("hoaxes/review.html", items=items, status=status, statuses=hoaxes.STATUSES,
                           threshold=hoaxes.threshold(), stats=stats, templates=clarification_texts.TEMPLATES)
