"""The OpenAPI 3.1 document of /api/v1 and /open311 (GeoReport v2 in JSON and XML).

`components.schemas` is generated from the pydantic models (`api.schemas` and each feature's
`schemas` module), the same models the views validate with, so the document says what the service
enforces and returns. This module keeps what models cannot say: the paths, their prose, their roles
(`x-roles`) and their status codes. Limits come from the app config.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from api import schemas as core
from api.duplicates import schemas as dup
from api.hoaxes import schemas as hx
from api.learning import schemas as lrn
from api.monitoring import schemas as mon
from api.open311 import schemas as o311
from api.workflow import LABELS_ID, ROLE_LABELS_ID, Role, Status

ROLE_DOC = {
    Role.SYSTEM: "API key of another system",
    Role.VERIFIER: "Diskominfo verifier",
    Role.ADMIN: "administrator",
    Role.DATA_SCIENTIST: "data scientist (no secret texts, no contacts)",
    Role.AGENCY_OFFICER: "liaison officer of one agency (only complaints dispatched to it)",
}
assert set(ROLE_DOC) == set(ROLE_LABELS_ID)

VISIBILITY = """
**Who sees what** (docs/privacy.md has the table). `verifier` and `admin` read `title` and `text` as
written, with `pii[].value` and the reporter contact. The `agency_officer` of the agency a complaint is
dispatched to reads a `public` complaint the same way, and an `anonymous` or `secret` one masked
(personal data as `[NIK]`, `[TELEPON]`, ...; no `pii[].value`, no contact; SP4N-LAPOR!: the reporter's
identity is not given to the agency). `data_scientist` and API keys read `title` and `text` masked, and
for `secret` complaints get `title`, `text`, `pii` and `masked_text` as `null` (`redacted: true`).
Disposition reasons follow the text, but are `null` on a `secret` complaint for anyone who reads it
masked; follow-up texts follow the text. A masked reader's `pii` locates the placeholders in the masked
`text`. API keys see only complaints they submitted themselves.
"""

# Request bodies and query strings are documented as they are validated, responses as they are written.
REQUESTS: list[type[BaseModel]] = [
    core.ClassifyRequest, core.ComplaintCreate, core.DispositionCreate, core.FollowUpCreate,
    dup.ClusterDispositionCreate, dup.ClusterLinkCreate, hx.HoaxConfirm, o311.ServiceRequestCreate,
    lrn.LearningSwitch,
]
RESPONSES: list[type[BaseModel]] = [
    core.Error, core.ClassifyResponse, core.ComplaintCreated, core.ComplaintPage, core.ComplaintDetail,
    core.AgencyList, core.ModelList, core.Health, core.Readiness, dup.RelatedList, dup.Cluster,
    dup.ClusterDisposition, hx.HoaxList, hx.HoaxTemplateList, hx.HoaxConfirmed, hx.HoaxStats,
    mon.MonitoringSnapshot, lrn.LearningStatus, o311.ServiceList, o311.ServiceDefinition, o311.ServiceRequestList,
    o311.ServiceRequestCreatedList, o311.Open311ErrorList, o311.Discovery,
]
API_PREFIX, OPEN311_PREFIX = "/api/v1", "/open311/v2"
ERROR_TEXT = {
    400: "malformed JSON",
    401: "no or invalid credentials",
    403: "role not allowed",
    404: "not found (or not visible to the caller)",
    409: "conflict with the current state",
    413: "text or body over the documented limits",
    415: "body is not application/json",
    422: "schema violation or unknown field; `details` lists each field",
    429: "rate limit or login lockout; retry after `Retry-After` seconds",
    503: "database or model unavailable; retry after `Retry-After` seconds",
}
LIMITS = {"x-config-max": ("maxLength", "maximum"), "x-config-max-items": ("maxItems", "maxItems")}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _apply_limits(node: Any, config) -> None:
    """Write the configured limits where the models name a setting (`x-config-max: MAX_TEXT_CHARS`)."""
    if isinstance(node, dict):
        for marker, (string_key, number_key) in LIMITS.items():
            setting = node.pop(marker, None)
            if setting is not None:
                node[number_key if node.get("type") in ("integer", "number") else string_key] = config[setting]
        if isinstance(node.get("title"), str) and "properties" not in node:
            node.pop("title")  # pydantic's per-field titles only repeat the field name
        if "default" in node and node["default"] is None:
            node.pop("default")  # "absent" is the default; null itself is not always allowed
        for value in node.values():
            _apply_limits(value, config)
    elif isinstance(node, list):
        for value in node:
            _apply_limits(value, config)


def component_schemas(config) -> dict:
    models = [(m, "validation") for m in REQUESTS] + [(m, "serialization") for m in RESPONSES]
    _, top = models_json_schema(models, ref_template="#/components/schemas/{model}")
    defs = top["$defs"]
    _apply_limits(defs, config)
    return defs


def query_params(model: type[BaseModel], config) -> list[dict]:
    """A query model as OpenAPI parameters (one per field, by its alias)."""
    schema = model.model_json_schema(by_alias=True, ref_template="#/components/schemas/{model}")
    _apply_limits(schema, config)
    required = set(schema.get("required", []))
    out = []
    for name, prop in schema["properties"].items():
        prop = dict(prop)
        description = prop.pop("description", None)
        param = {"name": name, "in": "query", "required": name in required, "schema": prop}
        if description:
            param["description"] = description
        out.append(param)
    return out


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict:
    return {str(s): _json(ref("Error"), ERROR_TEXT[s]) for s in statuses}


def _op(summary: str, roles, responses: dict, *, body: str | None = None, params=None, description: str = "",
        tag: str = "complaints") -> dict:
    who = ", ".join(f"`{r}`" for r in roles) if roles else "anyone (no authentication)"
    op = {"summary": summary, "tags": [tag], "description": f"{description}\n\n**Roles:** {who}.".strip(),
          "x-roles": [str(r) for r in roles], "responses": responses}
    if not roles:
        op["security"] = []
    if body:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref(body)}}}
    if params:
        op["parameters"] = params
    return op


def _document_rate_limits(paths: dict) -> None:
    """Every authenticated operation can answer 429 (api.security: per-caller limits, login lockout)."""
    for ops in paths.values():
        for op in ops.values():
            if isinstance(op, dict) and op.get("x-roles"):
                op["responses"].setdefault("429", _errors(429)["429"])


TRACKING = {"name": "tracking_id", "in": "path", "required": True,
            "schema": {"type": "string", "minLength": 1, "maxLength": 20},
            "description": "The complaint's tracking id, e.g. `LPR-7K2M9QXA`."}
CLUSTER = {"name": "cluster_id", "in": "path", "required": True,
           "schema": {"type": "integer", "minimum": 1, "maximum": core.MAX_ID}}
IDEMPOTENCY = {"name": "Idempotency-Key", "in": "header", "required": False,
               "schema": {"type": "string", "minLength": 1, "maxLength": 200},
               "description": "Retry-safe intake: the same key with the same body returns the original 201; with a "
               "different body, 409 `idempotency_conflict`. Keys are scoped to the caller."}
READERS = [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER]
STAFF_READERS = [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST]
DECIDERS = [Role.VERIFIER, Role.ADMIN]


def api_paths(config) -> dict:
    return {
        "/classify": {"post": _op(
            "Suggest agency, category and hoax probability (stateless)",
            [Role.SYSTEM, Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST],
            {"200": _json(ref("ClassifyResponse")), **_errors(400, 401, 403, 413, 415, 422, 503)},
            body="ClassifyRequest", tag="classification",
            description=f"Nothing is stored. A single report answers `{{suggestion}}`, a batch (at most "
            f"{config['BATCH_LIMIT']} items) `{{suggestions}}`.")},
        "/complaints": {
            "post": _op(
                "Take in a complaint: stored and classified in one transaction", [Role.SYSTEM, *DECIDERS],
                {"201": _json(ref("ComplaintCreated"), "stored (or replayed for the same Idempotency-Key)"),
                 **_errors(400, 401, 403, 409, 413, 415, 422, 503)},
                body="ComplaintCreate", params=[IDEMPOTENCY],
                description="If the model fails the complaint is still stored (status `received`, "
                "`suggestion: null`) for a verifier."),
            "get": _op(
                "List complaints with filters and keyset pagination", READERS,
                {"200": _json(ref("ComplaintPage")), **_errors(401, 403, 422, 503)},
                params=query_params(core.ComplaintQuery, config), description=VISIBILITY),
        },
        "/complaints/{tracking_id}": {"get": _op(
            "One complaint with its suggestion, decisions and history", [*READERS, Role.SYSTEM],
            {"200": _json(ref("ComplaintDetail")), **_errors(401, 403, 404, 503)}, params=[TRACKING],
            description="`pii` lists personal-data spans found in the text and `masked_text` replaces them "
            "with placeholders.\n" + VISIBILITY)},
        "/complaints/{tracking_id}/disposition": {"post": _op(
            "Record the verifier's decision", DECIDERS,
            {"200": _json(ref("ComplaintDetail")), **_errors(400, 401, 403, 404, 409, 413, 415, 422, 503)},
            body="DispositionCreate", params=[TRACKING],
            description="Allowed while the complaint is `received`, `need_info` or `returned`. Two concurrent "
            "decisions on one complaint: one wins, the other gets 409 `concurrent_update` (or "
            "`invalid_transition` if it arrives after the first committed).")},
        "/complaints/{tracking_id}/followup": {"post": _op(
            "Record the agency's follow-up", [Role.AGENCY_OFFICER],
            {"200": _json(ref("ComplaintDetail")), **_errors(400, 401, 403, 404, 409, 413, 415, 422, 503)},
            body="FollowUpCreate", params=[TRACKING],
            description="Only the officer of the agency the complaint is dispatched to.")},
        "/complaints/{tracking_id}/related": {"get": _op(
            "Earlier and later reports about the same problem (approximate nearest neighbours)", READERS,
            {"200": _json(ref("RelatedList")), **_errors(401, 403, 404, 422)},
            params=[TRACKING, *query_params(dup.RelatedQuery, config)], tag="duplicates",
            description="Closest reports in meaning (the active model's embeddings) within ±`window_days`, best "
            "first, each with `similarity`, `place_overlap`, `shared_places`, `days_apart`, `same_problem` "
            "(same meaning + similar place + recent, docs/duplicates.md), `reason` and `cluster_id`. Only "
            "reports the caller may see.")},
        "/complaints/{tracking_id}/cluster": {"post": _op(
            "Put this complaint into the cluster of another one (or make a cluster of the two)", DECIDERS,
            {"201": _json(ref("Cluster")), **_errors(400, 401, 403, 404, 409, 415, 422)},
            body="ClusterLinkCreate", params=[TRACKING], tag="duplicates",
            description="Intake links a new report to an open cluster by itself when it finds the same problem; "
            "this is for the cases it missed.")},
        "/clusters/{cluster_id}": {"get": _op(
            "A cluster of reports about the same problem, with why each was linked", STAFF_READERS,
            {"200": _json(ref("Cluster")), **_errors(401, 403, 404)}, params=[CLUSTER], tag="duplicates")},
        "/clusters/{cluster_id}/disposition": {"post": _op(
            "Dispatch (or archive, ...) every open member of a cluster together", DECIDERS,
            {"200": _json(ref("ClusterDisposition")), **_errors(400, 401, 403, 404, 409, 415, 422)},
            body="ClusterDispositionCreate", params=[CLUSTER], tag="duplicates",
            description="One disposition per member waiting for a verifier (`received`, `need_info`, "
            "`returned`), each recorded as that complaint's own decision; `results` says per member whether it "
            "applied. 409 `nothing_to_decide` when no member waits.")},
        "/hoaxes": {"get": _op(
            "Review list of likely hoaxes, with the model's reasons", STAFF_READERS,
            {"200": _json(ref("HoaxList")), **_errors(401, 403, 422)},
            params=query_params(hx.HoaxQuery, config), tag="hoaxes",
            description="Flagged = hoax probability ≥ `threshold` (setting `HOAX_REVIEW_THRESHOLD`, default 0.5).")},
        "/hoaxes/templates": {"get": _op(
            "Standard clarification texts (Indonesian) by topic", STAFF_READERS,
            {"200": _json(ref("HoaxTemplateList")), **_errors(401, 403)}, tag="hoaxes")},
        "/hoaxes/{tracking_id}/confirm": {"post": _op(
            "Confirm a hoax and answer it with a standard clarification", DECIDERS,
            {"201": _json(ref("HoaxConfirmed")), **_errors(400, 401, 403, 404, 409, 415, 422)},
            body="HoaxConfirm", params=[TRACKING], tag="hoaxes",
            description="Records the `hoax` disposition if not yet done, renders the template with `claim` and "
            "`facts`, stores it with its topic (counted by `/hoaxes/stats`). 409 `already_clarified`.")},
        "/hoaxes/stats": {"get": _op(
            "How many hoaxes came in and about what, by month", STAFF_READERS,
            {"200": _json(ref("HoaxStats")), **_errors(401, 403, 422)},
            params=query_params(hx.HoaxStatsQuery, config), tag="hoaxes",
            description="Per month received: `flagged` by the model, `pending`, `confirmed` by verifiers, "
            "`clarified`, `by_topic`; totals add `by_suggested_agency` and `flag_precision`.")},
        "/agencies": {"get": _op(
            "The agency directory", list(ROLE_DOC),
            {"200": _json(ref("AgencyList")), **_errors(401, 503)}, tag="reference")},
        "/models": {"get": _op(
            "Model bundles in the models directory, their metrics, and which is active",
            [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.SYSTEM],
            {"200": _json(ref("ModelList")), **_errors(401, 403)}, tag="reference")},
        "/monitoring": {"get": _op(
            "Monitoring of the model in use: acceptance of suggestions per agency and week, bands, hoax flags, drift",
            [Role.ADMIN, Role.DATA_SCIENTIST, Role.SYSTEM],
            {"200": _json(ref("MonitoringSnapshot")), **_errors(401, 403, 422)},
            params=query_params(mon.MonitoringQuery, config), tag="operations")},
        "/learning": {
            "get": _op("What learning from decisions did: the switch, decisions taken in, refits and their effect",
                       [Role.ADMIN, Role.DATA_SCIENTIST], {"200": _json(ref("LearningStatus")), **_errors(401, 403)},
                       tag="operations",
                       description="Every verifier's routing decision teaches within seconds (a memory of "
                       "decisions in every worker); the agency head is refitted in the job worker and promoted only "
                       "when not worse on recent decisions. `events` show each refit and switch with the acceptance "
                       "of suggestions in the two weeks before and after it (docs/learning.md)."),
            "post": _op("Switch learning from decisions on or off", [Role.ADMIN],
                        {"200": _json(ref("LearningStatus")), **_errors(400, 401, 403, 415, 422)},
                        body="LearningSwitch", tag="operations"),
        },
        "/healthz": {"get": _op("The process is alive", [], {"200": _json(ref("Health"))}, tag="operations")},
        "/readyz": {"get": _op(
            "Database reachable and model loaded", [],
            {"200": _json(ref("Readiness")), "503": _json(ref("Readiness"), "not ready")}, tag="operations")},
    }


OPEN311_WRITERS = [Role.SYSTEM, *DECIDERS]
OPEN311_ERRORS = {400: "invalid parameter; one error per problem", 403: "invalid api_key or role",
                  401: "wrong credentials in the Authorization header (Bearer key or Basic account)",
                  404: "unknown service, request or jurisdiction_id", 429: ERROR_TEXT[429]}
OPEN311_READS = (
    "Public, as in GeoReport v2: without credentials a caller reads what the public may: status, service, dates, "
    "the agency responsible, address and coordinates; the description of public reports with personal data "
    "masked, none of anonymous and secret reports; never the reporter or the title. With `api_key` (or a user "
    "account) a caller reads more of the reports api.access lets it see (the submitting system: its own "
    "reports masked, except secret ones). An invalid `api_key` is refused (403).")


def _o311_content(fmt: str, schema: dict) -> dict:
    return {("application/json" if fmt == "json" else "text/xml"): {"schema": schema}}


def _o311(fmt: str, summary: str, roles, ok: tuple[str, str], errors=(), **kw) -> dict:
    """One Open311 operation in one format: the same generated schemas, XML through their `xml` hints."""
    status, model = ok
    responses = {status: {"description": "OK" if status == "200" else "created",
                          "content": _o311_content(fmt, ref(model))}}
    for code in (*errors, 404, 429, 500):
        text = OPEN311_ERRORS.get(code, "unexpected error (logged)")
        responses[str(code)] = {"description": text, "content": _o311_content(fmt, ref("Open311ErrorList"))}
    return _op(f"{summary} ({fmt.upper()})", roles, responses, tag="open311", **kw)


def _path_param(name: str, max_length: int, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description,
            "schema": {"type": "string", "minLength": 1, "maxLength": max_length}}


def open311_paths(config) -> dict:
    """GeoReport v2, every endpoint as `.json` and `.xml` (absolute paths: discovery is beside /v2)."""
    query = query_params(o311.RequestsQuery, config)
    jurisdiction = [p for p in query if p["name"] == "jurisdiction_id"]
    code = _path_param("code", 100, "a service_code from services.json")
    request_id = _path_param("request_id", 20, "a service_request_id, e.g. `LPR-7K2M9QXA`")
    paths: dict = {}
    for fmt in ("json", "xml"):
        paths[f"/open311/discovery.{fmt}"] = {"get": _o311(
            fmt, "GeoReport v2 service discovery: this endpoint, its formats and the office", [],
            ("200", "Discovery"))}
        paths[f"{OPEN311_PREFIX}/services.{fmt}"] = {"get": _o311(
            fmt, "GeoReport v2: the services (our categories)", [], ("200", "ServiceList"), params=jurisdiction)}
        paths[f"{OPEN311_PREFIX}/services/{{code}}.{fmt}"] = {"get": _o311(
            fmt, "GeoReport v2: one service's definition", [], ("200", "ServiceDefinition"),
            params=[code, *jurisdiction])}
        paths[f"{OPEN311_PREFIX}/requests.{fmt}"] = {
            "get": _o311(fmt, "GeoReport v2: service requests (our complaints)", [], ("200", "ServiceRequestList"),
                         (400, 401, 403), params=query, description=OPEN311_READS),
            "post": _o311(fmt, "GeoReport v2: submit a service request (a complaint)", OPEN311_WRITERS,
                          ("201", "ServiceRequestCreatedList"), (400, 401, 403),
                          description="Form-encoded (`application/x-www-form-urlencoded`) as the spec says; a JSON "
                          "object is accepted too. `api_key` is one of our API keys (or use a verifier's or "
                          "admin's account). Every parameter is checked before anything is stored: one error "
                          "per problem (length, type, a parameter given twice)."),
        }
        paths[f"{OPEN311_PREFIX}/requests.{fmt}"]["post"]["requestBody"] = {"required": True, "content": {
            "application/x-www-form-urlencoded": {"schema": ref("ServiceRequestCreate")},
            "application/json": {"schema": ref("ServiceRequestCreate")}}}
        paths[f"{OPEN311_PREFIX}/requests/{{request_id}}.{fmt}"] = {"get": _o311(
            fmt, "GeoReport v2: one service request", [], ("200", "ServiceRequestList"), (401, 403),
            params=[request_id, *[p for p in query if p["name"] in ("api_key", "jurisdiction_id")]],
            description=OPEN311_READS)}
    return paths


def build_spec(config) -> dict:
    schemas = component_schemas(config)
    # One server, absolute paths: the JSON API and Open311 live side by side under it.
    paths = {**{API_PREFIX + k: v for k, v in api_paths(config).items()}, **open311_paths(config)}
    _document_rate_limits(paths)
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "triage — SP4N-LAPOR! complaint triage API",
            "version": "1.0.0",
            "description": "Suggests the agency, category and hoax probability of Indonesian public-service "
            "complaints and carries them through the SP4N-LAPOR! workflow. Statuses: "
            + ", ".join(f"`{s.value}` ({LABELS_ID[s]})" for s in Status)
            + f". Limits: text {config['MAX_TEXT_CHARS']} characters, batch {config['BATCH_LIMIT']} items, body "
            f"{config['MAX_CONTENT_LENGTH']} bytes. Every error is "
            '`{"error": {"code", "message", "details"}}`; Open311 errors are GeoReport error arrays. Roles: '
            + "; ".join(f"`{k}`: {v}" for k, v in ROLE_DOC.items())
            + ". Prometheus metrics: `GET /metrics` (roles `admin`, `data_scientist`, `system`).",
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}, {"basic": []}, {"cookie": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "API key from `triage keys create`"},
                "basic": {"type": "http", "scheme": "basic", "description": "user account (`triage users create`)"},
                "cookie": {"type": "apiKey", "in": "cookie", "name": "session",
                           "description": "console login session (SameSite=Lax, HttpOnly). Writes must be "
                           "application/json, which a cross-site form cannot send."},
            },
        },
    }
