"""A static-embedding sentence-transformers model trained on the corpus itself.

There is no Indonesian encoder to download here, so we make one:
1. a WordPiece tokenizer is trained on the (normalised) training texts;
2. token embeddings start from an LSA factorisation of the token-document
   TF-IDF matrix, so related words start close together;
3. the embeddings are tuned with the sentence-transformers trainer and a
   contrastive loss: by default self-supervised (``views``: two random halves
   of a report against the other reports in the batch, MultipleNegativesRankingLoss),
   or label-aware (``triplet``: batch-hard soft-margin triplets over batches
   grouped by label). The LSA start is already good: a small learning rate
   improves on it, larger ones undo it. The label-aware loss makes the hybrid
   worse, because the heads then see their own labels twice (docs/benchmarks.md).

The result is saved as an ordinary sentence-transformers directory
(``StaticEmbedding`` module), so any sentence-transformers user can load it.
Encoding is a bag of embeddings: tens of thousands of documents per second on a CPU.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from triage.encoders.static_runtime import StaticEmbeddingRuntime, is_static_directory

log = logging.getLogger(__name__)

SPECIAL_TOKENS = ["[PAD]", "[UNK]"]


def train_tokenizer(texts: list[str], vocab_size: int, min_frequency: int = 2):
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]", max_input_chars_per_word=40))
    # Texts are already normalised into space-separated tokens; placeholder
    # tokens such as "_nik_" must survive whole, so split on whitespace only.
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size, min_frequency=min_frequency, special_tokens=SPECIAL_TOKENS, show_progress=False
    )
    tok.train_from_iterator(texts, trainer=trainer)
    return tok


def lsa_init(tokenizer, texts: list[str], dim: int, seed: int) -> np.ndarray:
    """Token vectors from a truncated SVD of the token-by-document TF-IDF matrix."""
    import scipy.sparse as sp
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfTransformer

    vocab = tokenizer.get_vocab_size()
    rows, cols = [], []
    for i, enc in enumerate(tokenizer.encode_batch(texts, add_special_tokens=False)):
        rows.extend([i] * len(enc.ids))
        cols.extend(enc.ids)
    counts = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(texts), vocab))
    tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    k = max(2, min(dim, min(tfidf.shape) - 1))
    svd = TruncatedSVD(n_components=k, random_state=seed).fit(tfidf)
    emb = (svd.components_.T * svd.singular_values_).astype(np.float32)
    if k < dim:  # tiny corpora: pad with small noise
        rng = np.random.default_rng(seed)
        emb = np.hstack([emb, rng.normal(0, 1e-3, (vocab, dim - k)).astype(np.float32)])
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    emb = emb / np.maximum(norms, 1e-6)
    emb[0] = 0.0  # [PAD]
    return emb


def _quiet_trainer(base):
    """The trainer without its model card (which samples training texts as "widget examples", with a
    progress bar) and without the callback that prints the final metrics dict to stdout."""
    from transformers.trainer_callback import PrinterCallback

    class QuietTrainer(base):
        def add_model_card_callback(self, default_args_dict) -> None:
            pass

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.remove_callback(PrinterCallback)

    return QuietTrainer


class StaticEncoder(TransformerMixin, BaseEstimator):
    kind = "static"

    def __init__(self, dim: int = 256, vocab_size: int = 30_000, epochs: int = 1, batch_size: int = 128,
                 learning_rate: float = 0.005, loss: str = "views", seed: int = 0, show_progress: bool = False):
        self.dim = dim
        self.vocab_size = vocab_size
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.loss = loss
        self.seed = seed
        self.show_progress = show_progress

    def fit(self, X, y=None):
        from sentence_transformers import SentenceTransformer
        from sentence_transformers.sentence_transformer.modules import StaticEmbedding

        texts = [t if t else "" for t in X]
        tokenizer = train_tokenizer(texts, self.vocab_size)
        weights = lsa_init(tokenizer, texts, self.dim, self.seed)
        static = StaticEmbedding(tokenizer, embedding_weights=weights)
        self.model_ = SentenceTransformer(modules=[static], device="cpu")
        self.trained_steps_ = 0
        if self.epochs > 0 and self.loss == "triplet" and y is not None:
            self._tune_labels(texts, np.asarray(y))
        elif self.epochs > 0 and self.loss == "views":
            self._tune_views(texts)
        elif self.loss not in ("triplet", "views", "none"):
            raise ValueError(f"unknown static-encoder loss {self.loss!r}: use views, triplet or none")
        self.dim_ = self.dim
        return self

    def _tune_labels(self, texts: list[str], y: np.ndarray) -> None:
        from datasets import Dataset
        from sentence_transformers.sentence_transformer import losses
        from sentence_transformers.sentence_transformer.training_args import BatchSamplers

        _, codes, counts = np.unique(y, return_inverse=True, return_counts=True)
        if (counts >= 2).sum() < 2:  # nothing to contrast: keep the LSA vectors
            log.info("static encoder: fewer than two labels with two examples, tuning skipped")
            return
        keep = [i for i, t in enumerate(texts) if t.strip()]
        ds = Dataset.from_dict({"text": [texts[i] for i in keep], "label": [int(codes[i]) for i in keep]})
        self._train(ds, losses.BatchHardSoftMarginTripletLoss(self.model_), BatchSamplers.GROUP_BY_LABEL)

    def _tune_views(self, texts: list[str]) -> None:
        """Self-supervised contrast: two random halves of a report's words should embed closer to
        each other than to the other reports in the batch. Uses no labels, so the heads fitted on
        these embeddings do not see their own labels twice (supervised tuning on the same rows made
        the hybrid worse: docs/benchmarks.md)."""
        from datasets import Dataset
        from sentence_transformers.sentence_transformer import losses
        from sentence_transformers.sentence_transformer.training_args import BatchSamplers

        rng = np.random.default_rng(self.seed)
        anchors, positives = [], []
        for t in texts:
            toks = t.split()
            if len(toks) < 4:
                continue
            mask = rng.random(len(toks)) < 0.5
            a = [w for w, m in zip(toks, mask, strict=True) if m]
            b = [w for w, m in zip(toks, mask, strict=True) if not m]
            if a and b:
                anchors.append(" ".join(a))
                positives.append(" ".join(b))
        if len(anchors) < 8:
            return
        ds = Dataset.from_dict({"anchor": anchors, "positive": positives})
        self._train(ds, losses.MultipleNegativesRankingLoss(self.model_), BatchSamplers.NO_DUPLICATES)

    def _train(self, dataset, loss, sampler) -> None:
        from sentence_transformers import SentenceTransformerTrainer, SentenceTransformerTrainingArguments

        with tempfile.TemporaryDirectory() as tmp:
            args = SentenceTransformerTrainingArguments(
                output_dir=tmp, num_train_epochs=self.epochs, per_device_train_batch_size=self.batch_size,
                learning_rate=self.learning_rate, warmup_steps=0.1, seed=self.seed,
                batch_sampler=sampler, save_strategy="no", report_to="none",
                logging_strategy="no", disable_tqdm=not self.show_progress, use_cpu=True,
                dataloader_drop_last=False,
            )
            os.environ.setdefault("WANDB_DISABLED", "true")
            trainer = _quiet_trainer(SentenceTransformerTrainer)(model=self.model_, args=args, train_dataset=dataset,
                                                                 loss=loss)
            out = trainer.train()
            self.trained_steps_ = int(out.global_step)
            self.train_loss_ = float(out.training_loss)

    def transform(self, X) -> np.ndarray:
        check_is_fitted(self, "model_")
        texts = [t if t else "" for t in X]
        if isinstance(self.model_, StaticEmbeddingRuntime):
            return self.model_.encode(texts)
        return self.model_.encode(texts, batch_size=1024, normalize_embeddings=True, convert_to_numpy=True,
                                  show_progress_bar=False).astype(np.float32)

    def save(self, directory: Path) -> None:
        if isinstance(self.model_, StaticEmbeddingRuntime):  # loaded for serving: its files are the model
            shutil.copytree(self.model_.directory, directory / "sentence_transformer")
            return
        # No model card: it would encode training texts as "widget examples" (and print a progress bar).
        self.model_.save(str(directory / "sentence_transformer"), create_model_card=False)

    @classmethod
    def load(cls, directory: Path, config: dict, digests: dict[str, str] | None = None):
        """Serving reads the StaticEmbedding with numpy (no torch); any other module layout goes
        through sentence-transformers."""
        params = {k: config[k] for k in ("dim", "vocab_size", "epochs", "batch_size", "learning_rate", "loss", "seed")
                  if k in config}
        enc = cls(**params)
        st_dir = directory / "sentence_transformer"
        if is_static_directory(st_dir):
            prefix = "sentence_transformer/"
            enc.model_ = StaticEmbeddingRuntime(st_dir, {k[len(prefix):]: v for k, v in (digests or {}).items()
                                                         if k.startswith(prefix)})
        else:
            from triage.encoders.pretrained import load_sentence_transformer

            enc.model_ = load_sentence_transformer(st_dir)
        enc.dim_ = enc.model_.get_embedding_dimension()
        return enc

    def describe(self) -> dict:
        return {"kind": self.kind, "dim": self.dim, "vocab_size": self.vocab_size, "epochs": self.epochs,
                "batch_size": self.batch_size, "learning_rate": self.learning_rate, "loss": self.loss,
                "seed": self.seed, "trained_steps": int(getattr(self, "trained_steps_", 0))}
