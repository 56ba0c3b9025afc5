"""Duplicate clusters over the API: linking at intake, related reports, joint dispatch, reads."""

from __future__ import annotations

import pytest
from support.api import conforms

LAMP_A = ("Lampu PJU di Jl. Merdeka depan SDN 1 mati sudah seminggu, malam gelap sekali dan rawan kecelakaan. "
          "Mohon Dishub segera memperbaiki.")
LAMP_B = ("Lampu PJU di Jl. Merdeka depan SDN 1 mati sudah seminggu, malam gelap sekali dan rawan kecelakaan. "
          "Mohon Dishub segera memperbaiki. sudah lapor belum ada tanggapan")
LAMP_OTHER_STREET = ("Lampu PJU di Jl. Kenanga depan pasar mati sudah seminggu, malam gelap sekali dan rawan "
                     "kecelakaan. Mohon Dishub segera memperbaiki.")
OTHER_PROBLEM = "Pedagang kaki lima di Jl. Merdeka berjualan di trotoar sehingga pejalan kaki harus turun ke jalan."


def _submit(client, headers, text, title=None):
    body = {"text": text, "channel": "web"}
    if title:
        body["title"] = title
    resp = client.post("/api/v1/complaints", json=body, headers=headers)
    assert resp.status_code == 201, resp.json
    return resp.json["tracking_id"]


def _get(client, headers, tid):
    resp = client.get(f"/api/v1/complaints/{tid}", headers=headers)
    assert resp.status_code == 200
    return resp.json


@pytest.fixture
def spec(client):
    return client.get("/api/v1/openapi.json").json


def test_a_repeat_report_joins_the_first_in_a_cluster(client, verifier, spec, app):
    a = _submit(client, verifier, LAMP_A)
    other_street = _submit(client, verifier, LAMP_OTHER_STREET)
    other_problem = _submit(client, verifier, OTHER_PROBLEM)
    b = _submit(client, verifier, LAMP_B)
    ca, cb = _get(client, verifier, a), _get(client, verifier, b)
    assert ca["cluster_id"] is not None and ca["cluster_id"] == cb["cluster_id"]
    assert _get(client, verifier, other_street)["cluster_id"] is None
    assert _get(client, verifier, other_problem)["cluster_id"] is None
    assert any(e["type"] == "cluster" for e in cb["history"])
    # Both histories tell of the link, after each report's own "received" (intake writes the new report's
    # events and the earlier report's cluster event in one statement, in that order).
    for c in (ca, cb):
        kinds = [e["type"] for e in c["history"]]
        assert kinds.index("received") < kinds.index("cluster"), kinds
        assert kinds.count("cluster") == 1, kinds

    rel = client.get(f"/api/v1/complaints/{b}/related", headers=verifier)
    assert rel.status_code == 200
    conforms(spec, "/api/v1/complaints/{tracking_id}/related", "get", rel)
    by_id = {i["tracking_id"]: i for i in rel.json["items"]}
    assert by_id[a]["same_problem"] is True and "merdeka" in by_id[a]["shared_places"]
    assert b not in by_id
    if other_street in by_id:
        assert by_id[other_street]["same_problem"] is False

    listing = client.get("/api/v1/complaints", headers=verifier).json["items"]
    assert {i["tracking_id"]: i["cluster_id"] for i in listing}[b] == ca["cluster_id"]

    cl = client.get(f"/api/v1/clusters/{ca['cluster_id']}", headers=verifier)
    conforms(spec, "/api/v1/clusters/{cluster_id}", "get", cl)
    assert [m["tracking_id"] for m in cl.json["members"]] == [a, b] and cl.json["open"] is True
    assert cl.json["members"][1]["linked_to"] == a


def test_a_cluster_is_dispatched_together(client, verifier, spec):
    a = _submit(client, verifier, LAMP_A)
    b = _submit(client, verifier, LAMP_B)
    cid = _get(client, verifier, a)["cluster_id"]
    assert cid is not None
    resp = client.post(f"/api/v1/clusters/{cid}/disposition", json={"action": "reassign", "agency": "DISHUB"},
                       headers=verifier)
    assert resp.status_code == 200, resp.json
    conforms(spec, "/api/v1/clusters/{cluster_id}/disposition", "post", resp)
    assert [r["ok"] for r in resp.json["results"]] == [True, True]
    for tid in (a, b):
        c = _get(client, verifier, tid)
        assert c["status"] == "dispatched" and c["agency"] == "DISHUB"
        assert c["dispositions"][-1]["action"] == "reassign"
    assert resp.json["cluster"]["dispatched_by"]
    again = client.post(f"/api/v1/clusters/{cid}/disposition", json={"action": "reassign", "agency": "DISHUB"},
                        headers=verifier)
    assert again.status_code == 409 and again.json["error"]["code"] == "nothing_to_decide"


def test_cluster_disposition_roles_and_unknown(client, verifier, scientist):
    assert client.post("/api/v1/clusters/999/disposition", json={"action": "hoax"}, headers=verifier).status_code == 404
    assert client.post("/api/v1/clusters/1/disposition", json={"action": "hoax"}, headers=scientist).status_code == 403


def test_manual_link(client, verifier):
    a = _submit(client, verifier, "Air PDAM di Perumahan Griya Asri Blok C mati total sejak Senin.")
    b = _submit(client, verifier, "Bantuan PKH warga Desa Cikadu belum cair sejak Januari.")
    resp = client.post(f"/api/v1/complaints/{b}/cluster", json={"tracking_id": a}, headers=verifier)
    assert resp.status_code == 201, resp.json
    assert {m["tracking_id"] for m in resp.json["members"]} == {a, b}
    dup = client.post(f"/api/v1/complaints/{b}/cluster", json={"tracking_id": a}, headers=verifier)
    assert dup.status_code == 409


def test_linking_failure_never_loses_the_complaint(client, verifier, monkeypatch):
    from api.duplicates import service as duplicates

    def boom(*a, **k):
        raise RuntimeError("index broken")

    a = _submit(client, verifier, LAMP_A)
    monkeypatch.setattr(duplicates, "_plan_link", boom)
    b = _submit(client, verifier, LAMP_B)  # a repeat of `a`: it would be linked
    c = _get(client, verifier, b)
    assert c["status"] == "received" and c["cluster_id"] is None and c["suggestion"] is not None
    assert _get(client, verifier, a)["cluster_id"] is None


def test_a_link_that_loses_a_race_stores_the_report_without_it(client, verifier, monkeypatch, caplog):
    """Intake plans the link before it writes. If the report it joins is put in a cluster meanwhile (the plan
    says "no cluster yet"), the insert conflicts: the new report is stored on its own, with its suggestion."""
    from api.duplicates import service as duplicates

    a = _submit(client, verifier, LAMP_A)
    b = _submit(client, verifier, LAMP_B)
    cluster = _get(client, verifier, a)["cluster_id"]
    assert cluster is not None and _get(client, verifier, b)["cluster_id"] == cluster
    real = duplicates._plan_link

    def stale(*args, **kwargs):  # the plan as it was read before `a` joined its cluster
        plan = real(*args, **kwargs)
        assert plan is not None and plan.other_cluster_id == cluster
        return duplicates.LinkPlan(plan.other_id, plan.other_tracking_id, plan.other_status, None,
                                   plan.similarity, plan.evidence)

    monkeypatch.setattr(duplicates, "_plan_link", stale)
    third = LAMP_B + " Tolong segera."
    resp = client.post("/api/v1/complaints", json={"text": third, "channel": "web"}, headers=verifier)
    assert resp.status_code == 201, resp.json
    c = _get(client, verifier, resp.json["tracking_id"])
    assert c["cluster_id"] is None and c["suggestion"] is not None and c["text"] == third
    assert "lost a race" in caplog.text
    members = client.get(f"/api/v1/clusters/{cluster}", headers=verifier).json["members"]
    assert sorted(m["tracking_id"] for m in members) == sorted([a, b])


def test_related_validates_arguments(client, verifier):
    a = _submit(client, verifier, LAMP_A)
    assert client.get(f"/api/v1/complaints/{a}/related?limit=0", headers=verifier).status_code == 422
    assert client.get(f"/api/v1/complaints/{a}/related?window_days=x", headers=verifier).status_code == 422
    assert client.get("/api/v1/complaints/LPR-NONE/related", headers=verifier).status_code == 404


def test_intake_links_with_the_embedding_classification_computed(client, verifier, monkeypatch):
    """Issue 16 / 14.17: a new report is encoded once at intake; duplicate linking (the index catch-up and
    the search) reuses that embedding through the suggester's public API instead of encoding it again."""
    from triage.suggest import Suggester

    embedded: list[str] = []
    original = Suggester.embed

    def counting(self, texts):
        embedded.extend(t for t in texts if t)  # embedding_dim probes with [""]
        return original(self, texts)

    monkeypatch.setattr(Suggester, "embed", counting)
    a = _submit(client, verifier, LAMP_A)
    b = _submit(client, verifier, LAMP_B)
    assert _get(client, verifier, a)["cluster_id"] == _get(client, verifier, b)["cluster_id"] is not None
    assert embedded == []


def test_catch_up_reads_each_month_above_its_own_mark_and_uses_remembered_vectors(app, db_session, monkeypatch):
    """Each month of the window is read above its own mark, so a report that commits late with a lower
    id (an import's batch, on PostgreSQL's sequence) is still added; vectors remembered at intake are used
    (and taken out), not encoded again."""
    import datetime as dt

    from api import extensions
    from api.duplicates import service as duplicates
    from api.models import Complaint
    from api.workflow import Status
    from triage.suggest import Suggester

    def report(i: int, text: str, at: dt.datetime) -> Complaint:
        return Complaint(id=100 + i, tracking_id=f"LPR-CATCH{i}", text=text, channel="web", confidentiality="public",
                         status=Status.RECEIVED.value, received_at=at)

    with app.app_context():
        st = duplicates.store()
        index, loaded = st.get(extensions.holder())
        at = dt.datetime(2026, 3, 20, 9, tzinfo=dt.UTC)  # the window: February and March
        months = ["2026-02", "2026-03"]
        march = [report(5, LAMP_A, at), report(6, OTHER_PROBLEM, at - dt.timedelta(days=1))]
        db_session.add_all(march)
        db_session.commit()
        st.remember(loaded.version, march[0].id, loaded.suggester.embed([LAMP_A])[0])

        encoded: list[str] = []
        original = Suggester.embed
        monkeypatch.setattr(Suggester, "embed", lambda self, ts: (encoded.extend(ts), original(self, ts))[1])
        done = duplicates.catch_up(db_session, index, loaded, months, known=st.pending(loaded.version))
        assert (done.added, done.complete) == (2, True)
        assert encoded == [OTHER_PROBLEM] and st.pending(loaded.version).keys() == []
        assert [index.high_water(m) for m in months] == [0, march[1].id]

        late = report(1, LAMP_OTHER_STREET, dt.datetime(2026, 2, 25, 9, tzinfo=dt.UTC))  # a lower id, committed later
        db_session.add(late)
        db_session.commit()
        encoded.clear()
        assert duplicates.catch_up(db_session, index, loaded, months).added == 1 and encoded == [LAMP_OTHER_STREET]
        assert duplicates.catch_up(db_session, index, loaded, months).added == 0
        found = index.search(loaded.suggester.embed([LAMP_B])[0], at, 30, k=3, months=months)
        assert found[0].key == march[0].id and {n.key for n in found} == {late.id, *(r.id for r in march)}


def test_catch_up_of_several_months_reads_on_past_a_full_first_batch(app, db_session):
    """The window's months are first read in one statement; a month that fills the batch is read on by
    itself, and every report of every month ends up in the index once, under its own month."""
    import datetime as dt

    from api import extensions
    from api.duplicates import service as duplicates
    from api.models import Complaint
    from api.workflow import Status

    texts = [LAMP_A, OTHER_PROBLEM, LAMP_OTHER_STREET, LAMP_B, OTHER_PROBLEM + " lagi"]
    with app.app_context():
        st = duplicates.store()
        index, loaded = st.get(extensions.holder())
        months = ["2026-04", "2026-05", "2026-06"]
        rows = [Complaint(id=300 + i, tracking_id=f"LPR-MONTHS{i}", text=t, channel="web", confidentiality="public",
                          status=Status.RECEIVED.value, received_at=dt.datetime(2026, 4 + i % 3, 10 + i, tzinfo=dt.UTC))
                for i, t in enumerate(texts * 2)]  # April 4, May 3, June 3
        db_session.add_all(rows)
        db_session.commit()
        done = duplicates.catch_up(db_session, index, loaded, months, batch=2)
        assert (done.added, done.complete) == (len(rows), True)
        assert [index.high_water(m) for m in months] == [309, 307, 308]
        assert duplicates.catch_up(db_session, index, loaded, months, batch=2).added == 0
        found = index.search(loaded.suggester.embed([LAMP_A])[0], dt.datetime(2026, 6, 30, tzinfo=dt.UTC), 90, k=20,
                             months=months)
        assert sorted(n.key for n in found) == [r.id for r in rows]


def test_a_cold_index_is_filled_a_budget_at_a_time_and_intake_does_not_wait_for_it(app, db_session, monkeypatch):
    """A new model's index starts empty. Intake's catch-up stops at its time budget: the report is stored
    unlinked at once, the part filled is kept, and once the index is complete duplicates are linked again."""
    import datetime as dt

    from api import extensions
    from api.duplicates import service as duplicates
    from api.models import Complaint, utcnow
    from api.workflow import Status

    monkeypatch.setattr(duplicates, "ENCODE_CHUNK", 1)
    monkeypatch.setattr(duplicates, "LINK_BUDGET_SECONDS", 0.0)  # the deadline passes after every chunk
    now = utcnow()
    with app.app_context():
        texts = [LAMP_A, OTHER_PROBLEM, LAMP_OTHER_STREET]
        db_session.add_all([Complaint(tracking_id=f"LPR-COLD{i}", text=t, channel="web", confidentiality="public",
                                      status=Status.RECEIVED.value, received_at=now - dt.timedelta(days=i + 1))
                            for i, t in enumerate(texts)])
        db_session.commit()
        holder = extensions.holder()
        index, _loaded = duplicates.store().get(holder)
        plans = []
        for _ in range(3):
            plans.append(duplicates.plan_link(db_session, holder, LAMP_B, None, now))
            db_session.rollback()
        assert plans[:2] == [None, None] and len(index) == 3  # filled one report per request, then complete
        assert plans[2] is not None and plans[2].other_tracking_id == "LPR-COLD0"


def test_a_database_error_while_writing_the_link_stores_the_report_without_it(client, verifier, monkeypatch, caplog):
    from sqlalchemy.exc import OperationalError

    from api.duplicates import service as duplicates

    a = _submit(client, verifier, LAMP_A)

    def broken(*args, **kwargs):
        raise OperationalError("INSERT INTO cluster_member", {}, Exception("disk I/O error"))

    monkeypatch.setattr(duplicates, "write_link", broken)
    b = _submit(client, verifier, LAMP_B)
    c = _get(client, verifier, b)
    assert c["cluster_id"] is None and c["suggestion"] is not None and c["text"] == LAMP_B
    assert _get(client, verifier, a)["cluster_id"] is None and "stored without it" in caplog.text


def test_remembered_vectors_are_bounded_and_kept_per_model_version(tmp_path, monkeypatch):
    """Vectors of reports taken in wait for the next catch-up; a worker that takes in many without a
    search keeps only the newest, and a new model version drops the old version's vectors."""
    import numpy as np

    from api.duplicates import index_store

    monkeypatch.setattr(index_store, "PENDING_LIMIT", 3)
    st = index_store.IndexStore(tmp_path)
    for key in range(1, 6):
        st.remember("v1", key, np.full(4, key, dtype=np.float32))
    assert st.pending("v1").keys() == [3, 4, 5] and st.pending("v2") == {}
    assert st.pending("v1").pop(4).tolist() == [4.0] * 4 and st.pending("v1").keys() == [3, 5]
    st.remember("v2", 9, np.zeros(4, dtype=np.float32))
    assert st.pending("v1") == {} and st.pending("v2").keys() == [9]
