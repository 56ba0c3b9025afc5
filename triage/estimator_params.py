"""scikit-learn's estimator contract for the small estimators a serving process builds, without importing it.

The text normaliser and the directory prior run inside every worker (the prior is fitted whenever the
office's directory is set), and importing scikit-learn costs a worker about 140 MiB and a second
(``sklearn.utils.fixes`` pulls in pandas and scipy.stats). These mixins give them what
``sklearn.base.BaseEstimator`` and its mixins give (``get_params``/``set_params`` read from ``__init__``,
``clone``, tags, ``fit_transform``, ``score``); the methods only scikit-learn itself calls import it
then, when it is loaded anyway.
"""

from __future__ import annotations

import inspect
from collections import defaultdict


class ParamsMixin:
    """``get_params``/``set_params`` as ``sklearn.base.BaseEstimator`` defines them."""

    @classmethod
    def _get_param_names(cls) -> list[str]:
        if cls.__init__ is object.__init__:
            return []
        params = [p for p in inspect.signature(cls.__init__).parameters.values()
                  if p.name != "self" and p.kind != p.VAR_KEYWORD]
        if any(p.kind == p.VAR_POSITIONAL for p in params):
            raise RuntimeError(f"{cls.__name__}: estimators specify their parameters in __init__ (no varargs)")
        return sorted(p.name for p in params)

    def get_params(self, deep: bool = True) -> dict:
        out = {}
        for key in self._get_param_names():
            value = getattr(self, key)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                out.update((f"{key}__{k}", v) for k, v in value.get_params().items())
            out[key] = value
        return out

    def set_params(self, **params):
        if not params:
            return self
        valid = self.get_params(deep=True)
        nested: dict[str, dict] = defaultdict(dict)
        for key, value in params.items():
            key, delim, sub_key = key.partition("__")
            if key not in valid:
                raise ValueError(f"Invalid parameter {key!r} for estimator {self}. "
                                 f"Valid parameters are: {self._get_param_names()!r}.")
            if delim:
                nested[key][sub_key] = value
            else:
                setattr(self, key, value)
                valid[key] = value
        for key, sub in nested.items():
            valid[key].set_params(**sub)
        return self

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params(deep=False).items())
        return f"{type(self).__name__}({args})"

    def __sklearn_tags__(self):
        from sklearn.utils import Tags, TargetTags

        return Tags(estimator_type=None, target_tags=TargetTags(required=False), transformer_tags=None,
                    regressor_tags=None, classifier_tags=None)


class TransformerParamsMixin(ParamsMixin):
    """``sklearn.base.TransformerMixin`` on top: ``fit_transform`` and the transformer tags."""

    def fit_transform(self, X, y=None, **fit_params):
        return self.fit(X, y, **fit_params).transform(X)

    def __sklearn_tags__(self):
        from sklearn.utils import TransformerTags

        tags = super().__sklearn_tags__()
        tags.transformer_tags = TransformerTags()
        return tags


class ClassifierParamsMixin(ParamsMixin):
    """``sklearn.base.ClassifierMixin`` on top: ``score`` (accuracy) and the classifier tags."""

    _estimator_type = "classifier"

    def score(self, X, y, sample_weight=None) -> float:
        from sklearn.metrics import accuracy_score

        return float(accuracy_score(y, self.predict(X), sample_weight=sample_weight))

    def __sklearn_tags__(self):
        from sklearn.utils import ClassifierTags

        tags = super().__sklearn_tags__()
        tags.estimator_type = "classifier"
        tags.classifier_tags = ClassifierTags()
        tags.target_tags.required = True
        return tags
