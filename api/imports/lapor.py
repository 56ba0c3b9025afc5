"""Import an SP4N-LAPOR! export (CSV or XLSX) into complaints with their history.

The v3 export is read as LAPOR! writes it (snake_case headers, date and time in separate columns, in
WIB); statuses, channels and classifications are translated by table, then by rule (api.imports.mapping),
and a value no rule covers gets a default and a warning instead of failing the row. Errors and warnings
name row and column; the summary groups them (ImportResult.problem_groups) and write_details() lists them.

Idempotent on the LAPOR tracking id (table imported_record): importing the same file again changes
nothing. Each imported complaint gets the events of its path through the workflow, and a verifier's
decision is recorded as a Disposition made by `import:lapor` on the date LAPOR gives (the disposition
date column, else the date received): these are human decisions and count as training data. The archive
reason (`alasan_tunda`) is kept in the disposition's reason and the imported record.

History is history: closed and archived reports never reach the verifiers' queue, and reports still open
in LAPOR! are archived as history unless the import is run with open_to_queue (then they wait in the queue
with deadlines from their own received time; a later run with it reopens those archived as history).

Rows naming an agency that does not match the directory confidently are held back and listed for review
(api.imports.reviews); once resolved, importing the file again brings them in. Placeholder names
("Tidak Diketahui") are no agency.
"""

from __future__ import annotations

import csv
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
from api.imports.dates import DateError, combine_date_time, parse_date, parse_time
from api.imports.mapping import load_mapping, resolve_columns, translate
from api.imports.models import AgencyNameReview, ImportBatch, ImportedRecord
from api.imports.reader import ReadError, is_blank, read_sheet
from api.models import CHANNELS, Agency, Complaint, Disposition, Event, FollowUp, utcnow
from api.services.errors import Invalid
from api.services.intake import new_tracking_id
from api.workflow import DECIDABLE, Status
from triage.routing.directory import is_placeholder

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
    """Something wrong with one row: an error skips the row, a warning (skipped=False) only explains
    what the import did instead. `kind` and `value` group problems in the summary."""

    row: int
    column: str | None
    message: str
    skipped: bool = True
    kind: str = ""
    value: str | None = None

    @property
    def severity(self) -> str:
        return "error" if self.skipped else "warning"

    def to_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "severity": self.severity, "kind": self.kind or self.message,
                "value": self.value, "message": self.message, "skipped": self.skipped}

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
    parked: int = 0  # still open in LAPOR!, imported as history (not in the verifiers' queue)
    queued: int = 0  # still open, put in the verifiers' queue (--open-to-queue)
    reopened: int = 0  # parked by an earlier run, now put in the queue (--open-to-queue)
    ignored_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    reviews: dict[str, dict] = field(default_factory=dict)  # key -> {name, candidate, score, rows}
    matches: dict[str, int] = field(default_factory=dict)  # match method -> rows
    values: dict[str, dict[tuple[str, str, str], int]] = field(default_factory=dict)  # field -> (raw, ours, how) -> rows
    open_ids: list[int] = field(default_factory=list)  # complaints put in the queue by this run
    batch_id: int | None = None
    earlier_batch: int | None = None  # an earlier import of the very same file
    details_path: str | None = None

    def count_value(self, fld: str, raw: str, ours: str | None, how: str) -> None:
        table = self.values.setdefault(fld, {})
        key = (raw, ours or "", how)
        table[key] = table.get(key, 0) + 1

    def problem_groups(self) -> list[dict]:
        """Problems grouped by severity, kind and column, with the rows counted and the first few named."""
        groups: dict[tuple, dict] = {}
        for p in self.problems:
            key = (p.severity, p.kind or p.message, p.column)
            g = groups.setdefault(key, {"severity": p.severity, "kind": key[1], "column": p.column, "rows": 0,
                                        "first_rows": [], "values": {}})
            g["rows"] += 1
            if len(g["first_rows"]) < 5:
                g["first_rows"].append(p.row)
            if p.value is not None:
                g["values"][p.value] = g["values"].get(p.value, 0) + 1
        return sorted(groups.values(), key=lambda g: (g["severity"] != "error", -g["rows"], g["kind"]))

    def value_summary(self) -> dict[str, list[dict]]:
        return {fld: [{"value": raw, "imported_as": ours or None, "how": how, "rows": n}
                      for (raw, ours, how), n in sorted(table.items(), key=lambda kv: -kv[1])]
                for fld, table in self.values.items()}

    @property
    def nothing_new(self) -> bool:
        return self.created == 0 and self.reopened == 0 and self.unchanged > 0

    def to_dict(self) -> dict:
        return {
            "file": self.filename, "dry_run": self.dry_run, "batch_id": self.batch_id, "rows": self.rows,
            "created": self.created, "unchanged": self.unchanged, "held_for_review": self.held,
            "failed": self.failed, "blank_rows": self.blank, "open_as_history": self.parked,
            "open_to_queue": self.queued, "reopened": self.reopened, "nothing_new": self.nothing_new,
            "earlier_batch": self.earlier_batch, "ignored_columns": self.ignored_columns,
            "agency_matches": self.matches, "values": self.value_summary(),
            "reviews": list(self.reviews.values()), "problem_groups": self.problem_groups(),
            "problems": len(self.problems), "details_file": self.details_path,
        }


def write_details(result: ImportResult, path: str | Path) -> Path:
    """Every row problem, one per line (CSV, or JSONL by suffix): the summary groups them, this lists them."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [p.to_dict() for p in sorted(result.problems, key=lambda p: (p.row, p.severity))]
    cols = ("row", "column", "severity", "kind", "value", "message")
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        path.write_text("".join(json.dumps({k: r[k] for k in cols}, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:  # -sig: spreadsheets read it as UTF-8
            w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
    result.details_path = str(path)
    return path


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


# Characters that show nothing: a text made only of these (LAPOR! exports have "\u200b" rows) is empty.
_INVISIBLE = re.compile(r"[\s\u00a0\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")


def visible(text: str) -> bool:
    return bool(_INVISIBLE.sub("", text or ""))


def _row_hash(values: dict) -> str:
    canonical = {k: (v.isoformat() if isinstance(v, dt.datetime | dt.date | dt.time) else _text(v))
                 for k, v in sorted(values.items())}
    return hashlib.sha256(json.dumps(canonical, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _region_words(agencies) -> set[str]:
    """Words naming the region in the directory ("Kabupaten Sukamaju Raya" -> sukamaju, raya)."""
    words: set[str] = set()
    for a in agencies:
        m = re.search(r"\b(?:kabupaten|kota|provinsi)\s+(.+)$", normalise(a.name))
        if m:
            words.update(m.group(1).split())
    return words


def build_matcher(s: Session, mapping: dict | None = None) -> AgencyMatcher:
    agencies = [a for a in s.scalars(select(Agency).where(Agency.active.is_(True))) if not is_placeholder(a.name)]
    resolved = {r.key: (r.agency_code if r.status == "resolved" else None)
                for r in s.scalars(select(AgencyNameReview).where(AgencyNameReview.status.in_(("resolved", "ignored"))))}
    fuzzy = (mapping or {}).get("fuzzy") or {}
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
                 actor: str = ACTOR, tz: str | None = None, open_to_queue: bool = False):
        self.s, self.deadlines = s, deadlines
        self.mapping = mapping or load_mapping()
        self.actor = actor
        self.tz = tz or str(deadlines.calendar.tz)
        self.order = self.mapping.get("date_order", "dmy")
        self.open_to_queue = open_to_queue

    # -- reading --------------------------------------------------------------------------------

    def _date(self, row: Row, fld: str, problems: list[Problem], required: bool = False) -> dt.datetime | None:
        raw = row.values.get(fld)
        try:
            value = parse_date(raw, self.tz, self.order)
        except DateError as exc:
            problems.append(Problem(row.number, row.headers.get(fld), f"cannot read date: {exc}",
                                    kind="unreadable date", value=_text(raw)[:80]))
            return None
        if value is None and required:
            problems.append(Problem(row.number, row.headers.get(fld), "empty: a date is required", kind="empty date"))
        return value

    def _received(self, row: Row, problems: list[Problem], warnings: list[Problem]) -> dt.datetime | None:
        """tanggal_masuk, with waktu_masuk when the export gives the time apart (local time, WIB)."""
        day = self._date(row, "received_at", problems, required=True)
        if day is None or "received_time" not in row.values:
            return day
        try:
            clock = parse_time(row.values.get("received_time"))
        except DateError as exc:
            warnings.append(Problem(row.number, row.headers.get("received_time"), f"{exc}; the day alone is imported",
                                    False, kind="unreadable time", value=_text(row.values.get("received_time"))[:40]))
            clock = None
        return combine_date_time(day, clock, self.tz)

    def _value(self, row: Row, fld: str, table: str, default: str | None, allowed, result: ImportResult,
               warnings: list[Problem]) -> str | None:
        """The export's value in our terms: by table, else by rule, else `default` with a warning."""
        raw = _text(row.values.get(fld))
        if not raw:
            if fld in row.values:
                result.count_value(fld, "", default, "empty")
            return default
        ours, how = translate(self.mapping, table, raw)
        if ours is None or (allowed is not None and ours not in allowed):
            shown = default if default is not None else "nothing"
            warnings.append(Problem(row.number, row.headers.get(fld),
                                    f"no rule for {raw!r}: imported as {shown} (add it to `{table}` in a mapping file)",
                                    False, kind=f"no rule for the {fld.replace('_', ' ')}", value=raw))
            result.count_value(fld, raw, default, "default")
            return default
        result.count_value(fld, raw, ours, "table" if how == "table" else "rule")
        return ours

    def _status(self, row: Row, agency: Agency | None, result: ImportResult, warnings: list[Problem]) -> Status:
        """The report's status now: status_final when LAPOR! gives one we know, else status. With no rule
        for either, a report naming an agency counts as dispatched to it, any other as waiting."""
        allowed = {st.value for st in Status}
        default = (Status.DISPATCHED if agency is not None else Status.RECEIVED).value
        if _text(row.values.get("final_status")):
            final = self._value(row, "final_status", "statuses", None, allowed, result, warnings)
            if final is not None:
                return Status(final)
        return Status(self._value(row, "status", "statuses", self.mapping.get("default_status") or default,
                                  allowed, result, warnings) or default)

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
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        result.earlier_batch = self.s.scalar(select(ImportBatch.id).where(ImportBatch.file_sha256 == digest,
                                                                          ImportBatch.source == SOURCE)
                                             .order_by(ImportBatch.id).limit(1))
        batch = ImportBatch(source=SOURCE, filename=path.name, file_sha256=digest, actor=self.actor)
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
            outcome = self._row(row, result, matcher, agencies, seen, batch)
            if outcome in ("created", "reopened"):
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
             batch: ImportBatch) -> str:
        problems: list[Problem] = []
        warnings: list[Problem] = []
        lapor_id = _text(row.values.get("tracking_id"))
        if not lapor_id:
            return self._fail(result, [Problem(row.number, row.headers.get("tracking_id"), "empty tracking id",
                                               kind="empty tracking id")])
        if lapor_id in seen:
            # LAPOR! exports one row per dispatch: the report is imported once, from its first row.
            return self._fail(result, [Problem(row.number, row.headers.get("tracking_id"),
                                               f"duplicate tracking id {lapor_id!r} (first on row {seen[lapor_id]}); "
                                               "row skipped", kind="duplicate tracking id", value=lapor_id)])
        seen[lapor_id] = row.number
        digest = _row_hash(row.values)
        existing = self.s.scalar(select(ImportedRecord).where(ImportedRecord.source == SOURCE,
                                                              ImportedRecord.external_id == lapor_id))
        if existing is not None:
            result.unchanged += 1
            if existing.row_hash != digest:
                result.problems.append(Problem(row.number, None, f"tracking id {lapor_id!r} was imported before "
                                               "with different values; the stored complaint is kept as it is", False,
                                               kind="changed since the earlier import", value=lapor_id))
            if self.open_to_queue and self._reopen(existing):
                result.reopened += 1
                result.open_ids.append(existing.complaint_id)
                return "reopened"
            return "unchanged"

        received = self._received(row, problems, warnings)
        text = _text(row.values.get("text"))
        title = _text(row.values.get("title")) or None
        if not visible(text):
            final = _text(row.values.get("final_text"))
            if visible(final):
                warnings.append(Problem(row.number, row.headers.get("text"), "empty; the final text "
                                        f"({row.headers.get('final_text')}) is imported instead", False,
                                        kind="text taken from the final text"))
                text = final
            else:
                invisible = bool(text)
                problems.append(Problem(row.number, row.headers.get("text"),
                                        "the text has only invisible characters (zero-width spaces)" if invisible
                                        else "empty report text", kind="invisible text" if invisible else "empty text"))
        channel = self._value(row, "channel", "channels", self.mapping.get("default_channel", "web"), CHANNELS,
                              result, warnings)
        confidentiality = self._value(row, "confidentiality", "confidentiality",
                                      self.mapping.get("default_confidentiality", "public"), None, result, warnings)
        classification = self._value(row, "classification", "classifications", None, None, result, warnings)
        dispatched_at = self._date(row, "dispatched_at", problems)
        followed_up_at = self._date(row, "followed_up_at", problems)
        closed_at = self._date(row, "closed_at", problems)
        agency_raw = _text(row.values.get("agency"))
        match: Match = Match(None, "placeholder", 0.0) if agency_raw and is_placeholder(agency_raw) \
            else matcher.match(agency_raw)
        result.matches[match.method] = result.matches.get(match.method, 0) + 1
        agency = agencies.get(match.code) if match.code else None
        status = self._status(row, agency, result, warnings)
        if problems:
            result.problems.extend(warnings)
            return self._fail(result, problems)
        if match.method == "review":
            key = normalise(agency_raw)
            entry = result.reviews.setdefault(key, {"name": agency_raw, "key": key, "candidate": match.candidate,
                                                    "score": match.score, "rows": 0, "first_row": row.number})
            entry["rows"] += 1
            result.held += 1
            return "held"
        lapor_status = _text(row.values.get("final_status")) or _text(row.values.get("status"))
        if status in NEEDS_AGENCY and agency is None:
            why = "a placeholder" if match.method == "placeholder" else "no agency"
            if status == Status.CLOSED:
                warnings.append(Problem(row.number, row.headers.get("agency") or "agency",
                                        f"closed in LAPOR! ({lapor_status!r}) with {why} as the agency: imported as "
                                        "closed history, not as a routing decision", False,
                                        kind="closed without an agency", value=agency_raw or None))
            else:
                warnings.append(Problem(row.number, row.headers.get("agency") or "agency",
                                        f"status {lapor_status!r} means the report went to an agency, but {why} is "
                                        "given: imported as waiting for a verifier", False,
                                        kind="dispatched without an agency", value=agency_raw or None))
                status = Status.RECEIVED
        result.problems.extend(warnings)
        if title and len(title) > TITLE_MAX:
            result.problems.append(Problem(row.number, row.headers.get("title"),
                                           f"title cut to {TITLE_MAX} characters", False, kind="title cut"))
            title = title[:TITLE_MAX]

        extra = {"category": _text(row.values.get("category")) or None, "classification": classification,
                 "classification_raw": _text(row.values.get("classification")) or None,
                 "status": _text(row.values.get("status")) or None,
                 "final_status": _text(row.values.get("final_status")) or None,
                 "archive_reason": _text(row.values.get("archive_reason")) or None,
                 "agency": agency_raw or None, "parent_agency": _text(row.values.get("parent_agency")) or None,
                 "agency_match": match.method, "channel": _text(row.values.get("channel")) or None,
                 "kecamatan": _text(row.values.get("kecamatan")) or None,
                 "human_decision": status in DECISION_ACTION and not (status == Status.CLOSED and agency is None)}
        extra = {k: v for k, v in extra.items() if v is not None}
        c = self._complaint(lapor_id, row, title, text, channel, confidentiality, status, agency, received,
                            dispatched_at, followed_up_at, closed_at, extra, batch)
        if status in DECIDABLE and Status(c.status) in DECIDABLE:
            if self.open_to_queue:
                result.queued += 1
            else:
                self._park(c, lapor_status)
                extra["parked"] = True
                result.parked += 1
        self.s.add(ImportedRecord(source=SOURCE, external_id=lapor_id, complaint=c, batch_id=batch.id,
                                  row_number=row.number, row_hash=digest, data=extra))
        self.s.flush()
        if self.open_to_queue and Status(c.status) in DECIDABLE:
            result.open_ids.append(c.id)
        result.created += 1
        return "created"

    def _fail(self, result: ImportResult, problems: list[Problem]) -> str:
        result.failed += 1
        result.problems.extend(problems)
        return "failed"

    # -- history --------------------------------------------------------------------------------

    def _park(self, c: Complaint, lapor_status: str) -> None:
        """A report still open in LAPOR! is imported as history: archived, no clock, out of the queue."""
        reason = (f"Riwayat SP4N-LAPOR!: masih terbuka saat diekspor ({lapor_status or c.status}); "
                  "tidak masuk antrean verifikasi")
        c.events.append(Event(type="imported", from_status=c.status, to_status=Status.ARCHIVED.value, actor=self.actor,
                              data={"history": True, "parked": True, "lapor_status": lapor_status,
                                    "reason": reason, "imported": True}, at=utcnow()))
        c.status, c.due_at, c.verify_due = Status.ARCHIVED.value, None, None

    def _reopen(self, record: ImportedRecord) -> bool:
        """Undo _park for --open-to-queue: back to the status it had in LAPOR!, its clock from its own
        received time."""
        c = record.complaint
        data = dict(record.data or {})
        if not data.get("parked") or c.status != Status.ARCHIVED.value:
            return False
        parked = next((e for e in reversed(c.events) if e.type == "imported" and (e.data or {}).get("parked")), None)
        if parked is None or parked.from_status not in {st.value for st in DECIDABLE}:
            return False
        target = Status(parked.from_status)
        c.events.append(Event(type="imported", from_status=c.status, to_status=target.value, actor=self.actor,
                              data={"history": True, "reopened": True, "imported": True}, at=utcnow()))
        c.status = target.value
        if target == Status.NEED_INFO:
            c.verify_due = c.due_at = None
        else:
            c.verify_due = self.deadlines.verify_due(c.received_at)
            c.due_at = c.verify_due
        data["parked"] = False
        record.data = data
        self.s.flush()
        return True

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
        lapor_status = extra.get("final_status") or extra.get("status") or status.value
        if status == Status.CLOSED and agency is None:
            # Closed in LAPOR! with no agency named: history, but no routing decision to learn from.
            c.events.append(Event(type="imported", from_status=Status.RECEIVED.value, to_status=Status.CLOSED.value,
                                  actor=actor, data={"history": True, "lapor_status": lapor_status, "imported": True,
                                                     "human_decision": False}, at=max(closed_at or decided, decided)))
            c.status, c.due_at, c.verify_due = Status.CLOSED.value, None, None
            return c
        action = DECISION_ACTION[status]
        target = Status.DISPATCHED if status in NEEDS_AGENCY else status
        reason = f"Diimpor dari SP4N-LAPOR! ({lapor_id}, status {lapor_status!r})"
        if extra.get("archive_reason"):
            reason += f": {extra['archive_reason']}"
        c.dispositions.append(Disposition(action=action, agency_id=agency.id if agency else None, reason=reason[:1000],
                                          user=actor, created_at=decided))
        c.events.append(Event(type="disposition", from_status=Status.RECEIVED.value, to_status=target.value, actor=actor,
                              data={"action": action, "agency": agency.code if agency else None, "reason": reason,
                                    "archive_reason": extra.get("archive_reason"),
                                    "imported": True, "human_decision": True, "date_known": dispatched_at is not None,
                                    "category": extra.get("category"), "classification": extra.get("classification")},
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
        note = _text(row.values.get("followup_text")) or f"(diimpor dari SP4N-LAPOR!: {lapor_status})"
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
                 dry_run: bool = False, actor: str = ACTOR, progress=None, on_total=None,
                 open_to_queue: bool = False) -> ImportResult:
    return LaporImporter(s, deadlines, load_mapping(mapping_path), actor=actor, open_to_queue=open_to_queue).run(
        path, dry_run=dry_run, progress=progress, on_total=on_total)
