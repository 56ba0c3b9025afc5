"""Duplicate and related reports: "same problem" = same meaning + similar place + recent.

* **Meaning**: cosine similarity of the model's dense sentence embeddings
  (:meth:`triage.model.TriageModel.embed`), found with an approximate nearest-neighbour
  index (:class:`VectorIndex`: usearch HNSW, cosine, half-precision vectors).
* **Place**: :func:`place_tokens` pulls RT/RW numbers and the names after place words
  (Jl./jalan, gang, desa, kelurahan, kecamatan, dusun, perumahan, blok, pasar, ...) out of the raw
  text; two reports that both name a place must share part of it.
* **Recent**: within ``window_days`` (30 by default) of each other.

:class:`ShardedIndex` keeps one index file per calendar month in a directory, so a lookup
searches only the months the time window touches (its cost does not grow with the years of
stored reports), old months are never rewritten, and new reports are added incrementally
(each shard remembers the highest key it holds, so a caller can catch up from its database).

No Flask, no database: the service (api/services/duplicates.py) decides what to index and keeps
the clusters.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

WINDOW_DAYS = 30

# -- place --------------------------------------------------------------------------------------

# Words that introduce a place name in Indonesian complaints. Abbreviations may carry a dot
# ("Jl. Merdeka"); full words may not ("... menutup jalan. Hujan ..." is no street name).
_ABBREV = r"jl|jln|gg|ds|kel|kec|kab|dsn|kp|kmp|perum|pr"
_PLACE_WORDS = (
    r"jalan|gang|lorong|desa|kelurahan|kecamatan|kabupaten|kota|dusun|dukuh|kampung|perumahan|komplek|"
    r"kompleks|griya|blok|pasar|terminal|stasiun|sungai|kali|jembatan|taman|simpang|perempatan|pertigaan|"
    r"bundaran|puskesmas|pustu|posyandu|sdn|smpn|sman|smkn|masjid|balai desa|kantor desa|kantor kelurahan|"
    r"kantor kecamatan|di|sekdes|kades|lurah|camat"
)
_WORD = r"(?:[^\W\d_][\w'-]*|\d+[a-z]?)"
_PLACE_RE = re.compile(
    # a lookahead, so that overlapping mentions ("di Jl. Kenanga") are all seen
    rf"(?<![\w-])(?=(?:(?P<a>{_ABBREV})\.?|(?P<w>{_PLACE_WORDS}))\s+(?P<name>{_WORD}(?:\s+{_WORD}){{0,2}}))",
    re.I,
)
_RT_RW_RE = re.compile(r"(?<![\w])(rt|rw)\s*\.?\s*[:.]?\s*0*(\d{1,3})(?:\s*/\s*(?:rw\s*\.?\s*)?0*(\d{1,3}))?(?!\d)", re.I)
_RTRW_PAIR_RE = re.compile(r"(?<![\w])rt\s*/\s*rw\s*\.?\s*0*(\d{1,3})\s*/\s*0*(\d{1,3})(?!\d)", re.I)
_IS_PLACE_WORD = re.compile(rf"(?:{_ABBREV})\.?|{_PLACE_WORDS}|kantor|balai", re.I)
# Words that follow a place word without being a name ("jalan rusak", "desa kami", "pasar ini").
_NOT_NAMES = frozenset("""
yang di ke dari dan atau ini itu tsb tersebut kami kita saya sy kamu anda mereka kalian setempat sekitar
sebelah depan belakang samping dekat menuju arah utama umum rusak berlubang rusaknya
sudah belum masih tidak gak ga nggak sangat sering selalu tolong mohon pak bu bapak ibu yth dengan
untuk pada oleh sejak sampai hingga karena agar supaya juga lagi saja aja pun ada tiap setiap banyak
semua para warga kampung desa kelurahan kecamatan jalan gang mati macet licin gelap banjir becek
tergenang kotor penuh kosong sepi ramai dalam luar atas bawah tengah ujung pinggir mana rumah
nya nih sih dong kok lah kah ya the a an rt rw no nomor km sini situ sana tempat lokasi wilayah daerah
kabupaten kota sukamaju surabaya
""".split())
# Direction and common suffix words that continue a lower-case name ("desa ngadirejo lor").
_CONTINUE = frozenset("lor kidul wetan kulon utara selatan timur barat hilir hulu baru lama indah jaya asri permai".split())
# Common nouns that take a name only when it is written with a capital ("jalan rusak", "di rumah").
_NEEDS_CAPITAL = frozenset({"jalan", "kali", "sungai", "taman", "kota", "pasar", "terminal", "jembatan", "simpang",
                            "di", "sekdes", "kades", "lurah", "camat"})


def place_tokens(text: str | None) -> frozenset[str]:
    """Place signals of a report: ``rt:3``, ``rw:5`` and lower-cased words of place names
    (``merdeka`` from "Jl. Merdeka", ``ngadirejo``, ``lor`` from "desa ngadirejo lor")."""
    if not text:
        return frozenset()
    return _place_tokens(text)


@lru_cache(maxsize=2048)
def _place_tokens(text: str) -> frozenset[str]:
    # Linking a new report judges it against up to twenty neighbours, and the same recent reports are
    # neighbours of the next ones: each text's places are read once while it stays recent.
    out: set[str] = set()
    taken: list[tuple[int, int]] = []
    for m in _RTRW_PAIR_RE.finditer(text):
        out.add(f"rt:{int(m.group(1))}")
        out.add(f"rw:{int(m.group(2))}")
        taken.append(m.span())
    for m in _RT_RW_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        kind = m.group(1).lower()
        out.add(f"{kind}:{int(m.group(2))}")
        if kind == "rt" and m.group(3):
            out.add(f"rw:{int(m.group(3))}")
    for m in _PLACE_RE.finditer(text):
        word = (m.group("a") or m.group("w")).lower()
        names = m.group("name").split()
        first = names[0]
        if word in _NEEDS_CAPITAL and not first[:1].isupper():
            continue
        if first.isupper() and len(first) > 1 and word == "di":  # "di RSUD", "di BPJS": an institution
            continue
        for i, n in enumerate(names):
            low = n.lower().strip("'-")
            if low in _NOT_NAMES or _IS_PLACE_WORD.fullmatch(low) or (len(low) < 2 and not low.isdigit()):
                break
            if i > 0 and not (n[:1].isupper() or n[:1].isdigit() or low in _CONTINUE):
                break
            out.add(low)
    return frozenset(out)


def place_overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """Share of the smaller place set found in the other (None when either names no place).
    RT and RW numbers alone are weak evidence, so they count half."""
    if not a or not b:
        return None

    def weight(tok: str) -> float:
        return 0.5 if tok.startswith(("rt:", "rw:")) else 1.0

    small, big = (a, b) if sum(map(weight, a)) <= sum(map(weight, b)) else (b, a)
    total = sum(weight(t) for t in small)
    # Two different RT numbers in the same text pair speak against the same place.
    # Different RT (or RW) numbers on both sides: another neighbourhood, even on the same street.
    for prefix in ("rt:", "rw:"):
        na, nb = {t for t in a if t.startswith(prefix)}, {t for t in b if t.startswith(prefix)}
        if na and nb and not na & nb:
            return 0.0
    return sum(weight(t) for t in small & big) / total if total else None


# -- the rule -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class MatchRule:
    """When two reports are "the same problem". Thresholds were chosen on the shipped sample
    pairs (training/duplicates_eval/) and checked on Surabaya pairs (docs/duplicates.md)."""

    min_similarity: float = 0.55       # both name a place and share it
    min_similarity_no_place: float = 0.88  # one of them names no place: meaning must carry it
    min_place_overlap: float = 0.5
    window_days: int = WINDOW_DAYS


@dataclass
class Judgement:
    same: bool
    similarity: float
    place_overlap: float | None
    days_apart: int | None
    shared_places: list[str] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> dict:
        return {"same_problem": self.same, "similarity": round(float(self.similarity), 4),
                "place_overlap": None if self.place_overlap is None else round(self.place_overlap, 3),
                "days_apart": self.days_apart, "shared_places": self.shared_places, "reason": self.reason}


def judge(similarity: float, places_a: frozenset[str], places_b: frozenset[str],
          days_apart: int | None, rule: MatchRule = MatchRule()) -> Judgement:
    """Apply the rule to one pair (similarity: cosine of the embeddings; days_apart: absolute)."""
    ov = place_overlap(places_a, places_b)
    shared = sorted(places_a & places_b)
    j = Judgement(False, float(similarity), ov, days_apart, shared)
    if days_apart is not None and days_apart > rule.window_days:
        j.reason = f"lebih dari {rule.window_days} hari terpisah"
    elif ov is not None and ov < rule.min_place_overlap:
        j.reason = "lokasi berbeda"
    elif ov is not None and similarity >= rule.min_similarity:
        j.same, j.reason = True, "isi mirip dan lokasi sama"
    elif ov is None and similarity >= rule.min_similarity_no_place:
        j.same, j.reason = True, "isi sangat mirip (lokasi tidak disebut di salah satu laporan)"
    else:
        j.reason = "isi kurang mirip"
    return j


# -- one index ----------------------------------------------------------------------------------

def _usearch():
    try:
        from usearch.index import Index
    except ImportError:  # pragma: no cover - exercised only where usearch is missing
        return None
    return Index


class VectorIndex:
    """Cosine nearest neighbours over unit vectors, keyed by non-negative integers.

    usearch's HNSW graph with half-precision vectors (connectivity 16, expansion 64 on add and
    search) when the package is installed; otherwise exact search with numpy (fine for tests and
    small installations, linear in the number of vectors).
    """

    def __init__(self, dim: int, *, backend: str | None = None, connectivity: int = 16,
                 expansion_add: int = 64, expansion_search: int = 64, dtype: str = "f16"):
        self.dim = int(dim)
        Index = _usearch()
        self.backend = backend or ("usearch" if Index is not None else "numpy")
        self._params = dict(connectivity=connectivity, expansion_add=expansion_add,
                            expansion_search=expansion_search, dtype=dtype)
        if self.backend == "usearch":
            if Index is None:
                raise RuntimeError("usearch is not installed: pip install usearch")
            self._ix = Index(ndim=self.dim, metric="cos", **self._params)
        elif self.backend == "numpy":
            self._keys = np.zeros(0, dtype=np.int64)
            self._vecs = np.zeros((0, self.dim), dtype=np.float32)
        else:
            raise ValueError(f"unknown backend {backend!r}")

    def __len__(self) -> int:
        return len(self._ix) if self.backend == "usearch" else len(self._keys)

    def __contains__(self, key: int) -> bool:
        if self.backend == "usearch":
            return bool(self._ix.contains(int(key)))
        return bool(np.any(self._keys == int(key)))

    def add(self, keys: Sequence[int], vectors: np.ndarray, threads: int = 1) -> int:
        """Add vectors; keys already present are replaced. Returns how many were added."""
        keys = np.asarray(keys, dtype=np.int64).ravel()
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(keys), self.dim)
        if len(keys) == 0:
            return 0
        self.remove(keys)
        if self.backend == "usearch":
            self._ix.add(keys.astype(np.uint64), vectors, threads=threads)
        else:
            self._keys = np.concatenate([self._keys, keys])
            self._vecs = np.vstack([self._vecs, vectors])
        return len(keys)

    def remove(self, keys: Iterable[int]) -> None:
        keys = [int(k) for k in keys]
        if self.backend == "usearch":
            for k in keys:
                if self._ix.contains(k):
                    self._ix.remove(k)
        elif len(self._keys):
            keep = ~np.isin(self._keys, keys)
            self._keys, self._vecs = self._keys[keep], self._vecs[keep]

    def search(self, vector: np.ndarray, k: int = 10) -> tuple[np.ndarray, np.ndarray]:
        """(keys, cosine similarities) of the k nearest, best first."""
        if len(self) == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        q = np.asarray(vector, dtype=np.float32).reshape(-1)
        if self.backend == "usearch":
            m = self._ix.search(q, min(k, len(self)), threads=1)
            return np.asarray(m.keys, dtype=np.int64), (1.0 - np.asarray(m.distances, dtype=np.float32))
        sims = self._vecs @ q
        k = min(k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top])]
        return self._keys[top].copy(), sims[top]

    # -- files --
    def save(self, path: Path) -> None:
        """Write atomically (temporary file + rename): readers never see half a file."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        os.close(fd)
        try:
            if self.backend == "usearch":
                self._ix.save(tmp)
            else:
                with open(tmp, "wb") as fh:
                    np.savez(fh, keys=self._keys, vecs=self._vecs)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    @classmethod
    def load(cls, path: Path, dim: int, backend: str | None = None) -> VectorIndex:
        ix = cls(dim, backend=backend)
        if ix.backend == "usearch":
            ix._ix.load(str(path))
            if ix._ix.ndim != ix.dim:
                raise ValueError(f"{path}: index has {ix._ix.ndim} dimensions, the model {dim}")
        else:
            with np.load(path) as z:
                ix._keys, ix._vecs = z["keys"].astype(np.int64), z["vecs"].astype(np.float32)
        return ix


# -- monthly shards ------------------------------------------------------------------------------

def month_of(day: dt.date | dt.datetime) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(start: dt.date, end: dt.date) -> list[str]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@dataclass
class Neighbour:
    key: int
    similarity: float
    month: str


class ShardedIndex:
    """A directory of monthly :class:`VectorIndex` files plus ``meta.json``
    (dimension, the model version the vectors came from, and per month the highest key held).

    Thread-safe within a process. Saving takes an exclusive file lock, so several processes
    (gunicorn workers) can share the directory; each keeps its own copy in memory and catches
    up with keys above ``high_water(month)``.
    """

    def __init__(self, directory: Path, dim: int, model_version: str = "", backend: str | None = None):
        self.directory = Path(directory)
        self.dim = int(dim)
        self.model_version = model_version
        self.backend = backend
        self._shards: dict[str, VectorIndex] = {}
        self._high: dict[str, int] = {}
        self._dirty: set[str] = set()
        self._lock = threading.RLock()
        self.directory.mkdir(parents=True, exist_ok=True)
        meta = self._read_meta()
        if meta and (meta.get("dim") != self.dim or meta.get("model_version") != model_version):
            log.info("duplicate index in %s was made by another model; starting afresh", self.directory)
            for f in self.directory.glob("*.index"):
                f.unlink()
            meta = None
        self._on_disk: dict[str, int] = dict((meta or {}).get("months", {}))

    # meta
    def _meta_path(self) -> Path:
        return self.directory / "meta.json"

    def _read_meta(self) -> dict | None:
        try:
            return json.loads(self._meta_path().read_text())
        except (OSError, ValueError):
            return None

    @contextmanager
    def _file_lock(self):
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            yield
            return
        with open(self.directory / ".lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _shard(self, month: str) -> VectorIndex:
        ix = self._shards.get(month)
        if ix is None:
            path = self.directory / f"{month}.index"
            if month in self._on_disk and path.exists():
                try:
                    ix = VectorIndex.load(path, self.dim, self.backend)
                    self._high[month] = self._on_disk[month]
                except Exception as exc:
                    log.warning("could not read %s (%s); rebuilding that month", path, exc)
                    ix = None
            if ix is None:
                ix = VectorIndex(self.dim, backend=self.backend)
                self._high[month] = 0
            self._shards[month] = ix
        return ix

    def high_water(self, month: str) -> int:
        """The highest key this process holds for the month (0: none, rebuild it from the source)."""
        with self._lock:
            self._shard(month)
            return self._high.get(month, 0)

    def __len__(self) -> int:
        with self._lock:
            return sum(len(ix) for ix in self._shards.values())

    def add(self, keys: Sequence[int], vectors: np.ndarray, days: Sequence[dt.date | dt.datetime]) -> None:
        vectors = np.asarray(vectors, dtype=np.float32).reshape(len(keys), self.dim)
        by_month: dict[str, list[int]] = {}
        for i, d in enumerate(days):
            by_month.setdefault(month_of(d), []).append(i)
        with self._lock:
            for month, rows in by_month.items():
                ix = self._shard(month)
                ks = [int(keys[i]) for i in rows]
                ix.add(ks, vectors[rows])
                self._high[month] = max(self._high.get(month, 0), *ks)
                self._dirty.add(month)

    def mark_complete(self, month: str, high: int) -> None:
        """Record that the month holds every key up to ``high`` (after a catch-up found nothing newer)."""
        with self._lock:
            self._shard(month)
            if high > self._high.get(month, 0):
                self._high[month] = high
                self._dirty.add(month)

    def remove(self, keys: Iterable[int]) -> None:
        keys = list(keys)
        with self._lock:
            for month, ix in self._shards.items():
                before = len(ix)
                ix.remove(keys)
                if len(ix) != before:
                    self._dirty.add(month)

    def search(self, vector: np.ndarray, day: dt.date | dt.datetime, window_days: int = WINDOW_DAYS,
               k: int = 10, months: Sequence[str] | None = None) -> list[Neighbour]:
        """The k nearest in the months that [day - window, day + window] touches, best first."""
        d = day.date() if isinstance(day, dt.datetime) else day
        months = list(months) if months is not None else months_between(
            d - dt.timedelta(days=window_days), d + dt.timedelta(days=window_days))
        found: list[Neighbour] = []
        with self._lock:
            for month in months:
                ix = self._shard(month)
                keys, sims = ix.search(vector, k)
                found += [Neighbour(int(kk), float(s), month) for kk, s in zip(keys, sims, strict=True)]
        found.sort(key=lambda n: -n.similarity)
        return found[:k]

    def save(self) -> None:
        """Write the months changed since the last save, then meta.json, under the file lock."""
        with self._lock, self._file_lock():
            meta = self._read_meta() or {}
            on_disk = dict(meta.get("months", {})) if meta.get("model_version") == self.model_version else {}
            for month in sorted(self._dirty):
                # Another process may have written a fuller copy of this month meanwhile: keep theirs.
                if on_disk.get(month, 0) > self._high.get(month, 0):
                    continue
                self._shards[month].save(self.directory / f"{month}.index")
                on_disk[month] = self._high.get(month, 0)
            self._dirty.clear()
            self._on_disk = on_disk
            tmp = self._meta_path().with_suffix(".tmp")
            tmp.write_text(json.dumps({"dim": self.dim, "model_version": self.model_version,
                                       "backend": self.backend or ("usearch" if _usearch() else "numpy"),
                                       "months": on_disk}, indent=1, sort_keys=True))
            os.replace(tmp, self._meta_path())
