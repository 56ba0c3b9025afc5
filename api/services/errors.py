"""Errors raised by services; api.errors maps each class to an HTTP status."""

from __future__ import annotations


class ServiceError(Exception):
    code = "error"

    def __init__(self, message: str, code: str | None = None, details=None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details


class NotFound(ServiceError):
    code = "not_found"


class Forbidden(ServiceError):
    code = "forbidden"


class Conflict(ServiceError):
    code = "conflict"


class Invalid(ServiceError):
    """Well-formed request that the service cannot apply (unknown agency, missing reason...)."""

    code = "invalid"


class Unavailable(ServiceError):
    code = "unavailable"
