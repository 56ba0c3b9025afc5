"""Model registry: activate and rollback while requests run, refusal of a worse candidate (and a forced
activation in the log), agency remapping of the model's labels."""

from __future__ import annotations

import datetime as dt
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from api import create_app, extensions, registry
from api.agencies import restructure
from api.model_holder import ModelHolder
from api.models import Agency, Suggestion
from api.registry.models import ModelActivation
from api.services.errors import Invalid
from triage.bundle import data_fingerprint, save_bundle
from triage.data import load_sample_complaints
from triage.model import TriageModel

HEADS = ("agency", "hoax")


def _train(out: Path, shuffle: bool) -> Path:
    df = load_sample_complaints()
    labels = {h: df[h].tolist() for h in HEADS}
    if shuffle:  # a deliberately bad model: agency labels permuted
        labels["agency"] = list(np.random.default_rng(0).permutation(labels["agency"]))
    model = TriageModel(encoder="tfidf").fit(df["text"].tolist(), labels, dates=df["date"].tolist())
    save_bundle(model, out, data_hash=data_fingerprint(df["text"].tolist(), labels), training_command="test",
                training_rows=len(df), name=out.name, overwrite=True)
    return out


@pytest.fixture(scope="module")
def bundles(tmp_path_factory, bundle_path):
    d = tmp_path_factory.mktemp("registry-models")
    return {"default": bundle_path, "good": _train(d / "good", False), "bad": _train(d / "bad", True)}


@pytest.fixture
def live_app(app_config, bundle_path):
    """An app with its own holder (the session's shared holder is never swapped) checking the
    registry on every request."""
    holder = ModelHolder()
    holder.load(bundle_path)
    # Rate limits off: the test hammers /classify from a thread pool, faster than 60/s on an idle machine.
    app = create_app({**app_config, "MODEL_HOLDER": holder, "MODEL_CHECK_SECONDS": 0, "RATE_LIMITS": False})
    yield app
    extensions.engine(app).dispose()


def _wait_for(holder, version, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if holder.current.version == version:
            return
        time.sleep(0.05)
    raise AssertionError(f"{version} never became active (now {holder.current.version})")


def test_activate_and_rollback_under_concurrent_requests(live_app, bundles, verifier, db_session):
    client = live_app.test_client()
    holder = extensions.holder(live_app)
    s = db_session
    first = registry.activate(s, str(bundles["default"]), actor="test", models_dir="models")
    assert first.comparison is None  # nothing active to compare with
    default_version = first.entry.version
    stop = threading.Event()
    failures, versions = [], []

    def hammer():
        c = live_app.test_client()
        while not stop.is_set():
            r = c.post("/api/v1/classify", json={"text": "jalan rusak berlubang di depan sekolah"}, headers=verifier)
            if r.status_code != 200:
                failures.append(r.status_code)
            else:
                versions.append(r.json["suggestion"]["model"]["version"])

    with ThreadPoolExecutor(4) as pool:
        for _ in range(4):
            pool.submit(hammer)
        time.sleep(0.5)
        act = registry.activate(s, str(bundles["good"]), actor="test", models_dir="models", force=True,
                                reason="test: no recent decisions yet")
        good_version = act.entry.version
        _wait_for(holder, good_version)
        n_switch = len(versions)
        time.sleep(0.5)
        back = registry.rollback(s, actor="test", reason="test rollback")
        assert back.entry.version == default_version
        _wait_for(holder, default_version)
        time.sleep(0.5)
        stop.set()
    assert failures == []
    assert set(versions) == {default_version, good_version}
    assert good_version in versions[n_switch:] and versions[-1] == default_version
    log = s.query(ModelActivation).order_by(ModelActivation.id).all()
    assert [a.action for a in log] == ["activate", "activate", "rollback"]
    assert log[1].forced is True or log[1].comparison["verdict"] == "insufficient"
    client.get("/api/v1/models", headers=verifier)


def test_every_stored_suggestion_records_its_model_version(client, verifier, db_session, model_holder):
    resp = client.post("/api/v1/complaints", json={"text": "Sampah menumpuk di pasar", "channel": "web"},
                       headers=verifier)
    assert resp.status_code == 201
    sug = db_session.query(Suggestion).one()
    assert sug.model_version == model_holder.current.version and sug.payload["model"]["version"] == sug.model_version


def _decisions(client, verifier, n=40):
    """Complaints from the sample data, decided by a verifier with their true agency."""
    df = load_sample_complaints().sample(n, random_state=1)
    # 80 quick requests from one verifier would pass the API's 60/second limit: not what is tested here.
    client.application.config["RATE_LIMIT_API"] = "100000/second"
    for text, agency in zip(df["text"], df["agency"], strict=True):
        r = client.post("/api/v1/complaints", json={"text": text, "channel": "web"}, headers=verifier)
        tid = r.json["tracking_id"]
        r = client.post(f"/api/v1/complaints/{tid}/disposition", json={"action": "reassign", "agency": agency},
                        headers=verifier)
        assert r.status_code == 200, r.json


def test_a_worse_candidate_is_refused_unless_forced_with_a_reason(client, verifier, db_session, bundles):
    s = db_session
    registry.activate(s, str(bundles["good"]), actor="test", models_dir="models")
    _decisions(client, verifier)
    with pytest.raises(registry.Refused) as exc:
        registry.activate(s, str(bundles["bad"]), actor="test", models_dir="models")
    comparison = exc.value.details["comparison"]
    assert comparison["verdict"] == "worse" and comparison["rows"] == 40
    assert comparison["candidate"]["macro_f1"] < comparison["active"]["macro_f1"]
    assert registry.active(s).entry.name == "good"
    with pytest.raises(Invalid):
        registry.activate(s, str(bundles["bad"]), actor="test", models_dir="models", force=True)
    forced = registry.activate(s, str(bundles["bad"]), actor="rina", models_dir="models", force=True,
                               reason="darurat: uji coba")
    assert forced.forced and forced.reason == "darurat: uji coba" and forced.comparison["verdict"] == "worse"
    # The good model back over the bad one: not worse, so no force needed.
    again = registry.activate(s, str(bundles["good"]), actor="test", models_dir="models")
    assert again.comparison["verdict"] == "not_worse" and not again.forced


def test_too_few_recent_decisions_refuse_without_force(db_session, bundles):
    registry.activate(db_session, str(bundles["good"]), actor="test", models_dir="models")
    with pytest.raises(registry.Refused) as exc:
        registry.activate(db_session, str(bundles["default"]), actor="test", models_dir="models")
    assert exc.value.details["comparison"]["verdict"] == "insufficient"


def test_cli_list_activate_compare_rollback(cli_env, bundles, db_session):
    from click.testing import CliRunner

    from api.registry.cli import models

    runner = CliRunner()
    env = {**cli_env, "TRIAGE_MODELS_DIR": str(bundles["good"].parent)}

    def run(*args):
        return runner.invoke(models, list(args), env=env, catch_exceptions=False)

    out = run("list")
    assert out.exit_code == 0 and "good" in out.output and "bad" in out.output
    assert run("activate", "good").exit_code == 0
    refused = run("activate", "bad")
    assert refused.exit_code != 0 and "refused" in refused.output
    assert run("compare", "bad").exit_code == 0
    assert run("activate", "bad", "--force", "--reason", "uji").exit_code == 0
    assert "good" in run("rollback", "--reason", "kembali").output
    assert "forced" in run("log").output


def test_merged_agency_labels_are_remapped_in_suggestions(live_app, verifier, db_session, bundle_path):
    holder = extensions.holder(live_app)
    client = live_app.test_client()
    text = load_sample_complaints().iloc[0]["text"]
    before = client.post("/api/v1/classify", json={"text": text}, headers=verifier).json["suggestion"]
    top = before["agency"]["candidates"][0]["label"]
    restructure.merge(db_session, [top], "DINAS_GABUNGAN", name="Dinas Gabungan", effective=dt.date.today(),
                      reason="Perda 1/2026", actor="test")
    after = client.post("/api/v1/classify", json={"text": text}, headers=verifier).json["suggestion"]
    labels = [c["label"] for c in after["agency"]["candidates"]]
    assert labels[0] == "DINAS_GABUNGAN" and top not in labels
    assert after["model"]["agency_remap"][top] == "DINAS_GABUNGAN"
    assert db_session.query(Agency).filter_by(code=top).one().active is False
    # A verifier can confirm the remapped suggestion: the new agency is active.
    tid = client.post("/api/v1/complaints", json={"text": text, "channel": "web"}, headers=verifier).json["tracking_id"]
    r = client.post(f"/api/v1/complaints/{tid}/disposition", json={"action": "confirm"}, headers=verifier)
    assert r.status_code == 200, r.json
    models = client.get("/api/v1/models", headers=verifier).json["items"]
    [active] = [m for m in models if m["active"]]
    assert active["agency_labels"]["remapped"] == {top: "DINAS_GABUNGAN"}
    assert holder.current.version == before["model"]["version"]  # no reload for a mapping change


def test_unknown_and_split_labels_are_reported(db_session, sample_bundle):
    labels = sample_bundle.labels("agency")
    a, b = labels[0], labels[1]
    restructure.split(db_session, a, ["BARU_1", "BARU_2"], names=["Satu", "Dua"], effective=dt.date.today(),
                      reason="Perda 2/2026", actor="test")
    db_session.query(Agency).filter_by(code=b).one().active = False  # closed, no successor
    db_session.commit()
    from triage.suggest import Suggester

    report = registry.remapping_suggester(db_session, Suggester(sample_bundle)).report
    assert report.split == {a: ["BARU_1", "BARU_2"]} and b in report.unknown
