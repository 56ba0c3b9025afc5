"""Health checks (no authentication) and Prometheus metrics."""

from __future__ import annotations

from flask import current_app, jsonify
from sqlalchemy import text

from api import auth, extensions, metrics
from api.v1 import bp
from api.workflow import Role


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    checks = {}
    try:
        with extensions.engine().connect() as conn:
            conn.execute(text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as exc:  # any failure means "not ready", never a 500
        checks["database"] = f"unreachable: {exc.__class__.__name__}"
    holder = extensions.holder()
    loaded = holder.current
    checks["model"] = f"{loaded.name} {loaded.version}" if loaded else f"not loaded: {holder.last_error or 'none'}"
    ready = checks["database"] == "ok" and loaded is not None
    resp = jsonify(status="ready" if ready else "not_ready", checks=checks)
    if not ready:
        resp.status_code = 503
        resp.headers["Retry-After"] = str(current_app.config["RETRY_AFTER_SECONDS"])
    return resp


@auth.roles(Role.ADMIN, Role.DATA_SCIENTIST, Role.SYSTEM)
def metrics_view():
    return metrics.exposition()
