"""A serving process never imports scikit-learn or pandas: the bundle's heads and TF-IDF come from its
serving export, and every other import on the request path is free of them (about 140 MiB per worker)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, sys
from api import create_app, extensions
from api.services import accounts
app = create_app({"INSTANCE_PATH": sys.argv[1] + "/instance", "DATABASE_URL": "sqlite:///" + sys.argv[1] + "/t.db",
                  "MODEL_PATH": sys.argv[2], "MODELS_DIR": sys.argv[3], "SECRET_KEY": "t", "RATE_LIMITS": False})
with extensions.sessionmaker(app)() as s:
    _row, key = accounts.create_key(s, "t")
r = app.test_client().post("/api/v1/classify", json={"text": "Jalan di depan pasar rusak dan berlubang"},
                           headers={"Authorization": "Bearer " + key})
assert r.status_code == 200, r.get_data(as_text=True)
print(json.dumps({m: m in sys.modules for m in ("sklearn", "pandas", "scipy.stats", "torch")}))
"""


def test_create_app_and_a_classify_import_neither_scikit_learn_nor_pandas(bundle_path, models_dir, tmp_path):
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), str(bundle_path), str(models_dir)],
                         capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parents[2])
    assert out.returncode == 0, out.stderr[-3000:]
    imported = json.loads(out.stdout.strip().splitlines()[-1])
    assert imported == {"sklearn": False, "pandas": False, "scipy.stats": False, "torch": False}
