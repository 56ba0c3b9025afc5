"""Validate request bodies and query strings through the pydantic models of `api.schemas`.

Errors come back in the API's one format, `{"error": {"code", "message", "details": [...]}}`:
400 for a body that is not JSON, 413 when a configured limit is exceeded (text length, batch size),
422 for everything else, each problem in `details` with its field, code and message.
"""

from __future__ import annotations

import json
import re
from typing import TypeVar

from flask import current_app, request
from pydantic import BaseModel, ValidationError

from api.errors import ApiError

M = TypeVar("M", bound=BaseModel)
_SURROGATE = re.compile("[\ud800-\udfff]")

LIMIT_SETTINGS = ("MAX_TEXT_CHARS", "BATCH_LIMIT", "PAGE_SIZE_MAX", "MAX_TITLE_CHARS")
# Errors that mean "too large" (413) rather than "malformed" (422).
TOO_LARGE = {"text_too_long", "batch_too_large"}
CODES = {
    "missing": "required",
    "extra_forbidden": "unknown_field",
    "literal_error": "enum",
    "enum": "enum",
    "string_too_long": "maxLength",
    "string_too_short": "minLength",
    "too_short": "minItems",
    "too_long": "maxItems",
    "greater_than_equal": "range",
    "less_than_equal": "range",
    "int_parsing": "type",
    "int_type": "type",
    "string_type": "type",
    "bool_type": "type",
    "model_type": "type",
    "dict_type": "type",
    "list_type": "type",
    "float_type": "type",
    "int_from_float": "type",
}


def limits(app=None) -> dict:
    """The configured limits, passed to validation as its context."""
    cfg = (app or current_app).config
    return {k: cfg[k] for k in LIMIT_SETTINGS if k in cfg}


def _field(loc) -> str:
    # pydantic names the branch of a union or the validator in the location; callers want the field path.
    return ".".join(str(part) for part in loc if not (isinstance(part, str) and ("[" in part or part.startswith("function-"))))


def _message(err: dict) -> str:
    kind = err["type"]
    name = _field(err["loc"]).rsplit(".", 1)[-1]
    if kind == "missing":
        return f"{name!r} is required"
    if kind == "extra_forbidden":
        return f"unknown field {name!r}"
    return err["msg"].removeprefix("Value error, ")


def to_api_error(exc: ValidationError) -> ApiError:
    errors = exc.errors(include_url=False)
    for e in errors:
        if e["type"] in TOO_LARGE:
            field = _field(e["loc"])
            limit = (e.get("ctx") or {}).get("limit")
            unit = "characters" if e["type"] == "text_too_long" else "items"
            message = f"{field} is over the limit of {limit} {unit}"
            return ApiError(413, e["type"], message, [{"field": field, "code": e["type"], "limit": limit,
                                                        "message": message}])
    details, seen = [], set()
    for e in errors:
        item = {"field": _field(e["loc"]), "code": CODES.get(e["type"], e["type"]), "message": _message(e)}
        key = (item["field"], item["code"])
        if key not in seen:  # a field wrong in both branches of `X | None` is one problem
            seen.add(key)
            details.append(item)
    # The message names every problem (the first three), so a caller reading only it still sees them all.
    said = [f"{d['field']}: {d['message']}" if d["field"] else d["message"] for d in details[:3]]
    more = f" (and {len(details) - 3} more in details)" if len(details) > 3 else ""
    return ApiError(422, "validation_error", "; ".join(said) + more, details)


def validate(model: type[M], data, *, context: dict | None = None) -> M:
    """`data` (already parsed) through `model`, with the API's errors."""
    try:
        return model.model_validate(data, context=limits() if context is None else context)
    except ValidationError as exc:
        raise to_api_error(exc) from None


def json_body(model: type[M]) -> M:
    """The request's JSON body, validated by `model` (JSON types are not coerced)."""
    if not request.mimetype or not (request.mimetype == "application/json" or request.mimetype.endswith("+json")):
        raise ApiError(415, "unsupported_media_type", "send the body as JSON with Content-Type: application/json")
    raw = request.get_data(cache=True)  # enforces MAX_CONTENT_LENGTH (413)
    if not raw.strip():
        raise ApiError(400, "malformed_json", "the body is empty; send a JSON object")
    try:
        return model.model_validate_json(raw, context=limits())
    except ValidationError as exc:
        bad_json = [e for e in exc.errors(include_url=False) if e["type"] == "json_invalid"]
        if bad_json:
            _refuse_lone_surrogates(raw)
            reason = (bad_json[0].get("ctx") or {}).get("error") or bad_json[0]["msg"]
            raise ApiError(400, "malformed_json", f"the body is not valid JSON: {reason}") from None
        raise to_api_error(exc) from None


def _refuse_lone_surrogates(raw: bytes) -> None:
    """A body that is JSON except for an escaped lone surrogate ("\\ud800"): say which field has it.

    pydantic's parser refuses such a string outright; Python's accepts it, so it can find the field.
    (Such a character cannot be stored in PostgreSQL, and stands for a character the client lost.)"""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return  # really not JSON (or too deep to look into): the caller's malformed_json answer stands
    field = _surrogate_path(data, ())
    if field is not None:
        name = ".".join(str(p) for p in field)
        message = "must not contain unpaired surrogate characters"
        raise ApiError(400, "unstorable_character", f"{name}: {message}",
                       [{"field": name, "code": "unstorable_character", "message": message}])


def _surrogate_path(value, path: tuple):
    stack = [(value, path)]
    while stack:  # iterative: the body may be deeply nested
        value, path = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return path
        elif isinstance(value, dict):
            for k, v in value.items():
                if _SURROGATE.search(k):
                    return (*path, k.encode("utf-8", "replace").decode())
                stack.append((v, (*path, k)))
        elif isinstance(value, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
    return None


def query_args(model: type[M]) -> M:
    """The query string, validated by `model`; a parameter given twice is an error."""
    args = {}
    for key in request.args:
        values = request.args.getlist(key)
        if len(values) > 1:
            raise ApiError(422, "validation_error", f"{key}: give it once",
                           [{"field": key, "code": "repeated", "message": "give it once"}])
        args[key] = values[0]
    return validate(model, args)
