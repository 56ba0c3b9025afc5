"""Reports, the A4 monthly document and hoax clarifications carry the office's identity, not the demo's."""

from __future__ import annotations

from api.hoaxes import clarification_texts
from api.office import service as office

OFFICE = {"name": "Pemerintah Kota Contoh Baru", "contact": "Jl. Balai Kota 1", "email": "kominfo@contohbaru.go.id"}


def _set_up(db_session):
    office.save(db_session, office.validate(OFFICE), actor="test")


def test_monthly_document_letterhead_and_signature(client, db_session, verifier):
    _set_up(db_session)
    html = client.get("/reports/monthly?month=2024-01", headers=verifier).get_data(as_text=True)
    assert '<div class="issuer">Pemerintah Kota Contoh Baru</div>' in html
    assert "Kepala Dinas Komunikasi dan Informatika Kota Contoh Baru" in html
    assert "kominfo@contohbaru.go.id" in html and "Kota Contoh Baru" in html.split("<title>")[1].split("</title>")[0]
    assert "Sukamaju" not in html


def test_performance_page_names_the_office(client, db_session, verifier):
    _set_up(db_session)
    html = client.get("/reports/performance?month=2024-01", headers=verifier).get_data(as_text=True)
    assert "Pemerintah Kota Contoh Baru · Dinas Komunikasi dan Informatika Kota Contoh Baru" in html


def test_report_issuer_from_the_environment_wins(app, client, db_session, verifier):
    _set_up(db_session)
    app.config["OFFICE_OVERRIDES"] = {"issuer": ("REPORT_ISSUER", "Sekretariat Daerah Kota Contoh Baru")}
    html = client.get("/reports/monthly?month=2024-01", headers=verifier).get_data(as_text=True)
    assert "Kepala Sekretariat Daerah Kota Contoh Baru" in html


def test_cli_monthly_document_uses_the_office(app_config, db_session, tmp_path):
    from click.testing import CliRunner

    from api.reports.cli import report

    _set_up(db_session)
    env = {"TRIAGE_DATABASE_URL": app_config["DATABASE_URL"], "TRIAGE_INSTANCE_PATH": str(tmp_path / "inst"),
           "TRIAGE_MODEL": "", "TRIAGE_AUTO_MIGRATE": "0"}
    out = CliRunner().invoke(report, ["performance", "--month", "2024-01", "-o", str(tmp_path / "r.html")], env=env,
                             catch_exceptions=False)
    assert out.exit_code == 0, out.output
    html = (tmp_path / "r.html").read_text()
    assert "Pemerintah Kota Contoh Baru" in html and "Kepala Dinas Komunikasi dan Informatika Kota Contoh Baru" in html


def test_hoax_clarification_is_signed_by_the_office(client, db_session, verifier, submit):
    _set_up(db_session)
    tid = submit("Sebarkan! Ada pembagian uang tunai gratis di balai kota besok, cukup kirim NIK ke nomor ini.")
    resp = client.post(f"/api/v1/hoaxes/{tid}/confirm", headers=verifier,
                       json={"template": "umum", "claim": "pembagian uang tunai gratis di balai kota"})
    assert resp.status_code == 201, resp.json
    text = resp.json["clarification"]["text"]
    assert "penelusuran Dinas Komunikasi dan Informatika Kota Contoh Baru pada" in text
    assert "kanal resmi Pemerintah Kota Contoh Baru" in text


def test_clarification_templates_have_only_known_placeholders():
    for code in clarification_texts.TEMPLATES:
        text = clarification_texts.render(code, klaim="k", tracking_id="T-1", tanggal="01-01-2025",
                                          instansi="Dinas X", pemerintah="Pemerintah Kota X")
        assert "{" not in text and "Dinas X" in text
