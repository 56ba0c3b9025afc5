"""`triage serve | db | keys | users`: plugged into the root `triage` command by entry points."""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from api.workflow import USER_ROLES

log = logging.getLogger("api.cli")


def _instance_path() -> str:
    from api.config import instance_path

    return instance_path()


def settings() -> dict:
    from api.config import settings as from_environment

    return from_environment()


@contextmanager
def open_session():
    """A database session for admin commands, without loading the model. A service error raised
    inside becomes the command's error message (exit status 1)."""
    from sqlalchemy.orm import sessionmaker

    from api import db
    from api.services.errors import ServiceError

    cfg = settings()
    engine = db.make_engine(cfg["DATABASE_URL"])
    try:
        if cfg["AUTO_MIGRATE"]:
            _upgrade(cfg["DATABASE_URL"], engine)
        with sessionmaker(engine, expire_on_commit=False)() as s:
            try:
                yield s
            except ServiceError as exc:
                fail(exc)
    finally:
        engine.dispose()


def _upgrade(url: str, engine) -> None:
    from sqlalchemy.orm import Session

    from api import db
    from api.services.reference import seed_reference_data

    with db.file_lock(Path(_instance_path()) / "migrate.lock"):
        db.upgrade(url)
        with Session(engine) as s:
            seed_reference_data(s)


def actor() -> str:
    """Who runs a command, as written into history rows."""
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in some containers
        return "cli"


def parse_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        d = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return d if d.tzinfo else d.replace(tzinfo=dt.UTC)


def fail(exc: Exception) -> None:
    raise click.ClickException(getattr(exc, "message", str(exc)))


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(host: str, port: int) -> None:
    """Run the service (development server, threaded).

    First start: creates the instance folder and the SQLite database, and builds the default model
    bundle from the shipped sample data if it is missing. Production: run `triage db upgrade`, then
    `gunicorn -w 4 -b 0.0.0.0:8000 'api:create_app()'`.
    """
    import triage.bundle as bundles

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    cfg = settings()
    model_path = Path(cfg["MODEL_PATH"])
    if not (model_path / "bundle.json").exists():
        if os.environ.get("TRIAGE_MODEL"):
            raise click.ClickException(f"TRIAGE_MODEL={model_path} is not a model bundle (no bundle.json)")
        # triage.bundle logs that it is building, and shows a progress bar.
        built = bundles.ensure_default_bundle(cfg["MODELS_DIR"], progress=True)
        log.info("default bundle ready at %s", built)
    from api import create_app

    app = create_app()
    click.echo(f"triage serving on http://{host}:{port}/api/v1/docs")
    app.run(host=host, port=port, threaded=True)


@click.group()
def db() -> None:
    """Database schema."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True)
def db_upgrade(revision: str) -> None:
    """Apply migrations (TRIAGE_DATABASE_URL) and load the agency directory into an empty table."""
    from sqlalchemy.engine import make_url

    from api import db as dbmod

    url = settings()["DATABASE_URL"]
    engine = dbmod.make_engine(url)
    try:
        if revision == "head":
            _upgrade(url, engine)
        else:
            dbmod.upgrade(url, revision)
    finally:
        engine.dispose()
    click.echo(f"database {make_url(url).render_as_string(hide_password=True)} is at {revision}")


@click.group()
def keys() -> None:
    """API keys for other systems."""


@keys.command("create")
@click.argument("name")
def keys_create(name: str) -> None:
    """Create a key; it is printed once and only its hash is kept."""
    from api.services import accounts

    with open_session() as s:
        _row, key = accounts.create_key(s, name)
    click.echo(key)
    click.echo("Store this key now: it cannot be shown again.", err=True)


@keys.command("list")
def keys_list() -> None:
    from api.services import accounts

    with open_session() as s:
        for k in accounts.list_keys(s):
            state = f"revoked {k.revoked_at:%Y-%m-%d}" if k.revoked_at else "active"
            used = f"{k.last_used_at:%Y-%m-%d %H:%M}" if k.last_used_at else "never"
            click.echo(f"{k.name}\t{k.prefix}…\t{state}\tcreated {k.created_at:%Y-%m-%d}\tlast used {used}")


@keys.command("revoke")
@click.argument("name")
def keys_revoke(name: str) -> None:
    from api.services import accounts

    with open_session() as s:
        accounts.revoke_key(s, name)
    click.echo(f"revoked {name}")


@click.group()
def users() -> None:
    """User accounts (verifier, admin, data_scientist, agency_officer)."""


@users.command("create")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice([r.value for r in USER_ROLES]))
@click.option("--agency", "agency_code", help="agency code (agency_officer only)")
@click.option("--password-stdin", is_flag=True, help="read the password from standard input")
def users_create(username: str, role: str, agency_code: str | None, password_stdin: bool) -> None:
    from api.services import accounts

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with open_session() as s:
        accounts.create_user(s, username, password, role, agency_code)
    click.echo(f"created {role} {username}" + (f" ({agency_code})" if agency_code else ""))


@users.command("list")
def users_list() -> None:
    from api.services import accounts

    with open_session() as s:
        for u in accounts.list_users(s):
            agency = u.agency.code if u.agency else "-"
            click.echo(f"{u.username}\t{u.role}\t{agency}\t{'active' if u.active else 'inactive'}")


@users.command("deactivate")
@click.argument("username")
def users_deactivate(username: str) -> None:
    from api.services import accounts

    with open_session() as s:
        accounts.deactivate_user(s, username)
    click.echo(f"deactivated {username}")


@click.command("export")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="FILE.csv or FILE.jsonl")
@click.option("--since", help="Only decisions made after this date (YYYY-MM-DD).")
@click.option("--include-secret", is_flag=True, help="Also export the text of `secret` reports (masked).")
def export(out: Path, since: str | None, include_secret: bool) -> None:
    """Write verifiers' decisions (latest effective human decision per complaint) as a dataset."""
    from api.training_data import export_decisions, write_rows

    if out.suffix.lower() not in (".csv", ".jsonl", ".ndjson"):
        raise click.BadParameter("use a .csv or .jsonl file name", param_hint="--out")
    with open_session() as s:
        result = export_decisions(s, since=parse_date(since), include_secret=include_secret)
    write_rows(result.rows, out)
    click.echo(f"wrote {len(result.rows)} decisions to {out}")
    for k, v in sorted(result.stats.items()):
        if k != "rows" and v:
            click.echo(f"  {k.replace('_', ' ')}: {v}", err=True)

