"""The JSON answers written by orjson are the documents Flask's own encoder writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import json
import uuid

from flask.json.provider import DefaultJSONProvider


@dataclasses.dataclass
class _Point:
    x: int
    label: str


def _values():
    return {
        "text": "jalan rusak di Kecamatan Cibeber — “parah” 🙏",
        "numbers": [0, -1, 2**63 - 1, 0.1, 1e-05, 12345.678, True, None],
        "when": dt.datetime(2026, 12, 3, 8, 30, tzinfo=dt.UTC),
        "day": dt.date(2026, 12, 3),
        "money": decimal.Decimal("12.50"),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "point": _Point(1, "a"),
        7: "an int key",
        "nested": {"z": 1, "a": [{"b": 2}]},
    }


def test_answers_are_flasks_documents(app):
    from api.json_provider import JSONProvider

    assert isinstance(app.json, JSONProvider)
    with app.test_request_context():
        ours = app.json.response(_values()).get_data(as_text=True)
        flask_ = DefaultJSONProvider(app)
        flask_.sort_keys = app.json.sort_keys
        theirs = flask_.response(_values()).get_data(as_text=True)
    assert ours.endswith("\n") and '": ' not in ours and ', "' not in ours  # compact
    assert json.loads(ours) == json.loads(theirs)
    assert list(json.loads(ours)) == list(json.loads(theirs))  # keys in the same order
    assert json.loads(ours)["when"] == "Thu, 03 Dec 2026 08:30:00 GMT"  # Flask's date format, not ISO


def test_what_orjson_refuses_goes_to_the_standard_encoder(app):
    with app.test_request_context():
        for value in ({"s": "a\ud800b"}, {"n": 2**70}):
            body = app.json.response(value).get_data(as_text=True)
            assert json.loads(body) == json.loads(json.dumps(value))
        # tojson in templates keeps the standard library's spaced output
        assert app.json.dumps({"a": 1, "b": [1, 2]}) == '{"a": 1, "b": [1, 2]}'
