"""Report figures against values computed by hand on a small fixture (January 2024, Asia/Jakarta).

Deadlines: DINKES 3 working days, DPUPR 14. January 2024 has one national holiday (the 1st), not used.
"""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from api import extensions
from api.models import Agency, Complaint, Disposition, FollowUp, Suggestion
from api.reports.performance import Period, nearest_rank, performance_report, working_days_between

WIB = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2024, 2, 1, 5, 0, tzinfo=dt.UTC)


def at(day: int, hour: int = 10, month: int = 1, year: int = 2024, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB).astimezone(dt.UTC)


@pytest.fixture
def fixture_db(db_session):
    s = db_session
    ag = {a.code: a for a in s.query(Agency)}
    n = iter(range(1, 100))

    def complaint(received, status, suggested=None):
        c = Complaint(tracking_id=f"LPR-T{next(n):07d}", text="laporan", channel="web", confidentiality="public",
                      status=status, received_at=received)
        s.add(c)
        sug = None
        if suggested:
            sug = Suggestion(complaint=c, model_name="m", model_version="v1", payload={}, top_agency=suggested)
            s.add(sug)
            c.suggested_agency = suggested
        s.flush()
        return c, sug

    def decide(c, action, code, when, sug=None):
        c.dispositions.append(Disposition(action=action, agency_id=ag[code].id if code else None, user="user:rina",
                                          created_at=when, suggestion_id=sug.id if sug else None))
        if code and action in ("confirm", "reassign"):
            c.agency_id = ag[code].id

    def answer(c, code, when, status="in_progress"):
        c.followups.append(FollowUp(agency_id=ag[code].id, status=status, text="ok", user="user:x", created_at=when))

    c1, s1 = complaint(at(15), "followed_up", "DINKES")
    decide(c1, "confirm", "DINKES", at(15, 11), s1)
    answer(c1, "DINKES", at(17))  # 2 working days, due end of Thu 18: on time
    c2, s2 = complaint(at(16), "closed", "DPUPR")
    decide(c2, "reassign", "DINKES", at(16, 11), s2)
    answer(c2, "DINKES", at(22), "done")  # 17, 18, 19, 22: 4 days, due end of Fri 19: late
    c3, s3 = complaint(at(17), "dispatched", "DINKES")
    decide(c3, "confirm", "DINKES", at(17, 11), s3)  # due end of Mon 22; now Feb 1: open, overdue
    c4, _ = complaint(at(19), "followed_up")
    decide(c4, "reassign", "DINKES", at(19, 11))
    answer(c4, "DINKES", at(20))  # Saturday: 0 working days, on time
    c5, s5 = complaint(at(15), "followed_up", "DPUPR")
    decide(c5, "confirm", "DPUPR", at(15, 11), s5)
    answer(c5, "DPUPR", at(26))  # 9 working days of 14: on time
    c6, s6 = complaint(at(18), "hoax", "DINKES")
    decide(c6, "hoax", None, at(18, 11), s6)  # attributed to the suggested agency
    complaint(at(31, 23, minute=30), "received", "DPUPR")  # last evening of the month: counted
    complaint(at(1, 0, month=2, minute=30), "received", "DPUPR")  # February (17:30 UTC on Jan 31): not counted
    complaint(at(31, 23, month=12, year=2023), "received", "DPUPR")  # December: not counted
    complaint(at(20), "received")  # no agency at all
    c11, _ = complaint(at(22), "closed")
    decide(c11, "reassign", "DPUPR", at(22, 11))  # closed, but no answer date (an import): unknown
    c12, s12 = complaint(at(22), "followed_up", "DPUPR")
    decide(c12, "confirm", "DPUPR", at(22, 11), s12)
    answer(c12, "DPUPR", at(23), "not_our_authority")
    decide(c12, "reassign", "DINKES", at(24), s12)
    answer(c12, "DINKES", at(25))  # 1 working day after the latest dispatch: on time
    s.commit()
    return s


@pytest.fixture
def report(fixture_db, app):
    return performance_report(fixture_db, Period.month("2024-01"), extensions.deadlines(app), now=NOW)


def test_figures_by_hand(report):
    rows = {r.agency: r.to_dict() for r in report.rows}
    assert list(rows) == ["DINKES", "DPUPR", "-"]
    assert rows["DINKES"] == {
        "agency": "DINKES", "agency_name": "Dinas Kesehatan", "received": 6, "dispatched": 5, "on_time": 3,
        "late": 1, "open": 1, "open_overdue": 1, "answered_unknown": 0, "on_time_share": 0.75,
        "median_days": 1.5, "p90_days": 4.0, "suggestions_decided": 5, "suggestions_accepted": 3,
        "accepted_share": 0.6, "hoaxes": 1}
    dpupr = rows["DPUPR"]
    assert (dpupr["received"], dpupr["dispatched"], dpupr["on_time"], dpupr["late"], dpupr["open"],
            dpupr["answered_unknown"], dpupr["median_days"], dpupr["p90_days"], dpupr["accepted_share"]) == \
        (3, 2, 1, 0, 0, 1, 9.0, 9.0, 1.0)
    assert rows["-"]["received"] == 1 and rows["-"]["dispatched"] == 0
    total = report.total.to_dict()
    assert (total["received"], total["dispatched"], total["on_time"], total["late"], total["open"],
            total["answered_unknown"], total["hoaxes"]) == (10, 7, 4, 1, 1, 1, 1)
    assert (total["median_days"], total["p90_days"]) == (2.0, 9.0)  # [0, 1, 2, 4, 9]
    assert (total["suggestions_decided"], total["suggestions_accepted"]) == (6, 4)


def test_period_and_helpers(app):
    cal = extensions.deadlines(app).calendar
    assert working_days_between(cal, at(19), at(22)) == 1  # Fri -> Mon
    assert working_days_between(cal, at(15), at(15, 18)) == 0
    assert working_days_between(cal, at(29, month=12, year=2023), at(2)) == 1  # Fri -> Tue: Jan 1 is a holiday
    assert nearest_rank([5, 1, 3, 2, 4, 6, 7, 8, 9, 10], 0.9) == 9 and nearest_rank([], 0.9) is None
    p = Period.month("2024-02")
    assert (p.start, p.end, p.label()) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "Februari 2024")
    assert Period.parse(start="2024-01-05", end="2024-01-10").label() == "5 Januari 2024 – 10 Januari 2024"


def test_page_with_charts(client, fixture_db, verifier):
    resp = client.get("/reports/performance?month=2024-01", headers=verifier)
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert html.count("<svg") == 2 and "Dinas Kesehatan" in html and "Januari" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing loaded from elsewhere
    assert "<script" not in html


def test_csv(client, fixture_db, scientist):
    resp = client.get("/reports/performance.csv?from=2024-01-01&to=2024-01-31", headers=scientist)
    assert resp.status_code == 200 and "kinerja-instansi-2024-01.csv" in resp.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True).lstrip("\ufeff"))))
    dinkes = next(r for r in rows if r["agency"] == "DINKES")
    assert (dinkes["received"], dinkes["on_time"], dinkes["median_days"], dinkes["accepted_share"]) == ("6", "3", "1.5", "60.0")
    assert rows[-1]["agency"] == "TOTAL" and rows[-1]["received"] == "10"


def test_xlsx(client, fixture_db, admin):
    resp = client.get("/reports/performance.xlsx?month=2024-01", headers=admin)
    assert resp.status_code == 200
    wb = load_workbook(io.BytesIO(resp.data))
    ws = wb["Kinerja instansi"]
    header = [c.value for c in ws[4]]
    assert header[:3] == ["Kode", "Instansi", "Masuk"]
    first = dict(zip(header, [c.value for c in ws[5]], strict=True))
    assert (first["Kode"], first["Masuk"], first["Tepat waktu"], first["P90 hari kerja"]) == ("DINKES", 6, 3, 4)
    assert first["% saran diterima"] == pytest.approx(0.6)
    assert "Definisi" in wb.sheetnames


def test_monthly_document_prints_on_a4(client, fixture_db, verifier):
    html = client.get("/reports/monthly?month=2024-01", headers=verifier).get_data(as_text=True)
    assert "size: A4" in html and "@media print" in html and "Laporan Kinerja" in html
    assert "Pada periode Januari 2024 diterima 10 pengaduan; 7 didisposisikan" in html


def test_json_and_roles(client, fixture_db, make_user, verifier):
    data = client.get("/reports/performance.json?month=2024-01", headers=verifier).json
    assert data["period"] == {"from": "2024-01-01", "to": "2024-01-31", "label": "Januari 2024"}
    assert data["total"]["received"] == 10
    assert client.get("/reports/performance.json").status_code == 401
    officer = make_user("agency_officer", agency="DINKES")
    assert client.get("/reports/performance.json", headers=officer).status_code == 403
    bad = client.get("/reports/performance.json?month=2024-13", headers=verifier)
    assert bad.status_code == 422 and "YYYY-MM" in bad.json["error"]["message"]


def test_cli_writes_each_format(fixture_db, app_config, tmp_path):
    from click.testing import CliRunner

    from api.reports.cli import report

    env = {"TRIAGE_DATABASE_URL": app_config["DATABASE_URL"], "TRIAGE_INSTANCE_PATH": str(tmp_path / "inst"),
           "TRIAGE_MODEL": ""}
    runner = CliRunner()
    for name in ("r.csv", "r.xlsx", "r.json", "r.html"):
        out = runner.invoke(report, ["performance", "--month", "2024-01", "-o", str(tmp_path / name)], env=env,
                            catch_exceptions=False)
        assert out.exit_code == 0 and "10 complaints" in out.output, out.output
    assert "size: A4" in (tmp_path / "r.html").read_text()
    text = runner.invoke(report, ["performance", "--month", "2024-01"], env=env).output
    assert "DINKES\t6\t5\t3\t1\t1\t1.5\t4\t60%\t1" in text
