"""`triage agencies`: the agency directory from the command line (restructuring: merge, rename, split)."""

from __future__ import annotations

import datetime as dt

import click

from api.cli import actor, fail, open_session


@click.group()
def agencies() -> None:
    """Agency restructuring: merge, rename, split (relabels past decisions for training)."""


def _restructure_options(f):
    f = click.option("--reason", required=True, help="e.g. the regulation (Perda No. ...)")(f)
    f = click.option("--effective", default=lambda: dt.date.today().isoformat(), show_default="today",
                     help="Effective date (YYYY-MM-DD).")(f)
    return f


def _run(fn, *args, **kwargs):
    from api.services.errors import ServiceError

    with open_session() as s:
        try:
            kwargs["effective"] = dt.date.fromisoformat(kwargs["effective"])
            rows = fn(s, *args, actor=actor(), **kwargs)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--effective") from None
        except ServiceError as exc:
            fail(exc)
        for r in rows:
            click.echo(f"{r.kind}: {r.old_code} -> {r.new_code} from {r.effective_date}")


@agencies.command("merge")
@click.argument("old", nargs=-1, required=True)
@click.option("--into", required=True, help="The agency they become (created if --name is given).")
@click.option("--name", help="Name of the new agency when it does not exist yet.")
@_restructure_options
def agencies_merge(old, into, name, effective, reason):
    from api.agencies import restructure

    _run(restructure.merge, list(old), into, name=name, effective=effective, reason=reason)


@agencies.command("rename")
@click.argument("old")
@click.argument("new")
@click.option("--name", help="New name (default: the old one).")
@_restructure_options
def agencies_rename(old, new, name, effective, reason):
    from api.agencies import restructure

    _run(restructure.rename, old, new, name=name, effective=effective, reason=reason)


@agencies.command("split")
@click.argument("old")
@click.option("--into", multiple=True, required=True, help="A new agency code (repeat).")
@click.option("--name", "names", multiple=True, help="Names of the new agencies, in --into order.")
@_restructure_options
def agencies_split(old, into, names, effective, reason):
    from api.agencies import restructure

    _run(restructure.split, old, list(into), names=list(names), effective=effective, reason=reason)


@agencies.command("mappings")
def agencies_mappings():
    """The mapping table."""
    from api.agencies import restructure

    with open_session() as s:
        for m in restructure.mappings(s):
            click.echo(f"{m.kind}\t{m.old_code}\t{m.new_code}\t{m.effective_date}\t{m.actor}\t{m.reason}")
