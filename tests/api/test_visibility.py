"""api.access.view_of without a database: the rules per role and confidentiality, and how each part renders.
(The leak matrix, tests/hardening/test_leak_matrix.py, checks the same promise on every surface.)"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from support.leak_matrix import SEES

from api import access
from api.principal import Principal
from api.workflow import Role

NIK = "3204124101990001"
CONTACT = SimpleNamespace(name="Rudi Hartono", phone="081234567891", email="rudi.hartono@gmail.com", address=None)
PRINCIPALS = {
    "verifier": Principal("user", 1, "v", Role.VERIFIER),
    "admin": Principal("user", 2, "a", Role.ADMIN),
    "officer": Principal("user", 3, "o", Role.AGENCY_OFFICER, agency_id=7),
    "other_officer": Principal("user", 4, "x", Role.AGENCY_OFFICER, agency_id=8),
    "data_scientist": Principal("user", 5, "d", Role.DATA_SCIENTIST),
    "api_key": Principal("key", 6, "gateway", Role.SYSTEM),
}
LEVEL = {"raw": access.TextAccess.RAW, "masked": access.TextAccess.MASKED, "hidden": access.TextAccess.HIDDEN}


def complaint(confidentiality="public", text=None, title="Lapor Rudi Hartono"):
    return SimpleNamespace(title=title, text=text or f"Nama saya Rudi Hartono.Nik. {NIK}Saya mohon dibantu",
                           contact=CONTACT, confidentiality=confidentiality, agency_id=7, submitted_by="key:gateway")


@pytest.mark.parametrize("role", sorted(PRINCIPALS))
@pytest.mark.parametrize("conf", ["public", "anonymous", "secret"])
def test_rules_are_the_documented_table(role, conf):
    words, contact, reasons, followups = SEES[role][("public", "anonymous", "secret").index(conf)]
    rules = access.view_of(complaint(conf), PRINCIPALS[role]).rules
    assert rules == access.Rules(LEVEL[words], contact == "raw", LEVEL[reasons], LEVEL[followups])


def test_the_public_reads_public_reports_masked_without_reasons():
    v = access.view_of(complaint("public"), None)
    assert v.text == "Nama saya [NAMA].Nik. [NIK]Saya mohon dibantu" and v.title == "Lapor [NAMA]"
    assert v.reason("Rudi Hartono minta ditelepon") is None and v.contact is None
    assert access.view_of(complaint("anonymous"), None).text is None


def test_masked_readers_get_placeholder_spans_and_no_values():
    v = access.view_of(complaint("anonymous"), PRINCIPALS["officer"])
    assert all("value" not in item and v.text[item["start"]:item["end"]] == f"[{item['kind']}]" for item in v.pii())
    raw = access.view_of(complaint("anonymous"), PRINCIPALS["verifier"])
    assert {i["value"] for i in raw.pii()} == {"Rudi Hartono", NIK}


def test_snippets_are_masked_before_they_are_cut():
    text = "x" * 120 + " Nik. " + NIK + " mohon bantuan segera " + "y" * 40
    for role in ("verifier", "data_scientist"):
        snip = access.view_of(complaint(text=text), PRINCIPALS[role]).snippet(140)
        assert "[NIK]" in snip and NIK[:4] not in snip and snip.endswith(" …")


def test_reasons_are_masked_with_the_names_the_report_gives():
    v = access.view_of(complaint("public", title=None), PRINCIPALS["data_scientist"])
    assert v.reason("pelapor rudi hartono minta ditelepon 0812-3456-7891") == "pelapor [NAMA] minta ditelepon [TELEPON]"
    assert v.followup("sudah hubungi Rudi Hartono") == "sudah hubungi [NAMA]"
    assert access.view_of(complaint("secret"), PRINCIPALS["officer"]).reason("Rudi Hartono") is None


def _statements(app, fn) -> int:
    from sqlalchemy import event

    from api import extensions

    count = 0

    def on_execute(*_args):
        nonlocal count
        count += 1

    engine = extensions.engine(app)
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)
    return count


def test_lists_load_the_contacts_with_the_rows_not_one_query_each(app, client, api_key, make_user):
    """view_of masks the reporter's own contact in titles and snippets: lists must not load it row by row."""
    from support.console import login

    scientist = make_user("data_scientist", username="ds_lists")
    console = app.test_client()
    assert login(console, "ds_lists").status_code == 302

    def add(n):
        for i in range(n):
            body = {"text": f"Nama saya Rudi Hartono {i}, jalan rusak.", "title": "Lapor Rudi Hartono",
                    "channel": "web", "confidentiality": "anonymous", "reporter": {"name": "Rudi Hartono"}}
            assert client.post("/api/v1/complaints", json=body, headers=api_key).status_code == 201

    def pages():
        items = client.get("/api/v1/complaints?limit=100", headers=scientist).json["items"]
        assert items and all(i["title"] == "Lapor [NAMA]" for i in items)
        html = console.get("/console/antrian").get_data(as_text=True)
        assert "Rudi Hartono" not in html and "Lapor [NAMA]" in html

    add(2)
    pages()  # warm: per-process caches (agencies, session) are loaded once
    few = _statements(app, pages)
    add(8)
    assert _statements(app, pages) == few
