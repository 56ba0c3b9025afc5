"""The verifier console: server-rendered pages for verifiers, agency officers and admins.

Views translate HTTP to service calls (api.services.*) and back; labels come from api.workflow,
access rules from api.access. Sessions are server-side (api.console.sessions); every form carries
a CSRF token (Flask-WTF's CSRFProtect); the JSON API is exempt from the form check and guards its
cookie-authenticated writes itself (api.auth: X-CSRFToken header).
"""

from __future__ import annotations

from flask import Blueprint, Flask, redirect, url_for
from flask_wtf.csrf import CSRFProtect

bp = Blueprint("console", __name__, url_prefix="/console", template_folder="../templates")
csrf = CSRFProtect()


def blueprint() -> Blueprint:
    """Feature packages' console pages nested under /console with the console's login, headers and errors
    (once per process, before registration)."""
    if not bp._blueprints:  # noqa: SLF001 - Flask keeps nested blueprints there
        from api.agencies.views import console_bp as agencies
        from api.hoaxes.views import console_bp as hoaxes
        from api.learning.views import console_bp as learning
        from api.office.views import console_bp as office

        for child in (agencies, hoaxes, learning, office):
            bp.register_blueprint(child)
    return bp


def init_app(app: Flask) -> None:
    from api.console import sessions
    from api.v1 import bp as api_v1

    app.session_interface = sessions.ServerSessionInterface()
    # A verifier keeps one page open for hours: the token lives as long as the (server-side) session.
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    csrf.init_app(app)
    from api.console import views  # noqa: F401  (routes register on import)

    app.register_blueprint(blueprint())
    # Bearer/Basic callers have no form token; api.auth checks the X-CSRFToken header on cookie writes.
    for name, registered in app.blueprints.items():
        if name == api_v1.name or name.startswith(api_v1.name + "."):
            csrf.exempt(registered)
    app.add_url_rule("/", "root", lambda: redirect(url_for("console.home")))
