"""Import an SP4N-LAPOR! export (CSV or XLSX) into complaints with their history.

Idempotent on the LAPOR tracking id (table imported_record): importing the same file again changes
nothing. Each imported complaint gets the events of its path through the workflow, and a verifier's
decision is recorded as a Disposition made by `import:lapor` on the date LAPOR gives (the disposition
date column, else the date received): these are human decisions and count as training data.

Rows naming an agency that does not match the directory confidently are held back and listed for review
(api.imports.reviews); once resolved, importing the file again brings them in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.deadlines import DeadlinePolicy
from api.imports.agencies import AgencyMatcher, Match, normalise
from api.imports.dates import DateError, parse_date
from api.imports.mapping import load_mapping, resolve_columns, value_key
from api.imports.models import AgencyNameReview, ImportBatch, ImportedRecord
from api.imports.reader import ReadError, is_blank, read_sheet
from api.models import CHANNELS, Agency, Complaint, Disposition, Event, FollowUp, utcnow
from api.services.errors import Invalid
from api.services.intake import new_tracking_id
from api.workflow import Status

log = logging.getLogger(__name__)
SOURCE = "lapor"
ACTOR = "import:lapor"
TITLE_MAX = 300
COMMIT_EVERY = 200
# Statuses after a verifier's decision, and the disposition action that led there.
DECISION_ACTION = {
    Status.DISPATCHED: "reassign", Status.FOLLOWED_UP: "reassign", Status.CLOSED: "reassign",
    Status.RETURNED: "reassign", Status.ARCHIVED: "archive", Status.HOAX: "hoax", Status.NEED_INFO: "need_info",
}
NEEDS_AGENCY = {Status.DISPATCHED, Status.FOLLOWED_UP, Status.CLOSED, Status.RETURNED}


class ImportFailed(Invalid):
    """The file as a whole cannot be imported (unreadable, no header, required column missing)."""


@dataclass
class Problem:
    row: int
    column: str | None
    message: str
    skipped: bool = True

    def to_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message, "skipped": self.skipped}

    def describe(self, filename: str) -> str:
        where = f"{filename}: row {self.row}" + (f", column {self.column!r}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    filename: str
    dry_run: bool
    rows: int = 0  # non-empty data rows
    created: int = 0
    unchanged: int = 0
    held: int = 0
    failed: int = 0
    blank: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    reviews: dict[str, dict] = field(default_factory=dict)  # key -> {name, candidate, score, rows}
    matches: dict[str, int] = field(default_factory=dict)  # match method -> rows
    batch_id: int | None = None

    def to_dict(self) -> dict:
        return {
            "file": self.filename, "dry_run": self.dry_run, "batch_id": self.batch_id, "rows": self.rows,
            "created": self.created, "unchanged": self.unchanged, "held_for_review": self.held,
            "failed": self.failed, "blank_rows": self.blank, "ignored_columns": self.ignored_columns,
            "agency_matches": self.matches,
            "reviews": list(self.reviews.values()),
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass
class Row:
    number: int
    values: dict  # field -> raw cell
    headers: dict  # field -> header as written


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _row_hash(values: dict) -> str:
    canonical = {k: (v.isoformat() if isinstance(v, dt.datetime | dt.date) else _text(v)) for k, v in sorted(values.items())}
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _region_words(agencies) -> set[str]:
    """Words naming the region in the directory ("Kabupaten Sukamaju Raya" -> sukamaju, raya)."""
    words: set[str] = set()
    for a in agencies:
        m = re.search(r"\b(?:kabupaten|kota|provinsi)\s+(.+)$", normalise(a.name))
        if m:
            words.update(m.group(1).split())
    return words


def build_matcher(s: Session, mapping: dict) -> AgencyMatcher:
    agencies = list(s.scalars(select(Agency).where(Agency.active.is_(True))))
    resolved = {r.key: (r.agency_code if r.status == "resolved" else None)
                for r in s.scalars(select(AgencyNameReview).where(AgencyNameReview.status.in_(("resolved", "ignored"))))}
    fuzzy = mapping.get("fuzzy") or {}
    return AgencyMatcher(agencies, resolved, accept=float(fuzzy.get("accept", 90)),
                         review=float(fuzzy.get("review", 60)), region_words=_region_words(agencies))


def _locate_header(sheet, mapping) -> tuple[int, list, dict[str, int]]:
    """The header row: the first of the first 20 rows naming every required column."""
    required = mapping.get("required") or ["tracking_id", "received_at", "text"]
    best = None
    for number, cells in sheet.rows[:20]:
        if is_blank(cells):
            continue
        cols = resolve_columns(mapping, cells)
        if all(f in cols for f in required):
            return number, cells, cols
        if best is None or len(cols) > len(best[2]):
            best = (number, cells, cols)
    if best is None:
        raise ImportFailed(f"{sheet.path}: the file is empty")
    missing = [f for f in required if f not in best[2]]
    names = "; ".join(f"{f} (one of: {', '.join(mapping['columns'].get(f, []))})" for f in missing)
    raise ImportFailed(f"{sheet.path}: row {best[0]}: no column for {names}; give a --mapping file naming "
                       f"the headers of this export")


class LaporImporter:
    def __init__(self, s: Session, deadlines: DeadlinePolicy, mapping: dict | None = None, *,
                 actor: str = ACTOR, tz: str | None = None):
        self.s, self.deadlines = s, deadlines
        self.mapping = mapping or load_mapping()
        self.actor = actor
        self.tz = tz or str(deadlines.calendar.tz)
        self.order = self.mapping.get("date_order", "dmy")

    # -- reading --------------------------------------------------------------------------------

    def _date(self, row: Row, fld: str, problems: list[Problem], required: bool = False) -> dt.datetime | None:
        raw = row.values.get(fld)
        try:
            value = parse_date(raw, self.tz, self.order)
        except DateError as exc:
            problems.append(Problem(row.number, row.headers.get(fld), f"cannot read date: {exc}"))
            return None
        if value is None and required:
            problems.append(Problem(row.number, row.headers.get(fld), "empty: a date is required"))
        return value

    def _lookup(self, row: Row, fld: str, table: str, default: str | None, allowed, problems) -> str | None:
        raw = _text(row.values.get(fld))
        if not raw:
            return default
        value = self.mapping[table].get(value_key(raw))
        if value is None or (allowed is not None and value not in allowed):
            known = ", ".join(sorted(self.mapping[table])[:12])
            problems.append(Problem(row.number, row.headers.get(fld),
                                    f"unknown value {raw!r}; add it to `{table}` in the mapping file (known: {known}, ...)"))
            return None
        return value

    # -- the import -----------------------------------------------------------------------------

    def run(self, path: str | Path, *, dry_run: bool = False,
            progress: Callable[[int], None] | None = None, on_total: Callable[[int], None] | None = None) -> ImportResult:
        path = Path(path)
        try:
            sheet = read_sheet(path)
        except ReadError as exc:
            raise ImportFailed(str(exc)) from None
        header_no, header, cols = _locate_header(sheet, self.mapping)
        result = ImportResult(filename=str(path), dry_run=dry_run)
        used = set(cols.values())
        result.ignored_columns = [_text(h) for i, h in enumerate(header) if i not in used and _text(h)]
        data_rows = [(n, cells) for n, cells in sheet.rows if n > header_no]
        if on_total:
            on_total(len(data_rows))
        matcher = build_matcher(self.s, self.mapping)
        agencies = {a.code: a for a in self.s.scalars(select(Agency))}
        batch = ImportBatch(source=SOURCE, filename=path.name, file_sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                            actor=self.actor)
        self.s.add(batch)  # a dry run rolls it back with everything else
        self.s.flush()
        result.batch_id = None if dry_run else batch.id
        seen: dict[str, int] = {}
        pending = 0
        for number, cells in data_rows:
            if progress:
                progress(1)
            if is_blank(cells):
                result.blank += 1
                continue
            result.rows += 1
            row = Row(number, {f: (cells[i] if i < len(cells) else None) for f, i in cols.items()},
                      {f: _text(header[i]) for f, i in cols.items()})
            outcome = self._row(row, result, matcher, agencies, seen, batch, dry_run)
            if outcome == "created":
                pending += 1
                if not dry_run and pending >= COMMIT_EVERY:
                    self.s.commit()
                    pending = 0
        if dry_run:
            self.s.rollback()
        else:
            self._store_reviews(result, batch)
            batch.finished_at = utcnow()
            batch.rows_total, batch.created, batch.unchanged = result.rows, result.created, result.unchanged
            batch.held, batch.failed = result.held, result.failed
            batch.problems = [p.to_dict() for p in result.problems[:1000]]
            self.s.commit()
        return result

    def _row(self, row: Row, result: ImportResult, matcher: AgencyMatcher, agencies: dict, seen: dict,
             batch: ImportBatch, dry_run: bool) -> str:
        problems: list[Problem] = []
        lapor_id = _text(row.values.get("tracking_id"))
        if not lapor_id:
            return self._fail(result, [Problem(row.number, row.headers.get("tracking_id"), "empty tracking id")])
        if lapor_id in seen:
            return self._fail(result, [Problem(row.number, row.headers.get("tracking_id"),
                                               f"duplicate tracking id {lapor_id!r} (first on row {seen[lapor_id]}); row skipped")])
        seen[lapor_id] = row.number
        digest = _row_hash(row.values)
        existing = self.s.scalar(select(ImportedRecord).where(ImportedRecord.source == SOURCE,
                                                              ImportedRecord.external_id == lapor_id))
        if existing is not None:
            result.unchanged += 1
            if existing.row_hash != digest:
                result.problems.append(Problem(row.number, None, f"tracking id {lapor_id!r} was imported before "
                                               "with different values; the stored complaint is kept as it is", False))
            return "unchanged"

        received = self._date(row, "received_at", problems, required=True)
        text = _text(row.values.get("text"))
        title = _text(row.values.get("title")) or None
        if not text:
            problems.append(Problem(row.number, row.headers.get("text"), "empty report text"))
        status_name = self._lookup(row, "status", "statuses", self.mapping.get("default_status", "received"),
                                   {s.value for s in Status}, problems)
        channel = self._lookup(row, "channel", "channels", self.mapping.get("default_channel", "web"), CHANNELS, problems)
        confidentiality = self._lookup(row, "confidentiality", "confidentiality",
                                       self.mapping.get("default_confidentiality", "public"), None, problems)
        warnings: list[Problem] = []
        classification = self._lookup(row, "classification", "classifications", None, None, warnings)
        for w in warnings:  # an unknown classification loses a label, not the report
            w.skipped = False
            w.message += "; imported without a classification"
        result.problems.extend(warnings)
        dispatched_at = self._date(row, "dispatched_at", problems)
        followed_up_at = self._date(row, "followed_up_at", problems)
        closed_at = self._date(row, "closed_at", problems)
        agency_raw = _text(row.values.get("agency"))
        match: Match = matcher.match(agency_raw)
        result.matches[match.method] = result.matches.get(match.method, 0) + 1
        if problems:
            return self._fail(result, problems)
        status = Status(status_name)
        if match.method == "review":
            key = normalise(agency_raw)
            entry = result.reviews.setdefault(key, {"name": agency_raw, "key": key, "candidate": match.candidate,
                                                    "score": match.score, "rows": 0, "first_row": row.number})
            entry["rows"] += 1
            result.held += 1
            return "held"
        agency = agencies.get(match.code) if match.code else None
        if status in NEEDS_AGENCY and agency is None:
            return self._fail(result, [Problem(row.number, row.headers.get("agency") or "agency",
                                               f"status {_text(row.values.get('status'))!r} means the report went to an "
                                               "agency, but no agency is given")])
        if title and len(title) > TITLE_MAX:
            result.problems.append(Problem(row.number, row.headers.get("title"),
                                           f"title cut to {TITLE_MAX} characters", False))
            title = title[:TITLE_MAX]

        extra = {"category": _text(row.values.get("category")) or None, "classification": classification,
                 "status": _text(row.values.get("status")) or None, "agency": agency_raw or None,
                 "agency_match": match.method, "channel": _text(row.values.get("channel")) or None,
                 "human_decision": status != Status.RECEIVED}
        c = self._complaint(lapor_id, row, title, text, channel, confidentiality, status, agency, received,
                            dispatched_at, followed_up_at, closed_at, extra, batch)
        self.s.add(ImportedRecord(source=SOURCE, external_id=lapor_id, complaint=c, batch_id=batch.id,
                                  row_number=row.number, row_hash=digest, data=extra))
        self.s.flush()
        result.created += 1
        return "created"

    def _fail(self, result: ImportResult, problems: list[Problem]) -> str:
        result.failed += 1
        result.problems.extend(problems)
        return "failed"

    def _complaint(self, lapor_id, row, title, text, channel, confidentiality, status, agency, received,
                   dispatched_at, followed_up_at, closed_at, extra, batch) -> Complaint:
        actor = self.actor
        origin = {"source": "SP4N-LAPOR!", "lapor_id": lapor_id, "batch": batch.id, "row": row.number}
        c = Complaint(tracking_id=self._tracking_id(), title=title, text=text, channel=channel,
                      confidentiality=confidentiality, status=Status.RECEIVED.value, received_at=received,
                      verify_due=self.deadlines.verify_due(received), submitted_by=actor,
                      idempotency_key=f"import:{SOURCE}:{lapor_id}"[:300], created_at=utcnow())
        c.due_at = c.verify_due
        self.s.add(c)
        c.events.append(Event(type="received", from_status=None, to_status=Status.RECEIVED.value, actor=actor,
                              data={**origin, "channel": channel, "imported": True}, at=received))
        if status == Status.RECEIVED:
            return c
        decided = max(dispatched_at or received, received)
        action = DECISION_ACTION[status]
        target = Status.DISPATCHED if status in NEEDS_AGENCY else status
        reason = f"Diimpor dari SP4N-LAPOR! ({lapor_id}, status {extra['status'] or status.value!r})"
        c.dispositions.append(Disposition(action=action, agency_id=agency.id if agency else None, reason=reason,
                                          user=actor, created_at=decided))
        c.events.append(Event(type="disposition", from_status=Status.RECEIVED.value, to_status=target.value, actor=actor,
                              data={"action": action, "agency": agency.code if agency else None, "reason": reason,
                                    "imported": True, "human_decision": True, "date_known": dispatched_at is not None,
                                    "category": extra["category"], "classification": extra["classification"]},
                              at=decided))
        c.status = target.value
        if target != Status.DISPATCHED:
            c.agency = agency
            c.due_at = None
            return c
        c.agency = agency
        c.followup_due = self.deadlines.followup_due(decided, agency.deadline_days)
        c.due_at = c.followup_due
        if status == Status.DISPATCHED:
            return c
        answered = followed_up_at or (closed_at if status == Status.CLOSED else None)
        note = _text(row.values.get("followup_text")) or f"(diimpor dari SP4N-LAPOR!: {extra['status'] or status.value})"
        fu_status = {Status.FOLLOWED_UP: "in_progress", Status.CLOSED: "done", Status.RETURNED: "not_our_authority"}[status]
        if answered is not None:
            answered = max(answered, decided)
            c.followups.append(FollowUp(agency_id=agency.id, status=fu_status, text=note, user=actor, created_at=answered))
        when = answered or decided
        ev = {"agency": agency.code, "followup_status": fu_status, "imported": True, "date_known": answered is not None}
        if status == Status.RETURNED:
            c.events.append(Event(type="followup", from_status=Status.DISPATCHED.value, to_status=Status.RETURNED.value,
                                  actor=actor, data=ev, at=when))
            c.status, c.agency, c.followup_due = Status.RETURNED.value, None, None
            c.verify_due = self.deadlines.verify_due(when)
            c.due_at = c.verify_due
            return c
        c.events.append(Event(type="followup", from_status=Status.DISPATCHED.value, to_status=Status.FOLLOWED_UP.value,
                              actor=actor, data=ev, at=when))
        c.status = Status.FOLLOWED_UP.value
        if status == Status.CLOSED:
            end = max(closed_at or when, when)
            c.events.append(Event(type="followup", from_status=Status.FOLLOWED_UP.value, to_status=Status.CLOSED.value,
                                  actor=actor, data={**ev, "date_known": closed_at is not None}, at=end))
            c.status, c.due_at = Status.CLOSED.value, None
        return c

    def _tracking_id(self) -> str:
        while True:
            tid = new_tracking_id()
            if self.s.scalar(select(Complaint.id).where(Complaint.tracking_id == tid)) is None:
                return tid

    def _store_reviews(self, result: ImportResult, batch: ImportBatch) -> None:
        for key, r in result.reviews.items():
            row = self.s.scalar(select(AgencyNameReview).where(AgencyNameReview.key == key))
            if row is None:
                row = AgencyNameReview(key=key[:300], name=r["name"][:300], status="pending")
                self.s.add(row)
            row.candidate, row.score, row.rows, row.batch_id = r["candidate"], r["score"], r["rows"], batch.id


def import_lapor(s: Session, path: str | Path, deadlines: DeadlinePolicy, *, mapping_path: str | Path | None = None,
                 dry_run: bool = False, actor: str = ACTOR, progress=None, on_total=None) -> ImportResult:
    return LaporImporter(s, deadlines, load_mapping(mapping_path), actor=actor).run(
        path, dry_run=dry_run, progress=progress, on_total=on_total)
