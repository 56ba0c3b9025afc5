"""Named surface cues of forwarded hoaxes, computed on the raw text.

They are features of the hoax head (next to the encoded text) and, being
named, they double as reasons a verifier can check ("asks to forward it",
"asks for a transfer"). Each cue is a 0/1 or a bounded ratio.
"""

from __future__ import annotations

import re

import numpy as np

CUES: dict[str, tuple[str, re.Pattern[str] | None]] = {
    "ajakan_sebar": ("mengajak menyebarkan pesan (sebarkan/viralkan/bagikan)",
                     re.compile(r"\b(sebar(kan|in)?|viral(kan|in)|bagikan|share|teruskan|forward|broadcast)\b", re.I)),
    "minta_transfer": ("meminta transfer uang, pulsa atau biaya admin",
                       re.compile(r"\b(transfer|tf|biaya admin|biaya pendaftaran|kirim pulsa|rekening|top ?up)\b", re.I)),
    "tautan": ("memuat tautan (link) untuk didaftar atau diklik",
               re.compile(r"(https?://|www\.|bit\.ly|s\.id/|klik|link)", re.I)),
    "desakan": ("mendesak (segera, hari ini juga, sebelum dihapus, batas waktu)",
                re.compile(r"\b(segera|secepatnya|hari ini juga|sebelum dihapus|terakhir|buruan|cepat)\b", re.I)),
    "sumber_kabur": ("mengutip sumber yang tidak jelas (katanya, info dari grup, kata teman)",
                     re.compile(r"\b(katanya|kabarnya|info dari|dari grup|kata teman|beredar|menurut sumber|copas|copy paste)\b", re.I)),
    "hadiah_bantuan": ("menjanjikan hadiah atau bantuan uang",
                       re.compile(r"\b(gratis|hadiah|bantuan tunai|blt|subsidi|dapat uang|cair|undian)\b", re.I)),
    "bencana_prediksi": ("meramalkan bencana atau kejadian besar",
                         re.compile(r"\b(akan terjadi|diprediksi|gempa susulan|tsunami|tanggul jebol|malam ini)\b", re.I)),
    "tanya_kebenaran": ("menanyakan kebenaran sebuah kabar (apa benar, hoaks?)",
                        re.compile(r"\b(apa(kah)? (benar|betul)|benarkah|bener gak|hoax|hoaks|valid)\b", re.I)),
    "huruf_kapital": ("banyak huruf kapital", None),
    "tanda_seru": ("banyak tanda seru", None),
}
CUE_NAMES = list(CUES)
# The same patterns without IGNORECASE, for an ASCII text already lower-cased: the same answer (ASCII
# case folding is A-Z to a-z alone) in half the time. Other texts use the patterns above as they are.
_LOWER = {name: re.compile(p.pattern) for name, (_, p) in CUES.items() if p is not None}


def cue_matrix(texts) -> np.ndarray:
    rows = []
    for text in texts:
        t = text or ""
        caps = sum(map(str.isupper, t))  # map over the characters: a third of a generator's time
        # "Mostly capitals" needs 20 letters or more and more capitals than half of them: with 10 capitals
        # or fewer it cannot hold, and the letters need not be counted (most reports).
        letters = sum(map(str.isalpha, t)) if caps > 10 else 0
        ascii_ = t.isascii()
        low = t.lower() if ascii_ else t
        row = []
        for name, (_, pattern) in CUES.items():
            if pattern is not None:
                row.append(1.0 if (_LOWER[name] if ascii_ else pattern).search(low) else 0.0)
            elif name == "huruf_kapital":
                row.append(1.0 if letters >= 20 and caps / letters > 0.5 else 0.0)
            else:
                row.append(min(t.count("!"), 5) / 5.0)
        rows.append(row)
    return np.asarray(rows, dtype=np.float32).reshape(len(rows), len(CUE_NAMES))


def describe(name: str) -> str:
    return CUES[name][0]
