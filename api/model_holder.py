"""The loaded model, shared by the request threads of one process.

Readers take a reference to an immutable `Loaded` snapshot, so swapping in another bundle
(the registry's sync) never disturbs a classification in flight.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from triage.suggest import Analysis, SuggesterProtocol, Suggestion

log = logging.getLogger(__name__)


class ModelUnavailable(Exception):
    pass


@dataclass(frozen=True)
class Loaded:
    suggester: SuggesterProtocol
    path: Path

    @property
    def name(self) -> str:
        return self.suggester.name

    @property
    def version(self) -> str:
        return self.suggester.version

    @property
    def meta(self) -> dict:
        return self.suggester.meta


class ModelHolder:
    def __init__(self):
        self._lock = threading.Lock()
        self._loaded: Loaded | None = None
        self.last_error: str | None = None

    @property
    def current(self) -> Loaded | None:
        return self._loaded

    def load(self, path) -> Loaded:
        """Load a bundle and make it current; on failure the previous model keeps serving."""
        from triage.bundle import load_bundle
        from triage.suggest import Suggester

        try:
            loaded = Loaded(Suggester(load_bundle(path)).warm_up(), Path(path).resolve())
        except Exception as exc:
            self.last_error = str(exc)
            raise
        self.swap(loaded)
        return loaded

    def swap(self, loaded: Loaded) -> None:
        with self._lock:
            self._loaded = loaded
            self.last_error = None
        log.info("model %s (%s) is active", loaded.name, loaded.version)

    def suggest(self, texts: list[str], titles: list[str | None] | None = None,
                heads: list[str] | None = None) -> tuple[Loaded, list[Suggestion]]:
        loaded, analysis = self.analyse(texts, titles, heads)
        return loaded, analysis.suggestions

    def analyse(self, texts: list[str], titles: list[str | None] | None = None,
                heads: list[str] | None = None) -> tuple[Loaded, Analysis]:
        """The suggestions and the texts' embeddings from one pass of the current model (intake reuses
        the embeddings for duplicate linking instead of encoding the report again)."""
        loaded = self._loaded
        if loaded is None:
            raise ModelUnavailable(self.last_error or "no model is loaded")
        return loaded, loaded.suggester.analyse(texts, titles=titles, heads=heads)
