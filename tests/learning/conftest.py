"""Fixtures for tests/learning: the service fixtures of tests/api (app, client, db_session, users),
and helpers that make complaints and decisions through the API."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

API_TESTS = Path(__file__).resolve().parent.parent / "api"
if str(API_TESTS) not in sys.path:
    sys.path.insert(0, str(API_TESTS))

_spec = importlib.util.spec_from_file_location("_api_fixtures", API_TESTS / "conftest.py")
_api_fixtures = importlib.util.module_from_spec(_spec)
sys.modules["_api_fixtures"] = _api_fixtures
_spec.loader.exec_module(_api_fixtures)

# The service fixtures of tests/api, re-exported for this directory.
globals().update({name: getattr(_api_fixtures, name) for name in (
    "admin", "agency_codes", "api_key", "app", "app_config", "client", "db_session", "db_url", "make_user",
    "model_holder", "scientist", "verifier")})


@pytest.fixture
def submit(client, verifier):
    """submit(text, title=None, headers=verifier, confidentiality='public') -> tracking id."""

    def make(text: str, title: str | None = None, headers=None, confidentiality: str = "public") -> str:
        body = {"text": text, "channel": "web", "confidentiality": confidentiality}
        if title:
            body["title"] = title
        resp = client.post("/api/v1/complaints", json=body, headers=headers or verifier)
        assert resp.status_code == 201, resp.json
        return resp.json["tracking_id"]

    return make


@pytest.fixture
def decide(client, verifier):
    """decide(tid, action, agency=None, headers=verifier, reason=None) -> response json."""

    def make(tid: str, action: str, agency: str | None = None, headers=None, reason: str | None = None):
        body = {"action": action}
        if agency:
            body["agency"] = agency
        if reason or action in ("archive", "need_info"):
            body["reason"] = reason or "alasan"
        resp = client.post(f"/api/v1/complaints/{tid}/disposition", json=body, headers=headers or verifier)
        assert resp.status_code == 200, resp.json
        return resp.json

    return make


@pytest.fixture
def cli_env(app_config, tmp_path, models_dir):
    return {
        "TRIAGE_DATABASE_URL": app_config["DATABASE_URL"],
        "TRIAGE_INSTANCE_PATH": str(tmp_path / "cli-instance"),
        "TRIAGE_MODELS_DIR": str(tmp_path / "cli-models"),
        "TRIAGE_MODEL": "",
    }
