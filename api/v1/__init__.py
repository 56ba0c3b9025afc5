"""The /api/v1 blueprint: JSON in, JSON out; views only translate HTTP to service calls."""

from flask import Blueprint

bp = Blueprint("api_v1", __name__, url_prefix="/api/v1")

from api.v1 import clusters, complaints, docs, hoaxes, operations, reference  # noqa: E402,F401  (routes register on import)
