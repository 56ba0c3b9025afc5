"""`triage learning`: status, switch on/off, and a refit now (what the job worker does after
`refit_every` decisions)."""

from __future__ import annotations

import json

import click

from api.cli import actor, open_session, settings


@click.group()
def learning() -> None:
    """Learning from verifiers' decisions (memory of decisions, automatic refits)."""


@learning.command("status")
def learning_status() -> None:
    """Whether learning is on, decisions since the last refit, and what it did (newest first)."""
    from api.learning import service

    cfg = settings()
    with open_session() as s:
        on = service.enabled(s, cfg.get("LEARNING"))
        click.echo(f"learning from decisions: {'on' if on else 'off'}"
                   + (" (forced by TRIAGE_LEARNING)" if cfg.get("LEARNING") is not None else ""))
        click.echo(f"decisions since the last refit: {service.decisions_since(s, service.last_refit_at(s))}")
        for e in service.timeline(s):
            before, after = e["acceptance_before"]["rate"], e["acceptance_after"]["rate"]
            fmt = lambda r: "-" if r is None else f"{100 * r:.1f}%"  # noqa: E731
            click.echo(f"{e['at'][:16]}\t{e['kind']}\t{e['actor']}\tacceptance {fmt(before)} -> {fmt(after)}\t"
                       f"{e['message']}")


@learning.command("on")
@click.option("--reason", help="Kept in the learning log.")
def learning_on(reason: str | None) -> None:
    from api.learning import service

    with open_session() as s:
        service.switch(s, True, actor=actor(), reason=reason)
    click.echo("learning from decisions switched on (every process within TRIAGE_LEARNING_CHECK_SECONDS)")


@learning.command("off")
@click.option("--reason", help="Kept in the learning log.")
def learning_off(reason: str | None) -> None:
    from api.learning import service

    with open_session() as s:
        service.switch(s, False, actor=actor(), reason=reason)
    click.echo("learning from decisions switched off: suggestions come from the active model alone")


@learning.command("refit")
@click.option("--json", "as_json", is_flag=True)
def learning_refit(as_json: bool) -> None:
    """Refit the agency head on the decisions now; it becomes active only if it is not worse."""
    from api.learning.refit import run_refit
    from triage.learning.settings import LearningSettings

    cfg = settings()
    with open_session() as s:
        result = run_refit(s, models_dir=cfg["MODELS_DIR"], model_path=cfg["MODEL_PATH"], actor=actor(),
                           settings=LearningSettings.from_dict(cfg.get("LEARNING_SETTINGS")))
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(result["message"])
