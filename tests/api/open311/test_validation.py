"""Bad input is refused at the boundary with a GeoReport error (400/404), in the format asked for, before
anything is stored, and never as an HTML 500 (issue 14: a 44-character phone, a description given as a
list, an api_key given as a number). Reads: jurisdiction, dates, the 90-day span, status, paging."""

import logging
import xml.etree.ElementTree as ET

import pytest
from sqlalchemy import func, select
from support.open311 import BASE
from werkzeug.datastructures import MultiDict

from api.models import Complaint


@pytest.fixture
def form(key, service):
    return {"api_key": key, "service_code": service["service_code"], "lat": "-6.9", "long": "107.6",
            "description": "Lampu jalan mati sejak seminggu"}


def descriptions(resp, fmt="json") -> list[str]:
    if fmt == "xml":
        return [e.findtext("description") for e in ET.fromstring(resp.data)]
    return [e["description"] for e in resp.json]


@pytest.mark.parametrize("field, value, problem", [
    ("phone", "0" * 44, "phone is longer than 40 characters"),
    ("first_name", "B" * 101, "first_name is longer than 100 characters"),
    ("last_name", "S" * 100, "last_name is longer than 99 characters"),
    ("email", "b" * 190 + "@example.id", "email is longer than 200 characters"),
    ("address_string", "Jl. " * 126, "address_string is longer than 500 characters"),
    ("address_id", "1" * 201, "address_id is longer than 200 characters"),
    ("device_id", "d" * 201, "device_id is longer than 200 characters"),
    ("account_id", "a" * 201, "account_id is longer than 200 characters"),
    ("media_url", "https://x.id/" + "f" * 1000, "media_url is longer than 1000 characters"),
    ("service_code", "s" * 101, "service_code is longer than 100 characters"),
    ("jurisdiction_id", "j" * 201, "jurisdiction_id is longer than 200 characters"),
    ("lat", "nan", "lat must be a number, not 'nan'"),
    ("lat", "91", "lat must be between -90 and 90"),
    ("long", "1e999", "long must be a number, not '1e999'"),
    ("colour", "red", "colour is not a GeoReport v2 parameter of this endpoint"),
])
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_form_fields_are_checked_before_anything_is_stored(client, form, db_session, field, value, problem, fmt,
                                                           caplog):
    caplog.set_level(logging.DEBUG)
    resp = client.post(f"{BASE}/requests.{fmt}", data={**form, field: value})
    assert resp.status_code == 400, resp.data
    assert descriptions(resp, fmt) == [problem]
    assert db_session.scalar(select(func.count()).select_from(Complaint)) == 0
    assert value not in caplog.text or len(value) < 4


def test_a_nul_is_dropped_at_the_boundary_as_on_the_json_api(client, form, db_session):
    """NUL cannot be stored on PostgreSQL and means nothing in a phone number: removed, like everywhere."""
    from api.models import ReporterContact

    resp = client.post(f"{BASE}/requests.json", data={**form, "phone": "0812\x003456"})
    assert resp.status_code == 201, resp.data
    assert db_session.scalars(select(ReporterContact.phone)).all() == ["08123456"]


def test_the_description_has_the_service_text_limit(app, client, form):
    app.config["MAX_TEXT_CHARS"] = 50
    resp = client.post(f"{BASE}/requests.json", data={**form, "description": "x" * 51})
    assert resp.status_code == 400 and descriptions(resp) == ["description is longer than 50 characters"]
    blank = client.post(f"{BASE}/requests.json", data={**form, "description": " \t\x01 "})
    assert blank.status_code == 400 and descriptions(blank)[0].startswith("description: must contain some non-blank")


def test_wrong_types_and_repeats(client, form, key, db_session):
    as_list = client.post(f"{BASE}/requests.json", json={**form, "description": ["a", "b"]})
    assert as_list.status_code == 400 and descriptions(as_list) == ["description must be text (given once), not list"]
    numeric_key = client.post(f"{BASE}/requests.xml", json={**form, "api_key": 12345})
    assert numeric_key.status_code == 400 and descriptions(numeric_key, "xml") == ["api_key must be text, not int"]
    repeated = client.post(f"{BASE}/requests.json", data=MultiDict([*form.items(), ("description", "lagi")]))
    assert repeated.status_code == 400 and descriptions(repeated) == ["description is given 2 times; give it once"]
    not_object = client.post(f"{BASE}/requests.json", json=[form])
    assert not_object.status_code == 400 and "JSON object" in descriptions(not_object)[0]
    text = client.post(f"{BASE}/requests.json", data="description=x", content_type="text/plain")
    assert text.status_code == 400 and "form-encoded" in descriptions(text)[0]
    assert db_session.scalar(select(func.count()).select_from(Complaint)) == 0
    # JSON bodies are accepted too, with the same checks; numbers are fine where the spec has numbers.
    ok = client.post(f"{BASE}/requests.json", json={**form, "lat": -6.9, "long": 107.6})
    assert ok.status_code == 201, ok.json


def test_jurisdiction_id_is_checked_where_given(app, client, form, service):
    app.config["OPEN311_JURISDICTION_ID"] = "sukamaju.go.id"
    for path in ("services.json", f"services/{service['service_code']}.json", "requests.json", "requests/LPR-X.json"):
        wrong = client.get(f"{BASE}/{path}", query_string={"jurisdiction_id": "elsewhere.gov"})
        assert wrong.status_code == 404, path
        assert descriptions(wrong) == ["jurisdiction_id 'elsewhere.gov' not found; this endpoint serves 'sukamaju.go.id'"]
    assert client.get(f"{BASE}/services.json", query_string={"jurisdiction_id": "sukamaju.go.id"}).status_code == 200
    assert client.post(f"{BASE}/requests.json", data={**form, "jurisdiction_id": "elsewhere.gov"}).status_code == 404
    assert client.post(f"{BASE}/requests.json", data={**form, "jurisdiction_id": "sukamaju.go.id"}).status_code == 201


def test_reads_filter_by_date_status_code_and_page(client, post, verifier, service):
    ids = [post(f"Lampu jalan nomor {i} mati") for i in range(3)]
    newest_first = ids[::-1]
    listed = lambda **q: [r["service_request_id"] for r in client.get(f"{BASE}/requests.json", query_string=q).json]  # noqa: E731
    assert listed() == newest_first
    assert listed(page_size=2) == newest_first[:2] and listed(page_size=2, page=2) == newest_first[2:]
    assert listed(status="open") == newest_first and listed(status="closed") == [] and listed(status="open,closed") == newest_first
    assert listed(service_code=f"nope,{service['service_code']}") == newest_first and listed(service_code="nope") == []
    assert listed(service_code=service["service_code"], page_size=1, page=3) == newest_first[2:]
    assert listed(service_request_id=f"{ids[0]},LPR-NONE,{ids[0]}", status="closed") == [ids[0]]  # ids win
    assert listed(service_request_id=ids[0], start_date="2001-01-01", end_date="2026-01-01") == [ids[0]]
    assert listed(start_date="2001-01-01T00:00:00Z") == [] and listed(end_date="2001-01-01") == []

    for query, problem in [
        ({"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-06-01T00:00:00Z"}, "may not span more than 90 days"),
        ({"start_date": "2026-02-01", "end_date": "2026-01-01"}, "end_date is before start_date"),
        ({"start_date": "kemarin"}, "start_date: 'kemarin' is not an ISO date or date-time"),
        ({"start_date": "0001-01-01"}, "out of range"),
        ({"status": "pending"}, "status"),
        ({"page_size": "1001"}, "page_size"),
        ({"page": "0"}, "page"),
        ({"service_request_id": ",".join(f"LPR-{i}" for i in range(101))}, "at most 100 service_request_id"),
        ({"status": ["open", "closed"]}, "status: give it once"),
    ]:
        resp = client.get(f"{BASE}/requests.json", query_string=query)
        assert resp.status_code == 400 and problem in descriptions(resp)[0], (query, resp.json)


@pytest.mark.parametrize("rid", ["LPR-\x00", "L" * 21, "%00", "LPR-%ED%B3%BF"])
def test_ids_that_cannot_exist_are_not_found(client, rid):
    resp = client.get(f"{BASE}/requests/{rid}.json")
    assert resp.status_code == 404 and resp.json[0]["code"] == 404
    listed = client.get(f"{BASE}/requests.json", query_string={"service_request_id": rid})
    assert listed.status_code == 200 and listed.json == []
