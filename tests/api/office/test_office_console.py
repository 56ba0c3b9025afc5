"""The console shows the office: the demo notice until setup, the admin's settings page (CSRF, Indonesian
validation messages, admin only), and the header and titles after a change."""

from __future__ import annotations

from support.console import csrf_token

from api.office import service as office

FORM = {"name": "Pemerintah Kabupaten Contoh Makmur", "short_name": "", "timezone": "Asia/Makassar", "unit": "",
        "issuer": "", "contact": "Jl. Contoh No. 1", "email": "kominfo@contohmakmur.go.id"}


def test_fresh_console_says_it_is_the_demo_office(app, as_role):
    html = as_role("verifier").get("/console/antrian").get_data(as_text=True)
    assert "Kantor contoh." in html and "Diskominfo Kabupaten Sukamaju Raya" in html
    assert "triage setup --office" in html
    assert "Pengaturan kantor" not in html  # the link to the page is for admins
    login_page = app.test_client().get("/console/masuk").get_data(as_text=True)
    assert "Kantor contoh." in login_page


def test_admin_saves_the_office_and_the_header_follows(as_role, db_session):
    c = as_role("admin")
    page = c.get("/console/kantor")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Kantor contoh." in html and 'name="csrf_token"' in html
    resp = c.post("/console/kantor", data={**FORM, "csrf_token": csrf_token(html)})
    assert resp.status_code == 303, resp.get_data(as_text=True)
    html = c.get("/console/antrian").get_data(as_text=True)
    assert "Diskominfo Kabupaten Contoh Makmur · SP4N-LAPOR!" in html
    assert "<title>Antrian verifikasi · Kabupaten Contoh Makmur ·" in html
    header = html.split('<header class="topbar">')[1].split("</header>")[0]
    assert "Kantor contoh." not in html and "Sukamaju" not in header
    login_page = c.application.test_client().get("/console/masuk").get_data(as_text=True)
    assert "Pemerintah Kabupaten Contoh Makmur" in login_page and "Sukamaju" not in login_page
    ident = office.identity(db_session, overrides={})
    assert (ident.timezone, ident.email) == ("Asia/Makassar", "kominfo@contohmakmur.go.id")
    assert "admin-office" in ident.updated_by  # who changed it is kept


def test_invalid_values_are_shown_in_indonesian_and_nothing_is_saved(as_role, db_session):
    c = as_role("admin")
    token = csrf_token(c.get("/console/kantor").get_data(as_text=True))
    resp = c.post("/console/kantor", data={**FORM, "name": "", "timezone": "Eropa/Sukamaju", "email": "bukan",
                                           "csrf_token": token})
    assert resp.status_code == 422
    html = resp.get_data(as_text=True)
    assert "Pengaturan belum disimpan" in html
    assert "Nama kantor wajib diisi" in html
    assert "bukan zona waktu yang dikenal" in html and "bukan alamat surel yang sah" in html
    assert 'value="Eropa/Sukamaju"' in html  # what was typed stays in the form
    assert office.stored(db_session) is None


def test_only_admins_and_only_with_a_csrf_token(as_role, client, db_session):
    v = as_role("verifier")
    assert v.get("/console/kantor").status_code == 403
    assert v.post("/console/kantor", data=FORM).status_code in (400, 403)
    client.post("/console/keluar", data={"csrf_token": csrf_token(client.get("/console/antrian").get_data(as_text=True))})
    a = as_role("admin")
    resp = a.post("/console/kantor", data=FORM)  # no token
    assert resp.status_code == 400 and "CSRF" in resp.get_data(as_text=True)
    assert office.stored(db_session) is None


def test_environment_override_is_shown_on_the_page(app, as_role):
    app.config["OFFICE_OVERRIDES"] = {"issuer": ("TRIAGE_REPORT_ISSUER", "Bagian Protokol Contoh")}
    html = as_role("admin").get("/console/kantor").get_data(as_text=True)
    assert "TRIAGE_REPORT_ISSUER" in html and "Bagian Protokol Contoh" in html
