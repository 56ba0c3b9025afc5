"""Each process keeps its learning router in step with the database.

`LearningSync` holds this process's `LearningRouter` and, at most every `LEARNING_CHECK_SECONDS`
(default 2), reads in a background thread what the event log added since it last looked (decisions
that teach, decisions undone), whether an admin switched learning off, and whether the directory
changed. Every gunicorn worker, on every machine, reads the same log in the same order, so within a
few seconds they all suggest from the same state; the request that triggers the check never waits
for it. A new process starts from the latest `memory_capacity` decisions.

It also wraps every model `ModelSync` serves (`wrap`): a model with another encoder has the memory
embedded again, a refit of the head (same encoder) takes over the memory as it is.

When enough decisions have come since the last refit, it queues one for the job worker
(`learning_refit`; skipped without Redis: `triage learning refit` runs one by hand).
"""

from __future__ import annotations

import logging
import threading
import time

from api.learning import evidence
from api.learning import service as learning
from api.model_holder import Loaded, ModelHolder
from triage.bundle import encoder_fingerprint
from triage.learning.router import LearningRouter
from triage.learning.settings import LearningSettings

log = logging.getLogger(__name__)
BATCH = 500


class LearningSync:
    def __init__(self, holder: ModelHolder, sessionmaker, settings: LearningSettings | None = None,
                 interval: float = 2.0, forced: bool | None = None, blocking: bool = False,
                 enqueue_refit=None):
        self.holder = holder
        self.sessionmaker = sessionmaker
        self.settings = settings or LearningSettings()
        self.interval = interval
        self.forced = forced
        self.blocking = blocking
        self.enqueue_refit = enqueue_refit  # callable(session) or None
        self.router: LearningRouter | None = None
        self.enabled = True
        self.high_water: int | None = None  # the last event id taken in
        self._directory_marker = None
        self._next_check = 0.0
        self._lock = threading.Lock()
        self._running = False
        self.error: str | None = None

    # -- serving --------------------------------------------------------------------------------

    def wrap(self, base):
        """What to serve for a model: the router around it, or the model alone when learning is off.
        ModelSync calls it when the model or the agency directory changed: the directory is read now."""
        with self._lock:
            if self.router is None:
                self.router = LearningRouter(base, self.settings)
            else:
                same = encoder_fingerprint(self.router.base.meta) == encoder_fingerprint(base.meta) != ""
                self.router.rebase(base, reembed=not same)
        try:
            with self.sessionmaker() as s:
                self._update_directory(s)
        except Exception as exc:  # the next refresh tries again
            log.warning("could not read the agency directory: %s", exc)
        return self.router if self.enabled else base

    def _update_directory(self, s) -> None:
        marker = learning.directory_marker(s)
        if marker != self._directory_marker:
            self.router.set_directory(learning.directory(s) or None)
            self._directory_marker = marker

    def _serve(self) -> None:
        """Put the router in front of the model in service (or take it away), keeping the model."""
        current = self.holder.current
        if current is None or self.router is None:
            return
        want = self.router if self.enabled else self.router.base
        if current.suggester is not want:
            self.holder.swap(Loaded(want, current.path))

    # -- keeping up with the database -----------------------------------------------------------

    def maybe_refresh(self) -> None:
        now = time.monotonic()
        if now < self._next_check or self._running:
            return
        self._next_check = now + self.interval
        with self._lock:
            if self._running:
                return
            self._running = True
        if self.blocking:
            self._refresh()
        else:
            threading.Thread(target=self._refresh, name="learning-sync", daemon=True).start()

    def refresh(self) -> None:
        """One check now, in this thread (start-up, tests, the CLI)."""
        with self._lock:
            if self._running:
                return
            self._running = True
        self._refresh()

    def _refresh(self) -> None:
        try:
            with self.sessionmaker() as s:
                enabled = learning.enabled(s, self.forced)
                if self.router is None:
                    return
                self._update_directory(s)
                if self.high_water is None:
                    self.high_water = evidence.window_start(s, self.settings.memory_capacity)
                while True:
                    changes = evidence.changes_since(s, self.high_water, limit=BATCH)
                    if not changes:
                        # Nothing teaches after the high water: move it to the end of the log.
                        self.high_water = max(self.high_water, evidence.latest_event_id(s))
                        break
                    self._apply(changes)
                    self.high_water = changes[-1].event_id
                if enabled and self.enqueue_refit is not None:
                    self._maybe_refit(s)
            if enabled != self.enabled:
                log.info("learning from decisions is %s", "on" if enabled else "off")
            self.enabled = enabled
            self._serve()
            self.error = None
        except Exception as exc:  # database down, old schema: keep serving what we have
            self.error = f"{type(exc).__name__}: {exc}"
            log.warning("learning sync failed: %s", self.error)
        finally:
            self._running = False

    def _apply(self, changes: list[evidence.Change]) -> None:
        run: list[evidence.Change] = []

        def flush():
            if run:
                self.router.learn([c.complaint_id for c in run], [c.text or "" for c in run],
                                  [c.title for c in run], [c.label for c in run], [c.at for c in run],
                                  suggested=[c.suggestion for c in run])
                run.clear()

        for c in changes:
            if c.learn:
                run.append(c)
            else:
                flush()
                self.router.forget(c.complaint_id)
        flush()

    def _maybe_refit(self, s) -> None:
        due = learning.decisions_since(s, learning.last_refit_at(s)) >= self.settings.refit_every
        if due:
            try:
                self.enqueue_refit(s)
            except Exception as exc:  # no Redis: learning goes on, refits wait for `triage learning refit`
                log.info("automatic refit not queued: %s", exc)


def init_app(app) -> LearningSync:
    from api import extensions, jobs

    def enqueue(s):
        if not any(j.kind == "learning_refit" and j.status in ("queued", "running") for j in jobs.recent(s, 20)):
            jobs.enqueue(s, "learning_refit", {}, actor="learning:auto")

    cfg = app.config
    sync = LearningSync(extensions.holder(app), extensions.sessionmaker(app),
                        LearningSettings.from_dict(cfg.get("LEARNING_SETTINGS")),
                        interval=float(cfg["LEARNING_CHECK_SECONDS"]), forced=cfg.get("LEARNING"),
                        blocking=bool(cfg.get("LEARNING_SYNC_BLOCKING", False)),
                        enqueue_refit=enqueue if cfg.get("LEARNING_AUTO_REFIT", True) else None)
    app.extensions[extensions.LEARNING_SYNC] = sync
    model_sync = extensions.model_sync(app)
    if model_sync is not None:
        model_sync.wrappers.append(sync.wrap)
    current = extensions.holder(app).current
    if current is not None:  # what is served already: wrap it now
        served = sync.wrap(current.suggester)
        extensions.holder(app).swap(Loaded(served, current.path))
    sync.refresh()

    @app.before_request
    def _learning_sync():
        sync.maybe_refresh()

    return sync
