"""Column mapping of an export: which header holds which field, and how values translate.

The shipped default (lapor_default_mapping.json) knows the common SP4N-LAPOR! headers. A mapping file
(JSON or YAML) given with --mapping is laid over it: its `columns` entries replace the default's for the
fields it names, its value tables (`statuses`, `channels`, ...) add to the default's.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

DEFAULT_MAPPING = Path(__file__).with_name("lapor_default_mapping.json")
FIELDS = ("tracking_id", "received_at", "title", "text", "category", "classification", "agency", "status",
          "channel", "confidentiality", "dispatched_at", "followed_up_at", "closed_at", "followup_text")
TABLES = ("statuses", "channels", "classifications", "confidentiality")


class MappingError(ValueError):
    pass


def header_key(name) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(name or "").lower()).strip()


def value_key(value) -> str:
    return re.sub(r"\s+", " ", str(value or "").strip().lower())


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise MappingError(f"{path}: cannot read mapping ({exc})") from None
    try:
        if path.suffix.lower() in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(text)
        else:
            data = json.loads(text)
    except Exception as exc:
        raise MappingError(f"{path}: not valid {'YAML' if path.suffix.lower() in ('.yaml', '.yml') else 'JSON'} ({exc})") from None
    if not isinstance(data, dict):
        raise MappingError(f"{path}: a mapping must be an object with a `columns` object")
    return data


def load_mapping(path: str | Path | None = None) -> dict:
    mapping = _read(DEFAULT_MAPPING)
    if path is None:
        return mapping
    path = Path(path)
    user = _read(path)
    columns = user.get("columns", {})
    if not isinstance(columns, dict):
        raise MappingError(f"{path}: `columns` must map field names to a header or a list of headers")
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        raise MappingError(f"{path}: unknown field(s) {', '.join(unknown)} in `columns`; known: {', '.join(FIELDS)}")
    for field, headers in columns.items():
        mapping["columns"][field] = [headers] if isinstance(headers, str) else list(headers or [])
    for table in TABLES:
        extra = user.get(table) or {}
        if not isinstance(extra, dict):
            raise MappingError(f"{path}: `{table}` must map export values to ours")
        mapping[table].update({value_key(k): v for k, v in extra.items()})
    for key, value in user.items():
        if key not in ("columns", *TABLES):
            mapping[key] = value
    return mapping


def resolve_columns(mapping: dict, header: list) -> dict[str, int]:
    """field -> column index for this header row (first matching header wins)."""
    positions = {}
    keys = [header_key(h) for h in header]
    for field in FIELDS:
        for wanted in mapping["columns"].get(field, []):
            k = header_key(wanted)
            if k in keys:
                positions[field] = keys.index(k)
                break
    return positions
