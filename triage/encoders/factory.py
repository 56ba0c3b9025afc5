"""Encoder specs ("static", "pretrained:PATH", "tfidf", "hybrid", "hybrid:pretrained:PATH")."""

from __future__ import annotations

from pathlib import Path

from triage.encoders.hybrid import HybridEncoder
from triage.encoders.pretrained import PretrainedEncoder
from triage.encoders.static import StaticEncoder
from triage.encoders.tfidf import TfidfEncoder

ENCODER_KINDS = {"static": StaticEncoder, "pretrained": PretrainedEncoder, "tfidf": TfidfEncoder,
                 "hybrid": HybridEncoder}


def make_encoder(spec: str, **params):
    """Build an unfitted encoder from a spec string; ``params`` go to the embedding encoder."""
    spec = spec.strip()
    if spec == "static":
        return StaticEncoder(**params)
    if spec == "tfidf":
        return TfidfEncoder()
    if spec.startswith("pretrained:"):
        return PretrainedEncoder(path=spec.split(":", 1)[1], **params)
    if spec == "hybrid":
        return HybridEncoder(embedder=StaticEncoder(**params), tfidf=TfidfEncoder())
    if spec.startswith("hybrid:"):
        inner = make_encoder(spec.split(":", 1)[1], **params)
        return HybridEncoder(embedder=inner, tfidf=TfidfEncoder())
    raise ValueError(
        f"unknown encoder {spec!r}: use static, tfidf, pretrained:PATH (or pretrained:minilm), hybrid, "
        "or hybrid:pretrained:PATH"
    )


def encoder_from_config(directory: Path, config: dict):
    """Load a fitted encoder saved under ``directory`` as described by ``config`` (from bundle.json)."""
    kind = config.get("kind")
    if kind not in ENCODER_KINDS:
        raise ValueError(f"unknown encoder kind {kind!r} in bundle")
    cls = ENCODER_KINDS[kind]
    if kind == "tfidf":
        return TfidfEncoder.load(directory)
    return cls.load(directory, config)
