"""A serving process multiplies small matrices per request: BLAS gets one thread (triage.threads)."""

import json
import subprocess
import sys

SCRIPT = """
import json, sys
import numpy  # noqa: F401  (loads OpenBLAS, so its threads can be read before the app)
from threadpoolctl import threadpool_info
before = {i["internal_api"]: i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}
from api import create_app
create_app({"DATABASE_URL": "sqlite:///" + sys.argv[1], "MODEL_PATH": sys.argv[3], "MODELS_DIR": sys.argv[4], "AUTO_MIGRATE": True,
            "BLAS_THREADS": int(sys.argv[2]), "LEARNING": False})
after = {i["internal_api"]: i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}
print(json.dumps([before, after]))
"""


def _threads(tmp_path, bundle_path, setting: int):
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / f"t{setting}.db"), str(setting), str(bundle_path),
                          str(tmp_path / "models")],
                         capture_output=True, text=True, timeout=180, env={"OPENBLAS_NUM_THREADS": "2",
                                                                           "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_create_app_gives_blas_one_thread_unless_told_otherwise(tmp_path, bundle_path):
    before, after = _threads(tmp_path, bundle_path, 1)
    assert before and set(before.values()) == {2}  # what the library would use (OPENBLAS_NUM_THREADS=2)
    assert set(after.values()) == {1}
    before, after = _threads(tmp_path, bundle_path, 0)  # TRIAGE_BLAS_THREADS=0: the library's default
    assert after == before
