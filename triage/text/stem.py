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
def stopwords() -> frozenset[str]:
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words()) - _KEEP


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
