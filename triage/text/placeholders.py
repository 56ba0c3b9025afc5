"""The one place for placeholder tokens.

Every personal-data kind has two forms:

* a *human* form, ``[NIK]``, used in masked text shown to people and in exports;
* a *model* form, ``_nik_``, a lowercase word with underscores, so that scikit-learn's default
  ``token_pattern`` (``\\b\\w\\w+\\b``) and WordPiece tokenizers keep it as a single token.

Import from here instead of writing ``"[NIK]"`` or ``"_nik_"`` anywhere else.
"""

from __future__ import annotations

import re

# Identity numbers first (NIK, family card, civil-servant number, tax number, health-insurance card),
# then contacts, links, vehicle plates, bank accounts, home addresses and names. docs/pii.md says
# what each covers.
KINDS: tuple[str, ...] = (
    "NIK", "KK", "NIP", "NPWP", "BPJS", "TELEPON", "EMAIL", "URL", "PLAT", "REKENING", "ALAMAT", "NAMA",
)

HUMAN: dict[str, str] = {kind: f"[{kind}]" for kind in KINDS}
MODEL: dict[str, str] = {kind: f"_{kind.lower()}_" for kind in KINDS}

HUMAN_TOKENS: frozenset[str] = frozenset(HUMAN.values())
MODEL_TOKENS: frozenset[str] = frozenset(MODEL.values())

STYLES: tuple[str, ...] = ("human", "model")

# Matches any placeholder of either style, e.g. to count or strip them.
PLACEHOLDER_RE = re.compile(
    "|".join(re.escape(t) for t in sorted(HUMAN_TOKENS | MODEL_TOKENS, key=len, reverse=True))
)


def _check(kind: str) -> str:
    if kind not in HUMAN:
        raise ValueError(f"unknown personal-data kind {kind!r}; expected one of {', '.join(KINDS)}")
    return kind


def human(kind: str) -> str:
    """``"NIK"`` -> ``"[NIK]"``."""
    return HUMAN[_check(kind)]


def model_token(kind: str) -> str:
    """``"NIK"`` -> ``"_nik_"``."""
    return MODEL[_check(kind)]


def placeholder(kind: str, style: str = "human") -> str:
    """The placeholder for ``kind`` in ``style`` ("human" or "model")."""
    if style == "human":
        return human(kind)
    if style == "model":
        return model_token(kind)
    raise ValueError(f"unknown placeholder style {style!r}; expected 'human' or 'model'")


def human_to_model(text: str) -> str:
    """Rewrite human placeholders (``[NIK]``) in already-masked text to model tokens (``_nik_``)."""
    for kind in KINDS:
        text = text.replace(HUMAN[kind], MODEL[kind])
    return text


__all__ = [
    "KINDS",
    "HUMAN",
    "MODEL",
    "HUMAN_TOKENS",
    "MODEL_TOKENS",
    "STYLES",
    "PLACEHOLDER_RE",
    "human",
    "model_token",
    "placeholder",
    "human_to_model",
]
