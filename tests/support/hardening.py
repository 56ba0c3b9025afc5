"""Shared data and helpers for tests/hardening (imported by name)."""

import threading

COMPLAINT = {
    "title": "Jalan rusak",
    "text": "Jalan di desa kami rusak parah dan berlubang, mohon segera diperbaiki. Hubungi 081234567890.",
    "channel": "web",
    "reporter": {"name": "Budi Santoso", "phone": "081234567890", "email": "budi@example.id"},
}


class LiveServer:
    def __init__(self, app):
        from werkzeug.serving import make_server

        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(5)


def scratch_pg_database(suffix: str):
    """A fresh PostgreSQL database named `<test database>_<suffix>`, migrated (a generator for a
    fixture: yields its URL, drops it afterwards). Skips without TRIAGE_TEST_DATABASE_URL on PostgreSQL."""
    import os

    import pytest
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from api.db import upgrade

    base = os.environ.get("TRIAGE_TEST_DATABASE_URL") or ""
    if not base.startswith("postgresql"):
        pytest.skip("needs PostgreSQL (TRIAGE_TEST_DATABASE_URL)")
    name = f"{make_url(base).database}_{suffix}"  # beside the test database: never someone else's
    admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT",
                          connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        pytest.skip(f"PostgreSQL is not reachable: {exc}")
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_ready(url: str, proc, log_path, seconds: float = 180) -> None:
    """Poll `url` until it answers 200; fail with the server's log if it dies or takes too long."""
    import time

    import pytest
    import requests

    deadline = time.monotonic() + seconds
    while True:
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            pytest.fail("the server did not start: " + log_path.read_text()[-3000:])
        time.sleep(1)
