"""The benchmark protocols of ../shared/datasets, in a reduced form that runs in CI.

The full protocols run in `triage benchmark` (docs/benchmarks.md); these check that the
pipeline still reaches sensible quality on real citizen text, through the same CLI a data
scientist uses. They skip where ../shared is absent.
"""

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from sklearn.model_selection import train_test_split

from triage.cli import main

pytestmark = [pytest.mark.shared_data, pytest.mark.slow]


def _evaluate(train, test, out, *extra):
    r = CliRunner().invoke(main, ["evaluate", "--train", str(train), "--test", str(test), "--text-column", "text",
                                  *extra, "--json", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return json.loads(out.read_text())


def test_surabaya_routing_of_recent_reports(shared_datasets, tmp_path):
    df = pd.read_csv(shared_datasets / "surabaya_mediacenter.csv", dtype=str, keep_default_na=False)
    train = df[(df.date >= "2022-07-01") & (df.date < "2023-01-01")]
    test = df[(df.date >= "2023-01-01") & (df.date < "2023-02-01")]
    test = test[test.agency.isin(set(train.agency))]
    train.to_csv(tmp_path / "train.csv", index=False)
    test.to_csv(tmp_path / "test.csv", index=False)
    res = _evaluate(tmp_path / "train.csv", tmp_path / "test.csv", tmp_path / "r.json",
                    "--label-column", "agency", "--date-column", "date")
    assert res["accuracy"] >= 0.62, res
    assert res["top3_accuracy"] >= 0.75, res
    assert res["coverage_at_95"] >= 0.2, res
    assert {"macro_f1", "ece", "fit_seconds", "predict_ms_per_doc"} <= set(res)
    assert (tmp_path / "r_coverage.png").is_file()


def test_hoax_protocol(shared_datasets, tmp_path):
    df = pd.read_csv(shared_datasets / "indo_false_news.csv", dtype=str, keep_default_na=False)
    tr, te = train_test_split(df, test_size=0.2, random_state=0, stratify=df.label)
    tr.to_csv(tmp_path / "train.csv", index=False)
    te.to_csv(tmp_path / "test.csv", index=False)
    res = _evaluate(tmp_path / "train.csv", tmp_path / "test.csv", tmp_path / "h.json",
                    "--label-column", "label", "--head", "hoax")
    # Text alone: 0.71 ROC-AUC when measured, like every baseline; the 0.90 of the issue needs the
    # date or the title, which are shortcuts of this data set (docs/hoax.md).
    assert res["roc_auc"] >= 0.65, res
    assert res["average_precision"] >= 0.86, res  # hoaxes are 82% of the test set
    assert res["ece"] <= 0.1, res
