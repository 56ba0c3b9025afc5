"""scikit-learn-style transformers for the text steps, so a pipeline refits per fold (the contract comes from
:mod:`triage.estimator_params`: a serving process normalises every report and must not import scikit-learn)."""

from __future__ import annotations

from collections.abc import Iterable

from triage.estimator_params import TransformerParamsMixin
from triage.text.normalize import default_slang, normalize
from triage.text.stem import remove_stopwords, stem_tokens


class TextNormalizer(TransformerParamsMixin):
    """Placeholders, lowercase, collapsed repeats, slang; optional stemming and stopwords.

    Stateless: ``fit`` only records the settings, so it is safe inside
    cross-validation and costs nothing.
    """

    def __init__(self, slang: bool = True, stem: bool = False, stopwords: bool = False, mask_pii: bool = True):
        self.slang = slang
        self.stem = stem
        self.stopwords = stopwords
        self.mask_pii = mask_pii

    def fit(self, X: Iterable[str], y=None):
        self.n_features_in_ = 1
        return self

    def transform(self, X: Iterable[str]) -> list[str]:
        slang = default_slang() if self.slang else None
        out = []
        for text in X:
            norm = normalize("" if text is None else str(text), slang=slang, mask_pii=self.mask_pii)
            if self.stem or self.stopwords:
                toks = norm.split()
                if self.stopwords:
                    toks = remove_stopwords(toks)
                if self.stem:
                    toks = stem_tokens(toks)
                norm = " ".join(toks)
            out.append(norm)
        return out

    def settings(self) -> dict:
        return {"slang": self.slang, "stem": self.stem, "stopwords": self.stopwords, "mask_pii": self.mask_pii}
