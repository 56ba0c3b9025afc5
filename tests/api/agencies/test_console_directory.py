"""The admin's directory page (/console/instansi/kelola): same validation as the import, errors next to the
field, CSRF, admin only, history."""

from sqlalchemy import select
from support.console import csrf_token, login

from api.agencies.mapping import mapping_table
from api.agencies.models import AgencyChange
from api.models import Agency


def _admin(client, make_user, role="admin"):
    make_user(role, username=f"{role}-dir")
    assert login(client, f"{role}-dir").status_code == 302
    return client


def _token(client, path="/console/instansi/kelola"):
    return csrf_token(client.get(path).get_data(as_text=True))


def test_only_admins_see_the_page(client, make_user):
    _admin(client, make_user, "verifier")
    assert client.get("/console/instansi/kelola").status_code == 403
    assert client.post("/console/instansi/kelola", data={"code": "X"}).status_code in (400, 403)


def test_add_validates_like_the_import_and_shows_errors_by_the_field(client, make_user, db_session):
    _admin(client, make_user)
    page = client.get("/console/instansi/kelola").get_data(as_text=True)
    assert "Direktori instansi" in page and 'id="form-add"' in page and ">Direktori</a>" in page
    token = csrf_token(page)
    bad = client.post("/console/instansi/kelola", data={
        "csrf_token": token, "code": "dinas baru", "name": "Dinas Baru", "aliases": "Dinkes", "deadline_days": "0",
        "type": "perhubungann"})
    html = bad.get_data(as_text=True)
    assert bad.status_code == 422
    assert 'id="error-code"' in html and "kode wajib diisi: huruf besar" in html
    assert 'id="error-deadline_days"' in html and "paling sedikit 1" in html
    assert "jenis tidak dikenal" in html and 'value="Dinas Baru"' in html  # the form keeps what was typed
    # Passes the field checks, fails the directory's: an alias already used by another agency.
    taken = client.post("/console/instansi/kelola", data={
        "csrf_token": token, "code": "DINAS-BARU", "name": "Dinas Baru", "aliases": "Dinkes\nDinas Baru Sekali"})
    assert taken.status_code == 422 and 'id="error-aliases"' in taken.get_data(as_text=True)
    assert "sudah dipakai instansi DINKES" in taken.get_data(as_text=True)
    assert db_session.scalar(select(Agency).where(Agency.code == "DINAS-BARU")) is None

    ok = client.post("/console/instansi/kelola", data={
        "csrf_token": token, "code": "dinas-baru", "name": "Dinas Baru", "aliases": "DB\nDinas Baru Sekali",
        "keywords": "taman kota\nlampu taman", "description": "Mengurus taman.", "deadline_days": "7"})
    assert ok.status_code == 303
    db_session.expire_all()
    a = db_session.scalar(select(Agency).where(Agency.code == "DINAS-BARU"))
    assert (a.aliases, a.keywords, a.deadline_days, a.description) == (
        ["DB", "Dinas Baru Sekali"], ["taman kota", "lampu taman"], 7, "Mengurus taman.")
    change = db_session.scalar(select(AgencyChange).where(AgencyChange.agency_code == "DINAS-BARU"))
    assert change.action == "create" and change.source == "console" and "admin-dir" in change.actor


def test_a_form_without_csrf_token_is_refused(client, make_user, db_session):
    _admin(client, make_user)
    resp = client.post("/console/instansi/kelola", data={"code": "NOCSRF", "name": "Tanpa Token"})
    assert resp.status_code == 400
    assert db_session.scalar(select(Agency).where(Agency.code == "NOCSRF")) is None


def test_edit_deactivate_and_merge(client, make_user, db_session):
    _admin(client, make_user)
    token = _token(client, "/console/instansi/kelola/DINKES")
    edit = client.get("/console/instansi/kelola/DINKES").get_data(as_text=True)
    assert 'name="code" value="DINKES"' in edit and "readonly" in edit
    resp = client.post("/console/instansi/kelola/DINKES", data={
        "csrf_token": token, "code": "OTHER", "name": "Dinas Kesehatan", "keywords": "posyandu", "deadline_days": "3"})
    assert resp.status_code == 303
    db_session.expire_all()
    d = db_session.scalar(select(Agency).where(Agency.code == "DINKES"))
    assert d.keywords == ["posyandu"] and d.deadline_days == 3 and d.aliases == []  # the form's aliases were empty
    assert db_session.scalar(select(Agency).where(Agency.code == "OTHER")) is None

    resp = client.post("/console/instansi/kelola/DISNAKER/status", data={"csrf_token": token, "active": "0"})
    assert resp.status_code == 303
    db_session.expire_all()
    assert db_session.scalar(select(Agency).where(Agency.code == "DISNAKER")).active is False

    no_reason = client.post("/console/instansi/kelola/gabung", data={"csrf_token": token, "olds": ["DISPERINDAG"],
                                                                    "into": "DPMPTSP", "reason": ""})
    assert no_reason.status_code == 422 and "alasan wajib diisi" in no_reason.get_data(as_text=True)
    perindag = db_session.scalar(select(Agency).where(Agency.code == "DISPERINDAG"))
    old_names = [perindag.name, *perindag.aliases]
    merged = client.post("/console/instansi/kelola/gabung", data={
        "csrf_token": token, "olds": ["DISPERINDAG"], "into": "DPMPTSP", "reason": "Perda No. 1 Tahun 2027"})
    assert merged.status_code == 303
    db_session.expire_all()
    assert db_session.scalar(select(Agency).where(Agency.code == "DISPERINDAG")).active is False
    target = db_session.scalar(select(Agency).where(Agency.code == "DPMPTSP"))
    assert all(n in target.aliases for n in old_names)
    assert mapping_table(db_session)["DISPERINDAG"] == ["DPMPTSP"]
    page = client.get("/console/instansi/kelola").get_data(as_text=True)
    history = page.split('id="directory-history"')[1]
    assert "DISPERINDAG</td>" in history and "digabung: aktif, digabung ke, alasan" in history
