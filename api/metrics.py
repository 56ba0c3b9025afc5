"""Prometheus metrics. Under gunicorn set PROMETHEUS_MULTIPROC_DIR so that workers' counts add up."""

from __future__ import annotations

import os
import time

from flask import Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

REQUESTS = Counter("triage_http_requests_total", "HTTP requests", ["endpoint", "method", "status"])
LATENCY = Histogram(
    "triage_http_request_duration_seconds",
    "HTTP request latency",
    ["endpoint", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
CLASSIFICATIONS = Counter("triage_classifications_total", "Suggestions made, by agency band", ["band", "source"])
INTAKE = Counter("triage_intake_total", "Complaints taken in", ["channel", "outcome"])
MODEL_FAILURES = Counter("triage_model_failures_total", "Classification failures", ["source"])


# Methods Flask may route; anything else a client invents is counted as "OTHER", so that made-up
# method names cannot create new series (the label's cardinality stays bounded).
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def method_label(method: str) -> str:
    return method if method in KNOWN_METHODS else "OTHER"


def endpoint_label() -> str:
    """The matched URL rule (never the raw path: tracking ids must not become label values)."""
    return request.url_rule.rule if request.url_rule is not None else "unmatched"


def record_suggestions(suggestions, source: str) -> None:
    for s in suggestions:
        CLASSIFICATIONS.labels(band=(s.get("agency") or {}).get("band", "none"), source=source).inc()


def exposition() -> Response:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        data = generate_latest(registry)
    else:
        from prometheus_client import REGISTRY

        data = generate_latest(REGISTRY)
    return Response(data, mimetype=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    @app.before_request
    def _start():
        g._metrics_start = time.perf_counter()

    @app.after_request
    def _count(response):
        start = g.pop("_metrics_start", None)
        if start is not None:
            endpoint, method = endpoint_label(), method_label(request.method)
            REQUESTS.labels(endpoint, method, str(response.status_code)).inc()
            LATENCY.labels(endpoint, method).observe(time.perf_counter() - start)
        return response
