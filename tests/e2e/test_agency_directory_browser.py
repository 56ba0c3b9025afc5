"""The admin's agency directory page in headless Chromium: add, a validation error next to its field, edit,
deactivate and merge; each checked in the database."""

from __future__ import annotations

import re

import pytest
from demo_data import PASSWORD
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from api import extensions

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def admin(live_app):
    from api.models import User

    app, _base, _demo = live_app
    with extensions.sessionmaker(app)() as s:
        if s.scalar(select(User).where(User.username == "dewi")) is None:
            s.add(User(username="dewi", password_hash=generate_password_hash(PASSWORD, "pbkdf2:sha256:1000"),
                       role="admin"))
            s.commit()
    return "dewi"


def _agency(app, code):
    from api.models import Agency

    with extensions.sessionmaker(app)() as s:
        a = s.scalar(select(Agency).where(Agency.code == code))
        return None if a is None else {"name": a.name, "aliases": a.aliases, "keywords": a.keywords,
                                       "deadline_days": a.deadline_days, "active": a.active,
                                       "description": a.description}


def test_admin_manages_the_directory(live_app, admin, page, screenshot_dir):
    app, base, _ = live_app
    page.goto(f"{base}/console/masuk")
    page.fill("input[name=username]", admin)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/console/.*"))
    page.click("nav.mainnav >> text=Direktori")
    page.wait_for_url(re.compile(r".*/console/instansi/kelola$"))

    # A validation error: an alias another agency already has, and a deadline of 0 days.
    form = page.locator("#form-add")
    form.locator("input[name=code]").fill("DISPARBUD")
    form.locator("input[name=name]").fill("Dinas Pariwisata dan Kebudayaan")
    form.locator("textarea[name=aliases]").fill("Disparbud\nDinkes")
    form.locator("input[name=deadline_days]").fill("0")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    # The field's own check first; the form keeps what was typed.
    assert page.locator("#error-deadline_days").inner_text() == "paling sedikit 1"
    assert page.locator("#form-add input[name=name]").input_value() == "Dinas Pariwisata dan Kebudayaan"
    page.locator("#form-add input[name=deadline_days]").fill("7")
    page.locator("#form-add button[type=submit]").click()
    page.wait_for_load_state()
    # Then the directory's: the alias belongs to another agency.
    assert page.locator("#error-aliases").inner_text().startswith("alias 'Dinkes' sudah dipakai instansi DINKES")
    assert page.locator("#error-deadline_days").count() == 0
    assert _agency(app, "DISPARBUD") is None
    page.screenshot(path=str(screenshot_dir / "console-agency-directory-error.png"), full_page=True)

    # Add, with the error fixed.
    page.locator("#form-add textarea[name=aliases]").fill("Disparbud")
    page.locator("#form-add textarea[name=keywords]").fill("objek wisata\ncagar budaya")
    page.locator("#form-add button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/console/instansi/kelola$"))
    assert "Instansi DISPARBUD ditambahkan." in page.locator(".flash-success").inner_text()
    assert _agency(app, "DISPARBUD") == {"name": "Dinas Pariwisata dan Kebudayaan", "aliases": ["Disparbud"],
                                        "keywords": ["objek wisata", "cagar budaya"], "deadline_days": 7,
                                        "active": True, "description": None}

    # Edit: a description and one more keyword.
    page.locator("#agency-DISPARBUD >> text=Ubah").click()
    page.wait_for_url(re.compile(r".*/console/instansi/kelola/DISPARBUD$"))
    assert page.locator("#form-edit input[name=code]").get_attribute("readonly") is not None
    page.locator("#form-edit textarea[name=keywords]").fill("objek wisata\ncagar budaya\ntiket masuk")
    page.locator("#form-edit textarea[name=description]").fill("Mengelola objek wisata dan cagar budaya.")
    page.locator("#form-edit button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/console/instansi/kelola$"))
    got = _agency(app, "DISPARBUD")
    assert got["keywords"] == ["objek wisata", "cagar budaya", "tiket masuk"]
    assert got["description"] == "Mengelola objek wisata dan cagar budaya." and got["aliases"] == ["Disparbud"]

    # Deactivate.
    page.locator("#agency-DISNAKER button:has-text('Nonaktifkan')").click()
    page.wait_for_url(re.compile(r".*/console/instansi/kelola$"))
    assert _agency(app, "DISNAKER")["active"] is False
    assert "nonaktif" in page.locator("#agency-DISNAKER").inner_text()

    # Merge DISPERINDAG into DPMPTSP after a (fictional) regulation.
    old_name = _agency(app, "DISPERINDAG")["name"]
    merge = page.locator("#form-merge")
    merge.locator("select[name=olds]").select_option(["DISPERINDAG"])
    merge.locator("select[name=into]").select_option("DPMPTSP")
    merge.locator("input[name=reason]").fill("Perda No. 1 Tahun 2027")
    merge.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/console/instansi/kelola$"))
    assert "digabung ke DPMPTSP" in page.locator(".flash-success").inner_text()
    assert _agency(app, "DISPERINDAG")["active"] is False
    assert old_name in _agency(app, "DPMPTSP")["aliases"]
    assert "digabung" in page.locator("#directory-history").inner_text()
    page.screenshot(path=str(screenshot_dir / "console-agency-directory.png"), full_page=True)
