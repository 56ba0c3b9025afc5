import pytest

from triage.text.normalize import default_slang, normalize, tokenize
from triage.text.normalizer import TextNormalizer
from triage.text.placeholders import MODEL_TOKENS
from triage.text.stem import stem_word, stopwords

SLANG = {"yg": "yang", "tdk": "tidak", "gak": "tidak", "sy": "saya", "jln": "jalan"}


def test_slang_and_case():
    assert normalize("Jln YG rusak GAK diperbaiki", slang=SLANG) == "jalan yang rusak tidak diperbaiki"


def test_repeated_letters_collapse_but_double_letters_stay():
    assert normalize("parahhhh bangettt saat", slang={}) == "parah banget saat"


def test_placeholders_replace_personal_data():
    out = normalize("sy hub 0812-3456-7890 atau email budi@contoh.id, NIK 3201234507890001", slang=SLANG)
    assert "_telepon_" in out and "_email_" in out and "_nik_" in out
    assert "0812" not in out and "budi" not in out and "3201234507890001" not in out


def test_ordinary_numbers_are_kept():
    assert normalize("RT 03 RW 05 km 12 tahun 2024", slang={}) == "rt 03 rw 05 km 12 tahun 2024"


def test_reduplication_with_digit():
    assert normalize("jalan2 rusak", slang={}) == "jalan jalan rusak"


@pytest.mark.parametrize("text", ["", "   ", "!!!???", "😡😡😡"])
def test_empty_and_symbol_only_text(text):
    assert normalize(text, slang=SLANG) == ""


def test_huge_text_is_handled():
    text = "jalan rusak di desa kami sudah lama " * 30_000  # ~1 MB
    out = normalize(text, slang=SLANG)
    assert out.startswith("jalan rusak") and len(out.split()) == 7 * 30_000


def test_tokenize_keeps_placeholder_tokens():
    assert tokenize("lapor _nik_ dan _telepon_") == ["lapor", "_nik_", "dan", "_telepon_"]
    assert {"_nik_", "_telepon_"} <= MODEL_TOKENS


def test_shipped_slang_dictionary_is_used():
    out = TextNormalizer().fit_transform(["sy tdk tau krn blm ada info"])
    assert out == ["saya tidak tahu karena belum ada info"]


def test_stemming_and_stopwords_switchable():
    text = ["pelayanan di kantor kelurahan sangat lambat dan tidak ramah"]
    plain = TextNormalizer(slang=False).fit_transform(text)[0]
    stemmed = TextNormalizer(slang=False, stem=True).fit_transform(text)[0]
    no_stop = TextNormalizer(slang=False, stopwords=True).fit_transform(text)[0]
    assert "pelayanan" in plain and "layan" in stemmed.split()
    assert "dan" not in no_stop.split() and "tidak" in no_stop.split()  # negation is kept
    assert stem_word("_nik_") == "_nik_"
    assert "yang" in stopwords()


def test_normalizer_is_a_stateless_sklearn_transformer():
    from sklearn.base import clone

    t = TextNormalizer(stem=True)
    assert clone(t).get_params() == t.get_params()
    assert t.fit(["a"]) is t
    assert t.transform([None, "Halo"]) == ["", "halo"]


def test_the_shipped_slang_never_rewrites_words_that_mean_something_else():
    """`asap` is smoke, PGN the state gas company, TPI a fish auction, PMK foot-and-mouth disease, `pol`
    Satpol PP, dr. a doctor: rewriting them as slang would turn a pollution report into an urgent one."""
    for word in ("asap", "pgn", "tpi", "pmk", "pol", "dr"):
        assert normalize(f"ada {word} di pasar", slang=SLANG).split()[1] == word


@pytest.mark.parametrize("signature", [
    "hp 081234567890", "telp 081234567890", "no. hp sy +62 838-6295-9474", "WA 0812-3456-7890",
    "nomor whatsapp saya 081234567890", "email budi@contoh.id", "nama saya Budi Santoso, hp 0812-3456-7890",
])
def test_a_reporters_contact_line_leaves_only_its_placeholders(signature):
    """LAPOR! exports glue the contact line to the report: its lead-in words ("hp", which the slang
    expands to "telepon genggam") are who wrote, not what about, and must not route the report."""
    body = "Jalan Raya Desa Sukamaju rusak berlubangSampai sekarang belum diperbaiki mohon segera ditindak"
    out = normalize(f"{body} {signature}", slang=default_slang()).split()
    words = [w for w in out if w not in MODEL_TOKENS]
    assert words == normalize(body, slang=default_slang()).split()
    assert out[-1] in {"_telepon_", "_email_"}


def test_contact_words_that_are_the_complaint_stay():
    """Only a lead-in right before a contact placeholder goes: a report about phones keeps its words."""
    out = normalize("sinyal hp hilang, nomor layanan tidak aktif", slang=default_slang())
    assert out == "sinyal telepon genggam hilang nomor layanan tidak aktif"
    # Pronouns alone are not a lead-in.
    assert normalize("mohon ditindak saya 081234567890", slang={}) == "mohon ditindak saya _telepon_"


def test_the_normalizer_works_inside_a_scikit_learn_pipeline_and_grid_search():
    """It keeps the estimator contract without inheriting from scikit-learn (triage.estimator_params)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV
    from sklearn.pipeline import make_pipeline

    texts = ["jalan rusak parah", "jln rusak berlubang", "sampah numpuk", "sampah bau sekali"] * 5
    labels = ["DPUPR", "DPUPR", "DLH", "DLH"] * 5
    pipe = make_pipeline(TextNormalizer(), TfidfVectorizer(), LogisticRegression())
    search = GridSearchCV(pipe, {"textnormalizer__stem": [False, True]}, cv=2).fit(texts, labels)
    assert search.best_estimator_.predict(["jalan rusak"])[0] == "DPUPR"
    assert pipe.get_params()["textnormalizer__slang"] is True


@pytest.mark.parametrize(("glued", "expected"), [
    ("Jalan rusak berlubangSampai sekarang", "jalan rusak berlubang sampai sekarang"),
    ("BanjirSampai lutut warga", "banjir sampai lutut warga"),
    ("sejak tahun 2024Saya sudah lapor", "sejak tahun 2024 saya sudah lapor"),
    ("aplikasi PeduliLindungi error", "aplikasi peduli lindungi error"),
])
def test_words_glued_at_a_lost_line_break_are_split(glued, expected):
    """LAPOR! exports drop line breaks and glue the words on either side of them."""
    assert normalize(glued, slang=default_slang()) == expected


def test_camel_case_names_the_slang_knows_and_short_prefixes_stay_whole():
    assert normalize("pesan WhatsApp masuk", slang=default_slang()) == "pesan whatsapp masuk"
    assert normalize("beli iPhone di McDonald", slang={}) == "beli iphone di mcdonald"
    assert normalize("rt 02 KTPel", slang={}) == "rt 02 ktpel"
