"""Agency directory fixtures: the CLI through click's CliRunner against the test database."""

import pytest
from click.testing import CliRunner


@pytest.fixture
def run(cli_env):
    runner = CliRunner()

    def invoke(args, input=None):
        from api.agencies.cli import agencies

        # The schema is migrated already; re-seeding would put the shipped directory back into `fresh`.
        env = {**cli_env, "TRIAGE_AUTO_MIGRATE": "0"}
        return runner.invoke(agencies, args, env=env, input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def fresh(db_session):
    """An office moving in: no agencies yet (the test database is seeded with the shipped directory)."""
    from sqlalchemy import delete

    from api.models import Agency

    db_session.execute(delete(Agency))
    db_session.commit()
    return db_session
