"""The agency directory as data the office owns: validate, apply and record changes, export.

One path for every writer: `triage agencies import`, `triage agencies from-lapor --apply` and the
console's admin page all call `apply_items` (or `save_agency`, which is `apply_items` for one agency).
Everything is checked before anything is written; a directory with one bad row changes nothing.

Policy of an import: agencies in the file are created or updated; of an existing agency only the
columns the file has are changed (a file without `keywords` keeps the keywords); agencies missing from
the file are left as they are unless `deactivate_missing`. Each change appends an `AgencyChange` row
(field -> [old, new]); a run that changes nothing writes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.agencies.models import AgencyChange
from api.agencies.schemas import DEFAULT_DEADLINE_DAYS, FIELDS, LABELS, AgencyIn, name_key
from api.models import Agency
from api.services.errors import Invalid, NotFound

EDITABLE = tuple(f for f in FIELDS if f != "code")


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where: a row of a file (with the column as written) or a field of a form."""

    message: str
    row: int | None = None
    column: str | None = None  # the file's header, or the field name for a form
    field: str | None = None  # the AgencyIn field

    def where(self, source: str | None = None) -> str:
        parts = [p for p in (source, f"baris {self.row}" if self.row is not None else None,
                             f"kolom {self.column!r}" if self.column else None) if p]
        return ", ".join(parts)

    def text(self, source: str | None = None) -> str:
        where = self.where(source)
        return f"{where}: {self.message}" if where else self.message


class DirectoryInvalid(Invalid):
    """The directory (or one agency) cannot be applied; `problems` says every reason and where."""

    def __init__(self, problems: Sequence[Problem], source: str | None = None):
        self.problems = list(problems)
        self.source = source
        head = self.problems[0].text(source) if self.problems else "direktori tidak valid"
        more = f" (dan {len(self.problems) - 1} masalah lain)" if len(self.problems) > 1 else ""
        super().__init__(head + more, "directory_invalid",
                         details=[{"row": p.row, "column": p.column, "field": p.field, "message": p.message}
                                  for p in self.problems])


@dataclass
class Item:
    """An agency to apply, with where it came from (file row, and header of each field) for messages."""

    agency: AgencyIn
    row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written

    def problem(self, fld: str, message: str) -> Problem:
        return Problem(message, self.row, self.columns.get(fld, fld), fld)


@dataclass
class Change:
    code: str
    action: str  # create | update | deactivate | reactivate | unchanged
    changes: dict[str, list] = field(default_factory=dict)


@dataclass
class Result:
    changes: list[Change]
    applied: bool

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    @property
    def changed(self) -> list[Change]:
        return [c for c in self.changes if c.action != "unchanged"]


def _value(a: Agency, fld: str):
    v = {"type": a.type, "deadline_days": a.deadline_days, "active": a.active, "name": a.name, "parent": a.parent,
         "description": a.description, "aliases": list(a.aliases or []), "keywords": list(a.keywords or [])}[fld]
    return v or None if fld in ("type", "parent", "description") else v


def _new_values(item: AgencyIn, existing: Agency | None) -> dict:
    """Field -> value after applying the item (the fields it does not give keep their value)."""
    given = item.model_fields_set | {"code", "name"}
    out = {}
    for f in EDITABLE:
        if existing is not None and f not in given:
            out[f] = _value(existing, f)
        else:
            v = getattr(item, f)
            out[f] = v or None if f in ("type", "parent", "description") else v
    return out


def check(s: Session, items: Sequence[Item], *, deactivate_missing: bool = False,
          deactivate: Collection[str] = ()) -> list[Problem]:
    """Every problem of the directory the items would make: duplicate codes, names or aliases (within
    the items and against the agencies they leave in place), unknown or circular parents."""
    problems: list[Problem] = []
    current = {a.code: a for a in s.scalars(select(Agency))}
    first_row: dict[str, Item] = {}
    for it in items:
        code = it.agency.code
        if code in first_row:
            prev = first_row[code].row
            problems.append(it.problem("code", f"kode {code} ganda" + (f" (pertama di baris {prev})" if prev else "")))
        else:
            first_row[code] = it
    # The directory after the change: code -> (active, name, aliases, parent, item or None)
    final: dict[str, tuple[bool, str, list[str], str | None, Item | None]] = {}
    for code, a in current.items():
        if code not in first_row:
            final[code] = (a.active and not deactivate_missing and code not in deactivate, a.name, list(a.aliases or []), a.parent, None)
    for code, it in first_row.items():
        v = _new_values(it.agency, current.get(code))
        final[code] = (v["active"], v["name"], v["aliases"], v["parent"], it)

    # Names and aliases identify one active agency: the import and the routing find agencies by them.
    owner: dict[str, str] = {}
    for code, (active, name, aliases, _parent, _it) in sorted(final.items(), key=lambda kv: kv[1][4] is not None):
        if not active:
            continue
        for kind, text in [("code", code), ("name", name)] + [("aliases", al) for al in aliases]:
            k = name_key(text)
            if not k:
                continue
            other = owner.get(k)
            if other is not None and other != code:
                it = final[code][4]
                if it is None:  # two agencies left in place clash: not this import's doing
                    continue
                other_it = final[other][4]
                at = f" (baris {other_it.row})" if other_it is not None and other_it.row else ""
                what = {"code": "kode", "name": "nama", "aliases": "alias"}[kind]
                problems.append(it.problem(kind if kind != "code" else "code",
                                           f"{what} {text!r} sudah dipakai instansi {other}{at}; nama dan alias "
                                           f"harus unik (huruf besar/kecil dan tanda baca tidak dibedakan)"))
            else:
                owner[k] = code
    for code, (_active, _name, _aliases, parent, it) in final.items():
        if it is None or not parent:
            continue
        if parent == code:
            problems.append(it.problem("parent", "induk tidak boleh instansi itu sendiri"))
        elif parent not in final:
            problems.append(it.problem("parent", f"induk {parent!r} tidak ada di direktori (isi kode instansi induk)"))
        else:
            seen, p = {code}, parent
            while p and p in final and p not in seen:
                seen.add(p)
                p = final[p][3]
            if p == code:
                problems.append(it.problem("parent", f"induk {parent!r} membuat lingkaran (instansi menjadi induk "
                                                     f"dirinya sendiri)"))
    return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


def plan(s: Session, items: Sequence[Item], *, deactivate_missing: bool = False,
         deactivate: Collection[str] = ()) -> list[Change]:
    current = {a.code: a for a in s.scalars(select(Agency))}
    out: list[Change] = []
    given = set()
    for it in items:
        code = it.agency.code
        given.add(code)
        a = current.get(code)
        new = _new_values(it.agency, a)
        if a is None:
            out.append(Change(code, "create", {f: [None, v] for f, v in new.items()}))
            continue
        diff = {f: [_value(a, f), v] for f, v in new.items() if _value(a, f) != v}
        action = "unchanged" if not diff else (
            "deactivate" if set(diff) == {"active"} and not new["active"] else
            "reactivate" if "active" in diff and new["active"] else "update")
        out.append(Change(code, action, diff))
    for code, a in sorted(current.items()):
        if code not in given and a.active and (deactivate_missing or code in deactivate):
            out.append(Change(code, "deactivate", {"active": [True, False]}))
    return out


def apply_items(s: Session, items: Sequence[Item], *, actor: str, source: str, dry_run: bool = False,
                deactivate_missing: bool = False, deactivate: Collection[str] = ()) -> Result:
    """Check the items as a directory, then apply them in one transaction, recording each change.
    deactivate_missing: deactivate every agency not in the items; deactivate: these codes (when not in them)."""
    problems = check(s, items, deactivate_missing=deactivate_missing, deactivate=deactivate)
    if problems:
        raise DirectoryInvalid(problems, source)
    changes = plan(s, items, deactivate_missing=deactivate_missing, deactivate=deactivate)
    if dry_run or not any(c.action != "unchanged" for c in changes):
        return Result(changes, applied=False)
    current = {a.code: a for a in s.scalars(select(Agency))}
    for c in changes:
        if c.action == "unchanged":
            continue
        a = current.get(c.code)
        if a is None:
            a = Agency(code=c.code, name="", aliases=[], deadline_days=DEFAULT_DEADLINE_DAYS, active=True)
            s.add(a)
        for f, (_old, new) in c.changes.items():
            setattr(a, f, new)
        s.add(AgencyChange(agency_code=c.code, action=c.action, changes=c.changes, source=source[:300],
                           actor=actor[:100]))
    s.commit()
    return Result(changes, applied=True)


def save_agency(s: Session, agency: AgencyIn, *, actor: str, source: str = "console",
                existing_code: str | None = None) -> Change:
    """Create (existing_code None) or edit one agency, with the same checks as an import."""
    found = s.scalar(select(Agency).where(Agency.code == agency.code))
    if existing_code is None and found is not None:
        raise DirectoryInvalid([Problem(f"kode {agency.code} sudah dipakai instansi {found.name!r}",
                                        column="code", field="code")])
    if existing_code is not None:
        if found is None:
            raise NotFound(f"tidak ada instansi {existing_code!r}")
        if agency.code != existing_code:
            raise DirectoryInvalid([Problem("kode tidak dapat diubah di sini (gunakan triage agencies rename)",
                                            column="code", field="code")])
    result = apply_items(s, [Item(agency)], actor=actor, source=source)
    return result.changes[0]


def set_active(s: Session, code: str, active: bool, *, actor: str, source: str = "console") -> Change:
    a = s.scalar(select(Agency).where(Agency.code == code))
    if a is None:
        raise NotFound(f"tidak ada instansi {code!r}")
    item = AgencyIn(code=code, name=a.name, active=active)
    return apply_items(s, [Item(item)], actor=actor, source=source).changes[0]


def merge(s: Session, olds: Sequence[str], into: str, *, reason: str, actor: str, source: str = "console") -> Change:
    """Merge agencies into another (an existing one): the restructuring's mapping relabels past decisions,
    the old agencies are deactivated, and their names and aliases become aliases of the target, so
    imports and routing find the target under the old names."""
    import datetime as dt

    from api.agencies import restructure

    olds = [c for c in dict.fromkeys(olds) if c]
    if not olds:
        raise DirectoryInvalid([Problem("pilih instansi yang digabungkan", column="olds", field="olds")])
    if into in olds:
        raise DirectoryInvalid([Problem("instansi tujuan tidak boleh ikut digabungkan", column="into", field="into")])
    target = s.scalar(select(Agency).where(Agency.code == into))
    if target is None:
        raise DirectoryInvalid([Problem(f"instansi tujuan {into!r} tidak ada", column="into", field="into")])
    if not (reason or "").strip():
        raise DirectoryInvalid([Problem("alasan wajib diisi (misalnya nomor Perda)", column="reason", field="reason")])
    old_rows = []
    for code in olds:
        a = s.scalar(select(Agency).where(Agency.code == code))
        if a is None:
            raise DirectoryInvalid([Problem(f"tidak ada instansi {code!r}", column="olds", field="olds")])
        old_rows.append(a)
    moved = [n for a in old_rows for n in (a.name, *(a.aliases or []))]
    aliases = list(target.aliases or [])
    keys = {name_key(x) for x in (target.name, target.code, *aliases)}
    for n in moved:
        if name_key(n) not in keys:
            keys.add(name_key(n))
            aliases.append(n)
    old_aliases = list(target.aliases or [])
    restructure.merge(s, olds, into, effective=dt.date.today(), reason=reason, actor=actor)  # commits
    target = s.scalar(select(Agency).where(Agency.code == into))
    target.aliases = aliases
    for a in old_rows:
        s.add(AgencyChange(agency_code=a.code, action="merge", source=source, actor=actor,
                           changes={"active": [True, False], "merged_into": [None, into], "reason": [None, reason]}))
    change = Change(into, "update", {"aliases": [old_aliases, aliases]})
    s.add(AgencyChange(agency_code=into, action="update", source=source, actor=actor,
                       changes={**change.changes, "merged_from": [None, olds]}))
    s.commit()
    return change


def untouched_demo_codes(s: Session) -> set[str]:
    """Active agencies of the shipped demo directory (the fictional kabupaten) that nobody has changed:
    an office bringing its own directory replaces them."""
    from triage.data import load_agencies

    shipped = {a["code"]: a["name"] for a in load_agencies()}
    changed = set(s.scalars(select(AgencyChange.agency_code).distinct()))
    return {a.code for a in s.scalars(select(Agency).where(Agency.active.is_(True)))
            if shipped.get(a.code) == a.name and a.code not in changed}


def history(s: Session, code: str | None = None, limit: int = 100) -> list[AgencyChange]:
    stmt = select(AgencyChange).order_by(AgencyChange.id.desc()).limit(limit)
    if code:
        stmt = stmt.where(AgencyChange.agency_code == code)
    return list(s.scalars(stmt))


def export_items(s: Session) -> list[AgencyIn]:
    """Every agency (inactive ones too, so a re-import keeps them inactive), in code order."""
    return [AgencyIn.model_construct(code=a.code, name=a.name, aliases=list(a.aliases or []), parent=a.parent,
                                     type=a.type, deadline_days=a.deadline_days, keywords=list(a.keywords or []),
                                     description=a.description, active=a.active)
            for a in s.scalars(select(Agency).order_by(Agency.code))]


def describe(change: Change) -> str:
    """One line for a person: 'DINKES: alias, kata kunci diubah'."""
    if change.action == "create":
        return f"{change.code}: baru"
    if change.action == "unchanged":
        return f"{change.code}: tidak berubah"
    fields = ", ".join(LABELS.get(f, f) for f in change.changes)
    verb = {"deactivate": "dinonaktifkan", "reactivate": "diaktifkan lagi"}.get(change.action, "diubah")
    return f"{change.code}: {verb} ({fields})"
