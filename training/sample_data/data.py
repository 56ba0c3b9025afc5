"""The sample generator's data, read from the YAML and PSV files beside this module.

One attribute of `SampleData` per file, holding what the file holds (the YAML documents as they are), with
two conveniences: `categories` maps every agency, kecamatan offices included, to its categories, and the
report tables (PSV) are lists of dicts with the class spelt out. Cross-file references (agency codes,
category names) are checked here, and errors name the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from training.sample_data.readers import read_psv, read_yaml

DATA_DIR = Path(__file__).resolve().parent

HOAX_CATEGORY = "Hoaks/Disinformasi"
CLASSES = {"p": "pengaduan", "a": "aspirasi", "i": "permintaan_informasi"}
REPORT_COLUMNS = ["agency", "category", "class", "text"]

STRINGS = [str]
WORD_TABLE = {str: STRINGS}
CATEGORY = {k: STRINGS for k in ("problems", "details", "titles", "aspirations", "questions")}


def _lists(*keys: str) -> dict[str, Any]:
    return {k: STRINGS for k in keys}


SHAPES: dict[str, Any] = {
    "places.yaml": {
        "kabupaten": str,
        "kecamatan": {str: {"name": str, "desa": STRINGS}},
        **_lists("jalan", "gang", "perumahan", "pasar", "sungai", "landmarks", "sekolah"),
    },
    "people.yaml": _lists(
        "first_names", "last_names", "plate_prefixes", "phone_prefixes", "email_domains", "banks", "scam_urls"
    ),
    "phrases.yaml": _lists(
        "durations",
        "open_informal",
        "open_formal",
        "close_informal",
        "close_formal",
        "contact",
        "history",
        "impact",
        "story",
        "request",
        "english",
        "where_unplaced",
        "where_placed",
    ),
    "frames.yaml": _lists(
        "complaint_questions",
        "aspiration_frames",
        "why",
        "question_frames",
        "hotline_notes",
        "repeat_prefixes",
        "repeat_suffixes",
    ),
    "register.yaml": {
        "slang": WORD_TABLE,
        "jawa_words": WORD_TABLE,
        "sunda_words": WORD_TABLE,
        **_lists("jawa_openers", "jawa_closers", "sunda_openers", "sunda_closers", "emotive", "angry_tails"),
    },
    "categories.yaml": {"agencies": {str: {str: CATEGORY}}, "kecamatan": {str: CATEGORY}},
    "rumour_frames.yaml": _lists(
        "ask_frames",
        "ask_frames_rumour",
        "ask_frames_announcement",
        "report_frames_rumour",
        "rumour_titles",
        "announcement_titles",
    ),
}


@dataclass(frozen=True)
class SampleData:
    places: dict
    people: dict
    phrases: dict
    frames: dict
    register: dict
    rumour_frames: dict
    categories: dict[str, dict[str, dict[str, list[str]]]]  # agency -> category -> problems, details, ...
    hand_reports: list[dict]
    hand_reports_tricky: list[dict]
    hand_hoaxes: list[dict]
    alarming_genuine: list[dict]
    rumours: list[dict]  # about, body
    announcements: list[dict]  # agency, category, body


def load_data(folder: Path = DATA_DIR) -> SampleData:
    yamls = {name: read_yaml(folder / name, shape) for name, shape in SHAPES.items()}
    places, cats = yamls["places.yaml"], yamls["categories.yaml"]
    # kecamatan offices are agencies with the shared kecamatan categories
    categories = {**cats["agencies"], **{code: cats["kecamatan"] for code in places["kecamatan"]}}
    known = {c for per_agency in categories.values() for c in per_agency} | {HOAX_CATEGORY}

    def agency(path: Path, line: int, code: str) -> str:
        if code not in categories:
            raise ValueError(f"{path.name}:{line}: unknown agency {code!r} (categories.yaml, places.yaml)")
        return code

    def category(path: Path, line: int, name: str) -> str:
        if name not in known:
            raise ValueError(f"{path.name}:{line}: unknown category {name!r} (categories.yaml)")
        return name

    def reports(name: str) -> list[dict]:
        path, out = folder / name, []
        for line, row in read_psv(path, REPORT_COLUMNS):
            if row["class"] not in CLASSES:
                raise ValueError(
                    f"{name}:{line}: class {row['class']!r}, expected one of {', '.join(CLASSES)}"
                )
            out.append(
                dict(
                    agency=agency(path, line, row["agency"].removeprefix("~")),
                    category=category(path, line, row["category"]),
                    classification=CLASSES[row["class"]],
                    text=row["text"],
                    ambiguous=row["agency"].startswith("~"),
                )
            )
        return out

    path = folder / "rumours.psv"
    rumours = [
        dict(about=agency(path, line, r["about"]), body=r["body"])
        for line, r in read_psv(path, ["about", "body"])
    ]
    path = folder / "announcements.psv"
    announcements = [
        dict(
            agency=agency(path, line, r["agency"]),
            category=category(path, line, r["category"]),
            body=r["body"],
        )
        for line, r in read_psv(path, ["agency", "category", "body"])
    ]
    return SampleData(
        places=places,
        people=yamls["people.yaml"],
        phrases=yamls["phrases.yaml"],
        frames=yamls["frames.yaml"],
        register=yamls["register.yaml"],
        rumour_frames=yamls["rumour_frames.yaml"],
        categories=categories,
        hand_reports=reports("hand_reports.psv"),
        hand_reports_tricky=reports("hand_reports_tricky.psv"),
        hand_hoaxes=reports("hand_hoaxes.psv"),
        alarming_genuine=reports("alarming_genuine.psv"),
        rumours=rumours,
        announcements=announcements,
    )
