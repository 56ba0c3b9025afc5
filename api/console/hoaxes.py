"""Console page: the hoax review list (issue 7). Confirmation goes through the JSON API
(`POST /api/v1/hoaxes/{tracking_id}/confirm`); this page lists, shows reasons and counts."""

from __future__ import annotations

from flask import current_app, render_template, request

from api import db
from api.console import bp
from api.console.views import QUEUE_READERS, _principal, require
from api.services import hoax_templates, hoaxes


@bp.get("/hoaks")
@require(*QUEUE_READERS)
def hoaxes_page():
    status = request.args.get("status", "pending")
    if status not in hoaxes.STATUSES:
        status = "pending"
    s = db.session()
    rows, _next = hoaxes.review_list(s, _principal(), status, limit=100)
    clar = hoaxes.clarifications(s, [c.id for c in rows])
    items = [{"c": c, "reasons": hoaxes.reasons(c), "clarifications": clar.get(c.id, [])} for c in rows]
    stats = hoaxes.stats(s, None, None, current_app.extensions["triage.deadlines"].calendar.tz)
    return render_template("console/hoaxes.html", items=items, status=status, statuses=hoaxes.STATUSES,
                           threshold=hoaxes.threshold(), stats=stats, templates=hoax_templates.TEMPLATES)
