"""Registering bundles: a bundle on disk becomes a `ModelEntry` with its metrics, known by its version."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.registry.models import ModelEntry
from api.services.errors import Invalid, NotFound

log = logging.getLogger(__name__)


def register(s: Session, path: str | Path) -> ModelEntry:
    """Register (or refresh) the bundle at `path`; its version identifies it."""
    from triage.bundle import BundleError, read_meta

    path = Path(path).resolve()
    try:
        meta = read_meta(path)
    except BundleError as exc:
        raise Invalid(str(exc), "not_a_bundle") from None
    entry = s.scalar(select(ModelEntry).where(ModelEntry.version == meta["version"]))
    if entry is None:
        entry = ModelEntry(name=meta["name"], version=meta["version"], path=str(path))
        s.add(entry)
    entry.path = str(path)
    entry.metrics = json.loads(json.dumps(meta.get("metrics") or {}, default=str))
    entry.training = {**(meta.get("training") or {}), "created_at": meta.get("created_at")}
    s.flush()
    return entry


def scan(s: Session, models_dir: str | Path) -> list[ModelEntry]:
    """Register every bundle directory in `models_dir`; returns all entries, newest first."""
    d = Path(models_dir)
    if d.is_dir():
        for p in sorted(d.iterdir()):
            if (p / "bundle.json").is_file() and not p.name.startswith("."):
                try:
                    register(s, p)
                except Invalid as exc:
                    log.warning("skipping %s: %s", p, exc.message)
    s.commit()
    return list(s.scalars(select(ModelEntry).order_by(ModelEntry.id.desc())))


def resolve(s: Session, name: str, models_dir: str | Path) -> ModelEntry:
    """A bundle by directory path, by name in `models_dir`, or by registered version."""
    for candidate in (Path(name), Path(models_dir) / name):
        if (candidate / "bundle.json").is_file():
            return register(s, candidate)
    entry = s.scalar(select(ModelEntry).where(ModelEntry.version == name))
    if entry is None:
        entry = s.scalar(select(ModelEntry).where(ModelEntry.name == name).order_by(ModelEntry.id.desc()))
    if entry is None:
        raise NotFound(f"no model bundle {name!r} (neither a directory nor in {models_dir})")
    return entry
