"""The OpenAPI document and a self-contained page that renders it (no CDN: offline machines)."""

from flask import jsonify, render_template

from api import extensions
from api.v1 import bp


@bp.get("/openapi.json")
def openapi():
    # Public: the contract holds no data, and clients/fuzzers need it before they have a key.
    return jsonify(extensions.openapi())


@bp.get("/docs")
def docs():
    return render_template("api_docs.html", title=extensions.openapi()["info"]["title"])
