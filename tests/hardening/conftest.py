"""A live HTTP server (werkzeug in a thread) for the hardening tests that need real sockets
(service fixtures: tests/conftest.py)."""

from __future__ import annotations

import pytest
from support.hardening import LiveServer


@pytest.fixture
def live_server(app):
    with LiveServer(app) as server:
        yield server
