"""`triage setup`: stores the identity, changes single fields later, prints the demo when nothing is set,
and offers (or with --train runs) training on the decided history through `triage train --from-db`."""

from __future__ import annotations

import click

from api.office import cli as office_cli
from api.office import service as office
from api.office.cli import setup


def test_setup_stores_the_office(run_cli, db_session):
    out = run_cli(setup, ["--office", "Pemerintah Kabupaten Contoh Sentosa", "--timezone", "Asia/Makassar"])
    assert out.exit_code == 0, out.output
    assert "office settings saved" in out.output and "Diskominfo Kabupaten Contoh Sentosa" in out.output
    db_session.expire_all()
    ident = office.identity(db_session, overrides={})
    assert (ident.name, ident.timezone, ident.demo) == ("Pemerintah Kabupaten Contoh Sentosa", "Asia/Makassar", False)
    assert ident.updated_by.startswith("cli")


def test_setup_changes_one_field_and_a_new_name_derives_again(run_cli, db_session):
    run_cli(setup, ["--office", "Pemerintah Kabupaten Lama", "--email", "a@lama.go.id"])
    run_cli(setup, ["--email", "b@lama.go.id"])
    db_session.expire_all()
    assert office.identity(db_session, overrides={}).email == "b@lama.go.id"
    run_cli(setup, ["--office", "Pemerintah Kota Baru", "--email", ""])
    db_session.expire_all()
    ident = office.identity(db_session, overrides={})
    assert (ident.short_name, ident.unit, ident.email) == ("Kota Baru", "Diskominfo Kota Baru", None)


def test_without_options_prints_the_demo(run_cli):
    out = run_cli(setup, [])
    assert out.exit_code == 0 and "demo office" in out.output and "Pemerintah Kabupaten Sukamaju Raya" in out.output


def test_bad_values_fail_naming_the_field(run_cli, db_session):
    out = run_cli(setup, ["--office", "Pemerintah Kota X", "--timezone", "Mars/Olympus"])
    assert out.exit_code == 1 and "Zona waktu" in out.output and "Mars/Olympus" in out.output
    first = run_cli(setup, ["--email", "a@b.go.id"])
    assert first.exit_code == 2 and "--office" in first.output
    assert office.stored(db_session) is None


def test_decided_history_offers_training_and_train_calls_train_from_db(run_cli, submit, decide, agency_codes,
                                                                      monkeypatch, tmp_path):
    tid = submit("Jalan di desa kami rusak parah dan berlubang, mohon segera diperbaiki.")
    decide(tid, "reassign", agency=agency_codes[0])
    out = run_cli(setup, ["--office", "Pemerintah Kabupaten Contoh"])
    assert "holds 1 decided reports" in out.output and "triage setup --train" in out.output

    calls = []

    @click.command()
    @click.option("--from-db", is_flag=True)
    @click.option("--out")
    @click.option("--overwrite", is_flag=True)
    def fake_train(from_db, out, overwrite):
        calls.append({"from_db": from_db, "out": str(out), "overwrite": overwrite})

    monkeypatch.setattr(office_cli, "_train_command", lambda: fake_train)
    out = run_cli(setup, ["--train", "--model-out", str(tmp_path / "kantor")])
    assert out.exit_code == 0, out.output
    assert calls == [{"from_db": True, "out": str(tmp_path / "kantor"), "overwrite": False}]
    assert "triage models activate kantor" in out.output


def test_train_checks_the_model_directory_first(run_cli, tmp_path, db_session):
    existing = tmp_path / "kantor"
    existing.mkdir()
    out = run_cli(setup, ["--office", "Pemerintah Kota Y", "--train", "--model-out", str(existing)])
    assert out.exit_code == 1 and "already exists" in out.output
    assert office.stored(db_session) is None  # nothing stored before failing


def test_train_is_the_installed_train_command():
    assert office_cli._train_command().name == "train"
