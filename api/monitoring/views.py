"""Monitoring views: a server-rendered page (/monitoring) and JSON (/api/v1/monitoring)."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request

from api import auth, db, extensions
from api.errors import ApiError
from api.monitoring import service as monitoring
from api.workflow import Role

bp = Blueprint("monitoring", __name__, template_folder="templates")


def _snapshot() -> dict:
    raw = request.args.get("weeks", "8")
    if not raw.isdigit() or not 1 <= int(raw) <= 52:
        raise ApiError(422, "validation_error", "weeks must be an integer from 1 to 52")
    weeks = int(raw)
    holder = extensions.holder()
    cache = extensions.monitoring_cache()
    version = holder.current.version if holder.current else None
    return cache.get((weeks, version), lambda: monitoring.snapshot(db.session(), holder, weeks=weeks))


@bp.get("/api/v1/monitoring")
@auth.roles(Role.ADMIN, Role.DATA_SCIENTIST, Role.SYSTEM)
def monitoring_json():
    return jsonify(_snapshot())


@bp.get("/monitoring")
@auth.roles(Role.ADMIN, Role.DATA_SCIENTIST)
def monitoring_page():
    from api import jobs, registry

    snap = _snapshot()
    s = db.session()
    return render_template("monitoring/index.html", snap=snap, activations=registry.history(s, 10), jobs=jobs.recent(s, 10),
                           labels=registry.label_report(extensions.holder()))
