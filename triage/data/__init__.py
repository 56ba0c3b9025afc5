"""Shipped sample data: agency directory, sample complaints, slang dictionary.

Every loader takes an optional path (defaults to the file shipped in this package)
and raises ValueError naming the file and line for a malformed row.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

DATA_DIR = Path(__file__).resolve().parent

AGENCY_KINDS = frozenset({"dinas", "badan", "satuan", "bumd", "kecamatan", "sekretariat"})
AGENCY_COLUMNS = ["code", "name", "aliases", "parent", "deadline_days", "kind"]
COMPLAINT_COLUMNS = ["id", "date", "channel", "title", "text", "agency", "category", "classification", "hoax"]
CLASSIFICATIONS = frozenset({"pengaduan", "aspirasi", "permintaan_informasi"})

__all__ = [
    "DATA_DIR",
    "load_agencies",
    "load_sample_complaints",
    "sample_categories",
    "load_slang",
]


def _bad(path: Path, line: int, msg: str) -> ValueError:
    return ValueError(f"{path}:{line}: {msg}")


def load_agencies(path: str | Path | None = None) -> list[dict]:
    """Agency directory: code, name, aliases (list), parent ("" if none), deadline_days (int), kind."""
    path = Path(path) if path else DATA_DIR / "agencies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != AGENCY_COLUMNS:
            raise _bad(path, 1, f"expected header {','.join(AGENCY_COLUMNS)}, got {reader.fieldnames}")
        agencies, seen = [], set()
        for row in reader:
            line = reader.line_num
            if None in row or any(v is None for v in row.values()):
                raise _bad(path, line, "wrong number of columns")
            code = row["code"].strip()
            if not code or code in seen:
                raise _bad(path, line, f"empty or duplicate code {code!r}")
            try:
                deadline = int(row["deadline_days"])
            except ValueError:
                raise _bad(path, line, f"deadline_days is not an integer: {row['deadline_days']!r}") from None
            if row["kind"] not in AGENCY_KINDS:
                raise _bad(path, line, f"unknown kind {row['kind']!r}")
            seen.add(code)
            agencies.append({
                "code": code,
                "name": row["name"].strip(),
                "aliases": [a.strip() for a in row["aliases"].split("|") if a.strip()],
                "parent": row["parent"].strip(),
                "deadline_days": deadline,
                "kind": row["kind"],
                "_line": line,
            })
    for a in agencies:
        line = a.pop("_line")
        if a["parent"] and a["parent"] not in seen:
            raise _bad(path, line, f"unknown parent {a['parent']!r}")
    return agencies


def load_sample_complaints(path: str | Path | None = None) -> pd.DataFrame:
    """Sample complaints: text columns as str ("" for empty), hoax as int."""
    path = Path(path) if path else DATA_DIR / "sample_complaints.csv"
    text_cols = [c for c in COMPLAINT_COLUMNS if c != "hoax"]
    import pandas as pd  # here, not at import: the service reads the directory, not the sample

    df = pd.read_csv(path, dtype={c: str for c in text_cols}, keep_default_na=False, encoding="utf-8")
    if list(df.columns) != COMPLAINT_COLUMNS:
        raise _bad(path, 1, f"expected header {','.join(COMPLAINT_COLUMNS)}, got {list(df.columns)}")
    for i, row in enumerate(df.itertuples(index=False), start=2):
        if str(row.hoax) not in ("0", "1"):
            raise _bad(path, i, f"hoax must be 0 or 1, got {row.hoax!r}")
        if row.classification not in CLASSIFICATIONS:
            raise _bad(path, i, f"unknown classification {row.classification!r}")
        if not row.text.strip() or not row.agency:
            raise _bad(path, i, "empty text or agency")
    df["hoax"] = df["hoax"].astype(int)
    return df


def sample_categories(path: str | Path | None = None) -> list[str]:
    """The categories of the sample complaints, sorted: read with the csv module, since the service seeds
    its categories from them at start and pandas would cost each worker tens of MiB for one column."""
    path = Path(path) if path else DATA_DIR / "sample_complaints.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return sorted({row["category"] for row in csv.DictReader(fh) if row.get("category")})


def load_slang(path: str | Path | None = None) -> dict[str, str]:
    """Slang dictionary: lowercase slang -> normal form. Lines: ``slang<TAB>normal``; ``#`` comments."""
    path = Path(path) if path else DATA_DIR / "slang.tsv"
    slang: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line_no, raw in enumerate(fh, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, sep, value = line.partition("\t")
            key, value = key.strip(), value.strip()
            if not sep or not key or not value or "\t" in value:
                raise _bad(path, line_no, f"expected 'slang<TAB>normal', got {line!r}")
            if key != key.lower():
                raise _bad(path, line_no, f"key must be lowercase: {key!r}")
            if key in slang:
                raise _bad(path, line_no, f"duplicate key {key!r}")
            slang[key] = value
    return slang
