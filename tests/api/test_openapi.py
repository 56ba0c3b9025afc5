"""The OpenAPI document: valid, complete, consistent with the routes, and honoured by responses."""

import re

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from support.api import COMPLAINT


@pytest.fixture
def spec(client):
    resp = client.get("/api/v1/openapi.json")  # public: no credentials
    assert resp.status_code == 200
    return resp.json


def test_document_is_valid_openapi_31(spec):
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_every_route_is_documented_with_its_roles(app, spec):
    documented = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    routed = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.endpoint in ("api_v1.openapi", "api_v1.docs"):
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            routed.add((path, method.lower()))
            view = app.view_functions[rule.endpoint]
            assert set(getattr(view, "roles", ())) == set(spec["paths"][path][method.lower()]["x-roles"]), path
    assert routed == documented


def test_limits_in_the_document_come_from_config(app, spec):
    schemas = spec["components"]["schemas"]
    assert schemas["ComplaintCreate"]["properties"]["text"]["maxLength"] == app.config["MAX_TEXT_CHARS"]
    assert schemas["ClassifyRequest"]["properties"]["items"]["maxItems"] == app.config["BATCH_LIMIT"]


def _response_schema(spec, path, method, status):
    schema = spec["paths"][path][method]["responses"][str(status)]["content"]["application/json"]["schema"]
    return {**schema, "components": spec["components"]}


def _conforms(spec, path, method, resp):
    validator = Draft202012Validator(_response_schema(spec, path, method, resp.status_code))
    errors = [e.message for e in validator.iter_errors(resp.json)]
    assert not errors, (path, method, resp.status_code, errors[:3])


def test_responses_match_the_documented_schemas(client, spec, verifier, make_user, api_key):
    created = client.post("/api/v1/complaints", json=COMPLAINT, headers=verifier)
    _conforms(spec, "/complaints", "post", created)
    tid = created.json["tracking_id"]
    _conforms(spec, "/complaints", "get", client.get("/api/v1/complaints", headers=verifier))
    _conforms(spec, "/complaints/{tracking_id}", "get", client.get(f"/api/v1/complaints/{tid}", headers=verifier))
    decided = client.post(f"/api/v1/complaints/{tid}/disposition", json={"action": "confirm"}, headers=verifier)
    _conforms(spec, "/complaints/{tracking_id}/disposition", "post", decided)
    officer = make_user("agency_officer", agency=decided.json["agency"])
    done = client.post(f"/api/v1/complaints/{tid}/followup", json={"status": "done", "text": "beres"}, headers=officer)
    _conforms(spec, "/complaints/{tracking_id}/followup", "post", done)
    _conforms(spec, "/classify", "post", client.post("/api/v1/classify", json={"text": "a"}, headers=api_key))
    _conforms(spec, "/classify", "post", client.post("/api/v1/classify", json={"items": [{"text": "a"}]}, headers=api_key))
    _conforms(spec, "/agencies", "get", client.get("/api/v1/agencies", headers=api_key))
    _conforms(spec, "/models", "get", client.get("/api/v1/models", headers=api_key))
    _conforms(spec, "/healthz", "get", client.get("/api/v1/healthz"))
    _conforms(spec, "/readyz", "get", client.get("/api/v1/readyz"))
    for status, resp in [
        (401, client.get("/api/v1/agencies")),
        (403, client.post("/api/v1/classify", json={"text": "a"}, headers=officer)),
        (404, client.get("/api/v1/complaints/LPR-NONE", headers=verifier)),
        (422, client.post("/api/v1/complaints", json={"x": 1}, headers=verifier)),
    ]:
        assert resp.status_code == status
        _conforms(spec, "/complaints/{tracking_id}" if status == 404 else "/classify", "post" if status != 404 else "get", resp)


def test_docs_page_is_self_contained(client):
    resp = client.get("/api/v1/docs")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    assert "openapi.json" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # no CDN: offline machines
