"""Reuse the service fixtures of tests/api (app, client, db_session, make_user, verifier, ...)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

API_TESTS = Path(__file__).resolve().parent.parent / "api"
if str(API_TESTS) not in sys.path:
    sys.path.insert(0, str(API_TESTS))

if "api_fixtures" in sys.modules:
    _api = sys.modules["api_fixtures"]
else:
    _spec = importlib.util.spec_from_file_location("api_fixtures", API_TESTS / "conftest.py")
    _api = importlib.util.module_from_spec(_spec)
    sys.modules["api_fixtures"] = _api
    _spec.loader.exec_module(_api)

model_holder, db_url, app_config, app, client, db_session, make_user, verifier, admin, scientist, api_key = (
    _api.model_holder, _api.db_url, _api.app_config, _api.app, _api.client, _api.db_session, _api.make_user,
    _api.verifier, _api.admin, _api.scientist, _api.api_key)
