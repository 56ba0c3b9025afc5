"""Serving a sentence-transformers ``StaticEmbedding`` directory without torch.

A static embedding is a table lookup and a mean: the tokenizer (``tokenizers``, Rust) gives the token
ids, numpy averages their rows. This is exactly what ``StaticEmbedding.forward`` computes with
``torch.nn.EmbeddingBag(mode="mean")`` followed by sentence-transformers' ``normalize_embeddings``,
so the vectors equal the sentence-transformers ones (tests/triage/encoders/test_static_runtime.py),
at a fraction of the memory: importing torch alone costs a worker hundreds of MiB.

The weights are read into memory, never memory-mapped: a bundle file truncated in place while the
service runs must not kill the process with SIGBUS (issue 14, item 13). When the bundle manifest's
sha256 is known, the bytes read are the bytes checked.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from triage.rownorm import row_lengths

_FIRST = np.zeros(1, dtype=np.intp)  # the one segment of a single text, from its first id

STATIC_MODULE = "sentence_transformers.sentence_transformer.modules.static_embedding.StaticEmbedding"
WEIGHTS_FILE = "model.safetensors"
TOKENIZER_FILE = "tokenizer.json"


class DamagedFile(ValueError):
    """A file's bytes do not match the sha256 the bundle manifest keeps for it."""


def read_verified(path: Path, sha256: str | None) -> bytes:
    data = path.read_bytes()
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise DamagedFile(f"{path.name} does not match its sha256 in bundle.json; the bundle is damaged")
    return data


def is_static_directory(directory: Path) -> bool:
    """A sentence-transformers directory whose only module is a StaticEmbedding at its root."""
    try:
        modules = json.loads((directory / "modules.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (len(modules) == 1 and modules[0].get("type", "").endswith(".StaticEmbedding")
            and modules[0].get("path", "") == "" and (directory / WEIGHTS_FILE).is_file())


# What Python's str.split() takes for whitespace and the tokenizers' WhitespaceSplit does not (Unicode's
# White_Space property leaves out the information separators U+001C..U+001F).
_SPLIT_ONLY_IN_PYTHON = frozenset("\x1c\x1d\x1e\x1f")


class WordIds:
    """Token ids per word, for a tokenizer whose ids of a text are its words' ids joined: no normaliser,
    whitespace pre-tokenisation, a per-word model (WordPiece, WordLevel), no post-processor (the shape
    of the tokenizer a StaticEmbedding is trained with here). Each distinct word is tokenised once per
    process; the cache stops growing at ``limit`` words, which bounds a worker's memory. A text that
    holds an added token ("[UNK]") or a character the two splits disagree on goes to the tokenizer whole.
    """

    def __init__(self, tokenizer, added: list[str], limit: int = 50_000):
        self.tokenizer, self.added, self.limit = tokenizer, tuple(added), limit
        self._ids: dict[str, list[int]] = {}

    @classmethod
    def for_tokenizer(cls, tokenizer, config: dict) -> WordIds | None:
        """The cache when the tokenizer (its ``tokenizer.json`` as ``config``) has that shape, else None."""
        model = (config.get("model") or {}).get("type")
        pre = config.get("pre_tokenizer") or {}
        if (config.get("normalizer") is None and config.get("post_processor") is None
                and pre.get("type") == "WhitespaceSplit" and model in ("WordPiece", "WordLevel")):
            return cls(tokenizer, [t["content"] for t in config.get("added_tokens") or []])
        return None

    def __call__(self, text: str) -> list[int]:
        if any(a in text for a in self.added) or not _SPLIT_ONLY_IN_PYTHON.isdisjoint(text):
            return self.tokenizer.encode(text, add_special_tokens=False).ids
        cache, out = self._ids, []
        for w in text.split():
            ids = cache.get(w)
            if ids is None:
                ids = self.tokenizer.encode(w, add_special_tokens=False).ids
                if len(cache) < self.limit:
                    cache[w] = ids
            out.extend(ids)
        return out


class StaticEmbeddingRuntime:
    """Inference of a saved StaticEmbedding: ``encode(texts)`` -> unit-length float32 rows."""

    def __init__(self, directory: str | Path, digests: dict[str, str] | None = None):
        from safetensors.numpy import load as load_safetensors
        from tokenizers import Tokenizer

        self.directory = Path(directory)
        digests = digests or {}
        weights = load_safetensors(read_verified(self.directory / WEIGHTS_FILE, digests.get(WEIGHTS_FILE)))
        table = weights.get("embedding.weight")
        if table is None:
            raise ValueError(f"{self.directory / WEIGHTS_FILE} has no 'embedding.weight' tensor")
        self.table = np.ascontiguousarray(table, dtype=np.float32)
        self.table.setflags(write=False)  # shared copy-on-write between forked workers: never written
        raw = read_verified(self.directory / TOKENIZER_FILE, digests.get(TOKENIZER_FILE))
        self.tokenizer = Tokenizer.from_str(raw.decode("utf-8"))
        self.tokenizer.no_padding()  # as StaticEmbedding does
        self.word_ids = WordIds.for_tokenizer(self.tokenizer, json.loads(raw))

    def get_embedding_dimension(self) -> int:
        return int(self.table.shape[1])

    def encode(self, texts: list[str]) -> np.ndarray:
        # One text at a time, not encode_batch: its Rust thread pool keeps spinning after each call and takes
        # the CPU from the next requests and the other workers; a table lookup gains nothing from it.
        if self.word_ids is not None:
            per_text = [self.word_ids(t) for t in texts]
        else:
            per_text = [self.tokenizer.encode(t, add_special_tokens=False).ids for t in texts]
        if len(per_text) == 1 and per_text[0]:
            # One report (a classify, an intake): the same sum of one segment, without the bookkeeping of many
            # (add.reduce over axis 0 would add the rows in another order: not the same last bits).
            ids = per_text[0]
            out = np.add.reduceat(self.table[ids], _FIRST, axis=0) / np.float32(len(ids))
            return out / np.maximum(row_lengths(out), np.float32(1e-12))
        lengths = np.fromiter(map(len, per_text), dtype=np.int64, count=len(per_text))
        out = np.zeros((len(per_text), self.table.shape[1]), dtype=np.float32)
        filled = lengths > 0  # an empty bag stays zero, as in EmbeddingBag
        if filled.any():
            ids = np.fromiter((i for e in per_text for i in e), dtype=np.int64, count=int(lengths.sum()))
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[filled]
            sums = np.add.reduceat(self.table[ids], starts, axis=0)
            out[filled] = sums / lengths[filled, None].astype(np.float32)
        # torch.nn.functional.normalize: x / max(||x||, 1e-12)
        norms = np.maximum(row_lengths(out), np.float32(1e-12))
        return out / norms
