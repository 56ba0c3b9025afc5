"""Normalisation of informal Indonesian complaint text for the models.

The text stored for humans keeps the original; this produces the model's view:
personal data and links become placeholder tokens, letters repeated for
emphasis are collapsed, slang and abbreviations are expanded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from triage.data import load_slang
from triage.text import pii
from triage.text.placeholders import MODEL_TOKENS

# Three or more of the same letter are emphasis ("parahhh", "bangettt");
# Indonesian spelling has at most two in a row ("saat", "taat").
_REPEATS = re.compile(r"([a-z])\1{2,}")
# Word characters and placeholder tokens survive; everything else is a separator.
_TOKEN = re.compile(r"_[a-z]+_|[a-z0-9]+(?:[-'][a-z0-9]+)*")
# Reduplication written with a digit: "jalan2" -> "jalan jalan", common in chat.
_REDUP = re.compile(r"^([a-z]{3,})2$")


@lru_cache(maxsize=1)
def default_slang() -> dict[str, str]:
    return load_slang()


def tokenize(text: str) -> list[str]:
    """Lowercase word tokens; placeholder tokens are kept whole."""
    return _TOKEN.findall(text.lower())


def normalize(text: str, *, slang: dict[str, str] | None = None, mask_pii: bool = True) -> str:
    """Return the model's view of ``text`` as space-separated tokens."""
    if not text:
        return ""
    if slang is not None and slang is default_slang():
        # The model and the directory prior both read a request's text this way: the second read is free.
        return _normalize_with_default_slang(text, mask_pii)
    return _normalize(text, slang, mask_pii)


@lru_cache(maxsize=256)
def _normalize_with_default_slang(text: str, mask_pii: bool) -> str:
    return _normalize(text, default_slang(), mask_pii)


def _normalize(text: str, slang: dict[str, str] | None, mask_pii: bool) -> str:
    if mask_pii:
        text = pii.mask(text, style="model")
    text = _REPEATS.sub(r"\1", text.lower())
    out: list[str] = []
    for tok in tokenize(text):
        if tok in MODEL_TOKENS:
            out.append(tok)
            continue
        m = _REDUP.match(tok)
        word = m.group(1) if m else tok
        if slang:
            word = slang.get(word, word)
        out.extend((word, word) if m else (word,))
    return " ".join(out)
