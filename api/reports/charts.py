"""Small server-rendered SVG charts (no JavaScript, no network): they print as they show."""

from __future__ import annotations

from markupsafe import Markup, escape

COLORS = {"on_time": "#2e7d32", "late": "#c62828", "open": "#9e9e9e", "answered_unknown": "#90caf9",
          "median": "#1565c0", "p90": "#90a4ae"}
# Darker shades for numbers written on white beside a bar (the light bar colours are hard to read as text).
TEXT_COLORS = {"on_time": "#1b5e20", "late": "#b71c1c", "open": "#424242", "answered_unknown": "#0d47a1"}
INSIDE_MIN_WIDTH = 14  # narrower segments get their count written after the bar
LABELS = {"on_time": "Tepat waktu", "late": "Terlambat", "open": "Belum ditindaklanjuti",
          "answered_unknown": "Tanggal tak diketahui"}


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def stacked_bars(rows, keys=("on_time", "late", "open", "answered_unknown"), width: int = 640,
                 title: str = "Tindak lanjut per instansi") -> Markup:
    """One horizontal bar per agency, split by outcome; counts written in the segments, and after the bar
    (in the segment's colour, in order) for segments too narrow to hold their number."""
    rows = [r for r in rows if sum(getattr(r, k) for k in keys) > 0]
    label_w, bar_h, gap, top, right = 120, 16, 6, 40, 90
    height = top + len(rows) * (bar_h + gap) + 10
    longest = max((sum(getattr(r, k) for k in keys) for r in rows), default=1) or 1
    scale = (width - label_w - right) / longest
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" viewBox="0 0 {width} {height}" '
           f'width="100%" aria-label="{escape(title)}" font-family="sans-serif" font-size="11">',
           f'<title>{escape(title)}</title>']
    x = label_w
    for k in keys:  # legend
        out.append(f'<rect x="{x}" y="8" width="10" height="10" fill="{COLORS[k]}"/>'
                   f'<text x="{x + 14}" y="17">{escape(LABELS[k])}</text>')
        x += 24 + 6.2 * len(LABELS[k])
    for i, r in enumerate(rows):
        y = top + i * (bar_h + gap)
        out.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{escape(r.agency)}</text>')
        x = float(label_w)
        outside = []
        for k in keys:
            v = getattr(r, k)
            if not v:
                continue
            w = max(v * scale, 2.0)  # a count of 1 among hundreds stays visible
            out.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{COLORS[k]}">'
                       f'<title>{escape(r.agency)}: {escape(LABELS[k])} {v}</title></rect>')
            if w > INSIDE_MIN_WIDTH:
                out.append(f'<text x="{x + w / 2:.1f}" y="{y + 12}" text-anchor="middle" fill="#fff">{v}</text>')
            else:
                outside.append((k, v))
            x += w
        for k, v in outside:
            out.append(f'<text x="{x + 4:.1f}" y="{y + 12}" fill="{TEXT_COLORS[k]}" font-weight="bold" '
                       f'class="small-count">{v}<title>{escape(LABELS[k])} {v}</title></text>')
            x += 8 + 6.5 * len(str(v))
    if not rows:
        out.append(f'<text x="{label_w}" y="{top + 12}">Belum ada laporan yang didisposisikan.</text>')
    out.append("</svg>")
    return Markup("".join(out))


def response_times(rows, width: int = 640, title: str = "Waktu tindak lanjut (hari kerja)") -> Markup:
    """Median (dark bar) and 90th percentile (light bar behind it) of response times per agency."""
    rows = [r for r in rows if r.response_days]
    label_w, bar_h, gap, top = 120, 14, 8, 40
    height = top + len(rows) * (bar_h + gap) + 24
    longest = max((r.p90_days for r in rows), default=1) or 1
    scale = (width - label_w - 50) / longest
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" viewBox="0 0 {width} {height}" '
           f'width="100%" aria-label="{escape(title)}" font-family="sans-serif" font-size="11">',
           f'<title>{escape(title)}</title>',
           f'<rect x="{label_w}" y="8" width="10" height="10" fill="{COLORS["median"]}"/><text x="{label_w + 14}" y="17">Median</text>',
           f'<rect x="{label_w + 80}" y="8" width="10" height="10" fill="{COLORS["p90"]}"/><text x="{label_w + 94}" y="17">Persentil ke-90</text>']
    for i, r in enumerate(rows):
        y = top + i * (bar_h + gap)
        out.append(f'<text x="{label_w - 6}" y="{y + 11}" text-anchor="end">{escape(r.agency)}</text>')
        out.append(f'<rect x="{label_w}" y="{y}" width="{max(r.p90_days * scale, 1):.1f}" height="{bar_h}" fill="{COLORS["p90"]}">'
                   f'<title>{escape(r.agency)}: P90 {_fmt(r.p90_days)}</title></rect>')
        out.append(f'<rect x="{label_w}" y="{y + 3}" width="{max(r.median_days * scale, 1):.1f}" height="{bar_h - 6}" '
                   f'fill="{COLORS["median"]}"><title>{escape(r.agency)}: median {_fmt(r.median_days)}</title></rect>')
        out.append(f'<text x="{label_w + r.p90_days * scale + 4:.1f}" y="{y + 11}">{_fmt(r.median_days)} / {_fmt(r.p90_days)}</text>')
    if not rows:
        out.append(f'<text x="{label_w}" y="{top + 12}">Belum ada tindak lanjut pada periode ini.</text>')
    out.append("</svg>")
    return Markup("".join(out))
