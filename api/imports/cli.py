"""`triage import lapor FILE | reviews | resolve | ignore | batches` (entry point "import")."""

from __future__ import annotations

import json
from pathlib import Path

import click


def _policy(settings: dict):
    from api.deadlines import DeadlinePolicy, WorkingCalendar

    return DeadlinePolicy(WorkingCalendar(settings["TIMEZONE"], settings["HOLIDAYS"]), settings["VERIFY_DAYS"])


@click.group("import")
def import_group() -> None:
    """Import reports from other systems (SP4N-LAPOR! exports) and review unmatched agency names."""


@import_group.command("lapor")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--mapping", "mapping_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Column mapping (JSON or YAML) laid over the shipped default for LAPOR exports.")
@click.option("--dry-run", is_flag=True, help="Read and check everything, store nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def lapor(file: Path, mapping_path: Path | None, dry_run: bool, as_json: bool, no_progress: bool) -> None:
    """Import an SP4N-LAPOR! export (CSV or XLSX). Importing the same file again changes nothing."""
    from tqdm import tqdm

    from api.cli import open_session, settings
    from api.imports.lapor import import_lapor
    from api.imports.mapping import MappingError
    from api.services.errors import ServiceError

    bar = None

    def on_total(n: int) -> None:
        nonlocal bar
        bar = tqdm(total=n, unit="row", desc=file.name, disable=no_progress or as_json, leave=False)

    try:
        with open_session() as s:
            result = import_lapor(s, file, _policy(settings()), mapping_path=mapping_path, dry_run=dry_run,
                                  progress=lambda n: bar.update(n) if bar else None, on_total=on_total)
    except (ServiceError, MappingError) as exc:
        raise click.ClickException(getattr(exc, "message", str(exc))) from None
    finally:
        if bar is not None:
            bar.close()
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    for p in result.problems:
        click.echo(("error: " if p.skipped else "warning: ") + p.describe(str(file)), err=True)
    verb = "would import" if dry_run else "imported"
    click.echo(f"{file}: {result.rows} rows: {verb} {result.created}, unchanged {result.unchanged}, "
               f"held for agency review {result.held}, failed {result.failed}"
               + (f", blank {result.blank}" if result.blank else ""))
    if result.ignored_columns:
        click.echo(f"columns not used: {', '.join(result.ignored_columns)}")
    if result.reviews:
        click.echo(f"{len(result.reviews)} agency name(s) need review (`triage import reviews`):")
        for r in result.reviews.values():
            guess = f" (best guess {r['candidate']}, {r['score']:.0f})" if r["candidate"] else ""
            click.echo(f"  {r['name']!r}: {r['rows']} row(s){guess}")
        if not dry_run:
            click.echo("resolve them with `triage import resolve NAME CODE`, then import the file again.")


@import_group.command("reviews")
@click.option("--status", default="pending", show_default=True, type=click.Choice(["pending", "resolved", "ignored", "all"]))
@click.option("--json", "as_json", is_flag=True)
def reviews(status: str, as_json: bool) -> None:
    """Agency names from imports that did not match the directory confidently."""
    from api.cli import open_session
    from api.imports import reviews as svc

    with open_session() as s:
        rows = [svc.review_dict(r) for r in svc.list_reviews(s, None if status == "all" else status)]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"no {'' if status == 'all' else status + ' '}agency names to review")
    for r in rows:
        guess = f"best guess {r['candidate']} ({r['score']:.0f})" if r["candidate"] else "no candidate"
        done = f" -> {r['agency'] or '(no agency)'} by {r['resolved_by']}" if r["status"] != "pending" else ""
        click.echo(f"{r['id']}\t{r['name']}\t{r['rows']} row(s)\t{guess}\t{r['status']}{done}")


@import_group.command("resolve")
@click.argument("name")
@click.argument("agency_code", required=False)
@click.option("--actor", default="cli", show_default=True, help="Who decided (recorded).")
def resolve(name: str, agency_code: str | None, actor: str) -> None:
    """Map agency NAME (as written, or its review id) to AGENCY_CODE (default: the best guess)."""
    from api.cli import open_session
    from api.imports import reviews as svc

    with open_session() as s:
        row = svc.resolve(s, name, agency_code, f"user:{actor}")
    click.echo(f"{row.name!r} -> {row.agency_code} (added as an alias); import the file again to bring its rows in")


@import_group.command("ignore")
@click.argument("name")
@click.option("--actor", default="cli", show_default=True)
def ignore(name: str, actor: str) -> None:
    """Import rows naming NAME without an agency."""
    from api.cli import open_session
    from api.imports import reviews as svc

    with open_session() as s:
        row = svc.ignore(s, name, f"user:{actor}")
    click.echo(f"{row.name!r} ignored: its rows are imported without an agency")


@import_group.command("batches")
@click.option("--limit", default=20, show_default=True)
def batches(limit: int) -> None:
    """Recent imports."""
    from api.cli import open_session
    from api.imports import reviews as svc

    with open_session() as s:
        for b in svc.list_batches(s, limit):
            click.echo(f"{b.id}\t{b.started_at:%Y-%m-%d %H:%M}\t{b.filename}\trows {b.rows_total}\tcreated {b.created}"
                       f"\tunchanged {b.unchanged}\theld {b.held}\tfailed {b.failed}\t{b.actor}")
