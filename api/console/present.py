"""Turning service objects into what templates show: text segments, durations, labels. No database."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from api import workflow
from api.models import utcnow
from triage.text import placeholders

MONTHS_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
PII_LABELS_ID = {"NIK": "NIK", "KK": "Nomor KK", "NIP": "NIP", "NPWP": "NPWP", "BPJS": "No. BPJS/KIS",
                 "TELEPON": "Telepon", "EMAIL": "Email", "PLAT": "Plat nomor", "REKENING": "Rekening",
                 "ALAMAT": "Alamat", "NAMA": "Nama", "URL": "Tautan"}


def text_segments(text: str, spans, masked: bool) -> list[tuple[str, str | None]]:
    """[(piece, pii_kind or None)]: personal data as its own pieces, or as "[KIND]" when masked."""
    out, pos = [], 0
    for sp in sorted(spans, key=lambda s: s.start):
        if sp.start < pos:
            continue
        if sp.start > pos:
            out.append((text[pos:sp.start], None))
        out.append((placeholders.human(sp.kind) if masked else text[sp.start:sp.end], sp.kind))
        pos = sp.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


# Dates typed in the console are Indonesian (hh/bb/tttt): browsers' native date inputs follow the browser's
# locale (mm/dd/yyyy in an English browser), so the pages use text inputs with this pattern.
DAY_PATTERN = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2}"
MONTH_PATTERN = r"\d{1,2}/\d{4}|\d{4}-\d{2}"
_DAY_RE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_MONTH_RE = re.compile(r"^\s*(\d{1,2})/(\d{4})\s*$")


def parse_day(value: str) -> dt.date:
    """"31/12/2024" (also 31-12-2024, 31.12.2024) or ISO "2024-12-31"; ValueError otherwise."""
    m = _DAY_RE.match(value or "")
    if m:
        day, month, year = (int(g) for g in m.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat((value or "").strip())


def parse_month(value: str) -> tuple[int, int]:
    """"12/2024" or ISO "2024-12" -> (2024, 12); ValueError otherwise."""
    m = _MONTH_RE.match(value or "")
    year, month = (int(m.group(2)), int(m.group(1))) if m else (int(x) for x in (value or "").strip().split("-"))
    dt.date(year, month, 1)  # range check
    return year, month


def format_day(value: dt.date | None) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}" if value else ""


def local(value: dt.datetime | None, tz: ZoneInfo) -> str:
    if value is None:
        return "—"
    v = value.astimezone(tz)
    return f"{v.day} {MONTHS_ID[v.month - 1]} {v.year} {v:%H:%M}"


def local_date(value: dt.datetime | None, tz: ZoneInfo) -> str:
    if value is None:
        return "—"
    v = value.astimezone(tz)
    return f"{v.day} {MONTHS_ID[v.month - 1]} {v.year}"


def duration(delta: dt.timedelta) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} menit"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} jam"
    return f"{hours // 24} hari"


def deadline(due: dt.datetime | None, now: dt.datetime | None = None) -> tuple[str, str]:
    """(label, risk) with risk one of overdue / soon (within 24 h) / ok / paused."""
    if due is None:
        return "Jam berhenti", "paused"
    now = now or utcnow()
    left = due - now
    if left.total_seconds() < 0:
        return f"Terlambat {duration(left)}", "overdue"
    return f"Sisa {duration(left)}", "soon" if left < dt.timedelta(hours=24) else "ok"


def percent(p: float | None) -> str:
    return "—" if p is None else f"{round(100 * p)}%"


def filters_for_template():
    return {
        "bands": workflow.BAND_LABELS_ID,
        "channels": workflow.CHANNEL_LABELS_ID,
        "confidentiality": workflow.CONFIDENTIALITY_LABELS_ID,
    }
