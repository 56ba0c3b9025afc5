"""Access logs never keep a credential (issue 14, item 14), and /metrics label values stay bounded
whatever a client sends (item 16)."""

from __future__ import annotations

import logging

import pytest
import requests
from support.hardening import LiveServer

from api import log_redaction, metrics
from api.services import accounts


@pytest.mark.parametrize("line,secret", [
    ('127.0.0.1 - - [x] "GET /open311/v2/requests.json?api_key=trg_abc_SECRET1 HTTP/1.1" 200 -', "SECRET1"),
    ('"POST /x?a=1&token=SECRET2&b=2 HTTP/1.1" 200', "SECRET2"),
    ('"GET /x?password=SECRET3 HTTP/1.1"', "SECRET3"),
    ('"GET /x?api%5Fkey=SECRET4 HTTP/1.1"', "SECRET4"),  # the server decodes the name: so do we
    ('"GET /x?API_KEY=SECRET5;status=open HTTP/1.1"', "SECRET5"),
    ('"-" "GET /" "https://ref.example/?access_token=SECRET6"', "SECRET6"),
])
def test_redact_removes_credential_values(line, secret):
    clean = log_redaction.redact(line)
    assert secret not in clean and log_redaction.REDACTED in clean


def test_redact_keeps_everything_else():
    line = '"GET /api/v1/complaints?status=new&limit=5 HTTP/1.1" 200 512'
    assert log_redaction.redact(line) == line


def test_the_filter_redacts_formatted_records_of_the_access_loggers(app):
    for name in ("werkzeug", "gunicorn.access"):
        logger = logging.getLogger(name)
        assert any(isinstance(f, log_redaction.RedactCredentials) for f in logger.filters), name
    # gunicorn logs its format with a dict of atoms; werkzeug with positional arguments.
    rec = logging.LogRecord("gunicorn.access", logging.INFO, __file__, 1, '%(h)s "%(r)s" %(s)s',
                            ({"h": "127.0.0.1", "r": "GET /a?api_key=SECRET7 HTTP/1.1", "s": "200"},), None)
    assert log_redaction.RedactCredentials().filter(rec) is True
    assert "SECRET7" not in rec.getMessage() and "api_key=[REDACTED]" in rec.getMessage()


def test_the_dev_server_access_log_keeps_no_api_key(app, db_session, caplog):
    _row, key = accounts.create_key(db_session, "open311-client")
    caplog.set_level(logging.INFO, logger="werkzeug")
    with LiveServer(app) as server:
        resp = requests.get(f"{server.url}/open311/v2/services.json", params={"api_key": key}, timeout=30)
        assert resp.status_code == 200
        requests.get(f"{server.url}/open311/v2/requests.json?token={key}&password=hunter2-secret", timeout=30)
    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any("services.json?api_key=[REDACTED]" in line for line in lines), lines
    for secret in (key, key[-20:], "hunter2-secret"):
        assert not any(secret in line for line in lines), "a credential is in the access log"


# -- metrics ---------------------------------------------------------------------------------------

def _series(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("triage_http_requests_total{")]


def test_made_up_methods_and_paths_do_not_create_series(client, admin):
    for i in range(5):
        client.open(f"/api/v1/complaints/TRG-{i}-NOPE", method=f"BREW{i}")
        client.get(f"/tidak/ada/{i}")
        client.get(f"/api/v1/complaints/TRG-NOPE-{i}", headers=admin)
    body = client.get("/metrics", headers=admin).get_data(as_text=True)
    series = _series(body)
    assert series, "no request series at all: the test would prove nothing"
    assert not [s for s in series if "BREW" in s], "a made-up method became a label value"
    assert any('method="OTHER"' in s for s in series)
    assert not [s for s in series if "NOPE" in s or "/tidak/ada" in s], "a raw path became a label value"
    assert any('endpoint="/api/v1/complaints/<tracking_id>"' in s for s in series)
    assert any('endpoint="unmatched"' in s for s in series)


def test_method_label_is_one_of_a_fixed_set():
    assert metrics.method_label("GET") == "GET"
    assert {metrics.method_label(m) for m in ("PROPFIND", "get", "X" * 1000, "")} == {"OTHER"}
