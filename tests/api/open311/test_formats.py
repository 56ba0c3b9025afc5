"""Both GeoReport v2 formats on every endpoint: the XML has the element names and nesting of the spec's XML
examples (georeport_v2_examples.xml) and carries the same values as the JSON; every error, also routing's
404/405 and an unexpected 500, is a GeoReport error array in the format asked for, never HTML."""

import xml.etree.ElementTree as ET

import pytest
from support.open311 import BASE, XML_EXAMPLES, shape


def xml(resp, status=200):
    assert resp.status_code == status, resp.data
    assert resp.content_type == "text/xml; charset=utf-8"
    assert resp.data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    return ET.fromstring(resp.data)


def test_services_and_definition_in_xml_match_the_spec_and_the_json(client, service):
    root = xml(client.get(f"{BASE}/services.xml"))
    assert shape(root) == shape(XML_EXAMPLES["services"])
    first = root[0]
    assert {child.tag: child.text for child in first} == {**service, "metadata": "false"}
    assert len(root) == len(client.get(f"{BASE}/services.json").json)

    definition = xml(client.get(f"{BASE}/services/{service['service_code']}.xml"))
    example = shape(XML_EXAMPLES["service_definition"])
    assert definition.tag == "service_definition" and list(shape(definition)) == list(example)
    assert definition.findtext("service_code") == service["service_code"] and len(definition.find("attributes")) == 0


def test_post_and_read_in_xml(client, key, service, post, verifier):
    resp = client.post(f"{BASE}/requests.xml", data={
        "api_key": key, "service_code": service["service_code"], "address_string": "Jl. Asia Afrika & <Braga>",
        "description": "Trotoar rusak di depan \"toko\" <b>&amp;</b> \x0b\x01saluran tersumbat \U0001F6A7"})
    created = xml(resp, 201)
    assert shape(created) == shape(XML_EXAMPLES["post_request"])
    rid = created.findtext("request/service_request_id")
    assert rid.startswith("LPR-") and rid in created.findtext("request/service_notice")
    assert created.find("request/account_id").text is None  # null: an empty element, as in the spec

    # Read as a verifier (raw text): escaped markup comes back as written, XML 1.0's forbidden characters
    # are gone (the JSON still has them), everything else is the JSON's value as text.
    as_xml = xml(client.get(f"{BASE}/requests/{rid}.xml", headers=verifier))
    assert shape(as_xml) == shape(XML_EXAMPLES["requests"])
    [as_json] = client.get(f"{BASE}/requests/{rid}.json", headers=verifier).json
    request = as_xml.find("request")
    assert request.findtext("description") == as_json["description"].replace("\x0b", "").replace("\x01", "")
    assert request.findtext("description").startswith('Trotoar rusak di depan "toko" <b>&amp;</b> saluran')
    assert request.findtext("address") == "Jl. Asia Afrika & <Braga>"
    for field, value in as_json.items():
        if field != "description":
            assert (request.findtext(field) or "") == ("" if value is None else str(value)), field
    listed = xml(client.get(f"{BASE}/requests.xml", headers=verifier))
    assert [r.findtext("service_request_id") for r in listed] == [rid]


def test_discovery_names_the_office_in_both_formats(app, client, db_session):
    from api.office import service as office

    # The office as `triage setup` stores it (api.office), the one identity every surface reads.
    office.save(db_session, office.validate({"name": "Pemerintah Kabupaten Contoh"}), actor="test")
    db_session.commit()
    app.config.update(OPEN311_CONTACT="open311@contoh.go.id")
    doc = client.get("/open311/discovery.json").json
    assert doc["contact"] == "Pemerintah Kabupaten Contoh: open311@contoh.go.id"
    assert "Pemerintah Kabupaten Contoh" in doc["key_service"]
    [endpoint] = doc["endpoints"]
    assert endpoint == {"specification": "http://wiki.open311.org/GeoReport_v2", "url": "http://localhost/open311/v2",
                        "changeset": doc["changeset"], "type": "production",
                        "formats": ["text/xml", "application/json"]}
    root = xml(client.get("/open311/discovery.xml"))
    assert shape(root) == shape(XML_EXAMPLES["discovery"])
    assert [f.text for f in root.iter("format")] == ["text/xml", "application/json"]
    assert root.findtext("contact") == doc["contact"] and root.findtext("endpoints/endpoint/url") == endpoint["url"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_every_error_is_a_georeport_error_array(client, app, key, fmt, monkeypatch):
    def errors(resp, status):
        assert resp.status_code == status, resp.data
        if fmt == "json":
            assert resp.mimetype == "application/json"
            return resp.json
        root = xml(resp, status)
        assert shape(root) == shape(XML_EXAMPLES["errors"])
        return [{"code": int(e.findtext("code")), "description": e.findtext("description")} for e in root]

    assert errors(client.get(f"{BASE}/nothing-here.{fmt}"), 404)[0]["code"] == 404
    [e405] = errors(client.delete(f"{BASE}/requests.{fmt}"), 405)
    assert e405["code"] == 405 and "method" in e405["description"].lower()
    [e404] = errors(client.get(f"{BASE}/services/nope.{fmt}"), 404)
    assert e404 == {"code": 404, "description": "unknown service_code 'nope'; see services.json"}
    [bad_key] = errors(client.post(f"{BASE}/requests.{fmt}", data={"api_key": "x" * 300}), 403)
    assert bad_key["description"] == "Invalid api_key received -- can't proceed with create_request."
    two = errors(client.post(f"{BASE}/requests.{fmt}", data={"api_key": key}), 400)
    assert [e["description"] for e in two] == ["service_code is required", "description is required"]

    from api.open311 import service as svc

    monkeypatch.setattr(svc, "services", lambda s: 1 / 0)
    [e500] = errors(client.get(f"{BASE}/services.{fmt}"), 500)
    assert e500["code"] == 500 and "ZeroDivision" not in e500["description"]


def test_paths_without_an_extension_follow_the_accept_header(client):
    assert client.get(f"{BASE}/requests", headers={"Accept": "text/xml"}).data.startswith(b"<?xml")
    resp = client.get(f"{BASE}/requests")
    assert resp.status_code == 404 and resp.mimetype == "application/json" and resp.json[0]["code"] == 404


def test_xml_text_drops_what_xml_10_cannot_carry():
    from api.open311.formats import to_xml, xml_text

    assert xml_text("a\x00b\x08c\tx\ny\rz\ud800\ufffe\uffff\U0001F600") == "abc\tx\ny\rz\U0001F600"
    assert xml_text(True) == "true" and xml_text(0.5) == "0.5"
    doc = to_xml("service_requests", [{"description": "<x>&\x1f", "lat": None}])
    assert ET.fromstring(doc).find("request/description").text == "<x>&"
    assert b"&lt;x&gt;&amp;" in doc and b"<lat />" in doc


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_the_login_lockout_answers_in_the_georeport_format(client, make_user, fmt):
    """api.security refuses a locked username before any view runs: still a GeoReport error array."""
    from support.api import basic

    make_user("verifier", username="pak-verifikator")
    wrong = basic("pak-verifikator", "salah-salah")
    statuses = [client.get(f"{BASE}/requests.{fmt}", headers=wrong).status_code for _ in range(6)]
    assert statuses[0] == 401 and statuses[-1] == 429, statuses
    locked = client.get(f"{BASE}/requests.{fmt}", headers=wrong)
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
    if fmt == "json":
        [err] = locked.json
    else:
        [err] = [{"code": int(e.findtext("code")), "description": e.findtext("description")}
                 for e in xml(locked, 429)]
    assert err["code"] == 429 and "too many failed logins" in err["description"]
