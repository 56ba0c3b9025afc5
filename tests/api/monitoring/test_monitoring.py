"""`triage train --from-db` writes what compare and monitoring need; the monitoring JSON, page and gauges."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from api import create_app, extensions
from api.model_holder import ModelHolder
from api.monitoring import service as monitoring
from api.training_data import ExportResult
from training.from_db import DRIFT_FILE, train_from_db
from triage.data import load_sample_complaints


def _export_rows(df: pd.DataFrame) -> list[dict]:
    t0 = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    return [{"id": f"LPR-{i}", "decided_at": (t0 + dt.timedelta(hours=i)).isoformat(), "title": "",
             "text": t, "agency": a, "category": "", "hoax": int(h)}
            for i, (t, a, h) in enumerate(zip(df["text"], df["agency"], df["hoax"], strict=True))]


@pytest.fixture(scope="module")
def db_bundle(tmp_path_factory):
    df = load_sample_complaints().sample(frac=1.0, random_state=0)
    seed = tmp_path_factory.mktemp("seed") / "seed.csv"
    df.iloc[:600].to_csv(seed, index=False)
    export = ExportResult(_export_rows(df.iloc[600:]), {"rows": len(df) - 600}, {})
    bundle, info = train_from_db(tmp_path_factory.mktemp("fromdb") / "fromdb", [seed], encoder="tfidf",
                                 half_life=90, export=export)
    return bundle, info


def test_train_from_db_records_time_window_test_metrics_and_drift_reference(db_bundle):
    bundle, info = db_bundle
    meta = json.loads((bundle.path / "bundle.json").read_text())
    t = meta["training"]
    assert t["source"] == "db+seed" and t["recency_half_life_days"] == 90
    assert t["test_rows"] == info["test_rows"] > 0 and t["data_until"] < t["test_from"]
    assert meta["recency_half_life_days"] == 90
    assert set(meta["metrics"]["test"]["agency"]) >= {"macro_f1", "coverage_at_95", "n"}
    assert (bundle.path / DRIFT_FILE).is_file() and 0 < meta["drift"]["baseline_similarity"] <= 1
    from triage.bundle import load_bundle

    load_bundle(bundle.path)  # the extra files do not break the bundle's checks


@pytest.fixture
def mon_app(app_config, db_bundle):
    holder = ModelHolder()
    holder.load(db_bundle[0].path)
    app = create_app({**app_config, "MODEL_HOLDER": holder})
    yield app
    extensions.engine(app).dispose()


def test_monitoring_json_page_and_gauges(mon_app, make_user):
    client = mon_app.test_client()
    verifier, scientist = make_user("verifier"), make_user("data_scientist")
    df = load_sample_complaints().sample(12, random_state=3)
    accepted = 0
    for i, (text, agency) in enumerate(zip(df["text"], df["agency"], strict=True)):
        sug = client.post("/api/v1/complaints", json={"text": text, "channel": "web"}, headers=verifier).json
        tid, top = sug["tracking_id"], sug["suggestion"]["agency"]["candidates"][0]["label"]
        if i == 0:
            body = {"action": "hoax"}
        elif i % 2:
            body = {"action": "confirm"}
            accepted += 1
        else:
            other = agency if agency != top else next(c["label"] for c in sug["suggestion"]["agency"]["candidates"][1:])
            body = {"action": "reassign", "agency": other}
        r = client.post(f"/api/v1/complaints/{tid}/disposition", json=body, headers=verifier)
        assert r.status_code == 200, r.json
    resp = client.get("/api/v1/monitoring", headers=scientist)
    assert resp.status_code == 200, resp.json
    snap = resp.json
    acc = snap["acceptance"]
    assert acc["decisions"] == 11 and acc["accepted"] == accepted
    assert sum(m["decisions"] for m in acc["per_agency"].values()) == 11
    assert abs(sum(snap["bands"]["share"].values()) - 1) < 1e-3 and snap["bands"]["suggestions"] == 12
    assert sum(w["hoax_decisions"] for w in snap["hoax"]["per_week"].values()) == 1
    assert snap["drift"]["status"] in ("ok", "drifting") and snap["drift"]["texts"] == 12
    assert client.get("/api/v1/monitoring", headers=verifier).status_code == 403
    assert client.get("/api/v1/monitoring?weeks=0", headers=scientist).status_code == 422
    from api import jobs

    with extensions.sessionmaker(mon_app)() as s:
        jobs.enqueue(s, "reclassify", {}, actor="test", deliver=False)
    page = client.get("/monitoring", headers=scientist)
    assert page.status_code == 200 and "Tingkat penerimaan saran" in page.text and "cdn" not in page.text.lower()
    assert "Klasifikasi ulang" in page.text and "Menunggu" in page.text
    metrics = client.get("/metrics", headers=scientist).text
    assert "triage_suggestion_acceptance_rate" in metrics and "triage_drift_similarity" in metrics


def test_drift_signal_falls_for_texts_unlike_the_training_data(db_bundle, db_session):
    from api.models import Complaint, utcnow

    bundle, _ = db_bundle
    holder = ModelHolder()
    loaded = holder.load(bundle.path)
    now = utcnow()

    def store(texts):
        db_session.query(Complaint).delete()
        for i, t in enumerate(texts):
            db_session.add(Complaint(tracking_id=f"LPR-D{i:07d}", text=t, channel="web", confidentiality="public",
                                     status="received", received_at=now, version_id=1))
        db_session.commit()
        return monitoring.drift(db_session, loaded, now + dt.timedelta(seconds=1))

    same = store(load_sample_complaints().sample(40, random_state=5)["text"].tolist())
    other = store([f"quarterly earnings guidance semiconductor {i} shareholders dividend" for i in range(40)])
    assert other["similarity"] < same["similarity"]
    assert other["status"] == "drifting"
