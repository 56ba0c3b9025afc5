"""Monitoring views: a server-rendered page (/monitoring) and JSON (/api/v1/monitoring)."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template

from api import auth, db, extensions
from api.monitoring import service as monitoring
from api.monitoring.schemas import MonitoringQuery
from api.validation import query_args
from api.workflow import Role

bp = Blueprint("monitoring", __name__, template_folder="templates")


def _snapshot() -> dict:
    weeks = query_args(MonitoringQuery).weeks
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
