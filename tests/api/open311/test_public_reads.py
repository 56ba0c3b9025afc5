"""What each caller reads of a report through Open311, by confidentiality, in JSON and XML.

One table: caller × confidentiality -> raw text, masked text, or nothing. The decision is api.access's
(text_access); Open311 never shows less than the public reads, never the reporter, never the title."""

import xml.etree.ElementTree as ET

import pytest
from support.open311 import BASE

TEXT = ("Nama saya Budi Santoso, NIK 3204124101990001, hp 081234567890. Lampu jalan di depan rumah mati "
        "sejak seminggu, mohon diperbaiki.")
SECRETS = ("3204124101990001", "081234567890", "budi@example.id")
RAW, MASKED, HIDDEN = "raw", "masked", None

# caller -> what it reads of a (public, anonymous, secret) report that was submitted by the API key `key`
# and dispatched to DLH.
TABLE = {
    "public": (MASKED, HIDDEN, HIDDEN),
    "submitting_key": (MASKED, MASKED, HIDDEN),
    "other_key": (MASKED, HIDDEN, HIDDEN),
    "verifier": (RAW, RAW, RAW),
    "admin": (RAW, RAW, RAW),
    "data_scientist": (MASKED, MASKED, HIDDEN),
    "officer_of_the_agency": (RAW, MASKED, MASKED),
    "officer_elsewhere": (MASKED, HIDDEN, HIDDEN),
}
LEVELS = ("public", "anonymous", "secret")


@pytest.fixture
def reports(client, api_key, verifier, agency_codes):
    """One report per confidentiality, submitted by the key, with a reporter, dispatched to DLH."""
    out = {}
    for level in LEVELS:
        resp = client.post("/api/v1/complaints", headers=api_key, json={
            "title": "Budi Santoso melapor", "text": TEXT, "confidentiality": level,
            "reporter": {"name": "Budi Santoso", "phone": "081234567890", "email": "budi@example.id"}})
        assert resp.status_code == 201, resp.json
        tid = resp.json["tracking_id"]
        decided = client.post(f"/api/v1/complaints/{tid}/disposition", headers=verifier,
                              json={"action": "reassign", "agency": "DLH", "reason": "lampu jalan"})
        assert decided.status_code == 200, decided.json
        out[level] = tid
    return out


@pytest.fixture
def callers(key, make_user, db_session):
    from api.services import accounts

    _row, other = accounts.create_key(db_session, "other-system")
    return {
        "public": ({}, {}),
        "submitting_key": ({"api_key": key}, {}),
        "other_key": ({"api_key": other}, {}),
        "verifier": ({}, make_user("verifier")),
        "admin": ({}, make_user("admin")),
        "data_scientist": ({}, make_user("data_scientist")),
        "officer_of_the_agency": ({}, make_user("agency_officer", agency="DLH")),
        "officer_elsewhere": ({}, make_user("agency_officer", agency="DISHUB")),
    }


def kind(description: str | None) -> str | None:
    if description is None:
        return HIDDEN
    if description == TEXT:
        return RAW
    assert not any(s in description for s in SECRETS), description
    assert "[NIK]" in description and "Lampu jalan" in description, description
    return MASKED


def test_each_caller_reads_what_access_allows_in_both_formats(client, reports, callers):
    for caller, (query, headers) in callers.items():
        for level, expected in zip(LEVELS, TABLE[caller], strict=True):
            tid = reports[level]
            [one] = client.get(f"{BASE}/requests/{tid}.json", query_string=query, headers=headers).json
            assert kind(one["description"]) == expected, (caller, level)
            assert one["agency_responsible"] and one["status"] == "open" and one["requested_datetime"]
            resp = client.get(f"{BASE}/requests/{tid}.xml", query_string=query, headers=headers)
            assert kind(ET.fromstring(resp.data).findtext("request/description") or None) == expected, (caller, level)
            body = resp.data.decode() + str(one)
            assert "Budi" not in body or expected == RAW, (caller, level)  # never the reporter or the title
            assert "budi@example.id" not in body and "melapor" not in body
        listed = client.get(f"{BASE}/requests.json", query_string=query, headers=headers).json
        assert sorted(r["service_request_id"] for r in listed) == sorted(reports.values()), caller  # nobody lists less
        assert {r["service_request_id"]: kind(r["description"]) for r in listed} == {
            reports[level]: expected for level, expected in zip(LEVELS, TABLE[caller], strict=True)}, caller


def test_address_and_photo_of_a_report_by_confidentiality(client, post, reports, verifier, db_session):
    """The address is where the problem is: as given on public reports; on anonymous ones the public reads
    it masked (it may be the reporter's door), and no photo of a report it may not read."""
    from sqlalchemy import select

    from api.models import Complaint
    from api.open311 import service as svc

    where = {"address": "Jl. Melati No. 12 RT 03/RW 05", "lat": -6.9, "long": 107.6, "media_url": "https://x.id/1.jpg"}
    public = post("Lampu jalan mati", address_string=where["address"], media_url=where["media_url"])
    anonymous = db_session.scalar(select(Complaint).where(Complaint.tracking_id == reports["anonymous"]))
    svc.record_open311(db_session, anonymous, "test", where)

    [one] = client.get(f"{BASE}/requests/{public}.json").json
    assert (one["address"], one["media_url"]) == (where["address"], where["media_url"])
    [anon] = client.get(f"{BASE}/requests/{reports['anonymous']}.json").json
    assert (anon["lat"], anon["long"], anon["media_url"]) == (-6.9, 107.6, None)
    assert "Melati No. 12" not in anon["address"] and "[ALAMAT]" in anon["address"]
    [seen] = client.get(f"{BASE}/requests/{reports['anonymous']}.json", headers=verifier).json
    assert (seen["address"], seen["media_url"]) == (where["address"], where["media_url"])
