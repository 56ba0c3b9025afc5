"""Masking a whole report (triage.text.redact): title and text together, plus the reporter's contact.

Examples first, then properties (hypothesis) over the forms real exports have: a name, NIK, phone and
e-mail glued to the next word, spaced, full-width, with NBSP or zero-width characters inside; whatever
the form, the masked title and text keep none of the values, and the placeholders' spans are exact.
"""

from __future__ import annotations

import doctest
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage.text import redact
from triage.text.placeholders import HUMAN_TOKENS
from triage.text.redact import contact_values, mask_spans, redact_report

PROPS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
NBSP = ["\u00a0", "\u202f"]


def test_doctest():
    assert doctest.testmod(redact).failed == 0


def test_a_name_found_in_the_text_is_masked_in_the_title():
    r = redact_report("Pungli di loket, pelapor Rudi Hartono", "Nama saya Rudi Hartono.Mohon ditindak")
    assert r.title == "Pungli di loket, pelapor [NAMA]"
    assert r.text == "Nama saya [NAMA].Mohon ditindak"


def test_the_contact_is_masked_wherever_it_stands_in_any_case_and_spacing():
    known = contact_values("Sri Wulandari", "081322334455", "sri.wulan88@yahoo.co.id")
    r = redact_report("sri  wulandari minta tolong", "Hubungi +62 813-2233-4455Terima kasih, SRI WULANDARIMohon",
                      known)
    assert r.title == "[NAMA] minta tolong"
    assert r.text == "Hubungi [TELEPON]Terima kasih, [NAMA]Mohon"


def test_known_values_respect_word_and_number_edges():
    known = contact_values("Ani", "0812345678901")
    r = redact_report(None, "Anita dan Ani; 80812345678901 bukan, 0812345678901 ya", known)
    assert r.text == "Anita dan [NAMA]; 80812345678901 bukan, [TELEPON] ya"


def test_placeholder_spans_point_into_the_masked_text():
    r = redact_report("Lapor Rudi Hartono", "Nik. 3204124101990001Saya, hp 0812-3456-7891")
    for m in (r.title_masked, r.text_masked):
        for sp in m.spans:
            assert m.masked[sp.start:sp.end] == sp.value and sp.value in HUMAN_TOKENS


def test_overlapping_spans_merge_so_nothing_of_either_shows():
    from triage.text.pii import PiiSpan

    text = "abc 0812345678901234 xyz"
    m = mask_spans(text, [PiiSpan("TELEPON", 4, 16, text[4:16]), PiiSpan("NIK", 8, 20, text[8:20])])
    assert m.masked == "abc [TELEPON] xyz"


def test_no_title_and_empty_text():
    assert redact_report(None, "").text == "" and redact_report(None, "").title is None
    assert redact_report("", "x").title == ""


# ------------------------------------------------------------------ properties

FIRST = ["Rudi", "Sri", "Dedi", "Ayu", "Bambang", "Wulan", "Agus", "Nining"]
LAST = ["Hartono", "Wulandari", "Kurniawan", "Lestari", "Saputra", "Rahmawati"]
GLUE = ["Mohon", "Saya", "Terima", "Tolong", "Kami"]


def full_width(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    for z in ZERO_WIDTH:
        s = s.replace(z, "")
    return s.replace("\u00a0", " ").replace("\u202f", " ")


@st.composite
def rendering(draw, value: str) -> str:
    """`value` as people and exports write it: plain, full-width, or with NBSP/zero-width inside."""
    how = draw(st.sampled_from(["plain", "full_width", "nbsp", "zero_width"]))
    if how == "full_width":
        return full_width(value)
    if how == "nbsp":
        return value.replace(" ", draw(st.sampled_from(NBSP)))
    if how == "zero_width" and len(value) > 2:
        i = draw(st.integers(1, len(value) - 1))
        return value[:i] + draw(st.sampled_from(ZERO_WIDTH)) + value[i:]
    return value


@st.composite
def report(draw):
    first, last = draw(st.sampled_from(FIRST)), draw(st.sampled_from(LAST))
    name = f"{first} {last}"
    nik = (f"32{draw(st.integers(1, 79)):02d}{draw(st.integers(1, 40)):02d}{draw(st.integers(1, 28)):02d}"
           f"{draw(st.integers(1, 12)):02d}{draw(st.integers(50, 99)):02d}{draw(st.integers(1, 9999)):04d}")
    phone = "08" + draw(st.sampled_from("1235")) + draw(st.text("0123456789", min_size=9, max_size=9))
    email = f"{first.lower()}.{last.lower()}{draw(st.integers(1, 99))}@gmail.com"
    glue = lambda: draw(st.sampled_from(["", " ", ". "])) + draw(st.sampled_from(GLUE))  # noqa: E731
    phone_typed = draw(st.sampled_from([phone, f"{phone[:4]}-{phone[4:8]}-{phone[8:]}", f"+62 {phone[1:]}"]))
    text = (f"Nama saya {draw(rendering(name))}{glue()} warga desa.Nik. {draw(rendering(nik))}{glue()} hp "
            f"{draw(rendering(phone_typed))}{glue()} email {draw(rendering(email))}{glue()} kasih")
    # the title names the reporter without any cue ("pelapor", "saya"): only the text or contact says it is a name
    title = draw(st.sampled_from(["Pungli di loket, {}", "{} melapor jalan rusak", "Laporan {}: lampu mati"]))
    title = title.format(draw(st.sampled_from([name, name.upper(), name.lower(), full_width(name)])))
    with_contact = draw(st.booleans())
    known = contact_values(name, phone, email) if with_contact else []
    return title, text, known, (name, nik, phone, email), with_contact


@PROPS
@given(report())
def test_masked_title_and_text_keep_no_value_in_any_form(case):
    title, text, known, (name, nik, phone, email), with_contact = case
    r = redact_report(title, text, known)
    for masked in (fold(r.title), fold(r.text)):
        low = masked.lower()
        assert nik not in masked and nik[:8] not in masked and nik[8:] not in masked, (text, r.text)
        assert phone[1:] not in masked.replace("-", "").replace(" ", ""), (text, r.text)
        assert email.split("@")[0] not in low, (text, r.text)
    # a name given as typed in the text is masked in the title in the same form; any case with the contact
    if with_contact or name in title or full_width(name) in title:
        assert name.lower() not in fold(r.title).lower(), (title, r.title)
    assert name.lower() not in fold(r.text).lower(), (text, r.text)


@PROPS
@given(report())
def test_spans_are_exact_and_masking_is_stable(case):
    title, text, known, _values, _ = case
    r = redact_report(title, text, known)
    for original, m in ((title, r.title_masked), (text, r.text_masked)):
        prev = 0
        for sp in m.found:
            assert original[sp.start:sp.end] == sp.value and prev <= sp.start < sp.end
            prev = sp.end
        for sp in m.spans:
            assert m.masked[sp.start:sp.end] == sp.value
    again = redact_report(r.title, r.text, known)
    assert (again.title, again.text) == (r.title, r.text)
