"""JSON columns are written by orjson (api.db.json_column_text), falling back to the standard library for
what orjson refuses: the same JSON value either way, read back by the standard library."""

import json

import numpy as np
from sqlalchemy import select

from api.db import json_column_text
from api.models import Suggestion


def test_the_same_value_as_the_standard_library_writes():
    values = [
        {"agency": {"band": "review", "candidates": [{"label": "DISHUB", "probability": 0.8123}]}, "hoax": None},
        {"text": "Jalan rusak di Kelurahan Sukamaju \u2013 mohon segera ditindak", "n": [1, 2.5, -3e-7, True]},
        {"nested": {"deep": [{"k": ""}], "\u00e9": "caf\u00e9"}},
        [], {}, "plain", 0,
    ]
    for v in values:
        text = json_column_text(v)
        assert json.loads(text) == json.loads(json.dumps(v)) == v
    assert json_column_text({"a": 1}) == '{"a":1}'  # orjson's compact text, not json.dumps's
    # orjson refuses these; the standard library writes them as before
    assert json_column_text({"p": np.float64(0.25)}) == json.dumps({"p": np.float64(0.25)})
    assert json.loads(json_column_text({"big": 2**70})) == {"big": 2**70}


def test_a_stored_suggestion_reads_back_as_the_answer_gave_it(client, verifier, db_session):
    resp = client.post("/api/v1/complaints", json={"text": "Lampu jalan mati di Jl. Merdeka depan pasar, gelap sekali"},
                       headers=verifier)
    assert resp.status_code == 201
    stored = db_session.scalars(select(Suggestion)).one()
    got = client.get(f"/api/v1/complaints/{resp.json['tracking_id']}", headers=verifier).json["suggestion"]
    assert stored.payload["agency"] == got["agency"] and stored.payload["hoax"]["probability"] == got["hoax"]["probability"]
