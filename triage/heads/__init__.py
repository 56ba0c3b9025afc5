"""Heads: scikit-learn classifiers over encoded texts, calibrated, with decision bands."""

from triage.heads.bands import BANDS, assign_bands, tune_thresholds
from triage.heads.label_head import LabelHead

__all__ = ["LabelHead", "BANDS", "assign_bands", "tune_thresholds"]
