"""Importing messy SP4N-LAPOR! exports: extra columns, Indonesian dates, blank rows, duplicates,
unknown agencies, XLSX; idempotency; review list; history as training data."""

import csv
import datetime as dt
import json

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from api import extensions
from api.imports import reviews
from api.imports.lapor import ImportFailed, import_lapor
from api.imports.models import AgencyNameReview, ImportBatch, ImportedRecord
from api.models import Agency, Complaint, Disposition, Event, FollowUp

HEADER = ["No", "Tracking ID", "Tanggal Masuk", "Judul", "Isi Laporan", "Kategori", "Klasifikasi", "Dinas Tujuan",
          "Status", "Sumber Laporan", "Tanggal Disposisi", "Tanggal Tindak Lanjut", "Kolom Tambahan"]
ROWS = [
    # 2024-01-12 is a Friday; DPUPR has 14 working days, DINKES 3.
    ["1", "4512001", "12 Januari 2024", "Jalan rusak", "Jalan desa berlubang parah", "Infrastruktur", "Pengaduan",
     "Dinas PU", "Selesai", "Website", "15/01/2024 09:00", "17 Januari 2024 10.00 WIB", "x"],
    ["2", "4512002", "12/01/2024 08:30", "", "Puskesmas tutup jam 10 pagi", "Kesehatan", "Pengaduan",
     "Dinas Kesehatan Kab. Sukamaju Raya", "Proses", "SMS 1708", "2024-01-12", "", ""],
    [],
    ["3", "4512003", "2024-01-13", "Berita bohong", "Sebarkan! air PDAM beracun", "Lainnya", "Informasi",
     "", "Hoaks", "Twitter", "", "", ""],
    ["4", "4512004", "13 Jan 2024", "Parkir liar", "Parkir liar di pasar", "Perhubungan", "Aspirasi",
     "Kantor Pos Indonesia", "Terverifikasi", "Android", "", "", ""],
    ["5", "4512001", "12 Januari 2024", "Jalan rusak", "Jalan desa berlubang parah (dobel)", "", "", "DPUPR",
     "Selesai", "Website", "", "", ""],
    ["6", "4512006", "kemarin sore", "Lampu mati", "Lampu jalan mati", "", "", "Dishub", "Proses", "Website", "",
     "", ""],
    ["7", "4512007", "14 Januari 2024", "Sampah", "", "", "", "DLH", "Belum Terverifikasi", "Website", "", "", ""],
    ["8", "4512008", "15 Januari 2024", "KTP", "KTP belum jadi tiga bulan", "Kependudukan", "Pengaduan",
     "Disdukcapil", "Status Aneh", "Website", "", "", ""],
    ["", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["9", "4512009", "16 Januari 2024", "Bansos", "Bansos tidak tepat sasaran", "Sosial", "Keluhan Umum",
     "Dinas Sosial", "Belum Terverifikasi", "Instagram", "", "", ""],
]


def write_csv(path, rows=ROWS, header=HEADER, delimiter=";", preamble=True):
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        if preamble:  # exports often start with a title line
            w.writerow(["Rekap Laporan SP4N-LAPOR! Januari 2024"])
            w.writerow([])
        w.writerow(header)
        w.writerows(rows)
    return path


def write_xlsx(path, rows=ROWS, header=HEADER):
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append([dt.datetime(2024, 1, 12, 8, 30) if v == "12/01/2024 08:30" else v for v in r] if r else [None])
    wb.save(path)
    return path


@pytest.fixture
def policy(app):
    return extensions.deadlines(app)


@pytest.fixture
def messy_csv(tmp_path):
    return write_csv(tmp_path / "lapor_januari.csv")


def count(s, model):
    return s.scalar(select(func.count()).select_from(model))


def test_messy_csv(db_session, policy, messy_csv):
    r = import_lapor(db_session, messy_csv, policy)
    assert (r.rows, r.created, r.unchanged, r.held, r.failed, r.blank) == (9, 5, 0, 1, 3, 2)
    assert (r.parked, r.queued) == (1, 0)  # "Belum Terverifikasi": history, not the queue
    assert r.ignored_columns == ["No", "Kolom Tambahan"]
    errors = {p.row: p for p in r.problems if p.skipped}
    # Rows are numbered as a spreadsheet shows them: title line 1, blank 2, header 3, first data row 4.
    assert errors[9].column == "Tracking ID" and "duplicate tracking id '4512001' (first on row 4)" in errors[9].message
    assert errors[10].column == "Tanggal Masuk" and "kemarin sore" in errors[10].message
    assert errors[11].column == "Isi Laporan" and "empty" in errors[11].message
    assert 12 not in errors  # an unknown status is a warning: the row is imported with a default
    assert f"{messy_csv}: row 10, column 'Tanggal Masuk'" in errors[10].describe(str(messy_csv))
    warnings = [p for p in r.problems if not p.skipped]
    assert [(p.row, p.column, p.kind, p.value) for p in warnings] == [(12, "Status", "no rule for the status", "Status Aneh")]
    assert "imported as dispatched" in warnings[0].message  # it names an agency: dispatched to it
    assert list(r.reviews) == ["kantor pos indonesia"]
    assert count(db_session, Complaint) == 5 and count(db_session, ImportedRecord) == 5
    groups = {(g["severity"], g["kind"]): g for g in r.problem_groups()}
    assert groups[("warning", "no rule for the status")]["values"] == {"Status Aneh": 1}
    assert groups[("error", "unreadable date")]["first_rows"] == [10]


def test_imported_history_is_training_data(db_session, policy, messy_csv):
    import_lapor(db_session, messy_csv, policy)
    rec = {r.external_id: r for r in db_session.scalars(select(ImportedRecord))}
    closed = rec["4512001"].complaint
    assert closed.status == "closed" and closed.agency.code == "DPUPR" and closed.channel == "web"
    assert closed.received_at == dt.datetime(2024, 1, 11, 17, 0, tzinfo=dt.UTC)
    [d] = closed.dispositions
    assert d.user == "import:lapor" and d.action == "reassign" and d.agency.code == "DPUPR"
    assert d.created_at == dt.datetime(2024, 1, 15, 2, 0, tzinfo=dt.UTC) and d.suggestion_id is None
    [fu] = closed.followups
    assert fu.status == "done" and fu.created_at == dt.datetime(2024, 1, 17, 3, 0, tzinfo=dt.UTC)
    assert [(e.type, e.to_status) for e in closed.events] == [
        ("received", "received"), ("disposition", "dispatched"), ("followup", "followed_up"), ("followup", "closed")]
    assert closed.events[1].data["human_decision"] is True and closed.events[1].data["category"] == "Infrastruktur"
    assert rec["4512001"].data["category"] == "Infrastruktur" and rec["4512001"].data["classification"] == "pengaduan"

    fuzzy = rec["4512002"].complaint
    assert fuzzy.agency.code == "DINKES" and fuzzy.status == "followed_up" and fuzzy.channel == "sms"
    assert rec["4512002"].data["agency_match"] == "fuzzy" and fuzzy.followups == []  # no date: no follow-up row

    hoax = rec["4512003"].complaint
    assert hoax.status == "hoax" and hoax.agency is None and hoax.channel == "social"
    assert [d.action for d in hoax.dispositions] == ["hoax"]

    waiting = rec["4512009"].complaint  # still open in LAPOR!: history, out of the queue
    assert waiting.status == "archived" and waiting.dispositions == [] and waiting.due_at is None
    assert waiting.events[-1].type == "imported" and waiting.events[-1].data["lapor_status"] == "Belum Terverifikasi"
    assert rec["4512009"].data["parked"] is True


def test_reimport_changes_nothing(db_session, policy, messy_csv):
    import_lapor(db_session, messy_csv, policy)
    before = {m.__name__: count(db_session, m) for m in (Complaint, Event, Disposition, FollowUp, ImportedRecord)}
    r = import_lapor(db_session, messy_csv, policy)
    assert (r.created, r.unchanged, r.held, r.failed) == (0, 5, 1, 3) and r.nothing_new  # the held row stays held
    assert r.earlier_batch is not None
    assert {m.__name__: count(db_session, m) for m in (Complaint, Event, Disposition, FollowUp, ImportedRecord)} == before
    assert count(db_session, ImportBatch) == 2


def test_changed_row_is_reported_not_overwritten(db_session, policy, tmp_path):
    import_lapor(db_session, write_csv(tmp_path / "a.csv", ROWS[:1]), policy)
    changed = [ROWS[0][:4] + ["Jalan desa berlubang, sudah diperbaiki?"] + ROWS[0][5:]]
    r = import_lapor(db_session, write_csv(tmp_path / "b.csv", changed), policy)
    assert r.unchanged == 1 and "different values" in r.problems[0].message
    assert db_session.scalar(select(Complaint.text)) == "Jalan desa berlubang parah"


def test_review_then_reimport_brings_held_rows_in(db_session, policy, messy_csv, client, verifier):
    import_lapor(db_session, messy_csv, policy)
    [review] = reviews.list_reviews(db_session)
    assert (review.name, review.rows, review.status) == ("Kantor Pos Indonesia", 1, "pending")
    listed = client.get("/imports/reviews.json", headers=verifier).json["items"]
    assert [i["name"] for i in listed] == ["Kantor Pos Indonesia"]
    reviews.resolve(db_session, "kantor pos  INDONESIA", "DISHUB", "user:rina")
    assert "Kantor Pos Indonesia" in db_session.scalar(select(Agency).where(Agency.code == "DISHUB")).aliases
    r = import_lapor(db_session, messy_csv, policy)
    assert (r.created, r.unchanged, r.held) == (1, 5, 0)
    c = db_session.scalar(select(ImportedRecord).where(ImportedRecord.external_id == "4512004")).complaint
    assert c.agency.code == "DISHUB" and c.status == "dispatched" and c.channel == "app"
    assert reviews.list_reviews(db_session) == []
    assert client.get("/imports/reviews.json?status=resolved", headers=verifier).json["items"][0]["agency"] == "DISHUB"


def test_dry_run_stores_nothing(db_session, policy, messy_csv):
    r = import_lapor(db_session, messy_csv, policy, dry_run=True)
    assert (r.created, r.held, r.failed) == (5, 1, 3)
    for model in (Complaint, Event, ImportedRecord, ImportBatch, AgencyNameReview):
        assert count(db_session, model) == 0


def test_xlsx(db_session, policy, tmp_path):
    r = import_lapor(db_session, write_xlsx(tmp_path / "lapor.xlsx"), policy)
    assert (r.created, r.held, r.failed) == (5, 1, 3)
    c = db_session.scalar(select(ImportedRecord).where(ImportedRecord.external_id == "4512002")).complaint
    assert c.received_at == dt.datetime(2024, 1, 12, 1, 30, tzinfo=dt.UTC)
    errors = {p.row for p in r.problems if p.skipped}
    assert errors == {7, 8, 9}  # header on row 1: data rows 2.. (duplicate, bad date, no text)


def test_custom_mapping_yaml(db_session, policy, tmp_path):
    path = tmp_path / "other.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Nomor", "Waktu", "Uraian", "Unit Kerja", "Kondisi"])
        w.writerow(["A-1", "2 Februari 2024", "Air PDAM mati", "PDAM", "Sudah Beres"])
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns:\n  tracking_id: Nomor\n  received_at: Waktu\n  text: Uraian\n  agency: Unit Kerja\n"
                       "  status: Kondisi\nstatuses:\n  Sudah Beres: closed\n", encoding="utf-8")
    r = import_lapor(db_session, path, policy, mapping_path=mapping)
    assert r.created == 1, r.problems
    assert db_session.scalar(select(Complaint.status)) == "closed"


def test_missing_column_names_file_and_header(db_session, policy, tmp_path):
    path = write_csv(tmp_path / "bad.csv", ROWS[:1], header=["Nomor"] + HEADER[2:], preamble=False)
    with pytest.raises(ImportFailed, match=r"bad.csv: row 1: no column for tracking_id \(one of: tracking_id, Tracking ID"):
        import_lapor(db_session, path, policy)


def test_unreadable_file(db_session, policy, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a workbook")
    with pytest.raises(ImportFailed, match="x.xlsx: not a readable XLSX"):
        import_lapor(db_session, path, policy)


@pytest.fixture
def run(app_config, tmp_path):
    from click.testing import CliRunner

    env = {"TRIAGE_DATABASE_URL": app_config["DATABASE_URL"], "TRIAGE_INSTANCE_PATH": str(tmp_path / "inst"),
           "TRIAGE_MODELS_DIR": str(tmp_path / "models"), "TRIAGE_MODEL": ""}

    def invoke(*args):
        from api.imports.cli import import_group

        return CliRunner().invoke(import_group, list(args), env=env, catch_exceptions=False)

    return invoke


def test_cli(run, messy_csv, app):
    out = run("lapor", str(messy_csv), "--dry-run", "--no-progress")
    assert out.exit_code == 0 and "would import" in out.output
    out = run("lapor", str(messy_csv), "--no-progress")
    lines = out.output.splitlines()
    assert any(ln.split() == ["imported", "5"] for ln in lines), out.output
    assert any(ln.split()[:4] == ["failed", "3", "(see", "the"] for ln in lines)
    assert "error   unreadable date (column 'Tanggal Masuk'): 1 row(s), rows 10; values: 'kemarin sore' 1" in out.output
    details = next(ln for ln in lines if ln.startswith("details of every row: ")).split(": ", 1)[1]
    with open(details, encoding="utf-8-sig") as fh:
        listed = list(csv.DictReader(fh))
    assert {(d["row"], d["column"], d["severity"]) for d in listed} >= {("10", "Tanggal Masuk", "error"),
                                                                        ("12", "Status", "warning")}
    assert "Kantor Pos Indonesia" in run("reviews").output
    assert run("resolve", "Kantor Pos Indonesia", "NOPE").exit_code == 1
    assert "-> DISHUB" in run("resolve", "Kantor Pos Indonesia", "DISHUB").output
    summary = json.loads(run("lapor", str(messy_csv), "--json").output)
    assert (summary["created"], summary["unchanged"], summary["held_for_review"]) == (1, 5, 0)
    again = run("lapor", str(messy_csv), "--no-progress").output
    assert "nothing new: every report in this file was imported before, first imported in batch " in again
    assert "lapor_januari.csv" in run("batches").output
    assert run("lapor", "/nonexistent.csv").exit_code == 1


def test_imported_decisions_are_exported_for_training(db_session, policy, messy_csv):
    from api.training_data import export_decisions

    import_lapor(db_session, messy_csv, policy)
    rows = {r["text"][:20]: r for r in export_decisions(db_session).rows}
    road = rows["Jalan desa berlubang"]
    assert (road["agency"], road["category"], road["source"], road["action"]) == ("DPUPR", "Infrastruktur", "import", "reassign")
    assert road["decided_at"].startswith("2024-01-15T02:00")
    assert rows["Sebarkan! air PDAM b"]["hoax"] == 1
    assert len(rows) == 4  # + the unknown status dispatched to Disdukcapil; the one still waiting has no decision


def test_resolve_without_a_code_needs_an_exact_name(db_session, policy, tmp_path, run):
    """The issue's case: a kecamatan not in the directory must not be resolved to the closest one."""
    rows = [["1", "4600001", "2 Mei 2024", "Jalan", "Jalan kecamatan rusak", "", "", "Kecamatan Baleendah", "Selesai",
             "Website", "", "", ""]]
    import_lapor(db_session, write_csv(tmp_path / "kec.csv", rows), policy)
    [review] = reviews.list_reviews(db_session)
    assert review.name == "Kecamatan Baleendah" and review.candidate is None
    out = run("resolve", "Kecamatan Baleendah")
    assert out.exit_code == 1 and review.status == "pending"
    assert "is not the code, name or alias of an agency" in out.output and "Closest: KEC_" in out.output
    db_session.expire_all()
    assert reviews.list_reviews(db_session)[0].status == "pending"
    # Once the directory knows it (e.g. after `triage agencies import`), no code is needed.
    db_session.add(Agency(code="KEC_BALEENDAH", name="Kecamatan Baleendah", aliases=[], deadline_days=5, active=True))
    db_session.commit()
    assert "-> KEC_BALEENDAH" in run("resolve", "Kecamatan Baleendah").output


def test_open_to_queue_puts_open_reports_in_the_queue_with_a_suggestion_job(run, messy_csv, db_session, policy):
    from api.jobs.models import JobRecord

    out = run("lapor", str(messy_csv), "--no-progress", "--open-to-queue")
    assert out.exit_code == 0, out.output
    assert any(ln.split()[:7] == ["of", "which", "open,", "put", "in", "the", "queue"] and ln.split()[7] == "1"
               for ln in out.output.splitlines()), out.output
    waiting = db_session.scalar(select(ImportedRecord).where(ImportedRecord.external_id == "4512009")).complaint
    assert waiting.status == "received" and waiting.verify_due == policy.verify_due(waiting.received_at)
    [job] = db_session.scalars(select(JobRecord)).all()
    assert job.kind == "reclassify" and job.status == "queued" and f"job {job.id}" in out.output
