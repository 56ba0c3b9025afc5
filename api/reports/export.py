"""The performance report as CSV (UTF-8 with BOM, so spreadsheets show Indonesian names) and XLSX."""

from __future__ import annotations

import csv
import io

from api.reports.performance import COLUMNS, DEFINITIONS_ID, PerformanceReport

SHARES = {"on_time_share", "accepted_share"}


def _cell(row: dict, key: str):
    v = row[key]
    if v is None:
        return ""
    if key in SHARES:
        return round(v * 100, 1)
    if isinstance(v, float):
        return round(v, 1)
    return v


def to_csv(report: PerformanceReport) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["period_from", "period_to"] + [k for k, _, _ in COLUMNS])
    for r in [*report.rows, report.total]:
        d = r.to_dict()
        w.writerow([report.period.start.isoformat(), report.period.end.isoformat()] + [_cell(d, k) for k, _, _ in COLUMNS])
    return "\ufeff" + buf.getvalue()


def to_xlsx(report: PerformanceReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Kinerja instansi"
    ws.append([f"Kinerja penanganan pengaduan per instansi — {report.period.label()}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([f"Periode {report.period.start.isoformat()} s.d. {report.period.end.isoformat()} (tanggal masuk); "
               f"dibuat {report.generated_at:%Y-%m-%d %H:%M} UTC"])
    ws.append([])
    ws.append([label.replace("\u00ad", "") for _, label, _ in COLUMNS])
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F0")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r in [*report.rows, report.total]:
        d = r.to_dict()
        ws.append([_cell(d, k) if k not in SHARES else (d[k] if d[k] is not None else None) for k, _, _ in COLUMNS])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for i, (key, _, _) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = 34 if key == "agency_name" else 13
        if key in SHARES:
            for row in ws.iter_rows(min_row=header_row + 1, min_col=i, max_col=i):
                row[0].number_format = "0.0%"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=3)
    defs = wb.create_sheet("Definisi")
    for term, meaning in DEFINITIONS_ID:
        defs.append([term, meaning])
        defs.cell(row=defs.max_row, column=1).font = Font(bold=True)
    defs.column_dimensions["A"].width = 26
    defs.column_dimensions["B"].width = 120
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
