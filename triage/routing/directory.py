"""The agency directory as data: one ``AgencyEntry`` per office a report can be routed to.

An office's directory is whatever its admin has: a CSV or XLSX export with a ``name`` column, a JSON
list, or the shipped ``triage/data/agencies.csv`` (code,name,aliases,parent,deadline_days,kind).
Names are the labels a model predicts, so they must be unique; codes are generated from names when
absent. Every error names the file, the row and the column.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = ["AgencyEntry", "DirectoryError", "entries_from_records", "read_directory", "split_list"]

# Column names as admins write them (English or Indonesian), after lowercasing and replacing
# spaces/hyphens by underscores. Columns not listed here (deadline_days, kind, ...) are ignored.
_COLUMNS = {
    "name": ("name", "nama", "nama_opd", "nama_instansi", "nama_unit", "instansi", "opd", "agency"),
    "code": ("code", "kode", "kode_opd", "kode_instansi", "id"),
    "aliases": ("aliases", "alias", "singkatan", "nama_lain"),
    "type": ("type", "types", "jenis", "tipe", "jenis_opd"),
    "keywords": ("keywords", "keyword", "kata_kunci"),
    "description": ("description", "deskripsi", "tugas", "tupoksi", "uraian", "uraian_tugas"),
    "parent": ("parent", "parent_code", "induk", "kode_induk"),
}
_FIELD_OF = {alias: f for f, aliases in _COLUMNS.items() for alias in aliases}
_LIST_SEP = re.compile(r"\s*[|;]\s*")


class DirectoryError(ValueError):
    """A malformed directory; the message names the file, row and column."""


@dataclass(frozen=True)
class AgencyEntry:
    """One routable office. ``name`` is the label; ``type`` (optional) is one or more type codes of
    ``agency_types.yaml`` separated by ``|`` or ``;`` and overrides matching by name."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    type: str | None = None
    keywords: tuple[str, ...] = ()
    description: str = ""
    parent: str | None = None

    def __post_init__(self):
        # Accept lists (or a "a|b" string) for the tuple fields so callers can pass what they have.
        for name in ("aliases", "keywords"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = split_list(value)
            object.__setattr__(self, name, tuple(v for v in (str(x).strip() for x in value) if v))
        if not self.code or not self.name:
            raise ValueError(f"an agency needs a code and a name, got code={self.code!r} name={self.name!r}")


def split_list(value) -> tuple[str, ...]:
    """``"a | b; c"`` or a list -> ``("a", "b", "c")``; empty parts dropped."""
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple(s for s in (str(v).strip() for v in value) if s)
    return tuple(s for s in _LIST_SEP.split(str(value).strip()) if s)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _where(source: str, row, column: str | None = None) -> str:
    where = f"{source}: row {row}"
    return f"{where}, column {column!r}" if column else where


def _code_from_name(name: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", name.upper())
    code = ""
    for w in words:
        if len(code) + len(w) + 1 > 48:
            break
        code = f"{code}_{w}" if code else w
    return code or "AGENCY"


def _columns(header: Iterable[str], source: str) -> dict[str, str]:
    """Header cell -> field, refusing two columns for one field and a missing ``name``."""
    mapping: dict[str, str] = {}
    seen: dict[str, str] = {}
    for col in header:
        key = re.sub(r"[\s\-]+", "_", _cell(col).lower())
        fld = _FIELD_OF.get(key)
        if fld is None:
            continue
        if fld in seen:
            raise DirectoryError(f"{source}: columns {seen[fld]!r} and {col!r} both give the agency's {fld}")
        seen[fld] = col
        mapping[col] = fld
    if "name" not in seen:
        raise DirectoryError(f"{source}: no 'name' column (found {', '.join(map(repr, header)) or 'none'})")
    return mapping


def entries_from_records(records: Iterable[tuple[object, Mapping]], source: str = "<records>") -> list[AgencyEntry]:
    """Build entries from ``(row_number, {column: value})`` pairs; validates names, codes and parents."""
    rows = []
    for row_no, record in records:
        if not isinstance(record, Mapping):
            raise DirectoryError(f"{_where(source, row_no)}: expected an object with a 'name', got {type(record).__name__}")
        mapping = _columns(record.keys(), _where(source, row_no))
        values = {fld: record[col] for col, fld in mapping.items()}
        rows.append((row_no, values, {fld: col for col, fld in mapping.items()}))

    entries: list[AgencyEntry] = []
    names: dict[str, object] = {}
    codes: dict[str, object] = {}
    pending_parents = []
    for row_no, values, col_of in rows:
        name = _cell(values.get("name"))
        if not name:
            raise DirectoryError(f"{_where(source, row_no, col_of['name'])}: the name is empty")
        key = name.casefold()
        if key in names:
            raise DirectoryError(f"{_where(source, row_no, col_of['name'])}: duplicate name {name!r} (first at row {names[key]})")
        names[key] = row_no
        code = _cell(values.get("code"))
        if code and code in codes:
            raise DirectoryError(f"{_where(source, row_no, col_of['code'])}: duplicate code {code!r} (first at row {codes[code]})")
        if not code:
            base = _code_from_name(name)
            code, n = base, 2
            while code in codes:
                code, n = f"{base}_{n}", n + 1
        codes[code] = row_no
        for fld in ("aliases", "keywords"):
            raw = values.get(fld)
            if raw is not None and not isinstance(raw, str | list | tuple | int | float):
                raise DirectoryError(f"{_where(source, row_no, col_of[fld])}: expected text or a list")
        type_ = _cell(values.get("type")) or None
        parent = _cell(values.get("parent")) or None
        entry = AgencyEntry(code=code, name=name, aliases=split_list(values.get("aliases")), type=type_,
                            keywords=split_list(values.get("keywords")),
                            description=_cell(values.get("description")), parent=parent)
        entries.append(entry)
        if parent:
            pending_parents.append((row_no, col_of["parent"], parent))
    by_name = {e.name.casefold(): e.code for e in entries}
    for row_no, col, parent in pending_parents:
        if parent not in codes and parent.casefold() not in by_name:
            raise DirectoryError(f"{_where(source, row_no, col)}: unknown parent {parent!r} (not a code or name of this directory)")
    # A parent given by name is stored as the code, so entries always refer to codes.
    return [e if not e.parent or e.parent in codes else replace(e, parent=by_name[e.parent.casefold()])
            for e in entries]


def _read_csv(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    first = text.split("\n", 1)[0]
    # Excel in Indonesian locales writes ";"-separated CSV; the header line says which.
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise DirectoryError(f"{path}: the file is empty") from None
    out = []
    for row in reader:
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header):
            raise DirectoryError(f"{_where(path, reader.line_num)}: {len(row)} cells for {len(header)} columns")
        out.append((reader.line_num, dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))))
    if not header or not any(h.strip() for h in header):
        raise DirectoryError(f"{path}: the header row is empty")
    _columns(header, str(path))
    return out


def _read_xlsx(path: Path):
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header, out = None, []
        for row_no, row in enumerate(rows, start=1):
            cells = [_cell(c) for c in row]
            if not any(cells):
                continue
            if header is None:
                header = cells
                _columns([h for h in header if h], str(path))
                continue
            out.append((row_no, {h: v for h, v in zip(header, row, strict=False) if h}))
        if header is None:
            raise DirectoryError(f"{path}: the first sheet is empty")
        return out
    finally:
        wb.close()


def _read_json(path: Path):
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise DirectoryError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, Mapping):
        data = data.get("agencies", data.get("directory"))
    if not isinstance(data, list):
        raise DirectoryError(f"{path}: expected a list of agencies or an object with an 'agencies' list")
    return list(enumerate(data, start=1))


def read_directory(path: str | Path) -> list[AgencyEntry]:
    """Read a directory from CSV (``,``/``;``/tab separated), XLSX (first sheet) or JSON.

    A ``name`` column is required; ``code``, ``aliases`` (``|`` or ``;`` separated), ``type``,
    ``keywords``, ``description`` and ``parent`` are optional (Indonesian headers such as ``nama``,
    ``kode``, ``singkatan``, ``jenis``, ``kata_kunci``, ``tugas``, ``induk`` are accepted). Type codes
    are checked against the knowledge base, so a typo is reported with its row.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        records = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        records = _read_xlsx(path)
    elif suffix == ".json":
        records = _read_json(path)
    else:
        raise DirectoryError(f"{path}: unsupported directory format {suffix or '(none)'}; use .csv, .xlsx or .json")
    entries = entries_from_records(records, source=str(path))
    _check_types(entries, records, path)
    return entries


def _check_types(entries: list[AgencyEntry], records, path: Path) -> None:
    from triage.routing.agency_types import load_agency_types

    known = load_agency_types().types
    for entry, (row_no, record) in zip(entries, records, strict=True):
        if not entry.type:
            continue
        col = next(c for c in record if _FIELD_OF.get(re.sub(r"[\s\-]+", "_", _cell(c).lower())) == "type")
        for code in split_list(entry.type):
            if code not in known:
                raise DirectoryError(f"{_where(path, row_no, col)}: unknown agency type {code!r} "
                                     f"(known: {', '.join(sorted(known))})")


# Names exports put where no agency was chosen: never an agency, never a routing label.
_PLACEHOLDERS = frozenset({
    "", "-", "--", "?", "tidak diketahui", "tidak di ketahui", "tidak tahu", "belum diketahui", "belum ditentukan",
    "belum ada", "tidak ada", "lainnya", "lain lain", "lain-lain", "unknown", "none", "null", "n/a", "na",
    "tanpa instansi", "instansi tidak diketahui", "dinas tidak diketahui", "belum didisposisikan",
})


def is_placeholder(name: str | None) -> bool:
    """Whether an agency name is a stand-in for "no agency" ("Tidak Diketahui", "-", "Lainnya", ...)."""
    key = " ".join(str(name or "").lower().replace("_", " ").split()).strip(" .")
    return key in _PLACEHOLDERS
