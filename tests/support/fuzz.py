"""schemathesis over a live server's OpenAPI document, shared by the dev-server and gunicorn runs."""

from __future__ import annotations

import time

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings


def load_schema(base_url: str):
    schema = schemathesis.openapi.from_url(base_url + "/api/v1/openapi.json")
    schema.config.base_url = base_url
    # A schema-valid value can still be wrong in substance (a cursor this API never issued, an agency
    # code that does not exist, a date in the year 1): 422 is a fair answer to it, and 400 is GeoReport
    # v2's answer to the same on /open311. Everything else keeps the defaults.
    pda = schema.config.checks.positive_data_acceptance
    pda.expected_statuses = [*pda.expected_statuses, "422", "400"]
    return schema


def run_all_operations(schema, max_examples: int, budget_seconds: float | None = None,
                       **call_kwargs) -> tuple[list[str], int]:
    """Every operation of the document, `max_examples` generated cases each; returns the failures and
    how many operations ran. With a budget, operations not started when it is spent are left out (the
    caller asserts how many ran), so a slow machine cannot hold the suite for ever."""
    failures, ran = [], 0
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) > 10
    start = time.monotonic()
    for op in operations:
        if budget_seconds is not None and time.monotonic() - start > budget_seconds:
            break

        @given(case=op.as_strategy())
        @settings(max_examples=max_examples, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None, phases=[Phase.explicit, Phase.generate])
        def check(case):
            case.call_and_validate(timeout=60, **call_kwargs)

        ran += 1
        try:
            check()
        except Exception as exc:  # collect them all: one report for the whole document
            failures.append(f"{op.method.upper()} {op.path}: {str(exc)[:1500]}")
    return failures, ran
