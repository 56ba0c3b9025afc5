"""Heads: scikit-learn classifiers over encoded texts, calibrated, with decision bands.

``LabelHead`` is imported on first use: serving reads the heads from the bundle's export
(:mod:`triage.heads.head_runtime`) and must not import scikit-learn with this package.
"""

from triage.heads.bands import BANDS, assign_bands, tune_thresholds

__all__ = ["LabelHead", "BANDS", "assign_bands", "tune_thresholds"]


def __getattr__(name: str):
    if name == "LabelHead":
        from triage.heads.label_head import LabelHead

        return LabelHead
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
