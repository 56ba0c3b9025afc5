"""A head for serving, from the bundle's export (coefficients, intercepts, classes, calibration), without scikit-learn.

``LabelHeadInference`` is the inference half of :class:`triage.heads.label_head.LabelHead` (which inherits it):
one implementation of the probabilities, bands and explanations, whichever object holds the fitted state.
``LabelHeadRuntime`` holds that state as plain arrays, so a serving process never unpickles scikit-learn.
"""

from __future__ import annotations

import numpy as np

from triage.heads.bands import assign_bands
from triage.heads.calibration import platt_probability, softmax_with_temperature

# Scorers whose decision_function is X @ coef_.T + intercept_ (raveled for one column): what LinearScores computes.
LINEAR_SCORERS = {"triage.heads.linear_svm.OneVsRestLinearSVC", "sklearn.svm._classes.LinearSVC"}


class LabelHeadInference:
    """Probabilities, bands, top-k and class weights from ``decision_function``, ``classes_``, ``binary_``,
    ``platt_``, ``temperature_``, ``thresholds_`` and ``estimator_.coef_``."""

    def decision_function(self, X) -> np.ndarray:
        return self.estimator_.decision_function(X)

    def predict_proba(self, X) -> np.ndarray:
        scores = self.decision_function(X)
        if self.binary_:
            p1 = platt_probability(scores, *self.platt_)
            return np.column_stack([1 - p1, p1])
        return softmax_with_temperature(scores, self.temperature_)

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def bands(self, proba: np.ndarray, known: np.ndarray | None = None) -> np.ndarray:
        return assign_bands(proba.max(axis=1), self.thresholds_, known)

    def top_k(self, proba: np.ndarray, k: int = 5) -> list[list[tuple[str, float]]]:
        k = min(k, len(self.classes_))
        idx = np.argsort(-proba, axis=1)[:, :k]
        if len(proba) == 1:  # one report: plain indexing, without take_along_axis's index building
            return [list(zip(self._class_names()[idx[0]].tolist(), proba[0, idx[0]].astype(float).tolist(), strict=True))]
        # Whole-array gathers and one tolist() each: Python floats and strs without a call per cell.
        names = self._class_names()[idx].tolist()
        values = np.take_along_axis(proba, idx, axis=1).astype(float).tolist()
        return [list(zip(n, v, strict=True)) for n, v in zip(names, values, strict=True)]

    def _class_names(self) -> np.ndarray:
        """``classes_`` as Python strings, built once per fitted ``classes_`` (it is read on every call)."""
        cached = getattr(self, "_names", None)
        if cached is None or cached[0] is not self.classes_:
            cached = self._names = (self.classes_, np.array([str(c) for c in self.classes_], dtype=object))
        return cached[1]

    def class_coefficients(self, label_index: int) -> np.ndarray:
        """Weights pushing towards class ``label_index`` (for explanations)."""
        coef = self.estimator_.coef_
        if self.binary_:
            return coef[0] if label_index == 1 else -coef[0]
        return coef[label_index]


class LinearScores:
    """A fitted linear scorer's state and ``decision_function``, as ``OneVsRestLinearSVC`` computes it."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: np.ndarray):
        self.coef_, self.intercept_, self.classes_ = coef, intercept, classes

    def decision_function(self, X) -> np.ndarray:
        return linear_scores(X, self.coef_, self.intercept_)

    def predict(self, X) -> np.ndarray:
        return label_of_scores(self.decision_function(X), self.classes_)


def linear_scores(X, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """``X @ coef.T + intercept``, one column per class (a vector for two classes, as scikit-learn's)."""
    scores = np.asarray(X @ coef.T + intercept)
    return scores.ravel() if scores.shape[1] == 1 else scores


def label_of_scores(scores: np.ndarray, classes: np.ndarray) -> np.ndarray:
    if scores.ndim == 1:
        return classes[(scores > 0).astype(int)]
    return classes[scores.argmax(axis=1)]


def head_export(head) -> tuple[dict, dict[str, np.ndarray]] | str:
    """(JSON-able state, arrays) of a fitted ``LabelHead`` or ``LabelHeadRuntime``; a string says why it
    cannot be mirrored (another head class, a scorer that is not a plain linear one)."""
    kind = f"{type(head).__module__}.{type(head).__qualname__}"
    if kind not in ("triage.heads.label_head.LabelHead", f"{__name__}.LabelHeadRuntime"):
        return f"a {kind} head is not mirrored"
    scorer = head.estimator_
    skind = f"{type(scorer).__module__}.{type(scorer).__qualname__}"
    if not isinstance(scorer, LinearScores) and skind not in LINEAR_SCORERS:
        return f"a head scored by {skind} is not mirrored"
    state = {"params": head.get_params(deep=False), "binary": bool(head.binary_),
             "platt": [float(v) for v in head.platt_], "temperature": float(head.temperature_),
             "thresholds": head.thresholds_, "validation": head.validation_}
    arrays = {"classes": np.asarray(head.classes_), "coef": np.asarray(scorer.coef_),
              "intercept": np.asarray(scorer.intercept_), "scorer_classes": np.asarray(scorer.classes_)}
    return state, arrays


class LabelHeadRuntime(LabelHeadInference):
    """A ``LabelHead``'s fitted state read from the export: the same attributes, the same inference."""

    def __init__(self, state: dict, arrays: dict[str, np.ndarray]):
        self._params = dict(state["params"])
        for name, value in self._params.items():  # C, target_precision, ... as on the LabelHead
            setattr(self, name, value)
        self.classes_ = arrays["classes"]
        self.binary_ = bool(state["binary"])
        self.platt_ = tuple(state["platt"])
        self.temperature_ = state["temperature"]
        self.thresholds_ = state["thresholds"]
        self.validation_ = state["validation"]
        self.estimator_ = LinearScores(arrays["coef"], arrays["intercept"], arrays["scorer_classes"])

    def get_params(self, deep: bool = True) -> dict:
        """The head's hyperparameters (a refit builds a new ``LabelHead`` with them)."""
        return dict(self._params)
