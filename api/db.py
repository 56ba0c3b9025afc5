"""Engine, sessions (one per request) and schema migration for the service."""

from __future__ import annotations

import ast
import contextlib
import fcntl
import json
import logging
import os
import weakref
from pathlib import Path

import orjson
from flask import Flask, g
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from api import extensions

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def json_column_text(value) -> str:
    """What a JSON column stores: orjson's compact text (a suggestion's payload is written on every intake,
    and the standard library's encoder took a tenth of the request's database work), the standard
    library's for what orjson refuses (a float subclass such as numpy's, an integer over 64 bits). The
    same JSON value either way; non-ASCII letters are written as UTF-8 rather than escaped."""
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(value)


def make_engine(url: str) -> Engine:
    # hide_parameters: an error's message (and so the log) never shows the bound values, which are
    # reporters' names, phone numbers and texts. Reading JSON stays the standard library's (it accepts
    # every text written before).
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15, "check_same_thread": False}, hide_parameters=True,
                               json_serializer=json_column_text)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            # WAL: gunicorn workers read while one writes, and a commit is one fsync of the log instead
            # of the rollback journal's several; synchronous=FULL keeps every commit on disk when it
            # returns (nothing accepted is lost, even on a power cut).
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.close()
    else:
        # pre_ping: a restarted database costs one failed check, not a failed request.
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10, pool_timeout=10,
                               hide_parameters=True, json_serializer=json_column_text)
    _fresh_pool_after_fork(engine)
    return engine


def _fresh_pool_after_fork(engine: Engine) -> None:
    """A process forked from this one (gunicorn --preload) must not use the parent's connections: it
    forgets them (without closing the parent's sockets) and opens its own."""
    ref = weakref.ref(engine)

    def after_in_child():
        e = ref()
        if e is not None:
            e.dispose(close=False)

    os.register_at_fork(after_in_child=after_in_child)


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions[extensions.ENGINE] = engine
    app.extensions[extensions.SESSIONMAKER] = sessionmaker(engine, expire_on_commit=False)
    app.teardown_appcontext(_close_session)


def session() -> Session:
    """The request's session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = extensions.sessionmaker()()
    return g.db_session


def _close_session(_exc=None) -> None:
    s = g.pop("db_session", None)
    if s is not None:
        s.close()


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def migration_heads() -> set[str]:
    """The head revisions of the migration scripts: read from their literal ``revision`` and
    ``down_revision`` assignments, without importing alembic (a fifth of a second at every start, only
    to learn that nothing is to be done); from alembic itself when a script is not that plain."""
    revisions, parents = set(), set()
    try:
        for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
            if path.name.startswith((".#", "__init__")):  # the files alembic skips too
                continue
            found = {}
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
                if isinstance(target, ast.Name) and target.id in ("revision", "down_revision") and node.value:
                    found[target.id] = ast.literal_eval(node.value)
            if not isinstance(found.get("revision"), str):
                raise ValueError(f"{path.name}: no literal revision")
            revisions.add(found["revision"])
            down = found.get("down_revision")
            parents.update(down if isinstance(down, (tuple, list)) else [down] if down else [])
    except (OSError, SyntaxError, ValueError) as exc:
        log.info("reading the migration heads with alembic (%s)", exc)
        from alembic.script import ScriptDirectory

        return set(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())
    return revisions - parents


def needs_upgrade(engine: Engine) -> bool:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return True
        current = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    return current != migration_heads()


@contextlib.contextmanager
def file_lock(path: Path):
    """Serialise first-start migration between gunicorn workers sharing an instance folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def prepare_database(app: Flask) -> None:
    """Migrate (if AUTO_MIGRATE), load reference data into empty tables, and give complaints written without
    received_month (by a release older than the schema) their month."""
    from api.services.reference import seed_reference_data

    engine = extensions.engine(app)
    with file_lock(Path(app.instance_path) / "migrate.lock"):
        behind = needs_upgrade(engine)
        if app.config["AUTO_MIGRATE"] and behind:
            log.info("upgrading database schema")
            upgrade(str(engine.url.render_as_string(hide_password=False)))
            behind = False
        if inspect(engine).has_table("agency"):
            with extensions.sessionmaker(app)() as s:
                seed_reference_data(s)
        if not behind:
            from api.duplicates.service import fill_missing_months

            with engine.begin() as conn:
                filled = fill_missing_months(conn)
            if filled:
                log.warning("gave %d complaint(s) written without received_month their month", filled)
