"""JSON views of the import review list and recent batches (`/imports/...`)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from api import auth, db
from api.imports import reviews as svc
from api.workflow import Role

bp = Blueprint("imports", __name__, url_prefix="/imports")
ROLES = (Role.ADMIN, Role.VERIFIER, Role.DATA_SCIENTIST)


@bp.get("/reviews.json")
@auth.roles(*ROLES)
def review_list():
    status = request.args.get("status", "pending")
    rows = svc.list_reviews(db.session(), None if status == "all" else status)
    return jsonify(items=[svc.review_dict(r) for r in rows])


@bp.get("/batches.json")
@auth.roles(*ROLES)
def batch_list():
    return jsonify(items=[svc.batch_dict(b) for b in svc.list_batches(db.session())])
