"""Every encoder saves and loads back to the same features, through the same path a bundle uses
(`save(dir)` + `describe()` -> `encoder_from_config(dir, config)`), and refuses to be used unfitted."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.exceptions import NotFittedError

from triage.encoders import encoder_from_config, make_encoder
from triage.text.normalizer import TextNormalizer

TEXTS = [
    "jalan rusak berlubang di depan sekolah mohon diperbaiki",
    "sampah menumpuk di pasar sudah seminggu tidak diangkut",
    "lampu penerangan jalan mati di gang mawar gelap sekali",
    "air pdam tidak mengalir sejak tiga hari warga kesulitan",
    "ktp elektronik belum jadi padahal sudah rekam enam bulan",
    "banjir setinggi lutut karena saluran drainase tersumbat",
    "pungutan liar di sekolah untuk seragam dan buku",
    "parkir liar di bahu jalan bikin macet setiap sore",
] * 8
NORM = TextNormalizer().fit(TEXTS).transform(TEXTS)
PROBE = NORM[:5] + ["kata yang belum pernah dilihat sama sekali"]

SPECS = {
    "tfidf": {},
    "static": {"dim": 16, "vocab_size": 500, "epochs": 0},
    "hybrid": {"dim": 16, "vocab_size": 500, "epochs": 0},
    "pretrained:minilm": {},
}


def _dense(X):
    return X.toarray() if sp.issparse(X) else np.asarray(X)


@pytest.mark.parametrize("spec", list(SPECS))
def test_save_and_load_give_the_same_features(spec, tmp_path):
    enc = make_encoder(spec, **SPECS[spec]).fit(NORM)
    before = _dense(enc.transform(PROBE))
    enc.save(tmp_path)
    loaded = encoder_from_config(tmp_path, enc.describe())
    after = _dense(loaded.transform(PROBE))
    assert after.shape == before.shape and after.shape[0] == len(PROBE)
    np.testing.assert_allclose(after, before, rtol=1e-6, atol=1e-6)
    assert loaded.describe() == enc.describe()


@pytest.mark.parametrize("spec", list(SPECS))
def test_an_unfitted_encoder_says_so(spec):
    with pytest.raises(NotFittedError):
        make_encoder(spec, **SPECS[spec]).transform(PROBE)


def test_make_encoder_refuses_parameters_it_would_drop():
    with pytest.raises(ValueError, match="tfidf"):
        make_encoder("tfidf", dim=64)
    with pytest.raises(ValueError, match="no parameter"):
        make_encoder("static", dimension=64)


def test_tfidf_transform_equals_scikit_learn_exactly():
    """The serving shortcut of TfidfEncoder.transform gives scikit-learn's TfidfVectorizer output bit for bit."""
    enc = make_encoder("tfidf").fit(NORM)
    probe = [*PROBE, "", "   ", "jalan jalan jalan rusak rusak 😡", "ＡＢＣ zero\u200bwidth"]
    expected = sp.hstack([enc.word_.transform(probe), enc.char_.transform(probe)], format="csr")
    got = enc.transform(probe)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    assert np.array_equal(got.indptr, expected.indptr) and np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)


def test_tfidf_is_saved_as_a_plain_pickle_and_older_joblib_bundles_still_load(tmp_path):
    """New bundles hold tfidf.pkl (read by the C unpickler: fast starts); a bundle saved before the change
    holds tfidf.joblib and loads the same; a digest that does not match is refused either way."""
    import joblib

    from triage.encoders.static_runtime import DamagedFile

    enc = make_encoder("tfidf").fit(NORM)
    want = _dense(enc.transform(PROBE))
    enc.save(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["tfidf.pkl"]
    np.testing.assert_array_equal(_dense(encoder_from_config(tmp_path, enc.describe()).transform(PROBE)), want)
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    joblib.dump(enc, legacy / "tfidf.joblib")
    np.testing.assert_array_equal(_dense(encoder_from_config(legacy, enc.describe()).transform(PROBE)), want)
    for where, name in ((tmp_path, "tfidf.pkl"), (legacy, "tfidf.joblib")):
        with pytest.raises(DamagedFile, match=name):
            encoder_from_config(where, enc.describe(), {name: "0" * 64})


def test_placeholders_share_no_character_ngram_with_words():
    """A masked phone number is not talk about telephones: in the character block "_telepon_" is opaque."""
    from triage.encoders.tfidf import TfidfEncoder, char_view

    docs = ["sinyal telepon putus terus", "jalan rusak mohon ditindak _telepon_"] * 30
    enc = TfidfEncoder(word_ngrams=(1, 1)).fit(docs)
    char_names = set(enc.char_.get_feature_names_out())
    assert "tele" in char_names and not any("_" in n and "tel" in n for n in char_names)
    assert char_view("hubungi _telepon_ atau _email_") == "hubungi _5_ atau _6_"
    # The word block keeps the placeholder as a word.
    assert "_telepon_" in set(enc.word_.get_feature_names_out())


def test_an_encoder_pickled_before_opaque_placeholders_reads_as_it_was_fitted(tmp_path):
    from triage.encoders.tfidf import TfidfEncoder

    docs = ["jalan rusak mohon ditindak _telepon_", "sinyal telepon putus"] * 30
    old = TfidfEncoder(opaque_placeholders=False).fit(docs)
    del old.__dict__["opaque_placeholders"]  # as a pickle from before the setting has it
    old.save(tmp_path)
    back = TfidfEncoder.load(tmp_path)
    assert back.opaque_placeholders is False and back.get_params()["opaque_placeholders"] is False
    np.testing.assert_array_equal(back.transform(docs[:2]).toarray(), old.transform(docs[:2]).toarray())
    assert back.transform(docs[:1])[:, back.word_vocabulary_size:].nnz > 10  # its char block sees "tele"...
