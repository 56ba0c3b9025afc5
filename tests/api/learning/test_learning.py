"""Learning from decisions in the service: a verifier's decision changes the next suggestion for a
near-identical report; what is not routing evidence never teaches; the admin's switch stops it; refits
are promoted only when not worse, logged, and reach other machines through the database."""

from __future__ import annotations

import pytest

from api import create_app, extensions, registry
from api.learning import refit as learning_refit
from api.learning.models import LearningEvent
from api.models import Agency
from api.registry.models import ModelActivation, ModelBlob
from triage.learning.settings import LearningSettings

# Written for these tests: reports the model would not send where this office sends them.
ODD = "Bau menyengat dari pabrik tahu di belakang pasar sejak pekan lalu, warga mual"
ODD_AGAIN = "Bau menyengat pabrik tahu belakang pasar, warga mual sejak pekan lalu"


@pytest.fixture
def app(app_config):
    app = create_app({**app_config, "LEARNING_SYNC_BLOCKING": True, "LEARNING_CHECK_SECONDS": 0,
                      "RATE_LIMITS": False})
    yield app
    extensions.engine(app).dispose()


def _top(client, headers, text=ODD_AGAIN):
    sg = client.post("/api/v1/classify", json={"text": text}, headers=headers).json["suggestion"]
    return sg["agency"]["candidates"][0]["label"], sg


def _target(agency_codes, avoid):
    return next(c for c in agency_codes if c not in (avoid, "SETDA", "INSPEKTORAT"))


def test_a_decision_changes_the_next_suggestion(client, verifier, submit, decide, agency_codes):
    before, _ = _top(client, verifier)
    target = _target(agency_codes, before)
    for _ in range(2):
        decide(submit(ODD), "reassign", target)
    after, sg = _top(client, verifier)
    assert after == target and sg["model"]["learning"]["decisions"] == 2


@pytest.mark.parametrize("how", ["archive", "hoax", "need_info", "returned", "placeholder"])
def test_what_is_not_routing_evidence_never_teaches(how, client, verifier, submit, decide, agency_codes,
                                                    make_user, db_session):
    before, _ = _top(client, verifier)
    target = _target(agency_codes, before)
    for _ in range(3):
        tid = submit(ODD)
        if how in ("archive", "hoax", "need_info"):
            decide(tid, how)
        elif how == "returned":
            decide(tid, "reassign", target)
            officer = make_user("agency_officer", agency=target, username=f"petugas-{tid.lower()}")
            r = client.post(f"/api/v1/complaints/{tid}/followup",
                            json={"status": "not_our_authority", "text": "bukan kewenangan kami"}, headers=officer)
            assert r.status_code == 200
        else:
            placeholder = db_session.get(Agency, db_session.query(Agency).filter_by(code=target).one().id)
            placeholder.name = "Tidak Diketahui"
            db_session.commit()
            decide(tid, "reassign", target)
    after, sg = _top(client, verifier)
    assert after == before and sg["model"]["learning"]["decisions"] == 0


def test_switching_learning_off_stops_it_and_on_resumes(client, verifier, admin, submit, decide, agency_codes):
    before, _ = _top(client, verifier)
    target = _target(agency_codes, before)
    off = client.post("/api/v1/learning", json={"enabled": False, "reason": "uji"}, headers=admin)
    assert off.status_code == 200 and off.json["enabled"] is False
    assert off.json["events"][0]["kind"] == "switched" and off.json["events"][0]["actor"].startswith("user:")
    for _ in range(2):
        decide(submit(ODD), "reassign", target)
    after, sg = _top(client, verifier)
    assert after == before and "learning" not in sg["model"]  # the model alone
    on = client.post("/api/v1/learning", json={"enabled": True}, headers=admin)
    assert on.json["enabled"] is True
    assert _top(client, verifier)[0] == target  # what was decided meanwhile is taken in at once
    assert client.post("/api/v1/learning", json={"enabled": False}, headers=verifier).status_code == 403


@pytest.fixture
def admin(make_user):
    return make_user("admin")


def _decide_many(submit, decide, n, label_of):
    from triage.data import load_sample_complaints

    df = load_sample_complaints().sort_values("date").head(n)
    for text, title, agency in zip(df["text"], df["title"], df["agency"], strict=True):
        decide(submit(text, title=title or None), "reassign", label_of(agency))


def test_a_refit_is_promoted_when_not_worse_and_logged(app, db_session, submit, decide, models_dir, bundle_path):
    _decide_many(submit, decide, 150, lambda a: a)
    result = learning_refit.run_refit(db_session, models_dir=models_dir, model_path=bundle_path,
                                      settings=LearningSettings(refit_min_decisions=100, refit_holdout=0.25))
    assert result["promoted"], result["message"]
    act = registry.active(db_session)
    assert act.entry.version == result["version"] and act.actor == "learning:auto"
    assert act.comparison["verdict"] == "not_worse" and act.comparison["rows"] >= 20
    kinds = [e.kind for e in db_session.query(LearningEvent).order_by(LearningEvent.id)]
    assert kinds == ["refit_promoted"]
    assert db_session.query(ModelBlob).filter_by(entry_id=act.entry_id).count() >= 1  # in the database
    back = registry.rollback(db_session, actor="test", reason="uji")
    assert back.entry_id == act.previous_entry_id


def test_a_worse_refit_is_refused_and_logged(app, db_session, submit, decide, models_dir, bundle_path,
                                             monkeypatch):
    _decide_many(submit, decide, 200, lambda a: a)
    # The refit learns from a corrupted copy of the evidence (labels shuffled): a worse candidate.
    real = learning_refit.refit_agency_head

    def corrupted(model, evidence, settings):
        import numpy as np

        shuffled = np.random.default_rng(0).permutation(evidence.labels).tolist()
        return real(model, type(evidence)(evidence.texts, evidence.titles, shuffled, evidence.dates), settings)

    monkeypatch.setattr(learning_refit, "refit_agency_head", corrupted)
    result = learning_refit.run_refit(db_session, models_dir=models_dir, model_path=bundle_path,
                                      settings=LearningSettings(refit_min_decisions=100, refit_holdout=0.25))
    assert not result["promoted"] and result["comparison"]["verdict"] == "worse", result["message"]
    assert set(result["comparison"]["worse_on"]) <= {"macro_f1", "coverage_at_95"} and result["comparison"]["worse_on"]
    events = db_session.query(LearningEvent).all()
    assert [e.kind for e in events] == ["refit_refused"] and events[0].data["comparison"]["verdict"] == "worse"
    # The model in service was registered as the baseline and stays active; the candidate never was.
    acts = db_session.query(ModelActivation).order_by(ModelActivation.id).all()
    assert [a.action for a in acts] == ["activate"] and acts[0].entry.version != result["version"]


def test_a_refit_made_elsewhere_reaches_a_machine_with_another_models_folder(app, app_config, db_session, submit,
                                                                         decide, models_dir, bundle_path, tmp_path):
    _decide_many(submit, decide, 150, lambda a: a)
    result = learning_refit.run_refit(db_session, models_dir=models_dir, model_path=bundle_path,
                                      settings=LearningSettings(refit_min_decisions=100, refit_holdout=0.25))
    assert result["promoted"]
    import shutil

    shutil.rmtree(result["bundle"])  # the other machine never sees the worker's disk: only the database
    other = create_app({**app_config, "MODELS_DIR": str(tmp_path / "other-machine"), "MODEL_HOLDER": None,
                        "MODEL_PATH": str(bundle_path), "MODEL_SYNC_BLOCKING": True, "RATE_LIMITS": False})
    try:
        assert extensions.holder(other).current.version == result["version"]
        assert (tmp_path / "other-machine" / ".registry").is_dir()
    finally:
        extensions.engine(other).dispose()


def test_learning_status_and_console_page(app, client, admin, make_user):
    st = client.get("/api/v1/learning", headers=admin)
    assert st.status_code == 200 and st.json["enabled"] is True and st.json["settings"]["refit_every"] == 500
    assert client.get("/api/v1/learning").status_code == 401
    from support.console import login

    make_user("admin", username="admin-belajar")
    console = app.test_client()
    login(console, "admin-belajar")
    page = console.get("/console/pembelajaran")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Pembelajaran dari keputusan" in html and "Matikan pembelajaran" in html
    token = html.split('name="csrf_token" value="')[1].split('"')[0]
    off = console.post("/console/pembelajaran", data={"csrf_token": token, "enabled": "0", "reason": "uji"})
    assert off.status_code == 303
    assert client.get("/api/v1/learning", headers=admin).json["enabled"] is False


def test_a_decision_on_a_stored_suggestion_tunes_the_memorys_weight(client, verifier, admin, submit, decide,
                                                                     agency_codes):
    """The suggestion stored at intake keeps what the head and the memory said; deciding it feeds the tuner."""
    before, _ = _top(client, verifier)
    target = _target(agency_codes, before)
    decide(submit(ODD), "reassign", target)  # suggested with an empty memory: nothing to tune on
    blend = client.get("/api/v1/learning", headers=admin).json["blend"]
    assert blend["tuned_on"] == 0 and blend["memory_tau"] == LearningSettings().memory_tau
    tid = submit(ODD_AGAIN)  # suggested with a memory now: both parts are stored with the suggestion
    stored = client.get(f"/api/v1/complaints/{tid}", headers=verifier).json
    parts = stored["suggestion"]["model"]["learning"]["parts"]
    assert dict(parts["memory"]).get(target, 0) > 0.5 and parts["evidence"] > 0
    decide(tid, "reassign", target)
    blend = client.get("/api/v1/learning", headers=admin).json["blend"]
    assert blend["tuned_on"] == 1 and blend["tuned"] is False  # 100 are needed before tau moves
