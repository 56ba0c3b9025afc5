"""Realistic demo content for browser tests and screenshots, from the shipped sample complaints only."""

from __future__ import annotations

import datetime as dt

from werkzeug.security import generate_password_hash

from api import extensions

PASSWORD = "rahasia-123"
# The most overdue complaint in the demo queue: a story with a name and a phone number to highlight.
FIRST = "SMP-000449"


def seed_demo(app, queue_size: int = 40, history: int = 120) -> dict:
    """`history` sample complaints dispatched to their labelled agency (some answered), then
    `queue_size` others waiting in the queue with deadlines from overdue to fresh. Returns
    {"first": tracking id of FIRST, "sample_ids": {tracking_id: sample id}}."""
    from api.models import Agency, Complaint, FollowUp, User
    from api.principal import Principal
    from api.schemas import ComplaintCreate, DispositionCreate
    from api.services import decisions
    from api.services.intake import intake
    from api.workflow import Role
    from triage.data import load_sample_complaints

    df = load_sample_complaints()
    genuine = df[(df["hoax"] == 0) & (df["id"] != FIRST)].sample(frac=1.0, random_state=11)
    hoaxes = df[df["hoax"] == 1].sample(3, random_state=3)
    waiting = [df[df["id"] == FIRST].iloc[0], *[r for _, r in genuine.iloc[: queue_size - 4].iterrows()]]
    for pos, (_, r) in zip((6, 13, 21), hoaxes.iterrows(), strict=True):
        waiting.insert(pos, r)
    past = [r for _, r in genuine.iloc[queue_size : queue_size + history].iterrows()]

    deadlines = extensions.deadlines(app)
    holder = extensions.holder(app)
    now = dt.datetime.now(dt.UTC)
    gateway = Principal("key", 0, "lapor-gateway", Role.SYSTEM)
    ids: dict[str, str] = {}
    with app.app_context(), extensions.sessionmaker(app)() as s:
        cheap = "pbkdf2:sha256:1000"
        s.add(User(username="rina", password_hash=generate_password_hash(PASSWORD, cheap), role="verifier"))
        s.add(User(username="sari", password_hash=generate_password_hash(PASSWORD, cheap), role="verifier"))
        dpupr = s.query(Agency).filter_by(code="DPUPR").one()
        s.add(User(username="andi", password_hash=generate_password_hash(PASSWORD, cheap), role="agency_officer",
                   agency_id=dpupr.id))
        s.commit()
        sari = Principal("user", 2, "sari", "verifier")

        def store(row, received):
            data = {"text": row["text"], "channel": row["channel"]}
            if row["title"]:
                data["title"] = row["title"]
            c = intake(ComplaintCreate.model_validate(data), session=s, principal=gateway, holder=holder,
                       deadlines=deadlines).complaint
            c = s.get(Complaint, c.id)
            c.received_at = received
            c.verify_due = deadlines.verify_due(received)
            c.due_at = c.verify_due
            s.commit()
            ids[c.tracking_id] = row["id"]
            return c

        for i, row in enumerate(past):
            c = store(row, now - dt.timedelta(days=30 - i % 25, hours=i % 7))
            decisions.decide(c.tracking_id, DispositionCreate(action="reassign", agency=row["agency"]), session=s,
                             principal=sari, deadlines=deadlines)
            if i % 3 == 0:
                c = s.get(Complaint, c.id)
                s.add(FollowUp(complaint_id=c.id, agency_id=c.agency_id, status="done", text="Sudah ditangani.",
                               user="user:petugas", created_at=now - dt.timedelta(days=2)))
                c.status, c.due_at = "closed", None
                s.commit()
        for i, row in enumerate(waiting):
            # First one ~5 working days old (overdue), then spread over the last days.
            store(row, now - dt.timedelta(days=7) if i == 0 else now - dt.timedelta(hours=2 + 3.2 * (queue_size - i)))
    first = next(t for t, sid in ids.items() if sid == FIRST)
    return {"first": first, "sample_ids": ids}
