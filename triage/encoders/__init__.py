"""Encoders turn normalised texts into feature vectors for the heads.

Chosen by a spec string (see :func:`make_encoder`):
``static`` (trained here, the default), ``pretrained:PATH`` (any
sentence-transformers directory), ``tfidf`` (sparse word + character
n-grams) and ``hybrid`` / ``hybrid:pretrained:PATH`` (an embedding
concatenated with the TF-IDF features).
"""

from triage.encoders.factory import encoder_from_config, make_encoder

__all__ = ["make_encoder", "encoder_from_config"]
