"""POST /classify: one report or a batch, nothing stored."""

from sqlalchemy import func, select

from api import extensions
from api.models import Complaint


def test_classify_one(app, client, api_key, db_session):
    text, title = "Jalan berlubang di depan sekolah, sudah dua bulan tidak diperbaiki", "Jalan rusak"
    resp = client.post("/api/v1/classify", json={"text": text, "title": title}, headers=api_key)
    assert resp.status_code == 200
    s = resp.json["suggestion"]
    # Exactly what the model says (the API adds and drops nothing), and it routes a road to public works.
    _loaded, [direct] = extensions.holder(app).suggest([text], titles=[title])
    assert s == direct.to_dict()
    assert s["agency"]["candidates"][0]["label"] == "DPUPR" and s["model"]["version"]
    assert s["agency"]["band"] in ("auto", "review", "manual")
    probs = [c["probability"] for c in s["agency"]["candidates"]]
    assert probs == sorted(probs, reverse=True)
    assert 0.0 <= s["hoax"]["probability"] <= 1.0
    assert db_session.scalar(select(func.count()).select_from(Complaint)) == 0


def test_classify_batch_keeps_order(client, scientist):
    items = [{"text": "Sampah menumpuk di pasar"}, {"text": "Lampu jalan mati", "title": None}]
    resp = client.post("/api/v1/classify", json={"items": items}, headers=scientist)
    assert resp.status_code == 200
    assert len(resp.json["suggestions"]) == 2
    single = client.post("/api/v1/classify", json=items[1], headers=scientist).json["suggestion"]
    assert resp.json["suggestions"][1]["agency"] == single["agency"]


def test_batch_over_the_limit_is_413(client, api_key, app):
    limit = app.config["BATCH_LIMIT"]
    resp = client.post("/api/v1/classify", json={"items": [{"text": "x"}] * (limit + 1)}, headers=api_key)
    assert resp.status_code == 413
    assert resp.json["error"]["code"] == "batch_too_large"
    assert resp.json["error"]["details"][0]["limit"] == limit


def test_text_and_items_together_is_422(client, api_key):
    resp = client.post("/api/v1/classify", json={"text": "a", "items": [{"text": "b"}]}, headers=api_key)
    assert resp.status_code == 422
    assert resp.json["error"]["message"] == "give either `text` (one report) or `items` (a batch), not both"


def test_empty_batch_is_422(client, api_key):
    resp = client.post("/api/v1/classify", json={"items": []}, headers=api_key)
    assert resp.status_code == 422
    assert [(d["field"], d["code"]) for d in resp.json["error"]["details"]] == [("items", "minItems")]


def test_a_misnamed_field_is_named_in_the_error(client, api_key):
    """`{"isi": ...}` (Indonesian for text) is an unknown field, and the text is missing: both are said."""
    resp = client.post("/api/v1/classify", json={"isi": "jalan rusak"}, headers=api_key)
    assert resp.status_code == 422
    assert resp.json["error"]["message"] == ("text: `text` (one report) or `items` (a batch) is required; "
                                             "isi: unknown field 'isi'")
    assert resp.json["error"]["details"][1] == {"field": "isi", "code": "unknown_field", "message": "unknown field 'isi'"}


def test_classify_computes_only_the_heads_asked_for(client, api_key):
    text = "Jalan rusak berlubang di depan pasar, mohon diperbaiki"
    full = client.post("/api/v1/classify", json={"text": text}, headers=api_key).json["suggestion"]
    resp = client.post("/api/v1/classify", json={"text": text, "heads": ["hoax", "category"]}, headers=api_key)
    assert resp.status_code == 200, resp.json
    only = resp.json["suggestion"]
    assert "agency" not in only and "classification" not in only
    assert only["hoax"] == full["hoax"] and only["category"] == full["category"]
    bad = client.post("/api/v1/classify", json={"text": text, "heads": ["weather"]}, headers=api_key)
    assert bad.status_code == 422 and bad.json["error"]["details"][0]["field"].startswith("heads")
