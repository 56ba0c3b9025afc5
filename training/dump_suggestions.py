"""Every suggestion the service makes for the shipped sample complaints, as one JSON file, so that a
change meant to be only faster can be shown to give the same answers, byte for byte:

    python -m training.dump_suggestions --models-dir models --out /tmp/after.json
    git worktree add /tmp/before <commit> && cd /tmp/before && \\
        python -m training.dump_suggestions --models-dir /path/to/models --out /tmp/before.json
    cmp /tmp/before.json /tmp/after.json

The reports go through the app's model (the learning router over the bundle, as ``triage serve`` loads
it) in batches of 100 and then one at a time, on a fresh SQLite instance.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

# A few shapes the sample lacks: a forwarded hoax, a NIK glued to the next word (LAPOR! export), nothing.
EXTRA = ["SEBARKAN!!! Info dari grup: bantuan tunai cair hari ini, klik bit.ly/xyz",
         "Nik. 3204124101990001Saya minta KTP segera dicetak", ""]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models-dir", default="models")
    ap.add_argument("--out", required=True)
    ap.add_argument("--singles", type=int, default=50, help="reports also sent one at a time")
    args = ap.parse_args(argv)

    from api import create_app, extensions
    from triage.bundle import ensure_default_bundle
    from triage.data import load_sample_complaints

    bundle = ensure_default_bundle(args.models_dir, progress=False)
    texts = [t for t in load_sample_complaints()["text"].tolist() if t and t.strip()] + EXTRA
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"INSTANCE_PATH": tmp, "DATABASE_URL": f"sqlite:///{tmp}/dump.db", "MODEL_PATH": str(bundle),
                          "MODELS_DIR": str(Path(bundle).parent), "SECRET_KEY": "dump", "RATE_LIMITS": False})
        holder = extensions.holder(app)
        out = []
        for i in range(0, len(texts), 100):
            out += [s.to_dict() for s in holder.analyse(texts[i:i + 100])[1].suggestions]
        for t in texts[: args.singles]:
            out.append(holder.analyse([t])[1].suggestions[0].to_dict())
        extensions.engine(app).dispose()
    Path(args.out).write_text(json.dumps(out, sort_keys=True), encoding="utf-8")
    print(f"{len(out)} suggestions -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
