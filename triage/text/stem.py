"""Sastrawi stemming and Indonesian stopwords, with a per-word cache.

Sastrawi stems one word in roughly 0.1-1 ms; complaint corpora repeat a small
vocabulary, so caching per word makes stemming cost almost nothing after the
first pass (measured in training/bench_preprocess.py).
"""

from __future__ import annotations

from functools import lru_cache

from triage.text.placeholders import MODEL_TOKENS

# Negations and question words carry meaning for routing and classification
# ("tidak ada air", "kapan", "bagaimana cara"), so they stay even when
# stopwords are removed.
_KEEP = frozenset(
    "tidak belum bukan jangan tanpa kapan bagaimana apakah mengapa kenapa dimana berapa siapa mohon tolong".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    stemmer = StemmerFactory().create_stemmer()
    # Sastrawi keeps its 30,000 root words in a list and tests membership by scanning it (about 1 ms a
    # lookup, dozens per unknown word): the same words in a set answer the same in microseconds.
    dictionary = getattr(stemmer, "delegatedStemmer", stemmer).get_dictionary()
    dictionary.contains = frozenset(dictionary.words).__contains__
    return stemmer


@lru_cache(maxsize=1)
def all_stopwords() -> frozenset[str]:
    """Sastrawi's whole list: words that say nothing on their own (for what is shown to people)."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words())


def stopwords() -> frozenset[str]:
    """The stopwords removed before modelling: the whole list less negations and question words."""
    return _model_stopwords()


@lru_cache(maxsize=1)
def _model_stopwords() -> frozenset[str]:
    return all_stopwords() - _KEEP


def readable_term(term: str) -> bool:
    """Whether a model feature (a word or n-gram) means something to a person reading a reason: no
    internal token (`_url_`, `_nik_`), not only stopwords, numbers or one- and two-letter fragments."""
    words = term.split()
    if not words or any(w.startswith("_") or w in MODEL_TOKENS for w in words):
        return False
    sw = all_stopwords()
    return any(w not in sw and len(w) > 2 and not w.isdigit() for w in words)


@lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    if word in MODEL_TOKENS or not word.isalpha():
        return word
    return _stemmer().stem(word) or word


def stem_tokens(tokens: list[str]) -> list[str]:
    return [stem_word(t) for t in tokens]


def remove_stopwords(tokens: list[str]) -> list[str]:
    sw = stopwords()
    return [t for t in tokens if t not in sw]
