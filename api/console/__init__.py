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


def init_app(app: Flask) -> None:
    from api.console import sessions
    from api.v1 import bp as api_v1

    app.session_interface = sessions.ServerSessionInterface()
    # A verifier keeps one page open for hours: the token lives as long as the (server-side) session.
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    csrf.init_app(app)
    csrf.exempt(api_v1)  # bearer/basic callers have no form token; api.auth checks cookie writes
    from api.console import hoaxes, views  # noqa: F401  (routes register on import; hoaxes: issue 7)

    app.register_blueprint(bp)
    app.add_url_rule("/", "root", lambda: redirect(url_for("console.home")))
