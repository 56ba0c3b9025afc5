"""The train / evaluate / classify commands, on real files, including broken ones."""

import json

import pytest
from click.testing import CliRunner

from triage.cli import main
from triage.data import load_sample_complaints


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("data")
    df = load_sample_complaints()
    train, test = df[df.date < "2025-07-01"], df[df.date >= "2025-07-01"]
    train.to_csv(d / "train.csv", index=False)
    test.to_csv(d / "test.csv", index=False)
    with (d / "train.jsonl").open("w", encoding="utf-8") as fh:
        for r in train.head(300).to_dict("records"):
            fh.write(json.dumps({"isi": r["text"], "judul": r["title"], "dinas": r["agency"]}, ensure_ascii=False) + "\n")
    return d


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


def test_classify_prints_a_suggestion(bundle_path):
    r = run("classify", "--model", bundle_path, "lampu pju di jln raya mati sudah seminggu")
    assert r.exit_code == 0, r.output
    assert "agency" in r.output and "[" in r.output
    r = run("classify", "--model", bundle_path, "--json", "air pdam tidak mengalir 3 hari")
    assert json.loads(r.output)["agency"]["candidates"][0]["label"] == "PDAM"


def test_classify_file_and_errors(bundle_path, tmp_path):
    f = tmp_path / "in.txt"
    f.write_text("sampah menumpuk di pasar\n\nktp hilang mau urus baru\n", encoding="utf-8")
    r = run("classify", "--model", bundle_path, "--file", f, "--json")
    assert r.exit_code == 0 and len(r.output.strip().splitlines()) == 2
    r = run("classify", "--model", tmp_path / "missing", "halo")
    assert r.exit_code != 0 and "does not exist" in r.output
    r = run("classify", "--model", bundle_path)
    assert r.exit_code != 0 and "either TEXT or --file" in r.output


def test_train_jsonl_with_title_column_and_evaluate(sample_files, tmp_path):
    out = tmp_path / "m"
    r = run("train", "--data", sample_files / "train.jsonl", "--text-column", "isi", "--title-column", "judul",
            "--label-column", "dinas", "--encoder", "tfidf", "--out", out)
    assert r.exit_code == 0, r.output
    meta = json.loads((out / "bundle.json").read_text())
    assert meta["training"]["rows"] == 300 and "triage train" in meta["training"]["command"]
    r = run("evaluate", "--model", out, "--data", sample_files / "test.csv", "--text-column", "text",
            "--label-column", "agency", "--json", tmp_path / "e.json")
    assert r.exit_code == 0, r.output
    res = json.loads((tmp_path / "e.json").read_text())
    assert 0.3 < res["accuracy"] <= 1.0
    assert (tmp_path / "e.md").is_file() and (tmp_path / "e_reliability.png").is_file()
    assert "evaluation:test.csv" in json.loads((out / "bundle.json").read_text())["metrics"]


def test_existing_bundle_is_not_overwritten_silently(sample_files, tmp_path):
    out = tmp_path / "m"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    r = run("train", "--data", sample_files / "train.csv", "--text-column", "text", "--label-column", "agency",
            "--encoder", "tfidf", "--out", out)
    assert r.exit_code != 0 and "already exists" in r.output and (out / "keep.txt").exists()


@pytest.mark.parametrize("content,expected", [
    ("text,agency\n\"unclosed,DPUPR\n", "malformed CSV"),
    ("text,agency\na,b,c,d\n", "malformed CSV"),
    ("isi,dinas\nhalo,DPUPR\n", "no column 'text'"),
    ("", "empty"),
])
def test_train_reports_broken_csv_with_file_name(tmp_path, content, expected):
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    r = run("train", "--data", f, "--text-column", "text", "--label-column", "agency", "--out", tmp_path / "m")
    assert r.exit_code != 0
    assert "bad.csv" in r.output and expected in r.output


def test_train_reports_broken_jsonl_line(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"text": "a", "agency": "X"}\n{"text": "b", agency}\n', encoding="utf-8")
    r = run("train", "--data", f, "--text-column", "text", "--label-column", "agency", "--out", tmp_path / "m")
    assert r.exit_code != 0 and "bad.jsonl:2" in r.output


def test_train_reports_bad_date_row_and_column(tmp_path):
    f = tmp_path / "dates.csv"
    f.write_text("text,agency,tgl\njalan rusak,DPUPR,2024-01-02\nair mati,PDAM,kemarin sore\n", encoding="utf-8")
    r = run("train", "--data", f, "--text-column", "text", "--label-column", "agency", "--date-column", "tgl",
            "--out", tmp_path / "m")
    assert r.exit_code != 0 and "row 3" in r.output and "'tgl'" in r.output


def test_single_label_is_a_clear_error(tmp_path):
    f = tmp_path / "one.csv"
    f.write_text("text,agency\n" + "".join(f"laporan nomor {i},DPUPR\n" for i in range(60)), encoding="utf-8")
    r = run("train", "--data", f, "--text-column", "text", "--label-column", "agency", "--encoder", "tfidf",
            "--out", tmp_path / "m")
    assert r.exit_code != 0 and "two labels" in r.output


def test_replay_with_baselines_runs_the_services_learning_and_its_peers(sample_files, tmp_path):
    """`evaluate --replay --baselines`: every test row suggested once by triage and by both peers, the
    service's learning settings recorded (with an override), the curve written; peers run in their own
    process on a multi-core machine and must come back with the same shape."""
    from triage.learning.settings import LearningSettings

    out = tmp_path / "r.json"
    test = tmp_path / "test.csv"
    import pandas as pd

    pd.read_csv(sample_files / "test.csv").head(120).to_csv(test, index=False)
    r = run("evaluate", "--replay", "--train", sample_files / "train.csv", "--test", test, "--text-column", "text",
            "--label-column", "agency", "--date-column", "date", "--baselines",
            "--set", "refit_every=60", "--json", out)
    assert r.exit_code == 0, r.output
    res = json.loads(out.read_text())
    assert res["protocol"] == "replay" and res["test_rows"] == 120
    assert res["settings"] == {**LearningSettings().to_dict(), "refit_every": 60}
    for key in ("triage", "peer_refitted", "peer_frozen"):
        m = res[key]
        assert m["n"] == 120 and 0.3 < m["accuracy"] <= 1 and m["top3_accuracy"] >= m["accuracy"]
        assert {"macro_f1", "coverage_at_95", "ece", "curve"} <= set(m)
    assert res["peer_refitted"]["fits"] == 1 + 120 // 50 and res["peer_frozen"]["fits"] == 1
    assert abs(sum(res["triage"]["band_share"].values()) - 1) < 1e-3
    assert (tmp_path / "r.png").stat().st_size > 1000
    r = run("evaluate", "--replay", "--test", test, "--text-column", "text", "--label-column", "agency",
            "--set", "no_such_setting=1")
    assert r.exit_code != 0 and "no_such_setting" in r.output


def test_the_refitted_peer_in_stretches_makes_the_same_suggestions_as_in_one_run():
    """Cutting the peer's timeline at a refit point (each stretch in its own process in the benchmark)
    gives the suggestions of one uninterrupted run: the stretch starts from the fit the run makes there."""
    from training.replay import _joined, _peer_jobs, replay_peer
    from triage.data import load_sample_complaints

    df = load_sample_complaints().head(260)
    texts, labels = df["text"].tolist(), df["agency"].tolist()
    whole, info = replay_peer(texts, labels, every=50)
    jobs = [j for j in _peer_jobs(len(texts), 2) if j[0] == "peer_refitted"]
    assert [(a, b) for _, _, a, b in jobs] == [(0, 150), (150, None)]
    parts = [replay_peer(texts, labels, every=50, start=a, stop=b) for _, _, a, b in jobs]
    joined, jinfo = _joined([(m, {**i, "seconds": 0}) for m, i in parts])
    assert joined.labels == whole.labels and jinfo["fits"] == info["fits"] == 260 // 50
    # probabilities agree up to the solver's tolerance (a fit from zero vs one warm-started)
    assert max(abs(a - b) for a, b in zip(joined.confidence, whole.confidence, strict=True)) < 0.02
