"""Plain baselines a user would otherwise pick: word TF-IDF with logistic
regression, a linear SVM or a random forest, no Indonesian preprocessing."""

from __future__ import annotations

import numpy as np
from scipy.special import softmax
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC


def _tfidf(max_features=None):
    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=max_features)


BASELINES = {
    "tfidf+logreg": lambda: make_pipeline(_tfidf(), LogisticRegression(C=10, max_iter=300)),
    "tfidf+linearsvm": lambda: make_pipeline(_tfidf(), LinearSVC(C=0.5)),
    "tfidf+randomforest": lambda: make_pipeline(
        _tfidf(max_features=20_000), RandomForestClassifier(n_estimators=200, n_jobs=-1, random_state=0)),
}


def baseline_proba(pipe, texts) -> np.ndarray:
    """Probabilities as a user would get them: predict_proba, or a softmax of SVM margins."""
    if hasattr(pipe, "predict_proba"):
        return pipe.predict_proba(texts)
    scores = pipe.decision_function(texts)
    if scores.ndim == 1:
        scores = np.column_stack([-scores, scores])
    return softmax(scores, axis=1)
