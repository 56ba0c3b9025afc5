"""JSON errors for everything under /api and /metrics: `{"error": {"code", "message", "details"}}`.

A feature with its own error format under its own path (Open311's GeoReport error arrays under
/open311/) registers it with `register_format`: every error there, from a view, from routing (404, 405),
from the rate limits or the login lockout, and unexpected ones (500), then comes in that format."""

from __future__ import annotations

import logging

from flask import Flask, current_app, has_request_context, jsonify, request
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, InternalServerError

from api.model_holder import ModelUnavailable
from api.services import errors as svc

log = logging.getLogger(__name__)

SERVICE_STATUS = {
    svc.NotFound: 404,
    svc.Forbidden: 403,
    svc.Conflict: 409,
    svc.Invalid: 422,
    svc.Unavailable: 503,
}
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "request_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    503: "unavailable",
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, details=None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details
        self.headers = headers or {}


def details_list(code: str, details) -> list[dict]:
    """One shape for every error: `details` is a list of problems, each an object with a code (empty
    when there is nothing to add to the message)."""
    if details is None:
        return []
    if isinstance(details, dict):
        return [{"code": code, **details}]
    if isinstance(details, (list, tuple)):
        return [d if isinstance(d, dict) else {"code": code, "message": str(d)} for d in details]
    return [{"code": code, "message": str(details)}]


FORMATS = "error_formats"  # app.extensions key: {path prefix: render(status, message) -> Response}


def register_format(app: Flask, prefix: str, render) -> None:
    app.extensions.setdefault(FORMATS, {})[prefix] = render


def _path_format():
    if not has_request_context():
        return None
    for prefix, render in current_app.extensions.get(FORMATS, {}).items():
        if request.path.startswith(prefix):
            return render
    return None


def error_response(status: int, code: str, message: str, details=None, headers=None):
    render = _path_format()
    if render is not None:
        resp = render(status, message)
        for k, v in (headers or {}).items():
            resp.headers[k] = v
        return resp
    body = {"error": {"code": code, "message": message, "details": details_list(code, details)}}
    resp = jsonify(body)
    resp.status_code = status
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def _is_api() -> bool:
    return (request.path.startswith("/api/") or request.path in ("/metrics", "/healthz", "/readyz")
            or _path_format() is not None)


def _retry_after() -> dict:
    return {"Retry-After": str(current_app.config.get("RETRY_AFTER_SECONDS", 5))}


def register(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(e: ApiError):
        return error_response(e.status, e.code, e.message, e.details, e.headers)

    @app.errorhandler(svc.ServiceError)
    def _service_error(e: svc.ServiceError):
        status = next(s for cls, s in SERVICE_STATUS.items() if isinstance(e, cls))
        return error_response(status, e.code, e.message, e.details, _retry_after() if status == 503 else None)

    @app.errorhandler(ModelUnavailable)
    def _model_unavailable(e):
        # The reason names server paths: it goes to the log and /readyz (for admins), not to API clients.
        log.warning("model unavailable: %s", e)
        return error_response(503, "model_unavailable", "the model is not loaded yet; retry later",
                              headers=_retry_after())

    @app.errorhandler(OperationalError)
    @app.errorhandler(PoolTimeout)
    def _db_unavailable(e):
        log.error("database unavailable: %s", e.__class__.__name__)
        return error_response(503, "database_unavailable", "the database is unreachable; retry later",
                              headers=_retry_after())

    @app.errorhandler(HTTPException)
    def _http(e: HTTPException):
        if not _is_api():
            return e
        code = HTTP_CODES.get(e.code, "http_error")
        message = e.description or e.name
        if e.code == 413:
            message = f"the request body is over the limit of {current_app.config['MAX_CONTENT_LENGTH']} bytes"
        headers = {k: v for k, v in e.get_headers() if k.lower() in ("allow", "www-authenticate", "retry-after")}
        return error_response(e.code or 500, code, message, headers=headers)

    @app.errorhandler(Exception)
    def _unexpected(e: Exception):
        if isinstance(e, DBAPIError) and e.connection_invalidated:
            return _db_unavailable(e)
        log.exception("unhandled error on %s %s", request.method, request.path)
        if not _is_api():
            return InternalServerError()
        return error_response(500, "internal_error", "an unexpected error occurred; it has been logged")
