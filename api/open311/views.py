"""GeoReport v2 endpoints under /open311/v2 (JSON only). Errors are `[{"code", "description"}]`.

`api_key` (query or form parameter) is one of our API keys (`triage keys create`); users may also
authenticate as on /api/v1. Reading needs credentials too (complaints are personal): an API key sees
the requests it submitted, staff what their role allows.
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from api import auth, db, extensions
from api.errors import ApiError
from api.open311 import service as svc
from api.schemas import ComplaintCreate
from api.services import complaints as complaints_svc
from api.services.errors import ServiceError
from api.services.intake import intake
from api.validation import validate
from api.workflow import Role

bp = Blueprint("open311", __name__, url_prefix="/open311/v2")
CREATE_ROLES = (Role.SYSTEM, Role.VERIFIER, Role.ADMIN)
READ_ROLES = (Role.SYSTEM, Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER)


def _errors(status: int, description: str):
    resp = jsonify([{"code": status, "description": description}])
    resp.status_code = status
    return resp


@bp.errorhandler(svc.Open311Error)
def _open311_error(e: svc.Open311Error):
    return _errors(e.status, e.description)


@bp.errorhandler(ApiError)
def _api_error(e: ApiError):
    return _errors(e.status, e.message)


@bp.errorhandler(ServiceError)
def _service_error(e: ServiceError):
    from api.errors import SERVICE_STATUS

    status = next(code for cls, code in SERVICE_STATUS.items() if isinstance(e, cls))
    return _errors(400 if status == 422 else status, e.message)


@bp.errorhandler(HTTPException)
def _http_error(e: HTTPException):
    return _errors(e.code or 500, e.description or e.name)


def _param(name: str) -> str | None:
    value = request.form.get(name) if request.form else None
    if value is None and request.is_json:
        body = request.get_json(silent=True) or {}
        value = body.get(name) if isinstance(body, dict) else None
    if value is None:
        value = request.args.get(name)
    value = value.strip() if isinstance(value, str) else value
    return value if value not in ("", None) else None


def _principal(roles: tuple[str, ...], action: str):
    key = _param("api_key")
    if key is not None:
        try:
            p = auth.from_api_key(key)  # the same key check as Bearer on /api/v1
        except ApiError:
            raise svc.Open311Error(403, f"Invalid api_key received -- can't proceed with {action}.") from None
    else:
        try:
            p = auth.current()
        except ApiError:
            raise svc.Open311Error(403, f"api_key is required for {action}.") from None
    if p.role not in roles:
        raise svc.Open311Error(403, f"role {p.role!r} may not {action.replace('_', ' ')}.")
    from flask import g

    g.principal = p
    return p


def _allowed(*roles):
    """Record the roles a view admits (the document's `x-roles`); `_principal` checks them."""

    def mark(view):
        view.roles = roles
        return view

    return mark


def _tz():
    return extensions.deadlines().calendar.tz


@bp.get("/services.json")
def services():
    return jsonify(svc.services(db.session()))


@bp.get("/services/<code>.json")
def service_definition(code: str):
    c = svc.category_for(db.session(), code)
    return jsonify({"service_code": svc.service_code(c.code), "attributes": []})


def _float(name: str, lo: float, hi: float) -> float | None:
    raw = _param(name)
    if raw is None:
        return None
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise svc.Open311Error(400, f"{name} must be a number, not {raw!r}") from None
    if not lo <= value <= hi:
        raise svc.Open311Error(400, f"{name} must be between {lo} and {hi}")
    return value


@bp.post("/requests.json")
@_allowed(*CREATE_ROLES)
def create_request():
    principal = _principal(CREATE_ROLES, "create_request")
    s = db.session()
    code = _param("service_code")
    if not code:
        raise svc.Open311Error(400, "service_code is required")
    category = svc.category_for(s, code)
    lat, lon = _float("lat", -90, 90), _float("long", -180, 180)
    address, address_id = _param("address_string"), _param("address_id")
    if (lat is None) != (lon is None):
        raise svc.Open311Error(400, "lat and long go together")
    if lat is None and not address and not address_id:
        raise svc.Open311Error(400, "a location is required: lat and long, address_string or address_id")
    description = _param("description")
    if not description:
        raise svc.Open311Error(400, "description is required: it is the text of the complaint")
    name = " ".join(x for x in (_param("first_name"), _param("last_name")) if x) or None
    reporter = {k: v for k, v in {"name": name, "email": _param("email"), "phone": _param("phone")}.items() if v}
    fields = {"text": description, "title": category.code[:200],
              "channel": "api" if principal.role == Role.SYSTEM else "web", "confidentiality": "public"}
    if reporter:
        fields["reporter"] = reporter
    try:
        data = validate(ComplaintCreate, fields)
    except ApiError as exc:
        raise svc.Open311Error(400, exc.message) from None
    token = request.headers.get("Idempotency-Key")
    result = intake(data, session=s, principal=principal, holder=extensions.holder(),
                    deadlines=extensions.deadlines(), idempotency_key=token)
    c = result.complaint
    if result.created:
        svc.record_open311(s, c, principal.actor, {
            "category": category.code, "service_code": svc.service_code(category.code), "lat": lat, "long": lon,
            "address": address, "address_id": address_id, "media_url": _param("media_url"),
            "device_id": _param("device_id"), "account_id": _param("account_id")})
    notice = f"Laporan diterima ({c.tracking_id}); diverifikasi dalam {current_app.config['VERIFY_DAYS']} hari kerja."
    resp = jsonify([{"service_request_id": c.tracking_id, "service_notice": notice, "account_id": None}])
    resp.status_code = 201 if result.created else 200
    return resp


@bp.get("/requests.json")
@_allowed(*READ_ROLES)
def list_requests():
    principal = _principal(READ_ROLES, "get_service_requests")
    tz = _tz()
    ids = _param("service_request_id")
    start, end = _param("start_date"), _param("end_date")

    def instant(value, field):
        try:
            return complaints_svc.parse_instant(value, field, tz) if value else None
        except ServiceError as exc:
            raise svc.Open311Error(400, exc.message) from None

    rows = svc.find_requests(
        db.session(), principal,
        ids=[i.strip() for i in ids.split(",") if i.strip()] if ids else None,
        code=_param("service_code"), start=instant(start, "start_date"), end=instant(end, "end_date"),
        status=_param("status"))
    return jsonify([svc.request_dict(c, principal, tz) for c in rows])


@bp.get("/requests/<request_id>.json")
@_allowed(*READ_ROLES)
def get_request(request_id: str):
    principal = _principal(READ_ROLES, "get_service_request")
    rows = svc.find_requests(db.session(), principal, ids=[request_id])
    if not rows:
        raise svc.Open311Error(404, f"no service request {request_id!r}")
    return jsonify([svc.request_dict(rows[0], principal, _tz())])
