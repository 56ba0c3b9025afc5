"""The leak matrix: who sees what of a reporter's identity, on every surface (issue 14).

Three tables, read together, make every cell of role × confidentiality × surface:

* ``SEES`` — the promise (docs/privacy.md): for each role and confidentiality, how each part of a
  complaint reads. Written out by hand, not computed from api.access, so the test checks the code
  against the promise rather than against itself.
* ``PARTS`` — where the seeded identity lives in each part, and how a masked part shows.
* ``SURFACES`` — one row per place a complaint is shown: who reaches it, which parts it shows, and
  how to fetch the bit of it that belongs to one complaint. **Adding a surface is one row** (and a
  fetch function).

tests/hardening/test_leak_matrix.py seeds the complaints and turns the cells into tests.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

R, M, H = "raw", "masked", "hidden"

ROLES = ("anonymous", "api_key", "verifier", "officer", "other_officer", "data_scientist", "admin")
CONFIDENTIALITIES = ("public", "anonymous", "secret")

# -- the promise -----------------------------------------------------------------------------------
# (words, contact, reasons, follow-ups) per confidentiality (public, anonymous, secret):
#   words      title, text, pii[].value, snippets (snippets are always masked, so R reads as M there)
#   contact    the reporter's name/phone/e-mail/address fields (R: shown, H: not)
#   reasons    disposition reasons and reasons in the history
#   followups  the agency's follow-up texts
# `officer` is the officer of the agency the complaint is dispatched to; `api_key` the key that
# submitted it. Roles that cannot reach a complaint at all (anonymous caller, other agency's officer)
# are H everywhere, and SURFACES leaves them out of `reach`.
_ALL_RAW = (R, R, R, R)
_MASKED = (M, H, M, M)
_NOTHING = (H, H, H, H)
SEES: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    #                  public      anonymous      secret
    "verifier":       (_ALL_RAW,   _ALL_RAW,      _ALL_RAW),
    "admin":          (_ALL_RAW,   _ALL_RAW,      _ALL_RAW),
    "officer":        (_ALL_RAW,   _MASKED,       (M, H, H, M)),
    "data_scientist": (_MASKED,    _MASKED,       _NOTHING),
    "api_key":        (_MASKED,    _MASKED,       _NOTHING),
    "other_officer":  (_NOTHING,   _NOTHING,      _NOTHING),
    "anonymous":      (_NOTHING,   _NOTHING,      _NOTHING),
}


def level(role: str, confidentiality: str, part: str) -> str:
    words, contact, reasons, followups = SEES[role][CONFIDENTIALITIES.index(confidentiality)]
    return {"title": words, "text": words, "snippet": M if words != H else H, "masked_text": M if words != H else H,
            "contact": contact, "reasons": reasons, "followups": followups}[part]


# -- the seeded identity ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Identity:
    """One reporter per confidentiality, so a value found on a page says which complaint leaked."""

    name: str
    nik: str
    phone: str  # as typed in the text
    email: str

    @property
    def phone_digits(self) -> str:  # as given in the contact form
        return self.phone.replace("-", "")

    def raw_values(self) -> list[str]:
        """Every form in which the identity must not show where it is not raw (pieces of a NIK too)."""
        return [self.name, self.nik, self.nik[:6], self.nik[8:], self.phone, self.phone_digits, self.email,
                self.email.split("@")[0]]


IDENTITIES = {
    "public": Identity("Rudi Hartono", "3204124101990001", "0812-3456-7891", "rudi.hartono@gmail.com"),
    "anonymous": Identity("Sri Wulandari", "3273015203880002", "0813-2233-4455", "sri.wulan88@yahoo.co.id"),
    "secret": Identity("Dedi Kurniawan", "3171046709750003", "0857-9988-7766", "dedikurnia@outlook.com"),
}

# Words that exist only in one part of the seeded complaints: a hidden part leaves its marker out.
TITLE = "Pungli loket Kelurahan Cempakawangi, pelapor {name}"
# LAPOR!-glued: sentence ends run into the next word, the NIK straddles the 140th character (a snippet
# cut before masking shows half of it).
TEXT = ("Nama saya {name}, warga Desa Sukamakmur RT 03.Mohon bantu, sudah 3 kali minta pungli di loket "
        "pelayanan KTP kecamatan.Nik. {nik}Saya siap dipanggil. Hp {phone}Mohon segera ditindak. "
        "email {email}terima kasih")
REASON = "Berkas Karangsari lengkap; pelapor {name} (hp {phone}) minta dihubungi"
FOLLOWUP = "Tim Tegalwaru sudah menemui {name} di {phone} untuk klarifikasi"


@dataclass(frozen=True)
class Part:
    marker: str  # shows whenever the part shows
    raw: tuple[str, ...]  # Identity attributes that show when the part is raw
    placeholders: tuple[str, ...]  # what shows where the part is masked


PARTS = {
    "title": Part("Cempakawangi", ("name",), ("[NAMA]",)),
    "text": Part("Sukamakmur", ("name", "nik", "phone", "email"), ("[NAMA]", "[NIK]", "[TELEPON]", "[EMAIL]")),
    "masked_text": Part("Sukamakmur", (), ("[NAMA]", "[NIK]", "[TELEPON]", "[EMAIL]")),
    "snippet": Part("Sukamakmur", (), ("[NAMA]",)),
    "contact": Part("", ("phone_digits", "email"), ()),
    "reasons": Part("Karangsari", ("name", "phone"), ("[NAMA]", "[TELEPON]")),
    "followups": Part("Tegalwaru", ("name", "phone"), ("[NAMA]", "[TELEPON]")),
}


# -- the surfaces ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Surface:
    """`fetch(world, role, confidentiality)` returns the text of this surface that belongs to the seeded
    complaint of that confidentiality (a JSON item, a table row, a page section, export rows), or None
    when the caller gets none (401/403/404, a redirect to the login page, not listed).

    `reach`: roles that get it; None: the surface does not depend on who asks (exports, logs), and
    `fixed` gives its levels per confidentiality instead of SEES.
    """

    name: str
    fetch: str  # name of a function in tests/hardening/test_leak_matrix.py: FETCHERS[fetch]
    parts: tuple[str, ...]
    reach: frozenset[str] | None
    fixed: dict[str, str] = field(default_factory=dict)  # confidentiality -> level of every part

    def levels(self, role: str, confidentiality: str) -> dict[str, str]:
        if self.reach is None:
            return {p: self.fixed[confidentiality] for p in self.parts}
        if role not in self.reach:
            return {p: H for p in self.parts}
        return {p: level(role, confidentiality, p) for p in self.parts}


READERS = frozenset({"verifier", "admin", "officer", "data_scientist"})
CONSOLE = frozenset({"verifier", "admin", "data_scientist"})
OFFICER = frozenset({"officer"})
REPORTS = frozenset({"verifier", "admin", "data_scientist"})
METRICS = frozenset({"api_key", "admin", "data_scientist"})
EXPORTED = {"public": M, "anonymous": M, "secret": H}

SURFACES: tuple[Surface, ...] = (
    # JSON
    Surface("api.detail", "api_detail", ("title", "text", "masked_text", "contact", "reasons", "followups"),
            READERS | {"api_key"}),
    Surface("api.created", "api_created", (), frozenset({"api_key"})),  # intake's 201: suggestion and hint
    Surface("api.list", "api_list", ("title", "masked_text"), READERS),
    Surface("api.queue", "api_queue", ("title", "masked_text"), READERS - {"officer"}),
    Surface("api.related", "api_related", ("title",), READERS),
    Surface("api.cluster", "api_cluster", ("title",), CONSOLE),
    Surface("api.hoaxes", "api_hoaxes", ("title",), CONSOLE),
    # console
    Surface("console.queue", "console_queue", ("title", "snippet"), CONSOLE),
    Surface("console.complaint", "console_complaint", ("title", "text", "contact", "reasons"), CONSOLE),
    Surface("console.related", "console_related", ("title", "snippet"), CONSOLE),
    Surface("console.hoaxes", "console_hoaxes", (), CONSOLE),  # numbers and clarifications only
    Surface("console.officer_queue", "console_officer_queue", ("title", "snippet"), OFFICER),
    Surface("console.officer_complaint", "console_officer_complaint", ("title", "text", "contact", "followups"),
            OFFICER),
    # exports (`triage export`: the same for whoever runs it)
    Surface("export.csv", "export_csv", ("title", "text"), None, EXPORTED),
    Surface("export.jsonl", "export_jsonl", ("title", "text"), None, EXPORTED),
    Surface("export.csv --include-secret", "export_csv_secret", ("title", "text"), None,
            {"public": M, "anonymous": M, "secret": M}),
    # reports: aggregates only, never a complaint's words
    Surface("reports.json", "reports_json", (), REPORTS),
    Surface("reports.csv", "reports_csv", (), REPORTS),
    Surface("reports.xlsx", "reports_xlsx", (), REPORTS),
    Surface("reports.page", "reports_page", (), REPORTS),
    Surface("reports.monthly", "reports_monthly", (), REPORTS),
    # operations: aggregates and identifiers only
    Surface("api.monitoring", "api_monitoring", (), METRICS),
    Surface("console.monitoring", "console_monitoring", (), frozenset({"admin", "data_scientist"})),
    Surface("api.learning", "api_learning", (), frozenset({"admin", "data_scientist"})),
    Surface("console.learning", "console_learning", (), frozenset({"admin", "data_scientist"})),
    Surface("metrics", "metrics", (), METRICS),
    # Open311 GeoReport v2: a public read (no key) shows a public report's masked description only; the
    # key that submitted a report reads it as api.access allows that key. Never a title or a reporter.
    Surface("open311.public", "open311_public", ("masked_text",), None, {"public": M, "anonymous": H, "secret": H}),
    Surface("open311.key", "open311_key", ("masked_text",), frozenset({"api_key"})),
    Surface("logs", "logs", (), None, {"public": H, "anonymous": H, "secret": H}),
)


def cells() -> list[tuple[str, str, str]]:
    """(surface, role, confidentiality) for every cell; role "any" where the surface does not depend on it."""
    out = []
    for s in SURFACES:
        for role in (ROLES if s.reach is not None else ("any",)):
            for conf in CONFIDENTIALITIES:
                out.append((s.name, role, conf))
    return out


BY_NAME = {s.name: s for s in SURFACES}


# -- reading what a surface returned -----------------------------------------------------------------

def json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def csv_text(body: str) -> str:
    return "\n".join(" | ".join(row) for row in csv.reader(io.StringIO(body)))


def html_row(html: str, tracking_id: str) -> str | None:
    """The table row of `tracking_id` in a console list."""
    for row in re.findall(r"<tr\b.*?</tr>", html, re.S):
        if f">{tracking_id}<" in row:
            return row
    return None


def html_section(html: str, heading: str) -> str | None:
    """The console card whose <h2> is `heading`."""
    m = re.search(r"<section[^>]*>\s*<h2>" + re.escape(heading) + r"</h2>.*?</section>", html, re.S)
    return m.group() if m else None
