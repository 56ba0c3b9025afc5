"""Health checks (no authentication) and Prometheus metrics."""

from __future__ import annotations

import os

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
    """Ready when the database answers and a model is loaded. Anonymous callers see states only: no
    exception text, no file path (issue 14, item 15); the reason a model is missing is in the log."""
    engine = extensions.engine()
    checks = {"database": _database_state(engine)}
    loaded = extensions.holder().current
    checks["model"] = "ready" if loaded is not None else "not_ready"
    if loaded is not None:
        checks["model_version"] = loaded.version
    ready = checks["database"] == "ok" and loaded is not None
    resp = jsonify(status="ready" if ready else "not_ready", checks=checks)
    if not ready:
        resp.status_code = 503
        resp.headers["Retry-After"] = str(current_app.config["RETRY_AFTER_SECONDS"])
    return resp


def _database_state(engine) -> str:
    url = engine.url
    # SQLite creates an empty file where the database was deleted, and an open connection still reads
    # the deleted one: only the file on disk tells whether the data is there.
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
            and not url.database.startswith("file:") and not os.path.isfile(url.database):
        return "missing"
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return "ok"
    except Exception as exc:  # any failure means "not ready", never a 500
        return f"unreachable: {exc.__class__.__name__}"


@auth.roles(Role.ADMIN, Role.DATA_SCIENTIST, Role.SYSTEM)
def metrics_view():
    return metrics.exposition()
