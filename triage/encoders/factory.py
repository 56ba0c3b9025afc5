"""Encoder specs ("static", "pretrained:PATH", "tfidf", "hybrid", "hybrid:pretrained:PATH").

The encoder classes are scikit-learn transformers, imported when an encoder is made or loaded from its
pickles: a serving process loads ``triage.encoders.serving``'s forms instead and never imports them.
"""

from __future__ import annotations

from pathlib import Path

ENCODER_KINDS = ("static", "pretrained", "tfidf", "hybrid")


def encoder_class(kind: str):
    from triage.encoders.hybrid import HybridEncoder
    from triage.encoders.pretrained import PretrainedEncoder
    from triage.encoders.static import StaticEncoder
    from triage.encoders.tfidf import TfidfEncoder

    return {"static": StaticEncoder, "pretrained": PretrainedEncoder, "tfidf": TfidfEncoder,
            "hybrid": HybridEncoder}[kind]


def _check_params(cls, params: dict, spec: str) -> None:
    """Refuse parameters the encoder would not use, rather than drop them silently."""
    known = set(cls._get_param_names())
    unknown = sorted(set(params) - known)
    if unknown:
        raise ValueError(f"encoder {spec!r} has no parameter(s) {', '.join(unknown)}; "
                         f"its parameters are {', '.join(sorted(known)) or 'none'}")


def make_encoder(spec: str, **params):
    """Build an unfitted encoder from a spec string; ``params`` go to the embedding encoder
    (for ``tfidf``, to the TF-IDF encoder)."""
    from triage.encoders.hybrid import HybridEncoder
    from triage.encoders.pretrained import PretrainedEncoder
    from triage.encoders.static import StaticEncoder
    from triage.encoders.tfidf import TfidfEncoder

    spec = spec.strip()
    if spec == "static":
        _check_params(StaticEncoder, params, spec)
        return StaticEncoder(**params)
    if spec == "tfidf":
        _check_params(TfidfEncoder, params, spec)
        return TfidfEncoder(**params)
    if spec.startswith("pretrained:"):
        _check_params(PretrainedEncoder, {**params, "path": None}, spec)
        return PretrainedEncoder(path=spec.split(":", 1)[1], **params)
    if spec == "hybrid":
        _check_params(StaticEncoder, params, spec)
        return HybridEncoder(embedder=StaticEncoder(**params), tfidf=TfidfEncoder())
    if spec.startswith("hybrid:"):
        inner = make_encoder(spec.split(":", 1)[1], **params)
        return HybridEncoder(embedder=inner, tfidf=TfidfEncoder())
    raise ValueError(
        f"unknown encoder {spec!r}: use static, tfidf, pretrained:PATH (or pretrained:minilm), hybrid, "
        "or hybrid:pretrained:PATH"
    )


def encoder_from_config(directory: Path, config: dict, digests: dict[str, str] | None = None):
    """Load a fitted encoder saved under ``directory`` as described by ``config`` (from bundle.json).
    ``digests`` (paths relative to ``directory`` -> sha256, from the bundle manifest) are checked
    against the bytes actually read."""
    kind = config.get("kind")
    if kind not in ENCODER_KINDS:
        raise ValueError(f"unknown encoder kind {kind!r} in bundle")
    if kind == "tfidf":
        return encoder_class(kind).load(directory, digests)
    if kind == "pretrained":
        return encoder_class(kind).load(directory, config)
    return encoder_class(kind).load(directory, config, digests)


def sub_digests(digests: dict[str, str] | None, prefix: str) -> dict[str, str]:
    """The digests of the files under ``prefix`` (a folder), relative to it."""
    prefix = prefix.rstrip("/") + "/"
    return {k[len(prefix):]: v for k, v in (digests or {}).items() if k.startswith(prefix)}
