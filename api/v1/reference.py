"""The model bundles known to this process."""

from __future__ import annotations

import json
from pathlib import Path

from flask import current_app, jsonify

from api import auth, extensions
from api.v1 import bp
from api.workflow import Role


def _bundle_dirs(models_dir: Path) -> list[Path]:
    if not models_dir.is_dir():
        return []
    return sorted(p for p in models_dir.iterdir() if (p / "bundle.json").is_file())


@bp.get("/models")
@auth.roles(Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.SYSTEM)
def models():
    loaded = extensions.holder().current
    active = loaded.path if loaded else None
    dirs = _bundle_dirs(Path(current_app.config["MODELS_DIR"]))
    if loaded and loaded.path not in {d.resolve() for d in dirs}:
        dirs.append(loaded.path)  # TRIAGE_MODEL may point outside the models directory
    from api.registry import label_report

    labels = label_report(extensions.holder())
    items = []
    for d in dirs:
        try:
            meta = json.loads((d / "bundle.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            meta = {"error": f"unreadable bundle.json: {exc}"}
        items.append({
            "name": meta.get("name", d.name),
            "path": str(d),
            "version": meta.get("version"),
            "active": d.resolve() == active,
            # active model only: its agency labels checked against active agencies and the mapping
            **({"agency_labels": labels} if d.resolve() == active and labels else {}),
            "metrics": meta.get("metrics"),
            "meta": meta,
        })
    return jsonify(items=items)
