"""The one rule that joins a report's title and text into what the model reads.

Training (`training/`), serving (`triage.suggest`) and every service that embeds a stored report
(duplicates, monitoring) go through here, so the model never sees one form in training and another
in service.
"""

from __future__ import annotations

from collections.abc import Iterable


def full_text(text: str | None, title: str | None = None) -> str:
    """``"<title>. <text>"``, or the text alone when there is no title."""
    text = text or ""
    title = (title or "").strip()
    return f"{title}. {text}" if title else text


def full_texts(texts: Iterable[str | None], titles: Iterable[str | None] | None = None) -> list[str]:
    """:func:`full_text` over parallel lists (``titles`` may be None: no titles)."""
    texts = list(texts)
    if titles is None:
        return [full_text(t) for t in texts]
    return [full_text(t, ti) for t, ti in zip(texts, titles, strict=True)]
