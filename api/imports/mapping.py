"""Column mapping of an export: which header holds which field, and how values translate.

The shipped default (lapor_default_mapping.json) knows the SP4N-LAPOR! v3 export as it is (snake_case
headers such as `isi_laporan_awal`) and the title-case headers people re-save it with. A mapping file
(JSON or YAML) given with --mapping is laid over it: its `columns` entries replace the default's for the
fields it names, its value tables (`statuses`, `channels`, ...) add to the default's, and its rules
(`status_rules`, ...) are tried before the default's.

A value is translated by its table (exact, after case and spaces), else by the first rule (a regular
expression) that matches: LAPOR! writes values that follow patterns ("Ditutup Oleh Sistem", "Diarsipkan
Oleh Admin", "Website - Dinas X"), so rules cover the variants an exact list would miss.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

DEFAULT_MAPPING = Path(__file__).with_name("lapor_default_mapping.json")
FIELDS = ("tracking_id", "received_at", "received_time", "title", "text", "final_text", "category", "category_id",
          "classification", "agency", "parent_agency", "status", "final_status", "archive_reason", "channel",
          "confidentiality", "dispatched_at", "followed_up_at", "closed_at", "followup_text", "kecamatan", "region",
          "province")
TABLES = ("statuses", "channels", "classifications", "confidentiality")
RULES = {"statuses": "status_rules", "channels": "channel_rules", "classifications": "classification_rules"}


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
        compile_rules(mapping)
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
    for rules in RULES.values():
        extra = user.get(rules) or []
        if not isinstance(extra, list) or not all(isinstance(r, list | tuple) and len(r) == 2 for r in extra):
            raise MappingError(f"{path}: `{rules}` must be a list of [pattern, value] pairs")
        mapping[rules] = [list(r) for r in extra] + mapping.get(rules, [])
    for key, value in user.items():
        if key not in ("columns", *TABLES, *RULES.values()):
            mapping[key] = value
    compile_rules(mapping, path)
    return mapping


def compile_rules(mapping: dict, path=DEFAULT_MAPPING) -> None:
    """Check every rule's pattern once; translate() uses the compiled forms."""
    compiled = {}
    for table, rules in RULES.items():
        out = []
        for pattern, value in mapping.get(rules, []):
            try:
                out.append((re.compile(pattern), value))
            except re.error as exc:
                raise MappingError(f"{path}: `{rules}`: bad pattern {pattern!r} ({exc})") from None
        compiled[table] = out
    mapping["_compiled"] = compiled


def translate(mapping: dict, table: str, raw) -> tuple[str | None, str | None]:
    """(our value, "table" | "rule: PATTERN") for an export value, (None, None) when nothing covers it."""
    key = value_key(raw)
    if key in mapping[table]:
        return mapping[table][key], "table"
    if "_compiled" not in mapping:
        compile_rules(mapping)
    for pattern, value in mapping["_compiled"].get(table, []):
        if pattern.search(key):
            return value, f"rule: {pattern.pattern}"
    return None, None


def resolve_columns(mapping: dict, header: list) -> dict[str, int]:
    """field -> column index for this header row (first matching header wins)."""
    positions: dict[str, int] = {}
    keys = [header_key(h) for h in header]
    for field in FIELDS:
        for wanted in mapping["columns"].get(field, []):
            k = header_key(wanted)
            # a column serves one field: "Waktu Masuk" is the time when "Tanggal Masuk" is the date
            if k in keys and keys.index(k) not in positions.values():
                positions[field] = keys.index(k)
                break
    return positions
