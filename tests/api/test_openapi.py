"""The OpenAPI document: valid, complete, consistent with the routes, and honoured by responses."""

import re

import pytest
from openapi_spec_validator import validate
from support.api import COMPLAINT, conforms


@pytest.fixture
def spec(client):
    resp = client.get("/api/v1/openapi.json")  # public: no credentials
    assert resp.status_code == 200
    return resp.json


def test_document_is_valid_openapi_31(spec):
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_every_route_is_documented_with_its_roles(app, spec):
    """Every /api/v1 and /open311 route is in the document under its server, with its roles."""
    documented = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    routed = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith(("/api/v1/", "/open311/")) or rule.endpoint in ("api_v1.openapi", "api_v1.docs"):
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            routed.add((path, method.lower()))
            view = app.view_functions[rule.endpoint]
            assert set(getattr(view, "roles", ())) == set(spec["paths"][path][method.lower()]["x-roles"]), path
    assert routed == documented


def test_limits_in_the_document_come_from_config(app, spec):
    schemas = spec["components"]["schemas"]
    assert schemas["ComplaintCreate"]["properties"]["text"]["maxLength"] == app.config["MAX_TEXT_CHARS"]
    assert schemas["ClassifyRequest"]["properties"]["items"]["maxItems"] == app.config["BATCH_LIMIT"]


def test_responses_match_the_documented_schemas(client, spec, verifier, make_user, api_key):
    created = client.post("/api/v1/complaints", json=COMPLAINT, headers=verifier)
    conforms(spec, "/api/v1/complaints", "post", created)
    tid = created.json["tracking_id"]
    conforms(spec, "/api/v1/complaints", "get", client.get("/api/v1/complaints", headers=verifier))
    conforms(spec, "/api/v1/complaints/{tracking_id}", "get", client.get(f"/api/v1/complaints/{tid}", headers=verifier))
    decided = client.post(f"/api/v1/complaints/{tid}/disposition", json={"action": "confirm"}, headers=verifier)
    conforms(spec, "/api/v1/complaints/{tracking_id}/disposition", "post", decided)
    officer = make_user("agency_officer", agency=decided.json["agency"])
    done = client.post(f"/api/v1/complaints/{tid}/followup", json={"status": "done", "text": "beres"}, headers=officer)
    conforms(spec, "/api/v1/complaints/{tracking_id}/followup", "post", done)
    conforms(spec, "/api/v1/classify", "post", client.post("/api/v1/classify", json={"text": "a"}, headers=api_key))
    conforms(spec, "/api/v1/classify", "post", client.post("/api/v1/classify", json={"items": [{"text": "a"}]}, headers=api_key))
    conforms(spec, "/api/v1/agencies", "get", client.get("/api/v1/agencies", headers=api_key))
    conforms(spec, "/api/v1/models", "get", client.get("/api/v1/models", headers=api_key))
    conforms(spec, "/api/v1/healthz", "get", client.get("/api/v1/healthz"))
    conforms(spec, "/api/v1/readyz", "get", client.get("/api/v1/readyz"))
    for status, resp in [
        (401, client.get("/api/v1/agencies")),
        (403, client.post("/api/v1/classify", json={"text": "a"}, headers=officer)),
        (404, client.get("/api/v1/complaints/LPR-NONE", headers=verifier)),
        (422, client.post("/api/v1/complaints", json={"x": 1}, headers=verifier)),
    ]:
        assert resp.status_code == status
        conforms(spec, "/api/v1/complaints/{tracking_id}" if status == 404 else "/api/v1/classify", "post" if status != 404 else "get", resp)


def _bare(schema: dict, components: dict, seen=()) -> bool:
    """An object with no properties to check (a `{"type": "object"}` that says nothing)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return name not in seen and _bare(components[name], components, (*seen, name))
    if "anyOf" in schema:
        return any(_bare(s, components, seen) for s in schema["anyOf"] if s.get("type") != "null")
    if schema.get("type") == "array":
        return _bare(schema.get("items", {}), components, seen)
    return schema.get("type") == "object" and not schema.get("properties") and not schema.get("additionalProperties")


def test_every_response_has_a_generated_schema_that_is_not_a_bare_object(spec):
    schemas = spec["components"]["schemas"]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            for status, resp in op["responses"].items():
                [(mimetype, content)] = resp["content"].items()  # one format per path (Open311: .json, .xml)
                assert mimetype == ("text/xml" if path.endswith(".xml") else "application/json"), (path, mimetype)
                schema = content["schema"]
                assert "$ref" in schema, (method, path, status)  # generated from a model, not written inline
                assert not _bare(schema, schemas), (method, path, status)


def test_feature_and_open311_responses_match_the_document(client, spec, verifier, api_key, scientist):
    created = client.post("/api/v1/complaints", json=COMPLAINT, headers=verifier).json
    tid = created["tracking_id"]
    conforms(spec, "/api/v1/hoaxes", "get", client.get("/api/v1/hoaxes?status=all", headers=verifier))
    conforms(spec, "/api/v1/hoaxes/templates", "get", client.get("/api/v1/hoaxes/templates", headers=verifier))
    conforms(spec, "/api/v1/hoaxes/stats", "get", client.get("/api/v1/hoaxes/stats", headers=verifier))
    conforms(spec, "/api/v1/hoaxes/{tracking_id}/confirm", "post", client.post(
        f"/api/v1/hoaxes/{tid}/confirm", json={"claim": "jalan ditutup permanen"}, headers=verifier))
    conforms(spec, "/api/v1/complaints/{tracking_id}/related", "get",
             client.get(f"/api/v1/complaints/{tid}/related", headers=verifier))
    conforms(spec, "/api/v1/monitoring", "get", client.get("/api/v1/monitoring", headers=scientist))
    conforms(spec, "/api/v1/monitoring", "get", client.get("/api/v1/monitoring?weeks=99", headers=scientist))
    conforms(spec, "/open311/v2/services.json", "get", client.get("/open311/v2/services.json"))
    code = client.get("/open311/v2/services.json").json[0]["service_code"]
    conforms(spec, "/open311/v2/services/{code}.json", "get", client.get(f"/open311/v2/services/{code}.json"))
    key = api_key["Authorization"].split()[1]
    posted = client.post("/open311/v2/requests.json", data={
        "api_key": key, "service_code": code, "lat": "-6.9", "long": "107.6",
        "description": "Lampu jalan mati sejak seminggu, gelap sekali di malam hari."})
    conforms(spec, "/open311/v2/requests.json", "post", posted)
    rid = posted.json[0]["service_request_id"]
    conforms(spec, "/open311/v2/requests.json", "get", client.get(f"/open311/v2/requests.json?api_key={key}"))
    conforms(spec, "/open311/v2/requests/{request_id}.json", "get",
             client.get(f"/open311/v2/requests/{rid}.json?api_key={key}"))
    conforms(spec, "/open311/v2/requests.json", "post", client.post("/open311/v2/requests.json", data={"api_key": key}))


def test_open311_is_documented_in_both_formats_with_its_xml_names(spec, client, key_form):
    """Every GeoReport endpoint as .json and .xml, the XML described by the same generated schemas, whose
    `xml` names are the elements the server writes."""
    import xml.etree.ElementTree as ET

    paths = {p for p in spec["paths"] if p.startswith("/open311/")}
    stems = {p.rsplit(".", 1)[0] for p in paths}
    assert stems == {"/open311/discovery", "/open311/v2/services", "/open311/v2/services/{code}",
                     "/open311/v2/requests", "/open311/v2/requests/{request_id}"}
    assert paths == {f"{stem}.{fmt}" for stem in stems for fmt in ("json", "xml")}
    assert set(spec["paths"]["/open311/v2/requests.xml"]) == {"get", "post"}
    schemas = spec["components"]["schemas"]

    def names(model: str) -> tuple[str, str | None]:
        schema = schemas[model]
        item = schema.get("items", {}).get("$ref")
        return schema["xml"]["name"], schemas[item.rsplit("/", 1)[1]]["xml"]["name"] if item else None

    code = client.get("/open311/v2/services.json").json[0]["service_code"]
    posted = client.post("/open311/v2/requests.xml", data={**key_form, "service_code": code})
    for path, resp in [("/open311/v2/services.xml", client.get("/open311/v2/services.xml")),
                       ("/open311/v2/requests.xml", client.get("/open311/v2/requests.xml")),
                       ("/open311/v2/requests.xml", posted),
                       ("/open311/v2/services/{code}.xml", client.get(f"/open311/v2/services/{code}.xml")),
                       ("/open311/discovery.xml", client.get("/open311/discovery.xml")),
                       ("/open311/v2/requests/{request_id}.xml", client.get("/open311/v2/requests/LPR-NONE.xml"))]:
        method = "post" if resp is posted else "get"
        content = spec["paths"][path][method]["responses"][str(resp.status_code)]["content"]
        model = content["text/xml"]["schema"]["$ref"].rsplit("/", 1)[1]
        root, item = names(model)
        doc = ET.fromstring(resp.data)
        assert doc.tag == root and (item is None or all(child.tag == item for child in doc)), (path, model)
        assert item is None or len(doc) > 0, path


@pytest.fixture
def key_form(api_key):
    return {"api_key": api_key["Authorization"].split()[1], "lat": "-6.9", "long": "107.6",
            "description": "Lampu jalan mati sejak seminggu, gelap sekali di malam hari."}


def test_docs_page_is_self_contained(client):
    resp = client.get("/api/v1/docs")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    assert "openapi.json" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # no CDN: offline machines
