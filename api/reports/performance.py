"""Agency performance for a period: how fast complaints were answered, agency by agency.

Definitions (docs/reports.md explains them for readers of the report):
- The period is a range of local dates; the complaints counted are those *received* in it.
- A complaint belongs to the agency of its latest disposition that names one (the agency it was
  dispatched to, or the one LAPOR! named for an archived/hoax import); without one, to the agency
  the model suggested; without that, to no agency ("—").
- dispatched: the complaint was dispatched (confirm/reassign) to that agency; its clock starts at the
  latest dispatch and ends at the agency's first follow-up after it (any follow-up status, also
  "not our authority": the agency answered).
- on_time: answered by the deadline (api.deadlines: the agency's working days after the dispatch day);
  late: answered after it; open: not answered yet (open_overdue: of those, past the deadline now);
  answered_unknown: answered according to an import that gave no date (no response time).
  dispatched = on_time + late + open + answered_unknown.
- response time: working days from the dispatch day to the answer day (same day = 0); median and
  90th percentile (nearest rank: the smallest value with at least 90% of answers at or below it).
- accepted share: of the verifiers' decisions on a model suggestion (confirm or reassign), the share
  that confirmed it. Imported decisions had no suggestion and do not count.
- hoaxes: complaints with status hoax.
"""

from __future__ import annotations

import calendar as calmod
import datetime as dt
import math
import statistics
from dataclasses import asdict, dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.console.present import parse_day, parse_month
from api.deadlines import DeadlinePolicy, WorkingCalendar
from api.models import Agency, Complaint, utcnow
from api.services.complaints import YEARS
from api.services.errors import Invalid
from api.workflow import Status

MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
DISPATCH_ACTIONS = ("confirm", "reassign")
NO_AGENCY = "-"

# Column order and headings for tables, CSV and XLSX: (key, Indonesian heading, English heading).
COLUMNS = [
    ("agency", "Kode", "Agency code"),
    ("agency_name", "Instansi", "Agency"),
    ("received", "Masuk", "Received"),
    ("dispatched", "Didisposisi\u00adkan", "Dispatched"),
    ("on_time", "Tepat waktu", "On time"),
    ("late", "Terlambat", "Late"),
    ("open", "Belum ditindak\u00adlanjuti", "Still open"),
    ("open_overdue", "…lewat tenggat", "…of which overdue"),
    ("answered_unknown", "Tanggal tindak lanjut tak diketahui", "Answered, date unknown"),
    ("on_time_share", "% tepat waktu", "On-time share"),
    ("median_days", "Median hari kerja", "Median working days"),
    ("p90_days", "P90 hari kerja", "90th pct working days"),
    ("suggestions_decided", "Saran diputuskan", "Suggestions decided"),
    ("suggestions_accepted", "Saran diterima", "Suggestions accepted"),
    ("accepted_share", "% saran diterima", "Accepted share"),
    ("hoaxes", "Hoaks", "Hoaxes"),
]


@dataclass
class Period:
    start: dt.date  # inclusive
    end: dt.date  # inclusive

    @classmethod
    def month(cls, value: str) -> Period:
        try:
            year, month = parse_month(value)
            first = dt.date(year, month, 1)
        except ValueError:
            raise Invalid(f"month: {value!r} is not MM/YYYY or YYYY-MM", "validation_error",
                          [{"field": "month", "code": "format"}]) from None
        _in_range(first, "month", value)
        return cls(first, first.replace(day=calmod.monthrange(year, month)[1]))

    @classmethod
    def parse(cls, month: str | None = None, start: str | None = None, end: str | None = None,
              today: dt.date | None = None) -> Period:
        if month:
            return cls.month(month)
        today = today or dt.date.today()
        days = {}
        for name, value, default in (("from", start, today.replace(day=1)), ("to", end, today)):
            try:
                days[name] = parse_day(value) if value else default
            except ValueError:
                raise Invalid(f"{name}: {value!r} is not a date; use DD/MM/YYYY or YYYY-MM-DD", "validation_error",
                              [{"field": name, "code": "format"}]) from None
        s, e = days["from"], days["to"]
        _in_range(s, "from", start)
        _in_range(e, "to", end)
        if e < s:
            raise Invalid("to is before from", "validation_error", [{"field": "to", "code": "range"}])
        return cls(s, e)

    @property
    def is_month(self) -> bool:
        return self.start.day == 1 and self.end == self.start.replace(day=calmod.monthrange(self.start.year, self.start.month)[1])

    def label(self) -> str:
        if self.is_month:
            return f"{MONTHS_ID[self.start.month - 1]} {self.start.year}"
        return f"{format_date_id(self.start)} – {format_date_id(self.end)}"

    def slug(self) -> str:
        return self.start.strftime("%Y-%m") if self.is_month else f"{self.start}_{self.end}"

    def bounds(self, tz) -> tuple[dt.datetime, dt.datetime]:
        lo = dt.datetime.combine(self.start, dt.time(), tzinfo=tz)
        hi = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), tzinfo=tz)
        return lo.astimezone(dt.UTC), hi.astimezone(dt.UTC)


def _in_range(day: dt.date, field: str, given) -> None:
    """Years outside `YEARS` are typing mistakes, and would overflow the time-zone arithmetic."""
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise Invalid(f"{field}: {given!r} is out of range (years {YEARS[0]}..{YEARS[1]})", "validation_error",
                      [{"field": field, "code": "range", "message": f"years {YEARS[0]}..{YEARS[1]}"}])


def format_date_id(d: dt.date) -> str:
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


def working_days_between(cal: WorkingCalendar, start: dt.datetime, end: dt.datetime) -> int:
    """Working days after the start day up to and including the end day (local dates; same day = 0)."""
    a, b = start.astimezone(cal.tz).date(), end.astimezone(cal.tz).date()
    n = 0
    while a < b:
        a += dt.timedelta(days=1)
        n += cal.is_working_day(a)
    return n


def nearest_rank(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q * len(ordered))) - 1]


@dataclass
class AgencyRow:
    agency: str
    agency_name: str
    received: int = 0
    dispatched: int = 0
    on_time: int = 0
    late: int = 0
    open: int = 0
    open_overdue: int = 0
    answered_unknown: int = 0
    suggestions_decided: int = 0
    suggestions_accepted: int = 0
    hoaxes: int = 0
    response_days: list[int] = field(default_factory=list, repr=False)

    @property
    def median_days(self) -> float | None:
        return float(statistics.median(self.response_days)) if self.response_days else None

    @property
    def p90_days(self) -> float | None:
        v = nearest_rank(self.response_days, 0.9)
        return None if v is None else float(v)

    @property
    def on_time_share(self) -> float | None:
        answered = self.on_time + self.late
        return self.on_time / answered if answered else None

    @property
    def accepted_share(self) -> float | None:
        return self.suggestions_accepted / self.suggestions_decided if self.suggestions_decided else None

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("response_days")
        for k in ("median_days", "p90_days", "on_time_share", "accepted_share"):
            d[k] = getattr(self, k)
        return {key: d[key] for key, _, _ in COLUMNS}

    def add(self, other: AgencyRow) -> None:
        for k in ("received", "dispatched", "on_time", "late", "open", "open_overdue", "answered_unknown",
                  "suggestions_decided", "suggestions_accepted", "hoaxes"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.response_days.extend(other.response_days)


@dataclass
class PerformanceReport:
    period: Period
    generated_at: dt.datetime
    rows: list[AgencyRow]
    total: AgencyRow
    timezone: str

    def to_dict(self) -> dict:
        return {
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat(),
                       "label": self.period.label()},
            "generated_at": self.generated_at.isoformat().replace("+00:00", "Z"),
            "timezone": self.timezone,
            "columns": [{"key": k, "label": id_, "label_en": en} for k, id_, en in COLUMNS],
            "rows": [r.to_dict() for r in self.rows],
            "total": self.total.to_dict(),
        }


def _attribution(c: Complaint, by_code: dict[str, Agency]) -> Agency | None:
    for d in reversed(c.dispositions):
        if d.agency is not None:
            return d.agency
    if c.agency is not None:
        return c.agency
    return by_code.get(c.suggested_agency) if c.suggested_agency else None


def performance_report(s: Session, period: Period, deadlines: DeadlinePolicy, now: dt.datetime | None = None,
                       all_agencies: bool = False) -> PerformanceReport:
    now = now or utcnow()
    cal = deadlines.calendar
    lo, hi = period.bounds(cal.tz)
    agencies = list(s.scalars(select(Agency).order_by(Agency.code)))
    by_code = {a.code: a for a in agencies}
    rows: dict[str, AgencyRow] = {}
    if all_agencies:
        rows = {a.code: AgencyRow(a.code, a.name) for a in agencies if a.active}
    complaints = s.scalars(
        select(Complaint).where(Complaint.received_at >= lo, Complaint.received_at < hi)
        .options(selectinload(Complaint.dispositions), selectinload(Complaint.followups),
                 selectinload(Complaint.agency))
    )
    for c in complaints:
        agency = _attribution(c, by_code)
        key = agency.code if agency else NO_AGENCY
        row = rows.get(key) or rows.setdefault(key, AgencyRow(key, agency.name if agency else "(tanpa instansi)"))
        row.received += 1
        if c.status == Status.HOAX:
            row.hoaxes += 1
        for d in c.dispositions:
            if d.action in DISPATCH_ACTIONS and d.suggestion_id is not None:
                row.suggestions_decided += 1
                row.suggestions_accepted += d.action == "confirm"
        dispatches = [d for d in c.dispositions if d.action in DISPATCH_ACTIONS and d.agency is not None]
        if not dispatches or agency is None or dispatches[-1].agency_id != agency.id:
            continue
        dispatch = dispatches[-1]
        row.dispatched += 1
        due = deadlines.followup_due(dispatch.created_at, agency.deadline_days)
        answer = next((f for f in sorted(c.followups, key=lambda f: (f.created_at, f.id))
                       if f.agency_id == agency.id and f.created_at >= dispatch.created_at), None)
        if answer is None:
            if c.status in (Status.FOLLOWED_UP, Status.CLOSED, Status.RETURNED):
                row.answered_unknown += 1  # imported without the date of the answer
            else:
                row.open += 1
                row.open_overdue += now > due
            continue
        row.response_days.append(working_days_between(cal, dispatch.created_at, answer.created_at))
        if answer.created_at <= due:
            row.on_time += 1
        else:
            row.late += 1
    ordered = sorted(rows.values(), key=lambda r: (r.agency == NO_AGENCY, -r.received, r.agency))
    total = AgencyRow("TOTAL", "Jumlah")
    for r in ordered:
        total.add(r)
    return PerformanceReport(period, now, ordered, total, str(cal.tz))


# How to read the report, in the words of the printed document (also the XLSX "Definisi" sheet).
DEFINITIONS_ID = [
    ("Masuk", "pengaduan yang diterima pada periode ini (menurut tanggal masuk), dikelompokkan menurut instansi "
              "disposisi terakhir; yang belum didisposisikan menurut instansi yang disarankan model."),
    ("Didisposisikan", "pengaduan yang diteruskan ke instansi tersebut. Jumlahnya = tepat waktu + terlambat + "
                       "belum ditindaklanjuti + ditindaklanjuti (tanggal tak diketahui)."),
    ("Tepat waktu / Terlambat", "tindak lanjut pertama instansi sesudah disposisi, dibandingkan dengan tenggat "
                                "hari kerja instansi (hari disposisi tidak dihitung; akhir pekan, libur nasional "
                                "dan cuti bersama tidak dihitung)."),
    ("Belum ditindaklanjuti", "belum ada tindak lanjut sampai laporan ini dibuat; '…lewat tenggat': yang "
                              "tenggatnya sudah lewat."),
    ("Tanggal tak diketahui", "pengaduan hasil impor SP4N-LAPOR! yang sudah ditindaklanjuti tetapi tanpa tanggal "
                              "tindak lanjut: tidak ikut dalam waktu tindak lanjut."),
    ("Median / P90", "waktu tindak lanjut dalam hari kerja dari hari disposisi; P90: 90% tindak lanjut "
                     "selesai dalam waktu ini atau lebih cepat."),
    ("% saran diterima", "dari keputusan verifikator atas saran model (konfirmasi atau alihkan), persentase "
                         "yang mengonfirmasi saran."),
    ("Hoaks", "pengaduan yang dinyatakan hoaks oleh verifikator."),
]
