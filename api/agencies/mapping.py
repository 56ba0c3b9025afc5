"""Agency restructuring as a lookup: old code -> new code(s), effective from a date.

Used to relabel past decisions (training data) and a model's labels (the registry's remapping)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.agencies.models import AgencyMapping


def mapping_table(s: Session, as_of: dt.date | None = None) -> dict[str, list[str]]:
    """old code -> new codes (one for merge/rename, several for a split), effective on `as_of`."""
    as_of = as_of or dt.date.today()
    out: dict[str, list[str]] = defaultdict(list)
    for m in s.scalars(select(AgencyMapping).where(AgencyMapping.effective_date <= as_of).order_by(AgencyMapping.id)):
        if m.new_code not in out[m.old_code]:
            out[m.old_code].append(m.new_code)
    return dict(out)


def resolve_code(code: str | None, table: dict[str, list[str]]) -> tuple[str | None, str]:
    """(current code, how): how is 'same', 'mapped' or 'split' (code None: cannot be relabelled)."""
    if code is None:
        return None, "same"
    seen, how = {code}, "same"
    while code in table:
        targets = table[code]
        if len(targets) != 1:
            return None, "split"
        code, how = targets[0], "mapped"
        if code in seen:  # a cycle (A->B, B->A): stop where we are
            break
        seen.add(code)
    return code, how
