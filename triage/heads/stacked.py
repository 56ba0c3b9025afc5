"""Every linear head of a bundle as one matrix, for serving.

The heads are linear SVMs over the same features (the hoax head also over the named cues), so one
sparse-times-dense product gives all their scores. Each head's calibration then runs on its own
columns. The products are the ones scikit-learn computes (``X @ coef_.T + intercept_``, the same terms
summed in the same order; the hoax cues are extra columns with zero weight for the other heads), so
the probabilities are the same, without scikit-learn's input validation on every call, and without
computing heads nobody asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from triage.heads.calibration import platt_probability, softmax_with_temperature

if TYPE_CHECKING:  # or its serving mirror, triage.heads.head_runtime.LabelHeadRuntime
    from triage.heads.label_head import LabelHead


class StackedHeads:
    def __init__(self, heads: dict[str, LabelHead], names: Sequence[str], n_features: int, n_cues: int):
        self.names = tuple(names)
        self.heads = {n: heads[n] for n in self.names}
        self.with_cues = any(self._width(h) > n_features for h in self.heads.values())
        width = n_features + (n_cues if self.with_cues else 0)
        blocks, intercepts, self.slices = [], [], {}
        col = 0
        for name, head in self.heads.items():
            coef = np.asarray(head.estimator_.coef_, dtype=np.float64)
            block = np.zeros((coef.shape[0], width))
            block[:, : min(coef.shape[1], width)] = coef[:, :width]
            blocks.append(block)
            intercepts.append(np.asarray(head.estimator_.intercept_, dtype=np.float64))
            self.slices[name] = slice(col, col + coef.shape[0])
            col += coef.shape[0]
        # C-contiguous (features x outputs): what scipy's sparse product reads without a copy.
        self.W = np.ascontiguousarray(np.vstack(blocks).T) if blocks else np.zeros((width, 0))
        self.b = np.concatenate(intercepts) if intercepts else np.zeros(0)

    @staticmethod
    def _width(head: LabelHead) -> int:
        return int(head.estimator_.coef_.shape[1])

    def predict_proba(self, X, cues: np.ndarray | None) -> dict[str, np.ndarray]:
        """Each head's probabilities for the rows of ``X`` (``cues``: the hoax cue matrix, when a head uses it)."""
        if self.with_cues and sp.issparse(X):
            # scipy's product adds a row's terms one after another in column order, the cue columns last.
            # The same sums without building [X, cues]: the product over X, then each cue's term added in
            # turn (a sum over the first axis adds its slices in order).
            n = X.shape[1]
            cue_w = self.W[n:]
            terms = np.empty((1 + len(cue_w), X.shape[0], self.W.shape[1]))
            terms[0] = X @ self.W[:n]
            np.multiply(np.asarray(cues, dtype=np.float64).T[:, :, None], cue_w[:, None, :], out=terms[1:])
            scores = np.add.reduce(terms, axis=0)
            scores += self.b
        else:
            if self.with_cues:
                X = np.hstack([X, cues])
            scores = X @ self.W + self.b
        out = {}
        for name, head in self.heads.items():
            s = scores[:, self.slices[name]]
            if head.binary_:
                p1 = platt_probability(s[:, 0], *head.platt_)
                two = out[name] = np.empty((len(p1), 2))  # np.column_stack([1 - p1, p1]), without its checks
                two[:, 0] = 1 - p1
                two[:, 1] = p1
            else:
                out[name] = softmax_with_temperature(s, head.temperature_)
        return out
