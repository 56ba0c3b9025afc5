"""Reuse the service fixtures of tests/api (app, client, db_session, users) in this folder."""

import importlib.util
import sys
from pathlib import Path

_API_TESTS = Path(__file__).resolve().parents[1] / "api"
if str(_API_TESTS) not in sys.path:
    sys.path.insert(0, str(_API_TESTS))  # api_test_support, as tests/api imports it
_spec = importlib.util.spec_from_file_location("_api_fixtures_open311", _API_TESTS / "conftest.py")
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)
globals().update({k: v for k, v in vars(_fixtures).items() if not k.startswith("__")})
