"""Rows of a CSV or XLSX export, numbered as a spreadsheet shows them (header = its own row number)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class ReadError(ValueError):
    pass


@dataclass
class Sheet:
    path: Path
    rows: list[tuple[int, list]]  # (row number, cells); blank rows are kept so numbering stays honest


def read_sheet(path: str | Path) -> Sheet:
    path = Path(path)
    if not path.is_file():
        raise ReadError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return Sheet(path, list(_xlsx_rows(path)))
    if suffix in (".csv", ".txt", ".tsv"):
        return Sheet(path, list(_csv_rows(path)))
    raise ReadError(f"{path}: unsupported file type {suffix!r} (CSV or XLSX)")


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several unrelated types for a damaged file
        raise ReadError(f"{path}: not a readable XLSX workbook ({exc})") from None
    try:
        ws = wb.worksheets[0]
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            yield number, list(row)
    finally:
        wb.close()


def _decode(raw: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError(f"{path}: cannot decode as UTF-8 or Windows-1252")


def _csv_rows(path: Path) -> Iterator[tuple[int, list]]:
    text = _decode(path.read_bytes(), path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text[:50000]))
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as exc:
        raise ReadError(f"{path}: row {reader.line_num}: malformed CSV ({exc})") from None


def is_blank(cells: list) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _delimiter(sample: str) -> str:
    """The delimiter giving the widest row among the first lines (exports may open with a title line)."""
    best, width = ",", 0
    for d in (",", ";", "\t", "|"):
        try:
            rows = list(zip(range(30), csv.reader(io.StringIO(sample, newline=""), delimiter=d), strict=False))
        except csv.Error:
            continue
        w = max((len(r) for _, r in rows), default=0)
        if w > width:
            best, width = d, w
    return best
