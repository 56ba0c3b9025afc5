"""TF-IDF features for serving, from the bundle's export (vocabulary, idf, analyser settings), without scikit-learn.

scikit-learn's ``TfidfVectorizer`` is what training fits; a serving process only needs its ``transform``,
and importing scikit-learn to unpickle it cost each worker about 140 MiB and a second. The analysers below
are scikit-learn 1.9's (``_preprocess``, ``strip_accents_*``, ``_word_ngrams``, ``_char_ngrams``,
``_char_wb_ngrams``) line for line, so the n-grams, their order and the counted terms are the same; the
weighting (sublinear tf, idf, l2 rows) is :func:`tfidf_rows`, which the training-side encoder uses too.
tests/triage/encoders/test_tfidf_runtime.py checks the matrices are bit-identical.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

import numpy as np

from triage.encoders.rows import Rows, hstack_rows
from triage.rownorm import l2_normalize_csr_inplace
from triage.text.placeholders import KINDS, MODEL

_WHITE_SPACES = re.compile(r"\s\s+")  # CountVectorizer._white_spaces
NORMS = (None, "l2")  # the row norms tfidf_rows computes


def tfidf_rows(analyse: Callable[[str], list[str]], vocabulary: dict[str, int], docs: Sequence[str], *,
               dtype, idf: np.ndarray | None, sublinear_tf: bool, norm: str | None, binary: bool = False,
               columns: Callable[[str], np.ndarray] | None = None) -> Rows:
    """``TfidfVectorizer.transform(docs)`` step by step as scikit-learn does it (count the vocabulary's terms,
    sorted columns, binary counts, sublinear tf, idf, l2 rows), without its input validation: on one short
    report that validation cost more than the arithmetic. ``columns(doc)`` may stand in for ``analyse``:
    the vocabulary's column of each counted term (the char block caches them per word)."""
    if norm not in NORMS:
        raise ValueError(f"tfidf_rows computes the norms {NORMS}, not {norm!r}")
    if columns is None:
        columns = lambda doc: term_columns(analyse(doc), vocabulary)  # noqa: E731
    n_cols = len(vocabulary)
    width = max(n_cols, 1)
    per_doc = [columns(doc) for doc in docs]
    if len(per_doc) == 1:  # one report: its columns counted alone, the same sorted columns and counts
        cols, counts = _counted(per_doc[0])
        ptr = np.array([0, len(cols)], dtype=np.int32)
        return _weighted(counts, cols.astype(np.int32), ptr, n_cols, dtype=dtype, idf=idf, sublinear_tf=sublinear_tf,
                         norm=norm, binary=binary)
    lengths = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc))
    flat = np.concatenate(per_doc).astype(np.int64, copy=False) if per_doc else np.zeros(0, np.int64)
    # Counting is one sort of (row, column) keys: sorted columns within each row, as scipy's CSR has them.
    keys, counts = np.unique(np.repeat(np.arange(len(per_doc), dtype=np.int64), lengths) * width + flat,
                             return_counts=True)
    ptr = np.zeros(len(per_doc) + 1, dtype=np.int32)
    np.cumsum(np.bincount(keys // width, minlength=len(per_doc)), out=ptr[1:])
    cols = (keys % width).astype(np.int32)
    return _weighted(counts, cols, ptr, n_cols, dtype=dtype, idf=idf, sublinear_tf=sublinear_tf, norm=norm,
                     binary=binary)


def _counted(columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(columns, return_counts=True)``: one sort, then the runs' first values and lengths
    (np.unique's own steps, without its argument handling, a third of the time for one report)."""
    s = np.sort(columns.astype(np.int64, copy=False))
    edge = np.empty(len(s) + 1, dtype=bool)
    edge[0] = edge[-1] = True
    np.not_equal(s[1:], s[:-1], out=edge[1:-1])
    at = np.flatnonzero(edge)
    return s[at[:-1]], np.diff(at)


def _weighted(counts: np.ndarray, cols: np.ndarray, ptr: np.ndarray, n_cols: int, *, dtype, idf, sublinear_tf: bool,
              norm: str | None, binary: bool) -> Rows:
    data = counts.astype(dtype)
    if binary:
        data.fill(1)
    if sublinear_tf:
        np.log(data, data)
        data += 1.0
    if idf is not None:
        data *= idf[cols]
    if norm == "l2":
        l2_normalize_csr_inplace(data, ptr)
    return Rows(data, cols, ptr, n_cols)


def term_columns(terms: list[str], vocabulary: dict[str, int]) -> np.ndarray:
    """The vocabulary's column of each term it holds, repeats kept, in order."""
    get = vocabulary.get
    return np.fromiter((j for j in map(get, terms) if j is not None), dtype=np.int64)


class WordCache:
    """Per-word columns of a ``char_wb`` analyser. Its n-grams never cross a word's padding, so a document's
    columns are its words' columns joined: each distinct word is analysed once per process instead of once
    per report. The cache stops growing at ``limit`` words (the frequent ones come first), which bounds a
    worker's memory whatever it is sent."""

    def __init__(self, vocabulary: dict[str, int], ngram_range: tuple[int, int], limit: int = 50_000):
        self.vocabulary, self.ngram_range, self.limit = vocabulary, ngram_range, limit
        self._cols: dict[str, np.ndarray] = {}

    def __call__(self, text: str) -> np.ndarray:
        cache, out = self._cols, []
        for w in _WHITE_SPACES.sub(" ", text).split():
            cols = cache.get(w)
            if cols is None:
                cols = term_columns(_char_wb_ngrams(w, self.ngram_range), self.vocabulary).astype(np.int32)
                if len(cache) < self.limit:
                    cache[w] = cols
            out.append(cols)
        return np.concatenate(out) if out else np.zeros(0, np.int32)


# -- the analysers (scikit-learn 1.9, sklearn/feature_extraction/text.py) ------------------------------------

def strip_accents_unicode(s: str) -> str:
    try:
        s.encode("ASCII", errors="strict")
        return s
    except UnicodeEncodeError:
        normalized = unicodedata.normalize("NFKD", s)
        return "".join([c for c in normalized if not unicodedata.combining(c)])


def strip_accents_ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ASCII", "ignore").decode("ASCII")


ACCENTS = {None: None, "ascii": strip_accents_ascii, "unicode": strip_accents_unicode}


def _word_ngrams(tokens: list[str], ngram_range: tuple[int, int], stop_words: frozenset | None) -> list[str]:
    if stop_words is not None:
        tokens = [w for w in tokens if w not in stop_words]
    min_n, max_n = ngram_range
    if max_n != 1:
        original_tokens = tokens
        if min_n == 1:
            tokens = list(original_tokens)
            min_n += 1
        else:
            tokens = []
        n_original_tokens = len(original_tokens)
        tokens_append = tokens.append
        space_join = " ".join
        for n in range(min_n, min(max_n + 1, n_original_tokens + 1)):
            for i in range(n_original_tokens - n + 1):
                tokens_append(space_join(original_tokens[i : i + n]))
    return tokens


def _char_ngrams(text_document: str, ngram_range: tuple[int, int]) -> list[str]:
    text_document = _WHITE_SPACES.sub(" ", text_document)
    text_len = len(text_document)
    min_n, max_n = ngram_range
    if min_n == 1:
        ngrams = list(text_document)
        min_n += 1
    else:
        ngrams = []
    ngrams_append = ngrams.append
    for n in range(min_n, min(max_n + 1, text_len + 1)):
        for i in range(text_len - n + 1):
            ngrams_append(text_document[i : i + n])
    return ngrams


def _char_wb_ngrams(text_document: str, ngram_range: tuple[int, int]) -> list[str]:
    text_document = _WHITE_SPACES.sub(" ", text_document)
    min_n, max_n = ngram_range
    ngrams: list[str] = []
    ngrams_append = ngrams.append
    for w in text_document.split():
        w = " " + w + " "
        w_len = len(w)
        for n in range(min_n, max_n + 1):
            offset = 0
            ngrams_append(w[offset : offset + n])
            while offset + n < w_len:
                offset += 1
                ngrams_append(w[offset : offset + n])
            if offset == 0:  # count a short word (w_len < n) only once
                break
    return ngrams


def build_preprocessor(settings: dict) -> Callable[[str], str]:
    """Decoding, lowercasing and accent stripping, as ``TfidfVectorizer.build_analyzer()`` applies them."""
    lower, accents = settings["lowercase"], ACCENTS[settings["strip_accents"]]
    encoding, errors = settings["encoding"], settings["decode_error"]

    def preprocess(doc) -> str:
        if isinstance(doc, bytes):
            doc = doc.decode(encoding, errors)
        if doc is np.nan:
            raise ValueError("np.nan is an invalid document, expected byte or unicode string.")
        if lower:
            doc = doc.lower()
        return accents(doc) if accents is not None else doc

    return preprocess


def build_analyser(settings: dict) -> Callable[[str], list[str]]:
    """The analyser ``TfidfVectorizer.build_analyzer()`` returns, from the exported settings."""
    ngram_range = tuple(settings["ngram_range"])
    preprocess = build_preprocessor(settings)
    kind = settings["analyzer"]
    if kind == "word":
        pattern = re.compile(settings["token_pattern"])
        if pattern.groups > 1:
            raise ValueError("More than 1 capturing group in token pattern. Only a single group should be captured.")
        stop = None if settings["stop_words"] is None else frozenset(settings["stop_words"])
        tokenize = pattern.findall
        return lambda doc: _word_ngrams(tokenize(preprocess(doc)), ngram_range, stop)
    if kind == "char":
        return lambda doc: _char_ngrams(preprocess(doc), ngram_range)
    if kind == "char_wb":
        return lambda doc: _char_wb_ngrams(preprocess(doc), ngram_range)
    raise ValueError(f"{kind!r} is not a valid tokenization scheme/analyzer")


# -- export and runtime --------------------------------------------------------------------------------------

def vectorizer_export(vec) -> tuple[dict, list[str], np.ndarray | None] | str:
    """(settings, terms in column order, idf) of a fitted ``TfidfVectorizer`` or :class:`VectorizerRuntime`;
    a string says why it cannot be mirrored (a custom analyser, preprocessor or tokenizer, another norm)."""
    if isinstance(vec, VectorizerRuntime):
        return dict(vec.settings), vec.terms.tolist(), vec.idf_
    if vec.input != "content":
        return f"input={vec.input!r}: only in-memory texts are mirrored"
    for name in ("preprocessor", "tokenizer"):
        if getattr(vec, name) is not None:
            return f"a custom {name} cannot be mirrored"
    if callable(vec.analyzer) or vec.analyzer not in ("word", "char", "char_wb"):
        return f"analyzer={vec.analyzer!r} cannot be mirrored"
    accents = vec.strip_accents or None
    if accents not in ACCENTS:
        return f"strip_accents={vec.strip_accents!r} cannot be mirrored"
    tfidf = vec._tfidf
    if tfidf.norm not in NORMS:
        return f"norm={tfidf.norm!r} is not mirrored"
    stop = vec.get_stop_words() if vec.analyzer == "word" else None
    settings = {"analyzer": vec.analyzer, "ngram_range": list(vec.ngram_range), "lowercase": bool(vec.lowercase),
                "strip_accents": accents, "token_pattern": vec.token_pattern,
                "stop_words": None if stop is None else sorted(stop), "encoding": vec.encoding,
                "decode_error": vec.decode_error, "binary": bool(vec.binary), "dtype": np.dtype(vec.dtype).name,
                "sublinear_tf": bool(tfidf.sublinear_tf), "norm": tfidf.norm, "use_idf": bool(tfidf.use_idf)}
    terms = [""] * len(vec.vocabulary_)
    for term, j in vec.vocabulary_.items():
        terms[j] = term
    return settings, terms, (np.asarray(tfidf.idf_) if tfidf.use_idf else None)


class VectorizerRuntime:
    """The fitted state of one ``TfidfVectorizer`` and its ``transform``."""

    def __init__(self, settings: dict, terms: list[str], idf: np.ndarray | None):
        self.settings = settings
        self.terms = np.asarray(terms, dtype=object)  # get_feature_names_out()
        self.vocabulary_ = {t: j for j, t in enumerate(terms)}
        self.idf_ = idf
        self.dtype = np.dtype(settings["dtype"])
        self.analyse = build_analyser(settings)
        self.word_cache, self.columns = None, None
        if settings["analyzer"] == "char_wb":
            words = self.word_cache = WordCache(self.vocabulary_, tuple(settings["ngram_range"]))
            preprocess = build_preprocessor(settings)
            self.columns = lambda doc: words(preprocess(doc))

    def rows(self, docs: Sequence[str]) -> Rows:
        s = self.settings
        return tfidf_rows(self.analyse, self.vocabulary_, docs, dtype=self.dtype, idf=self.idf_,
                          sublinear_tf=s["sublinear_tf"], norm=s["norm"], binary=s["binary"], columns=self.columns)

    def get_feature_names_out(self) -> np.ndarray:
        return self.terms


# The character n-grams of "_telepon_" or "_nama_" are those of the words "telepon" and "nama": a
# reporter's masked phone number read as talk about telephones (Diskominfo), a masked name as talk about
# names on identity cards. For the character block each placeholder becomes an opaque "_<n>_" that
# shares no n-gram with a word; the word block keeps the placeholders as they are.
_OPAQUE = {MODEL[kind]: f"_{i}_" for i, kind in enumerate(KINDS)}
_PLACEHOLDER = re.compile("|".join(re.escape(t) for t in _OPAQUE))


def char_view(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: _OPAQUE[m.group(0)], text) if "_" in text else text


class TfidfRuntime:
    """What serving uses of :class:`triage.encoders.tfidf.TfidfEncoder`: the word and character blocks."""

    kind = "tfidf"

    def __init__(self, word: VectorizerRuntime, char: VectorizerRuntime | None, params: dict):
        self.word_, self.char_ = word, char
        self.params = params  # the encoder's describe(): bundle.json's account of it

    def transform(self, X):
        return hstack_rows(self.transform_rows(X))

    def transform_rows(self, X) -> list[Rows]:
        X = list(X)
        parts = [self.word_.rows(X)]
        if self.char_ is not None:
            opaque = self.params.get("opaque_placeholders", False)  # as TfidfEncoder._char_docs
            parts.append(self.char_.rows([char_view(x) for x in X] if opaque else X))
        return parts

    @property
    def word_vocabulary_size(self) -> int:
        return len(self.word_.vocabulary_)

    def word_feature_names(self) -> np.ndarray:
        return self.word_.terms

    def describe(self) -> dict:
        return dict(self.params)
