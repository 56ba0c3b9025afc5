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
from triage.text.placeholders import MODEL, MODEL_TOKENS

# Three or more of the same letter are emphasis ("parahhh", "bangettt");
# Indonesian spelling has at most two in a row ("saat", "taat").
_REPEATS = re.compile(r"([a-z])\1{2,}")
# Word characters and placeholder tokens survive; everything else is a separator.
_TOKEN = re.compile(r"_[a-z]+_|[a-z0-9]+(?:[-'][a-z0-9]+)*")
# SP4N-LAPOR! exports drop line breaks and glue the last word of a line to the first of the next:
# "berlubangSampai", "2024Saya". A lowercase run then a capitalised word, or a number then one, is split
# unless the whole is a word the slang list knows ("WhatsApp").
# Both patterns look a fixed width around one position: linear on any input (hostile text included).
_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]{2})|(?<=[0-9])(?=[A-Z][a-z]{2})")
_ALNUM_WORD = re.compile(r"[A-Za-z0-9]+")
# Reduplication written with a digit: "jalan2" -> "jalan jalan", common in chat.
_REDUP = re.compile(r"^([a-z]{3,})2$")

# A reporter's contact line ("hp 0812...", "no. WA sy ...", "email ...", "nama saya ...") says who wrote,
# not what about: its lead-in words are dropped before the placeholder, which stays. Without this,
# "hp" (slang for "telepon genggam") is evidence for the office that handles telephone and internet
# complaints, and a signature moved a road report there. Words as they are after slang expansion.
_CONTACT_TOKENS = frozenset({MODEL["TELEPON"], MODEL["EMAIL"], MODEL["NAMA"]})
_CONTACT_LEAD_INS = frozenset({
    "hp", "handphone", "telepon", "genggam", "telp", "tlp", "telpon", "tel", "ponsel", "seluler", "wa", "whatsapp",
    "sms", "no", "nomor", "nomer", "nmr", "kontak", "contact", "cp", "hubungi", "dihubungi", "email", "e-mail",
    "surel", "nama", "atas",
})
_CONTACT_PRONOUNS = frozenset({"saya", "aku", "kami", "sy", "sya", "ku", "pelapor", "di", "ke", "yang", "bisa"})
_CONTACT_REACH = 5  # lead-in words looked at before a contact placeholder


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


def _known_words(slang: dict[str, str] | None) -> frozenset[str]:
    if not slang:
        return frozenset()
    if slang is default_slang():
        return _default_known_words()
    return frozenset(slang) | frozenset(w for v in slang.values() for w in v.split())


@lru_cache(maxsize=1)
def _default_known_words() -> frozenset[str]:
    slang = default_slang()
    return frozenset(slang) | frozenset(w for v in slang.values() for w in v.split())


def unglue(text: str, known: frozenset[str] = frozenset()) -> str:
    """Split words that a LAPOR! export glued together at a lost line break ("rusakSampai" -> "rusak Sampai")."""
    if not _GLUE.search(text):
        return text

    def split(m: re.Match) -> str:
        word = m.group(0)
        if word.lower() in known or not _GLUE.search(word):
            return word
        return _GLUE.sub(" ", word)

    return _ALNUM_WORD.sub(split, text)


def _normalize(text: str, slang: dict[str, str] | None, mask_pii: bool) -> str:
    if mask_pii:
        text = pii.mask(text, style="model")
    text = _REPEATS.sub(r"\1", unglue(text, _known_words(slang)).lower())
    out: list[str] = []
    for tok in tokenize(text):
        if tok in MODEL_TOKENS:
            if tok in _CONTACT_TOKENS:
                _drop_contact_lead_in(out)
            out.append(tok)
            continue
        m = _REDUP.match(tok) if tok[-1] == "2" else None  # the pattern ends in "2": most words need no look
        word = m.group(1) if m else tok
        if slang:
            word = slang.get(word, word)
        out.extend((word, word) if m else (word,))
    return " ".join(out)


def _drop_contact_lead_in(out: list[str]) -> None:
    """Drop the lead-in of a contact placeholder about to be appended ("nomor telepon genggam saya").
    Pronouns alone are not a lead-in: "... ditindak saya _telepon_" keeps its words."""
    start = len(out)
    seen_lead_in = False
    while start > 0 and len(out) - start < _CONTACT_REACH:
        words = out[start - 1].split()  # a slang expansion is one entry: "hp" -> "telepon genggam"
        if all(w in _CONTACT_LEAD_INS for w in words):
            seen_lead_in = True
        elif not all(w in _CONTACT_PRONOUNS for w in words):
            break
        start -= 1
    if seen_lead_in:
        # Trailing pronouns before the lead-in belong to the sentence before ("mohon ... saya").
        while start < len(out) and all(w in _CONTACT_PRONOUNS for w in out[start].split()):
            start += 1
        del out[start:]
