"""One agency of the directory as an admin writes it (import file, console form, from-lapor draft).

`AgencyIn` checks one agency on its own; `api.agencies.directory.check` checks the directory as a whole
(unique codes, names and aliases, parents that exist). Both the CLI import and the console go through
them, so a row that the console refuses is refused by `triage agencies import` too. Messages are in
Indonesian: the office reads them.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

FIELDS = ("code", "name", "aliases", "parent", "type", "deadline_days", "keywords", "description", "active")
LIST_FIELDS = ("aliases", "keywords")
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9_.\-]{0,39}$")
DEFAULT_DEADLINE_DAYS = 5
MAX_DEADLINE_DAYS = 60
_LIST_SEP = re.compile(r"\s*(?:[|;\n])\s*")
_TRUE = {"1", "ya", "y", "yes", "true", "aktif", "benar"}
_FALSE = {"0", "tidak", "t", "no", "n", "false", "nonaktif", "tidak aktif", "salah"}

# Column and field labels for messages and the console form.
LABELS = {
    "code": "kode", "name": "nama", "aliases": "alias", "parent": "induk", "type": "jenis",
    "deadline_days": "tenggat (hari kerja)", "keywords": "kata kunci", "description": "deskripsi", "active": "aktif",
}


def name_key(text: str | None) -> str:
    """How names and aliases are compared: case, punctuation and spacing do not count ("Dinas P.U." ==
    "dinas pu"); "&" is "dan". The same rule as the import's agency matcher (api.imports.agencies)."""
    s = str(text or "").lower().replace("&", " dan ")
    s = re.sub(r"[^\w\s]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def split_list(value: Any) -> list[str]:
    """`"a | b; c"` (or one per line), a list, or nothing -> `["a", "b", "c"]`, empty parts dropped."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        parts = [str(v) for v in value if v is not None]
    else:
        parts = _LIST_SEP.split(str(value))
    return [p for p in (" ".join(x.split()) for x in parts) if p]


class AgencyIn(BaseModel):
    """One agency. Only the fields given are applied to an existing agency (`model_fields_set`)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(max_length=40, description="Kode unik, huruf besar (DINKES, KEC-BALEENDAH).")
    name: str = Field(min_length=2, max_length=300)
    aliases: list[str] = Field(default_factory=list, description="Nama lain, dipisah '|' di berkas.")
    parent: str | None = Field(None, description="Kode instansi induk.")
    type: str | None = Field(None, description="Jenis perangkat daerah (triage/data/agency_types.yaml), "
                                               "beberapa dipisah '|'.")
    deadline_days: int = Field(DEFAULT_DEADLINE_DAYS, ge=1, le=MAX_DEADLINE_DAYS)
    keywords: list[str] = Field(default_factory=list, description="Kata kunci untuk perutean, dipisah '|'.")
    description: str | None = Field(None, max_length=4000, description="Tugas instansi (dibaca perutean).")
    active: bool = True

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, v):
        v = " ".join(str(v if v is not None else "").split()).upper()
        if not CODE_PATTERN.match(v):
            raise ValueError("kode wajib diisi: huruf besar, angka, '-', '_' atau '.', tanpa spasi, "
                             "paling banyak 40 karakter (misalnya DINKES, KEC-BALEENDAH)")
        return v

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, v):
        v = " ".join(str(v if v is not None else "").split())
        if not v:
            raise ValueError("nama wajib diisi")
        from triage.routing.directory import is_placeholder

        if is_placeholder(v):
            raise ValueError(f"{v!r} bukan nama instansi (pengganti untuk 'tidak ada instansi')")
        return v

    @field_validator("aliases", "keywords", mode="before")
    @classmethod
    def _lists(cls, v):
        if v is not None and not isinstance(v, str | list | tuple | int | float):
            raise ValueError("harus teks (dipisah '|') atau daftar")
        items = split_list(v)
        for item in items:
            if len(item) > 300:
                raise ValueError(f"{item[:40]!r}… lebih dari 300 karakter")
        # The same text twice (up to case) is kept once; spellings that differ only in punctuation ("Kec."
        # / "Kec") are kept as written, so an exported directory imports back unchanged.
        seen, out = set(), []
        for item in items:
            if name_key(item) and item.casefold() not in seen:
                seen.add(item.casefold())
                out.append(item)
        return out

    @field_validator("parent", "description", mode="before")
    @classmethod
    def _optional_text(cls, v):
        v = str(v).strip() if v is not None else ""
        return v or None

    @field_validator("parent")
    @classmethod
    def _parent(cls, v):
        return v.upper() if v else None

    @field_validator("type", mode="before")
    @classmethod
    def _type(cls, v):
        from triage.routing.agency_types import load_agency_types

        codes = [c.lower() for c in split_list(v)]
        if not codes:
            return None
        known = load_agency_types().types
        unknown = [c for c in codes if c not in known]
        if unknown:
            close = [k for k in known if unknown[0][:4] and k.startswith(unknown[0][:4])]
            hint = f" (mungkin: {', '.join(close)})" if close else " (lihat daftar jenis: triage agencies types)"
            raise ValueError(f"jenis tidak dikenal: {', '.join(map(repr, unknown))}{hint}")
        return "|".join(dict.fromkeys(codes))

    @field_validator("deadline_days", mode="before")
    @classmethod
    def _deadline(cls, v):
        if isinstance(v, float) and v.is_integer():
            return int(v)
        if isinstance(v, str) and v.strip().isdigit():
            return int(v.strip())
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValueError(f"harus bilangan bulat hari kerja (1 sampai {MAX_DEADLINE_DAYS}), bukan {v!r}")
        return v

    @field_validator("active", mode="before")
    @classmethod
    def _active(cls, v):
        if isinstance(v, bool):
            return v
        key = " ".join(str(v).lower().split())
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
        raise ValueError(f"isi 'ya' atau 'tidak', bukan {v!r}")

    def key_names(self) -> set[str]:
        """The keys this agency is found by: its code, name and aliases."""
        return {k for k in (name_key(self.code), name_key(self.name), *map(name_key, self.aliases)) if k}


_MESSAGES = {
    "missing": "wajib diisi",
    "string_too_short": "terlalu pendek (paling sedikit {min_length} karakter)",
    "string_too_long": "terlalu panjang (paling banyak {max_length} karakter)",
    "greater_than_equal": "paling sedikit {ge}",
    "less_than_equal": "paling banyak {le}",
    "extra_forbidden": "kolom tidak dikenal",
    "string_type": "harus teks",
    "list_type": "harus daftar",
}


def error_messages(exc: ValidationError) -> dict[str, str]:
    """field -> message (Indonesian), the first problem of each field."""
    out: dict[str, str] = {}
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else "_"
        if field in out:
            continue
        template = _MESSAGES.get(err["type"])
        if template:
            out[field] = template.format(**(err.get("ctx") or {}))
        else:
            msg = str(err.get("msg", ""))
            out[field] = msg.removeprefix("Value error, ")
    return out
