"""Every error is JSON {"error": {code, message, details?}} with the right status."""

import json

import pytest
from support.api import COMPLAINT

from api import extensions


def _assert_error(resp, status, code):
    assert resp.status_code == status, resp.get_data(as_text=True)
    assert resp.mimetype == "application/json"
    assert resp.json["error"]["code"] == code
    assert resp.json["error"]["message"]


def test_malformed_json_is_400(client, verifier):
    resp = client.post("/api/v1/complaints", data="{not json", content_type="application/json", headers=verifier)
    _assert_error(resp, 400, "malformed_json")


def test_an_empty_body_says_so(client, verifier):
    for body in ("", "  \n"):
        resp = client.post("/api/v1/classify", data=body, content_type="application/json", headers=verifier)
        _assert_error(resp, 400, "malformed_json")
        assert resp.json["error"]["message"] == "the body is empty; send a JSON object"


def test_invalid_utf8_is_400(client, verifier):
    resp = client.post("/api/v1/classify", data=b'{"text": "\xff\xfe"}', content_type="application/json",
                       headers=verifier)
    _assert_error(resp, 400, "malformed_json")


def test_not_json_is_415(client, verifier):
    resp = client.post("/api/v1/complaints", data="text=halo", content_type="application/x-www-form-urlencoded",
                       headers=verifier)
    _assert_error(resp, 415, "unsupported_media_type")
    _assert_error(client.post("/api/v1/classify", data="halo", headers=verifier), 415, "unsupported_media_type")


def test_unknown_field_is_422_naming_it(client, verifier):
    resp = client.post("/api/v1/complaints", json={**COMPLAINT, "prioritas": "tinggi"}, headers=verifier)
    _assert_error(resp, 422, "validation_error")
    assert "prioritas" in resp.json["error"]["message"]
    assert resp.json["error"]["details"] == [
        {"field": "prioritas", "code": "unknown_field", "message": "unknown field 'prioritas'"}
    ]


def test_nested_unknown_field_and_missing_text(client, verifier):
    resp = client.post("/api/v1/complaints", json={"reporter": {"nik": "1"}}, headers=verifier)
    _assert_error(resp, 422, "validation_error")
    fields = {d["field"] for d in resp.json["error"]["details"]}
    assert fields == {"text", "reporter.nik"}


@pytest.mark.parametrize("body", [[], "teks", 3, None, {"text": 5}, {"text": ""}, {"text": " \n\t"}])
def test_wrong_shapes_are_422(client, verifier, body):
    resp = client.post("/api/v1/complaints", data=json.dumps(body), content_type="application/json",
                       headers=verifier)
    _assert_error(resp, 422, "validation_error")


def test_text_over_the_limit_is_413(client, verifier, app):
    limit = app.config["MAX_TEXT_CHARS"]
    resp = client.post("/api/v1/complaints", json={"text": "a" * (limit + 1)}, headers=verifier)
    _assert_error(resp, 413, "text_too_long")
    assert resp.json["error"]["details"] == [{"field": "text", "code": "text_too_long", "limit": limit,
                                              "message": f"text is over the limit of {limit} characters"}]
    ok = client.post("/api/v1/complaints", json={"text": "a" * limit}, headers=verifier)
    assert ok.status_code == 201
    resp = client.post("/api/v1/classify", json={"items": [{"text": "b" * (limit + 1)}]}, headers=verifier)
    _assert_error(resp, 413, "text_too_long")


def test_body_over_max_content_length_is_413(app_config, verifier_for):
    from api import create_app

    app = create_app({**app_config, "MAX_CONTENT_LENGTH": 1000})
    client = app.test_client()
    resp = client.post("/api/v1/complaints", json={"text": "a" * 2000}, headers=verifier_for(app))
    _assert_error(resp, 413, "request_too_large")
    extensions.engine(app).dispose()


@pytest.fixture
def verifier_for():
    from support.api import PASSWORD, basic
    from werkzeug.security import generate_password_hash

    from api.models import User

    def make(app):
        with extensions.sessionmaker(app)() as s:
            s.add(User(username="v-big", password_hash=generate_password_hash(PASSWORD, "pbkdf2:sha256:1000"),
                       role="verifier"))
            s.commit()
        return basic("v-big")

    return make


def test_unknown_route_and_wrong_method_are_json(client, verifier):
    _assert_error(client.get("/api/v1/nothing-here", headers=verifier), 404, "not_found")
    resp = client.delete("/api/v1/complaints", headers=verifier)
    _assert_error(resp, 405, "method_not_allowed")
    assert "GET" in resp.headers["Allow"]


def test_bad_query_parameters_are_422(client, verifier):
    _assert_error(client.get("/api/v1/complaints?status=lost", headers=verifier), 422, "validation_error")
    resp = client.get("/api/v1/complaints?colour=red", headers=verifier)
    _assert_error(resp, 422, "validation_error")
    assert resp.json["error"]["details"][0]["field"] == "colour"
    _assert_error(client.get("/api/v1/complaints?limit=0", headers=verifier), 422, "validation_error")
    _assert_error(client.get("/api/v1/complaints?cursor=zzz", headers=verifier), 422, "validation_error")
    _assert_error(client.get("/api/v1/complaints?received_from=kemarin", headers=verifier), 422, "validation_error")


def test_database_unreachable_is_503_with_retry_after(app_config, monkeypatch):
    from api import create_app

    app = create_app(app_config)
    from sqlalchemy import create_engine
    from sqlalchemy.orm import sessionmaker

    dead = create_engine("postgresql+psycopg2://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 1})
    monkeypatch.setitem(app.extensions, "triage.sessionmaker", sessionmaker(dead))
    monkeypatch.setitem(app.extensions, "triage.engine", dead)
    client = app.test_client()
    resp = client.get("/api/v1/agencies", headers={"Authorization": "Bearer trg_x_y"})
    _assert_error(resp, 503, "database_unavailable")
    assert resp.headers["Retry-After"] == "5"
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.json["checks"]["database"].startswith("unreachable")
    assert client.get("/healthz").status_code == 200


def test_blank_text_message_is_readable(client, verifier):
    resp = client.post("/api/v1/complaints", json={"text": "   "}, headers=verifier)
    assert resp.json["error"]["message"] == "text: must contain some non-blank text (not only spaces or control characters)"
