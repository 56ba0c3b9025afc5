"""Health checks (no authentication) and Prometheus metrics."""

from __future__ import annotations

from flask import current_app, jsonify
from sqlalchemy import text

from api import auth, metrics
from api.principal import SYSTEM
from api.v1 import bp


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    checks = {}
    try:
        with current_app.extensions["triage.engine"].connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:  # any failure means "not ready", never a 500
        checks["database"] = f"unreachable: {exc.__class__.__name__}"
    holder = current_app.extensions["triage.model"]
    loaded = holder.current
    checks["model"] = f"{loaded.name} {loaded.version}" if loaded else f"not loaded: {holder.last_error or 'none'}"
    ready = checks["database"] == "ok" and loaded is not None
    resp = jsonify(status="ready" if ready else "not_ready", checks=checks)
    if not ready:
        resp.status_code = 503
        resp.headers["Retry-After"] = str(current_app.config["RETRY_AFTER_SECONDS"])
    return resp


@auth.roles("admin", "data_scientist", SYSTEM)
def metrics_view():
    return metrics.exposition()
