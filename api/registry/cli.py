"""`triage models`: the registry from the command line (list, activate, rollback, compare, log)."""

from __future__ import annotations

import json

import click

from api.cli import actor, fail, open_session, settings


def _fmt(m: dict | None, key: str) -> str:
    v = (m or {}).get(key)
    return f"{v:.3f}" if isinstance(v, int | float) else "-"


@click.group()
def models() -> None:
    """Model registry: list, activate (with a safety comparison), rollback, compare."""


@models.command("list")
def models_list() -> None:
    """Register the bundles in the models directory and list them with their test metrics."""
    from api import registry

    with open_session() as s:
        entries = registry.scan(s, settings()["MODELS_DIR"])
        current = registry.active(s)
        click.echo("active\tname\tversion\tagency macro-F1\tcoverage@95\tdata until")
        for e in entries:
            test = ((e.metrics or {}).get("test") or {}).get("agency")
            mark = "*" if current and current.entry_id == e.id else ""
            click.echo(f"{mark}\t{e.name}\t{e.version}\t{_fmt(test, 'macro_f1')}\t{_fmt(test, 'coverage_at_95')}\t"
                       f"{(e.training or {}).get('data_until') or '-'}")
        if current is None:
            click.echo("no model activated through the registry: the service uses TRIAGE_MODEL / models/default",
                       err=True)


@models.command("activate")
@click.argument("name")
@click.option("--force", is_flag=True, help="Activate even if the comparison says it is worse.")
@click.option("--reason", help="Why (required with --force; kept in the activation log).")
@click.option("--min-rows", default=30, show_default=True, help="Recent decisions needed for the comparison.")
def models_activate(name: str, force: bool, reason: str | None, min_rows: int) -> None:
    """Make NAME the active model of every worker (within TRIAGE_MODEL_CHECK_SECONDS)."""
    from api import registry
    from api.services.errors import ServiceError

    with open_session() as s:
        try:
            row = registry.activate(s, name, actor=actor(), models_dir=settings()["MODELS_DIR"], force=force,
                                    reason=reason, min_rows=min_rows)
        except registry.Refused as exc:
            _print_comparison((exc.details or {}).get("comparison") or {})
            fail(exc)
        except ServiceError as exc:
            fail(exc)
        if row.comparison:
            _print_comparison(row.comparison)
        click.echo(f"activated {row.entry.name} ({row.entry.version})" + (" [forced]" if row.forced else ""))


@models.command("rollback")
@click.option("--reason", help="Why (kept in the activation log).")
def models_rollback(reason: str | None) -> None:
    """Go back to the model active before the current one."""
    from api import registry

    with open_session() as s:
        row = registry.rollback(s, actor=actor(), reason=reason)
        click.echo(f"rolled back to {row.entry.name} ({row.entry.version})")


@models.command("compare")
@click.argument("candidate")
@click.option("--min-rows", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def models_compare(candidate: str, min_rows: int, as_json: bool) -> None:
    """Score CANDIDATE and the active model on recent decisions neither trained on."""
    from api import registry

    with open_session() as s:
        entry = registry.resolve(s, candidate, settings()["MODELS_DIR"])
        current = registry.active(s)
        if current is None:
            raise click.ClickException("no active model in the registry: `triage models activate NAME` first")
        result = registry.compare(s, entry, current.entry, min_rows)
        s.commit()
    click.echo(json.dumps(result, indent=2)) if as_json else _print_comparison(result)


def _print_comparison(c: dict) -> None:
    if not c:
        return
    click.echo(f"decisions after {c.get('since')}: {c.get('rows')}")
    for key in ("active", "candidate"):
        m = c.get(key) or {}
        click.echo(f"  {key:9} {m.get('version')}: macro-F1 {_fmt(m, 'macro_f1')}, "
                   f"coverage@95 {_fmt(m, 'coverage_at_95')}, accuracy {_fmt(m, 'accuracy')}")
    click.echo(f"  verdict: {c.get('message')}")


@models.command("log")
def models_log() -> None:
    """The activation log, newest first."""
    from api import registry

    with open_session() as s:
        for a in registry.history(s):
            click.echo(f"{a.at:%Y-%m-%d %H:%M}\t{a.action}{' (forced)' if a.forced else ''}\t{a.entry.version}\t"
                       f"{a.actor}\t{a.reason or ''}")
