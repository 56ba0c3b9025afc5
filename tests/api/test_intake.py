"""POST /complaints and GET /complaints/{id}: storage, suggestion, idempotency, model failure."""

from sqlalchemy import func, select
from support.api import COMPLAINT

from api import extensions
from api.models import Complaint, Event, ReporterContact, Suggestion


def test_intake_stores_complaint_contact_and_suggestion(client, verifier, db_session):
    resp = client.post("/api/v1/complaints", json=COMPLAINT, headers=verifier)
    assert resp.status_code == 201
    body = resp.json
    assert body["tracking_id"].startswith("LPR-")
    assert body["status"] == "received" and body["status_label"] == "Diterima"
    assert body["suggestion"]["model"]["name"]
    assert body["suggestion"]["agency"]["candidates"]
    assert resp.headers["Location"].endswith(f"/api/v1/complaints/{body['tracking_id']}")

    c = db_session.scalar(select(Complaint).where(Complaint.tracking_id == body["tracking_id"]))
    assert c.text == COMPLAINT["text"]  # as received, placeholders are only for display
    assert c.channel == "web" and c.confidentiality == "public"
    assert c.submitted_by.startswith("user:verifier")
    assert c.verify_due is not None and c.due_at == c.verify_due
    assert c.band == body["suggestion"]["agency"]["band"]
    contact = db_session.scalar(select(ReporterContact).where(ReporterContact.complaint_id == c.id))
    assert contact.phone == "081234567890"
    sug = db_session.scalar(select(Suggestion).where(Suggestion.complaint_id == c.id))
    assert sug.payload == body["suggestion"]  # stored as the model made it
    assert sug.top_agency == body["suggestion"]["agency"]["candidates"][0]["label"]
    assert [e.type for e in db_session.scalars(select(Event).where(Event.complaint_id == c.id))] == ["received"]


def test_api_key_intake_defaults_to_api_channel(client, api_key):
    resp = client.post("/api/v1/complaints", json={"text": "Lampu jalan mati sejak seminggu"}, headers=api_key)
    assert resp.status_code == 201
    detail = client.get(resp.headers["Location"], headers=api_key).json
    assert detail["channel"] == "api"
    assert detail["reporter"] is None  # systems never see contacts


def test_get_complaint_has_suggestion_history_and_pii(client, verifier, complaint):
    resp = client.get(f"/api/v1/complaints/{complaint['tracking_id']}", headers=verifier)
    assert resp.status_code == 200
    d = resp.json
    assert d["text"] == COMPLAINT["text"]
    assert d["suggestion"]["model"] == complaint["suggestion"]["model"]
    assert d["history"][0]["type"] == "received" and d["history"][0]["to_label"] == "Diterima"
    assert d["reporter"]["name"] == "Budi Santoso"
    kinds = {s["kind"] for s in d["pii"]}
    assert "TELEPON" in kinds
    assert "081234567890" not in d["masked_text"] and "[TELEPON]" in d["masked_text"]
    assert d["overdue"] is False and d["version"] >= 1


def test_unknown_complaint_is_404(client, verifier):
    resp = client.get("/api/v1/complaints/LPR-NOPE", headers=verifier)
    assert resp.status_code == 404
    assert resp.json["error"]["code"] == "not_found"


def test_idempotent_retry_returns_the_original_response(client, api_key, db_session):
    headers = {**api_key, "Idempotency-Key": "abc-123"}
    first = client.post("/api/v1/complaints", json=COMPLAINT, headers=headers)
    again = client.post("/api/v1/complaints", json=COMPLAINT, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json == first.json
    assert again.headers["Idempotent-Replay"] == "true"
    assert db_session.scalar(select(func.count()).select_from(Complaint)) == 1


def test_idempotency_key_with_another_body_is_409(client, api_key):
    headers = {**api_key, "Idempotency-Key": "abc-123"}
    assert client.post("/api/v1/complaints", json=COMPLAINT, headers=headers).status_code == 201
    resp = client.post("/api/v1/complaints", json={**COMPLAINT, "text": "lain"}, headers=headers)
    assert resp.status_code == 409
    assert resp.json["error"]["code"] == "idempotency_conflict"


def test_idempotency_keys_are_scoped_to_the_caller(client, api_key, verifier, db_session):
    assert client.post("/api/v1/complaints", json=COMPLAINT, headers={**api_key, "Idempotency-Key": "k"}).status_code == 201
    other = client.post("/api/v1/complaints", json={**COMPLAINT, "text": "beda"}, headers={**verifier, "Idempotency-Key": "k"})
    assert other.status_code == 201
    assert db_session.scalar(select(func.count()).select_from(Complaint)) == 2


class Broken:
    """Stands in for the suggester when the model fails at intake."""

    def analyse(self, texts, titles=None, heads=None):
        raise RuntimeError("model exploded")


def test_model_failure_still_stores_the_complaint(client, verifier, app, db_session, monkeypatch, caplog):
    holder = extensions.holder(app)
    monkeypatch.setattr(holder, "analyse", Broken().analyse)
    resp = client.post("/api/v1/complaints", json=COMPLAINT, headers=verifier)
    assert resp.status_code == 201
    assert resp.json["status"] == "received" and resp.json["suggestion"] is None
    c = db_session.scalar(select(Complaint).where(Complaint.tracking_id == resp.json["tracking_id"]))
    assert c.status == "received" and c.band is None
    assert db_session.scalar(select(func.count()).select_from(Suggestion)) == 0
    assert "classification failed during intake" in caplog.text


def test_no_model_loaded_is_503_for_classify_and_intake_still_works(client, verifier, app, monkeypatch):
    from api.model_holder import ModelHolder

    monkeypatch.setitem(app.extensions, "triage.model", ModelHolder())
    assert client.post("/api/v1/complaints", json=COMPLAINT, headers=verifier).status_code == 201
    resp = client.post("/api/v1/classify", json={"text": "jalan rusak"}, headers=verifier)
    assert resp.status_code == 503 and resp.json["error"]["code"] == "model_unavailable"
    assert resp.json["error"]["message"] == "the model is not loaded yet; retry later"  # no server paths
    assert resp.headers["Retry-After"]


def test_confidentiality_and_channel_are_validated(client, verifier):
    resp = client.post("/api/v1/complaints", json={**COMPLAINT, "channel": "fax"}, headers=verifier)
    assert resp.status_code == 422
    assert resp.json["error"]["details"][0]["field"] == "channel"


def test_simultaneous_retries_with_one_key_store_one_complaint(app, api_key, db_session):
    """Both copies of a retried request get 201 with the same complaint; one row is stored."""
    import threading

    barrier = threading.Barrier(2)
    results = []

    def send():
        client = app.test_client()
        barrier.wait()
        results.append(client.post("/api/v1/complaints", json=COMPLAINT, headers={**api_key, "Idempotency-Key": "race"}))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [201, 201]
    assert results[0].json["tracking_id"] == results[1].json["tracking_id"]
    assert db_session.scalar(select(func.count()).select_from(Complaint)) == 1


def test_the_returned_complaint_is_a_loaded_object_that_updates_like_one(app, db_session):
    """intake() hands back the rows it inserted with Core as persistent ORM objects: the same values as a
    load from the database, no pending change, and a later change in the same session is an UPDATE that
    passes the optimistic lock (version 1 -> 2)."""
    from api.principal import Principal
    from api.schemas import ComplaintCreate
    from api.services.intake import intake
    from api.workflow import Role

    with app.test_request_context("/"):
        result = intake(ComplaintCreate(**COMPLAINT), session=db_session,
                        principal=Principal("key", 1, "tester", Role.SYSTEM), holder=extensions.holder(),
                        deadlines=extensions.deadlines())
        c = result.complaint
        assert c in db_session and not db_session.dirty and not db_session.new
        with extensions.sessionmaker()() as fresh:
            loaded = fresh.get(Complaint, c.id)
            for col in Complaint.__table__.columns:
                assert getattr(c, col.key) == getattr(loaded, col.key), col.key
            assert c.suggestions[0].payload == loaded.suggestions[0].payload
        assert db_session.get(Complaint, c.id) is c
        c.status = "need_info"
        db_session.commit()
        with extensions.sessionmaker()() as fresh:
            row = fresh.get(Complaint, c.id)
            assert (row.status, row.version_id) == ("need_info", 2)
