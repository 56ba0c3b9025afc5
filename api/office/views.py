"""The admin's page for the office identity: `/console/kantor` (admin only, CSRF like every console form)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for

from api import auth, db
from api.office import service as office
from api.office.schemas import FIELD_LABELS_ID, INDONESIAN_ZONES
from api.services.errors import Invalid
from api.workflow import Role

console_bp = Blueprint("office", __name__, template_folder="templates")


def _page(values: dict, errors: dict[str, str], status: int = 200):
    current = office.identity(db.session())
    return render_template("office/settings.html", values=values, errors=errors, current=current,
                           labels=FIELD_LABELS_ID, zones=INDONESIAN_ZONES), status


@console_bp.get("/kantor")
@auth.roles(Role.ADMIN)
def settings_page():
    s = db.session()
    saved = office.stored(s)
    values = saved.model_dump() if saved is not None else {}
    return _page(values, {})


@console_bp.post("/kantor")
@auth.roles(Role.ADMIN)
def save():
    values = {f: request.form.get(f, "") for f in office.FIELDS}
    try:
        data = office.validate(values)
    except Invalid as exc:
        errors = {d["field"]: d["message"] for d in exc.details}
        return _page(values, errors, 422)
    office.save(db.session(), data, actor=auth.current().actor)
    flash("Pengaturan kantor disimpan. Perubahan zona waktu berlaku setelah layanan dijalankan ulang.", "success")
    return redirect(url_for("console.office.settings_page"), 303)
