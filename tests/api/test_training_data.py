"""`triage export` and the data of `triage train --from-db`: one row per complaint, its latest effective
human decision, masked text, relabelled agencies; test data always later than training data."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from click.testing import CliRunner

from api.models import Agency, Disposition
from api.training_data import export_decisions, write_rows
from training.from_db import combine, seed_frame, to_labelled

ROAD = "Jalan di desa kami rusak parah dan berlubang, mohon diperbaiki. Hubungi 081234567890."
WATER = "Air PDAM tidak mengalir sudah tiga hari di perumahan kami."


def _imported_decision(db_session, tid, agency_code, human: bool):
    """What an import of LAPOR! history writes: a disposition by a non-user actor and its event."""
    from api.models import Complaint, Event, utcnow

    c = db_session.query(Complaint).filter_by(tracking_id=tid).one()
    agency = db_session.query(Agency).filter_by(code=agency_code).one()
    now = utcnow()
    data = {"action": "reassign", "agency": agency_code, **({"human_decision": True} if human else {})}
    c.events.append(Event(type="disposition", from_status=c.status, to_status="dispatched", actor="import:lapor",
                          data=data, at=now))
    c.dispositions.append(Disposition(action="reassign", agency_id=agency.id, user="import:lapor", created_at=now))
    c.status = "dispatched"
    db_session.commit()


def _codes(db_session, n=3):
    return [a.code for a in db_session.query(Agency).filter_by(active=True).order_by(Agency.code).limit(n)]


def test_one_row_per_complaint_latest_effective_human_decision(submit, decide, db_session, api_key, make_user, client):
    a, b, c = _codes(db_session)
    confirmed = submit(ROAD)
    decide(confirmed, "reassign", agency=a)
    reassigned = submit(WATER)
    decide(reassigned, "reassign", agency=b)
    archived = submit("Saya mau tanya saja.")
    decide(archived, "archive")
    hoax = submit("Sebarkan! Besok ada pembagian uang gratis di balai kota.")
    decide(hoax, "hoax")
    by_import = submit(WATER + " lagi", headers=api_key)
    _imported_decision(db_session, by_import, a, human=False)  # made by a system, not a person
    # Dispatched, handed back by the agency: not a label; then re-decided: the new decision counts once.
    returned = submit("Lampu jalan mati di gang kami.")
    decide(returned, "reassign", agency=a)
    officer = make_user("agency_officer", agency=a)
    resp = client.post(f"/api/v1/complaints/{returned}/followup",
                       json={"status": "not_our_authority", "text": "Bukan kewenangan kami"}, headers=officer)
    assert resp.status_code == 200, resp.json
    before = {r["id"] for r in export_decisions(db_session).rows}
    assert returned not in before
    decide(returned, "reassign", agency=c)

    result = export_decisions(db_session)
    rows = {r["id"]: r for r in result.rows}
    assert len(rows) == len(result.rows)  # never twice
    assert set(rows) == {confirmed, reassigned, hoax, returned}
    assert rows[confirmed]["agency"] == a and rows[returned]["agency"] == c and rows[reassigned]["agency"] == b
    assert rows[hoax]["hoax"] == 1 and rows[hoax]["agency"] == "" and rows[confirmed]["hoax"] == 0
    assert "081234567890" not in rows[confirmed]["text"] and "[TELEPON]" in rows[confirmed]["text"]
    assert result.stats["skipped_not_human"] == 1 and result.stats["skipped_no_label"] == 1
    assert result.stats["superseded_decisions"] >= 1
    assert [r["decided_at"] for r in result.rows] == sorted(r["decided_at"] for r in result.rows)


def test_since_filters_on_decision_time_and_secret_reports_stay_out(submit, decide, db_session):
    a, *_ = _codes(db_session)
    old = submit(ROAD)
    decide(old, "reassign", agency=a)
    secret = submit(WATER, confidentiality="secret")
    decide(secret, "reassign", agency=a)
    cut = db_session.query(Disposition).order_by(Disposition.id).first().created_at
    ids = [r["id"] for r in export_decisions(db_session, since=cut).rows]
    assert old not in ids and secret not in ids
    assert secret in [r["id"] for r in export_decisions(db_session, include_secret=True).rows]


def test_imported_history_counts_when_marked_human(submit, decide, db_session, api_key):
    a, *_ = _codes(db_session)
    machine, person = submit(ROAD, headers=api_key), submit(WATER, headers=api_key)
    _imported_decision(db_session, machine, a, human=False)
    _imported_decision(db_session, person, a, human=True)
    rows = export_decisions(db_session).rows
    assert [r["id"] for r in rows] == [person]


def test_export_cli_writes_csv_and_jsonl(submit, decide, db_session, cli_env, tmp_path):
    from api.cli import export

    a, *_ = _codes(db_session)
    decide(submit(ROAD), "reassign", agency=a)
    runner = CliRunner()
    for name in ("out.csv", "out.jsonl"):
        res = runner.invoke(export, ["--out", str(tmp_path / name)], env=cli_env, catch_exceptions=False)
        assert res.exit_code == 0, res.output
    df = pd.read_csv(tmp_path / "out.csv")
    assert len(df) == 1 and df.loc[0, "agency"] == a
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert json.loads(lines[0])["agency"] == a
    with pytest.raises(ValueError):
        write_rows([], tmp_path / "out.txt")


def test_export_cli_masks_names_in_the_title_as_in_the_text(client, verifier, decide, db_session, cli_env, tmp_path):
    """Issue 14: `triage export` masked a name in the text but kept it in the title."""
    from api.cli import export

    a, *_ = _codes(db_session)
    body = {"title": "Pungli loket KTP, pelapor Rudi Hartono", "channel": "web",
            "text": "Nama saya Rudi Hartono.Nik. 3204124101990001Saya mohon ditindak.",
            "reporter": {"name": "Sri Wulandari", "email": "sri.wulan88@yahoo.co.id"}}
    tid = client.post("/api/v1/complaints", json=body, headers=verifier).json["tracking_id"]
    # a name the reporter gave only in the contact form, in the title: masked too
    body = {"title": "Laporan sri wulandari", "text": "Lampu jalan mati.", "channel": "web",
            "reporter": {"name": "Sri Wulandari"}}
    tid2 = client.post("/api/v1/complaints", json=body, headers=verifier).json["tracking_id"]
    decide(tid, "reassign", agency=a)
    decide(tid2, "reassign", agency=a)
    res = CliRunner().invoke(export, ["--out", str(tmp_path / "out.csv")], env=cli_env, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    rows = pd.read_csv(tmp_path / "out.csv").set_index("id")
    assert rows.loc[tid, "title"] == "Pungli loket KTP, pelapor [NAMA]"
    assert rows.loc[tid, "text"] == "Nama saya [NAMA].Nik. [NIK]Saya mohon ditindak."
    assert rows.loc[tid2, "title"] == "Laporan [NAMA]"


def _rows(n, start, agency_cycle=("A", "B", "C")):
    t0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return [{"id": f"LPR-{start + i}", "decided_at": (t0 + dt.timedelta(days=start + i)).isoformat(),
             "title": "", "text": f"laporan nomor {start + i}", "agency": agency_cycle[i % len(agency_cycle)],
             "category": "", "hoax": 0} for i in range(n)]


def test_time_split_test_is_later_than_everything_trained_on():
    seed = pd.DataFrame({"text": ["seed lama", "seed baru sekali"], "title": ["", ""], "agency": ["A", "B"],
                         "category": ["", ""], "classification": ["", ""], "hoax": ["0", "1"],
                         "date": ["2025-06-01", "2026-12-31"]})
    train, test, info = combine(_rows(200, 0), seed, test_fraction=0.2)
    assert len(test) == 40 and info["test_rows"] == 40
    assert train["date"].max() < test["date"].min()
    assert "seed baru sekali" not in set(train["text"])  # seed rows after the cutoff would leak
    assert not set(train["text"]) & set(test["text"])
    assert info["data_until"] == str(train["date"].max())


def test_too_few_decisions_means_no_test_split_and_seed_relabelled():
    seed = seed_frame(None)
    old = seed["agency"].iloc[0]
    train, test, info = combine(_rows(10, 0), seed, mapping={old: ["BARU"]})
    assert test.empty and info["train_rows"] == 10 + len(seed)
    assert old not in set(train["agency"]) and "BARU" in set(train["agency"])
    data = to_labelled(train, "x")
    assert set(data.labels) >= {"agency", "hoax"} and len(data.dates) == len(data.texts)


def test_export_relabels_through_the_agency_mapping(submit, decide, db_session, cli_env):
    from api.agencies.cli import agencies

    a, b, c = _codes(db_session)
    t1, t2, t3 = submit(ROAD), submit(WATER), submit("Lampu jalan mati.")
    decide(t1, "reassign", agency=a)
    decide(t2, "reassign", agency=b)
    decide(t3, "reassign", agency=c)
    runner = CliRunner()
    res = runner.invoke(agencies, ["merge", a, "--into", "DINAS_BARU", "--name", "Dinas Baru", "--reason", "Perda 1/2026"],
                        env=cli_env, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    res = runner.invoke(agencies, ["rename", "DINAS_BARU", "DINAS_BARU2", "--reason", "Perda 2/2026"], env=cli_env,
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    res = runner.invoke(agencies, ["split", b, "--into", "X1", "--into", "X2", "--name", "X satu", "--name", "X dua",
                                   "--reason", "Perda 3/2026"], env=cli_env, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    res = runner.invoke(agencies, ["merge", c, "--into", "NANTI", "--name", "Nanti", "--effective", future,
                                   "--reason", "Perda 4/2026"], env=cli_env, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    db_session.expire_all()
    result = export_decisions(db_session)
    rows = {r["id"]: r["agency"] for r in result.rows}
    assert rows == {t1: "DINAS_BARU2", t3: c}  # merged then renamed; split left out; future merge not yet
    assert result.stats["relabelled"] == 1 and result.stats["skipped_split_agency"] == 1
    assert db_session.query(Agency).filter_by(code=a).one().active is False
    assert db_session.query(Agency).filter_by(code=c).one().active is True
    assert "merge" in runner.invoke(agencies, ["mappings"], env=cli_env).output


def test_placeholder_agency_is_never_a_label(submit, decide, db_session):
    """A directory entry named like "Tidak Diketahui" can be chosen in the console; it is no label."""
    db_session.add(Agency(code="TIDAK_DIKETAHUI", name="Tidak Diketahui", aliases=[], active=True, deadline_days=5))
    db_session.commit()
    a, *_ = _codes(db_session)
    real = submit(ROAD)
    decide(real, "reassign", agency=a)
    unknown = submit(WATER)
    decide(unknown, "reassign", agency="TIDAK_DIKETAHUI")
    result = export_decisions(db_session)
    assert [r["id"] for r in result.rows] == [real]
    assert result.stats["skipped_placeholder_agency"] == 1
    assert a in result.agencies and "TIDAK_DIKETAHUI" not in result.agencies


def test_seed_agencies_the_office_does_not_have_are_dropped():
    seed = pd.DataFrame({"text": ["a", "b", "c"], "title": "", "date": "", "agency": ["DINKES", "DEMO_ONLY", "-"],
                         "category": ["x", "y", "z"], "classification": "", "hoax": ""})
    train, _test, info = combine(_rows(5, 0, ("DINKES", "DISHUB")), seed, agencies=["DINKES", "DISHUB"])
    seeded = train[train["source"] != "db"]
    assert list(seeded["agency"]) == ["DINKES", "", ""] and list(seeded["category"]) == ["x", "y", "z"]
    assert info["seed_agency_labels_dropped"] == 2
