"""Directory files: CSV, XLSX (first sheet) or JSON in, the same out (`export` round-trips with `import`).

Columns: code, name, aliases, parent, type, deadline_days (or `deadline`), keywords, description, active;
Indonesian headers (kode, nama, alias, induk, jenis, tenggat, kata_kunci, deskripsi, aktif) work too.
Lists are separated by `|`. An empty cell of deadline, active, type, parent or description means "not
given" (an existing agency keeps its value; a new one gets the default).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from pydantic import ValidationError

from api.agencies.directory import DirectoryInvalid, Item, Problem
from api.agencies.schemas import FIELDS, LIST_FIELDS, AgencyIn, error_messages

FORMATS = ("csv", "xlsx", "json")
HEADERS = {
    "code": ("code", "kode", "kode_instansi", "kode_opd"),
    "name": ("name", "nama", "nama_instansi", "instansi"),
    "aliases": ("aliases", "alias", "nama_lain", "singkatan"),
    "parent": ("parent", "induk", "kode_induk", "parent_code"),
    "type": ("type", "jenis", "tipe", "types"),
    "deadline_days": ("deadline_days", "deadline", "tenggat", "tenggat_hari", "batas_waktu", "hari_kerja"),
    "keywords": ("keywords", "keyword", "kata_kunci"),
    "description": ("description", "deskripsi", "tugas", "uraian_tugas"),
    "active": ("active", "aktif", "status_aktif"),
}
_FIELD_OF = {h: f for f, hs in HEADERS.items() for h in hs}
# Empty cells of these columns are "not given" rather than "empty".
_OPTIONAL = ("deadline_days", "active", "type", "parent", "description")


def header_field(header: str) -> str | None:
    return _FIELD_OF.get(re.sub(r"[\s\-/]+", "_", str(header or "").strip().lower()))


def _cell(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v.strip() if isinstance(v, str) else v


def _records(path: Path) -> tuple[list[tuple[int, dict]], list[Problem]]:
    """(row number, {header: value}) for each non-empty row; problems of the file's shape."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            return [], [Problem(f"tidak dapat dibaca ({exc})")]
        except json.JSONDecodeError as exc:
            return [], [Problem(f"bukan JSON yang sah ({exc.msg}, baris {exc.lineno})")]
        if isinstance(data, dict):
            data = data.get("agencies")
        if not isinstance(data, list):
            return [], [Problem("harus berisi daftar instansi, atau objek dengan daftar 'agencies'")]
        out, problems = [], []
        for i, rec in enumerate(data, start=1):
            if isinstance(rec, dict):
                out.append((i, rec))
            else:
                problems.append(Problem(f"harus objek dengan 'code' dan 'name', bukan {type(rec).__name__}", row=i))
        return out, problems
    from api.imports.reader import ReadError, is_blank, read_sheet

    try:
        sheet = read_sheet(path)
    except ReadError as exc:
        return [], [Problem(str(exc).removeprefix(f"{path}: "))]
    header, out = None, []
    for number, cells in sheet.rows:
        if is_blank(cells):
            continue
        if header is None:
            header = [str(c).strip() if c is not None else "" for c in cells]
            continue
        rec = {h: _cell(c) for h, c in zip(header, cells, strict=False) if h}
        if len(cells) > len(header) and any(c not in (None, "") for c in cells[len(header):]):
            return [], [Problem(f"{len(cells)} sel untuk {len(header)} kolom", row=number)]
        out.append((number, rec))
    if header is None:
        return [], [Problem("berkas kosong")]
    return out, []


def read_items(path: str | Path) -> tuple[list[Item], list[str], list[Problem]]:
    """The agencies of a file, the headers it has that are not directory columns, and every problem."""
    path = Path(path)
    if path.suffix.lower().lstrip(".") not in (*FORMATS, "xlsm", "tsv", "txt"):
        return [], [], [Problem(f"format {path.suffix or '(tanpa akhiran)'} tidak didukung: gunakan .csv, .xlsx "
                                f"atau .json")]
    records, problems = _records(path)
    if problems:
        return [], [], problems
    items: list[Item] = []
    ignored: dict[str, None] = {}
    for row, rec in records:
        data, columns = {}, {}
        for header, value in rec.items():
            fld = header_field(header)
            if fld is None:
                ignored.setdefault(str(header))
                continue
            if fld in columns:
                problems.append(Problem(f"kolom {columns[fld]!r} dan {header!r} sama-sama berisi {fld}", row, header, fld))
                continue
            columns[fld] = str(header)
            if fld in _OPTIONAL and (value is None or value == ""):
                continue
            data[fld] = value
        for required in ("code", "name"):
            if required not in columns:
                problems.append(Problem(f"tidak ada kolom {required!r} (kolom yang dikenal: {', '.join(FIELDS)})", row))
                return [], list(ignored), problems
        try:
            agency = AgencyIn.model_validate(data)
        except ValidationError as exc:
            for fld, msg in error_messages(exc).items():
                problems.append(Problem(msg, row, columns.get(fld, fld), fld))
            continue
        items.append(Item(agency, row, columns))
    return items, list(ignored), problems


def load_items(path: str | Path) -> tuple[list[Item], list[str]]:
    """`read_items`, raising DirectoryInvalid (naming the file) when any row is invalid."""
    items, ignored, problems = read_items(path)
    if problems:
        raise DirectoryInvalid(problems, str(path))
    return items, ignored


def _row(a: AgencyIn, fmt: str) -> dict:
    d = {f: getattr(a, f) for f in FIELDS}
    if fmt == "json":
        return d
    for f in LIST_FIELDS:
        d[f] = "|".join(d[f] or [])
    d["active"] = "ya" if d["active"] else "tidak"
    return {f: ("" if v is None else v) for f, v in d.items()}


def write_items(agencies: list[AgencyIn], fmt: str, out: str | Path | None = None) -> bytes:
    """The directory as a file of `fmt`; written to `out` when given, returned either way."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: use {', '.join(FORMATS)}")
    rows = [_row(a, fmt) for a in agencies]
    if fmt == "json":
        data = (json.dumps({"agencies": rows}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    elif fmt == "csv":
        buf = io.StringIO(newline="")
        w = csv.DictWriter(buf, fieldnames=list(FIELDS), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        data = buf.getvalue().encode("utf-8")
    else:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "Instansi"
        ws.append(list(FIELDS))
        for r in rows:
            ws.append([r[f] for f in FIELDS])
        buf = io.BytesIO()
        wb.save(buf)
        data = buf.getvalue()
    if out is not None:
        Path(out).write_bytes(data)
    return data
