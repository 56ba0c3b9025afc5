"""gunicorn settings for a small machine: the model is loaded once, in the master, and shared.

    gunicorn -c python:api.gunicorn_conf -w 3 -b 0.0.0.0:8000 'api:create_app()'

`preload_app`: `create_app()` (imports, the bundle, the directory prior) runs once in the master; the
workers are forked from it and share those pages copy-on-write (docs/benchmarks.md has the memory per
worker). A worker never loads the model again unless the registry activates another one.
Anything per process (database connections, the duplicates index, rate-limit counters) is made
again after the fork: `api.db` drops the inherited connection pool in the child.
"""

from __future__ import annotations

import gc
import os

preload_app = True
workers = int(os.environ.get("TRIAGE_WORKERS", "2"))
timeout = 120


def pre_fork(server, worker):
    # Objects alive now (the model, the modules) are never collected: the collector would otherwise write
    # to their headers in each worker and copy the pages that hold them.
    gc.freeze()


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
