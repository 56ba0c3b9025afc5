"""Load test of a running triage server: POST /classify and POST /complaints over real HTTP.

A thread pool sends requests for a fixed time per endpoint, reports requests/s and p50/p90/p99
latency, then checks in the database that every complaint acknowledged with 201 is stored, once.

    export TRIAGE_DATABASE_URL=postgresql+psycopg2://postgres@127.0.0.1:5432/test
    triage db upgrade
    KEY=$(triage keys create "load-$(date +%s)")
    PROMETHEUS_MULTIPROC_DIR=$(mktemp -d) gunicorn -w 4 -b 127.0.0.1:8000 'api:create_app()' &
    python tests/load/run_load.py --url http://127.0.0.1:8000 --key "$KEY" --threads 16 --seconds 30

Intake requests carry an Idempotency-Key and are retried with the same key on connection errors
and 503s, as a well-behaved client would; the check counts duplicates as well as losses.
Only the standard library and SQLAlchemy are needed.
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

    def post(self, path: str, body: dict, extra: dict | None = None) -> tuple[int, dict | None]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request("POST", path, json.dumps(body), {**self.headers, **(extra or {})})
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


def run_phase(name, args, make_request) -> tuple[Stats, float]:
    stats = Stats()
    deadline = time.monotonic() + args.seconds
    local = threading.local()

    def worker(_i):
        local.client = Client(args.url, args.key, args.timeout)
        n = 0
        while time.monotonic() < deadline:
            make_request(local.client, stats)
            n += 1
        return n

    start = time.monotonic()
    with ThreadPoolExecutor(args.threads) as pool:
        total = sum(pool.map(worker, range(args.threads)))
    elapsed = time.monotonic() - start
    print(f"{name}: {total} requests in {elapsed:.1f}s", file=sys.stderr)
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
    p.add_argument("--json-out", help="write the results as JSON to this file")
    args = p.parse_args(argv)
    if not args.key:
        p.error("--key is required (triage keys create NAME)")

    results = {"config": {k: v for k, v in vars(args).items() if k not in ("key", "database_url")}, "phases": []}
    if args.only in (None, "classify"):
        stats, elapsed = run_phase("POST /classify", args, classify_request(args))
        results["phases"].append(summarise("POST /classify", stats, elapsed))
    acknowledged: dict[str, str] = {}
    if args.only in (None, "complaints"):
        stats, elapsed = run_phase("POST /complaints", args, intake_request(args, acknowledged, threading.Lock()))
        results["phases"].append(summarise("POST /complaints", stats, elapsed))

    print("| endpoint | threads | requests | req/s | p50 ms | p90 ms | p99 ms | statuses | conn. errors |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results["phases"]:
        print(f"| {r['endpoint']} | {args.threads} | {r['requests']} | {r['rps']} | {r['p50_ms']} | {r['p90_ms']} "
              f"| {r['p99_ms']} | {r['statuses']} | {r['connection_errors']} |")

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
        with open(args.json_out, "w") as fh:
            json.dump(results, fh, indent=2)
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
