"""Model registry: bundles with their metrics, activation with a safety comparison, rollback, the agency
remapping of a model's labels, and the per-process sync that makes every worker serve the active model.

One module per job:

- `registration`: register bundles found on disk (`register`, `scan`, `resolve`);
- `scoring`: score a model on recent decisions and compare two (`compare`);
- `activation`: the append-only activation log (`activate`, `rollback`, `active`, `history`);
- `remap`: agency labels of a model checked against the directory and the agency mapping;
- `sync`: each process follows the log (`ModelSync`, `init_app`).
"""

from api.registry.activation import Refused, activate, active, history, rollback
from api.registry.models import ModelActivation, ModelEntry
from api.registry.registration import register, resolve, scan
from api.registry.remap import (
    LabelReport,
    RemappingSuggester,
    check_labels,
    label_report,
    remapping_suggester,
)
from api.registry.scoring import compare, score_suggester
from api.registry.sync import ModelSync, init_app

__all__ = [
    "LabelReport", "ModelActivation", "ModelEntry", "ModelSync", "Refused", "RemappingSuggester", "activate",
    "active", "check_labels", "compare", "history", "init_app", "label_report", "register", "remapping_suggester",
    "resolve", "rollback", "scan", "score_suggester",
]
