"""Console pages. Thin: parse the request, call a service, render or redirect."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from flask import abort, current_app, flash, g, redirect, render_template, request, session, url_for
from werkzeug.exceptions import HTTPException

from api import access, auth, db, extensions, workflow
from api.agencies.service import agency_by_id, list_agencies
from api.console import bp, present
from api.duplicates.service import similar_dispatched
from api.errors import ApiError
from api.models import CHANNELS, User
from api.office import service as office
from api.schemas import DispositionCreate, FollowUpCreate
from api.services import accounts, decisions, logins, queue
from api.services import complaints as complaints_svc
from api.services.errors import Conflict, Invalid, NotFound, ServiceError
from api.validation import validate
from api.workflow import AWAITING_AGENCY, DECIDABLE, ROLE_LABELS_ID, USER_ROLES, Role, Status

VERIFIERS = (Role.VERIFIER, Role.ADMIN)
QUEUE_READERS = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST)
PAGE_SIZE = 50


def _me() -> User | None:
    """The logged-in account (for the page header), from the one principal loader in api.auth."""
    p = auth.principal_or_none()
    return db.session().get(User, p.id) if p is not None and p.kind == "user" else None


@bp.app_context_processor
def _globals():
    if "console" not in request.blueprints:
        return {}
    user = _me()
    return {"me": user, "office": office.identity(db.session()), "role_label": ROLE_LABELS_ID.get(user.role) if user else None, "labels": workflow,
            "present": present, "tz": _tz(), "pii_labels": present.PII_LABELS_ID, "see": see}


def see(c) -> access.ComplaintView:
    """The complaint as the logged-in user may see it (api.access): templates show titles, texts,
    snippets, reasons and follow-ups only through this. One view per complaint per request."""
    views = g.setdefault("complaint_views", {})
    if c.id not in views:
        views[c.id] = access.view_of(c, auth.principal_or_none())
    return views[c.id]


@bp.after_request
def _headers(resp):
    # Pages hold personal data: not cached, not framed, scripts and styles only from here.
    resp.headers.setdefault("Cache-Control", "no-store")
    resp.headers["X-Frame-Options"] = "DENY"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["Referrer-Policy"] = "same-origin"
    resp.headers["Content-Security-Policy"] = ("default-src 'self'; script-src 'self'; style-src 'self'; "
                                               "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'")
    return resp


ERROR_TITLES = {400: "Permintaan tidak sah", 403: "Akses ditolak", 404: "Tidak ditemukan", 405: "Metode tidak diizinkan",
                409: "Terjadi bentrokan", 422: "Data tidak lengkap", 500: "Terjadi kesalahan"}
ERROR_TEXTS = {
    403: "Akun Anda tidak berwenang membuka halaman atau melakukan tindakan ini.",
    404: "Halaman atau aduan yang Anda cari tidak ada, atau tidak dapat Anda akses.",
    405: "Tindakan ini tidak dapat dilakukan dengan cara tersebut.",
}


@bp.errorhandler(HTTPException)
def _http_error(e: HTTPException):
    code = e.code or 500
    text = ERROR_TEXTS.get(code, "Permintaan tidak dapat diproses.")
    if e.__class__.__name__ == "CSRFError":
        text = ("Formulir ini sudah kedaluwarsa atau tidak sah (token keamanan CSRF tidak cocok). "
                "Muat ulang halaman lalu ulangi tindakan Anda.")
    return render_template("console/error.html", code=code, title=ERROR_TITLES.get(code, "Kesalahan"), text=text), code


@bp.errorhandler(NotFound)
def _not_found(e):
    return _http_error(_code(404))


def _code(code: int) -> HTTPException:
    from werkzeug.exceptions import default_exceptions

    return default_exceptions[code]()


def _tz():
    return extensions.deadlines().calendar.tz


def _safe_next(target: str | None) -> str | None:
    if target and target.startswith("/console/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


def _home_for(user: User) -> str:
    return url_for("console.officer_queue" if user.role == Role.AGENCY_OFFICER else "console.queue_page")


# -- login / logout ------------------------------------------------------------------------------

@bp.get("/")
def home():
    user = _me()
    return redirect(_home_for(user) if user else url_for("console.login"))


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        # A locked username or address raises logins.LockedOut: api.security answers it (429).
        user = accounts.console_login(db.session(), request.form.get("username", "").strip(),
                                      request.form.get("password", ""), ip=request.remote_addr,
                                      policy=logins.Policy.from_config(current_app.config))
        if user is None:
            error = "Nama pengguna atau kata sandi salah, atau akun tidak aktif."
        else:
            session.clear()
            session.regenerate()  # a new id after login: a planted cookie is worthless
            session["user_id"] = user.id
            return redirect(_safe_next(request.args.get("next")) or _home_for(user))
    elif _me() is not None:
        return redirect(_home_for(_me()))
    return render_template("console/login.html", error=error), 200 if error is None else 401


@bp.post("/keluar")
def logout():
    session.clear()
    flash("Anda telah keluar.", "info")
    return redirect(url_for("console.login"))


# -- the queue -----------------------------------------------------------------------------------

def _queue_filters(args) -> queue.QueueFilters:
    """Filters from a query string or a form; values that make no sense are ignored."""
    f = queue.QueueFilters()
    band = args.get("band") or None
    f.band = band if band in (*queue.BANDS, "none") else None
    f.channel = args.get("channel") if args.get("channel") in CHANNELS else None
    f.agency = (args.get("agency") or "").strip().upper() or None
    f.status = args.get("status") if args.get("status") in queue.QUEUE_STATUSES else None
    try:
        hoax = float(args.get("hoax_min", "")) / 100
        f.hoax_min = hoax if 0 <= hoax <= 1 else None
    except ValueError:
        pass
    for name, attr, extra in (("from", "received_from", 0), ("to", "received_to", 1)):
        value = args.get(name) or ""
        try:
            day = present.parse_day(value)
        except ValueError:
            continue
        if not complaints_svc.YEARS[0] <= day.year <= complaints_svc.YEARS[1]:
            continue  # like a malformed date: ignored (and 9999-12-31 + 1 day would overflow)
        setattr(f, attr, dt.datetime.combine(day + dt.timedelta(days=extra), dt.time(), tzinfo=_tz()))
    return f


FILTER_ARGS = ("band", "channel", "agency", "status", "hoax_min", "from", "to")


def _filter_args(source) -> dict:
    """The filter part of the request, to carry from the queue to complaint pages and back."""
    return {k: source.get(k) for k in FILTER_ARGS if source.get(k)}


def _agencies():
    return list_agencies(db.session())


@bp.get("/antrian")
@auth.roles(*QUEUE_READERS)
def queue_page():
    s, p = db.session(), auth.current()
    f = _queue_filters(request.args)
    try:
        rows, next_cursor = queue.list_queue(s, p, f, limit=PAGE_SIZE, cursor=request.args.get("cursor"))
    except Invalid:
        abort(400)
    counts = queue.band_counts(s, p, f)
    args = _filter_args(request.args)
    return render_template("console/queue.html", rows=rows, counts=counts, args=args, f=f,
                           next_url=url_for("console.queue_page", **args, cursor=next_cursor) if next_cursor else None,
                           first_page=not request.args.get("cursor"), agencies=_agencies(),
                           channels=CHANNELS, qs=urlencode(args), now=dt.datetime.now(dt.UTC))


# -- one complaint -------------------------------------------------------------------------------

def _text_view(c):
    """What of the text this user sees: (segments, pii spans, masked?) or (None, [], True) if hidden.
    Masked text comes with the placeholders' spans, so the pieces are "[NIK]", never the value."""
    v = see(c)
    if v.hidden:
        return None, [], True
    return present.text_segments(v.text, v.spans, False), v.spans, v.masked


@bp.get("/aduan/<tracking_id>")
@auth.roles(*QUEUE_READERS)
def complaint_page(tracking_id: str):
    s, p = db.session(), auth.current()
    c = complaints_svc.get_complaint(tracking_id, session=s, principal=p)
    f = _queue_filters(request.args)
    in_queue = Status(c.status) in DECIDABLE
    prev_id, next_id = queue.neighbours(s, p, f, queue.encode_position(c) if in_queue else None, exclude_id=c.id)
    segments, spans, masked = _text_view(c)
    sug = c.suggestions[-1] if c.suggestions else None
    agencies = _agencies()
    similar_rows = similar_dispatched(c, session=s, holder=extensions.holder(), principal=p) if segments is not None else []
    conf_suggestion = complaints_svc.suggested_confidentiality(c) if segments is not None else None
    args = _filter_args(request.args)
    return render_template(
        "console/complaint.html", c=c, sug=sug.payload if sug else None, sug_row=sug, segments=segments,
        masked=masked, spans=spans, agencies=agencies, by_code={a.code: a for a in agencies},
        similar=similar_rows, conf_suggestion=conf_suggestion, in_queue=in_queue,
        can_decide=auth.current().role in VERIFIERS, show_contact=see(c).contact is not None,
        position=queue.encode_position(c), args=args, qs=urlencode(args),
        prev_url=url_for("console.complaint_page", tracking_id=prev_id, **args) if prev_id else None,
        next_url=url_for("console.complaint_page", tracking_id=next_id, **args) if next_id else None,
        now=dt.datetime.now(dt.UTC),
    )


ACTION_DONE_ID = {
    "confirm": "Aduan {id} dikonfirmasi dan didisposisikan ke {agency}.",
    "reassign": "Aduan {id} didisposisikan ke {agency}.",
    "archive": "Aduan {id} diarsipkan.",
    "hoax": "Aduan {id} ditandai sebagai hoaks.",
    "need_info": "Permintaan informasi tambahan untuk aduan {id} dicatat.",
}
INVALID_ID = {
    "reason_required": "Tindakan ini memerlukan alasan atau pesan. Isi kolom alasan lalu ulangi.",
    "agency_required": "Pilih instansi tujuan dari daftar terlebih dahulu.",
    "unknown_agency": "Instansi tersebut tidak ada atau tidak aktif. Pilih instansi lain dari daftar.",
    "no_suggestion": "Aduan ini tidak memiliki saran instansi; pilih instansi dari daftar.",
}


def _conflict_message(tracking_id: str) -> str:
    """Who decided first and what, in words a verifier understands."""
    try:
        c = complaints_svc.get_complaint(tracking_id, session=db.session(), principal=auth.current())
    except NotFound:
        return f"Aduan {tracking_id} sudah tidak tersedia."
    last = c.events[-1] if c.events else None
    who = last.actor.split(":", 1)[-1] if last else "petugas lain"
    return (f"Keputusan Anda tidak disimpan: aduan {tracking_id} sudah diproses lebih dulu oleh {who} "
            f"(status sekarang: {workflow.label(c.status)}). Periksa kembali sebelum bertindak.")


@bp.post("/aduan/<tracking_id>/tindakan")
@auth.roles(*VERIFIERS)
def decide(tracking_id: str):
    form = request.form
    action = form.get("action", "")
    if action not in workflow.ACTION_STATUS:
        abort(400)
    fields = {k: v for k, v in (("action", action), ("reason", form.get("reason")), ("agency", form.get("agency"))) if v}
    for name in ("suggestion_id", "version"):
        if form.get(name, "").isdigit():
            fields[name] = int(form[name])
    args = _filter_args(form)
    s, p = db.session(), auth.current()
    try:
        data = validate(DispositionCreate, fields)
    except ApiError as exc:
        flash(f"Tindakan tidak dapat disimpan: {exc.message}", "error")
        return redirect(url_for("console.complaint_page", tracking_id=tracking_id, **args), 303)
    try:
        c = decisions.decide(tracking_id, data, session=s, principal=p, deadlines=extensions.deadlines())
    except Conflict:
        s.rollback()
        flash(_conflict_message(tracking_id), "error")
        return redirect(url_for("console.complaint_page", tracking_id=tracking_id, **args), 303)
    except Invalid as exc:
        flash(INVALID_ID.get(exc.code, f"Tindakan tidak dapat disimpan: {exc.message}"), "error")
        return redirect(url_for("console.complaint_page", tracking_id=tracking_id, **args), 303)
    flash(ACTION_DONE_ID[action].format(id=tracking_id, agency=c.agency.name if c.agency else ""), "success")
    _prev, next_id = queue.neighbours(s, p, _queue_filters(form), form.get("position") or None, exclude_id=c.id)
    if next_id:
        return redirect(url_for("console.complaint_page", tracking_id=next_id, **args), 303)
    flash("Antrian sudah habis untuk filter ini.", "info")
    return redirect(url_for("console.queue_page", **args), 303)


@bp.post("/aduan/<tracking_id>/kerahasiaan")
@auth.roles(*VERIFIERS)
def set_confidentiality(tracking_id: str):
    form = request.form
    version = int(form["version"]) if form.get("version", "").isdigit() else None
    args = _filter_args(form)
    try:
        decisions.set_confidentiality(tracking_id, form.get("confidentiality", ""), session=db.session(),
                                      principal=auth.current(), version=version)
    except Conflict:
        db.session().rollback()
        flash(_conflict_message(tracking_id), "error")
    except Invalid:
        flash("Pilih salah satu tingkat kerahasiaan: Publik, Anonim atau Rahasia.", "error")
    else:
        label = workflow.CONFIDENTIALITY_LABELS_ID[form["confidentiality"]]
        flash(f"Kerahasiaan aduan {tracking_id} diubah menjadi {label}.", "success")
    return redirect(url_for("console.complaint_page", tracking_id=tracking_id, **args), 303)


# -- agency officers -----------------------------------------------------------------------------

@bp.get("/petugas")
@auth.roles(Role.AGENCY_OFFICER)
def officer_queue():
    s, p = db.session(), auth.current()
    f = complaints_svc.Filters(statuses=sorted(x.value for x in AWAITING_AGENCY), sort="due_at", limit=PAGE_SIZE,
                               cursor=request.args.get("cursor"))
    try:
        rows, next_cursor = complaints_svc.list_complaints(f, session=s, principal=p)
    except Invalid:
        abort(400)
    agency = agency_by_id(s, p.agency_id)
    return render_template("console/officer_queue.html", rows=rows, agency=agency,
                           next_url=url_for("console.officer_queue", cursor=next_cursor) if next_cursor else None,
                           now=dt.datetime.now(dt.UTC))


@bp.get("/petugas/aduan/<tracking_id>")
@auth.roles(Role.AGENCY_OFFICER)
def officer_complaint(tracking_id: str):
    s, p = db.session(), auth.current()
    c = complaints_svc.get_complaint(tracking_id, session=s, principal=p)
    segments, _spans, masked = _text_view(c)
    return render_template("console/officer_complaint.html", c=c, segments=segments, masked=masked,
                           show_contact=see(c).contact is not None,
                           can_answer=Status(c.status) in AWAITING_AGENCY, now=dt.datetime.now(dt.UTC))


FOLLOWUP_DONE_ID = {
    "in_progress": "Tindak lanjut aduan {id} dicatat.",
    "done": "Aduan {id} dicatat selesai ditangani.",
    "not_our_authority": "Aduan {id} dikembalikan ke verifikator sebagai bukan kewenangan.",
}


@bp.post("/petugas/aduan/<tracking_id>/tindak-lanjut")
@auth.roles(Role.AGENCY_OFFICER)
def officer_followup(tracking_id: str):
    status = request.form.get("status", "")
    if status not in FOLLOWUP_DONE_ID:
        abort(400)
    text = (request.form.get("text") or "").strip()
    if not text:
        flash("Isi keterangan tindak lanjut atau alasan terlebih dahulu.", "error")
        return redirect(url_for("console.officer_complaint", tracking_id=tracking_id), 303)
    try:
        data = validate(FollowUpCreate, {"status": status, "text": text})
    except ApiError as exc:
        flash(f"Tindak lanjut tidak disimpan: {exc.message}", "error")
        return redirect(url_for("console.officer_complaint", tracking_id=tracking_id), 303)
    s = db.session()
    try:
        decisions.follow_up(tracking_id, data, session=s, principal=auth.current(), deadlines=extensions.deadlines())
    except Conflict:
        s.rollback()
        flash(f"Tindak lanjut tidak disimpan: status aduan {tracking_id} sudah berubah. Periksa kembali.", "error")
        return redirect(url_for("console.officer_complaint", tracking_id=tracking_id), 303)
    flash(FOLLOWUP_DONE_ID[status].format(id=tracking_id), "success")
    return redirect(url_for("console.officer_queue"), 303)


# -- admin: accounts -----------------------------------------------------------------------------

@bp.route("/pengguna", methods=["GET", "POST"])
@auth.roles(Role.ADMIN)
def users_page():
    s = db.session()
    if request.method == "POST":
        form = request.form
        try:
            user = accounts.create_user(s, form.get("username", "").strip(), form.get("password", ""),
                                        form.get("role", ""), form.get("agency") or None)
        except (Invalid, Conflict) as exc:
            s.rollback()
            flash(f"Akun tidak dibuat: {exc.message}", "error")
        else:
            flash(f"Akun {user.username} dibuat.", "success")
        return redirect(url_for("console.users_page"), 303)
    return render_template("console/users.html", users=accounts.list_users(s), roles=USER_ROLES,
                           role_labels=ROLE_LABELS_ID, agencies=_agencies())


@bp.post("/pengguna/<username>/nonaktifkan")
@auth.roles(Role.ADMIN)
def deactivate_user(username: str):
    try:
        accounts.deactivate_user(db.session(), username)
    except NotFound:
        abort(404)
    flash(f"Akun {username} dinonaktifkan dan sesinya diakhiri.", "success")
    return redirect(url_for("console.users_page"), 303)


@bp.errorhandler(ServiceError)
def _service_error(e: ServiceError):
    status = 409 if isinstance(e, Conflict) else 422 if isinstance(e, Invalid) else 400
    return render_template("console/error.html", code=status, title=ERROR_TITLES.get(status, "Kesalahan"),
                           text="Permintaan tidak dapat diproses."), status
