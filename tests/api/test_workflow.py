"""Dispositions, follow-ups, the state machine, and concurrent decisions."""

import threading

import pytest
from sqlalchemy import select
from support.api import COMPLAINT

from api import extensions
from api.models import Complaint, Event
from api.principal import Principal
from api.schemas import DispositionCreate
from api.services import decisions
from api.services.errors import Conflict
from api.workflow import LABELS_ID, TRANSITIONS, Status


def url(tid, action=""):
    return f"/api/v1/complaints/{tid}" + (f"/{action}" if action else "")


@pytest.fixture
def officer(make_user, complaint):
    """An officer of the complaint's suggested agency."""
    return make_user("agency_officer", agency=complaint["suggestion"]["agency"]["candidates"][0]["label"])


def test_every_status_has_an_indonesian_label_and_transitions():
    assert set(LABELS_ID) == set(Status) == set(TRANSITIONS)


def test_confirm_dispatches_to_the_suggested_agency(client, verifier, complaint, db_session):
    top = complaint["suggestion"]["agency"]["candidates"][0]["label"]
    resp = client.post(url(complaint["tracking_id"], "disposition"), json={"action": "confirm"}, headers=verifier)
    assert resp.status_code == 200, resp.json
    d = resp.json
    assert d["status"] == "dispatched" and d["status_label"] == "Didisposisikan"
    assert d["agency"] == top
    assert d["followup_due"] and d["due_at"] == d["followup_due"]
    assert d["dispositions"][0]["action"] == "confirm"
    assert d["dispositions"][0]["suggestion_id"] == d["suggestion"]["id"]
    assert [h["to_status"] for h in d["history"]] == ["received", "dispatched"]


@pytest.mark.parametrize("action,status", [("archive", "archived"), ("hoax", "hoax"), ("need_info", "need_info")])
def test_other_actions(client, verifier, complaint, action, status):
    resp = client.post(url(complaint["tracking_id"], "disposition"), json={"action": action, "reason": "alasan"},
                       headers=verifier)
    assert resp.status_code == 200
    assert resp.json["status"] == status and resp.json["due_at"] is None
    assert resp.json["history"][-1]["data"]["reason"] == "alasan"


def test_archive_needs_a_reason(client, verifier, complaint):
    resp = client.post(url(complaint["tracking_id"], "disposition"), json={"action": "archive"}, headers=verifier)
    assert resp.status_code == 422 and resp.json["error"]["code"] == "reason_required"


def test_reassign_needs_a_known_active_agency(client, verifier, complaint):
    u = url(complaint["tracking_id"], "disposition")
    assert client.post(u, json={"action": "reassign"}, headers=verifier).json["error"]["code"] == "agency_required"
    resp = client.post(u, json={"action": "reassign", "agency": "NOPE"}, headers=verifier)
    assert resp.status_code == 422 and resp.json["error"]["code"] == "unknown_agency"


def test_decision_on_a_decided_complaint_is_409(client, verifier, complaint):
    u = url(complaint["tracking_id"], "disposition")
    assert client.post(u, json={"action": "hoax"}, headers=verifier).status_code == 200
    resp = client.post(u, json={"action": "confirm"}, headers=verifier)
    assert resp.status_code == 409 and resp.json["error"]["code"] == "invalid_transition"


def test_need_info_then_decide(client, verifier, complaint, agency_codes):
    u = url(complaint["tracking_id"], "disposition")
    client.post(u, json={"action": "need_info", "reason": "lokasi persisnya di mana?"}, headers=verifier)
    resp = client.post(u, json={"action": "reassign", "agency": agency_codes[2]}, headers=verifier)
    assert resp.status_code == 200 and resp.json["agency"] == agency_codes[2]


def test_followup_in_progress_then_done(client, verifier, officer, complaint):
    tid = complaint["tracking_id"]
    client.post(url(tid, "disposition"), json={"action": "confirm"}, headers=verifier)
    resp = client.post(url(tid, "followup"), json={"status": "in_progress", "text": "Tim sudah survei"}, headers=officer)
    assert resp.status_code == 200 and resp.json["status"] == "followed_up"
    assert resp.json["status_label"] == "Ditindaklanjuti"
    resp = client.post(url(tid, "followup"), json={"status": "done", "text": "Jalan sudah ditambal"}, headers=officer)
    assert resp.json["status"] == "closed" and resp.json["status_label"] == "Selesai" and resp.json["due_at"] is None
    assert [f["status"] for f in resp.json["followups"]] == ["in_progress", "done"]
    resp = client.post(url(tid, "followup"), json={"status": "done", "text": "lagi"}, headers=officer)
    assert resp.status_code == 409


def test_done_straight_from_dispatched_records_both_steps(client, verifier, officer, complaint):
    tid = complaint["tracking_id"]
    client.post(url(tid, "disposition"), json={"action": "confirm"}, headers=verifier)
    resp = client.post(url(tid, "followup"), json={"status": "done", "text": "Selesai diperbaiki"}, headers=officer)
    assert [h["to_status"] for h in resp.json["history"]] == ["received", "dispatched", "followed_up", "closed"]


def test_not_our_authority_returns_it_to_verifiers(client, verifier, officer, complaint, agency_codes):
    tid = complaint["tracking_id"]
    client.post(url(tid, "disposition"), json={"action": "confirm"}, headers=verifier)
    resp = client.post(url(tid, "followup"), json={"status": "not_our_authority", "text": "Jalan nasional, bukan kabupaten"},
                       headers=officer)
    assert resp.status_code == 200
    d = resp.json
    assert d["status"] == "returned" and d["agency"] is None
    assert d["due_at"] == d["verify_due"]
    # Handed back, the report is no longer the officer's: its words are hidden from them from now on ...
    assert d["redacted"] and d["text"] is None and "reason" not in d["history"][-1]["data"]
    assert client.get(url(tid), headers=officer).status_code == 404
    # ... and the verifiers, who decide again, read why.
    history = client.get(url(tid), headers=verifier).json["history"]
    assert history[-1]["data"]["reason"] == "Jalan nasional, bukan kabupaten"
    returned = client.get("/api/v1/complaints?status=returned", headers=verifier).json["items"]
    assert [c["tracking_id"] for c in returned] == [tid]
    other = next(a for a in agency_codes if a != complaint["suggestion"]["agency"]["candidates"][0]["label"])
    resp = client.post(url(tid, "disposition"), json={"action": "reassign", "agency": other}, headers=verifier)
    assert resp.status_code == 200 and resp.json["agency"] == other


def test_followup_before_dispatch_is_404_for_the_officer(client, officer, complaint, db_session):
    tid = complaint["tracking_id"]
    resp = client.post(url(tid, "followup"), json={"status": "done", "text": "x"}, headers=officer)
    assert resp.status_code == 404 and resp.json["error"]["code"] == "not_found" and tid in resp.json["error"]["message"]
    # Nothing was recorded: the complaint still waits for a verifier, with no follow-up and no new event.
    c = db_session.scalar(select(Complaint).where(Complaint.tracking_id == tid))
    assert c.status == "received" and c.followups == [] and [e.type for e in c.events] == ["received"]


def test_followup_validation(client, verifier, officer, complaint):
    tid = complaint["tracking_id"]
    client.post(url(tid, "disposition"), json={"action": "confirm"}, headers=verifier)
    for body, field, code in (({"status": "done"}, "text", "required"),
                              ({"status": "maybe", "text": "x"}, "status", "enum"),
                              ({"status": "done", "text": "   "}, "text", "blank")):
        resp = client.post(url(tid, "followup"), json=body, headers=officer)
        assert resp.status_code == 422 and resp.json["error"]["code"] == "validation_error", body
        assert [(d["field"], d["code"]) for d in resp.json["error"]["details"]] == [(field, code)], body


def test_stale_copy_conflicts_instead_of_overwriting(app, complaint, agency_codes):
    """Two sessions load the complaint; the first decision commits, the second gets Conflict."""
    maker = extensions.sessionmaker(app)
    deadlines = extensions.deadlines(app)
    alice = Principal("user", 1, "alice", "verifier")
    bob = Principal("user", 2, "bob", "verifier")
    s1, s2 = maker(), maker()
    try:
        c1 = s1.scalar(select(Complaint).where(Complaint.tracking_id == complaint["tracking_id"]))
        c2 = s2.scalar(select(Complaint).where(Complaint.tracking_id == complaint["tracking_id"]))
        assert c1.version_id == c2.version_id
        decisions.decide(complaint["tracking_id"], DispositionCreate(action="reassign", agency=agency_codes[0]),
                         session=s1, principal=alice, deadlines=deadlines)
        with pytest.raises(Conflict) as exc:
            decisions.decide(complaint["tracking_id"], DispositionCreate(action="hoax"), session=s2, principal=bob,
                             deadlines=deadlines)
        assert exc.value.code == "concurrent_update"
    finally:
        s1.close()
        s2.close()
    with maker() as s:
        c = s.scalar(select(Complaint).where(Complaint.tracking_id == complaint["tracking_id"]))
        assert c.status == "dispatched"
        events = s.scalars(select(Event).where(Event.complaint_id == c.id)).all()
        assert [e.actor for e in events] == ["user:verifier0", "user:alice"]


def test_concurrent_http_decisions_one_wins(app, make_user, agency_codes):
    """Two verifiers decide at the same moment: exactly one 200, the other 409."""
    v1, v2 = make_user("verifier"), make_user("verifier")
    tid = app.test_client().post("/api/v1/complaints", json=COMPLAINT, headers=v1).json["tracking_id"]
    barrier = threading.Barrier(2)
    results = []

    def decide(headers, body):
        client = app.test_client()
        barrier.wait()
        results.append(client.post(url(tid, "disposition"), json=body, headers=headers))

    threads = [
        threading.Thread(target=decide, args=(v1, {"action": "reassign", "agency": agency_codes[0]})),
        threading.Thread(target=decide, args=(v2, {"action": "archive", "reason": "duplikat"})),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.status_code for r in results) == [200, 409]
    loser = next(r for r in results if r.status_code == 409)
    assert loser.json["error"]["code"] in ("concurrent_update", "invalid_transition")
    detail = app.test_client().get(url(tid), headers=v1).json
    assert len(detail["dispositions"]) == 1
    assert len(detail["history"]) == 2
