"""Serving cost (issue 16): what a request costs next to a no-op, memory per gunicorn worker, start time,
and latency under the load script.

    python -m training.bench_serving --database-url postgresql+psycopg2://postgres@127.0.0.1:5432/bench \
        [--models-dir models] [--rounds 60] [--load-seconds 20] [--json docs/benchmarks/serving.json] \
        [--write-docs docs/benchmarks.md]

Parts (each is skipped with --skip NAME):
- ``inprocess``: Flask test client, a fresh SQLite instance, the default bundle (``models/default``, built
  from the shipped sample data when absent, as the first ``triage serve`` does), rate limits off.
  ``--rounds`` interleaved rounds of GET /api/v1/healthz, POST /api/v1/classify (one report),
  POST /api/v1/complaints (intake) and POST /api/v1/classify with 100 reports; medians. Texts rotate
  through the shipped sample complaints, so no round reuses a cache.
- ``start``: a fresh interpreter: ``import api``, ``create_app()`` on an existing bundle and instance, the
  first classify; and gunicorn (one worker, ``api.gunicorn_conf``) from launch to /readyz 200. The
  project's bytecode is compiled first, as installing it does.
- ``memory``: gunicorn with 3 workers on SQLite, without and with --preload; after each worker has
  answered requests, its resident memory (VmRSS) and its unique memory (Private_Clean + Private_Dirty of
  /proc/PID/smaps_rollup, what ``smem`` calls USS: what the worker costs the machine on top of the others).
- ``load``: gunicorn (2 workers, --preload) on PostgreSQL, tests/load/run_load.py with 4 clients:
  GET /healthz, then POST /classify; p99 of each from the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- serving:start -->", "<!-- serving:end -->"
TARGETS = {  # issue 16
    "classify_vs_healthz": 4.0, "intake_vs_healthz": 8.0, "batch_ms_per_report": 0.4,
    "rss_per_worker_mib": 250.0, "unique_per_extra_worker_mib": 80.0, "start_to_readyz_s": 3.0,
    "first_classify_s": 2.0, "load_p99_classify_vs_healthz": 3.0,
}


def _texts() -> list[str]:
    from triage.data import load_sample_complaints

    return [t for t in load_sample_complaints()["text"].tolist() if t and t.strip()]


def _ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 3)


def _p90(values: list[float]) -> float:
    v = sorted(values)
    return round(v[min(len(v) - 1, int(0.9 * len(v)))] * 1000, 3)


# -- in one process ---------------------------------------------------------------------------------------

def request_kinds(bundle: Path, tmp: str):
    """(app, calls): a fresh app on SQLite in ``tmp`` with an API key, and the four kinds of request the
    benchmark interleaves, each sending the next of the sample texts."""
    from api import create_app, extensions
    from api.services import accounts

    texts = _texts()
    app = create_app({"INSTANCE_PATH": tmp, "DATABASE_URL": f"sqlite:///{tmp}/bench.db", "MODEL_PATH": str(bundle),
                      "MODELS_DIR": str(bundle.parent), "SECRET_KEY": "bench", "RATE_LIMITS": False,
                      "BATCH_LIMIT": 100})
    with extensions.sessionmaker(app)() as s:
        _row, key = accounts.create_key(s, "bench")
    auth = {"Authorization": f"Bearer {key}"}
    client = app.test_client()
    k = iter(range(10**9))

    def text() -> str:
        return texts[next(k) % len(texts)]

    def healthz():
        return client.get("/api/v1/healthz")

    def classify():
        return client.post("/api/v1/classify", json={"text": text()}, headers=auth)

    def intake():
        return client.post("/api/v1/complaints", json={"text": text(), "channel": "web"}, headers=auth)

    def batch():
        return client.post("/api/v1/classify", json={"items": [{"text": text()} for _ in range(100)]}, headers=auth)

    return app, {"healthz": healthz, "classify": classify, "intake": intake, "batch100": batch}


def inprocess(bundle: Path, rounds: int) -> dict:
    from api import extensions

    with tempfile.TemporaryDirectory() as tmp:
        app, calls = request_kinds(bundle, tmp)
        healthz = calls["healthz"]
        for fn in calls.values():  # warm-up: first-use caches, the duplicates index
            for _ in range(3):
                r = fn()
                assert r.status_code in (200, 201), r.get_data(as_text=True)[:300]
        times: dict[str, list[float]] = {name: [] for name in calls}
        for _ in range(rounds):
            for name, fn in calls.items():
                t0 = time.perf_counter()
                r = fn()
                times[name].append(time.perf_counter() - t0)
                assert r.status_code in (200, 201), r.get_data(as_text=True)[:300]
        run = []
        for _ in range(200):  # healthz alone, back to back (the second baseline)
            t0 = time.perf_counter()
            healthz()
            run.append(time.perf_counter() - t0)
        extensions.engine(app).dispose()
        floor = _commit_floor(Path(tmp), rounds)
    out = {name: {"p50_ms": _ms(v), "p90_ms": _p90(v)} for name, v in times.items()}
    out["sqlite_commit_p50_ms"] = floor
    base = out["healthz"]["p50_ms"]
    out["healthz_200_in_a_row_p50_ms"] = _ms(run)
    out["classify_vs_healthz"] = round(out["classify"]["p50_ms"] / base, 2)
    out["intake_vs_healthz"] = round(out["intake"]["p50_ms"] / base, 2)
    out["batch_ms_per_report"] = round(out["batch100"]["p50_ms"] / 100, 3)
    out["peak_rss_mib"] = round(_status_kib(os.getpid(), "VmHWM") / 1024, 1)
    out["torch_imported"] = "torch" in sys.modules
    out["rounds"] = rounds
    return out


def _commit_floor(where: Path, rounds: int) -> float:
    """A bare durable SQLite commit of one small row in the same directory, with the service's pragmas
    (WAL, synchronous=FULL): the part of an intake that is the disk's, not the code's."""
    import sqlite3

    conn = sqlite3.connect(where / "floor.db")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    times = []
    for i in range(rounds):
        t0 = time.perf_counter()
        conn.execute("INSERT INTO t (text) VALUES (?)", (f"row {i}",))
        conn.commit()
        times.append(time.perf_counter() - t0)
    conn.close()
    return _ms(times)


# -- processes --------------------------------------------------------------------------------------------

def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _unique_kib(pid: int) -> int:
    total = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(("Private_Clean:", "Private_Dirty:")):
            total += int(line.split()[1])
    return total


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(d.name))
            except (OSError, IndexError, ValueError):
                pass
    return sorted(out)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _gunicorn() -> str:
    exe = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or shutil.which("gunicorn")
    if not exe:
        raise SystemExit("gunicorn is not installed")
    return exe


def _env(instance: Path, db_url: str, bundle: Path) -> dict:
    env = dict(os.environ, TRIAGE_DATABASE_URL=db_url, TRIAGE_INSTANCE_PATH=str(instance), TRIAGE_MODEL=str(bundle),
               TRIAGE_MODELS_DIR=str(bundle.parent), TRIAGE_SECRET_KEY="bench", TRIAGE_RATE_LIMIT_API="100000000/minute",
               TRIAGE_AUTO_MIGRATE="1")
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    return env


class Gunicorn:
    def __init__(self, env: dict, workers: int, preload: bool, log: Path):
        self.port = _free_port()
        # The shipped settings preload; without them each worker imports and loads the model itself.
        settings = ["-c", "python:api.gunicorn_conf"] if preload else ["--timeout", "120"]
        cmd = [_gunicorn(), *settings, "-w", str(workers), "-b", f"127.0.0.1:{self.port}"]
        self.log = open(log, "w")
        self.started = time.monotonic()
        self.proc = subprocess.Popen([*cmd, "api:create_app()"], env=env, cwd=ROOT, stdout=self.log, stderr=self.log)
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, limit: float = 300) -> float:
        while True:
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=5) as r:
                    if r.status == 200:
                        return time.monotonic() - self.started
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() - self.started > limit:
                raise RuntimeError(f"gunicorn did not become ready (see {self.log.name})")
            time.sleep(0.05)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)
        self.log.close()


def _key(db_url: str) -> str:
    from sqlalchemy.orm import Session

    from api.db import make_engine
    from api.services import accounts

    engine = make_engine(db_url)
    with Session(engine) as s:
        _row, key = accounts.create_key(s, f"bench-{time.time_ns()}")
    engine.dispose()
    return key


def _post(url: str, key: str, body: dict) -> int:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        r.read()
        return r.status


def _prepare_instance(bundle: Path, where: Path) -> tuple[Path, str]:
    """An instance with its SQLite database migrated (a second start is an ordinary restart)."""
    instance = where / "instance"
    db_url = f"sqlite:///{where / 'serving.db'}"
    script = ("from api import create_app, extensions; app = create_app(); extensions.engine(app).dispose()")
    subprocess.run([sys.executable, "-c", script], env=_env(instance, db_url, bundle), cwd=ROOT, check=True,
                   capture_output=True)
    return instance, db_url


START_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
import api
from api import create_app, extensions
t1 = time.perf_counter()
app = create_app({"RATE_LIMITS": False})
t2 = time.perf_counter()
from api.services import accounts
with extensions.sessionmaker(app)() as s:
    _row, key = accounts.create_key(s, "start-%d" % time.time_ns())
t3 = time.perf_counter()
r = app.test_client().post("/api/v1/classify", json={"text": "Jalan di depan pasar rusak dan berlubang"},
                           headers={"Authorization": "Bearer " + key})
t4 = time.perf_counter()
assert r.status_code == 200, r.get_data(as_text=True)
print(json.dumps({"import_s": round(t1 - t0, 3), "create_app_s": round(t2 - t1, 3),
                  "first_classify_request_s": round(t4 - t3, 3),
                  "create_app_to_first_answer_s": round((t2 - t1) + (t4 - t3), 3),
                  "torch_imported": "torch" in sys.modules}))
"""


def start(bundle: Path) -> dict:
    # An installed service starts from compiled bytecode (pip compiles it at install; an interpreter writes it
    # at first import). Where PYTHONDONTWRITEBYTECODE is set, as on the CI machine, every start would
    # compile the project's ~150 modules again (0.2-0.3 s): compile them once, as an install does.
    subprocess.run([sys.executable, "-m", "compileall", "-q", "api", "triage"], cwd=ROOT, check=True,
                   capture_output=True)
    with tempfile.TemporaryDirectory() as tmp:
        instance, db_url = _prepare_instance(bundle, Path(tmp))
        env = _env(instance, db_url, bundle)
        out = subprocess.run([sys.executable, "-c", START_SCRIPT], env=env, cwd=ROOT, check=True, capture_output=True,
                             text=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        g = Gunicorn(env, workers=1, preload=True, log=Path(tmp) / "gunicorn.log")
        try:
            result["start_to_readyz_s"] = round(g.wait_ready(), 3)
        finally:
            g.stop()
    return result


def memory(bundle: Path, workers: int = 3, requests_per_worker: int = 20) -> dict:
    from concurrent.futures import ThreadPoolExecutor

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        instance, db_url = _prepare_instance(bundle, Path(tmp))
        key = _key(db_url)
        texts = _texts()
        for preload in (False, True):
            g = Gunicorn(_env(instance, db_url, bundle), workers=workers, preload=preload,
                         log=Path(tmp) / f"gunicorn-{preload}.log")
            try:
                g.wait_ready()

                def hit(i: int, url: str = g.url) -> int:
                    if i % 4 == 3:
                        return _post(url + "/api/v1/complaints", key, {"text": texts[i % len(texts)], "channel": "web"})
                    return _post(url + "/api/v1/classify", key, {"text": texts[i % len(texts)]})

                with ThreadPoolExecutor(workers * 2) as pool:  # every worker answers some of them
                    assert all(s in (200, 201) for s in pool.map(hit, range(workers * requests_per_worker)))
                time.sleep(1)
                pids = _children(g.proc.pid)
                rss = [_status_kib(p, "VmRSS") / 1024 for p in pids]
                uss = [_unique_kib(p) / 1024 for p in pids]
                out["preload" if preload else "no_preload"] = {
                    "workers": len(pids), "rss_mib": [round(x, 1) for x in rss], "unique_mib": [round(x, 1) for x in uss],
                    "master_rss_mib": round(_status_kib(g.proc.pid, "VmRSS") / 1024, 1),
                    "total_unique_mib": round(sum(uss) + _unique_kib(g.proc.pid) / 1024, 1)}
            finally:
                g.stop()
    out["rss_per_worker_mib"] = round(max(out["no_preload"]["rss_mib"] + out["preload"]["rss_mib"]), 1)
    out["unique_per_extra_worker_mib"] = round(max(out["preload"]["unique_mib"]), 1)
    return out


def load(bundle: Path, database_url: str, seconds: float) -> dict:
    from api.db import upgrade

    upgrade(database_url)
    key = _key(database_url)
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp) / "instance", database_url, bundle)
        g = Gunicorn(env, workers=2, preload=True, log=Path(tmp) / "gunicorn.log")
        try:
            g.wait_ready()
            out_json = Path(tmp) / "load.json"
            subprocess.run([sys.executable, str(ROOT / "tests" / "load" / "run_load.py"), "--url", g.url, "--key", key,
                            "--threads", "4", "--seconds", str(seconds), "--healthz", "--only", "classify",
                            "--json-out", str(out_json)], cwd=ROOT, check=True, capture_output=True, text=True)
            phases = {p["endpoint"]: p for p in json.loads(out_json.read_text())["phases"]}
        finally:
            g.stop()
    h, c = phases["GET /healthz"], phases["POST /classify"]
    keep = ("requests", "rps", "p50_ms", "p90_ms", "p99_ms", "statuses", "connection_errors")
    return {"healthz": {k: h[k] for k in keep if k in h}, "classify": {k: c[k] for k in keep if k in c},
            "load_p99_classify_vs_healthz": round(c["p99_ms"] / h["p99_ms"], 2),
            "errors": sum(v for s, v in {**h["statuses"], **c["statuses"]}.items() if str(s) not in ("200",))
            + h.get("connection_errors", 0) + c.get("connection_errors", 0)}


# -- report -----------------------------------------------------------------------------------------------

def verdicts(results: dict) -> list[dict]:
    got = {**results.get("inprocess", {}), **results.get("memory", {}), **results.get("load", {})}
    if "start" in results:
        got["start_to_readyz_s"] = results["start"]["start_to_readyz_s"]
        got["first_classify_s"] = results["start"]["create_app_to_first_answer_s"]
    rows = []
    for name, limit in TARGETS.items():
        if name in got:
            rows.append({"target": name, "limit": limit, "value": got[name], "reached": got[name] <= limit})
    return rows


def section(results: dict, command: str) -> str:
    env = results["environment"]
    lines = [START, "## Serving cost (issue 16)", "",
             f"Command: `{command}` ({env['date']}, {env['cpus']} CPUs, {env['machine']}; load average "
             f"{env['loadavg_before']} before the run). {results.get('note', '')}".rstrip(), ""]
    ip = results.get("inprocess")
    if ip:
        h = ip["healthz"]["p50_ms"]
        lines += ["In one process (Flask test client, fresh SQLite instance, default bundle, rate limits off, "
                  f"{ip['rounds']} interleaved rounds, medians; torch imported: {ip['torch_imported']}, "
                  f"peak RSS {ip['peak_rss_mib']} MiB):", "",
                  "| request | p50 ms | p90 ms | vs. healthz |", "|---|---|---|---|"]
        for name, label in (("healthz", "`GET /api/v1/healthz`"), ("classify", "`POST /api/v1/classify`, one report"),
                            ("intake", "`POST /api/v1/complaints` (intake)"),
                            ("batch100", "`POST /api/v1/classify`, 100 reports")):
            r = ip[name]
            ratio = f"{r['p50_ms'] / h:.1f}×" if name != "batch100" else f"{ip['batch_ms_per_report']} ms per report"
            lines.append(f"| {label} | {r['p50_ms']} | {r['p90_ms']} | {ratio} |")
        lines += ["", f"200 healthz calls in a row: p50 {ip['healthz_200_in_a_row_p50_ms']} ms.", ""]
        if "sqlite_commit_p50_ms" in ip:
            lines += [f"A bare durable SQLite commit of one row in the same directory (WAL, synchronous=FULL): "
                      f"p50 {ip['sqlite_commit_p50_ms']} ms; an intake commits once, so this much of it is the "
                      f"disk's ({ip['sqlite_commit_p50_ms'] / h:.1f}× healthz on its own).", ""]
    st = results.get("start")
    if st:
        lines += [f"Start: `import api` {st['import_s']} s, `create_app()` {st['create_app_s']} s, first classify "
                  f"{st['first_classify_request_s']} s after it ({st['create_app_to_first_answer_s']} s from calling "
                  f"`create_app()`; torch imported: {st['torch_imported']}); gunicorn (1 worker, preload) to /readyz 200: "
                  f"{st['start_to_readyz_s']} s.", ""]
    mem = results.get("memory")
    if mem:
        lines += ["Memory per gunicorn worker (3 workers, SQLite, after each answered classify and intake requests):", "",
                  "| | RSS per worker MiB | unique per worker MiB (Private_*) | master RSS MiB | total unique MiB |",
                  "|---|---|---|---|---|"]
        for k, label in (("no_preload", "without --preload"), ("preload", "with --preload")):
            m = mem[k]
            lines.append(f"| {label} | {', '.join(map(str, m['rss_mib']))} | {', '.join(map(str, m['unique_mib']))} "
                         f"| {m['master_rss_mib']} | {m['total_unique_mib']} |")
        lines.append("")
    ld = results.get("load")
    if ld:
        lines += ["Under the load script (gunicorn, 2 workers, --preload, PostgreSQL, `tests/load/run_load.py "
                  "--threads 4 --healthz --only classify`):", "",
                  "| endpoint | requests | req/s | p50 ms | p90 ms | p99 ms |", "|---|---|---|---|---|---|"]
        for k, label in (("healthz", "GET /healthz"), ("classify", "POST /classify")):
            r = ld[k]
            lines.append(f"| {label} | {r['requests']} | {r['rps']} | {r['p50_ms']} | {r['p90_ms']} | {r['p99_ms']} |")
        lines += ["", f"Errors: {ld['errors']}.", ""]
    lines += ["Targets (issue 16):", "", "| target | limit | measured | reached |", "|---|---|---|---|"]
    for v in results["targets"]:
        lines.append(f"| {v['target']} | ≤ {v['limit']} | {v['value']} | {'yes' if v['reached'] else 'no'} |")
    lines += ["", END]
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--models-dir", default="models")
    p.add_argument("--database-url", default=os.environ.get("TRIAGE_BENCH_DATABASE_URL"),
                   help="PostgreSQL database for the load part (it is migrated and gets an API key)")
    p.add_argument("--rounds", type=int, default=60)
    p.add_argument("--load-seconds", type=float, default=20.0)
    p.add_argument("--skip", action="append", default=[], choices=["inprocess", "start", "memory", "load"])
    p.add_argument("--json", help="write the results here (e.g. docs/benchmarks/serving.json)")
    p.add_argument("--write-docs", help="write the section into this markdown file (e.g. docs/benchmarks.md)")
    p.add_argument("--note", default="", help="a sentence added to the docs section (e.g. the machine was shared)")
    args = p.parse_args(argv)

    from triage.bundle import ensure_default_bundle

    bundle = Path(ensure_default_bundle(args.models_dir, progress=True)).resolve()
    results: dict = {"environment": {"date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(),
                                     "machine": f"{platform.machine()} Python {platform.python_version()}",
                                     "loadavg_before": " ".join(f"{x:.1f}" for x in os.getloadavg())},
                     "note": args.note}
    if "inprocess" not in args.skip:
        results["inprocess"] = inprocess(bundle, args.rounds)
        print("in process:", json.dumps(results["inprocess"]), file=sys.stderr)
    if "start" not in args.skip:
        results["start"] = start(bundle)
        print("start:", json.dumps(results["start"]), file=sys.stderr)
    if "memory" not in args.skip:
        results["memory"] = memory(bundle)
        print("memory:", json.dumps(results["memory"]), file=sys.stderr)
    if "load" not in args.skip:
        if not args.database_url:
            p.error("the load part needs --database-url (PostgreSQL) or --skip load")
        results["load"] = load(bundle, args.database_url, args.load_seconds)
        print("load:", json.dumps(results["load"]), file=sys.stderr)
    results["environment"]["loadavg_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    results["targets"] = verdicts(results)
    for v in results["targets"]:
        print(f"{v['target']}: {v['value']} (limit {v['limit']}) {'reached' if v['reached'] else 'NOT reached'}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.write_docs:
        import shlex

        from training.benchmark import write_section

        command = "python -m training.bench_serving " + shlex.join(
            a for a in (argv if argv is not None else sys.argv[1:]))
        write_section(Path(args.write_docs), section(results, command), START, END)
    return 0


if __name__ == "__main__":
    sys.exit(main())
