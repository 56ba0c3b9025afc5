"""Every process serves the registry's active model.

Each process (gunicorn worker, dev server) checks the latest `model_activation` row at most every
`MODEL_CHECK_SECONDS` (default 5) from a `before_request` hook - one indexed `SELECT ... ORDER BY id
DESC LIMIT 1`. When it changed, the new bundle is loaded in a background thread while the old one
keeps answering, then `ModelHolder.swap` replaces the reference in one assignment: requests in flight
finish on the model they started with, the next ones use the new one. No restart, no failed request.

The same check notices changes of the agency mapping and of the active agencies, and re-wraps the
suggester so that labels of merged/renamed agencies come out under their new codes (no reload).
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.agencies.models import AgencyMapping
from api.model_holder import Loaded, ModelHolder
from api.models import Agency
from api.registry import storage
from api.registry.activation import active
from api.registry.models import ModelEntry
from api.registry.remap import remapping_suggester, unwrap

log = logging.getLogger(__name__)


class ModelSync:
    """Keeps one process's ModelHolder on the active model of the registry (see module docstring)."""

    def __init__(self, holder: ModelHolder, sessionmaker, interval: float = 5.0, blocking: bool = False,
                 models_dir: str | Path = "models"):
        self.holder = holder
        self.sessionmaker = sessionmaker
        self.models_dir = models_dir
        # Functions applied to every model before it is served (the learning router wraps it).
        self.wrappers: list = []
        self.interval = interval
        self.blocking = blocking
        self._marker = None
        self._next_check = 0.0
        self._lock = threading.Lock()
        self._loading = False
        self.error: str | None = None

    def _read_marker(self, s: Session):
        act = active(s)
        mapping_id = s.scalar(select(func.max(AgencyMapping.id)))
        n_active = s.scalar(select(func.count()).select_from(Agency).where(Agency.active.is_(True)))
        return (act.id if act else None, act.entry_id if act else None, act.entry.version if act else None,
                mapping_id, n_active)

    def maybe_refresh(self) -> None:
        now = time.monotonic()
        if now < self._next_check or self._loading:
            return
        self._next_check = now + self.interval
        self.refresh(blocking=self.blocking)

    def refresh(self, blocking: bool = True) -> None:
        try:
            with self.sessionmaker() as s:
                marker = self._read_marker(s)
        except Exception as exc:  # missing tables (old schema) or database down: keep serving
            log.debug("model sync check failed: %s", exc)
            return
        if marker == self._marker:
            return
        with self._lock:
            if self._loading:
                return
            self._loading = True
        current = self.holder.current
        needs_load = marker[1] is not None and (current is None or current.version != marker[2])
        if blocking or not needs_load:  # a mapping change only re-wraps: cheap, done right away
            self._apply(marker)
        else:
            threading.Thread(target=self._apply, args=(marker,), name="model-sync", daemon=True).start()

    def _apply(self, marker) -> None:
        try:
            _act_id, entry_id, version, *_ = marker
            current = self.holder.current
            if entry_id is not None and (current is None or current.version != version):
                from triage.bundle import load_bundle
                from triage.suggest import Suggester

                with self.sessionmaker() as s:
                    # The bundle may have been made on another machine: the database carries it.
                    path = storage.materialize(s, s.get(ModelEntry, entry_id), self.models_dir)
                if path is None:
                    raise FileNotFoundError(f"model {version} is neither on this machine nor in the database")
                bundle = load_bundle(path)
                if bundle.version != version:
                    log.warning("%s now holds %s, the registry activated %s", path, bundle.version, version)
                base = Suggester(bundle).warm_up()  # ready before it serves
            elif current is not None:
                base = unwrap(current.suggester)
            else:
                self._marker = marker
                return
            with self.sessionmaker() as s:
                served = remapping_suggester(s, base)
            for wrap in self.wrappers:
                served = wrap(served)
            self.holder.swap(Loaded(served, Path(base.path)))
            self._marker = marker
            self.error = None
        except Exception as exc:
            self.error = f"{type(exc).__name__}: {exc}"
            log.error("could not switch to the active model: %s", self.error)
            self._marker = marker  # do not retry a broken bundle on every request; a new activation retries
        finally:
            self._loading = False


def init_app(app) -> ModelSync:
    from api import extensions

    sync = ModelSync(extensions.holder(app), extensions.sessionmaker(app),
                     interval=float(app.config["MODEL_CHECK_SECONDS"]),
                     blocking=bool(app.config.get("MODEL_SYNC_BLOCKING", False)), models_dir=app.config["MODELS_DIR"])
    app.extensions[extensions.MODEL_SYNC] = sync
    sync.refresh(blocking=True)  # start on the registry's active model (and its label check)

    @app.before_request
    def _model_sync():
        sync.maybe_refresh()

    return sync
