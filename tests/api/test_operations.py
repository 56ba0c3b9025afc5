"""Health checks, Prometheus metrics, the agency directory and the model list."""

import json

from support.api import COMPLAINT


def test_health_checks_need_no_credentials(client):
    for path in ("/healthz", "/api/v1/healthz"):
        assert client.get(path).json == {"status": "ok"}
    for path in ("/readyz", "/api/v1/readyz"):
        resp = client.get(path)
        assert resp.status_code == 200 and resp.json["status"] == "ready"
        assert resp.json["checks"]["database"] == "ok"


def test_readyz_is_503_without_a_model(client, app, monkeypatch):
    from api.model_holder import ModelHolder

    empty = ModelHolder()
    empty.last_error = "models/broken: no bundle.json"
    monkeypatch.setitem(app.extensions, "triage.model", empty)
    resp = client.get("/readyz")
    assert resp.status_code == 503 and resp.json["checks"]["model"] == "not_ready"
    assert "bundle" not in resp.get_data(as_text=True)  # no error text or file path for anonymous callers
    assert resp.headers["Retry-After"]


def test_readyz_names_the_model_and_shows_no_path(client, model_holder):
    resp = client.get("/api/v1/readyz")
    assert resp.json["checks"]["model"] == "ready"
    assert resp.json["checks"]["model_version"] == model_holder.current.version
    assert "/" not in resp.get_data(as_text=True).replace("\\/", "")


def test_readyz_is_503_when_the_sqlite_file_is_gone(tmp_path, model_holder):
    from api import create_app, extensions

    db = tmp_path / "triage.db"
    app = create_app({"INSTANCE_PATH": str(tmp_path / "i"), "DATABASE_URL": f"sqlite:///{db}", "AUTO_MIGRATE": True,
                      "MODEL_HOLDER": model_holder, "SECRET_KEY": "x", "MODELS_DIR": str(tmp_path / "m")})
    client = app.test_client()
    assert client.get("/readyz").status_code == 200
    db.unlink()
    resp = client.get("/readyz")
    assert resp.status_code == 503 and resp.json["checks"]["database"] == "missing"
    assert str(tmp_path) not in resp.get_data(as_text=True)
    extensions.engine(app).dispose()


def test_sqlite_runs_in_wal_mode_with_full_sync(tmp_path, model_holder):
    """The embedded database runs in WAL mode (gunicorn workers read while one writes; one fsync per
    commit) with synchronous=FULL: a commit is on disk when it returns."""
    from sqlalchemy import text

    from api import create_app, extensions

    app = create_app({"INSTANCE_PATH": str(tmp_path / "i"), "DATABASE_URL": f"sqlite:///{tmp_path / 't.db'}",
                      "AUTO_MIGRATE": True, "MODEL_HOLDER": model_holder, "SECRET_KEY": "x",
                      "MODELS_DIR": str(tmp_path / "m")})
    with extensions.engine(app).connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    extensions.engine(app).dispose()


def _sample(text: str, name: str, **labels) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_classifications_and_intake(client, api_key, scientist):
    before = client.get("/metrics", headers=scientist).get_data(as_text=True)
    band = client.post("/api/v1/classify", json={"text": "jalan rusak"}, headers=api_key).json["suggestion"]["agency"]["band"]
    client.post("/api/v1/complaints", json={**COMPLAINT, "channel": "sms"}, headers=api_key)
    client.get("/api/v1/complaints/LPR-NONE", headers=scientist)
    resp = client.get("/metrics", headers=scientist)
    assert resp.status_code == 200 and resp.mimetype == "text/plain"
    after = resp.get_data(as_text=True)

    def delta(name, **labels):
        return _sample(after, name, **labels) - _sample(before, name, **labels)

    assert delta("triage_http_requests_total", endpoint="/api/v1/classify", method="POST", status="200") == 1
    # Route patterns, not tracking ids, label the requests.
    assert delta("triage_http_requests_total", endpoint="/api/v1/complaints/<tracking_id>", status="404") == 1
    assert delta("triage_classifications_total", band=band, source="classify") == 1
    assert delta("triage_intake_total", channel="sms", outcome="classified") == 1
    assert "triage_http_request_duration_seconds_bucket" in after


def test_agencies_list_the_shipped_directory(client, verifier):
    from triage.data import load_agencies

    items = client.get("/api/v1/agencies", headers=verifier).json["items"]
    assert {a["code"] for a in items} == {a["code"] for a in load_agencies()}
    assert all(a["active"] and a["deadline_days"] > 0 for a in items)


def test_models_lists_bundles_and_the_active_one(client, verifier, models_dir, bundle_path):
    other = models_dir / "experimental"
    other.mkdir(exist_ok=True)
    (other / "bundle.json").write_text(json.dumps({"name": "experimental", "version": "x-1", "metrics": {"f1": 0.5}}))
    items = client.get("/api/v1/models", headers=verifier).json["items"]
    by_name = {m["path"].rsplit("/", 1)[-1]: m for m in items}
    assert by_name[bundle_path.name]["active"] is True
    assert by_name["experimental"]["active"] is False and by_name["experimental"]["metrics"] == {"f1": 0.5}
    assert sum(m["active"] for m in items) == 1
