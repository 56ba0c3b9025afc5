"""Bundles in the database: how a model made on one machine reaches the others.

An automatic refit runs in the job worker, which may be another machine than the web processes; they
share the database, not a file system. So a registered bundle can be stored as a gzip'ed tar in
`model_blob` rows, and any process whose models folder lacks the active bundle writes it out from
there (to `<models dir>/.registry/<version>`, atomically) before loading it. The bundle's own sha256
manifest is checked when it is loaded, as for any bundle.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import tarfile
import tempfile
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from api.registry.models import ModelBlob, ModelEntry

log = logging.getLogger(__name__)
PART_BYTES = 4 * 1024 * 1024  # rows of a few MiB: friendly to PostgreSQL's and SQLite's blob handling
STORE_DIR = ".registry"


def store(s: Session, entry: ModelEntry, path: str | Path) -> int:
    """Keep the bundle at `path` in the database under `entry`; returns its size in bytes."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        tar.add(str(path), arcname="bundle")
    data = buf.getvalue()
    s.execute(delete(ModelBlob).where(ModelBlob.entry_id == entry.id))
    for i in range(0, len(data), PART_BYTES):
        s.add(ModelBlob(entry_id=entry.id, part=i // PART_BYTES, data=data[i : i + PART_BYTES]))
    s.commit()
    return len(data)


def is_stored(s: Session, entry_id: int) -> bool:
    return bool(s.scalar(select(func.count()).select_from(ModelBlob).where(ModelBlob.entry_id == entry_id)))


def local_path(models_dir: str | Path, version: str) -> Path:
    return Path(models_dir) / STORE_DIR / re.sub(r"[^A-Za-z0-9._-]+", "_", version)[:150]


def materialize(s: Session, entry: ModelEntry, models_dir: str | Path) -> Path | None:
    """The bundle of `entry` on this machine: its own path if it holds that version, else written out
    from the database (None when the database does not hold it either)."""
    own = Path(entry.path)
    if _holds(own, entry.version):
        return own
    target = local_path(models_dir, entry.version)
    if _holds(target, entry.version):
        return target
    parts = list(s.scalars(select(ModelBlob.data).where(ModelBlob.entry_id == entry.id).order_by(ModelBlob.part)))
    if not parts:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".unpack.", dir=target.parent))
    try:
        with tarfile.open(fileobj=io.BytesIO(b"".join(parts)), mode="r:gz") as tar:
            tar.extractall(tmp, filter="data")  # no absolute paths, links out of the folder, devices
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp / "bundle", target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("model %s written out from the database to %s", entry.version, target)
    return target


def _holds(path: Path, version: str) -> bool:
    import json

    try:
        return json.loads((path / "bundle.json").read_text(encoding="utf-8")).get("version") == version
    except (OSError, ValueError):
        return False
