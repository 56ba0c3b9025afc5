"""The process's ANN index of report embeddings: one `ShardedIndex` per model version, saved now and then.

It is a cache beside the database (the source of truth); `api.duplicates.service.catch_up` brings it
up to date before each search."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from api.model_holder import Loaded, ModelHolder
from triage.duplicates import MatchRule, ShardedIndex

SAVE_EVERY_SECONDS = 30.0
PENDING_LIMIT = 4096  # vectors of reports taken in but not yet in the index (the next catch-up adds them)


class PendingVectors:
    """Vectors of reports taken in but not yet in the index, at most PENDING_LIMIT (the oldest go first:
    a catch-up encodes what is missing). Shared by a worker's threads, under the store's lock."""

    def __init__(self, version: str | None, lock: threading.Lock):
        self.version, self._lock, self._vectors = version, lock, {}

    def put(self, key: int, vector) -> None:  # the caller holds the lock
        self._vectors[key] = vector
        while len(self._vectors) > PENDING_LIMIT:
            del self._vectors[next(iter(self._vectors))]

    def pop(self, key: int, default=None):
        with self._lock:
            return self._vectors.pop(key, default)

    def keys(self) -> list[int]:
        with self._lock:
            return list(self._vectors)


class IndexStore:
    def __init__(self, root: Path, rule: MatchRule | None = None):
        self.root = Path(root)
        self.rule = rule or MatchRule()
        self._lock = threading.Lock()
        self._index: ShardedIndex | None = None
        self._version: str | None = None
        self._saved_at = 0.0
        self._pending = PendingVectors(None, self._lock)

    def get(self, holder: ModelHolder) -> tuple[ShardedIndex | None, Loaded | None]:
        loaded = holder.current
        if loaded is None or loaded.suggester.embedding_dim == 0:  # no model, or no dense embedding to search
            return None, None
        with self._lock:
            if self._index is None or self._version != loaded.version:
                slug = re.sub(r"[^A-Za-z0-9._-]+", "_", loaded.version)[:120]
                self._index = ShardedIndex(self.root / slug, loaded.suggester.embedding_dim,
                                           model_version=loaded.version)
                self._version = loaded.version
            return self._index, loaded

    def remember(self, version: str, key: int, vector) -> None:
        """A report this process just stored, with its vector from the model ``version``: the next
        catch-up adds it to the index without encoding it again."""
        with self._lock:
            if version != self._pending.version:
                self._pending = PendingVectors(version, self._lock)
            self._pending.put(key, vector)

    def pending(self, version: str):
        """The remembered vectors of this model version (catch_up pops the ones it adds)."""
        with self._lock:
            return self._pending if version == self._pending.version else {}

    def maybe_save(self, force: bool = False) -> None:
        if self._index is None:
            return
        now = time.monotonic()
        if force or now - self._saved_at >= SAVE_EVERY_SECONDS:
            self._index.save()
            self._saved_at = now
