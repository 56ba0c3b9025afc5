"""Monitoring for data scientists: a server-rendered page (/monitoring) and JSON (/api/v1/monitoring)."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request

from api import auth, db
from api.errors import ApiError
from api.principal import SYSTEM
from api.services import monitoring

bp = Blueprint("monitoring", __name__)


def _snapshot() -> dict:
    raw = request.args.get("weeks", "8")
    if not raw.isdigit() or not 1 <= int(raw) <= 52:
        raise ApiError(422, "validation_error", "weeks must be an integer from 1 to 52")
    weeks = int(raw)
    holder = current_app.extensions["triage.model"]
    cache = current_app.extensions["triage.monitoring_cache"]
    version = holder.current.version if holder.current else None
    return cache.get((weeks, version), lambda: monitoring.snapshot(db.session(), holder, weeks=weeks))


@bp.get("/api/v1/monitoring")
@auth.roles("admin", "data_scientist", SYSTEM)
def monitoring_json():
    return jsonify(_snapshot())


@bp.get("/monitoring")
@auth.roles("admin", "data_scientist")
def monitoring_page():
    from sqlalchemy import select

    from api.models import JobRecord
    from api.services import registry

    snap = _snapshot()
    s = db.session()
    recent_jobs = s.scalars(select(JobRecord).order_by(JobRecord.id.desc()).limit(10)).all()
    return render_template("monitoring/index.html", snap=snap, activations=registry.history(s, 10), jobs=recent_jobs,
                           labels=registry.label_report(current_app.extensions["triage.model"]))


def init_app(app) -> None:
    app.extensions["triage.monitoring_cache"] = monitoring.Cache(
        0 if app.config.get("TESTING") else monitoring.CACHE_SECONDS)
    app.register_blueprint(bp)
