"""The notebooks in notebooks/ run top to bottom on the shipped sample data, quickly, so they never rot."""

import time
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
BUDGET_SECONDS = 120


def test_the_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS] == ["01_explore_dataset.ipynb", "02_error_analysis.ipynb"]


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        f"{path.name}: commit notebooks without outputs (Kernel > Restart & Clear Output)"
    started = time.monotonic()
    client = nbclient.NotebookClient(nb, timeout=BUDGET_SECONDS, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parents[1])}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as exc:
        pytest.fail(f"{path.name} failed:\n{exc}")
    elapsed = time.monotonic() - started
    assert elapsed < BUDGET_SECONDS, f"{path.name} took {elapsed:.0f}s"
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
