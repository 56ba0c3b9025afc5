"""Open311 GeoReport v2 responses checked against the spec's examples (georeport_v2_examples.json):
the same fields, the same JSON types (null allowed where the examples show null), W3C date-times."""

import datetime as dt

import pytest
from sqlalchemy import select
from support.open311 import BASE, EXAMPLES

from api.models import Complaint, Event, ReporterContact

NUMBER = (int, float)


def same_shape(ours: dict, example: dict, nullable=()):
    """Every field of the example, nothing else, each of a type the example's value allows."""
    assert set(ours) == set(example), (set(ours) ^ set(example))
    for key, value in example.items():
        if ours[key] is None:
            assert value is None or key in nullable, f"{key} is null"
        elif isinstance(value, bool):
            assert isinstance(ours[key], bool), key
        elif isinstance(value, NUMBER):
            # ids and codes: the spec's examples use numbers; strings are allowed by the spec's schema
            assert isinstance(ours[key], NUMBER) or key in ("service_request_id", "address_id", "zipcode"), key
        elif isinstance(value, str):
            assert isinstance(ours[key], str), key
            if key.endswith("_datetime"):
                assert dt.datetime.fromisoformat(ours[key]).utcoffset() is not None, ours[key]


def test_services_are_our_categories(client):
    resp = client.get(f"{BASE}/services.json")
    assert resp.status_code == 200 and resp.mimetype == "application/json"
    services = resp.json
    assert len(services) > 5
    for s in services:
        same_shape(s, EXAMPLES["services"][0])
        assert s["type"] == "realtime" and s["metadata"] is False and " " not in s["service_code"]
    assert any(s["service_name"] == "Lampu Penerangan Jalan" and s["service_code"] == "lampu-penerangan-jalan"
               for s in services)
    definition = client.get(f"{BASE}/services/lampu-penerangan-jalan.json").json
    assert definition == {"service_code": "lampu-penerangan-jalan", "attributes": []}


def test_post_request_then_read_it(client, key, service, db_session):
    form = {"api_key": key, "service_code": service["service_code"], "lat": "-6.9175", "long": "107.6191",
            "address_string": "Jl. Merdeka 10", "description": "Lampu jalan di Jl. Merdeka mati sejak seminggu",
            "first_name": "Budi", "last_name": "Santoso", "email": "budi@example.id", "phone": "081234567890",
            "media_url": "https://example.id/foto.jpg"}
    resp = client.post(f"{BASE}/requests.json", data=form)
    assert resp.status_code == 201, resp.json
    [created] = resp.json
    same_shape(created, EXAMPLES["post_request"][0])
    rid = created["service_request_id"]
    assert rid.startswith("LPR-") and rid in created["service_notice"]

    c = db_session.scalar(select(Complaint).where(Complaint.tracking_id == rid))
    assert c.channel == "api" and c.text.startswith("Lampu jalan")
    assert db_session.scalar(select(ReporterContact.name)) == "Budi Santoso"
    assert [e.type for e in db_session.scalars(select(Event).order_by(Event.id))] == ["received", "open311"]

    [one] = client.get(f"{BASE}/requests/{rid}.json?api_key={key}").json
    same_shape(one, EXAMPLES["requests"][0], nullable=("status_notes", "agency_responsible", "service_notice",
                                                       "expected_datetime", "address_id", "zipcode"))
    assert (one["status"], one["status_notes"], one["service_code"]) == ("open", "Diterima", service["service_code"])
    assert (one["lat"], one["long"], one["address"]) == (-6.9175, 107.6191, "Jl. Merdeka 10")
    assert one["requested_datetime"].endswith("+07:00") and one["expected_datetime"] is not None
    listed = client.get(f"{BASE}/requests.json", query_string={"api_key": key}).json
    assert [r["service_request_id"] for r in listed] == [rid]
    assert client.get(f"{BASE}/requests.json", query_string={"api_key": key, "status": "closed"}).json == []
    assert len(client.get(f"{BASE}/requests.json", query_string={"api_key": key, "service_request_id": f"{rid},LPR-NONE"}).json) == 1


def test_status_mapping(client, key, service, verifier):
    rid = client.post(f"{BASE}/requests.json", data={"api_key": key, "service_code": service["service_code"],
                                                     "address_string": "Pasar Baru", "description": "Berita bohong, sebarkan"}).json[0]["service_request_id"]
    assert client.post(f"/api/v1/complaints/{rid}/disposition", json={"action": "hoax"}, headers=verifier).status_code == 200
    [r] = client.get(f"{BASE}/requests/{rid}.json", query_string={"api_key": key}).json
    assert (r["status"], r["status_notes"]) == ("closed", "Hoaks")
    assert client.get(f"{BASE}/requests.json", query_string={"api_key": key, "status": "closed"}).json[0]["service_request_id"] == rid


def test_complaints_from_our_api_show_the_suggested_category(client, complaint, verifier):
    [r] = client.get(f"{BASE}/requests/{complaint['tracking_id']}.json", headers=verifier).json
    assert r["service_name"] == complaint["suggestion"]["category"]["candidates"][0]["label"]
    assert r["lat"] is None and r["description"].startswith("Jalan di desa")


@pytest.mark.parametrize("form, status, words", [
    ({"api_key": "trg_wrong"}, 403, "Invalid api_key received -- can't proceed with create_request."),
    ({}, 403, "api_key is required"),
    ({"api_key": "KEY"}, 400, "service_code is required"),
    ({"api_key": "KEY", "service_code": "nope", "lat": "1", "long": "1", "description": "x"}, 404, "unknown service_code"),
    ({"api_key": "KEY", "service_code": "SERVICE", "description": "x"}, 400, "a location is required"),
    ({"api_key": "KEY", "service_code": "SERVICE", "lat": "1", "description": "x"}, 400, "lat and long go together"),
    ({"api_key": "KEY", "service_code": "SERVICE", "lat": "abc", "long": "1", "description": "x"}, 400, "lat must be a number"),
    ({"api_key": "KEY", "service_code": "SERVICE", "address_string": "x"}, 400, "description is required"),
])
def test_errors_follow_the_spec(client, key, service, form, status, words):
    form = {k: (key if v == "KEY" else service["service_code"] if v == "SERVICE" else v) for k, v in form.items()}
    resp = client.post(f"{BASE}/requests.json", data=form)
    assert resp.status_code == status
    err = resp.json[0]
    same_shape(err, EXAMPLES["error"][0])
    assert err["code"] == status and words in err["description"]


def test_reading_is_public_and_a_key_reads_what_access_allows(client, key, service, db_session):
    from api.services import accounts

    rid = client.post(f"{BASE}/requests.json", data={"api_key": key, "service_code": service["service_code"],
                                                     "address_string": "x", "description": "Sampah menumpuk"}).json[0]["service_request_id"]
    public = client.get(f"{BASE}/requests.json")
    assert public.status_code == 200 and [r["service_request_id"] for r in public.json] == [rid]
    _row, other = accounts.create_key(db_session, "other-system")
    assert [r["description"] for r in client.get(f"{BASE}/requests.json", query_string={"api_key": other}).json] == ["Sampah menumpuk"]
    wrong = client.get(f"{BASE}/requests/{rid}.json", query_string={"api_key": "trg_wrong"})
    assert wrong.status_code == 403 and wrong.json == [{"code": 403, "description": "Invalid api_key received -- can't proceed with get_service_requests."}]
    missing = client.get(f"{BASE}/requests/LPR-NONE.json")
    assert missing.status_code == 404 and missing.json == [{"code": 404, "description": "no service request 'LPR-NONE'"}]
    bad = client.get(f"{BASE}/requests.json", query_string={"status": "pending"})
    assert bad.status_code == 400 and "status" in bad.json[0]["description"]
    dates = client.get(f"{BASE}/requests.json", query_string={"start_date": "2000-01-01T00:00:00Z",
                                                             "end_date": "2000-02-01T00:00:00Z"})
    assert dates.status_code == 200 and dates.json == []


def test_only_submitters_may_post(client, service, make_user):
    officer = make_user("agency_officer", agency="DLH")
    resp = client.post(f"{BASE}/requests.json", data={"service_code": service["service_code"], "address_string": "x",
                                                      "description": "y"}, headers=officer)
    assert resp.status_code == 403 and resp.json == [{"code": 403, "description": "role 'agency_officer' may not create requests."}]
