"""The office identity: demo until set up, stored values, names derived from the short name, environment
overrides, Indonesian validation messages, and the stored timezone used by a new app."""

from __future__ import annotations

import pytest

from api import config, create_app, extensions
from api.office import service as office
from api.services.errors import Invalid


def test_fresh_database_is_the_demo_office(db_session):
    ident = office.identity(db_session, overrides={})
    assert ident.demo
    assert ident.name == "Pemerintah Kabupaten Sukamaju Raya"
    assert ident.unit == "Diskominfo Kabupaten Sukamaju Raya"
    assert ident.timezone == "Asia/Jakarta"


def test_saved_identity_derives_unit_and_issuer_from_the_short_name(db_session):
    office.save(db_session, office.validate({"name": "Pemerintah Kabupaten Contoh Jaya", "email": "kominfo@contoh.go.id"}),
                actor="test")
    ident = office.identity(db_session, overrides={})
    assert not ident.demo
    assert ident.short_name == "Kabupaten Contoh Jaya"
    assert ident.unit == "Diskominfo Kabupaten Contoh Jaya"
    assert ident.issuer == "Dinas Komunikasi dan Informatika Kabupaten Contoh Jaya"
    assert ident.email == "kominfo@contoh.go.id" and ident.updated_by == "test"


def test_environment_overrides_stored_values(db_session):
    office.save(db_session, office.validate({"name": "Pemerintah Kota Contoh", "timezone": "Asia/Makassar"}),
                actor="test")
    env = {"TRIAGE_OFFICE_SHORT_NAME": "Kota Contoh (env)", "REPORT_ISSUER": "Bagian Humas Kota Contoh",
           "TRIAGE_TIMEZONE": "Asia/Jayapura"}
    ident = office.identity(db_session, overrides=config.office_overrides(env))
    assert ident.name == "Pemerintah Kota Contoh"  # not overridden
    assert ident.short_name == "Kota Contoh (env)"
    assert ident.issuer == "Bagian Humas Kota Contoh"
    assert ident.timezone == "Asia/Jayapura"
    assert ident.overridden == {"short_name": "TRIAGE_OFFICE_SHORT_NAME", "issuer": "REPORT_ISSUER",
                                "timezone": "TRIAGE_TIMEZONE"}


def test_environment_name_alone_ends_the_demo(db_session):
    ident = office.identity(db_session, overrides=config.office_overrides({"TRIAGE_OFFICE_NAME": "Pemerintah Kota Env"}))
    assert not ident.demo and ident.unit == "Diskominfo Kota Env"


def test_report_issuer_is_read_from_the_environment_by_config(tmp_path):
    cfg = config.from_env(tmp_path, {"TRIAGE_REPORT_ISSUER": "Dinas Kominfo Contoh", "REPORT_ISSUER": "kalah"})
    assert cfg["OFFICE_OVERRIDES"]["issuer"] == ("TRIAGE_REPORT_ISSUER", "Dinas Kominfo Contoh")
    assert config.from_env(tmp_path, {"REPORT_ISSUER": "X"})["OFFICE_OVERRIDES"] == {"issuer": ("REPORT_ISSUER", "X")}


@pytest.mark.parametrize(("values", "field", "words"), [
    ({"name": ""}, "name", "wajib diisi"),
    ({"name": "Pemerintah Kota Contoh", "timezone": "Asia/Atlantis"}, "timezone", "bukan zona waktu"),
    ({"name": "Pemerintah Kota Contoh", "email": "bukan-surel"}, "email", "bukan alamat surel"),
    ({"name": "x" * 201}, "name", "terlalu panjang"),
])
def test_validation_names_the_field_in_indonesian(values, field, words):
    with pytest.raises(Invalid) as info:
        office.validate(values)
    details = {d["field"]: d["message"] for d in info.value.details}
    assert words in details[field]
    assert isinstance(info.value.details, list)


def test_a_new_app_runs_on_the_stored_timezone(app_config, db_session):
    office.save(db_session, office.validate({"name": "Pemerintah Kota Contoh", "timezone": "Asia/Makassar"}),
                actor="test")
    app = create_app(app_config)
    try:
        assert app.config["TIMEZONE"] == "Asia/Makassar"
        assert str(extensions.deadlines(app).calendar.tz) == "Asia/Makassar"
    finally:
        extensions.engine(app).dispose()
