"""Verifiers' decisions as training data: the one way `training/` reads the service's database.

One row per complaint: its latest *effective* human decision. A decision counts when
- it is a disposition that says something about the label: `confirm` (the suggestion was right),
  `reassign` (corrected to another agency) or `hoax`; `archive` and `need_info` say nothing about
  the agency and, when they are the latest decision, the complaint is left out;
- a human made it: the actor is a user (`user:NAME`), or the decision was imported from LAPOR!
  history and marked as human (`"human_decision": true` in the disposition event's data or in the
  imported record's data);
- the agency did not hand the complaint back afterwards (`not_our_authority`): such a dispatch
  was wrong and is not a label until a verifier decides again.

Agency codes are relabelled through the agency mapping (merge/rename, transitively); decisions on an
agency that was split cannot be relabelled and are left out (counted in the stats). A decision for an
agency whose name is a placeholder ("Tidak Diketahui": triage.routing.directory.is_placeholder) is no
label and is left out. Imported decisions carry the directory's code, so two spellings of one agency in
an export are one label. `ExportResult.agencies` lists the directory's real agencies, so training can
drop seed labels the office does not have. Texts are masked
together with the reporter's contact (`triage.text.redact`); `secret` reports are left out unless asked for.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

import api.models  # noqa: F401  first: it imports the feature packages' tables in an order without cycles
from api.agencies.mapping import mapping_table, resolve_code
from api.imports.models import ImportedRecord
from api.models import Agency, Complaint, Disposition, Event, Suggestion
from triage.routing.directory import is_placeholder

LABEL_ACTIONS = ("confirm", "reassign", "hoax")
COLUMNS = ("id", "decided_at", "received_at", "title", "text", "agency", "category", "hoax", "action",
           "source", "suggested_agency", "model_version")


@dataclass
class ExportResult:
    rows: list[dict]
    stats: dict = field(default_factory=dict)
    mapping: dict[str, list[str]] = field(default_factory=dict)  # to relabel seed data the same way
    agencies: list[str] = field(default_factory=list)  # active, real agencies of the directory (codes)


# -- decisions --------------------------------------------------------------------------------------

def _imported_data(s: Session) -> dict[int, dict]:
    """complaint id -> imported record data (when the import tables exist in this checkout)."""
    return {r.complaint_id: (r.data or {}) for r in s.scalars(select(ImportedRecord))}


def _is_human(d: Disposition, event_data: dict, imported: dict | None) -> bool:
    if d.user.startswith("user:"):
        return True
    if event_data.get("human_decision") is True:
        return True
    return bool(imported and imported.get("human_decision") is True)


def export_decisions(s: Session, since: dt.datetime | None = None, until: dt.datetime | None = None,
                     as_of: dt.date | None = None, include_secret: bool = False) -> ExportResult:
    """Rows (dicts with COLUMNS) ordered by decision time; `since`/`until` filter on the decision time
    (since exclusive, until inclusive)."""
    from triage.text.redact import contact_values, redact_report

    table = mapping_table(s, as_of)
    imported = _imported_data(s)
    placeholders = {a.code for a in s.scalars(select(Agency)) if is_placeholder(a.name) or is_placeholder(a.code)}
    directory = sorted(a.code for a in s.scalars(select(Agency).where(Agency.active.is_(True)))
                       if a.code not in placeholders)
    stats = defaultdict(int)
    by_complaint: dict[int, list[Disposition]] = defaultdict(list)
    for d in s.scalars(select(Disposition).order_by(Disposition.created_at, Disposition.id)):
        by_complaint[d.complaint_id].append(d)
    events: dict[int, list[Event]] = defaultdict(list)
    for e in s.scalars(select(Event).where(Event.type.in_(("disposition", "followup"))).order_by(Event.at, Event.id)):
        events[e.complaint_id].append(e)
    suggestions = {sg.id: sg for sg in s.scalars(select(Suggestion))} if by_complaint else {}

    rows = []
    for cid, dispositions in by_complaint.items():
        evs = events.get(cid, [])
        human, ev_data = [], {}
        for d in dispositions:
            ev = next((e for e in evs if e.type == "disposition" and e.at == d.created_at
                       and (e.data or {}).get("action") == d.action), None)
            ev_data[d.id] = (ev.data or {}) if ev else {}
            if _is_human(d, ev_data[d.id], imported.get(cid)):
                human.append(d)
            else:
                stats["skipped_not_human"] += 1
        if not human:
            continue
        latest = human[-1]
        stats["superseded_decisions"] += len(human) - 1
        if latest.action not in LABEL_ACTIONS:
            stats["skipped_no_label"] += 1
            continue
        returned = any(e.type == "followup" and (e.data or {}).get("followup_status") == "not_our_authority"
                       and e.at >= latest.created_at for e in evs)
        if returned:
            stats["skipped_returned"] += 1
            continue
        if since is not None and latest.created_at <= since:
            continue
        if until is not None and latest.created_at > until:
            continue
        c: Complaint = s.get(Complaint, cid)
        if c.confidentiality == "secret" and not include_secret:
            stats["skipped_secret"] += 1
            continue
        agency = None
        if latest.action in ("confirm", "reassign"):
            agency, how = resolve_code(latest.agency.code if latest.agency else None, table)
            if how == "split":
                stats["skipped_split_agency"] += 1
                continue
            if how == "mapped":
                stats["relabelled"] += 1
            if agency in placeholders:
                stats["skipped_placeholder_agency"] += 1
                continue
        sug = suggestions.get(latest.suggestion_id) if latest.suggestion_id else None
        imp = imported.get(cid) or {}
        # title and text masked together, with the reporter's own contact: a name found in the text
        # (or given only in the contact form) is masked in the title too
        ct = c.contact
        masked = redact_report(c.title, c.text, contact_values(ct.name, ct.phone, ct.email, ct.address) if ct else ())
        category = ev_data[latest.id].get("category") or imp.get("category") or None
        rows.append({
            "id": c.tracking_id,
            "decided_at": latest.created_at.isoformat(),
            "received_at": c.received_at.isoformat(),
            "title": masked.title or "",
            "text": masked.text,
            "agency": agency or "",
            "category": category or "",
            "hoax": 1 if latest.action == "hoax" else 0,
            "action": latest.action,
            "source": "import" if cid in imported else "service",
            "suggested_agency": sug.top_agency if sug and sug.top_agency else "",
            "model_version": sug.model_version if sug else "",
        })
    rows.sort(key=lambda r: (r["decided_at"], r["id"]))
    stats["rows"] = len(rows)
    return ExportResult(rows, dict(stats), table, directory)


def write_rows(rows: list[dict], path: str | Path) -> Path:
    """CSV or JSONL by suffix, written to a temporary file and renamed into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with tmp.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({k: r.get(k, "") for k in COLUMNS}, ensure_ascii=False) + "\n")
    elif path.suffix.lower() == ".csv":
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=COLUMNS)
            w.writeheader()
            for r in rows:
                w.writerow({k: r.get(k, "") for k in COLUMNS})
    else:
        raise ValueError(f"{path}: use a .csv or .jsonl file name")
    tmp.replace(path)
    return path


def export_records(since: dt.datetime | None = None, until: dt.datetime | None = None,
                   database_url: str | None = None) -> ExportResult:
    """Open the service's database from its configuration (TRIAGE_DATABASE_URL) and export.
    This is the function `training/` calls."""
    from sqlalchemy.orm import sessionmaker

    from api import db

    url = database_url or _configured_url()
    engine = db.make_engine(url)
    try:
        with sessionmaker(engine)() as s:
            return export_decisions(s, since=since, until=until)
    finally:
        engine.dispose()


def _configured_url() -> str:
    from api.config import settings

    return settings()["DATABASE_URL"]
