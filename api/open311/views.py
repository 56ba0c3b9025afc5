"""GeoReport v2 endpoints under /open311/v2, each in `.json` and `.xml`; discovery at /open311/discovery.

Errors are GeoReport error arrays, `[{"code", "description"}]` (`<errors><error>` in XML), one item per
problem; every error under /open311/ has that shape, also routing's 404/405 and unexpected 500s (the
format is registered with api.errors).

Reading is public, as in the spec: without credentials a caller reads what the public may see
(api.access, `p` None). `api_key` (a query or form parameter; one of our API keys, `triage keys create`)
or a user account (as on /api/v1) may read more of what api.access lets that caller see. Submitting needs
an API key or a verifier/admin account.
"""

from __future__ import annotations

from flask import Blueprint, current_app, g, request
from pydantic import ValidationError

from api import auth, db, extensions
from api.errors import ApiError
from api.open311 import formats, office
from api.open311 import schemas as o311
from api.open311 import service as svc
from api.principal import Principal
from api.schemas import ComplaintCreate
from api.services import complaints as complaints_svc
from api.services.errors import ServiceError
from api.services.intake import intake
from api.validation import limits, query_args, validate
from api.workflow import Role

bp = Blueprint("open311", __name__, url_prefix="/open311")
V2 = "/v2"
CREATE_ROLES = (Role.SYSTEM, Role.VERIFIER, Role.ADMIN)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _fmt() -> str:
    return (request.view_args or {}).get("fmt") or formats.requested_format()


@bp.errorhandler(svc.Open311Error)
def _open311_error(e: svc.Open311Error):
    return formats.respond([{"code": e.status, "description": d} for d in e.descriptions], _fmt(), "errors", e.status)


@bp.errorhandler(ApiError)
def _api_error(e: ApiError):
    resp = formats.error_response(400 if e.status == 422 else e.status, e.message, _fmt())
    for k, v in e.headers.items():
        resp.headers[k] = v
    return resp


@bp.errorhandler(ServiceError)
def _service_error(e: ServiceError):
    from api.errors import SERVICE_STATUS

    status = next(code for cls, code in SERVICE_STATUS.items() if isinstance(e, cls))
    return formats.error_response(400 if status == 422 else status, e.message, _fmt())


def route(rule: str, *roles, **options):
    """`rule.json` and `rule.xml` for one view; `roles` are the document's `x-roles` (none: public)."""

    def register(view):
        view.roles = roles
        for fmt in formats.FORMATS:
            bp.add_url_rule(f"{rule}.{fmt}", view_func=view, defaults={"fmt": fmt}, **options)
        return view

    return register


# -- who is calling ------------------------------------------------------------------------------

def _key_principal(key, action: str) -> Principal:
    if not isinstance(key, str):
        raise svc.Open311Error(400, f"api_key must be text, not {type(key).__name__}")
    try:
        return auth.from_api_key(key)  # the same key check as Bearer on /api/v1
    except ApiError:
        raise svc.Open311Error(403, f"Invalid api_key received -- can't proceed with {action}.") from None


def _reader(key) -> Principal | None:
    """The caller of a read, or None for the public (no credentials at all)."""
    p = _key_principal(key, "get_service_requests") if key is not None else auth.principal_or_none()
    g.principal = p
    return p


def _submitter(key) -> Principal:
    if key is not None:
        p = _key_principal(key, "create_request")
    else:
        p = auth.principal_or_none()
        if p is None:
            raise svc.Open311Error(403, "api_key is required for create_request.")
    if p.role not in CREATE_ROLES:
        raise svc.Open311Error(403, f"role '{p.role.value}' may not create requests.")
    g.principal = p
    return p


def _check_jurisdiction(value) -> None:
    """jurisdiction_id is optional here (one jurisdiction); given, it must be ours."""
    if value in (None, ""):
        return
    ours = office.office().jurisdiction_id
    if value != ours:
        raise svc.Open311Error(404, f"jurisdiction_id {value!r} not found; this endpoint serves {ours!r}")


def _tz():
    return extensions.deadlines().calendar.tz


# -- discovery and services -----------------------------------------------------------------------

@route("/discovery")
def discovery(fmt: str):
    return formats.respond(svc.discovery(office.office(), request.url_root), fmt, "discovery")


@route(f"{V2}/services")
def services(fmt: str):
    _check_jurisdiction(request.args.get("jurisdiction_id"))
    return formats.respond(svc.services(db.session()), fmt, "services")


@route(f"{V2}/services/<code>")
def service_definition(code: str, fmt: str):
    _check_jurisdiction(request.args.get("jurisdiction_id"))
    c = svc.category_for(db.session(), code)
    return formats.respond({"service_code": svc.service_code(c.code), "attributes": []}, fmt, "service_definition")


# -- requests -------------------------------------------------------------------------------------

def _post_fields() -> dict:
    """The submitted parameters, each given once; blank ones count as absent."""
    if request.is_json:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise svc.Open311Error(400, "the body must be a JSON object of GeoReport v2 parameters")
        fields = dict(body)
    elif request.mimetype in FORM_TYPES:
        fields = {}
        for key in request.form:
            values = request.form.getlist(key)
            if len(values) > 1:
                raise svc.Open311Error(400, f"{key} is given {len(values)} times; give it once")
            fields[key] = values[0]
    elif not request.get_data(cache=True):
        fields = {}  # nothing sent: the checks below say what is missing
    else:
        raise svc.Open311Error(400, "send the parameters form-encoded (application/x-www-form-urlencoded), "
                               "as GeoReport v2 says, or as a JSON object")
    if "api_key" not in fields and request.args.get("api_key"):
        fields["api_key"] = request.args["api_key"]  # some clients put the key in the address
    return {k: v.strip() if isinstance(v, str) else v for k, v in fields.items() if v not in (None, "")
            and not (isinstance(v, str) and not v.strip())}


def _problems(exc: ValidationError) -> list[str]:
    """One sentence per invalid parameter, in the spec's terms (its name first)."""
    out = []
    for e in exc.errors(include_url=False):
        name = ".".join(str(x) for x in e["loc"] if not (isinstance(x, str) and ("[" in x or x.startswith("function-"))))
        kind, ctx = e["type"], e.get("ctx") or {}
        if kind == "missing":
            out.append(f"{name} is required")
        elif kind == "extra_forbidden":
            out.append(f"{name} is not a GeoReport v2 parameter of this endpoint")
        elif kind == "string_type":
            out.append(f"{name} must be text (given once), not {type(e['input']).__name__}")
        elif kind in ("string_too_long", "too_long"):
            out.append(f"{name} is longer than {ctx.get('max_length')} characters")
        elif kind == "text_too_long":
            out.append(f"{name} is longer than {ctx.get('limit')} characters")
        elif kind in ("float_parsing", "float_type", "finite_number"):
            out.append(f"{name} must be a number, not {e['input']!r}"[:300])
        elif kind in ("greater_than_equal", "less_than_equal"):
            out.append(f"{name} must be between {'-90 and 90' if name == 'lat' else '-180 and 180'}")
        else:
            out.append(f"{name}: {e['msg']}")
    return list(dict.fromkeys(out))  # `X | None` reports a field once per branch


@route(f"{V2}/requests", *CREATE_ROLES, methods=["POST"])
def create_request(fmt: str):
    fields = _post_fields()
    principal = _submitter(fields.get("api_key"))
    try:
        form = o311.ServiceRequestCreate.model_validate(fields, context=limits())
    except ValidationError as exc:
        raise svc.Open311Error(400, *_problems(exc)) from None
    _check_jurisdiction(form.jurisdiction_id)
    s = db.session()
    category = svc.category_for(s, form.service_code)
    if (form.lat is None) != (form.long is None):
        raise svc.Open311Error(400, "lat and long go together")
    if form.lat is None and not form.address_string and not form.address_id:
        raise svc.Open311Error(400, "a location is required: lat and long, address_string or address_id")
    name = " ".join(x for x in (form.first_name, form.last_name) if x) or None
    reporter = {k: v for k, v in {"name": name, "email": form.email, "phone": form.phone}.items() if v}
    complaint = {"text": form.description, "title": category.code[:200],
                 "channel": "api" if principal.role == Role.SYSTEM else "web", "confidentiality": "public"}
    if reporter:
        complaint["reporter"] = reporter
    data = validate(ComplaintCreate, complaint)
    result = intake(data, session=s, principal=principal, holder=extensions.holder(),
                    deadlines=extensions.deadlines(), idempotency_key=request.headers.get("Idempotency-Key"))
    c = result.complaint
    if result.created:
        svc.record_open311(s, c, principal.actor, {
            "category": category.code, "service_code": svc.service_code(category.code), "lat": form.lat,
            "long": form.long, "address": form.address_string, "address_id": form.address_id,
            "media_url": form.media_url, "device_id": form.device_id, "account_id": form.account_id})
    notice = f"Laporan diterima ({c.tracking_id}); diverifikasi dalam {current_app.config['VERIFY_DAYS']} hari kerja."
    return formats.respond([{"service_request_id": c.tracking_id, "service_notice": notice, "account_id": None}],
                           fmt, "service_requests", 201 if result.created else 200)


def _instant(value: str | None, field: str, tz):
    try:
        return complaints_svc.parse_instant(value, field, tz) if value else None
    except ServiceError as exc:
        raise svc.Open311Error(400, exc.message) from None


@route(f"{V2}/requests", methods=["GET"])
def list_requests(fmt: str):
    try:
        q = query_args(o311.RequestsQuery)
    except ApiError as exc:
        raise svc.Open311Error(400, exc.message) from None
    _check_jurisdiction(q.jurisdiction_id)
    principal = _reader(q.api_key)
    tz = _tz()
    ids = tuple(dict.fromkeys(i.strip() for i in (q.service_request_id or "").split(",") if i.strip()))
    if len(ids) > o311.MAX_IDS:
        raise svc.Open311Error(400, f"at most {o311.MAX_IDS} service_request_id values at once")
    # With service_request_id the spec ignores every other filter, dates included.
    start, end = (None, None) if ids else svc.date_range(_instant(q.start_date, "start_date", tz),
                                                         _instant(q.end_date, "end_date", tz))
    f = svc.RequestFilter(
        ids=ids, codes=tuple(c.strip() for c in (q.service_code or "").split(",") if c.strip()),
        start=start, end=end, statuses=tuple(sorted(set((q.status or "").split(",")) - {""})),
        page=q.page, page_size=q.page_size)
    rows = svc.find_requests(db.session(), f)
    return formats.respond([svc.request_dict(c, principal, tz) for c in rows], fmt, "service_requests")


@route(f"{V2}/requests/<request_id>")
def get_request(request_id: str, fmt: str):
    _check_jurisdiction(request.args.get("jurisdiction_id"))
    principal = _reader(request.args.get("api_key") or None)
    rows = svc.find_requests(db.session(), svc.RequestFilter(ids=(request_id,)))
    if not rows:
        raise svc.Open311Error(404, f"no service request {request_id!r}")
    return formats.respond([svc.request_dict(rows[0], principal, _tz())], fmt, "service_requests")
