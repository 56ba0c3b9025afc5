"""Validate request bodies and query strings against the OpenAPI component schemas."""

from __future__ import annotations

import json

from flask import request
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api import extensions
from api.errors import ApiError

SPEC_URI = "urn:triage:openapi"
# Limits whose violation is "too large" (413) rather than "malformed" (422).
TOO_LARGE = {("maxLength", "text"): "text_too_long", ("maxItems", "items"): "batch_too_large"}


class SchemaValidator:
    def __init__(self, spec: dict):
        resource = Resource.from_contents(spec, default_specification=DRAFT202012)
        self._registry = Registry().with_resource(SPEC_URI, resource)
        self._validators: dict[str, Draft202012Validator] = {}
        self._names = set(spec["components"]["schemas"])

    def validator(self, name: str) -> Draft202012Validator:
        if name not in self._names:
            raise KeyError(f"no schema {name!r} in the OpenAPI document")
        if name not in self._validators:
            schema = {"$ref": f"{SPEC_URI}#/components/schemas/{name}"}
            self._validators[name] = Draft202012Validator(schema, registry=self._registry)
        return self._validators[name]

    def check(self, name: str, instance) -> None:
        errors = sorted(self.validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path))
        if errors:
            raise _to_api_error(errors)


def _field(path) -> str:
    return ".".join(str(p) for p in path)


def _describe(error) -> list[dict]:
    path = list(error.absolute_path)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return [{"field": _field(path + [name]), "code": "unknown_field", "message": f"unknown field {name!r}"}
                for name in extra]
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else ""
        return [{"field": _field(path + [missing]), "code": "required", "message": f"{missing!r} is required"}]
    # x-error-message words the failures of combinators and patterns, whose defaults are cryptic.
    custom = error.schema.get("x-error-message") if error.validator in ("oneOf", "anyOf", "pattern") else None
    message = custom or error.message
    if error.validator in ("oneOf", "anyOf") and not custom:
        # "x is not valid under any of the given schemas" hides the useful part: show the closest.
        best = min(error.context, key=lambda e: len(list(e.relative_path)), default=None) if error.context else None
        if best is not None:
            message = best.message
    return [{"field": _field(path), "code": error.validator, "message": message}]


def _to_api_error(errors) -> ApiError:
    for e in errors:
        path = list(e.absolute_path)
        key = (e.validator, path[-1] if path else "")
        if key in TOO_LARGE:
            limit = e.validator_value
            unit = "characters" if e.validator == "maxLength" else "items"
            return ApiError(413, TOO_LARGE[key], f"{_field(path)} is over the limit of {limit} {unit}",
                            {"field": _field(path), "limit": limit})
    details = [d for e in errors for d in _describe(e)]
    first = details[0]
    where = f"{first['field']}: " if first["field"] else ""
    return ApiError(422, "validation_error", f"{where}{first['message']}", details)


def json_body(schema: str) -> dict:
    """The request's JSON body, checked against components.schemas[schema]."""
    if not request.mimetype or not (request.mimetype == "application/json" or request.mimetype.endswith("+json")):
        raise ApiError(415, "unsupported_media_type", "send the body as JSON with Content-Type: application/json")
    raw = request.get_data(cache=True)  # enforces MAX_CONTENT_LENGTH (413)
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "malformed_json", f"the body is not valid JSON: {exc}") from None
    extensions.validator().check(schema, data)
    return data


def query_args(schema: str) -> dict:
    args = {}
    for key in request.args:
        values = request.args.getlist(key)
        if len(values) > 1:
            raise ApiError(422, "validation_error", f"{key}: give it once", [{"field": key, "code": "repeated"}])
        args[key] = values[0]
    extensions.validator().check(schema, args)
    return args
