"""The report charts label every bar segment, however small."""

from __future__ import annotations

import re
from types import SimpleNamespace

from api.reports import charts


def _row(agency, on_time=0, late=0, open=0, answered_unknown=0):
    return SimpleNamespace(agency=agency, on_time=on_time, late=late, open=open, answered_unknown=answered_unknown)


def test_small_segments_are_labelled_after_the_bar():
    svg = str(charts.stacked_bars([_row("DPUPR", on_time=120, late=1, open=2), _row("DLH", late=1)]))
    dpupr = svg.split(">DPUPR</text>")[1].split(">DLH</text>")[0]
    inside = re.findall(r'fill="#fff">(\d+)</text>', dpupr)
    small = re.findall(r'class="small-count">(\d+)<title>([^<]+)</title>', dpupr)
    assert inside == ["120"]
    assert small == [("1", "Terlambat 1"), ("2", "Belum ditindaklanjuti 2")]
    # A lone small bar keeps its number too, inside or after it.
    dlh = svg.split(">DLH</text>")[1]
    assert re.search(r">1(<title>|</text>)", dlh)


def test_every_segment_with_a_count_has_a_visible_number():
    rows = [_row(f"A{i}", on_time=i * 40, late=i % 3, open=1, answered_unknown=(i % 2)) for i in range(1, 8)]
    svg = str(charts.stacked_bars(rows))
    shown = len(re.findall(r'fill="#fff">\d+</text>', svg)) + len(re.findall(r'class="small-count">\d+<', svg))
    segments = sum(1 for r in rows for k in ("on_time", "late", "open", "answered_unknown") if getattr(r, k))
    assert shown == segments
