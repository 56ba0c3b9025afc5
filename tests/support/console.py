"""Helpers for console tests (and tests/e2e, tests/hardening): log in through the form, seed complaints."""

from __future__ import annotations

import datetime as dt
import re

from api import extensions

PASSWORD = "rahasia-123"


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(html: str) -> str:
    m = CSRF_RE.search(html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def login(client, username: str, password: str = PASSWORD):
    page = client.get("/console/masuk")
    return client.post("/console/masuk", data={"username": username, "password": password,
                                               "csrf_token": csrf_token(page.get_data(as_text=True))})


def seed_complaints(app, texts: list[dict], now: dt.datetime | None = None) -> list[str]:
    """Store complaints through the intake service (the real model suggests); returns tracking ids.

    Each item: {"text", "title"?, "channel"?, "confidentiality"?, "received_at"?, "reporter"?}.
    """
    from api.models import Complaint
    from api.principal import Principal
    from api.schemas import ComplaintCreate
    from api.services.intake import intake
    from api.workflow import Role

    deadlines = extensions.deadlines(app)
    holder = extensions.holder(app)
    out = []
    with app.app_context(), extensions.sessionmaker(app)() as s:
        principal = Principal("key", 0, "seed", Role.SYSTEM)
        for item in texts:
            data = {k: item[k] for k in ("text", "title", "channel", "confidentiality", "reporter") if item.get(k)}
            result = intake(ComplaintCreate.model_validate(data), session=s, principal=principal, holder=holder,
                            deadlines=deadlines)
            c = s.get(Complaint, result.complaint.id)
            if item.get("received_at"):
                c.received_at = item["received_at"]
                c.verify_due = deadlines.verify_due(c.received_at)
                c.due_at = c.verify_due
                s.commit()
            out.append(c.tracking_id)
    return out
