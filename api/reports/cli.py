"""`triage report performance`: the agency performance report as CSV, XLSX, JSON or printable HTML."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group("report")
def report() -> None:
    """Reports for the office (agency performance)."""


@report.command("performance")
@click.option("--month", help="YYYY-MM (default: this month so far)")
@click.option("--from", "start", help="first day, YYYY-MM-DD")
@click.option("--to", "end", help="last day, YYYY-MM-DD (inclusive)")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; its suffix picks the format: .csv, .xlsx, .json or .html (printable monthly report)")
@click.option("--all-agencies", is_flag=True, help="List agencies without complaints too.")
def performance(month, start, end, output: Path | None, all_agencies: bool) -> None:
    """Received, dispatched, on time, late, open, response times, accepted suggestions, hoaxes per agency."""
    from api.cli import open_session, settings
    from api.imports.cli import _policy
    from api.reports.export import to_csv, to_xlsx
    from api.reports.performance import Period, performance_report

    settings = settings()
    policy = _policy(settings)
    with open_session() as s:
        import datetime as dt

        period = Period.parse(month, start, end, dt.datetime.now(policy.calendar.tz).date())
        rep = performance_report(s, period, policy, all_agencies=all_agencies)
        from api.office.service import identity

        office = identity(s)
    suffix = output.suffix.lower() if output else ".txt"
    if suffix == ".csv":
        output.write_text(to_csv(rep), encoding="utf-8")
    elif suffix == ".xlsx":
        output.write_bytes(to_xlsx(rep))
    elif suffix == ".json":
        output.write_text(json.dumps(rep.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    elif suffix == ".html":
        output.write_text(_render_monthly(rep, settings, office), encoding="utf-8")
    elif output is None:
        _print(rep)
        return
    else:
        raise click.UsageError(f"{output}: use a .csv, .xlsx, .json or .html file name")
    click.echo(f"wrote {output} ({rep.period.label()}, {rep.total.received} complaints)")


def _print(rep) -> None:
    click.echo(f"{rep.period.label()}: received {rep.total.received}, dispatched {rep.total.dispatched}")
    click.echo("agency\treceived\tdispatched\ton_time\tlate\topen\tmedian\tp90\taccepted\thoaxes")
    for r in [*rep.rows, rep.total]:
        share = "-" if r.accepted_share is None else f"{r.accepted_share:.0%}"
        med = "-" if r.median_days is None else f"{r.median_days:g}"
        p90 = "-" if r.p90_days is None else f"{r.p90_days:g}"
        click.echo(f"{r.agency}\t{r.received}\t{r.dispatched}\t{r.on_time}\t{r.late}\t{r.open}\t{med}\t{p90}\t{share}\t{r.hoaxes}")


def _render_monthly(rep, settings, office) -> str:
    """The monthly document rendered outside a request (same template as GET /reports/monthly)."""
    from flask import Flask, render_template

    from api.reports import charts
    from api.reports.performance import COLUMNS, DEFINITIONS_ID, MONTHS_ID, format_date_id
    from api.reports.views import office_context

    app = Flask("api", template_folder=str(Path(__file__).resolve().parents[1] / "templates"))
    app.config["SERVER_NAME"] = "localhost"
    from zoneinfo import ZoneInfo

    with app.app_context():
        return render_template(
            "reports/monthly.html", report=rep, columns=COLUMNS, definitions=DEFINITIONS_ID,
            chart_outcomes=charts.stacked_bars(rep.rows), chart_times=charts.response_times(rep.rows),
            generated_local=rep.generated_at.astimezone(ZoneInfo(office.timezone)),
            format_date_id=format_date_id, months=MONTHS_ID, query="",
            **office_context(office))
