"""The bundle's serving export: written with the bundle, listed in its sha256 manifest, read without
scikit-learn, the same suggestions as the pickles; added beside older bundles at their first load."""

from __future__ import annotations

import json
import logging
import shutil

import pytest

from triage.bundle import BUNDLE_FILE, BundleError, derive_bundle, load_bundle, read_meta
from triage.data import load_sample_complaints
from triage.heads.head_runtime import LabelHeadRuntime
from triage.serving_export import EXPORT_DIR, MANIFEST, write_export
from triage.suggest import Suggester

TEXTS = load_sample_complaints()["text"].tolist()[:300] + ["", "SEBARKAN!!! transfer http://bit.ly/x"]


def _copy(bundle_path, tmp_path, name="b"):
    return shutil.copytree(bundle_path, tmp_path / name)


def _suggestions(bundle) -> list[dict]:
    return [s.to_dict() for s in Suggester(bundle).suggest(TEXTS)]


def test_a_saved_bundle_lists_its_export_in_the_manifest(bundle_path):
    files = read_meta(bundle_path)["files"]
    export = {k for k in files if k.startswith(f"{EXPORT_DIR}/")}
    assert MANIFEST in export and {f"{EXPORT_DIR}/head_{h}.npz" for h in ("agency", "category", "hoax")} <= export
    manifest = json.loads((bundle_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["not_exported"] == {}
    assert manifest["sources"]["heads/agency.joblib"] == files["heads/agency.joblib"]


def test_the_export_gives_the_same_suggestions_as_the_pickles(bundle_path):
    served, pickled = load_bundle(bundle_path), load_bundle(bundle_path, use_export=False)
    assert all(isinstance(h, LabelHeadRuntime) for h in served.model.heads_.values())
    assert type(served.model.encoder_).__module__ == "triage.encoders.serving"
    assert _suggestions(served) == _suggestions(pickled)


def test_the_exported_tfidf_keeps_placeholders_opaque_to_characters(bundle_path):
    """A contact line's placeholder is read by the serving TF-IDF as training read it (tfidf.char_view)."""
    served, pickled = load_bundle(bundle_path), load_bundle(bundle_path, use_export=False)
    docs = ["jalan rusak mohon ditindak _telepon_ _nama_", "sinyal telepon putus nama saya"]
    tf_served, tf_pickled = served.model.encoder_.tfidf_, pickled.model.encoder_.tfidf_
    assert tf_served.describe()["opaque_placeholders"] is True
    assert (tf_served.transform(docs) != tf_pickled.transform(docs)).nnz == 0


def _drop_export(path):
    shutil.rmtree(path / EXPORT_DIR)
    meta = read_meta(path)
    meta["files"] = {k: v for k, v in meta["files"].items() if not k.startswith(f"{EXPORT_DIR}/")}
    (path / BUNDLE_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")


def test_an_older_bundle_gets_its_export_at_first_load(bundle_path, tmp_path, caplog):
    path = _copy(bundle_path, tmp_path)
    _drop_export(path)
    version = read_meta(path)["version"]
    with caplog.at_level(logging.WARNING, logger="triage.bundle"):
        first = load_bundle(path)
    assert "had no serving export" in caplog.text
    assert all(not isinstance(h, LabelHeadRuntime) for h in first.model.heads_.values())  # this process: pickles
    meta = read_meta(path)
    assert MANIFEST in meta["files"] and meta["version"] == version
    assert not [p for p in path.iterdir() if p.name.startswith(".")]  # no temporary leftovers
    again = load_bundle(path)  # every file, the new ones included, checked against bundle.json
    assert all(isinstance(h, LabelHeadRuntime) for h in again.model.heads_.values())
    assert _suggestions(again) == _suggestions(first)


def test_a_read_only_older_bundle_is_served_from_its_pickles(bundle_path, tmp_path, caplog, monkeypatch):
    path = _copy(bundle_path, tmp_path)
    _drop_export(path)

    def refuse(*a, **k):
        raise PermissionError("read-only")

    monkeypatch.setattr("triage.bundle.add_export", refuse)
    with caplog.at_level(logging.WARNING, logger="triage.bundle"):
        bundle = load_bundle(path)
    assert "could not be written" in caplog.text and "serving from the pickles" in caplog.text
    assert MANIFEST not in bundle.meta["files"]


@pytest.mark.parametrize("rel", [MANIFEST, f"{EXPORT_DIR}/head_agency.npz", f"{EXPORT_DIR}/tfidf_word.json"])
def test_a_tampered_export_file_is_refused(bundle_path, tmp_path, rel):
    path = _copy(bundle_path, tmp_path)
    f = path / rel
    data = bytearray(f.read_bytes())
    data[len(data) // 2] ^= 0x01
    f.write_bytes(bytes(data))
    with pytest.raises(BundleError, match="sha256"):
        load_bundle(path)


def test_an_export_made_from_other_pickles_is_not_used(bundle_path, tmp_path, caplog):
    path = _copy(bundle_path, tmp_path)
    meta = read_meta(path)
    manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    manifest["sources"]["heads/agency.joblib"] = "0" * 64
    (path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    from triage.bundle import _sha256

    meta["files"][MANIFEST] = _sha256(path / MANIFEST)
    (path / BUNDLE_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="triage.serving_export"):
        bundle = load_bundle(path)
    assert "made from other files" in caplog.text
    assert not isinstance(bundle.model.heads_["agency"], LabelHeadRuntime)


def test_a_head_that_cannot_be_mirrored_is_loaded_from_its_pickle_and_logged(bundle_path, tmp_path, caplog):
    from triage.bundle import _sha256

    path = _copy(bundle_path, tmp_path)
    model = load_bundle(path, use_export=False).model
    hoax = model.heads_["hoax"]
    odd = type("CustomHead", (type(hoax),), {})
    model.heads_["hoax"] = odd.__new__(odd)
    model.heads_["hoax"].__dict__.update(hoax.__dict__)
    meta = read_meta(path)
    shutil.rmtree(path / EXPORT_DIR)
    manifest = write_export(model, path, meta["files"])
    assert "not mirrored" in manifest["not_exported"]["heads/hoax"]
    meta["files"] = {k: v for k, v in meta["files"].items() if not k.startswith(f"{EXPORT_DIR}/")}
    meta["files"].update({f"{EXPORT_DIR}/{p.name}": _sha256(p) for p in (path / EXPORT_DIR).iterdir()})
    (path / BUNDLE_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="triage.model"):
        bundle = load_bundle(path)
    assert "head hoax has no serving export" in caplog.text
    assert isinstance(bundle.model.heads_["agency"], LabelHeadRuntime)
    assert type(bundle.model.heads_["hoax"]).__name__ == "LabelHead"
    assert _suggestions(bundle) == _suggestions(load_bundle(path, use_export=False))


def test_a_derived_bundle_exports_its_new_head(bundle_path, tmp_path):
    from triage.heads.label_head import LabelHead

    base = load_bundle(bundle_path)  # heads and TF-IDF from the export, as the service holds them
    df = load_sample_complaints()
    X, _ = base.model.encode(df["text"].tolist())
    head = LabelHead(**base.model.heads_["agency"].get_params()).fit(X, df["agency"].astype(str).to_numpy())
    import copy

    model = copy.copy(base.model)
    model.heads_ = {**base.model.heads_, "agency": head}
    derived = derive_bundle(base, tmp_path / "derived", model, changed_heads=["agency"], training={"rows": len(df)})
    assert MANIFEST in derived.meta["files"]
    served, pickled = load_bundle(derived.path), load_bundle(derived.path, use_export=False)
    assert isinstance(served.model.heads_["agency"], LabelHeadRuntime)
    assert _suggestions(served) == _suggestions(pickled)


def test_a_model_read_from_the_export_refuses_to_be_pickled_again(bundle_path, tmp_path):
    with pytest.raises(ValueError, match="use_export=False"):
        load_bundle(bundle_path).model.save(tmp_path)
