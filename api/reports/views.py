"""/reports: the agency performance page (charts), CSV, XLSX, JSON and the printable monthly report.

Query: `month=YYYY-MM`, or `from=YYYY-MM-DD&to=YYYY-MM-DD` (inclusive; default: this month to today).
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, jsonify, render_template, request

from api import auth, db, extensions
from api.console import present
from api.office.service import identity
from api.reports import charts
from api.reports.export import to_csv, to_xlsx
from api.reports.performance import (
    COLUMNS,
    DEFINITIONS_ID,
    MONTHS_ID,
    Period,
    format_date_id,
    performance_report,
)
from api.workflow import Role

bp = Blueprint("reports", __name__, url_prefix="/reports")
ROLES = (Role.ADMIN, Role.VERIFIER, Role.DATA_SCIENTIST)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report():
    tz = extensions.deadlines().calendar.tz
    today = dt.datetime.now(tz).date()
    period = Period.parse(request.args.get("month"), request.args.get("from"), request.args.get("to"), today)
    everyone = request.args.get("all") in ("1", "true")
    return performance_report(db.session(), period, extensions.deadlines(), all_agencies=everyone)


def _context(report) -> dict:
    tz = extensions.deadlines().calendar.tz
    return {
        "report": report, "columns": COLUMNS, "definitions": DEFINITIONS_ID,
        "chart_outcomes": charts.stacked_bars([r for r in report.rows]),
        "chart_times": charts.response_times([r for r in report.rows]),
        "generated_local": report.generated_at.astimezone(tz),
        "format_date_id": format_date_id, "months": MONTHS_ID,
        "query": request.query_string.decode(),
        **office_context(identity(db.session())),
        "format_day": present.format_day, "day_pattern": present.DAY_PATTERN, "month_pattern": present.MONTH_PATTERN,
    }


def office_context(office) -> dict:
    """The letterhead: who issues the report (api.office, one place for the office's identity)."""
    return {"office": office, "issuer": office.issuer}


def _download(body, mimetype: str, name: str) -> Response:
    # Werkzeug adds "; charset=utf-8" to text/* mimetypes itself: pass the bare type.
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.get("/performance")
@auth.roles(*ROLES)
def performance_page():
    return render_template("reports/performance.html", **_context(_report()))


@bp.get("/performance.json")
@auth.roles(*ROLES)
def performance_json():
    return jsonify(_report().to_dict())


@bp.get("/performance.csv")
@auth.roles(*ROLES)
def performance_csv():
    report = _report()
    return _download(to_csv(report), "text/csv", f"kinerja-instansi-{report.period.slug()}.csv")


@bp.get("/performance.xlsx")
@auth.roles(*ROLES)
def performance_xlsx():
    report = _report()
    return _download(to_xlsx(report), XLSX, f"kinerja-instansi-{report.period.slug()}.xlsx")


@bp.get("/monthly")
@auth.roles(*ROLES)
def monthly():
    """The document an office sends upward: A4, print from the browser (or save as PDF)."""
    return render_template("reports/monthly.html", **_context(_report()))
