"""The OpenAPI 3.1 document of /api/v1: the contract, and the source of truth for validation.

Request bodies and query strings are validated against `components.schemas` (api.validation),
so what the docs say is what the service enforces. Limits come from the app config.
"""

from __future__ import annotations

from api.models import CHANNELS, CONFIDENTIALITY, DISPOSITION_ACTIONS, FOLLOWUP_STATUSES
from api.workflow import LABELS_ID, Role, Status

BANDS = ["auto", "review", "manual"]
ROLE_DOC = {
    Role.SYSTEM: "API key of another system",
    Role.VERIFIER: "Diskominfo verifier",
    Role.ADMIN: "administrator",
    Role.DATA_SCIENTIST: "data scientist (no secret texts, no contacts)",
    Role.AGENCY_OFFICER: "liaison officer of one agency (only complaints dispatched to it)",
}

VISIBILITY = """
**Who sees what.** `verifier` and `admin` see everything. The `agency_officer` of the agency a
complaint is dispatched to sees its text (also when `secret`: the agency must act on it) and the
reporter contact unless the complaint is `anonymous` or `secret` (SP4N-LAPOR!: the reporter's
identity is not given to the agency). `data_scientist` and API keys never see contacts, and see
`text`, `title`, `pii` and `masked_text` as `null` for `secret` complaints (`redacted: true`).
API keys see only complaints they submitted themselves.
"""


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def _json(schema: dict, description: str = "") -> dict:
    return {"description": description or "OK", "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict:
    text = {
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
    return {str(s): _json(_ref("Error"), text[s]) for s in statuses}


def _document_rate_limits(paths: dict) -> None:
    """Every authenticated operation can answer 429 (api.security: per-caller limits, login lockout)."""
    for ops in paths.values():
        for op in ops.values():
            if isinstance(op, dict) and op.get("x-roles"):
                op["responses"].setdefault("429", _errors(429)["429"])


def _op(summary, roles, responses, *, body=None, params=None, description="", tag="complaints"):
    who = ", ".join(f"`{r}`" for r in roles) if roles else "anyone (no authentication)"
    op = {
        "summary": summary,
        "tags": [tag],
        "description": f"{description}\n\n**Roles:** {who}.".strip(),
        "x-roles": roles,
        "responses": responses,
    }
    if not roles:
        op["security"] = []
    if body:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": _ref(body)}}}
    if params:
        op["parameters"] = params
    return op


# -- issue 7: duplicate clusters and hoax handling ----------------------------------------------------
GUARD_SCHEMAS = {
    "ClusterDispositionCreate": {
        "type": "object",
        "additionalProperties": False,
        "required": ["action"],
        "properties": {
            "action": {"enum": list(DISPOSITION_ACTIONS), "description": "applied to every member still waiting "
                       "for a verifier; `confirm` only when their suggestions name one agency"},
            "agency": {"type": "string", "maxLength": 40},
            "reason": _nullable({"type": "string", "maxLength": 2000}),
        },
    },
    "ClusterLinkCreate": {
        "type": "object",
        "additionalProperties": False,
        "required": ["tracking_id"],
        "properties": {"tracking_id": {"type": "string", "maxLength": 20,
                                       "description": "the complaint whose cluster this one joins"}},
    },
    "HoaxConfirm": {
        "type": "object",
        "additionalProperties": False,
        "required": ["claim"],
        "properties": {
            "template": {"type": "string", "maxLength": 40, "description": "`GET /hoaxes/templates`; default `umum`"},
            "claim": {"type": "string", "minLength": 1, "maxLength": 500,
                      "description": "what the hoax says, in a few words (fills `{klaim}`)"},
            "facts": _nullable({"type": "string", "maxLength": 2000}),
            "topic": _nullable({"type": "string", "maxLength": 80, "description": "default: the template's topic"}),
            "reason": _nullable({"type": "string", "maxLength": 2000}),
        },
    },
    "Cluster": {
        "type": "object",
        "required": ["id", "open", "members"],
        "properties": {
            "id": {"type": "integer"},
            "open": {"type": "boolean"},
            "created_at": {"type": "string"},
            "created_by": {"type": "string"},
            "dispatched_at": {"type": ["string", "null"]},
            "dispatched_by": {"type": ["string", "null"]},
            "members": {"type": "array", "items": {"type": "object"}},
        },
    },
}


def _guard_paths(tracking_param: dict) -> dict:
    q = lambda name, desc, schema=None: {"name": name, "in": "query", "required": False,  # noqa: E731
                                          "schema": schema or {"type": "string"}, "description": desc}
    cluster_param = {"name": "cluster_id", "in": "path", "required": True,
                     "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}}
    obj = {"type": "object"}
    return {
        "/complaints/{tracking_id}/related": {"get": _op(
            "Earlier and later reports about the same problem (approximate nearest neighbours)",
            [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER],
            {"200": _json({"type": "object", "required": ["items"], "properties": {"items": {"type": "array"}}}),
             **_errors(401, 403, 404, 422)},
            params=[tracking_param, q("limit", "1..50, default 10"), q("window_days", "1..365, default 30")],
            tag="duplicates",
            description="Closest reports in meaning (the active model's embeddings) within ±`window_days`, best "
            "first, each with `similarity`, `place_overlap`, `shared_places`, `days_apart`, `same_problem` "
            "(same meaning + similar place + recent, docs/duplicates.md), `reason` and `cluster_id`. Only "
            "reports the caller may see.")},
        "/complaints/{tracking_id}/cluster": {"post": _op(
            "Put this complaint into the cluster of another one (or make a cluster of the two)",
            [Role.VERIFIER, Role.ADMIN], {"201": _json(_ref("Cluster")), **_errors(400, 401, 403, 404, 409, 415, 422)},
            body="ClusterLinkCreate", params=[tracking_param], tag="duplicates",
            description="Intake links a new report to an open cluster by itself when it finds the same problem; "
            "this is for the cases it missed.")},
        "/clusters/{cluster_id}": {"get": _op(
            "A cluster of reports about the same problem, with why each was linked",
            [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST], {"200": _json(_ref("Cluster")), **_errors(401, 403, 404)},
            params=[cluster_param], tag="duplicates")},
        "/clusters/{cluster_id}/disposition": {"post": _op(
            "Dispatch (or archive, ...) every open member of a cluster together",
            [Role.VERIFIER, Role.ADMIN],
            {"200": _json({"type": "object", "required": ["cluster", "results"],
                           "properties": {"cluster": _ref("Cluster"), "results": {"type": "array"}}}),
             **_errors(400, 401, 403, 404, 409, 415, 422)},
            body="ClusterDispositionCreate", params=[cluster_param], tag="duplicates",
            description="One disposition per member waiting for a verifier (`received`, `need_info`, "
            "`returned`), each recorded as that complaint's own decision; `results` says per member whether it "
            "applied. 409 `nothing_to_decide` when no member waits.")},
        "/hoaxes": {"get": _op(
            "Review list of likely hoaxes, with the model's reasons",
            [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST], {"200": _json(obj), **_errors(401, 403, 422)},
            params=[q("status", "`pending` (default: flagged, waiting for a verifier), `confirmed`, `rejected`, `all`"),
                    q("limit", "1..200, default 50"), q("before", "`next_before` of the previous page")],
            tag="hoaxes",
            description="Flagged = hoax probability ≥ `threshold` (config `HOAX_REVIEW_THRESHOLD`, default 0.5).")},
        "/hoaxes/templates": {"get": _op(
            "Standard clarification texts (Indonesian) by topic", [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST],
            {"200": _json(obj), **_errors(401, 403)}, tag="hoaxes")},
        "/hoaxes/{tracking_id}/confirm": {"post": _op(
            "Confirm a hoax and answer it with a standard clarification",
            [Role.VERIFIER, Role.ADMIN], {"201": _json(obj), **_errors(400, 401, 403, 404, 409, 415, 422)},
            body="HoaxConfirm", params=[tracking_param], tag="hoaxes",
            description="Records the `hoax` disposition if not yet done, renders the template with `claim` and "
            "`facts`, stores it with its topic (counted by `/hoaxes/stats`). 409 `already_clarified`.")},
        "/hoaxes/stats": {"get": _op(
            "How many hoaxes came in and about what, by month", [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST],
            {"200": _json({"type": "object", "required": ["months", "totals"]}), **_errors(401, 403, 422)},
            params=[q("from", "ISO date or date-time, inclusive"), q("to", "ISO date or date-time, exclusive")],
            tag="hoaxes",
            description="Per month received: `flagged` by the model, `pending`, `confirmed` by verifiers, "
            "`clarified`, `by_topic`; totals add `by_suggested_agency` and `flag_precision`.")},
    }


def build_spec(config) -> dict:
    max_text = config["MAX_TEXT_CHARS"]
    max_title = config["MAX_TITLE_CHARS"]
    batch = config["BATCH_LIMIT"]
    page_max = config["PAGE_SIZE_MAX"]
    statuses = [s.value for s in Status]
    text_field = {
        "type": "string",
        "minLength": 1,
        "maxLength": max_text,
        # Not \S: Python's and JavaScript's \s differ (U+001C..U+001F, U+0085, U+FEFF); this set is
        # the same in both, so clients that validate with the document agree with the server.
        "pattern": "[^\\s\\x00-\\x1f\\x7f-\\x9f\\ufeff]",
        "x-error-message": "must contain some non-blank text (not only spaces or control characters)",
        "description": f"The report as written. Over {max_text} characters: 413 `text_too_long`.",
    }
    title_field = {"type": "string", "maxLength": max_title}
    datetime_ = {"type": "string", "format": "date-time"}
    candidate = {
        "type": "object",
        "required": ["label", "probability"],
        "properties": {"label": {"type": "string"}, "probability": {"type": "number"}},
    }
    head = {
        "type": "object",
        "required": ["band", "candidates"],
        "properties": {"band": {"enum": BANDS}, "candidates": {"type": "array", "items": candidate}},
    }
    tracking_param = {
        "name": "tracking_id",
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
        "description": "The complaint's tracking id, e.g. `LPR-7K2M9QXA`.",
    }
    query_names = {
        "status": "comma-separated statuses",
        "agency": "agency code the complaint is currently with",
        "band": "decision band of the latest suggestion",
        "overdue": "`true`: only complaints past the deadline of their current step; `false`: only the others",
        "received_from": "ISO date or date-time, inclusive",
        "received_to": "ISO date or date-time, exclusive",
        "sort": "`-received_at` (default, newest first), `received_at`, or `due_at` (deadline first; only complaints with a running deadline)",
        "limit": f"page size, 1..{page_max} (default 50)",
        "cursor": "`next_cursor` of the previous page",
    }
    list_params = [
        {"name": n, "in": "query", "required": False, "schema": {"type": "string"}, "description": d}
        for n, d in query_names.items()
    ]

    schemas = {
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "details": {}},
                }
            },
        },
        "Suggestion": {
            "type": "object",
            "description": "`triage.suggest.Suggestion.to_dict()`, exactly as the model made it.",
            "required": ["model", "agency", "hoax"],
            "properties": {
                "model": {
                    "type": "object",
                    "required": ["name", "version"],
                    "properties": {"name": {"type": "string"}, "version": {"type": "string"}},
                },
                "agency": head,
                "category": head,
                "classification": head,
                "hoax": {
                    "type": "object",
                    "required": ["probability"],
                    "properties": {
                        "probability": {"type": "number"},
                        "band": {"enum": BANDS},
                        "flagged": {"type": "boolean"},
                        "reasons": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "explanation": {"type": "array", "items": {"type": "object"}},
            },
        },
        "ClassifyItem": {
            "type": "object",
            "additionalProperties": False,
            "required": ["text"],
            "properties": {"text": text_field, "title": _nullable(title_field)},
        },
        "ClassifyRequest": {
            "type": "object",
            "description": f"One report (`text`, optional `title`) or a batch (`items`, at most {batch}).",
            "additionalProperties": False,
            "properties": {
                "text": text_field,
                "title": _nullable(title_field),
                "items": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": batch,
                    "items": _ref("ClassifyItem"),
                    "description": f"At most {batch} items: more is refused with 413 `batch_too_large`.",
                },
            },
            "oneOf": [
                {"required": ["text"], "not": {"required": ["items"]}},
                {"required": ["items"], "not": {"anyOf": [{"required": ["text"]}, {"required": ["title"]}]}},
            ],
            "x-error-message": "give either `text` (one report) or `items` (a batch), not both",
        },
        "ClassifyResponse": {
            "type": "object",
            "description": "A single report: `suggestion`, `pii`, `masked_text`. A batch: `suggestions` and "
            "`personal_data` (`{pii, masked_text}` per item, in order).",
            "properties": {
                "suggestion": _ref("Suggestion"),
                "pii": {"type": "array", "items": _ref("PiiItem")},
                "masked_text": {"type": "string"},
                "suggestions": {"type": "array", "items": _ref("Suggestion")},
                "personal_data": {"type": "array", "items": {
                    "type": "object", "required": ["pii", "masked_text"],
                    "properties": {"pii": {"type": "array", "items": _ref("PiiItem")}, "masked_text": {"type": "string"}}}},
            },
        },
        "PiiItem": {
            "type": "object",
            "description": "Personal data found in `text`: kind and character span (`text[start:end]`).",
            "required": ["kind", "start", "end"],
            "properties": {
                "kind": {"enum": ["NIK", "TELEPON", "EMAIL", "URL", "PLAT", "REKENING", "NAMA"]},
                "start": {"type": "integer"},
                "end": {"type": "integer"},
                "value": {"type": "string", "description": "complaint reads only (callers who may see the text)"},
            },
        },
        **GUARD_SCHEMAS,
        "Reporter": {
            "type": "object",
            "additionalProperties": False,
            "description": "How to reach the reporter; stored apart from the text.",
            "properties": {
                "name": _nullable({"type": "string", "maxLength": 200}),
                "phone": _nullable({"type": "string", "maxLength": 40}),
                "email": _nullable({"type": "string", "maxLength": 200}),
                "address": _nullable({"type": "string", "maxLength": 1000}),
            },
        },
        "ComplaintCreate": {
            "type": "object",
            "additionalProperties": False,
            "required": ["text"],
            "properties": {
                "text": text_field,
                "title": _nullable(title_field),
                "channel": {"enum": list(CHANNELS), "description": "default `api` for API keys, `web` for users"},
                "confidentiality": {"enum": list(CONFIDENTIALITY), "default": "public"},
                "reporter": _ref("Reporter"),
            },
        },
        "ComplaintCreated": {
            "type": "object",
            "required": ["tracking_id", "status", "received_at", "suggestion"],
            "properties": {
                "id": {"type": "integer"},
                "tracking_id": {"type": "string"},
                "status": {"enum": statuses},
                "status_label": {"type": "string"},
                "received_at": datetime_,
                "verify_due": _nullable(datetime_),
                "suggestion": _nullable(_ref("Suggestion")),
            },
        },
        "ComplaintSummary": {
            "type": "object",
            "required": ["tracking_id", "status", "received_at"],
            "properties": {
                "id": {"type": "integer"},
                "tracking_id": {"type": "string"},
                "title": {"type": ["string", "null"]},
                "channel": {"enum": list(CHANNELS)},
                "confidentiality": {"enum": list(CONFIDENTIALITY)},
                "status": {"enum": statuses},
                "status_label": {"type": "string"},
                "agency": {"type": ["string", "null"]},
                "band": {"type": ["string", "null"]},
                "suggested_agency": {"type": ["string", "null"]},
                "hoax_probability": {"type": ["number", "null"]},
                "received_at": datetime_,
                "verify_due": _nullable(datetime_),
                "followup_due": _nullable(datetime_),
                "due_at": _nullable(datetime_),
                "overdue": {"type": "boolean"},
                "redacted": {"type": "boolean"},
                "version": {"type": "integer"},
                "cluster_id": {"type": ["integer", "null"], "description": "duplicate cluster (`/clusters/{id}`)"},
                "pii": _nullable({"type": "array", "items": _ref("PiiItem")}),
                "masked_text": {"type": ["string", "null"], "description": "the text with each personal-data "
                                "item replaced by `[NIK]`, `[TELEPON]`, ...; `null` when redacted"},
            },
        },
        "ComplaintPage": {
            "type": "object",
            "required": ["items", "next_cursor"],
            "properties": {
                "items": {"type": "array", "items": _ref("ComplaintSummary")},
                "next_cursor": {"type": ["string", "null"]},
            },
        },
        "ComplaintDetail": {
            "allOf": [_ref("ComplaintSummary")],
            "type": "object",
            "properties": {
                "text": {"type": ["string", "null"]},
                "masked_text": {"type": ["string", "null"]},
                "pii": _nullable({"type": "array", "items": {"type": "object"}}),
                "reporter": _nullable(_ref("Reporter")),
                "suggestion": _nullable({"type": "object"}),
                "suggestions": {"type": "array", "items": {"type": "object"}},
                "dispositions": {"type": "array", "items": {"type": "object"}},
                "followups": {"type": "array", "items": {"type": "object"}},
                "history": {"type": "array", "items": {"type": "object"}},
            },
        },
        "ComplaintQuery": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "status": {"type": "string", "pattern": "^(" + "|".join(statuses) + ")(,(" + "|".join(statuses) + "))*$"},
                "agency": {"type": "string", "maxLength": 40},
                "band": {"enum": BANDS},
                "overdue": {"enum": ["true", "false"]},
                "received_from": {"type": "string", "maxLength": 40},
                "received_to": {"type": "string", "maxLength": 40},
                "sort": {"enum": ["-received_at", "received_at", "due_at"]},
                "limit": {"type": "string", "pattern": "^[0-9]{1,4}$"},
                "cursor": {"type": "string", "maxLength": 200},
            },
        },
        "DispositionCreate": {
            "type": "object",
            "additionalProperties": False,
            "required": ["action"],
            "properties": {
                "action": {
                    "enum": list(DISPOSITION_ACTIONS),
                    "description": "`confirm` the suggested agency, `reassign` to `agency`, `archive` (needs "
                    "`reason`), `hoax`, or `need_info` (ask the reporter; needs `reason`).",
                },
                "agency": {"type": "string", "maxLength": 40, "description": "agency code, for `reassign`"},
                "reason": _nullable({"type": "string", "maxLength": 2000}),
                "suggestion_id": _nullable({"type": "integer"}),
            },
        },
        "FollowUpCreate": {
            "type": "object",
            "additionalProperties": False,
            "required": ["status", "text"],
            "properties": {
                "status": {
                    "enum": list(FOLLOWUP_STATUSES),
                    "description": "`in_progress` (Ditindaklanjuti), `done` (Selesai), or `not_our_authority` "
                    "(back to the verifiers; `text` is the reason).",
                },
                "text": {"type": "string", "minLength": 1, "maxLength": max_text},
            },
        },
        "Agency": {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "name": {"type": "string"},
                "aliases": {"type": "array", "items": {"type": "string"}},
                "parent": {"type": ["string", "null"]},
                "kind": {"type": ["string", "null"]},
                "deadline_days": {"type": "integer"},
                "active": {"type": "boolean"},
            },
        },
        "ModelInfo": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "path": {"type": "string"},
                "version": {"type": ["string", "null"]},
                "active": {"type": "boolean"},
                "metrics": {},
                "meta": {"type": "object"},
            },
        },
    }

    complaint_roles = [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER, Role.SYSTEM]
    paths = {
        "/classify": {
            "post": _op(
                "Suggest agency, category and hoax probability (stateless)",
                [Role.SYSTEM, Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST],
                {"200": _json(_ref("ClassifyResponse")), **_errors(400, 401, 403, 413, 415, 422, 503)},
                body="ClassifyRequest",
                tag="classification",
                description="Nothing is stored. A single report answers `{suggestion}`, a batch `{suggestions}`.",
            )
        },
        "/complaints": {
            "post": _op(
                "Take in a complaint: stored and classified in one transaction",
                [Role.SYSTEM, Role.VERIFIER, Role.ADMIN],
                {
                    "201": _json(_ref("ComplaintCreated"), "stored (or replayed for the same Idempotency-Key)"),
                    **_errors(400, 401, 403, 409, 413, 415, 422, 503),
                },
                body="ComplaintCreate",
                params=[
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": False,
                        "schema": {"type": "string", "minLength": 1, "maxLength": 200},
                        "description": "Retry-safe intake: the same key with the same body returns the "
                        "original 201; with a different body, 409 `idempotency_conflict`. Keys are scoped "
                        "to the caller.",
                    }
                ],
                description="If the model fails the complaint is still stored (status `received`, "
                "`suggestion: null`) for a verifier.",
            ),
            "get": _op(
                "List complaints with filters and keyset pagination",
                [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER],
                {"200": _json(_ref("ComplaintPage")), **_errors(401, 403, 422, 503)},
                params=list_params,
                description=VISIBILITY,
            ),
        },
        "/complaints/{tracking_id}": {
            "get": _op(
                "One complaint with its suggestion, decisions and history",
                complaint_roles,
                {"200": _json(_ref("ComplaintDetail")), **_errors(401, 403, 404, 503)},
                params=[tracking_param],
                description="`pii` lists personal-data spans found in the text and `masked_text` replaces "
                "them with placeholders.\n" + VISIBILITY,
            )
        },
        "/complaints/{tracking_id}/disposition": {
            "post": _op(
                "Record the verifier's decision",
                [Role.VERIFIER, Role.ADMIN],
                {"200": _json(_ref("ComplaintDetail")), **_errors(400, 401, 403, 404, 409, 413, 415, 422, 503)},
                body="DispositionCreate",
                params=[tracking_param],
                description="Allowed while the complaint is `received`, `need_info` or `returned`. Two "
                "concurrent decisions on one complaint: one wins, the other gets 409 `concurrent_update` "
                "(or `invalid_transition` if it arrives after the first committed).",
            ),
        },
        "/complaints/{tracking_id}/followup": {
            "post": _op(
                "Record the agency's follow-up",
                [Role.AGENCY_OFFICER],
                {"200": _json(_ref("ComplaintDetail")), **_errors(400, 401, 403, 404, 409, 413, 415, 422, 503)},
                body="FollowUpCreate",
                params=[tracking_param],
                description="Only the officer of the agency the complaint is dispatched to.",
            ),
        },
        "/agencies": {
            "get": _op(
                "The agency directory",
                list(ROLE_DOC),
                {"200": _json({"type": "object", "properties": {"items": {"type": "array", "items": _ref("Agency")}}}),
                 **_errors(401, 503)},
                tag="reference",
            )
        },
        "/models": {
            "get": _op(
                "Model bundles in the models directory, their metrics, and which is active",
                [Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.SYSTEM],
                {"200": _json({"type": "object", "properties": {"items": {"type": "array", "items": _ref("ModelInfo")}}}),
                 **_errors(401, 403)},
                tag="reference",
            )
        },
        "/monitoring": {
            "get": _op(
                "Monitoring of the model in use: acceptance of suggestions per agency and week, bands, hoax flags, drift",
                [Role.ADMIN, Role.DATA_SCIENTIST, Role.SYSTEM],
                {"200": _json({"type": "object", "required": ["acceptance", "bands", "hoax", "drift"]}),
                 **_errors(401, 403, 422)},
                params=[{"name": "weeks", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 52}}],
                tag="operations",
            )
        },
        **_guard_paths(tracking_param),
        "/healthz": {"get": _op("The process is alive", [], {"200": _json({"type": "object"})}, tag="operations")},
        "/readyz": {
            "get": _op(
                "Database reachable and model loaded",
                [],
                {"200": _json({"type": "object"}), "503": _json({"type": "object"}, "not ready")},
                tag="operations",
            )
        },
    }
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
            + f". Limits: text {max_text} characters, batch {batch} items, body "
            f"{config['MAX_CONTENT_LENGTH']} bytes. Every error is "
            '`{"error": {"code", "message", "details"}}`. Roles: '
            + "; ".join(f"`{k}`: {v}" for k, v in ROLE_DOC.items())
            + ". Prometheus metrics: `GET /metrics` (roles `admin`, `data_scientist`, `system`).",
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}, {"basic": []}, {"cookie": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "API key from `triage keys create`"},
                "basic": {"type": "http", "scheme": "basic", "description": "user account (`triage users create`)"},
                "cookie": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": "session",
                    "description": "console login session (SameSite=Lax, HttpOnly). Writes must be "
                    "application/json, which a cross-site form cannot send.",
                },
            },
        },
    }
