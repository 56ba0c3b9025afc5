"""Where the data scientists' side reads data and writes results: one place for every path.

Paths are absolute, from the checkout's root, so commands work from any working directory.
`../shared/datasets` is the real public data beside the checkout (see its README); it is never
copied into the project. Set `TRIAGE_SHARED_DATASETS` to read it from elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TRIAGE_SHARED_DATASETS") or ROOT.parent / "shared" / "datasets")
SURABAYA = SHARED / "surabaya_mediacenter.csv"
HOAXES = SHARED / "indo_false_news.csv"

DOCS = ROOT / "docs"
BENCHMARKS_MD = DOCS / "benchmarks.md"
BENCHMARKS_DIR = DOCS / "benchmarks"
