"""The Suggester: one pass gives suggestions and the dense embeddings, the same as the separate calls."""

import numpy as np
import pytest

from triage.suggest import Suggester

TEXTS = ["Jalan berlubang di depan SDN 3, sudah dua bulan", "air pdam mati tiga hari", ""]


@pytest.fixture(scope="module")
def suggester(sample_bundle):
    return Suggester(sample_bundle)


def test_analyse_gives_the_suggestions_and_the_embeddings_of_one_pass(suggester):
    analysis = suggester.analyse(TEXTS, titles=["Jalan rusak", None, None])
    assert [s.to_dict() for s in analysis.suggestions] == [
        s.to_dict() for s in suggester.suggest(TEXTS, titles=["Jalan rusak", None, None])]
    direct = suggester.embed(["Jalan rusak. " + TEXTS[0], *TEXTS[1:]])
    assert analysis.embeddings.shape == (3, suggester.embedding_dim)
    np.testing.assert_allclose(analysis.embeddings, direct, atol=1e-6)


def test_a_single_string_is_refused(suggester):
    with pytest.raises(TypeError):
        suggester.suggest("jalan rusak")


@pytest.fixture(scope="module")
def reference(sample_bundle):
    """The served path's reference: the encoder through sentence-transformers (torch), the TF-IDF and each
    head through scikit-learn's own transform and predict_proba (the pickles, not the serving export), as
    before serving learned its shortcuts."""
    import scipy.sparse as sp
    from sentence_transformers import SentenceTransformer

    from triage.bundle import load_bundle
    from triage.data import load_sample_complaints
    from triage.encoders.tfidf import char_view
    from triage.model import with_cues
    from triage.text.fulltext import full_texts

    model = load_bundle(sample_bundle.path, use_export=False).model
    st = SentenceTransformer(str(sample_bundle.path / "encoder" / "embedding" / "sentence_transformer"),
                             device="cpu", local_files_only=True)
    texts = load_sample_complaints()["text"].tolist()[:400] + ["", "😡🙏", "SEBARKAN!!! transfer http://bit.ly/x"]
    full = full_texts(texts, None)
    norm = model.normalizer_.transform(full)
    dense = st.encode(norm, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    tf = model.encoder_.tfidf_
    X = sp.hstack([sp.csr_matrix(dense.astype(np.float32) * np.float32(model.encoder_.dense_weight)),
                   tf.word_.transform(norm), tf.char_.transform([char_view(t) for t in norm])], format="csr")
    probas = {n: h.predict_proba(with_cues(X, full) if n == "hoax" else X) for n, h in model.heads_.items()}
    return texts, probas


def test_served_suggestions_equal_the_sentence_transformers_and_scikit_learn_path(suggester, sample_bundle, reference):
    """Quality is unchanged by serving without torch and with the heads stacked: same candidates, same
    probabilities to the 4 decimals a suggestion carries, on the shipped sample data.

    The served embedding equals sentence-transformers' to 1e-6, not bit for bit, so a probability that
    falls on a rounding boundary (0.05585...) may round to either neighbour: one unit of the last decimal
    is allowed, nothing more (the issue allows 0.002)."""
    texts, probas = reference
    got = suggester.suggest(texts)
    heads = sample_bundle.model.heads_
    unit = 1e-4 + 1e-9
    for name in ("agency", "category", "classification"):
        expected = heads[name].top_k(probas[name], suggester.top_k)
        for i, sg in enumerate(got):
            served = getattr(sg, name).candidates
            assert [c.label for c in served] == [lab for lab, _ in expected[i]], (name, i)
            assert all(abs(c.probability - round(p, 4)) <= unit for c, (_, p) in zip(served, expected[i], strict=True)), \
                (name, i)
    pos = list(heads["hoax"].classes_).index("hoaks")
    served = np.array([sg.hoax.probability for sg in got])
    reference_p = np.round(probas["hoax"][:, pos].astype(float), 4)
    assert np.abs(served - reference_p).max() <= unit
    assert np.mean(served == reference_p) > 0.99  # boundary cases are rare: the paths agree, not just nearly


def test_only_the_heads_asked_for_are_computed(suggester):
    full = suggester.suggest(TEXTS)
    only = suggester.suggest(TEXTS, heads=["agency", "hoax"])
    for a, b in zip(full, only, strict=True):
        assert b.category is None and b.classification is None
        assert b.agency == a.agency and b.hoax == a.hoax and b.explanation == a.explanation
    assert all(s.agency is None and s.hoax is None and s.category is not None
               for s in suggester.suggest(TEXTS, heads=["category"]))


def test_to_dict_is_what_asdict_gives(suggester):
    from dataclasses import asdict

    for sg in [*suggester.suggest(TEXTS + ["SEBARKAN!!! transfer sekarang http://bit.ly/x"]),
               *suggester.suggest(TEXTS, heads=["hoax"])]:
        sg.model["learning"] = {"decisions": 3}
        expected = {k: v for k, v in asdict(sg).items() if v is not None}
        assert sg.to_dict() == expected and list(sg.to_dict()) == list(expected)


def test_a_contact_line_does_not_move_a_road_report(suggester):
    """Found in a newcomer's run: "hp 0812..." glued to a LAPOR!-shaped road report sent it to
    DISKOMINFO (slang "hp" -> "telepon genggam", the office for telephone complaints)."""
    body = ("Jalan Raya Desa Sukamaju rusak berlubangSampai sekarang belum diperbaiki. "
            "Nik. 3204124101990001Saya mohon segera ditindak")
    plain = suggester.suggest([body])[0].agency.top.label
    assert plain == "DPUPR"
    for line in (" hp 081234567890", " no WA sy 0812-3456-7890", " nama saya Budi Santoso, hp +62 853-3622-2619"):
        sg = suggester.suggest([body + line])[0]
        assert sg.agency.top.label == plain, line
        assert sg.agency.top.probability > 0.5, line

