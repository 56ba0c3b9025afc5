"""Hardening tests reuse the service fixtures of tests/api (app, client, db_session, make_user...)
and add a live HTTP server (werkzeug in a thread) for the tests that need real sockets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "console"))
from console_support import load_api_fixtures  # noqa: E402
from tests_hardening_support import LiveServer  # noqa: E402

_api = load_api_fixtures()
model_holder, db_url, app_config, app, client, db_session, make_user, verifier, admin, scientist, api_key = (
    _api.model_holder, _api.db_url, _api.app_config, _api.app, _api.client, _api.db_session, _api.make_user,
    _api.verifier, _api.admin, _api.scientist, _api.api_key)


@pytest.fixture
def live_server(app):
    with LiveServer(app) as server:
        yield server
