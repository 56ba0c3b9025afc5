"""The sample generator: its data files regenerate the shipped CSV exactly, and a broken file names itself."""

import re
import shutil

import pytest

from training.sample_data import make_sample
from training.sample_data.data import DATA_DIR, load_data
from training.sample_data.readers import read_psv
from triage.data import DATA_DIR as SHIPPED_DIR


def test_regenerates_the_shipped_sample_byte_for_byte(tmp_path):
    out = tmp_path / "sample_complaints.csv"
    make_sample.main(["--out", str(out), "--quiet"])
    assert out.read_bytes() == (SHIPPED_DIR / "sample_complaints.csv").read_bytes()


def test_every_data_file_is_read():
    files = {p.name for p in DATA_DIR.iterdir() if p.suffix in (".yaml", ".psv")}
    data = load_data()
    read = {
        "places.yaml",
        "people.yaml",
        "phrases.yaml",
        "frames.yaml",
        "register.yaml",
        "categories.yaml",
        "rumour_frames.yaml",
        "hand_reports.psv",
        "hand_reports_tricky.psv",
        "hand_hoaxes.psv",
        "alarming_genuine.psv",
        "rumours.psv",
        "announcements.psv",
    }
    assert files == read
    assert len(data.hand_reports) + len(data.hand_reports_tricky) + len(data.hand_hoaxes) == len(
        make_sample.parse_hand()
    )
    assert sum(h["ambiguous"] for h in data.hand_reports) > 0
    assert set(data.categories) == set(make_sample.TARGET)


def _copy_data(tmp_path):
    for p in DATA_DIR.iterdir():
        if p.suffix in (".yaml", ".psv"):
            shutil.copy(p, tmp_path / p.name)
    return tmp_path


def _edit_line(path, find, edit) -> int:
    """Apply `edit` to the first line containing `find`; return its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if find in line)
    lines[number] = edit(lines[number])
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.parametrize(
    "name, find, edit, message",
    [
        ("hand_hoaxes.psv", "|i|", lambda line: line.replace("|i|", "|", 1), r"3 fields, expected 4"),
        ("hand_reports.psv", "DLH|Sampah|p|", lambda line: line.replace("|p|", "|x|", 1), r"class 'x'"),
        (
            "hand_reports_tricky.psv",
            "PDAM|",
            lambda line: line.replace("PDAM", "PDAMM", 1),
            r"unknown agency 'PDAMM'",
        ),
        (
            "announcements.psv",
            "|Sekolah/PPDB|",
            lambda line: line.replace("PPDB", "PPBD", 1),
            r"unknown category 'Sekolah/PPBD'",
        ),
        ("rumours.psv", "about|body", lambda line: "agency|body", r"header is 'agency\|body'"),
        (
            "alarming_genuine.psv",
            "BPBD|Bencana|p|",
            lambda line: line.replace("|p|", "||", 1),
            r"empty class",
        ),
        # YAML syntax: a key indented one space too far, a tab for indentation
        ("categories.yaml", "    Jembatan:", lambda line: " " + line, r""),
        ("register.yaml", "  sama: [sm]", lambda line: "\tsama: [sm]", r""),
        # YAML of the wrong shape: an unquoted ": " makes a list item a mapping; a list becomes a string;
        # a key is misspelt
        (
            "phrases.yaml",
            "  - 'Email: {email}'",
            lambda line: "  - Email: {email}",
            r"contact/3: expected a string",
        ),
        ("people.yaml", "banks:", lambda line: "banks: BRI", r"banks: expected a non-empty list"),
        (
            "categories.yaml",
            "      questions:",
            lambda line: "      question:",
            r"agencies/DPUPR/Jalan Rusak/question: unknown key",
        ),
    ],
)
def test_a_malformed_data_file_names_file_and_line(tmp_path, name, find, edit, message):
    folder = _copy_data(tmp_path)
    line = _edit_line(folder / name, find, edit)
    with pytest.raises(ValueError, match=re.escape(f"{name}:{line}:") + ".*" + message):
        load_data(folder)


def test_psv_comments_blank_lines_and_header(tmp_path):
    path = tmp_path / "t.psv"
    path.write_text("# a comment\n\na|b\nx|y z\n# another\n\nu|v\n", encoding="utf-8")
    assert read_psv(path, ["a", "b"]) == [(4, {"a": "x", "b": "y z"}), (7, {"a": "u", "b": "v"})]
    path.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"t\.psv:1: no header"):
        read_psv(path, ["a", "b"])
