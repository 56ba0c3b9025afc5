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
@click.option("--open-to-queue", is_flag=True,
              help="Put reports still open in LAPOR! in the verification queue (deadlines from their own received "
                   "time, suggestions by a batch job). Without it they are imported as history.")
@click.option("--details", "details_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write every row's problems (.csv or .jsonl); default: the instance's imports/ folder.")
@click.option("--dry-run", is_flag=True, help="Read and check everything, store nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def lapor(file: Path, mapping_path: Path | None, open_to_queue: bool, details_path: Path | None, dry_run: bool,
          as_json: bool, no_progress: bool) -> None:
    """Import an SP4N-LAPOR! export (CSV or XLSX) as it is, with no mapping file needed.

    Prints a summary grouped by value and by problem; every row's problems go to a details file.
    Importing the same file again changes nothing."""
    from tqdm import tqdm

    from api.cli import _instance_path, open_session, settings
    from api.imports.lapor import import_lapor, write_details
    from api.imports.mapping import MappingError
    from api.services.errors import ServiceError

    bar = None

    def on_total(n: int) -> None:
        nonlocal bar
        bar = tqdm(total=n, unit="row", desc=file.name, disable=no_progress or as_json, leave=False)

    try:
        with open_session() as s:
            result = import_lapor(s, file, _policy(settings()), mapping_path=mapping_path, dry_run=dry_run,
                                  open_to_queue=open_to_queue,
                                  progress=lambda n: bar.update(n) if bar else None, on_total=on_total)
            job = None
            if result.open_ids and not dry_run:
                job = _suggest_later(s, len(result.open_ids))
    except (ServiceError, MappingError) as exc:
        raise click.ClickException(getattr(exc, "message", str(exc))) from None
    finally:
        if bar is not None:
            bar.close()
    if result.problems:
        name = f"{file.stem}-{'dry-run' if dry_run else f'batch{result.batch_id}'}-details.csv"
        write_details(result, details_path or Path(_instance_path()) / "imports" / name)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo("\n".join(summary_lines(result, dry_run)))
    if job is not None:
        click.echo(f"suggestions for the {len(result.open_ids)} report(s) now in the queue: job {job.id} "
                   f"(`triage jobs show {job.id}`; a worker runs it: `triage jobs worker`)")


def _suggest_later(s, n: int):
    """A batch job gives the reports just put in the queue their suggestions (the import itself never loads
    a model). Without Redis the job row stays queued and `triage jobs requeue` delivers it later."""
    from api import jobs

    job = jobs.enqueue(s, "reclassify", {"reason": f"import: {n} open report(s)"}, actor="import:lapor",
                       deliver=False)
    try:
        jobs._deliver(job)
    except Exception as exc:  # the import is done; a missing job queue must not undo it
        click.echo(f"warning: job {job.id} not delivered to the job queue ({exc.__class__.__name__}); "
                   "run `triage jobs requeue` once Redis is up", err=True)
    return job


def summary_lines(result, dry_run: bool = False) -> list[str]:
    """The run's summary for a person: counts, values grouped, problems grouped (not one line per row)."""
    verb = "would import" if dry_run else "imported"
    out = [f"{result.filename}: {result.rows} rows"]
    counts = [
        (verb, result.created, ""),
        ("  of which open, kept as history", result.parked,
         "still open in LAPOR!: not in the verification queue (use --open-to-queue to work on them)"),
        ("  of which open, put in the queue", result.queued, "deadlines from their own received time"),
        ("reopened into the queue", result.reopened, "imported as history earlier"),
        ("unchanged", result.unchanged, "imported before"),
        ("held for agency review", result.held, "agency name not in the directory: see below"),
        ("failed", result.failed, "see the problems below"),
        ("blank rows", result.blank, ""),
    ]
    for label, n, note in counts:
        if n or label in (verb, "failed", "held for agency review"):
            out.append(f"  {label:<34}{n:>6}" + (f"  ({note})" if note and n else ""))
    if result.nothing_new:
        first = f", first imported in batch {result.earlier_batch}" if result.earlier_batch else ""
        out.append(f"nothing new: every report in this file was imported before{first}")
    if result.ignored_columns:
        out.append(f"columns not used: {', '.join(result.ignored_columns)}")
    if result.matches:
        out.append("agency names: " + ", ".join(f"{k} {v}" for k, v in
                                                 sorted(result.matches.items(), key=lambda kv: -kv[1])))
    for fld, values in result.value_summary().items():
        shown = []
        for v in values[:12]:
            mark = {"default": " (no rule: default)", "empty": " (empty)"}.get(v["how"], "")
            shown.append(f"{v['value'] or '(empty)'!r} -> {v['imported_as'] or '-'}{mark} {v['rows']}")
        more = f" ... and {len(values) - 12} more" if len(values) > 12 else ""
        label = fld.replace("_", " ")
        if fld == "status" and "final_status" in result.values:
            label = "status (rows whose status final is empty or has no rule)"
        out.append(f"{label}: " + "; ".join(shown) + more)
    if result.reviews:
        out.append(f"{len(result.reviews)} agency name(s) need review (`triage import reviews`):")
        for r in sorted(result.reviews.values(), key=lambda r: -r["rows"]):
            guess = f" (closest: {r['candidate']}, {r['score']:.0f})" if r["candidate"] else ""
            out.append(f"  {r['name']!r}: {r['rows']} row(s){guess}")
        if not dry_run:
            out.append("resolve them with `triage import resolve NAME CODE`, then import the file again.")
    groups = result.problem_groups()
    if groups:
        out.append(f"problems ({len(result.problems)} in {len(groups)} group(s)):")
        for g in groups:
            where = f"column {g['column']!r}" if g["column"] else "row"
            rows = ", ".join(map(str, g["first_rows"])) + (", ..." if g["rows"] > len(g["first_rows"]) else "")
            vals = sorted(g["values"].items(), key=lambda kv: -kv[1])[:5]
            seen = ("; values: " + ", ".join(f"{v!r} {n}" for v, n in vals)) if vals else ""
            out.append(f"  {g['severity']:<7} {g['kind']} ({where}): {g['rows']} row(s), rows {rows}{seen}")
    if result.details_path:
        out.append(f"details of every row: {result.details_path}")
    return out


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
    """Map agency NAME (as written, or its review id) to AGENCY_CODE.

    Without AGENCY_CODE, NAME must be an agency's code, name or alias in the directory; a closest guess is
    never taken (the candidates are listed instead)."""
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
