"""`triage setup`: store the office's identity, and train the office's model when history is there."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import click

from api.cli import actor, open_session, settings

OPTIONS = {"name": "--office", "short_name": "--short-name", "timezone": "--timezone", "unit": "--unit",
           "issuer": "--issuer", "contact": "--contact", "email": "--email"}
DERIVED = ("short_name", "unit", "issuer")  # follow the name unless given


def _train_command() -> click.Command:
    """`triage train`, found the way the root command finds it (api does not import training/)."""
    for ep in entry_points(group="triage.commands"):
        if ep.name == "train":
            return ep.load()
    raise click.ClickException("the `train` command is not installed (pip install triage with training/)")


def _echo_identity(ident) -> None:
    click.echo(f"office:     {ident.name}")
    click.echo(f"short name: {ident.short_name}")
    click.echo(f"unit:       {ident.unit}")
    click.echo(f"issuer:     {ident.issuer}")
    click.echo(f"timezone:   {ident.timezone}")
    if ident.contact:
        click.echo(f"contact:    {ident.contact}")
    if ident.email:
        click.echo(f"e-mail:     {ident.email}")
    for field, var in sorted(ident.overridden.items()):
        click.echo(f"note: {OPTIONS[field]} is overridden by the environment variable {var}", err=True)


@click.command()
@click.option("--office", "name", help='Full name of the office, e.g. "Pemerintah Kabupaten Contoh".')
@click.option("--short-name", help='Shown in titles; default: the name without "Pemerintah".')
@click.option("--timezone", help="IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).")
@click.option("--unit", help='The unit running the console; default "Diskominfo <short name>".')
@click.option("--issuer", help='Issuer of the reports; default "Dinas Komunikasi dan Informatika <short name>".')
@click.option("--contact", help="Address or telephone shown on documents.")
@click.option("--email", help="The office's e-mail address.")
@click.option("--train", "train_model", is_flag=True,
              help="Then train the office's model on the decided history (`triage train --from-db`).")
@click.option("--model-out", type=click.Path(path_type=Path),
              help="With --train: bundle directory (default: MODELS_DIR/office).")
@click.option("--overwrite", is_flag=True, help="With --train: replace an existing bundle at --model-out.")
@click.pass_context
def setup(ctx, name, short_name, timezone, unit, issuer, contact, email, train_model, model_out, overwrite):
    """Store the office's identity (name, short name, timezone, report issuer, unit, contact).

    Run again with only the options to change; an empty value (--email "") clears an optional field.
    Environment variables (TRIAGE_OFFICE_NAME, TRIAGE_OFFICE_SHORT_NAME, TRIAGE_TIMEZONE,
    TRIAGE_REPORT_ISSUER ...) override what is stored. With no option, prints the identity in use.
    """
    from api.office import service as office
    from api.training_data import export_decisions

    given = {f: v for f, v in {"name": name, "short_name": short_name, "timezone": timezone, "unit": unit,
                              "issuer": issuer, "contact": contact, "email": email}.items() if v is not None}
    model_out = model_out or Path(settings()["MODELS_DIR"]) / "office"
    if train_model and model_out.exists() and not overwrite:  # fail before anything is stored or trained
        raise click.ClickException(f"{model_out} already exists; choose another --model-out or pass --overwrite")
    with open_session() as s:
        saved = office.stored(s)
        if given:
            if saved is None and "name" not in given:
                raise click.UsageError('no office is set up yet: give --office "Pemerintah Kabupaten …"')
            values = saved.model_dump() if saved is not None else {}
            if saved is not None and given.get("name", saved.name) != saved.name:
                values = {f: v for f, v in values.items() if f not in DERIVED}  # derived again from the new name
            data = office.validate(values | given)
            ident = office.save(s, data, actor=actor())
            click.echo("office settings saved")
        else:
            ident = office.identity(s)
            if ident.demo:
                click.echo('no office is set up: this is the demo office (triage setup --office "…")', err=True)
        _echo_identity(ident)
        decided = len(export_decisions(s).rows)
    if not decided:
        if train_model:
            click.echo("no decided history in the database yet: nothing to train on (the shipped model stays)")
        return
    if not train_model:
        click.echo(f"the database holds {decided} decided reports: train the office's model on them with "
                   f"`triage setup --train` (or `triage train --from-db --out {model_out}`)")
        return
    click.echo(f"training the office's model on {decided} decided reports -> {model_out}")
    ctx.invoke(_train_command(), from_db=True, out=model_out, overwrite=overwrite)
    click.echo(f"then compare and activate it: triage models activate {model_out.name}")
