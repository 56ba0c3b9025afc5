"""The serving export of a bundle: its fitted TF-IDF and heads as plain arrays + JSON, read without scikit-learn.

```
serving/manifest.json        format, the pickles it was made from (their sha256), TF-IDF analyser settings,
                             each head's calibration, thresholds and hyperparameters
serving/tfidf_<block>.json   the vocabulary of the word / char block, in column order
serving/tfidf_<block>.npz    its idf
serving/head_<name>.npz      a head's classes, coefficients, intercepts
```

The pickles stay the bundle's source of truth (training and refits read them); the export is derived from
them, written with the bundle (``save_bundle``, ``derive_bundle``) and, for a bundle made before it existed,
at its first load (:func:`add_export`). Its files are listed in bundle.json's sha256 manifest like every
other file, and the npz files are read without pickle. A part that cannot be mirrored (a custom analyser,
another head class) is left out and named in the manifest; that part is then loaded from its pickle, and
the load says so in the log.
"""

from __future__ import annotations

import fcntl
import io
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from triage.encoders.static_runtime import read_verified
from triage.encoders.tfidf_runtime import TfidfRuntime, VectorizerRuntime, vectorizer_export
from triage.heads.head_runtime import LabelHeadRuntime, head_export

log = logging.getLogger(__name__)

EXPORT_DIR = "serving"
MANIFEST = f"{EXPORT_DIR}/manifest.json"
EXPORT_FORMAT = 1
TFIDF_SOURCES = ("encoder/tfidf.pkl", "encoder/tfidf.joblib")


def _json(obj) -> str:
    def plain(v):
        if isinstance(v, np.generic):
            return v.item()
        raise TypeError(f"{type(v).__name__} is not JSON")

    return json.dumps(obj, indent=1, ensure_ascii=False, default=plain, sort_keys=True) + "\n"


def _npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    for name, a in arrays.items():
        if a.dtype == object:
            raise TypeError(f"{name}: object arrays need pickle; the export is read without it")
    np.savez(path, **arrays)


def _tfidf_encoder(model):
    """The model's TF-IDF encoder (a hybrid's TF-IDF part), None when it has none."""
    enc = model.encoder_
    kind = getattr(enc, "kind", "")
    if kind == "hybrid":
        return enc.tfidf_
    return enc if kind == "tfidf" else None


def write_export(model, directory: Path, sources: dict[str, str]) -> dict:
    """Write ``directory/serving/`` for a fitted :class:`~triage.model.TriageModel` (heads and TF-IDF from
    scikit-learn or from an earlier export alike); ``sources``: sha256 of the bundle's pickles, by path."""
    out = Path(directory) / EXPORT_DIR
    out.mkdir(parents=True, exist_ok=True)
    skipped: dict[str, str] = {}
    manifest: dict = {"format": EXPORT_FORMAT, "tfidf": None, "heads": {}, "not_exported": skipped,
                      "sources": {k: v for k, v in sources.items()
                                  if k in TFIDF_SOURCES or k.startswith("heads/")}}
    enc = _tfidf_encoder(model)
    if enc is not None:
        blocks, reason = {}, None
        for block, vec in (("word", enc.word_), ("char", enc.char_)):
            if vec is None:
                continue
            got = vectorizer_export(vec)
            if isinstance(got, str):
                reason = f"{block} block: {got}"
                break
            settings, terms, idf = got
            (out / f"tfidf_{block}.json").write_text(json.dumps(terms, ensure_ascii=False), encoding="utf-8")
            _npz(out / f"tfidf_{block}.npz", {} if idf is None else {"idf": idf})
            blocks[block] = {"settings": settings, "terms": f"tfidf_{block}.json", "arrays": f"tfidf_{block}.npz"}
        if reason:
            skipped["tfidf"] = reason
        else:
            params = enc.describe()
            manifest["tfidf"] = {"params": params, **blocks}
    for name, head in model.heads_.items():
        got = head_export(head)
        if isinstance(got, str):
            skipped[f"heads/{name}"] = got
            continue
        state, arrays = got
        try:
            _json(state)
            _npz(out / f"head_{name}.npz", arrays)
        except TypeError as exc:
            skipped[f"heads/{name}"] = str(exc)
            continue
        manifest["heads"][name] = {**state, "arrays": f"head_{name}.npz"}
    (out / "manifest.json").write_text(_json(manifest), encoding="utf-8")
    return manifest


@dataclass
class ServingExport:
    tfidf: TfidfRuntime | None
    heads: dict[str, LabelHeadRuntime]
    not_exported: dict[str, str]


def _arrays(path: Path, sha256: str | None) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(read_verified(path, sha256)), allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def read_export(directory: Path, digests: dict[str, str] | None) -> ServingExport | None:
    """The export under ``directory`` (a bundle), checked against ``digests`` (bundle.json's sha256 by path);
    None when the bundle has none or it was made from other pickles than the bundle's (logged)."""
    directory = Path(directory)
    files = digests or {}
    if digests is not None and MANIFEST not in files:
        return None
    if not (directory / MANIFEST).is_file():
        return None
    manifest = json.loads(read_verified(directory / MANIFEST, files.get(MANIFEST)).decode("utf-8"))
    if manifest.get("format") != EXPORT_FORMAT:
        log.warning("%s: serving export format %r, this triage reads %d: loading the pickles",
                    directory, manifest.get("format"), EXPORT_FORMAT)
        return None
    stale = [k for k, v in manifest.get("sources", {}).items() if digests is not None and files.get(k) != v]
    if stale:
        log.warning("%s: the serving export was made from other files than %s: loading the pickles",
                    directory, ", ".join(sorted(stale)))
        return None

    def path(name: str) -> tuple[Path, str | None]:
        rel = f"{EXPORT_DIR}/{name}"
        return directory / rel, files.get(rel)

    tfidf = None
    if manifest.get("tfidf"):
        t = manifest["tfidf"]
        blocks = {}
        for block in ("word", "char"):
            if block in t:
                terms = json.loads(read_verified(*path(t[block]["terms"])).decode("utf-8"))
                idf = _arrays(*path(t[block]["arrays"])).get("idf")
                blocks[block] = VectorizerRuntime(t[block]["settings"], terms, idf)
        tfidf = TfidfRuntime(blocks["word"], blocks.get("char"), t["params"])
    heads = {name: LabelHeadRuntime(state, _arrays(*path(state["arrays"])))
             for name, state in manifest.get("heads", {}).items()}
    return ServingExport(tfidf, heads, dict(manifest.get("not_exported", {})))


def add_export(bundle_dir: Path, model, write_meta) -> dict | None:
    """Write the export beside an existing bundle's files and list them in its bundle.json; returns the new
    metadata (None when another process did it first). ``write_meta(meta)`` replaces bundle.json atomically.

    Processes starting together (gunicorn workers without --preload) take a lock on the bundle directory; the
    export is written to a temporary directory and renamed into place before bundle.json lists it."""
    from triage.bundle import _sha256, read_meta

    bundle_dir = Path(bundle_dir)
    fd = os.open(bundle_dir, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        meta = read_meta(bundle_dir)  # again, under the lock
        if MANIFEST in meta.get("files", {}):
            return None
        tmp = Path(tempfile.mkdtemp(prefix=f".{EXPORT_DIR}.", dir=bundle_dir))
        try:
            write_export(model, tmp, meta.get("files", {}))
            target = bundle_dir / EXPORT_DIR
            if target.exists():  # left by a crash before bundle.json listed it: never trusted, replaced
                shutil.rmtree(target)
            os.replace(tmp / EXPORT_DIR, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        files = dict(meta.get("files", {}))
        files.update({f"{EXPORT_DIR}/{p.name}": _sha256(p) for p in sorted(target.iterdir()) if p.is_file()})
        meta = {**meta, "files": files}
        write_meta(meta)
        return meta
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
