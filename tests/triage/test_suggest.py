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
