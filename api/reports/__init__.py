"""Agency performance reports: the figures (performance.py), charts (charts.py), CSV/XLSX (export.py),
the page, downloads and the printable monthly report (views.py, templates/reports/), `triage report` (cli.py)."""
