"""Agency directory views: `GET /api/v1/agencies`, the console's agency overview (`/console/instansi`) and the
admin's directory page (`/console/instansi/kelola`: add, edit, deactivate, merge). The page validates with
the same schema and service as `triage agencies import` (api.agencies.schemas, api.agencies.directory)."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from pydantic import ValidationError

from api import auth, db
from api.agencies import directory
from api.agencies.schemas import LABELS, MAX_DEADLINE_DAYS, AgencyIn, error_messages
from api.agencies.service import agency_by_code, list_agencies
from api.agencies.stats import agency_stats
from api.workflow import Role

api_bp = Blueprint("agencies", __name__)
console_bp = Blueprint("agencies", __name__, template_folder="templates")

ANY_ROLE = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER, Role.SYSTEM)
OVERVIEW_READERS = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST)


def agency_json(a) -> dict:
    return {"code": a.code, "name": a.name, "aliases": a.aliases or [], "parent": a.parent, "kind": a.kind,
            "deadline_days": a.deadline_days, "active": a.active}


@api_bp.get("/agencies")
@auth.roles(*ANY_ROLE)
def agencies():
    return jsonify(items=[agency_json(a) for a in list_agencies(db.session())])


@console_bp.get("/instansi")
@auth.roles(*OVERVIEW_READERS)
def overview():
    rows = agency_stats(db.session())
    return render_template("agencies/overview.html", rows=rows,
                           totals={k: sum(getattr(r, k) for r in rows) for k in ("open", "overdue", "closed", "returned")},
                           now=dt.datetime.now(dt.UTC))


# -- admin: the directory ----------------------------------------------------------------------------

FORM_FIELDS = ("code", "name", "aliases", "parent", "type", "deadline_days", "keywords", "description")
HISTORY_LABELS = {**LABELS, "merged_into": "digabung ke", "merged_from": "gabungan dari", "reason": "alasan"}
ACTIONS_ID = {"create": "dibuat", "update": "diubah", "deactivate": "dinonaktifkan", "reactivate": "diaktifkan lagi",
              "merge": "digabung"}


def _form_values(form) -> dict:
    """The form as typed (kept on an error); aliases and keywords one per line."""
    return {f: (form.get(f) or "").strip() for f in FORM_FIELDS}


def _validate(values: dict) -> tuple[AgencyIn | None, dict[str, str]]:
    data = {k: v for k, v in values.items() if v != "" or k in ("aliases", "keywords", "description", "parent", "type")}
    try:
        return AgencyIn.model_validate(data), {}
    except ValidationError as exc:
        return None, error_messages(exc)


def _manage_page(values=None, errors=None, merge_errors=None, merge_values=None, status=200):
    s = db.session()
    from triage.routing.agency_types import load_agency_types

    return render_template("agencies/manage.html", agencies=list_agencies(s), values=values or {},
                           errors=errors or {}, merge_errors=merge_errors or {}, merge_values=merge_values or {},
                           labels=HISTORY_LABELS, types=load_agency_types().types, max_deadline=MAX_DEADLINE_DAYS,
                           history=directory.history(s, limit=20), actions=ACTIONS_ID), status


def _edit_page(agency, values, errors=None, status=200):
    from triage.routing.agency_types import load_agency_types

    s = db.session()
    return render_template("agencies/edit.html", agency=agency, values=values, errors=errors or {},
                           labels=HISTORY_LABELS,
                           types=load_agency_types().types, max_deadline=MAX_DEADLINE_DAYS,
                           agencies=list_agencies(s, active_only=True), history=directory.history(s, agency.code),
                           actions=ACTIONS_ID), status


def _service_errors(exc: directory.DirectoryInvalid) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in exc.problems:
        out.setdefault(p.field or "_", p.message)
    return out


@console_bp.get("/instansi/kelola")
@auth.roles(Role.ADMIN)
def manage():
    return _manage_page()


@console_bp.post("/instansi/kelola")
@auth.roles(Role.ADMIN)
def create():
    values = _form_values(request.form)
    agency, errors = _validate(values)
    if agency is not None:
        s = db.session()
        try:
            directory.save_agency(s, agency, actor=auth.current().actor)
        except directory.DirectoryInvalid as exc:
            s.rollback()
            errors = _service_errors(exc)
    if errors:
        return _manage_page(values=values, errors=errors, status=422)
    flash(f"Instansi {agency.code} ditambahkan.", "success")
    return redirect(url_for("console.agencies.manage"), 303)


def _values_of(a) -> dict:
    return {"code": a.code, "name": a.name, "aliases": "\n".join(a.aliases or []), "parent": a.parent or "",
            "type": (a.type or "").replace("|", " | "), "deadline_days": str(a.deadline_days),
            "keywords": "\n".join(a.keywords or []), "description": a.description or ""}


@console_bp.get("/instansi/kelola/<code>")
@auth.roles(Role.ADMIN)
def edit(code: str):
    a = agency_by_code(db.session(), code)
    if a is None:
        abort(404)
    return _edit_page(a, _values_of(a))


@console_bp.post("/instansi/kelola/<code>")
@auth.roles(Role.ADMIN)
def update(code: str):
    s = db.session()
    a = agency_by_code(s, code)
    if a is None:
        abort(404)
    values = {**_form_values(request.form), "code": code}  # the code is not edited here (rename keeps history)
    agency, errors = _validate(values)
    if agency is not None:
        try:
            change = directory.save_agency(s, agency, actor=auth.current().actor, existing_code=code)
        except directory.DirectoryInvalid as exc:
            s.rollback()
            errors = _service_errors(exc)
    if errors:
        return _edit_page(a, values, errors, status=422)
    flash(directory.describe(change) if change.action != "unchanged" else f"{code}: tidak ada yang berubah.", "success")
    return redirect(url_for("console.agencies.manage"), 303)


@console_bp.post("/instansi/kelola/<code>/status")
@auth.roles(Role.ADMIN)
def set_status(code: str):
    active = request.form.get("active") == "1"
    s = db.session()
    try:
        directory.set_active(s, code, active, actor=auth.current().actor)
    except directory.DirectoryInvalid as exc:
        s.rollback()
        flash(f"{code} tidak diaktifkan: {exc.problems[0].message}", "error")
        return redirect(url_for("console.agencies.manage"), 303)
    flash(f"Instansi {code} {'diaktifkan lagi' if active else 'dinonaktifkan'}.", "success")
    return redirect(url_for("console.agencies.manage"), 303)


@console_bp.post("/instansi/kelola/gabung")
@auth.roles(Role.ADMIN)
def merge():
    olds = request.form.getlist("olds")
    into = (request.form.get("into") or "").strip()
    reason = (request.form.get("reason") or "").strip()[:2000]
    s = db.session()
    try:
        directory.merge(s, olds, into, reason=reason, actor=auth.current().actor)
    except directory.DirectoryInvalid as exc:
        s.rollback()
        return _manage_page(merge_errors=_service_errors(exc), merge_values={"olds": olds, "into": into,
                                                                             "reason": reason}, status=422)
    flash(f"{', '.join(olds)} digabung ke {into}; keputusan lama dilabeli ulang untuk pelatihan.", "success")
    return redirect(url_for("console.agencies.manage"), 303)
