"""Load test of a running triage server: POST /classify and POST /complaints over real HTTP.

A thread pool sends requests for a fixed time per endpoint, reports requests/s and p50/p90/p99
latency, then checks in the database that every complaint acknowledged with 201 is stored, once.

    export TRIAGE_DATABASE_URL=postgresql+psycopg2://postgres@127.0.0.1:5432/test
    triage db upgrade
    KEY=$(triage keys create "load-$(date +%s)")
    PROMETHEUS_MULTIPROC_DIR=$(mktemp -d) gunicorn -w 4 -b 127.0.0.1:8000 'api:create_app()' &
    python tests/load/run_load.py --url http://127.0.0.1:8000 --key "$KEY" --threads 16 --seconds 30

Stepping the concurrency to find the knee, a sustained mixed phase, memory per worker, and the
results written into docs/benchmarks.md (section between <!-- load:start --> / <!-- load:end -->):

    python tests/load/run_load.py --key "$KEY" --steps 1,2,4,8,16,32 --step-seconds 20 \
        --sustained-seconds 180 --threads 8 --gunicorn-pid "$(cat gunicorn.pid)" \
        --json-out docs/benchmarks/load.json --write-docs docs/benchmarks.md

Intake requests carry an Idempotency-Key and are retried with the same key on connection errors
and 503s, as a well-behaved client would; the check counts duplicates as well as losses.
Only the standard library and SQLAlchemy are needed (psutil for --gunicorn-pid).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

TEXTS = [
    "Jalan di depan pasar desa rusak parah dan berlubang, sudah tiga bulan tidak diperbaiki.",
    "Lampu penerangan jalan umum di perumahan kami mati sejak dua minggu lalu, rawan kejahatan.",
    "Sampah menumpuk di TPS dekat sekolah dan tidak diangkut selama seminggu, baunya menyengat.",
    "Pelayanan KTP elektronik di kecamatan sangat lambat, blanko katanya habis terus.",
    "Air PDAM tidak mengalir ke rumah warga RT 03 sejak kemarin pagi, mohon segera ditangani.",
    "Ada pungutan liar saat mengurus surat keterangan di kantor kelurahan, diminta uang rokok.",
    "Saluran drainase tersumbat sehingga setiap hujan jalan kampung tergenang banjir.",
    "Puskesmas tutup lebih awal dari jadwal, pasien yang datang siang tidak dilayani.",
    "Sebarkan! Besok ada pemadaman listrik total se-kabupaten selama tiga hari, info dari grup WA.",
    "Guru honorer di sekolah kami belum menerima gaji selama empat bulan.",
]


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, status: int | None) -> None:
        with self.lock:
            if status is None:
                self.errors += 1
                return
            self.latencies.append(seconds)
            self.statuses[status] = self.statuses.get(status, 0) + 1


class Client:
    """One keep-alive connection per thread."""

    def __init__(self, url: str, key: str, timeout: float):
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port or 80
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        self.timeout = timeout
        self.conn = None

    def post(self, path: str, body: dict | None, extra: dict | None = None, method: str = "POST"
             ) -> tuple[int, dict | None]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, None if body is None else json.dumps(body),
                              {**self.headers, **(extra or {})})
            resp = self.conn.getresponse()
            data = resp.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise
        try:
            return resp.status, json.loads(data)
        except ValueError:
            return resp.status, None


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def run_phase(name, args, make_request, threads: int | None = None, seconds: float | None = None,
              stats: Stats | None = None) -> tuple[Stats, float]:
    threads = threads or args.threads
    stats = stats if stats is not None else Stats()
    deadline = time.monotonic() + (seconds or args.seconds)
    local = threading.local()

    def worker(_i):
        local.client = Client(args.url, args.key, args.timeout)
        n = 0
        while time.monotonic() < deadline:
            make_request(local.client, stats)
            n += 1
        return n

    start = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        total = sum(pool.map(worker, range(threads)))
    elapsed = time.monotonic() - start
    print(f"{name} x{threads}: {total} requests in {elapsed:.1f}s", file=sys.stderr)
    return stats, elapsed


def classify_request(args):
    def make(client: Client, stats: Stats):
        if args.batch > 1:
            body = {"items": [{"text": random.choice(TEXTS)} for _ in range(args.batch)]}
        else:
            body = {"text": random.choice(TEXTS)}
        t0 = time.perf_counter()
        try:
            status, _ = client.post("/api/v1/classify", body)
        except (OSError, http.client.HTTPException):
            status = None
        stats.add(time.perf_counter() - t0, status)

    return make


def healthz_request(args):
    """The no-op baseline: what a request costs before the model does anything."""
    def make(client: Client, stats: Stats):
        t0 = time.perf_counter()
        try:
            status, _ = client.post("/api/v1/healthz", None, method="GET")
        except (OSError, http.client.HTTPException):
            status = None
        stats.add(time.perf_counter() - t0, status)

    return make


def intake_request(args, acknowledged: dict, ack_lock: threading.Lock):
    def make(client: Client, stats: Stats):
        key = str(uuid.uuid4())
        body = {"text": f"{random.choice(TEXTS)} (uji beban {key})", "channel": "api",
                "reporter": {"name": "Penguji Beban", "phone": "0812" + str(random.randint(10**7, 10**8 - 1))}}
        t0 = time.perf_counter()
        status = None
        for attempt in range(args.retries + 1):
            try:
                status, data = client.post("/api/v1/complaints", body, {"Idempotency-Key": key})
            except (OSError, http.client.HTTPException):
                status, data = None, None
            if status is not None and status != 503:
                break
            time.sleep(0.2 * (attempt + 1))
        stats.add(time.perf_counter() - t0, status)
        if status == 201 and data:
            with ack_lock:
                acknowledged[key] = data["tracking_id"]

    return make


def summarise(name: str, stats: Stats, elapsed: float) -> dict:
    ok = sum(v for k, v in stats.statuses.items() if 200 <= k < 300)
    lat = stats.latencies
    return {
        "endpoint": name,
        "requests": len(lat) + stats.errors,
        "ok": ok,
        "statuses": dict(sorted(stats.statuses.items())),
        "connection_errors": stats.errors,
        "rps": round((len(lat) + stats.errors) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(pct(lat, 50) * 1000, 1),
        "p90_ms": round(pct(lat, 90) * 1000, 1),
        "p99_ms": round(pct(lat, 99) * 1000, 1),
        "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else float("nan"),
    }


def verify(database_url: str, acknowledged: dict) -> dict:
    """Every acknowledged tracking id is in the database, and no idempotency key produced two rows."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    ids = list(acknowledged.values())
    found = set()
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            params = {f"t{j}": t for j, t in enumerate(chunk)}
            placeholders = ", ".join(f":t{j}" for j in range(len(chunk)))
            rows = conn.execute(text(f"SELECT tracking_id FROM complaint WHERE tracking_id IN ({placeholders})"), params)
            found.update(r[0] for r in rows)
        # Each request's key is written into its text, so duplicates show whatever the server did.
        counts: dict[str, int] = {}
        rows = conn.execute(text("SELECT text FROM complaint WHERE text LIKE '%(uji beban %'"))
        for (t,) in rows:
            marker = t.rsplit("(uji beban ", 1)[1].rstrip(")")
            if marker in acknowledged:
                counts[marker] = counts.get(marker, 0) + 1
        dupes = sum(1 for v in counts.values() if v > 1)
    engine.dispose()
    missing = sorted(set(ids) - found)
    return {"acknowledged": len(ids), "found": len(found), "missing": missing[:20], "missing_count": len(missing),
            "duplicated_requests": dupes}


class MemorySampler:
    """RSS of each gunicorn worker (children of the master), sampled every second in a thread."""

    def __init__(self, master_pid: int | None):
        self.master_pid = master_pid
        self.samples: dict[int, list[int]] = {}
        self.master_rss: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        master = psutil.Process(self.master_pid)
        while not self._stop.is_set():
            try:
                self.master_rss.append(master.memory_info().rss)
                for child in master.children():
                    try:
                        self.samples.setdefault(child.pid, []).append(child.memory_info().rss)
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            self._stop.wait(1.0)

    def __enter__(self):
        if self.master_pid:
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def summary(self) -> dict:
        if not self.samples:
            return {}
        mib = 1024 * 1024
        peaks = [max(v) / mib for v in self.samples.values()]
        lasts = [v[-1] / mib for v in self.samples.values()]
        return {"workers_seen": len(self.samples), "peak_rss_mib_max": round(max(peaks), 1),
                "peak_rss_mib_mean": round(statistics.fmean(peaks), 1),
                "final_rss_mib_mean": round(statistics.fmean(lasts), 1),
                "master_rss_mib": round(max(self.master_rss) / mib, 1) if self.master_rss else None}


def find_knee(steps: list[dict]) -> dict | None:
    """The first concurrency where more clients bring <15% more throughput while p50 latency grows >1.5x."""
    for prev, cur in zip(steps, steps[1:], strict=False):
        if prev["rps"] and cur["rps"] < prev["rps"] * 1.15 and cur["p50_ms"] > prev["p50_ms"] * 1.5:
            return {"endpoint": cur["endpoint"], "threads": prev["threads"], "rps": prev["rps"],
                    "p50_ms": prev["p50_ms"], "next_threads": cur["threads"], "next_p50_ms": cur["p50_ms"]}
    return None


def run_steps(args, make_for: dict, acknowledged: dict, ack_lock) -> list[dict]:
    out = []
    for endpoint, make in make_for.items():
        for n in args.steps:
            stats, elapsed = run_phase(endpoint, args, make, threads=n, seconds=args.step_seconds)
            r = summarise(endpoint, stats, elapsed)
            r["threads"] = n
            out.append(r)
    return out


def run_sustained(args, acknowledged: dict, ack_lock) -> list[dict]:
    """Intake and classification at the same time for --sustained-seconds."""
    half = max(1, args.threads // 2)
    results = {}

    def go(name, make):
        stats, elapsed = run_phase(name, args, make, threads=half, seconds=args.sustained_seconds)
        results[name] = summarise(name, stats, elapsed)
        results[name]["threads"] = half

    t1 = threading.Thread(target=go, args=("POST /classify", classify_request(args)))
    t2 = threading.Thread(target=go, args=("POST /complaints", intake_request(args, acknowledged, ack_lock)))
    t1.start(), t2.start()
    t1.join(), t2.join()
    return [results["POST /classify"], results["POST /complaints"]]


def markdown(results: dict, command: str) -> str:
    lines = []
    env = results["environment"]
    lines.append(f"Measured {env['date']} on {env['machine']} ({env['cpus']} cores, load average before the run "
                 f"{env['loadavg_before']}); gunicorn {env.get('gunicorn', '?')}; PostgreSQL on the same machine.")
    lines.append("")
    lines.append("```sh\n" + command + "\n```")
    if results.get("steps"):
        lines += ["", "**Concurrency steps** (each step " f"{results['config']['step_seconds']:.0f} s):", "",
                  "| endpoint | clients | requests | req/s | p50 ms | p90 ms | p99 ms | statuses |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in results["steps"]:
            lines.append(f"| {r['endpoint']} | {r['threads']} | {r['requests']} | {r['rps']} | {r['p50_ms']} | "
                         f"{r['p90_ms']} | {r['p99_ms']} | {r['statuses']} |")
    if results.get("sustained"):
        lines += ["", f"**Sustained mixed load** ({results['config']['sustained_seconds']:.0f} s, intake and "
                  "classification at the same time):", "",
                  "| endpoint | clients | requests | req/s | p50 ms | p90 ms | p99 ms | statuses | conn. errors |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for r in results["sustained"]:
            lines.append(f"| {r['endpoint']} | {r['threads']} | {r['requests']} | {r['rps']} | {r['p50_ms']} | "
                         f"{r['p90_ms']} | {r['p99_ms']} | {r['statuses']} | {r['connection_errors']} |")
    if results.get("memory"):
        m = results["memory"]
        lines += ["", f"**Memory**: {m['workers_seen']} workers, peak RSS per worker {m['peak_rss_mib_mean']} MiB on "
                  f"average (max {m['peak_rss_mib_max']} MiB), {m['final_rss_mib_mean']} MiB at the end; "
                  f"master {m['master_rss_mib']} MiB."]
    if results.get("check"):
        c = results["check"]
        lines += ["", f"**Nothing accepted lost**: {c['acknowledged']} complaints acknowledged with 201, "
                  f"{c['found']} found in the database, {c['missing_count']} missing, "
                  f"{c['duplicated_requests']} stored twice."]
    for knee in results.get("knees", []):
        lines += ["", f"**Knee** ({knee['endpoint']}): {knee['rps']} req/s at {knee['threads']} clients "
                  f"(p50 {knee['p50_ms']} ms); at {knee['next_threads']} clients p50 is {knee['next_p50_ms']} ms "
                  "for no more throughput."]
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--url", default="http://127.0.0.1:8000")
    p.add_argument("--key", default=os.environ.get("TRIAGE_LOAD_KEY"), help="API key (or TRIAGE_LOAD_KEY)")
    p.add_argument("--threads", type=int, default=16)
    p.add_argument("--seconds", type=float, default=30.0, help="duration of each phase")
    p.add_argument("--batch", type=int, default=1, help="items per /classify request")
    p.add_argument("--retries", type=int, default=3)
    p.add_argument("--timeout", type=float, default=30.0)
    p.add_argument("--database-url", default=os.environ.get("TRIAGE_DATABASE_URL"),
                   help="database to check afterwards (default TRIAGE_DATABASE_URL)")
    p.add_argument("--only", choices=["classify", "complaints"])
    p.add_argument("--healthz", action="store_true",
                   help="first a phase of GET /healthz: the baseline the classify latency is compared with")
    p.add_argument("--json-out", help="write the results as JSON to this file")
    p.add_argument("--steps", type=lambda v: [int(x) for x in v.split(",")], default=None,
                   help="concurrency steps, e.g. 1,2,4,8,16,32 (each for --step-seconds, per endpoint)")
    p.add_argument("--step-seconds", type=float, default=20.0)
    p.add_argument("--sustained-seconds", type=float, default=0.0,
                   help="then intake and classification together for this long (--threads split between them)")
    p.add_argument("--gunicorn-pid", type=int, help="sample the RSS of this master's workers (psutil)")
    p.add_argument("--write-docs", help="write the results into this markdown file's load section")
    p.add_argument("--note", default="", help="a sentence added to the docs section")
    args = p.parse_args(argv)
    if not args.key:
        p.error("--key is required (triage keys create NAME)")

    import platform

    results = {"config": {k: v for k, v in vars(args).items() if k not in ("key", "database_url")}, "phases": [],
               "environment": {"date": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(),
                               "machine": f"{platform.machine()} Python {platform.python_version()}",
                               "loadavg_before": " ".join(f"{x:.1f}" for x in os.getloadavg())}}
    try:
        from importlib.metadata import version

        results["environment"]["gunicorn"] = version("gunicorn")
    except Exception:
        pass
    acknowledged: dict[str, str] = {}
    ack_lock = threading.Lock()
    with MemorySampler(args.gunicorn_pid) as sampler:
        if args.steps:
            makers = {}
            if args.only in (None, "classify"):
                makers["POST /classify"] = classify_request(args)
            if args.only in (None, "complaints"):
                makers["POST /complaints"] = intake_request(args, acknowledged, ack_lock)
            results["steps"] = run_steps(args, makers, acknowledged, ack_lock)
            results["knees"] = [k for e in makers
                                if (k := find_knee([r for r in results["steps"] if r["endpoint"] == e]))]
        if args.sustained_seconds:
            results["sustained"] = run_sustained(args, acknowledged, ack_lock)
        if not args.steps and not args.sustained_seconds:
            if args.healthz:
                stats, elapsed = run_phase("GET /healthz", args, healthz_request(args))
                results["phases"].append(summarise("GET /healthz", stats, elapsed))
            if args.only in (None, "classify"):
                stats, elapsed = run_phase("POST /classify", args, classify_request(args))
                results["phases"].append(summarise("POST /classify", stats, elapsed))
            if args.only in (None, "complaints"):
                stats, elapsed = run_phase("POST /complaints", args, intake_request(args, acknowledged, ack_lock))
                results["phases"].append(summarise("POST /complaints", stats, elapsed))
    results["memory"] = sampler.summary()

    print("| endpoint | threads | requests | req/s | p50 ms | p90 ms | p99 ms | statuses | conn. errors |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results["phases"] + results.get("steps", []) + results.get("sustained", []):
        print(f"| {r['endpoint']} | {r.get('threads', args.threads)} | {r['requests']} | {r['rps']} | {r['p50_ms']} "
              f"| {r['p90_ms']} | {r['p99_ms']} | {r['statuses']} | {r['connection_errors']} |")
    if results["memory"]:
        print("memory:", results["memory"])
    for k in results.get("knees", []):
        print("knee:", k)

    exit_code = 0
    if acknowledged:
        if args.database_url:
            check = verify(args.database_url, acknowledged)
            results["check"] = check
            print(f"\nacknowledged with 201: {check['acknowledged']}, found in the database: {check['found']}, "
                  f"missing: {check['missing_count']}, duplicated: {check['duplicated_requests']}")
            if check["missing_count"] or check["duplicated_requests"]:
                exit_code = 1
        else:
            print("\n(no --database-url / TRIAGE_DATABASE_URL: acknowledged complaints not checked)")
    if args.json_out:
        os.makedirs(os.path.dirname(os.path.abspath(args.json_out)), exist_ok=True)
        with open(args.json_out, "w") as fh:
            json.dump(results, fh, indent=2)
    if args.write_docs:
        write_docs(args, results)
    return exit_code


def write_docs(args, results: dict) -> None:
    from pathlib import Path

    from training.benchmark import write_section

    shown = [a if a != args.key else '"$KEY"' for a in sys.argv]
    command = "python " + " ".join(shown)
    body = markdown(results, command)
    if args.note:
        body += "\n\n" + args.note
    section = f"<!-- load:start -->\n## Load\n\n{body}\n<!-- load:end -->"
    write_section(Path(args.write_docs), section, "<!-- load:start -->", "<!-- load:end -->")


if __name__ == "__main__":
    sys.exit(main())
