"""Fixtures for tests/learning: helpers that make complaints and decisions through the API
(service fixtures: tests/conftest.py)."""

from __future__ import annotations

import pytest


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
