"""Bad input gets a 4xx with a JSON body naming what was wrong, never a 500, on SQLite and on
PostgreSQL (issue 14, items 11 and 12). Each case is one an attacker found giving a 500."""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from support.api import COMPLAINT, basic
from support.console import login

from api import extensions
from api.models import Complaint, ReporterContact


def error(resp, status: int, code: str, field: str | None = None) -> dict:
    assert resp.status_code == status, (resp.status_code, resp.get_data(as_text=True)[:500])
    assert resp.mimetype == "application/json"
    body = resp.json["error"]
    assert body["code"] == code, body
    if field is not None:
        assert field in [d.get("field") for d in body["details"]], body
        assert body["message"].startswith(field) or field in body["message"], body
    return body


# -- JSON bodies -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/v1/complaints", "/api/v1/classify"])
def test_json_nested_980_deep_is_a_400(client, verifier, path):
    for doc in ("[" * 980 + "]" * 980, '{"text": ' + "[" * 980 + "]" * 980 + "}"):
        body = error(client.post(path, data=doc, content_type="application/json", headers=verifier),
                     400, "malformed_json")
        assert "recursion" in body["message"]


@pytest.mark.parametrize("field,body", [
    ("text", '{"text": "jalan rusak \\ud800 parah"}'),
    ("title", '{"text": "jalan rusak", "title": "judul \\udfff"}'),
    ("reporter.name", '{"text": "jalan rusak", "reporter": {"name": "Budi \\ud83d"}}'),
])
def test_a_lone_surrogate_is_a_400_naming_the_field_and_nothing_is_stored(client, verifier, db_session, field, body):
    resp = client.post("/api/v1/complaints", data=body, content_type="application/json", headers=verifier)
    error(resp, 400, "unstorable_character", field)
    assert db_session.scalar(select(Complaint.id).limit(1)) is None


def test_nul_is_dropped_from_stored_text_title_and_reporter(client, verifier, db_session):
    body = {**COMPLAINT, "text": "Jalan\x00 rusak parah di desa kami\x00", "title": "Jalan\x00 rusak",
            "reporter": {"name": "Budi\x00 Santoso", "phone": "0812\x0034567890"}}
    resp = client.post("/api/v1/complaints", json=body, headers=verifier)
    assert resp.status_code == 201, resp.json
    c = db_session.scalar(select(Complaint))
    contact = db_session.scalar(select(ReporterContact))
    assert (c.text, c.title) == ("Jalan rusak parah di desa kami", "Jalan rusak")
    assert (contact.name, contact.phone) == ("Budi Santoso", "081234567890")
    only_nul = client.post("/api/v1/complaints", json={"text": "\x00\x00"}, headers=verifier)
    error(only_nul, 422, "validation_error", "text")


@pytest.mark.parametrize("field,value", [("name", "n" * 201), ("phone", "0" * 44), ("email", "e" * 201),
                                         ("address", "a" * 1001)])
def test_reporter_fields_have_length_limits(client, verifier, field, value):
    resp = client.post("/api/v1/complaints", json={**COMPLAINT, "reporter": {field: value}}, headers=verifier)
    body = error(resp, 422, "validation_error", f"reporter.{field}")
    assert body["details"][0]["code"] == "maxLength"


# -- query strings and path parameters ------------------------------------------------------------------

def _cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode()


def test_a_cursor_holding_a_naive_datetime_is_a_422(client, verifier):
    for raw in ("2024-01-01T00:00:00|5", "2024-01-01T00:00:00+00:00|" + "9" * 25):
        error(client.get("/api/v1/complaints", query_string={"cursor": _cursor(raw)}, headers=verifier),
              422, "validation_error", "cursor")


def test_a_queue_position_holding_a_naive_datetime_is_refused(client, make_user):
    make_user("verifier", username="vera")
    login(client, "vera")
    for raw in ("2024-01-01T00:00:00|5", "-|" + "9" * 25):
        resp = client.get("/console/antrian", query_string={"cursor": _cursor(raw)})
        assert 400 <= resp.status_code < 500, resp.status_code


def test_unicode_digits_in_weeks_are_a_422(client, admin):
    error(client.get("/api/v1/monitoring?weeks=\u00b2", headers=admin), 422, "validation_error", "weeks")


def test_before_past_64_bits_is_a_422(client, verifier):
    error(client.get("/api/v1/hoaxes", query_string={"before": str(2**64 + 1)}, headers=verifier),
          422, "validation_error", "before")


@pytest.mark.parametrize("query,field", [({"month": "9999-12"}, "month"), ({"from": "0001-01-01"}, "from"),
                                         ({"to": "9999-12-31"}, "to"), ({"month": "0000-01"}, "month")])
def test_report_periods_far_out_of_range_are_a_422(client, admin, query, field):
    error(client.get("/reports/performance.json", query_string=query, headers=admin), 422, "validation_error", field)


def test_console_queue_ignores_a_date_out_of_range(client, make_user):
    make_user("verifier", username="vina")
    login(client, "vina")
    for query in ({"to": "9999-12-31"}, {"from": "0001-01-01"}):
        resp = client.get("/console/antrian", query_string=query)
        assert resp.status_code == 200 and "Antrian" in resp.get_data(as_text=True)


@pytest.mark.parametrize("method,path", [("get", "/api/v1/complaints/AB%00CD"),
                                         ("get", "/api/v1/complaints/AB%00CD/related"),
                                         ("post", "/api/v1/complaints/AB%00CD/disposition"),
                                         ("get", "/api/v1/complaints/" + "X" * 300)])
def test_a_nul_or_an_overlong_tracking_id_is_a_404_naming_the_field(client, verifier, method, path):
    kwargs = {"json": {"action": "confirm"}} if method == "post" else {}
    error(getattr(client, method)(path, headers=verifier, **kwargs), 404, "not_found", "tracking_id")


def test_a_nul_in_a_basic_username_is_a_400(client, make_user):
    make_user("verifier", username="nulla")
    body = error(client.get("/api/v1/complaints", headers=basic("nul\x00la")), 400, "bad_request", "Authorization")
    assert body["details"][0]["code"] == "invalid_character"


# -- the database never logs bound values ------------------------------------------------------------

def test_a_database_error_does_not_show_its_parameters(app):
    secret = "Budi Santoso 081234567890"
    with extensions.engine(app).connect() as conn, pytest.raises(DBAPIError) as exc:
        conn.execute(text("SELECT nothing FROM no_such_table WHERE name = :name"), {"name": secret})
    assert secret not in str(exc.value)
    assert "hidden due to hide_parameters" in str(exc.value)


def test_migrations_engine_hides_parameters_too():
    from pathlib import Path

    import api.db

    env = (Path(api.db.__file__).parent / "migrations" / "env.py").read_text()
    assert "hide_parameters=True" in env


def test_error_bodies_are_json_documents(client, verifier):
    """The 400 for a surrogate is a JSON document itself (no lone surrogate echoed back)."""
    resp = client.post("/api/v1/complaints", data='{"text": "a\\ud800"}', content_type="application/json",
                       headers=verifier)
    json.loads(resp.get_data(as_text=True))


@pytest.mark.parametrize("username", ["", "u" * 81, "a:b", "nul\x00l", "dua kata", "tab\tx"])
def test_a_username_that_cannot_be_stored_or_sent_is_refused(db_session, username):
    from api.services import accounts
    from api.services.errors import Invalid

    with pytest.raises(Invalid, match="username must be"):
        accounts.create_user(db_session, username, "rahasia-panjang", "verifier")
