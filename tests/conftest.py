"""Shared fixtures: the shipped-sample bundle is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def bundle_path(models_dir):
    from triage.bundle import ensure_default_bundle

    return Path(ensure_default_bundle(models_dir, progress=False))


@pytest.fixture(scope="session")
def sample_bundle(bundle_path):
    from triage.bundle import load_bundle

    return load_bundle(bundle_path)


@pytest.fixture(scope="session")
def shared_datasets():
    if not SHARED_DATASETS.is_dir():
        pytest.skip("../shared/datasets is absent")
    return SHARED_DATASETS
