"""The torch-free static embedding gives the vectors sentence-transformers gives, and serving a
static bundle never imports torch."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from triage.encoders.static_runtime import DamagedFile, StaticEmbeddingRuntime, is_static_directory

ROOT = Path(__file__).resolve().parents[3]

TEXTS = [
    "",
    "   ",
    "jalan rusak parah di depan pasar kecamatan",
    "jalanrusakparahdidepanpasar",  # glued
    "lampu jalan mati 😡😡 tolong segera diperbaiki 🙏",
    "banjir",
    "_nik_ _telepon_ minta bantuan sembako",
    "PELAYANAN KTP LAMBAT SEKALI!!! sudah 3 bulan",
    "Sampah menumpuk di TPS Jl. Merdeka No.12, RT 03/RW 05 bau sekali",
    "ｆｕｌｌ ｗｉｄｔｈ ｔｅｘｔ dan zero\u200bwidth",
    "qwxz vvvv zzzz",  # out of vocabulary
    " ".join(["air pdam tidak mengalir"] * 60),  # long
]


@pytest.fixture(scope="module")
def st_dir(bundle_path):
    d = Path(bundle_path) / "encoder" / "embedding" / "sentence_transformer"
    assert is_static_directory(d)
    return d


def test_vectors_equal_sentence_transformers(st_dir):
    from sentence_transformers import SentenceTransformer

    expected = SentenceTransformer(str(st_dir), device="cpu", local_files_only=True).encode(
        TEXTS, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    got = StaticEmbeddingRuntime(st_dir).encode(TEXTS)
    assert got.dtype == np.float32 and got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=1e-6, rtol=0)
    assert not got[0].any() and not got[1].any()  # empty bags are zero vectors, as in sentence-transformers
    assert np.allclose(np.linalg.norm(got[2:], axis=1), 1.0, atol=1e-6)
    # One text alone gives the same vector as inside a batch.
    np.testing.assert_allclose(StaticEmbeddingRuntime(st_dir).encode([TEXTS[4]])[0], got[4], atol=1e-7)


def test_per_word_ids_are_the_tokenizers_ids_for_the_whole_text(st_dir):
    rt = StaticEmbeddingRuntime(st_dir)
    assert rt.word_ids is not None  # the bundle's tokenizer: no normaliser, whitespace split, WordPiece
    odd = ["ada [UNK] di sini", "ada[PAD]lagi", "pisah\x1cdengan pemisah", "spasi\xa0tak\u2003putus\tdan\nbaris",
           "x" * 45 + " kata sangat panjang", "kata kata kata kata"]
    rt.word_ids.limit = 5  # fills up at once: later words go through the tokenizer every time
    for text in TEXTS + odd + TEXTS:
        assert rt.word_ids(text) == rt.tokenizer.encode(text, add_special_tokens=False).ids, text
    assert len(rt.word_ids._ids) == 5
    np.testing.assert_array_equal(rt.encode(TEXTS + odd), _per_text(rt, TEXTS + odd))


def _per_text(rt: StaticEmbeddingRuntime, texts: list[str]) -> np.ndarray:
    word_ids, rt.word_ids = rt.word_ids, None
    try:
        return rt.encode(texts)
    finally:
        rt.word_ids = word_ids


def test_damaged_weights_are_refused(st_dir, tmp_path):
    import shutil

    from triage.bundle import _sha256

    copy = tmp_path / "st"
    shutil.copytree(st_dir, copy)
    digest = _sha256(copy / "model.safetensors")
    with open(copy / "model.safetensors", "r+b") as fh:
        fh.truncate(1000)
    with pytest.raises(DamagedFile, match="model.safetensors does not match its sha256"):
        StaticEmbeddingRuntime(copy, {"model.safetensors": digest})


def test_serving_a_static_bundle_does_not_import_torch(bundle_path, tmp_path):
    """create_app() and a classify, in a fresh interpreter: torch and sentence-transformers stay out."""
    script = textwrap.dedent(f"""
        import sys
        from api import create_app
        app = create_app({{"INSTANCE_PATH": {str(tmp_path / 'instance')!r}, "MODEL_PATH": {str(bundle_path)!r},
                          "MODELS_DIR": {str(tmp_path / 'models')!r}, "SECRET_KEY": "t", "TESTING": True,
                          "DATABASE_URL": "sqlite:///{tmp_path / 'db.sqlite'}"}})
        from api.services import accounts
        from api import extensions
        with extensions.sessionmaker(app)() as s:
            _row, key = accounts.create_key(s, "probe")
        r = app.test_client().post("/api/v1/classify", json={{"text": "jalan rusak di depan pasar"}},
                                   headers={{"Authorization": "Bearer " + key}})
        assert r.status_code == 200, r.get_json()
        assert r.get_json()["suggestion"]["agency"]["candidates"], r.get_json()
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "sentence_transformers", "transformers"))
        print("HEAVY", heavy[:5])
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "HEAVY []" in out.stdout, out.stdout
