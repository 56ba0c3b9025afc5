"""The console in headless Chromium: log in, work the queue with the keyboard, check the database."""

from __future__ import annotations

import re

import pytest
from demo_data import PASSWORD
from sqlalchemy import select

from api import extensions

pytestmark = pytest.mark.e2e


def _complaint(app, tracking_id):
    from api.models import Complaint

    with extensions.sessionmaker(app)() as s:
        c = s.scalar(select(Complaint).where(Complaint.tracking_id == tracking_id))
        return c.status, (c.agency.code if c.agency_id else None), c.suggested_agency, [d.action for d in c.dispositions]


def _login(page, base, username="rina"):
    page.goto(f"{base}/console/antrian")
    assert "/console/masuk" in page.url
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/console/antrian.*"))


def test_verifier_works_the_queue_with_the_keyboard(live_app, page, screenshot_dir):
    app, base, demo = live_app
    _login(page, base)
    assert page.locator("h1").inner_text() == "Antrian Verifikasi"
    rows = page.locator("table.queue tbody tr")
    assert rows.count() == 40
    first = rows.first.locator("a.tracking").inner_text()
    assert first == demo["first"]  # the overdue one leads
    assert "Terlambat" in rows.first.inner_text()
    page.screenshot(path=str(screenshot_dir / "queue.png"))

    # J selects the first row, Enter opens it.
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf".*/console/aduan/{first}.*"))
    assert page.locator("mark.pii").count() >= 1
    assert "Pintasan keyboard" in page.content()
    page.screenshot(path=str(screenshot_dir / "complaint.png"), full_page=True)

    # Enter confirms the suggestion; the next complaint opens.
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/console/aduan/" in url and first not in url)
    assert "dikonfirmasi" in page.locator(".flash-success").inner_text()
    status, agency, suggested, actions = _complaint(app, first)
    assert (status, actions) == ("dispatched", ["confirm"]) and agency == suggested

    # "/" opens the searchable list; typing narrows it; Enter sends to the highlighted agency.
    second = re.search(r"/console/aduan/([A-Z0-9-]+)", page.url).group(1)
    page.keyboard.press("/")
    page.keyboard.type("satpol")
    visible = page.locator(".agency-option:not(.hidden)")
    assert visible.count() == 1 and "SATPOLPP" in visible.inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: second not in url)
    status, agency, _suggested, actions = _complaint(app, second)
    assert (status, agency, actions) == ("dispatched", "SATPOLPP", ["reassign"])


def test_archive_needs_a_reason_and_shortcuts_open_panels(live_app, page):
    app, base, _demo = live_app
    _login(page, base, "sari")
    page.locator("table.queue tbody tr").nth(2).locator("a.tracking").click()
    page.wait_for_load_state("load")
    tracking = re.search(r"/console/aduan/([A-Z0-9-]+)", page.url).group(1)
    page.keyboard.press("a")
    assert page.locator("#panel-archive").get_attribute("open") is not None
    page.keyboard.type("Duplikat aduan lain")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: tracking not in url)
    assert _complaint(app, tracking)[0] == "archived"


def test_officer_sees_own_agency_and_answers(live_app, page):
    app, base, _demo = live_app
    page.goto(f"{base}/console/masuk")
    page.fill("input[name=username]", "andi")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/console/petugas$"))
    rows = page.locator("table.queue tbody tr")
    assert rows.count() >= 1
    rows.first.locator("a.tracking").click()
    tracking = re.search(r"/petugas/aduan/([A-Z0-9-]+)", page.url).group(1)
    page.fill("#form-return textarea[name=text]", "Jalan provinsi: kewenangan Dinas PU Provinsi.")
    page.click("#form-return button[type=submit]")
    page.wait_for_url(re.compile(r".*/console/petugas$"))
    assert _complaint(app, tracking)[0] == "returned"
