"""Authentication and who may see or do what."""

import pytest
from support.api import COMPLAINT, basic

from api.services import accounts


def test_no_credentials_is_401_with_challenge(client):
    resp = client.get("/api/v1/agencies")
    assert resp.status_code == 401
    assert resp.json["error"]["code"] == "unauthorized"
    assert "Bearer" in resp.headers["WWW-Authenticate"]


@pytest.mark.parametrize("header", ["Bearer trg_00000000_nope", "Token abc", "Basic !!notbase64"])
def test_bad_credentials_are_401(client, header):
    resp = client.get("/api/v1/agencies", headers={"Authorization": header})
    assert resp.status_code == 401


def test_wrong_password_and_deactivated_user_are_401(client, make_user, db_session):
    make_user("verifier", username="siti")
    assert client.get("/api/v1/agencies", headers=basic("siti", "salah")).status_code == 401
    assert client.get("/api/v1/agencies", headers=basic("siti")).status_code == 200
    accounts.deactivate_user(db_session, "siti")
    assert client.get("/api/v1/agencies", headers=basic("siti")).status_code == 401


def test_revoked_key_is_401(client, db_session):
    _row, key = accounts.create_key(db_session, "sms-bridge")
    headers = {"Authorization": f"Bearer {key}"}
    assert client.get("/api/v1/agencies", headers=headers).status_code == 200
    accounts.revoke_key(db_session, "sms-bridge")
    assert client.get("/api/v1/agencies", headers=headers).status_code == 401


def test_key_is_stored_hashed_and_last_use_recorded(client, db_session):
    row, key = accounts.create_key(db_session, "lapor")
    assert key not in (row.key_hash, row.prefix) and key.startswith(row.prefix)
    client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {key}"})
    db_session.refresh(row)
    assert row.last_used_at is not None


def test_session_cookie_login(client, make_user, db_session):
    from api.models import User

    make_user("verifier", username="cookie")
    uid = db_session.query(User).filter_by(username="cookie").one().id
    with client.session_transaction() as sess:
        sess["user_id"] = uid
    assert client.get("/api/v1/agencies").status_code == 200


ROLE_MATRIX = [
    # (method, path, body, allowed roles)
    ("post", "/api/v1/classify", {"text": "jalan rusak"}, {"system", "verifier", "admin", "data_scientist"}),
    ("post", "/api/v1/complaints", {"text": "jalan rusak"}, {"system", "verifier", "admin"}),
    ("get", "/api/v1/complaints", None, {"verifier", "admin", "data_scientist", "agency_officer"}),
    ("get", "/api/v1/models", None, {"system", "verifier", "admin", "data_scientist"}),
    ("get", "/api/v1/agencies", None, {"system", "verifier", "admin", "data_scientist", "agency_officer"}),
    ("get", "/metrics", None, {"system", "admin", "data_scientist"}),
]


@pytest.fixture
def callers(make_user, api_key, agency_codes):
    return {
        "system": api_key,
        "verifier": make_user("verifier"),
        "admin": make_user("admin"),
        "data_scientist": make_user("data_scientist"),
        "agency_officer": make_user("agency_officer", agency=agency_codes[0]),
    }


@pytest.mark.parametrize("method,path,body,allowed", ROLE_MATRIX)
def test_role_matrix(client, callers, method, path, body, allowed):
    for role, headers in callers.items():
        kwargs = {"headers": headers}
        if body is not None:
            kwargs["json"] = body
        resp = getattr(client, method)(path, **kwargs)
        if role in allowed:
            assert resp.status_code in (200, 201), (role, path, resp.json)
        else:
            assert resp.status_code == 403, (role, path)
            assert resp.json["error"]["code"] == "forbidden"


def test_disposition_and_followup_roles(client, callers, complaint):
    url = f"/api/v1/complaints/{complaint['tracking_id']}"
    for role in ("system", "data_scientist", "agency_officer"):
        resp = client.post(url + "/disposition", json={"action": "hoax"}, headers=callers[role])
        assert resp.status_code == 403, role
    for role in ("system", "verifier", "admin", "data_scientist"):
        resp = client.post(url + "/followup", json={"status": "done", "text": "x"}, headers=callers[role])
        assert resp.status_code == 403, role


def _secret(client, verifier):
    body = {**COMPLAINT, "confidentiality": "secret", "text": "Pungli oleh oknum petugas di kantor kecamatan."}
    return client.post("/api/v1/complaints", json=body, headers=verifier).json["tracking_id"]


def test_secret_complaint_text_and_contact_visibility(client, callers, agency_codes):
    tid = _secret(client, callers["verifier"])
    url = f"/api/v1/complaints/{tid}"
    for role in ("verifier", "admin"):
        d = client.get(url, headers=callers[role]).json
        assert d["text"] and d["reporter"]["name"] == "Budi Santoso" and not d["redacted"]
    d = client.get(url, headers=callers["data_scientist"]).json
    assert d["text"] is None and d["masked_text"] is None and d["pii"] is None and d["title"] is None
    assert d["reporter"] is None and d["redacted"] is True
    listed = client.get("/api/v1/complaints", headers=callers["data_scientist"]).json["items"]
    assert listed[0]["title"] is None and listed[0]["redacted"] is True
    # The API key that did not submit it does not see it at all.
    assert client.get(url, headers=callers["system"]).status_code == 404
    # Dispatched to the officer's agency: the officer reads the text but not who reported it.
    assert client.get(url, headers=callers["agency_officer"]).status_code == 404
    client.post(url + "/disposition", json={"action": "reassign", "agency": agency_codes[0]},
                headers=callers["verifier"])
    d = client.get(url, headers=callers["agency_officer"]).json
    assert d["text"] and d["reporter"] is None


@pytest.mark.parametrize("confidentiality,officer_sees_contact", [("public", True), ("anonymous", False)])
def test_officer_sees_contact_only_for_public(client, callers, agency_codes, confidentiality, officer_sees_contact):
    body = {**COMPLAINT, "confidentiality": confidentiality}
    tid = client.post("/api/v1/complaints", json=body, headers=callers["verifier"]).json["tracking_id"]
    url = f"/api/v1/complaints/{tid}"
    client.post(url + "/disposition", json={"action": "reassign", "agency": agency_codes[0]},
                headers=callers["verifier"])
    d = client.get(url, headers=callers["agency_officer"]).json
    assert (d["reporter"] is not None) is officer_sees_contact
    assert client.get(url, headers=callers["data_scientist"]).json["reporter"] is None


def test_officer_sees_only_their_agency(client, callers, make_user, agency_codes):
    other_officer = make_user("agency_officer", agency=agency_codes[1])
    tid = client.post("/api/v1/complaints", json=COMPLAINT, headers=callers["verifier"]).json["tracking_id"]
    client.post(f"/api/v1/complaints/{tid}/disposition", json={"action": "reassign", "agency": agency_codes[0]},
                headers=callers["verifier"])
    mine = client.get("/api/v1/complaints", headers=callers["agency_officer"]).json["items"]
    theirs = client.get("/api/v1/complaints", headers=other_officer).json["items"]
    assert [c["tracking_id"] for c in mine] == [tid] and theirs == []
    assert client.get(f"/api/v1/complaints/{tid}", headers=other_officer).status_code == 404


def test_api_key_sees_only_its_own_submissions(client, api_key, db_session, callers):
    _row, other_key = accounts.create_key(db_session, "other")
    tid = client.post("/api/v1/complaints", json=COMPLAINT, headers=api_key).json["tracking_id"]
    assert client.get(f"/api/v1/complaints/{tid}", headers=api_key).status_code == 200
    assert client.get(f"/api/v1/complaints/{tid}", headers={"Authorization": f"Bearer {other_key}"}).status_code == 404
