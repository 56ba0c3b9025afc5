"""Agency restructuring (merge, rename, split), e.g. after a regional regulation (Perda).

Each change appends rows to `agency_mapping` (old code -> new code, effective date, reason) and
deactivates the old agencies; new agencies are created when missing. Past decisions keep their
agency in the database (history is never rewritten): `api.training_data` relabels them through the mapping,
and the running model's labels are remapped in suggestions (`api.registry`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.agencies.models import AgencyMapping
from api.agencies.service import agency_by_code
from api.models import Agency
from api.services.errors import Conflict, Invalid, NotFound


def _existing(s: Session, code: str) -> Agency:
    a = agency_by_code(s, code)
    if a is None:
        raise NotFound(f"no agency {code!r}")
    return a


def _target(s: Session, code: str, name: str | None, template: Agency) -> Agency:
    a = agency_by_code(s, code)
    if a is None:
        if not name:
            raise Invalid(f"agency {code!r} does not exist yet: give its name (--name)", "name_required")
        a = Agency(code=code, name=name, aliases=[], parent=template.parent, kind=template.kind,
                   deadline_days=template.deadline_days, active=True)
        s.add(a)
    else:
        a.active = True
        if name:
            a.name = name
    return a


def _record(s: Session, kind: str, old: list[Agency], new: list[Agency], effective: dt.date, reason: str,
            actor: str) -> list[AgencyMapping]:
    if not (reason or "").strip():
        raise Invalid("a restructuring needs a reason (e.g. the regulation)", "reason_required")
    rows = []
    for o in old:
        if o.code in {n.code for n in new}:
            raise Invalid(f"{o.code} cannot map to itself", "validation_error")
        for n in new:
            rows.append(AgencyMapping(old_code=o.code, new_code=n.code, kind=kind, effective_date=effective,
                                      reason=reason.strip(), actor=actor))
        if effective <= dt.date.today():
            o.active = False
    s.add_all(rows)
    s.commit()
    return rows


def merge(s: Session, olds: list[str], into: str, *, effective: dt.date, reason: str, actor: str,
          name: str | None = None) -> list[AgencyMapping]:
    old = [_existing(s, c) for c in olds]
    return _record(s, "merge", old, [_target(s, into, name, old[0])], effective, reason, actor)


def rename(s: Session, old_code: str, new_code: str, *, effective: dt.date, reason: str, actor: str,
           name: str | None = None) -> list[AgencyMapping]:
    old = _existing(s, old_code)
    if agency_by_code(s, new_code) is not None and agency_by_code(s, new_code).active:
        raise Conflict(f"{new_code} already exists: use merge", "agency_exists")
    return _record(s, "rename", [old], [_target(s, new_code, name or old.name, old)], effective, reason, actor)


def split(s: Session, old_code: str, into: list[str], *, effective: dt.date, reason: str, actor: str,
          names: list[str] | None = None) -> list[AgencyMapping]:
    if len(into) < 2:
        raise Invalid("a split needs at least two new agencies", "validation_error")
    old = _existing(s, old_code)
    names = names or []
    new = [_target(s, code, names[i] if i < len(names) else None, old) for i, code in enumerate(into)]
    return _record(s, "split", [old], new, effective, reason, actor)


def mappings(s: Session) -> list[AgencyMapping]:
    return list(s.scalars(select(AgencyMapping).order_by(AgencyMapping.id)))
