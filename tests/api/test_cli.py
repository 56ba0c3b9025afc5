"""`triage serve | db | keys | users` through click's CliRunner."""

import shutil

import click
import pytest
from click.testing import CliRunner
from flask import Flask
from sqlalchemy import create_engine, func, inspect, select
from sqlalchemy.orm import Session
from support.api import PASSWORD, basic

from api import cli, extensions
from api.models import Agency


@pytest.fixture
def env(app_config, tmp_path):
    return {
        "TRIAGE_DATABASE_URL": app_config["DATABASE_URL"],
        "TRIAGE_INSTANCE_PATH": str(tmp_path / "cli-instance"),
        "TRIAGE_MODELS_DIR": str(tmp_path / "cli-models"),
        "TRIAGE_MODEL": "",
    }


@pytest.fixture
def run(env):
    runner = CliRunner()

    def invoke(command, args, input=None):
        result = runner.invoke(command, args, env=env, input=input, catch_exceptions=False)
        return result

    return invoke


def test_commands_are_click_objects():
    for name in ("serve", "db", "keys", "users"):
        assert isinstance(getattr(cli, name), click.Command)


def test_keys_create_list_revoke(run, client):
    result = run(cli.keys, ["create", "lapor-gateway"])
    assert result.exit_code == 0, result.output
    key = result.stdout.strip().splitlines()[0]
    assert key.startswith("trg_")
    assert client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {key}"}).status_code == 200
    listing = run(cli.keys, ["list"]).output
    assert "lapor-gateway" in listing and "active" in listing and key not in listing
    assert run(cli.keys, ["create", "lapor-gateway"]).exit_code == 1  # names are unique
    assert run(cli.keys, ["revoke", "lapor-gateway"]).exit_code == 0
    assert "revoked" in run(cli.keys, ["list"]).output
    assert client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {key}"}).status_code == 401
    assert run(cli.keys, ["revoke", "nope"]).exit_code == 1


def test_users_create_list_deactivate(run, client, agency_codes):
    result = run(cli.users, ["create", "rina", "--role", "verifier", "--password-stdin"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert client.get("/api/v1/complaints", headers=basic("rina")).status_code == 200
    result = run(cli.users, ["create", "andi", "--role", "agency_officer", "--agency", agency_codes[0],
                             "--password-stdin"], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    listing = run(cli.users, ["list"]).output
    assert "rina\tverifier" in listing and f"andi\tagency_officer\t{agency_codes[0]}" in listing
    assert run(cli.users, ["deactivate", "rina"]).exit_code == 0
    assert client.get("/api/v1/complaints", headers=basic("rina")).status_code == 401


def test_users_create_refuses_bad_input(run, agency_codes):
    officer_without_agency = run(cli.users, ["create", "x", "--role", "agency_officer", "--password-stdin"],
                                 input=PASSWORD + "\n")
    assert officer_without_agency.exit_code == 1 and "--agency" in officer_without_agency.output
    short = run(cli.users, ["create", "y", "--role", "admin", "--password-stdin"], input="pendek\n")
    assert short.exit_code == 1 and "at least" in short.output
    assert run(cli.users, ["create", "z", "--role", "root", "--password-stdin"], input=PASSWORD).exit_code == 2


def test_db_upgrade_builds_a_fresh_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    result = CliRunner().invoke(cli.db, ["upgrade"], env={"TRIAGE_DATABASE_URL": url,
                                                         "TRIAGE_INSTANCE_PATH": str(tmp_path / "i")})
    assert result.exit_code == 0, result.output
    engine = create_engine(url)
    assert {"complaint", "suggestion", "event", "alembic_version"} <= set(inspect(engine).get_table_names())
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Agency)) > 0
    engine.dispose()


def test_app_upgrades_an_empty_sqlite_database_on_first_start(app_config, tmp_path):
    from api import create_app

    url = f"sqlite:///{tmp_path / 'first-start.db'}"
    app = create_app({**app_config, "DATABASE_URL": url, "AUTO_MIGRATE": True,
                      "INSTANCE_PATH": str(tmp_path / "first")})
    assert (tmp_path / "first").is_dir()
    engine = extensions.engine(app)
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(Agency)) > 0
    assert app.test_client().get("/readyz").status_code == 200
    engine.dispose()


def test_secret_key_is_generated_once_and_kept(app_config, tmp_path, monkeypatch):
    from api import create_app

    monkeypatch.delenv("TRIAGE_SECRET_KEY", raising=False)
    cfg = {**app_config, "INSTANCE_PATH": str(tmp_path / "sk")}
    cfg.pop("SECRET_KEY")
    first = create_app(cfg)
    second = create_app(cfg)
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert ((tmp_path / "sk" / "secret_key").stat().st_mode & 0o777) == 0o600
    for a in (first, second):
        extensions.engine(a).dispose()


def test_serve_builds_the_default_bundle_when_missing(run, env, bundle_path, monkeypatch, caplog):
    import triage.bundle

    built, served = [], []

    def fake_ensure(models_dir, progress=True):
        target = f"{models_dir}/default"
        shutil.copytree(bundle_path, target)
        built.append((models_dir, progress))
        return target

    monkeypatch.setattr(triage.bundle, "ensure_default_bundle", fake_ensure)
    monkeypatch.setattr(Flask, "run", lambda self, **kw: served.append(kw))
    caplog.set_level("INFO")
    result = run(cli.serve, ["--port", "8765"])
    assert result.exit_code == 0, result.output
    assert built == [(env["TRIAGE_MODELS_DIR"], True)]
    assert "default bundle ready at" in caplog.text
    assert served == [{"host": "127.0.0.1", "port": 8765, "threaded": True}]
    # Second start: the bundle exists, nothing is built.
    run(cli.serve, [])
    assert len(built) == 1 and len(served) == 2


def test_serve_refuses_a_missing_explicit_model(run, env, tmp_path):
    result = CliRunner().invoke(cli.serve, [], env={**env, "TRIAGE_MODEL": str(tmp_path / "nowhere")})
    assert result.exit_code == 1 and "not a model bundle" in result.output
