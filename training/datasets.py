"""Reading labelled reports from CSV, JSONL or XLSX, with errors that name the file, row and column."""

from __future__ import annotations

import csv
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from triage.text.fulltext import full_texts

log = logging.getLogger(__name__)


class DataError(ValueError):
    """Bad input data; the message names the file and, where known, the row and column."""


@dataclass
class LabelledData:
    texts: list[str]
    labels: dict[str, list]          # head -> labels (None where missing)
    dates: list[str] | None
    source: str
    skipped_empty: int = 0

    def __len__(self) -> int:
        return len(self.texts)


def _read_csv(path: Path, sep: str) -> pd.DataFrame:
    """Strict CSV: a row with a different number of fields than the header is an error
    naming its line (pandas would silently shift or drop cells)."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=sep, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise DataError(f"{path}: the file is empty") from None
        rows = []
        try:
            parsed = list(reader)
        except csv.Error as exc:
            raise DataError(f"{path}:{reader.line_num}: malformed CSV: {exc}") from None
        for lineno, row in enumerate(parsed, 2):
            if not row:
                continue
            if len(row) != len(header):
                raise DataError(f"{path}: row {lineno}: malformed CSV: expected {len(header)} fields "
                                f"({', '.join(header)}), found {len(row)}")
            rows.append(row)
    return pd.DataFrame(rows, columns=header)


def read_table(path: str | Path) -> pd.DataFrame:
    """All columns as strings; '' for missing cells."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            rows = []
            with path.open(encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise DataError(f"{path}:{lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from None
                    if not isinstance(obj, dict):
                        raise DataError(f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}")
                    rows.append(obj)
            df = pd.DataFrame(rows)
        elif suffix in (".xlsx", ".xls"):
            df = pd.read_excel(path, dtype=str)
        elif suffix in (".csv", ".tsv", ".txt"):
            df = _read_csv(path, "\t" if suffix == ".tsv" else ",")
        else:
            raise DataError(f"{path}: unsupported file type {suffix!r}; use .csv, .tsv, .jsonl or .xlsx")
    except DataError:
        raise
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except (pd.errors.ParserError, csv.Error) as exc:
        raise DataError(f"{path}: malformed CSV: {exc}") from None
    except pd.errors.EmptyDataError:
        raise DataError(f"{path}: the file is empty") from None
    return df.fillna("").astype(str)


def _require(df: pd.DataFrame, path, column: str, role: str) -> None:
    if column not in df.columns:
        raise DataError(f"{path}: no column {column!r} for the {role}; columns are: {', '.join(map(str, df.columns))}")


def load_labelled(path: str | Path, text_column: str, label_columns: dict[str, str], *,
                  title_column: str | None = None, date_column: str | None = None,
                  require_labels: bool = True) -> LabelledData:
    """Texts and labels per head. Rows with empty text are skipped (and counted); empty labels become None."""
    df = read_table(path)
    if df.empty:
        raise DataError(f"{path}: no rows")
    _require(df, path, text_column, "text")
    for head, col in label_columns.items():
        _require(df, path, col, f"{head} labels")
    if title_column:
        _require(df, path, title_column, "title")
    if date_column:
        _require(df, path, date_column, "date")
        parsed = pd.to_datetime(df[date_column].where(df[date_column] != ""), errors="coerce", format="mixed",
                                dayfirst=False)
        bad = parsed.isna() & (df[date_column] != "")
        if bad.any():
            i = int(bad.idxmax())
            raise DataError(f"{path}: row {i + 2}, column {date_column!r}: cannot read date {df[date_column][i]!r}")
    texts = df[text_column].str.strip()
    if title_column:
        titles = df[title_column].str.strip()
        texts = pd.Series(full_texts(texts, titles), index=texts.index)
    keep = texts.str.strip() != ""
    skipped = int((~keep).sum())
    if skipped:
        log.warning("%s: %d rows with empty text skipped", path, skipped)
    df, texts = df[keep], texts[keep]
    if df.empty:
        raise DataError(f"{path}: every row has an empty {text_column!r}")
    labels = {head: [v if v.strip() else None for v in df[col]] for head, col in label_columns.items()}
    if require_labels:
        for head, col in label_columns.items():
            if all(v is None for v in labels[head]):
                raise DataError(f"{path}: column {col!r} ({head} labels) is empty in every row")
    dates = df[date_column].tolist() if date_column else None
    return LabelledData(texts.tolist(), labels, dates, str(path), skipped)
