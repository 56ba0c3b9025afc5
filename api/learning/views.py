"""What learning from decisions did, and the admin's switch: `GET/POST /api/v1/learning` and the console's
page (`/console/pembelajaran`)."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, url_for

from api import auth, db, extensions
from api.learning import service as learning
from api.learning.schemas import LearningSwitch
from api.validation import json_body
from api.workflow import Role

api_bp = Blueprint("learning", __name__)
console_bp = Blueprint("learning", __name__, template_folder="templates")
KINDS_ID = {"refit_promoted": "Model baru dipakai", "refit_refused": "Model baru ditolak",
            "refit_failed": "Pelatihan ulang gagal", "switched": "Diubah"}


def status(s) -> dict:
    sync = extensions.learning_sync()
    router = sync.router if sync is not None else None
    return {
        "enabled": learning.enabled(s, current_app.config.get("LEARNING")),
        "forced": current_app.config.get("LEARNING"),
        "decisions_in_memory": router.decisions if router is not None else 0,
        "blend": router.blend_state() if router is not None else None,
        "decisions_since_refit": learning.decisions_since(s, learning.last_refit_at(s)),
        "settings": sync.settings.to_dict() if sync is not None else {},
        "events": learning.timeline(s),
    }


@api_bp.get("/learning")
@auth.roles(Role.ADMIN, Role.DATA_SCIENTIST)
def learning_status():
    return jsonify(status(db.session()))


@api_bp.post("/learning")
@auth.roles(Role.ADMIN)
def learning_switch():
    data = json_body(LearningSwitch)
    s = db.session()
    learning.switch(s, data.enabled, actor=auth.current().actor, reason=data.reason)
    sync = extensions.learning_sync()
    if sync is not None:
        sync.refresh()  # this process at once; the others within LEARNING_CHECK_SECONDS
    return jsonify(status(s))


@console_bp.get("/pembelajaran")
@auth.roles(Role.ADMIN, Role.DATA_SCIENTIST)
def page():
    return render_template("learning/page.html", st=status(db.session()), kinds=KINDS_ID,
                           can_switch=auth.current().role == Role.ADMIN)


@console_bp.post("/pembelajaran")
@auth.roles(Role.ADMIN)
def switch():
    on = request.form.get("enabled") == "1"
    reason = (request.form.get("reason") or "").strip()[:2000] or None
    learning.switch(db.session(), on, actor=auth.current().actor, reason=reason)
    sync = extensions.learning_sync()
    if sync is not None:
        sync.refresh()
    flash("Pembelajaran dari keputusan dinyalakan." if on else "Pembelajaran dari keputusan dimatikan.", "success")
    return redirect(url_for("console.learning.page"), 303)
