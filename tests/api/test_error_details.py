"""Every JSON error carries `details` as a list (issue 13), and /classify says what is missing."""

from __future__ import annotations

import pytest

from api.errors import details_list


def test_classify_with_an_unknown_field_says_text_is_required_and_the_field_is_unknown(client, api_key):
    resp = client.post("/api/v1/classify", json={"isi": "Jalan rusak di desa kami"}, headers=api_key)
    assert resp.status_code == 422
    err = resp.json["error"]
    assert "not both" not in err["message"]
    assert "`text` (one report) or `items` (a batch) is required" in err["message"]
    assert "unknown field 'isi'" in err["message"]
    assert [(d["field"], d["code"]) for d in err["details"]] == [("text", "required"), ("isi", "unknown_field")]


@pytest.mark.parametrize(("body", "field", "code", "words"), [
    ({}, "text", "required", "is required"),
    ({"title": "Judul saja"}, "text", "required", "is required"),
    ({"text": "a", "items": [{"text": "b"}]}, "", "text_or_items", "not both"),
    ({"text": None}, "text", "type", "valid string"),
])
def test_classify_other_shapes(client, api_key, body, field, code, words):
    resp = client.post("/api/v1/classify", json=body, headers=api_key)
    assert resp.status_code == 422
    d = resp.json["error"]["details"][0]
    assert (d["field"], d["code"]) == (field, code) and words in d["message"]


def _errors(client, api_key, verifier, submit):
    tid = submit("Lampu jalan mati sudah seminggu di gang kami, mohon diperbaiki.")
    yield "401", client.get("/api/v1/complaints")
    yield "403", client.get("/api/v1/monitoring", headers=verifier)
    yield "404", client.get("/api/v1/complaints/TIDAK-ADA", headers=verifier)
    yield "404-route", client.get("/api/v1/tidak-ada", headers=verifier)
    yield "405", client.delete("/api/v1/classify", headers=api_key)
    yield "415", client.post("/api/v1/classify", data="x", headers=api_key)
    yield "400", client.post("/api/v1/classify", data="{", headers={**api_key, "Content-Type": "application/json"})
    yield "422", client.post("/api/v1/classify", json={"text": 5}, headers=api_key)
    yield "422-query", client.get("/api/v1/complaints?limit=x", headers=verifier)
    client.post(f"/api/v1/complaints/{tid}/disposition", json={"action": "archive", "reason": "x"}, headers=verifier)
    yield "409", client.post(f"/api/v1/complaints/{tid}/disposition", json={"action": "archive", "reason": "x"},
                             headers=verifier)


def test_every_error_has_a_list_of_details(client, api_key, verifier, submit):
    seen = set()
    for name, resp in _errors(client, api_key, verifier, submit):
        assert resp.status_code >= 400, name
        err = resp.json["error"]
        assert isinstance(err["details"], list), (name, err)
        assert all(isinstance(d, dict) and "code" in d for d in err["details"]), (name, err)
        seen.add(resp.status_code)
    assert {400, 401, 403, 404, 405, 409, 415, 422} <= seen


def test_details_list_shapes():
    assert details_list("conflict", None) == []
    assert details_list("conflict", {"status": "archived"}) == [{"code": "conflict", "status": "archived"}]
    assert details_list("x", ["kata"]) == [{"code": "x", "message": "kata"}]
    assert details_list("x", "teks") == [{"code": "x", "message": "teks"}]
