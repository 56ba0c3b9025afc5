import json
import shutil

import pytest

from triage.bundle import BUNDLE_FILE, BundleError, load_bundle, read_meta, write_metrics
from triage.suggest import Suggester, Suggestion

TEXTS = ["jln rusak parah bnyk lubang di depan sd", "ktp sy blm jadi udh 3 bulan", ""]


def test_bundle_json_says_everything_needed_to_trust_it(bundle_path):
    meta = read_meta(bundle_path)
    for key in ("name", "version", "created_at", "encoder", "preprocessing", "heads", "libraries",
                "training", "metrics", "files"):
        assert key in meta, key
    assert set(meta["heads"]) == {"agency", "category", "classification", "hoax"}
    assert len(meta["training"]["data_sha256"]) == 64 and meta["training"]["command"]
    assert {"scikit-learn", "sentence-transformers", "torch"} <= set(meta["libraries"])
    assert 0 < meta["heads"]["agency"]["thresholds"]["auto"] <= 1.01
    assert (bundle_path / "encoder").is_dir()
    assert (bundle_path / "encoder" / "embedding" / "sentence_transformer" / "modules.json").is_file()


def test_save_then_load_gives_the_same_suggestions(bundle_path, sample_bundle, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(bundle_path, copy)
    again = load_bundle(copy)
    a = [s.to_dict() for s in Suggester(sample_bundle).suggest(TEXTS)]
    b = [s.to_dict() for s in Suggester(again).suggest(TEXTS)]
    assert a == b
    assert Suggestion.from_dict(a[0]).to_dict() == a[0]


def test_suggestion_shape(sample_bundle):
    s = Suggester(sample_bundle).suggest(TEXTS)
    road, ktp, empty = (x.to_dict() for x in s)
    assert road["model"]["version"] == sample_bundle.version
    assert road["agency"]["candidates"][0]["label"] == "DPUPR"
    assert ktp["agency"]["candidates"][0]["label"] == "DISDUKCAPIL"
    assert len(road["agency"]["candidates"]) == 5
    assert road["agency"]["band"] in ("auto", "review", "manual")
    assert empty["agency"]["band"] == "manual"
    assert 0.0 <= road["hoax"]["probability"] <= 1.0
    assert any(e["term"] == "jalan" for e in road["explanation"])


def test_hoax_suggestion_gives_reasons(sample_bundle):
    [s] = Suggester(sample_bundle).suggest(
        ["SEBARKAN!!! bantuan tunai 2 juta dari pemerintah, daftar segera di bit.ly/bansos-cair sebelum dihapus"])
    assert s.hoax.probability > 0.5 and s.hoax.flagged
    assert s.hoax.reasons


@pytest.fixture
def damaged(bundle_path, tmp_path):
    copy = tmp_path / "b"
    shutil.copytree(bundle_path, copy)
    return copy


def test_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(BundleError, match="does not exist"):
        load_bundle(tmp_path / "nope")


def test_missing_file_is_refused(damaged):
    (damaged / "heads" / "agency.joblib").unlink()
    with pytest.raises(BundleError, match="heads/agency.joblib.*missing"):
        load_bundle(damaged)


def test_corrupted_file_is_refused(damaged):
    (damaged / "heads" / "hoax.joblib").write_bytes(b"not a pickle")
    with pytest.raises(BundleError, match="does not match its sha256"):
        load_bundle(damaged)


def test_broken_json_is_refused(damaged):
    (damaged / BUNDLE_FILE).write_text("{", encoding="utf-8")
    with pytest.raises(BundleError, match="not valid JSON"):
        load_bundle(damaged)


def test_library_version_mismatch_is_refused(damaged):
    meta = json.loads((damaged / BUNDLE_FILE).read_text())
    meta["libraries"]["scikit-learn"] = "0.24.2"
    (damaged / BUNDLE_FILE).write_text(json.dumps(meta))
    with pytest.raises(BundleError, match="scikit-learn 0.24.2"):
        load_bundle(damaged)


def test_format_mismatch_is_refused(damaged):
    meta = json.loads((damaged / BUNDLE_FILE).read_text())
    meta["format_version"] = 99
    (damaged / BUNDLE_FILE).write_text(json.dumps(meta))
    with pytest.raises(BundleError, match="format 99"):
        load_bundle(damaged)


def test_write_metrics_keeps_the_bundle_loadable(damaged):
    write_metrics(damaged, {"accuracy": 0.5}, key="evaluation:x")
    assert load_bundle(damaged).meta["metrics"]["evaluation:x"]["accuracy"] == 0.5
