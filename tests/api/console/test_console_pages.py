"""Console pages and actions through the Flask test client."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from support.console import csrf_token, login, seed_complaints

from api import extensions
from api.models import Complaint, ConsoleSession, Disposition, Event


def _complaint(db_session, tracking_id: str) -> Complaint:
    db_session.expire_all()
    return db_session.scalar(select(Complaint).where(Complaint.tracking_id == tracking_id))


def _form(client, tracking_id: str, **fields) -> dict:
    html = client.get(f"/console/aduan/{tracking_id}").get_data(as_text=True)
    version = re.search(r'name="version" value="(\d+)"', html).group(1)
    position = re.search(r'name="position" value="([^"]+)"', html).group(1)
    return {"csrf_token": csrf_token(html), "version": version, "position": position, **fields}


# -- login, sessions, cookies ---------------------------------------------------------------------

def test_pages_need_login(client):
    for path in ("/console/antrian", "/console/instansi", "/console/petugas", "/console/pengguna"):
        resp = client.get(path)
        assert resp.status_code == 302 and "/console/masuk" in resp.headers["Location"]
    assert client.get("/").headers["Location"].endswith("/console/")


def test_login_page_is_indonesian_and_secure(client):
    resp = client.get("/console/masuk")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "Masuk ke Konsol" in html and 'lang="id"' in html
    assert "frame-ancestors 'none'" in resp.headers["Content-Security-Policy"]
    cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_wrong_password_is_refused(client, make_user):
    make_user("verifier", username="rina")
    resp = login(client, "rina", "salah-sekali")
    assert resp.status_code == 401 and "salah" in resp.get_data(as_text=True)
    assert client.get("/console/antrian").status_code == 302


def test_session_is_server_side_and_logout_ends_it(client, make_user, db_session):
    make_user("verifier", username="rina")
    before = client.get_cookie("session")
    resp = login(client, "rina")
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/console/antrian")
    sid = client.get_cookie("session").value
    assert before is None or before.value != sid  # a new id at login
    assert len(sid) < 60 and "." not in sid  # an opaque id, not signed data
    rows = db_session.scalars(select(ConsoleSession)).all()
    assert any(r.user_id is not None and r.id != sid for r in rows)  # stored as its hash
    assert client.get("/console/antrian").status_code == 200

    html = client.get("/console/antrian").get_data(as_text=True)
    assert client.post("/console/keluar", data={"csrf_token": csrf_token(html)}).status_code == 302
    db_session.expire_all()
    assert not [r for r in db_session.scalars(select(ConsoleSession)) if r.user_id is not None]
    # The old cookie value is worthless now, even if someone kept a copy.
    client.set_cookie("session", sid)
    assert client.get("/console/antrian").status_code == 302


def test_secure_cookie_setting(app_config):
    from api import create_app

    app = create_app({**app_config, "SESSION_COOKIE_SECURE": True})
    resp = app.test_client().get("/console/masuk")
    assert "Secure" in resp.headers["Set-Cookie"]
    extensions.engine(app).dispose()


def test_safe_redirect_after_login(client, make_user):
    make_user("verifier", username="rina")
    page = client.get("/console/masuk")
    token = csrf_token(page.get_data(as_text=True))
    resp = client.post("/console/masuk?next=https://evil.example/", data={"username": "rina", "password": "rahasia-123",
                                                                         "csrf_token": token})
    assert resp.headers["Location"].endswith("/console/antrian")


# -- CSRF -----------------------------------------------------------------------------------------

def test_form_post_without_or_with_wrong_csrf_token_is_400(as_role, seeded, db_session):
    client = as_role("verifier")
    tid = seeded[0]
    data = _form(client, tid, action="confirm")
    for bad in ({k: v for k, v in data.items() if k != "csrf_token"}, {**data, "csrf_token": "nope"}):
        resp = client.post(f"/console/aduan/{tid}/tindakan", data=bad)
        assert resp.status_code == 400
        assert "CSRF" in resp.get_data(as_text=True) and "Muat ulang" in resp.get_data(as_text=True)
    assert _complaint(db_session, tid).status == "received"
    resp = client.post("/console/keluar")  # logout is a form too
    assert resp.status_code == 400


def test_login_form_needs_csrf_token(client, make_user):
    make_user("verifier", username="rina")
    assert client.post("/console/masuk", data={"username": "rina", "password": "rahasia-123"}).status_code == 400


def test_cookie_authenticated_json_api_writes_need_the_csrf_header(as_role, seeded):
    client = as_role("verifier")
    html = client.get("/console/antrian").get_data(as_text=True)
    body = {"action": "archive", "reason": "duplikat"}
    resp = client.post(f"/api/v1/complaints/{seeded[1]}/disposition", json=body)
    assert resp.status_code == 403 and resp.json["error"]["code"] == "csrf_failed"
    assert client.get("/api/v1/complaints").status_code == 200  # reads are fine
    resp = client.post(f"/api/v1/complaints/{seeded[1]}/disposition", json=body,
                       headers={"X-CSRFToken": csrf_token(html)})
    assert resp.status_code == 200 and resp.json["status"] == "archived"


def test_api_with_basic_auth_needs_no_csrf_token(client, make_user, seeded):
    headers = make_user("verifier", username="sys")
    resp = client.post(f"/api/v1/complaints/{seeded[1]}/disposition", json={"action": "hoax"}, headers=headers)
    assert resp.status_code == 200


# -- roles ----------------------------------------------------------------------------------------

def test_verifier_cannot_use_admin_pages(as_role):
    client = as_role("verifier")
    resp = client.get("/console/pengguna")
    assert resp.status_code == 403 and "Akses ditolak" in resp.get_data(as_text=True)
    html = client.get("/console/antrian").get_data(as_text=True)
    resp = client.post("/console/pengguna", data={"csrf_token": csrf_token(html), "username": "x", "password": "12345678",
                                                  "role": "admin"})
    assert resp.status_code == 403


def test_admin_creates_and_deactivates_accounts(as_role, client, db_session):
    as_role("admin")
    html = client.get("/console/pengguna").get_data(as_text=True)
    assert "Akun baru" in html
    resp = client.post("/console/pengguna", data={"csrf_token": csrf_token(html), "username": "andi",
                                                  "password": "sandi-panjang", "role": "agency_officer",
                                                  "agency": "DPUPR"}, follow_redirects=True)
    assert "Akun andi dibuat" in resp.get_data(as_text=True)
    resp = client.post("/console/pengguna/andi/nonaktifkan", data={"csrf_token": csrf_token(html)},
                       follow_redirects=True)
    assert "dinonaktifkan" in resp.get_data(as_text=True)


def test_data_scientist_reads_masked_text_and_cannot_decide(as_role, seeded, db_session):
    client = as_role("data_scientist")
    assert client.get("/console/antrian").status_code == 200
    html = client.get(f"/console/aduan/{seeded[0]}").get_data(as_text=True)
    assert "081234567890" not in html and "[TELEPON]" in html and "btn-confirm" not in html
    assert "Budi Santoso" not in html  # no contact
    secret = client.get(f"/console/aduan/{seeded[3]}").get_data(as_text=True)
    assert "3201010101900001" not in secret and "rahasia" in secret
    data = {"csrf_token": csrf_token(html), "action": "confirm", "version": "1"}
    assert client.post(f"/console/aduan/{seeded[0]}/tindakan", data=data).status_code == 403
    assert _complaint(db_session, seeded[0]).status == "received"


def test_officer_cannot_open_verifier_pages(as_role, seeded):
    client = as_role("agency_officer", agency="DPUPR")
    assert client.get("/console/antrian").status_code == 403
    assert client.get(f"/console/aduan/{seeded[0]}").status_code == 403
    assert client.get("/console/").headers["Location"].endswith("/console/petugas")


# -- the queue ------------------------------------------------------------------------------------

def test_queue_lists_by_deadline_risk_with_band_counts(as_role, seeded):
    client = as_role("verifier")
    html = client.get("/console/antrian").get_data(as_text=True)
    order = [html.index(t) for t in seeded]
    assert order == sorted(order)  # oldest (overdue) first
    assert "Terlambat" in html and "Antrian Verifikasi" in html
    counts = {b: int(n) for b, n in re.findall(r'data-band="(\w+)">(\d+)<', html)}
    assert sum(counts.values()) == 4


def test_queue_filters(as_role, seeded, db_session):
    client = as_role("verifier")
    html = client.get("/console/antrian?channel=sms").get_data(as_text=True)
    assert seeded[1] in html and seeded[0] not in html
    band = _complaint(db_session, seeded[0]).band
    html = client.get(f"/console/antrian?band={band}").get_data(as_text=True)
    assert seeded[0] in html
    agency = _complaint(db_session, seeded[2]).suggested_agency
    html = client.get(f"/console/antrian?agency={agency}").get_data(as_text=True)
    assert seeded[2] in html
    html = client.get("/console/antrian?hoax_min=100").get_data(as_text=True)
    assert not any(t in html for t in seeded)
    html = client.get("/console/antrian?from=2000-01-01&to=2000-01-02").get_data(as_text=True)
    assert "Tidak ada aduan" in html
    assert client.get("/console/antrian?band=bogus&hoax_min=abc&from=x").status_code == 200


def test_queue_keyset_pagination(as_role, app, seeded):
    from api.console import views

    client = as_role("verifier")
    old = views.PAGE_SIZE
    views.PAGE_SIZE = 3
    try:
        html = client.get("/console/antrian").get_data(as_text=True)
        nxt = re.search(r'id="next-page" href="([^"]+)"', html).group(1).replace("&amp;", "&")
        page2 = client.get(nxt).get_data(as_text=True)
    finally:
        views.PAGE_SIZE = old
    assert [t for t in seeded if t in html] == seeded[:3]
    assert [t for t in seeded if t in page2] == seeded[3:]
    assert client.get("/console/antrian?cursor=garbage").status_code == 400


# -- one complaint --------------------------------------------------------------------------------

def test_complaint_page_shows_suggestion_pii_and_shortcuts(as_role, seeded):
    client = as_role("verifier")
    html = client.get(f"/console/aduan/{seeded[0]}").get_data(as_text=True)
    assert '<mark class="pii pii-telepon"' in html and "081234567890" in html
    assert "Konfirmasi ke" in html and "Saran mesin" in html and "Peluang hoaks" in html
    assert "Mengapa" in html and "Kategori" in html and "Klasifikasi LAPOR!" in html
    assert "Pintasan keyboard" in html and "<kbd>Enter</kbd>" in html
    assert "Budi Santoso" in html  # verifiers see the contact
    assert 'id="agency-search"' in html and "DPUPR" in html
    assert client.get("/console/aduan/LPR-NOTHERE").status_code == 404


def test_similar_complaints_show_where_they_went(as_role, seeded, client):
    client = as_role("verifier")
    # Send the second complaint somewhere; a similar text then lists it.
    data = _form(client, seeded[1], action="reassign", agency="DISHUB")
    client.post(f"/console/aduan/{seeded[1]}/tindakan", data=data)
    from support.console import seed_complaints

    [tid] = seed_complaints(client.application, [{"text": "Lampu penerangan jalan di Jl. Merdeka mati, gelap sekali."}])
    html = client.get(f"/console/aduan/{tid}").get_data(as_text=True)
    similar = html[html.index("Aduan serupa sebelumnya"):html.index("Riwayat")]
    assert seeded[1] in similar and "DISHUB" in similar


def test_confirm_dispatches_and_opens_the_next(as_role, seeded, db_session):
    client = as_role("verifier")
    tid = seeded[0]
    suggested = _complaint(db_session, tid).suggested_agency
    resp = client.post(f"/console/aduan/{tid}/tindakan", data=_form(client, tid, action="confirm"))
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"/console/aduan/{seeded[1]}")
    c = _complaint(db_session, tid)
    assert c.status == "dispatched" and c.agency.code == suggested
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "dikonfirmasi" in page


def test_reassign_archive_hoax_need_info(as_role, seeded, db_session):
    client = as_role("verifier")
    a, b, c_, d = seeded
    client.post(f"/console/aduan/{a}/tindakan", data=_form(client, a, action="reassign", agency="DLH"))
    assert _complaint(db_session, a).agency.code == "DLH"
    client.post(f"/console/aduan/{b}/tindakan", data=_form(client, b, action="archive", reason="Duplikat aduan lain"))
    assert _complaint(db_session, b).status == "archived"
    client.post(f"/console/aduan/{c_}/tindakan", data=_form(client, c_, action="hoax"))
    assert _complaint(db_session, c_).status == "hoax"
    resp = client.post(f"/console/aduan/{d}/tindakan",
                       data=_form(client, d, action="need_info", reason="Mohon sebutkan nama kantor desa."))
    assert _complaint(db_session, d).status == "need_info"
    assert resp.headers["Location"].endswith("/console/antrian")  # the queue is empty (need_info excluded)
    dispositions = db_session.scalars(select(Disposition)).all()
    assert {x.action for x in dispositions} == {"reassign", "archive", "hoax", "need_info"}
    assert all(x.user.endswith("verifier-console") for x in dispositions)


def test_missing_reason_and_unknown_agency_are_readable(as_role, seeded, db_session):
    client = as_role("verifier")
    tid = seeded[0]
    resp = client.post(f"/console/aduan/{tid}/tindakan", data=_form(client, tid, action="archive", reason=""),
                       follow_redirects=True)
    assert "memerlukan alasan" in resp.get_data(as_text=True)
    resp = client.post(f"/console/aduan/{tid}/tindakan", data=_form(client, tid, action="reassign", agency="NOPE"),
                       follow_redirects=True)
    assert "tidak ada atau tidak aktif" in resp.get_data(as_text=True)
    assert _complaint(db_session, tid).status == "received"


def test_someone_else_decided_first(as_role, seeded, db_session, make_user):
    client = as_role("verifier")
    tid = seeded[0]
    stale = _form(client, tid, action="confirm")
    other = make_user("verifier", username="budi")
    client.application.test_client().post(f"/api/v1/complaints/{tid}/disposition",
                                          json={"action": "need_info", "reason": "lokasi?"}, headers=other)
    resp = client.post(f"/console/aduan/{tid}/tindakan", data=stale, follow_redirects=True)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "sudah diproses lebih dulu oleh budi" in html
    assert _complaint(db_session, tid).status == "need_info"
    # And after a final decision: still a message, not a crash.
    client.application.test_client().post(f"/api/v1/complaints/{tid}/disposition", json={"action": "hoax"},
                                          headers=other)
    resp = client.post(f"/console/aduan/{tid}/tindakan", data={**stale, "version": ""}, follow_redirects=True)
    assert "Hoaks" in resp.get_data(as_text=True) and "tidak disimpan" in resp.get_data(as_text=True)


def test_set_confidentiality(as_role, seeded, db_session):
    client = as_role("verifier")
    tid = seeded[0]
    resp = client.post(f"/console/aduan/{tid}/kerahasiaan", data=_form(client, tid, confidentiality="anonymous"),
                       follow_redirects=True)
    assert "diubah menjadi Anonim" in resp.get_data(as_text=True)
    assert _complaint(db_session, tid).confidentiality == "anonymous"
    events = db_session.scalars(select(Event).where(Event.type == "confidentiality")).all()
    assert events and events[-1].data == {"from": "public", "to": "anonymous"}
    resp = client.post(f"/console/aduan/{tid}/kerahasiaan", data=_form(client, tid, confidentiality="bogus"),
                       follow_redirects=True)
    assert "Pilih salah satu" in resp.get_data(as_text=True)


def test_confidentiality_suggestion_reads_the_title_too(app, as_role):
    # The accusation is only in the title: the console suggests "secret" as intake's 201 hint does.
    [tid] = seed_complaints(app, [{"title": "Pungli oleh petugas loket KTP",
                                   "text": "Mohon ditindaklanjuti, kejadiannya kemarin siang di kantor kelurahan"}])
    html = as_role("verifier").get(f"/console/aduan/{tid}").get_data(as_text=True)
    hint = re.search(r'<p class="hint">Saran: <strong>([^<]+)</strong> — ([^<]+)</p>', html)
    assert hint and hint.group(1) == "Rahasia" and "pungutan liar" in hint.group(2), html[-3000:]


# -- agencies and officers ------------------------------------------------------------------------

def _dispatch(client, tid, agency):
    client.post(f"/console/aduan/{tid}/tindakan", data=_form(client, tid, action="reassign", agency=agency))


def test_agency_view_counts(as_role, seeded):
    client = as_role("verifier")
    _dispatch(client, seeded[0], "DPUPR")
    _dispatch(client, seeded[1], "DPUPR")
    html = client.get("/console/instansi").get_data(as_text=True)
    row = re.search(r"DPUPR</span></td>(.*?)</tr>", html, re.S).group(1)
    nums = re.findall(r'<td class="num[^"]*">(\d+)', row)
    assert nums[:3] == ["2", "0", "0"]


@pytest.fixture
def officer_setup(client, make_user, seeded):
    make_user("verifier", username="rina")
    login(client, "rina")
    _dispatch(client, seeded[0], "DPUPR")
    _dispatch(client, seeded[1], "DISHUB")
    client.delete_cookie("session")
    make_user("agency_officer", agency="DPUPR", username="andi")
    login(client, "andi")
    return client


def test_officer_sees_only_own_agency(officer_setup, seeded):
    client = officer_setup
    html = client.get("/console/petugas").get_data(as_text=True)
    assert seeded[0] in html and seeded[1] not in html
    assert client.get(f"/console/petugas/aduan/{seeded[1]}").status_code == 404
    page = client.get(f"/console/petugas/aduan/{seeded[0]}").get_data(as_text=True)
    assert "Catat tindak lanjut" in page and "Budi Santoso" in page  # public report: contact visible
    resp = client.post(f"/console/petugas/aduan/{seeded[1]}/tindak-lanjut",
                       data={"csrf_token": csrf_token(page), "status": "done", "text": "sudah"})
    assert resp.status_code == 404


def test_officer_records_followup_and_returns(officer_setup, seeded, db_session):
    client = officer_setup
    page = client.get(f"/console/petugas/aduan/{seeded[0]}").get_data(as_text=True)
    token = csrf_token(page)
    resp = client.post(f"/console/petugas/aduan/{seeded[0]}/tindak-lanjut",
                       data={"csrf_token": token, "status": "in_progress", "text": "Tim meninjau lokasi besok."},
                       follow_redirects=True)
    assert "Tindak lanjut aduan" in resp.get_data(as_text=True)
    assert _complaint(db_session, seeded[0]).status == "followed_up"
    resp = client.post(f"/console/petugas/aduan/{seeded[0]}/tindak-lanjut",
                       data={"csrf_token": token, "status": "not_our_authority", "text": ""}, follow_redirects=True)
    assert "Isi keterangan" in resp.get_data(as_text=True)
    client.post(f"/console/petugas/aduan/{seeded[0]}/tindak-lanjut",
                data={"csrf_token": token, "status": "not_our_authority", "text": "Jalan provinsi, bukan kabupaten."})
    c = _complaint(db_session, seeded[0])
    assert c.status == "returned" and c.agency is None
    client.get("/console/petugas")  # shows the flash message naming it
    assert seeded[0] not in client.get("/console/petugas").get_data(as_text=True)


def test_history_says_a_report_joined_a_cluster_without_naming_the_other_report(as_role, client, api_key, db_session):
    """Intake links a repeat report to the first in one transaction; the history says so (the cluster's
    number, not the other report's id or words: a reader of one report may not see the other)."""
    text = "Lampu PJU di Jl. Kenari RT 04 Kel. Sukamaju mati total sudah 2 minggu.Mohon diperbaiki"
    first = client.post("/api/v1/complaints", json={"text": text}, headers=api_key).json["tracking_id"]
    second = client.post("/api/v1/complaints", json={"text": text + " segera"}, headers=api_key).json["tracking_id"]
    verifier = as_role("verifier")
    html = verifier.get(f"/console/aduan/{second}").get_data(as_text=True)
    history = html[html.index("Riwayat"):]
    cluster = _complaint(db_session, second).cluster_member.cluster_id
    assert f"Digabung dengan aduan serupa (klaster {cluster})" in history and first not in history
    assert "Aduan diterima" in history
