"""Authorisation, derived from the contract: every operation of the OpenAPI document refuses each role
it does not list in `x-roles` (403) and never refuses one it lists; nothing in the URL map answers an
anonymous caller with data unless it is meant to be public; officers and API keys see only their own."""

from __future__ import annotations

import re

import pytest
from support.console import login
from support.hardening import COMPLAINT

from api import extensions

ROLES = ("system", "verifier", "admin", "data_scientist", "agency_officer")
PUBLIC_GET = {"/healthz", "/readyz", "/api/v1/healthz", "/api/v1/readyz", "/api/v1/openapi.json", "/api/v1/docs",
              "/console/masuk", "/", "/console/"}


@pytest.fixture
def callers(make_user, api_key, db_session):
    from api.models import Agency

    code = db_session.query(Agency).order_by(Agency.code).first().code
    return {
        "system": api_key,
        "verifier": make_user("verifier"),
        "admin": make_user("admin"),
        "data_scientist": make_user("data_scientist"),
        "agency_officer": make_user("agency_officer", agency=code),
    }


def _concrete(path: str, tracking_id: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda m: "1" if "id}" in m.group() and "tracking" not in m.group() else tracking_id,
                  path)


def test_every_documented_operation_enforces_its_roles(app, client, callers):
    spec = extensions.openapi(app)
    tid = client.post("/api/v1/complaints", json=COMPLAINT, headers=callers["verifier"]).json["tracking_id"]
    checked = 0
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            allowed = set(op.get("x-roles") or [])
            if not allowed:
                continue
            url = _concrete(path, tid)
            open311 = path.startswith("/open311/")
            for role in ROLES:
                resp = client.open(url, method=method.upper(), json={} if method != "get" else None,
                                   headers=callers[role])
                if role in allowed:
                    refused = resp.status_code == 403 and (open311 or resp.json["error"]["code"] == "forbidden")
                    assert not refused, (method, url, role, resp.get_data(as_text=True)[:200])
                else:
                    assert resp.status_code == 403, (method, url, role, resp.status_code)
                checked += 1
            anon = client.open(url, method=method.upper(), json={} if method != "get" else None)
            # GeoReport v2 answers a missing api_key with 403 and its error array; /api/v1 with 401.
            assert anon.status_code == (403 if open311 else 401), (method, url, anon.status_code)
    assert checked > 50


def test_nothing_is_public_by_accident(app):
    """Every GET route without parameters, called anonymously: data only from the public list."""
    client = app.test_client()
    leaks = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.arguments or rule.endpoint == "static":
            continue
        resp = client.get(rule.rule)
        public = rule.rule in PUBLIC_GET or rule.rule.startswith("/open311/")
        if resp.status_code == 200 and not public:
            leaks.append(rule.rule)
        if resp.status_code >= 500:
            leaks.append(f"{rule.rule}: {resp.status_code}")
    assert not leaks, leaks


def test_open311_reads_show_no_personal_data(client, callers):
    client.post("/api/v1/complaints", json=COMPLAINT, headers=callers["system"])
    resp = client.get("/open311/v2/requests.json")
    if resp.status_code == 200:
        body = resp.get_data(as_text=True)
        for secret in ("081234567890", "budi@example.id", "Budi Santoso"):
            assert secret not in body, f"{secret} published through Open311"


def test_api_keys_see_only_their_own_complaints_everywhere(client, callers, db_session):
    from api.services import accounts

    _row, other = accounts.create_key(db_session, "other-gateway")
    other_h = {"Authorization": f"Bearer {other}"}
    mine = client.post("/api/v1/complaints", json=COMPLAINT, headers=callers["system"]).json["tracking_id"]
    # Another key: the complaint does not exist for it (404, its existence not revealed) ...
    r = client.get(f"/api/v1/complaints/{mine}", headers=other_h)
    assert r.status_code == 404 and r.json["error"]["code"] == "not_found"
    assert client.get(f"/api/v1/complaints/{mine}", headers=callers["system"]).status_code == 200
    # ... and keys may neither list complaints nor look for related ones (staff only).
    for path in ("/api/v1/complaints", f"/api/v1/complaints/{mine}/related"):
        r = client.get(path, headers=other_h)
        assert r.status_code == 403 and r.json["error"]["code"] == "forbidden", (path, r.status_code)
    # Open311 reads are public (GeoReport v2, issue 17): another key reads the complaint exactly as the
    # public does, no more (tests/api/open311/test_public_reads.py has the whole table).
    as_other = client.get(f"/open311/v2/requests/{mine}.json?api_key={other}")
    as_public = client.get(f"/open311/v2/requests/{mine}.json")
    assert as_other.status_code == 200 and as_other.json == as_public.json
    assert "081234567890" not in as_other.get_data(as_text=True)


def test_console_pages_by_role(client, make_user, db_session):
    from api.models import Agency

    code = db_session.query(Agency).order_by(Agency.code).first().code
    pages = {"/console/antrian": {"verifier", "admin", "data_scientist"},
             "/console/pengguna": {"admin"},
             "/console/petugas": {"agency_officer"}}
    for role in ("verifier", "admin", "data_scientist", "agency_officer"):
        make_user(role, agency=code if role == "agency_officer" else None, username=f"c-{role}")
        c = client.application.test_client()
        assert login(c, f"c-{role}").status_code == 302
        for page, allowed in pages.items():
            r = c.get(page)
            if role in allowed:
                assert r.status_code == 200, (role, page, r.status_code)
            else:
                assert r.status_code == 403 and "Akses ditolak" in r.get_data(as_text=True), (role, page, r.status_code)
    anon = client.application.test_client()
    for page in pages:
        r = anon.get(page)
        assert r.status_code == 302 and "/console/masuk" in r.headers["Location"]
