"""The triage service: `create_app()` builds the Flask application.

Production: `gunicorn -c python:api.gunicorn_conf -w 3 -b 0.0.0.0:8000 'api:create_app()'` (preloaded:
the model is loaded once and shared by the workers; run `triage db upgrade` first for
PostgreSQL; set PROMETHEUS_MULTIPROC_DIR to an empty directory so /metrics adds up all workers).
"""

from __future__ import annotations

import logging
import os

from flask import Flask

from api import extensions

log = logging.getLogger(__name__)


def create_app(test_config: dict | None = None) -> Flask:
    from api import config, db, errors, log_redaction, metrics
    from api.deadlines import DeadlinePolicy, WorkingCalendar
    from api.json_provider import JSONProvider

    log_redaction.install()  # before anything serves: access logs never keep ?api_key= and the like
    test_config = dict(test_config or {})
    instance_path = test_config.pop("INSTANCE_PATH", None) or os.environ.get("TRIAGE_INSTANCE_PATH")
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True)
    app.json = JSONProvider(app)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(config.from_env(app.instance_path))
    app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.secret_key(app.instance_path, os.environ)
    app.json.sort_keys = False
    log.info("starting with %s", config.describe(app.config))
    if app.config.get("BLAS_THREADS"):
        from triage.threads import limit_blas_threads

        limit_blas_threads(app.config["BLAS_THREADS"])  # small products per request: one thread each

    db.init_app(app)
    db.prepare_database(app)
    if "TIMEZONE" not in test_config:  # the office's own clock, stored by `triage setup`
        from api.office import service as office

        with extensions.sessionmaker(app)() as s:
            app.config["TIMEZONE"] = office.startup_timezone(s, app.config["TIMEZONE"], app.config["OFFICE_OVERRIDES"])

    calendar = WorkingCalendar(app.config["TIMEZONE"], app.config["HOLIDAYS"])
    app.extensions[extensions.DEADLINES] = DeadlinePolicy(calendar, app.config["VERIFY_DAYS"])
    app.extensions[extensions.MODEL] = app.config.get("MODEL_HOLDER") or _load_model(app.config["MODEL_PATH"])
    app.extensions[extensions.OPENAPI] = None  # built on its first request: no start waits for it

    errors.register(app)
    metrics.init_app(app)
    from api.v1 import blueprint as api_v1_blueprint
    from api.v1 import operations

    app.register_blueprint(api_v1_blueprint())
    from api.reports.views import bp as reports_bp

    app.register_blueprint(reports_bp)  # /reports: agency performance (issue 8)
    from api.imports.views import bp as imports_bp

    app.register_blueprint(imports_bp)  # /imports: LAPOR! import review list (issue 8)
    from api import registry

    registry.init_app(app)  # every worker follows the registry's active model
    from api.learning import sync as learning_sync

    learning_sync.init_app(app)  # ... and learns from every decision, through the database
    from api import monitoring

    monitoring.init_app(app)
    from api import console

    console.init_app(app)
    from api import open311

    open311.init_app(app)  # /open311/v2: GeoReport v2 (issue 8); after the console, for its CSRF guard
    # Probes and scrapers expect these at the root as well.
    app.add_url_rule("/healthz", "healthz", operations.healthz)
    app.add_url_rule("/readyz", "readyz", operations.readyz)
    app.add_url_rule("/metrics", "metrics", operations.metrics_view)
    from api import security

    security.init_app(app)  # headers, rate limits, login lockout (issue 9); last: it wraps the login view
    return app


def _load_model(path: str):
    """Load the bundle; if that fails the service still starts (intake stores, readyz says 503)."""
    from api.model_holder import ModelHolder

    holder = ModelHolder()
    try:
        holder.load(path)
    except Exception as exc:
        holder.last_error = f"{path}: {exc}"
        log.error("model not loaded from %s: %s", path, exc)
    return holder
