"""The /api/v1 blueprint: JSON in, JSON out; views only translate HTTP to service calls.

This is the router: the core routes register on import below, and each feature package's JSON
blueprint is nested here (Dispatch style), so every JSON route shares the prefix, the error format
and the CSRF exemption."""

from flask import Blueprint

bp = Blueprint("api_v1", __name__, url_prefix="/api/v1")

from api.v1 import complaints, docs, operations, reference  # noqa: E402,F401  (routes register on import)


def blueprint() -> Blueprint:
    """The router with every feature's JSON blueprint nested (once per process, before registration)."""
    if not bp._blueprints:  # noqa: SLF001 - Flask keeps nested blueprints there
        from api.agencies.views import api_bp as agencies
        from api.duplicates.views import api_bp as duplicates
        from api.hoaxes.views import api_bp as hoaxes
        from api.learning.views import api_bp as learning

        for child in (agencies, duplicates, hoaxes, learning):
            bp.register_blueprint(child)
    return bp
