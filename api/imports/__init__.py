"""Imports from other systems: SP4N-LAPOR! exports (lapor.py), the agency-name review list (reviews.py).

`triage import lapor FILE` (cli.py) and `GET /imports/reviews.json` (views.py)."""
