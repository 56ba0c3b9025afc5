"""Typed accessors to the per-app objects that `create_app` builds and stores in `app.extensions`.

One place names them; everything else calls `extensions.holder()`, `extensions.sessionmaker()`, ...
(with an explicit app outside a request).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flask import Flask, current_app

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import sessionmaker as SessionMaker

    from api.deadlines import DeadlinePolicy
    from api.duplicates.index_store import IndexStore
    from api.learning.sync import LearningSync
    from api.model_holder import ModelHolder
    from api.monitoring.service import Cache
    from api.registry.sync import ModelSync

ENGINE = "triage.engine"
SESSIONMAKER = "triage.sessionmaker"
DEADLINES = "triage.deadlines"
MODEL = "triage.model"
MODEL_SYNC = "triage.model_sync"
OPENAPI = "triage.openapi"
LIMITER = "triage.limiter"
CSP_HTML = "triage.csp_html"
DUPLICATES = "triage.duplicates"
MONITORING_CACHE = "triage.monitoring_cache"
LEARNING_SYNC = "triage.learning_sync"


def _get(key: str, app: Flask | None) -> Any:
    return (app or current_app).extensions[key]


def engine(app: Flask | None = None) -> Engine:
    return _get(ENGINE, app)


def sessionmaker(app: Flask | None = None) -> SessionMaker:
    return _get(SESSIONMAKER, app)


def deadlines(app: Flask | None = None) -> DeadlinePolicy:
    return _get(DEADLINES, app)


def holder(app: Flask | None = None) -> ModelHolder:
    return _get(MODEL, app)


def model_sync(app: Flask | None = None) -> ModelSync | None:
    return (app or current_app).extensions.get(MODEL_SYNC)


def openapi(app: Flask | None = None) -> dict:
    """The OpenAPI document, generated from the schemas on first use (two threads may both build it:
    the same dict, harmless)."""
    app = app or current_app
    spec = app.extensions.get(OPENAPI)
    if spec is None:
        from api.openapi import build_spec

        spec = app.extensions[OPENAPI] = build_spec(app.config)
    return spec


def limiter(app: Flask | None = None):
    return _get(LIMITER, app)


def csp_html(app: Flask | None = None) -> str:
    return _get(CSP_HTML, app)


def duplicates_store(app: Flask | None = None) -> IndexStore:
    """The process's ANN index store, created on first use (it lives in the instance folder)."""
    app = app or current_app._get_current_object()  # noqa: SLF001 - the real app, to store into
    store = app.extensions.get(DUPLICATES)
    if store is None:
        from pathlib import Path

        from api.duplicates.index_store import IndexStore

        store = app.extensions.setdefault(DUPLICATES, IndexStore(Path(app.instance_path) / "duplicates"))
    return store


def monitoring_cache(app: Flask | None = None) -> Cache:
    return _get(MONITORING_CACHE, app)


def learning_sync(app: Flask | None = None) -> LearningSync | None:
    return (app or current_app).extensions.get(LEARNING_SYNC)
