"""Office fixtures: a console client logged in as a given role, and the CLI's environment."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from support.console import login


@pytest.fixture
def as_role(client, make_user):
    def do(role: str, username: str | None = None):
        username = username or f"{role}-office"
        make_user(role, username=username)
        resp = login(client, username)
        assert resp.status_code == 302, resp.get_data(as_text=True)
        return client

    return do


@pytest.fixture
def cli_env(app_config, tmp_path):
    return {
        "TRIAGE_DATABASE_URL": app_config["DATABASE_URL"],
        "TRIAGE_INSTANCE_PATH": str(tmp_path / "cli-instance"),
        "TRIAGE_MODELS_DIR": str(tmp_path / "cli-models"),
        "TRIAGE_AUTO_MIGRATE": "0",
        "TRIAGE_MODEL": "",
    }


@pytest.fixture
def run_cli(cli_env):
    runner = CliRunner()

    def invoke(command, args, env=None):
        return runner.invoke(command, args, env={**cli_env, **(env or {})}, catch_exceptions=False)

    return invoke
