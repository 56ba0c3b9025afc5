"""Model bundles: one self-describing directory per trained model.

```
models/<name>/
  bundle.json          labels, encoder, preprocessing, thresholds, versions, data hash,
                       training command, metrics, creation time, sha256 of every file
  encoder/             the encoder (a sentence-transformers directory, the TF-IDF pickle)
  heads/<head>.joblib  one calibrated scikit-learn head per task
  serving/             the TF-IDF and heads as arrays + JSON, what serving reads without scikit-learn
                       (triage/serving_export.py; derived from the pickles, added at first load if absent)
```

A bundle is written to a temporary directory beside its target and renamed
into place, so a crash or a full disk never leaves a half-written bundle and
never touches another one. Loading checks the format, the files and the
library versions, and fails with a message that says what to do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import platform
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from triage import __version__
from triage.model import TriageModel
from triage.serving_export import EXPORT_DIR, MANIFEST, add_export, write_export

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
BUNDLE_FILE = "bundle.json"
DEFAULT_NAME = "default"
# Pickled scikit-learn estimators are only safe on the same minor version.
STRICT_LIBRARIES = {"scikit-learn": 2, "sentence-transformers": 1, "numpy": 1}


class BundleError(Exception):
    """A bundle is missing, damaged or incompatible; the message says which and what to do."""


def library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version(), "triage": __version__}
    for dist in ("scikit-learn", "sentence-transformers", "numpy", "scipy", "torch", "tokenizers", "joblib", "sastrawi"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = "absent"
    return out


def data_fingerprint(texts: Sequence[str], labels: dict[str, Sequence]) -> str:
    """sha256 over texts and labels in order: the same data gives the same hash."""
    h = hashlib.sha256()
    for i, t in enumerate(texts):
        h.update(str(t).encode("utf-8", "replace"))
        for name in sorted(labels):
            h.update(b"\x1f" + str(labels[name][i]).encode("utf-8", "replace"))
        h.update(b"\x1e")
    return h.hexdigest()


def _hashes(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): _sha256(p) for p in sorted(directory.rglob("*")) if p.is_file()}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class Bundle:
    path: Path
    meta: dict
    model: TriageModel = field(repr=False)

    @property
    def name(self) -> str:
        return self.meta["name"]

    @property
    def version(self) -> str:
        return self.meta["version"]

    def labels(self, head: str) -> list[str]:
        return self.meta["heads"][head]["labels"]


def save_bundle(model: TriageModel, out_dir: str | Path, *, data_hash: str, training_command: str,
                training_rows: int, metrics: dict | None = None, name: str | None = None,
                overwrite: bool = False) -> Bundle:
    out_dir = Path(out_dir)
    name = name or out_dir.name
    if out_dir.exists() and not overwrite:
        raise BundleError(f"{out_dir} already exists; choose another --out or pass --overwrite")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=out_dir.parent))
    try:
        config = model.save(tmp)
        write_export(model, tmp, _hashes(tmp))
        files = _hashes(tmp)
        meta = {
            "format_version": FORMAT_VERSION,
            "name": name,
            "version": f"{name}-{created:%Y%m%dT%H%M%SZ}-{data_hash[:8]}",
            "created_at": created.isoformat(),
            "training": {"command": training_command, "data_sha256": data_hash, "rows": int(training_rows)},
            "libraries": library_versions(),
            "metrics": metrics or {},
            "files": files,
            **config,
        }
        (tmp / BUNDLE_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if out_dir.exists():
            old = out_dir.with_name(f".{out_dir.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out_dir, old)
            os.replace(tmp, out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Bundle(out_dir, meta, model)


def derive_bundle(base: Bundle, out_dir: str | Path, model: TriageModel, *, changed_heads: Sequence[str],
                  training: dict, metrics: dict | None = None, name: str | None = None) -> Bundle:
    """A new bundle that keeps `base`'s encoder and unchanged heads (their files are copied as they are, so
    their hashes stay) and writes the heads in `changed_heads` from `model`: what an automatic refit makes.
    Written to a temporary directory and renamed into place, like `save_bundle`."""
    out_dir = Path(out_dir)
    name = name or out_dir.name
    if out_dir.exists():
        raise BundleError(f"{out_dir} already exists")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=out_dir.parent))
    try:
        import joblib

        shutil.copytree(base.path / "encoder", tmp / "encoder")
        (tmp / "heads").mkdir()
        for head in model.heads_:
            src = base.path / "heads" / f"{head}.joblib"
            if head in changed_heads or not src.is_file():
                if not hasattr(model.heads_[head], "fit"):
                    raise BundleError(f"head {head} was loaded from the serving export and {src} is missing")
                joblib.dump(model.heads_[head], tmp / "heads" / f"{head}.joblib", compress=3)
            else:
                shutil.copy2(src, tmp / "heads" / f"{head}.joblib")
        for extra in base.path.iterdir():  # files beside the model (e.g. the drift reference) stay
            if extra.is_file() and extra.name != BUNDLE_FILE:
                shutil.copy2(extra, tmp / extra.name)
        write_export(model, tmp, _hashes(tmp))  # from the new heads and the kept ones, mirrored or not
        files = _hashes(tmp)
        heads = dict(base.meta.get("heads", {}))
        for head in changed_heads:
            h = model.heads_[head]
            heads[head] = {**heads.get(head, {}), "labels": h.classes_.tolist(), "thresholds": h.thresholds_,
                           "temperature": h.temperature_, "validation": h.validation_, "C": h.C}
        digest = hashlib.sha256(json.dumps(training, sort_keys=True, default=str).encode()).hexdigest()
        meta = {**base.meta, "name": name, "version": f"{name}-{created:%Y%m%dT%H%M%SZ}-{digest[:8]}",
                "created_at": created.isoformat(), "derived_from": base.version,
                "training": {**training, "data_sha256": digest}, "libraries": library_versions(),
                "metrics": metrics or {}, "files": files, "heads": heads}
        (tmp / BUNDLE_FILE).write_text(json.dumps(meta, indent=2, ensure_ascii=False, default=str) + "\n",
                                       encoding="utf-8")
        os.replace(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Bundle(out_dir, meta, model)


def encoder_fingerprint(meta: dict) -> str:
    """One hash of the encoder's files: two bundles with the same one embed texts identically."""
    files = {k: v for k, v in (meta.get("files") or {}).items() if k.startswith("encoder/")}
    return hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest() if files else ""


def read_meta(path: str | Path) -> dict:
    path = Path(path)
    meta_file = path / BUNDLE_FILE
    if not path.is_dir():
        raise BundleError(f"no model bundle at {path}: the directory does not exist (train one with `triage train`)")
    if not meta_file.is_file():
        raise BundleError(f"{path} is not a model bundle: {BUNDLE_FILE} is missing")
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleError(f"{meta_file} is not valid JSON ({exc}); the bundle is damaged, retrain it") from None
    if not isinstance(meta, dict) or meta.get("format_version") != FORMAT_VERSION:
        got = meta.get("format_version") if isinstance(meta, dict) else None
        raise BundleError(f"{meta_file}: bundle format {got!r}, this triage reads format {FORMAT_VERSION}; "
                          "retrain the bundle with this version")
    return meta


def check_versions(meta: dict, path: Path) -> None:
    have = library_versions()
    for lib, parts in STRICT_LIBRARIES.items():
        made = meta.get("libraries", {}).get(lib, "absent")
        if made.split(".")[:parts] != have.get(lib, "absent").split(".")[:parts]:
            raise BundleError(f"{path} was made with {lib} {made} but {have.get(lib)} is installed; "
                              f"install {lib}=={made} or retrain the bundle")
    for lib in ("torch", "triage"):
        made = meta.get("libraries", {}).get(lib)
        if made and made != have.get(lib):
            log.warning("%s was made with %s %s, running %s", path, lib, made, have.get(lib))


def check_files(meta: dict, path: Path, verify_hashes: bool = True) -> None:
    for rel, digest in meta.get("files", {}).items():
        f = path / rel
        if not f.is_file():
            raise BundleError(f"{path}: file {rel} listed in {BUNDLE_FILE} is missing; the bundle is incomplete")
        if verify_hashes and _sha256(f) != digest:
            raise BundleError(f"{path}: file {rel} does not match its sha256 in {BUNDLE_FILE}; the bundle is damaged")


def load_bundle(path: str | Path, verify_hashes: bool = True, use_export: bool = True) -> Bundle:
    """Load and check a bundle; raise :class:`BundleError` with a clear message on any mismatch.

    With ``use_export`` (serving) the TF-IDF and the heads are read from the bundle's serving export, without
    scikit-learn; a bundle made before the export existed is loaded from its pickles and gets its export
    written beside them (atomically, listed in bundle.json), so the next start reads it. ``use_export=False``
    gives the scikit-learn estimators (training tools, comparisons with the export)."""
    path = Path(path)
    meta = read_meta(path)
    check_versions(meta, path)
    check_files(meta, path, verify_hashes)
    try:
        model = TriageModel.load(path, meta, meta.get("files") if verify_hashes else None, use_export)
    except BundleError:
        raise
    except Exception as exc:  # a damaged pickle, export or encoder directory
        raise BundleError(f"{path}: could not load the model ({type(exc).__name__}: {exc})") from exc
    if use_export and MANIFEST not in meta.get("files", {}):
        meta = _export_beside(path, meta, model)
    return Bundle(path, meta, model)


def _export_beside(path: Path, meta: dict, model: TriageModel) -> dict:
    """Add the serving export to a bundle made without one (this process has unpickled it already)."""
    try:
        new = add_export(path, model, lambda m: _write_meta(path, m))
    except (OSError, ValueError, TypeError) as exc:
        log.warning("%s has no serving export and it could not be written (%s: %s): serving from the pickles, "
                    "with scikit-learn", path, type(exc).__name__, exc)
        return meta
    log.warning("%s had no serving export: loaded its pickles with scikit-learn and wrote %s/ beside them; "
                "the next start reads it without scikit-learn", path, EXPORT_DIR)
    return new or read_meta(path)


def _write_meta(path: Path, meta: dict) -> None:
    tmp = path / f".{BUNDLE_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(meta, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path / BUNDLE_FILE)


def write_metrics(path: str | Path, metrics: dict, key: str = "test") -> None:
    """Record evaluation results in bundle.json (atomically)."""
    path = Path(path)
    meta = read_meta(path)
    meta.setdefault("metrics", {})[key] = metrics
    _write_meta(path, meta)


# -- the default bundle, built from the sample data shipped in the package -------------------

def build_default_bundle(out_dir: str | Path, progress: bool = True, **model_params) -> Bundle:
    from tqdm.auto import tqdm

    from triage.data import load_sample_complaints

    df = load_sample_complaints()
    heads = ["agency", "category", "classification", "hoax"]
    labels = {h: df[h].tolist() for h in heads}
    bar = tqdm(total=3 + len(heads), desc="building the default model", disable=not progress, unit="step")

    def step(msg: str) -> None:
        bar.set_postfix_str(msg[:60])
        bar.update(1)

    model = TriageModel(**model_params).fit(df["text"].tolist(), labels, dates=df["date"].tolist(), progress=step)
    bundle = save_bundle(model, out_dir, data_hash=data_fingerprint(df["text"].tolist(), labels),
                         training_command="triage (default bundle from the shipped sample data)",
                         training_rows=len(df), name=Path(out_dir).name, overwrite=True)
    bar.update(bar.total - bar.n)
    bar.close()
    return bundle


def ensure_default_bundle(models_dir: str | Path = "models", progress: bool = True,
                          on_build: Callable[[Path], None] | None = None) -> Path:
    """Path of ``models_dir/default``, building it from the shipped sample data when absent."""
    path = Path(models_dir) / DEFAULT_NAME
    if (path / BUNDLE_FILE).is_file():
        return path
    log.info("no model bundle at %s: building the default model from the shipped sample data", path)
    if on_build:
        on_build(path)
    build_default_bundle(path, progress=progress)
    return path
