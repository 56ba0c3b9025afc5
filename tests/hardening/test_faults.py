"""Faults, as tests: the database goes away, a model bundle is damaged or incompatible, a gunicorn
worker is killed with SIGKILL in the middle of intake, the model directory's disk fills up during
training. Each says what the service promises (docs/reliability.md) and checks it.
"""

from __future__ import annotations

import errno
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from support.hardening import COMPLAINT

from api import create_app, extensions
from api.db import upgrade
from api.model_holder import ModelHolder
from api.models import Complaint, Event, ReporterContact
from triage.bundle import BundleError, load_bundle, save_bundle

ROOT = Path(__file__).resolve().parents[2]


# -- PostgreSQL helpers ----------------------------------------------------------------------------

def _postgres_url() -> str | None:
    url = os.environ.get("TRIAGE_TEST_DATABASE_URL") or "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
    if not url.startswith("postgresql"):
        return None
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
    except Exception:
        return None
    return url


def _fresh_database(base_url: str, name: str) -> str:
    """(Re)create database `name` on base_url's server, migrated to head; returns its URL."""
    admin = create_engine(make_url(base_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(base_url).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    return url


def _drop_database(base_url: str, name: str) -> None:
    admin = create_engine(make_url(base_url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def pg_base():
    url = _postgres_url()
    if url is None:
        pytest.skip("PostgreSQL is not reachable (set TRIAGE_TEST_DATABASE_URL)")
    return url


class TcpProxy:
    """A TCP forwarder in front of PostgreSQL that can be stopped (database unreachable) and restarted."""

    def __init__(self, target_port: int):
        self.target = ("127.0.0.1", target_port)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.listener = None
        self.conns: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a, b):
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self):
        """Refuse new connections and cut the open ones: to the app, the database is gone."""
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() (close alone would not)
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            conns, self.conns = self.conns, []
        for s in conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass


@pytest.fixture
def proxied_db(pg_base):
    url = _fresh_database(pg_base, "triage_hardening_faults")
    proxy = TcpProxy(make_url(url).port or 5432)
    proxy.start()
    proxied = make_url(url).set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    yield url, proxied, proxy
    try:
        proxy.stop()
    except OSError:
        pass
    _drop_database(pg_base, "triage_hardening_faults")


def _counts(url: str) -> dict:
    engine = create_engine(url)
    with engine.connect() as conn:
        out = {m.__tablename__: conn.scalar(select(func.count()).select_from(m))
               for m in (Complaint, Event, ReporterContact)}
        out["received_events"] = conn.scalar(select(func.count()).select_from(Event).where(Event.type == "received"))
    engine.dispose()
    return out


def test_database_unreachable_is_503_with_retry_after_nothing_half_written_and_recovers(
        proxied_db, tmp_path, model_holder, models_dir):
    direct, proxied, proxy = proxied_db
    app = create_app({"INSTANCE_PATH": str(tmp_path / "i"), "DATABASE_URL": proxied, "AUTO_MIGRATE": False,
                      "MODEL_HOLDER": model_holder, "MODELS_DIR": str(models_dir), "SECRET_KEY": "x",
                      "RATE_LIMITS": False})
    from api.services import accounts

    with extensions.sessionmaker(app)() as s:
        _row, key = accounts.create_key(s, "faults")
    auth = {"Authorization": f"Bearer {key}"}
    client = app.test_client()
    assert client.post("/api/v1/complaints", json=COMPLAINT, headers=auth).status_code == 201
    before = _counts(direct)

    # 1. The database goes away while the model is classifying: the insert never lands.
    import api.services.intake as intake_mod

    real_analyse = intake_mod.analyse

    def classify_then_lose_the_database(*a, **k):
        out = real_analyse(*a, **k)
        proxy.stop()
        return out

    intake_mod.analyse = classify_then_lose_the_database
    try:
        resp = client.post("/api/v1/complaints", json=COMPLAINT, headers={**auth, "Idempotency-Key": "k-1"})
    finally:
        intake_mod.analyse = real_analyse
    assert resp.status_code == 503, resp.get_data(as_text=True)
    assert resp.json["error"]["code"] == "database_unavailable" and int(resp.headers["Retry-After"]) > 0

    # 2. While it is away, every database-backed request is a 503 with Retry-After, never a 500.
    for method, path, body in (("post", "/api/v1/complaints", COMPLAINT), ("get", "/api/v1/complaints", None),
                               ("get", "/api/v1/agencies", None)):
        r = getattr(client, method)(path, json=body, headers={**auth, "Idempotency-Key": "k-1"} if body else auth)
        assert r.status_code == 503 and "Retry-After" in r.headers, (path, r.status_code, r.get_data(as_text=True))
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").status_code == 200  # the process itself is alive
    assert _counts(direct) == before, "something was half-written while the database was away"

    # 3. It comes back: the client's retry with the same key is stored once, and replays stay replays.
    proxy.start()
    deadline = time.monotonic() + 30
    while True:
        r = client.post("/api/v1/complaints", json=COMPLAINT, headers={**auth, "Idempotency-Key": "k-1"})
        if r.status_code != 503 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert r.status_code == 201, r.get_data(as_text=True)
    again = client.post("/api/v1/complaints", json=COMPLAINT, headers={**auth, "Idempotency-Key": "k-1"})
    assert again.status_code in (200, 201) and again.json["tracking_id"] == r.json["tracking_id"]
    after = _counts(direct)
    assert after["complaint"] == before["complaint"] + 1
    assert after["received_events"] == before["received_events"] + 1 == after["complaint"]
    assert client.get("/readyz").status_code == 200
    extensions.engine(app).dispose()


def test_sqlite_file_gone_is_503_not_500(tmp_path, model_holder, models_dir):
    """The same promise on the zero-setup SQLite database: its directory disappears under the service."""
    db_dir = tmp_path / "db"
    db_dir.mkdir()
    app = create_app({"INSTANCE_PATH": str(tmp_path / "i"), "DATABASE_URL": f"sqlite:///{db_dir / 't.db'}",
                      "AUTO_MIGRATE": True, "MODEL_HOLDER": model_holder, "MODELS_DIR": str(models_dir),
                      "SECRET_KEY": "x", "RATE_LIMITS": False})
    from api.services import accounts

    with extensions.sessionmaker(app)() as s:
        _row, key = accounts.create_key(s, "faults")
    auth = {"Authorization": f"Bearer {key}"}
    client = app.test_client()
    extensions.engine(app).dispose()
    moved = tmp_path / "moved"
    db_dir.rename(moved)
    try:
        r = client.post("/api/v1/complaints", json=COMPLAINT, headers=auth)
        assert r.status_code == 503 and r.headers.get("Retry-After"), r.get_data(as_text=True)
    finally:
        extensions.engine(app).dispose()
        moved.rename(db_dir)
    assert client.post("/api/v1/complaints", json=COMPLAINT, headers=auth).status_code == 201
    extensions.engine(app).dispose()


# -- model bundles -------------------------------------------------------------------------------

def _copy(bundle_path: Path, dest: Path) -> Path:
    shutil.copytree(bundle_path, dest)
    return dest


def _damage_head(path: Path) -> None:
    head = next((path / "heads").glob("*.joblib"))
    head.write_bytes(b"not a pickle" + head.read_bytes()[:100])


def _edit_meta(path: Path, **changes) -> None:
    meta = json.loads((path / "bundle.json").read_text())
    for k, v in changes.items():
        if isinstance(v, dict):
            meta.setdefault(k, {}).update(v)
        else:
            meta[k] = v
    (path / "bundle.json").write_text(json.dumps(meta))


BAD_BUNDLES = {
    "damaged head file": (_damage_head, "does not match its sha256"),
    "bundle.json not JSON": (lambda p: (p / "bundle.json").write_text("{not json"), "not valid JSON"),
    "file missing": (lambda p: next((p / "heads").glob("*.joblib")).unlink(), "is missing"),
    "newer format": (lambda p: _edit_meta(p, format_version=99), "bundle format 99"),
    "other scikit-learn": (lambda p: _edit_meta(p, libraries={"scikit-learn": "0.1.0"}), "install scikit-learn==0.1.0"),
    "not a bundle": (lambda p: (p / "bundle.json").unlink(), "bundle.json is missing"),
}


@pytest.mark.parametrize("name", list(BAD_BUNDLES))
def test_bad_bundle_is_refused_with_a_clear_message_and_the_previous_model_keeps_serving(
        name, bundle_path, tmp_path):
    damage, message = BAD_BUNDLES[name]
    holder = ModelHolder()
    good = holder.load(bundle_path)
    bad = _copy(bundle_path, tmp_path / "bad")
    damage(bad)
    with pytest.raises(BundleError, match=message.replace("(", r"\(")):
        load_bundle(bad)
    with pytest.raises(BundleError):
        holder.load(bad)
    assert holder.current is good and message.split()[0] in (holder.last_error or "")
    loaded, [s] = holder.suggest(["jalan rusak parah di desa"])
    assert loaded.version == good.version and s.to_dict()["agency"]["candidates"]


def test_bad_bundle_at_start_still_stores_complaints(tmp_path, bundle_path, models_dir, db_url):
    """A service that starts with a damaged bundle: /readyz 503, /classify 503, intake still stores."""
    from api.services import accounts

    bad = _copy(bundle_path, tmp_path / "bad")
    _damage_head(bad)
    app = create_app({"INSTANCE_PATH": str(tmp_path / "i"), "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
                      "AUTO_MIGRATE": True, "MODEL_PATH": str(bad), "MODELS_DIR": str(models_dir),
                      "SECRET_KEY": "x", "RATE_LIMITS": False})
    with extensions.sessionmaker(app)() as s:
        _row, key = accounts.create_key(s, "faults")
    auth = {"Authorization": f"Bearer {key}"}
    client = app.test_client()
    assert client.get("/readyz").status_code == 503
    r = client.post("/api/v1/classify", json={"text": "jalan rusak"}, headers=auth)
    assert r.status_code == 503 and r.headers.get("Retry-After")
    r = client.post("/api/v1/complaints", json=COMPLAINT, headers=auth)
    assert r.status_code == 201, r.get_data(as_text=True)
    assert r.json.get("suggestion") in (None, {}), "stored without a suggestion, for a human"
    extensions.engine(app).dispose()


# -- disk full during training ---------------------------------------------------------------------

def _tree_digest(path: Path) -> dict:
    import hashlib

    return {str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture
def small_disk(tmp_path, bundle_path):
    """A model directory on a tmpfs just big enough for the active bundle (root), else None."""
    size = sum(p.stat().st_size for p in bundle_path.rglob("*") if p.is_file())
    mnt = tmp_path / "models"
    mnt.mkdir()
    mb = size // (1024 * 1024) + 3
    if os.geteuid() == 0 and shutil.which("mount"):
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={mb}m", "tmpfs", str(mnt)],
                              capture_output=True)
        if done.returncode == 0:
            yield mnt, True
            subprocess.run(["umount", "-l", str(mnt)], check=False)
            return
    yield mnt, False


def test_disk_full_while_saving_a_bundle_leaves_the_active_model_untouched(small_disk, bundle_path, sample_bundle,
                                                                           monkeypatch):
    mnt, real_tmpfs = small_disk
    model = load_bundle(bundle_path, use_export=False).model  # saving needs the scikit-learn heads
    active = _copy(bundle_path, mnt / "default")
    before = _tree_digest(active)
    if not real_tmpfs:
        # No tmpfs (not root): every write of a head or encoder file fails as a full disk would.
        import joblib

        def enospc(*a, **k):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(joblib, "dump", enospc)
    with pytest.raises(Exception) as info:  # OSError, or the serialiser's own error (safetensors)
        save_bundle(model, active, data_hash="0" * 64, training_command="test: disk full",
                    training_rows=1, overwrite=True)
    assert getattr(info.value, "errno", None) == errno.ENOSPC or "No space left" in str(info.value)
    assert _tree_digest(active) == before, "the active bundle changed"
    assert load_bundle(active).version == sample_bundle.version
    leftovers = [p.name for p in mnt.iterdir() if p.name != "default"]
    assert leftovers == [], f"half-written bundle left behind: {leftovers}"
    # And a new bundle beside it is refused the same way (a new name, same disk).
    with pytest.raises(Exception, match="No space left|ENOSPC|os error 28"):
        save_bundle(model, mnt / "candidate", data_hash="0" * 64, training_command="t", training_rows=1)
    assert sorted(p.name for p in mnt.iterdir()) == ["default"]


# -- SIGKILL in the middle of intake under load ----------------------------------------------------

def _load_module():
    spec = importlib.util.spec_from_file_location("run_load", ROOT / "tests" / "load" / "run_load.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["run_load"] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_sigkill_of_a_worker_during_intake_loses_no_acknowledged_complaint(pg_base, bundle_path, tmp_path):
    if not shutil.which("gunicorn", path=str(Path(sys.executable).parent)) and not shutil.which("gunicorn"):
        pytest.skip("gunicorn is not installed")
    url = _fresh_database(pg_base, "triage_hardening_kill")
    port = _free_port()
    env = dict(os.environ, TRIAGE_DATABASE_URL=url, TRIAGE_INSTANCE_PATH=str(tmp_path / "i"),
               TRIAGE_MODEL=str(bundle_path), TRIAGE_SECRET_KEY="kill-test", TRIAGE_RATE_LIMIT_API="1000000/minute")
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    triage = str(Path(sys.executable).parent / "triage")
    out = subprocess.run([triage, "keys", "create", "killer"], env=env, cwd=ROOT, capture_output=True, text=True,
                         check=True)
    key = next(w for w in (out.stdout + out.stderr).split() if w.startswith("trg_"))
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    proc = subprocess.Popen([gunicorn, "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "60",
                             "--graceful-timeout", "5", "api:create_app()"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=open(tmp_path / "gunicorn.log", "w"))
    try:
        import psutil

        load = _load_module()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    pass
                import urllib.request

                if urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5).status == 200:
                    break
            except Exception:
                time.sleep(1)
        else:
            pytest.fail("gunicorn did not become ready: " + (tmp_path / "gunicorn.log").read_text()[-2000:])

        args = type("Args", (), {"url": f"http://127.0.0.1:{port}", "key": key, "timeout": 30.0, "retries": 8,
                                 "threads": 6, "seconds": 20.0})()
        acknowledged: dict[str, str] = {}
        make = load.intake_request(args, acknowledged, threading.Lock())
        kills = []

        def killer():
            time.sleep(3)
            for _ in range(4):
                workers = psutil.Process(proc.pid).children()
                if workers:
                    os.kill(workers[0].pid, signal.SIGKILL)
                    kills.append(workers[0].pid)
                time.sleep(4)

        k = threading.Thread(target=killer)
        k.start()
        stats, _elapsed = load.run_phase("POST /complaints", args, make)
        k.join()
        check = load.verify(url, acknowledged)
        assert len(kills) >= 3
        assert check["acknowledged"] > 20, (check, stats.statuses)
        assert check["missing_count"] == 0, check
        assert check["duplicated_requests"] == 0, check
        # Retries with the same Idempotency-Key make every request end with an answer, not an error.
        assert stats.statuses.get(500, 0) == 0, stats.statuses
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        _drop_database(pg_base, "triage_hardening_kill")


TRUNCATE_WHILE_SERVING = """
import os, sys
from pathlib import Path
from api import create_app, extensions
from api.services import accounts

bundle, work = Path(sys.argv[1]), Path(sys.argv[2])
weights = bundle / "encoder" / "embedding" / "sentence_transformer" / "model.safetensors"

def app_on(model):
    return create_app({"INSTANCE_PATH": str(work / "i"), "DATABASE_URL": f"sqlite:///{work / 'x.db'}",
                       "AUTO_MIGRATE": True, "MODEL_PATH": str(model), "MODELS_DIR": str(work / "m"),
                       "SECRET_KEY": "x", "RATE_LIMITS": False})

app = app_on(bundle)
with extensions.sessionmaker(app)() as s:
    _row, key = accounts.create_key(s, "faults")
auth = {"Authorization": "Bearer " + key}
client = app.test_client()
assert client.post("/api/v1/classify", json={"text": "jalan rusak"}, headers=auth).status_code == 200
# Damage the served bundle in place (same inode), as a half-finished copy or a full disk would.
with open(weights, "r+b") as fh:
    fh.truncate(64)
for _ in range(3):  # a memory-mapped model would die here with SIGBUS
    r = client.post("/api/v1/classify", json={"text": "lampu jalan mati"}, headers=auth)
    assert r.status_code == 200 and r.get_json()["suggestion"]["agency"]["candidates"], r.get_data(as_text=True)
r = client.post("/api/v1/complaints", json={"text": "air pdam mati tiga hari", "channel": "web"}, headers=auth)
assert r.status_code == 201 and r.get_json()["suggestion"], r.get_data(as_text=True)
extensions.engine(app).dispose()

# A restart on the damaged bundle: the damage is found (sha256), intake still stores, without a suggestion.
app = app_on(bundle)
client = app.test_client()
ready = client.get("/readyz")
assert ready.status_code == 503 and ready.get_json()["checks"]["model"] == "not_ready", ready.get_data(as_text=True)
assert "does not match its sha256" in (extensions.holder(app).last_error or "")
r = client.post("/api/v1/complaints", json={"text": "sampah menumpuk di pasar", "channel": "web"}, headers=auth)
assert r.status_code == 201 and not r.get_json().get("suggestion"), r.get_data(as_text=True)
print("SURVIVED", r.get_json()["tracking_id"])
"""


def test_a_bundle_truncated_while_serving_is_not_fatal(bundle_path, tmp_path):
    """Issue 14, item 13: the served model lives in memory (no memory map), so truncating its weights in place
    changes nothing for the running process; a restart detects the damage and intake keeps storing."""
    bundle = _copy(bundle_path, tmp_path / "served")
    out = subprocess.run([sys.executable, "-c", TRUNCATE_WHILE_SERVING, str(bundle), str(tmp_path)],
                         cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, f"exit {out.returncode} (SIGBUS is -7): {out.stderr[-3000:]}"
    assert "SURVIVED LPR-" in out.stdout
