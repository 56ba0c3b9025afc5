"""`triage train` talks to a person: --out is checked before anything is read or trained, the decision
bands are said in words (never "auto >= 1.010"), and no library noise reaches the output."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from training.cli import describe_bands
from triage.cli import main
from triage.data import load_sample_complaints


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


def test_existing_out_fails_before_the_data_is_read(tmp_path):
    out = tmp_path / "m"
    out.mkdir()
    r = run("train", "--data", tmp_path / "missing.csv", "--text-column", "text", "--label-column", "agency",
            "--out", out)
    assert r.exit_code == 1 and "already exists" in r.output and "nothing was trained" in r.output
    assert "missing.csv" not in r.output


def test_existing_out_fails_before_the_database_is_read(tmp_path, monkeypatch):
    import training.from_db

    def never(*a, **k):
        raise AssertionError("trained although --out exists")

    monkeypatch.setattr(training.from_db, "train_from_db", never)
    out = tmp_path / "m"
    out.mkdir()
    r = run("train", "--from-db", "--out", out)
    assert r.exit_code == 1 and "already exists" in r.output


def test_out_that_is_a_file(tmp_path):
    out = tmp_path / "m"
    out.write_text("x")
    r = run("train", "--from-db", "--out", out, "--overwrite")
    assert r.exit_code == 1 and "is a file" in r.output


def test_unreachable_precision_is_said_in_words():
    text = describe_bands("agency", 12, {"auto": 1.01, "review": 0.4, "target_precision": 0.95, "review_top3": 0.9})
    assert "no confidence level reaches 95% precision" in text and "reviews every one" in text
    assert "1.01" not in text and ">=" not in text
    text = describe_bands("agency", 12, {"auto": 0.83, "review": 0.41, "target_precision": 0.95,
                                         "review_top3": 0.9, "validation_auto_share": 0.37})
    assert "0.83 or more were right 95% of the time" in text and "37% of validation reports" in text
    assert "from 0.41 the top 3 held the answer 90%" in text


def test_training_output_has_no_library_noise(tmp_path, capfd):
    df = load_sample_complaints().head(240)
    data = tmp_path / "d.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for r in df.to_dict("records"):
            fh.write(json.dumps({"text": r["text"], "agency": r["agency"]}, ensure_ascii=False) + "\n")
    r = run("train", "--data", data, "--text-column", "text", "--label-column", "agency", "--encoder", "static",
            "--out", tmp_path / "m")
    assert r.exit_code == 0, r.output
    captured = capfd.readouterr()
    everything = r.output + captured.out + captured.err
    assert "saved" in r.output and "labels;" in r.output
    for noise in ("train_runtime", "Computing widget examples", "auto >=", "{'"):
        assert noise not in everything, noise


@pytest.mark.parametrize("leftover", ["README.md"])
def test_static_encoder_writes_no_model_card(tmp_path, leftover):
    from triage.encoders.static import StaticEncoder

    texts = [r for r in load_sample_complaints().head(60)["text"]]
    enc = StaticEncoder(dim=16, vocab_size=500, epochs=1, batch_size=16).fit(texts)
    (tmp_path / "enc").mkdir()
    enc.save(tmp_path / "enc")
    assert not (tmp_path / "enc" / "sentence_transformer" / leftover).exists()
