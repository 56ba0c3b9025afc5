"""Generate the shipped sample complaints of the fictional Kabupaten Sukamaju Raya.

Everything here is invented: places, people, phone numbers, NIKs, plates, URLs.
Deterministic: `python -m training.sample_data.make_sample` rewrites
`triage/data/sample_complaints.csv` byte-for-byte identically for the same SEED.

The data are files beside this module (read by `data.py`): places, people, phrases,
frames, categories (per agency: problems, details, titles, aspirations, questions),
register (slang, Javanese, Sundanese), rumour frames (YAML); hand-written reports,
alarming genuine reports, rumours and announcements (PSV). This module holds the logic:
slot filling, register and noise, report builders, and the assembly in `build()`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
from collections import Counter
from pathlib import Path

from training.sample_data.data import HOAX_CATEGORY, load_data

SEED = 20240117
OUT = Path(__file__).resolve().parents[2] / "triage" / "data" / "sample_complaints.csv"

D = load_data()
PLACES, PEOPLE, PHRASES, FRAMES, REGISTER = D.places, D.people, D.phrases, D.frames, D.register
SPEC = D.categories  # agency -> category -> problems, details, titles, aspirations, questions
KAB = PLACES["kabupaten"]
KECAMATAN = {code: (k["name"], k["desa"]) for code, k in PLACES["kecamatan"].items()}
DESA = [(code, kec, desa) for code, (kec, desas) in KECAMATAN.items() for desa in desas]
# The same "apa benar" frames ask about rumours and genuine announcements, so asking is no cue for a hoax.
RUMOUR_ASK_FRAMES = D.rumour_frames["ask_frames"] + D.rumour_frames["ask_frames_rumour"]
ANNOUNCEMENT_ASK_FRAMES = D.rumour_frames["ask_frames"] + D.rumour_frames["ask_frames_announcement"]


# ---------------------------------------------------------------- fake personal data and slot filling
def fake_name(rng: random.Random) -> str:
    first, last = PEOPLE["first_names"], PEOPLE["last_names"]
    return f"{rng.choice(first)} {rng.choice(last)}" if rng.random() < 0.7 else rng.choice(first)


def fake_phone(rng: random.Random) -> str:
    p = rng.choice(PEOPLE["phone_prefixes"])
    a, b = rng.randint(1000, 9999), rng.randint(1000, 9999)
    style = rng.randrange(4)
    if style == 0:
        return f"0{p}-{a}-{b}"
    if style == 1:
        return f"0{p}{a}{b}"
    if style == 2:
        return f"+62 {p}-{a}-{b}"
    return f"+62{p}{a}{b}"


def fake_nik(rng: random.Random) -> str:
    day = rng.randint(1, 28) + (40 if rng.random() < 0.5 else 0)
    return f"3299{rng.randint(1, 31):02d}{day:02d}{rng.randint(1, 12):02d}{rng.randint(60, 99) % 100:02d}{rng.randint(1, 9999):04d}"


def fake_plate(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.randint(1, 3)))
    return f"{rng.choice(PEOPLE['plate_prefixes'])} {rng.randint(1, 9999)} {letters}"


def fake_email(rng: random.Random, name: str) -> str:
    user = re.sub(r"[^a-z]", "", name.lower().split()[0]) + rng.choice(["", ".", "_"]) + str(rng.randint(1, 99))
    return f"{user}@{rng.choice(PEOPLE['email_domains'])}"


def fake_url(rng: random.Random) -> str:
    tag = "".join(rng.choice("abcdefghkmnpqrstuvwxyz23456789") for _ in range(6))
    wa = rng.randint(81200000000, 89999999999)  # drawn whichever pattern is chosen
    return rng.choice(PEOPLE["scam_urls"]).format(tag=tag, wa=wa)


def fake_rek(rng: random.Random) -> str:
    bank = rng.choice(PEOPLE["banks"])
    return f"rek {bank} {rng.randint(1000, 9999)}-{rng.randint(10, 99)}-{rng.randint(100000, 999999)}-{rng.randint(10, 99)} a.n. {fake_name(rng)}"


def rupiah(rng: random.Random) -> str:
    v = rng.choice([5, 10, 15, 20, 25, 50, 75, 100, 150, 200, 250, 300, 500, 750, 1000, 1500, 2500]) * 1000
    s = f"{v:,}".replace(",", ".")
    return rng.choice([s, s, f"{v // 1000}rb", f"{v // 1000} ribu"]) if v < 1_000_000 else s


SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, rng: random.Random, ctx: dict) -> str:
    """Fill {slots}; values are cached in ctx so a report names one village, one person..."""
    def value(name: str) -> str:
        if name in ctx:
            return ctx[name]
        if name in ("desa", "kec", "kec_code"):
            code, kec, desa = rng.choice(DESA)
            ctx.setdefault("kec_code", code)
            ctx.setdefault("kec", kec)
            ctx.setdefault("desa", desa)
            return ctx[name]
        gen = {
            "desa2": lambda: rng.choice([d for _, _, d in DESA if d != ctx.get("desa")]),
            "kab": lambda: KAB, "jalan": lambda: rng.choice(PLACES["jalan"]), "gang": lambda: rng.choice(PLACES["gang"]),
            "perum": lambda: rng.choice(PLACES["perumahan"]), "landmark": lambda: rng.choice(PLACES["landmarks"]),
            "dur": lambda: rng.choice(PHRASES["durations"]),
            "rt": lambda: f"{rng.randint(1, 12):02d}", "rw": lambda: f"{rng.randint(1, 9):02d}", "n": lambda: str(rng.randint(2, 9)),
            "km": lambda: rng.choice(["1", "2", "3", "1,5", "4", "5"]), "rp": lambda: rupiah(rng),
            "pasar": lambda: rng.choice(PLACES["pasar"]), "sungai": lambda: rng.choice(PLACES["sungai"]),
            "sekolah": lambda: rng.choice(PLACES["sekolah"]),
            "nama": lambda: fake_name(rng), "nama2": lambda: rng.choice(PEOPLE["first_names"]), "hp": lambda: fake_phone(rng),
            "nik": lambda: fake_nik(rng), "plat": lambda: fake_plate(rng), "url": lambda: fake_url(rng), "rek": lambda: fake_rek(rng),
            "umur": lambda: str(rng.randint(22, 71)), "kelas": lambda: str(rng.randint(1, 6)),
            "email": lambda: fake_email(rng, value("nama")),
        }[name]
        ctx[name] = gen()
        return ctx[name]

    for _ in range(3):  # landmarks and sekolah contain slots themselves
        template = SLOT.sub(lambda m: value(m.group(1)), template)
    return template


# ---------------------------------------------------------------- register and noise
def _word_pattern(words) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)


_SLANG_RE = _word_pattern(REGISTER["slang"])


def _sub_words(text: str, table: dict, rng: random.Random, p: float) -> str:
    pat = _word_pattern(table)

    def rep(m: re.Match) -> str:
        if rng.random() > p:
            return m.group(0)
        return rng.choice(table[m.group(0).lower()])
    return pat.sub(rep, text)


def slangify(text: str, rng: random.Random, p: float) -> str:
    def rep(m: re.Match) -> str:
        if rng.random() > p:
            return m.group(0)
        return rng.choice(REGISTER["slang"][m.group(0).lower()])
    return _SLANG_RE.sub(rep, text)


def typos(text: str, rng: random.Random, rate: float) -> str:
    out = []
    for w in text.split(" "):
        if len(w) > 4 and w.isalpha() and rng.random() < rate:
            i = rng.randrange(1, len(w) - 1)
            kind = rng.randrange(3)
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:] if kind == 0 else (w[:i] + w[i + 1:] if kind == 1 else w[:i] + w[i] + w[i:])
        out.append(w)
    return " ".join(out)


def repeat_letters(text: str, rng: random.Random) -> str:
    def rep(m: re.Match) -> str:
        w = m.group(0)
        return w + w[-1] * rng.randint(2, 4) if rng.random() < 0.6 else w
    return re.sub(r"\b(" + "|".join(REGISTER["emotive"]) + r")\b", rep, text, count=2)


def regional(text: str, rng: random.Random, kind: str) -> str:
    table, pre, post = (REGISTER[f"{kind}_{part}"] for part in ("words", "openers", "closers"))
    text = _sub_words(text, table, rng, 0.7)
    if rng.random() < 0.5:
        text = rng.choice(pre) + text[:1].lower() + text[1:]
    if rng.random() < 0.6:
        text = text.rstrip(" .") + rng.choice(post)
    return text


def run_on(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[.,;:!]+(?=\s|$)", " ", text)).strip().lower()


def sentence(s: str) -> str:
    s = s.strip()
    if not s:
        return s
    s = s[0].upper() + s[1:]
    return s if s[-1] in ".!?\"" else s + "."


# ---------------------------------------------------------------- report builders
def choose_register(rng: random.Random, channel: str) -> str:
    if channel == "hotline":
        return "hotline"
    if channel == "sms":
        return rng.choices(["short", "casual", "angry"], [4, 6, 1])[0]
    weights = {"short": 2, "casual": 5, "normal": 5, "formal": 1.5, "angry": 1, "long": 1.3}
    if channel == "social":
        weights.update(casual=6, angry=2.5, formal=0.3)
    return rng.choices(list(weights), list(weights.values()))[0]


def build_pengaduan(spec: dict, rng: random.Random, ctx: dict, register: str) -> str:
    tmpl = rng.choice(spec["problems"])
    core = fill(tmpl, rng, ctx)
    dets = [fill(d, rng, ctx) for d in rng.sample(spec["details"], k=min(len(spec["details"]), rng.randint(1, 3)))]
    where = ""
    placed = re.search(r"\{(desa|jalan|perum|landmark|pasar|sungai|sekolah|kec)\}", tmpl)
    if not placed and rng.random() < 0.75:
        where = fill(rng.choice(PHRASES["where_unplaced"]), rng, ctx)
    elif placed and rng.random() < 0.15:
        where = fill(rng.choice(PHRASES["where_placed"]), rng, ctx)
    if register in ("casual", "normal", "angry") and rng.random() < 0.15:
        text = fill(rng.choice(FRAMES["complaint_questions"]).replace("{core}", core), rng, ctx)
        return text + (" " + dets[0] if rng.random() < 0.4 else "")
    if register == "short":
        words = (core + where).replace(",", "").split()
        return " ".join(words[: rng.randint(3, 8)])
    if register == "casual":
        text = rng.choice(PHRASES["open_informal"]) + core + where
        if rng.random() < 0.7:
            text += rng.choice([", ", " ", ". ", " udah gitu "]) + dets[0]
        text += rng.choice(PHRASES["close_informal"])
        if rng.random() < 0.2:
            text += " " + fill(rng.choice(PHRASES["contact"]), rng, ctx)
        return text
    if register == "angry":
        text = (core + where + " " + " ".join(dets[:2])).upper() if rng.random() < 0.5 else core + where + "!!! " + dets[0]
        return text + rng.choice(REGISTER["angry_tails"])
    if register == "hotline":
        note = rng.choice(FRAMES["hotline_notes"])  # before the time: keeps the sequence of draws
        jam = f"{rng.randint(6, 22):02d}.{rng.choice(['05', '12', '30', '47', '58'])}"
        return fill(note, rng, {**ctx, "core": core + where, "det": dets[0], "jam": jam})
    parts = []
    if register == "formal" or (register == "long" and rng.random() < 0.6):
        parts.append(fill(rng.choice(PHRASES["open_formal"]), rng, ctx))
    elif rng.random() < 0.4:
        parts.append(sentence(rng.choice([o for o in PHRASES["open_informal"] if o]).strip(" ,")))
    parts.append(sentence(core + where))
    parts += [sentence(d) for d in dets[: 2 if register != "long" else 3]]
    if register in ("formal", "long"):
        if register == "long":
            parts += [fill(s, rng, ctx) for s in rng.sample(PHRASES["story"], rng.randint(3, 5))]
            parts += [sentence(fill(d, rng, ctx)) for d in spec["details"] if d not in dets][:2]
        parts += [fill(h, rng, ctx) for h in rng.sample(PHRASES["history"], 2 if register == "long" else 1)]
        parts.append(rng.choice(PHRASES["impact"]))
        parts.append(rng.choice(PHRASES["request"]))
        if rng.random() < 0.6:
            parts.append(fill(rng.choice(PHRASES["contact"]), rng, ctx))
        parts.append(fill(rng.choice(PHRASES["close_formal"]), rng, ctx))
        return ("\n" if register == "formal" and rng.random() < 0.5 else " ").join(parts)
    if rng.random() < 0.4:
        parts.append(rng.choice(PHRASES["impact"]))
    if rng.random() < 0.5:
        parts.append(rng.choice(PHRASES["request"]))
    if rng.random() < 0.15:
        parts.append(fill(rng.choice(PHRASES["contact"]), rng, ctx))
    return " ".join(parts)


def build_aspirasi(spec: dict, rng: random.Random, ctx: dict) -> str:
    frame = rng.choice(FRAMES["aspiration_frames"])
    text = fill(frame.replace("{asp}", rng.choice(spec["aspirations"])).replace("{why}", rng.choice(FRAMES["why"])), rng, ctx)
    if rng.random() < 0.3:  # the problem first, then the wish: content overlaps with pengaduan
        text = sentence(fill(rng.choice(spec["problems"]), rng, ctx)) + " " + text
    return text


def build_info(spec: dict, rng: random.Random, ctx: dict) -> str:
    q = fill(rng.choice(spec["questions"]), rng, ctx)
    text = fill(rng.choice(FRAMES["question_frames"]).replace("{Q}", q[0].upper() + q[1:]).replace("{q}", q), rng, ctx)
    if rng.random() < 0.2:  # context before the question
        text = fill(rng.choice(spec["problems"]), rng, ctx) + rng.choice([", ", ". ", " jadi "]) + text
    return text


def add_noise(text: str, rng: random.Random, channel: str, register: str) -> str:
    if register in ("formal", "hotline"):
        return typos(text, rng, 0.01) if rng.random() < 0.3 else text
    heavy = channel in ("sms", "social") or register in ("short", "angry")
    if rng.random() < (0.75 if heavy else 0.35):
        text = slangify(text, rng, rng.uniform(0.4, 0.9))
    r = rng.random()
    if r < 0.12:
        text = regional(text, rng, "jawa")
    elif r < 0.24:
        text = regional(text, rng, "sunda")
    if rng.random() < (0.4 if heavy else 0.15):
        text = typos(text, rng, rng.uniform(0.03, 0.1))
    if rng.random() < 0.2:
        text = repeat_letters(text, rng)
    if rng.random() < 0.05 and register != "long":
        text += " " + rng.choice(PHRASES["english"])
    if channel == "sms" or (heavy and rng.random() < 0.3):
        text = run_on(text)
    if register == "angry" and rng.random() < 0.3 or rng.random() < 0.03:
        text = text.upper()
    if channel == "sms":
        if rng.random() < 0.2:
            text = "lapor " + text
        if len(text) > 300:
            text = text[:300].rsplit(" ", 1)[0]
    return text.strip()


# ---------------------------------------------------------------- assembly
TARGET = {
    "DPUPR": 95, "DLH": 85, "DISHUB": 85, "DISDUKCAPIL": 80, "DINSOS": 80, "PDAM": 75, "DISKOMINFO": 150,
    "DINKES": 42, "RSUD": 35, "DISDIK": 48, "SATPOLPP": 45, "BPBD": 45, "DAMKAR": 32, "DPMPTSP": 32, "DISNAKER": 38,
    "DISPERKIM": 35, "BAPENDA": 35, "DISPERINDAG": 40, "INSPEKTORAT": 30, "SETDA": 30,
    **{k: 28 for k in KECAMATAN},
}
N_HOAX_TEMPLATE = 36  # framed rumour bodies; the rest of the hoax rows are hand-written (hand_hoaxes.psv)
N_REAL_FRAMED = 36  # genuine announcements asked about in the same frames
CHANNELS = (["web", "app", "sms", "social", "hotline"], [30, 30, 15, 15, 10])
SEASON = {  # category -> months with extra weight
    "Bencana": {1, 2, 3, 11, 12}, "Banjir/Drainase": {1, 2, 3, 11, 12}, "Sekolah/PPDB": {6, 7}, "Kebakaran": {7, 8, 9},
    "PHK/Ketenagakerjaan": {3, 4}, "Pajak Daerah/PBB": {6, 7, 8}, "Kesehatan Lingkungan/Penyakit": {1, 2, 3, 4},
    "Air PDAM Mati": {8, 9, 10}, "Harga/Kelangkaan Barang": {3, 4, 12},
}
START, END = dt.date(2024, 1, 1), dt.date(2025, 12, 31)


def pick_date(rng: random.Random, category: str) -> dt.date:
    months = SEASON.get(category)
    while True:
        d = START + dt.timedelta(days=rng.randrange((END - START).days + 1))
        # gentle growth of usage over time, plus seasonality
        w = 0.7 + 0.3 * (d - START).days / (END - START).days
        if months and d.month in months:
            w *= 2.5
        if rng.random() < w / 2.5:
            return d


def make_title(rng: random.Random, channel: str, spec: dict | None, ctx: dict, text: str) -> str:
    if channel == "sms" or (channel == "hotline" and rng.random() < 0.5):
        return ""
    if rng.random() < {"web": 0.15, "app": 0.25, "social": 0.6, "hotline": 0.1}[channel]:
        return ""
    if spec is None or rng.random() < 0.2:
        words = re.sub(r"[^\w\s-]", " ", text).split()
        return " ".join(words[: rng.randint(3, 6)]).capitalize()
    t = fill(rng.choice(spec["titles"]), rng, ctx)
    return t.upper() if rng.random() < 0.08 else (t.lower() if rng.random() < 0.15 else t)


def norm_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def parse_hand() -> list[dict]:
    return D.hand_reports + D.hand_reports_tricky + D.hand_hoaxes


def ctx_for(agency: str, rng: random.Random) -> dict:
    if agency in KECAMATAN:
        kec, desas = KECAMATAN[agency]
        return {"kec": kec, "desa": rng.choice(desas), "kec_code": agency}
    return {}


def build(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    rows: list[dict] = []
    seen: set[str] = set()

    def add(agency, category, classification, hoax, text, channel=None, title=None, spec=None, ctx=None, date=None, dup_ok=False):
        key = norm_key(text)
        if key in seen and not dup_ok:
            return False
        seen.add(key)
        channel = channel or rng.choices(*CHANNELS)[0]
        rows.append(dict(date=(date or pick_date(rng, category)).isoformat(), channel=channel,
                         title=title if title is not None else make_title(rng, channel, spec, ctx or {}, text),
                         text=text, agency=agency, category=category, classification=classification, hoax=hoax))
        return True

    # 1. hand-written reports (light noise only on some, they already carry their own register)
    for h in parse_hand():
        ctx = ctx_for(h["agency"], rng)
        text = fill(h["text"], rng, ctx)
        spec = SPEC[h["agency"]].get(h["category"])
        channel = rng.choices(*CHANNELS)[0] if len(text) < 160 else rng.choice(["web", "app"])
        if channel == "hotline":
            channel = "web"
        add(h["agency"], h["category"], h["classification"], int(h["category"] == HOAX_CATEGORY), text,
            channel=channel, spec=spec, ctx=ctx)

    # 2. alarming but genuine reports
    for _ in range(2):
        for a in D.alarming_genuine:
            ctx = ctx_for(a["agency"], rng)
            text = fill(a["text"], rng, ctx)
            if rng.random() < 0.4:
                text = add_noise(text, rng, "social", "casual")
            add(a["agency"], a["category"], a["classification"], 0, text, spec=SPEC[a["agency"]].get(a["category"]),
                ctx=ctx)

    # 3. framed hoaxes: each rumour body at most twice, so no body dominates the hoax class
    n_bodies = len(D.rumours)
    order = rng.sample(range(n_bodies), n_bodies) + rng.sample(range(n_bodies), n_bodies)
    n_hoax = 0
    while n_hoax < N_HOAX_TEMPLATE and order:
        idx = order.pop(0)
        ctx: dict = {}
        body = fill(D.rumours[idx]["body"], rng, ctx)
        info = rng.random() < 0.48
        frame = rng.choice(RUMOUR_ASK_FRAMES if info else D.rumour_frames["report_frames_rumour"])
        body_l = body[0].lower() + body[1:].rstrip("!. ")
        text = fill(frame.replace("{body}", body).replace("{body_l}", body_l), rng, ctx)
        channel = rng.choices(["web", "app", "sms", "social", "hotline"], [20, 25, 15, 35, 5])[0]
        if channel in ("sms", "social") and rng.random() < 0.5:
            text = add_noise(text, rng, channel, "casual")
        agency = D.rumours[idx]["about"] if rng.random() < 0.3 else "DISKOMINFO"  # some go to the agency concerned
        title = "" if channel == "sms" or rng.random() < 0.4 else rng.choice(D.rumour_frames["rumour_titles"])
        if add(agency, HOAX_CATEGORY, "permintaan_informasi" if info else "pengaduan", 1, text, channel=channel,
               title=title):
            n_hoax += 1

    # 3b. genuine announcements asked about in the same "apa benar" frames (hoax = 0)
    n_real = 0
    while n_real < N_REAL_FRAMED:
        announcement = rng.choice(D.announcements)
        ctx = {}
        body = fill(announcement["body"], rng, ctx)
        body_l = body[0].lower() + body[1:].rstrip("!. ")
        text = fill(rng.choice(ANNOUNCEMENT_ASK_FRAMES).replace("{body}", body).replace("{body_l}", body_l), rng, ctx)
        channel = rng.choices(["web", "app", "sms", "social"], [20, 25, 15, 35])[0]
        if channel in ("sms", "social") and rng.random() < 0.5:
            text = add_noise(text, rng, channel, "casual")
        title = "" if channel == "sms" or rng.random() < 0.4 else rng.choice(D.rumour_frames["announcement_titles"])
        if add(announcement["agency"], announcement["category"], "permintaan_informasi", 0, text, channel=channel,
               title=title):
            n_real += 1

    # 4. template reports up to the target per agency
    have = Counter(r["agency"] for r in rows)
    for agency, target in TARGET.items():
        cats = list(SPEC[agency])
        weights = [max(1.0, 3.0 - i * 0.6) for i in range(len(cats))]
        tries = 0
        while have[agency] < target and tries < 5000:
            tries += 1
            category = rng.choices(cats, weights)[0]
            spec = SPEC[agency][category]
            cls = rng.choices(["pengaduan", "aspirasi", "permintaan_informasi"], [70, 19, 11])[0]
            channel = rng.choices(*CHANNELS)[0]
            ctx = ctx_for(agency, rng)
            if cls == "pengaduan":
                register = choose_register(rng, channel)
                text = build_pengaduan(spec, rng, ctx, register)
            else:
                register = "casual" if rng.random() < 0.6 else "normal"
                if channel == "hotline":
                    channel = "web"
                text = build_aspirasi(spec, rng, ctx) if cls == "aspirasi" else build_info(spec, rng, ctx)
            text = add_noise(text, rng, channel, register)
            if len(text.split()) < 2:
                continue
            if add(agency, category, cls, 0, text, channel=channel, spec=spec, ctx=ctx):
                have[agency] += 1

    # 5. deliberate near-duplicates: the same problem reported again by a neighbour a few days later
    originals = rng.sample([r for r in rows if r["hoax"] == 0 and r["classification"] == "pengaduan" and len(r["text"]) > 60], 10)
    for r in originals:
        d = dt.date.fromisoformat(r["date"]) + dt.timedelta(days=rng.randint(1, 6))
        prefix = rng.choice(FRAMES["repeat_prefixes"])
        text = prefix + r["text"] if prefix else r["text"].rstrip(".!") + " " + rng.choice(FRAMES["repeat_suffixes"])
        add(r["agency"], r["category"], r["classification"], 0, text, date=min(d, END), channel=rng.choice(["web", "app", "social"]),
            title=r["title"])

    rng.shuffle(rows)
    rows.sort(key=lambda r: r["date"])
    for i, r in enumerate(rows, start=1):
        r["id"] = f"SMP-{i:06d}"
    return rows


COLUMNS = ["id", "date", "channel", "title", "text", "agency", "category", "classification", "hoax"]


def write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r[c] for c in COLUMNS})


def summary(rows: list[dict]) -> str:
    out = [f"rows: {len(rows)}"]
    for col in ("agency", "category", "classification", "channel", "hoax"):
        c = Counter(str(r[col]) for r in rows)
        out.append(f"\n{col} ({len(c)} distinct):")
        out += [f"  {k:32s} {v:5d}" for k, v in c.most_common()]
    lens = sorted(len(r["text"].split()) for r in rows)
    q = lambda p: lens[min(len(lens) - 1, int(p * len(lens)))]  # noqa: E731
    out.append(f"\nwords per text: min {lens[0]} p10 {q(.1)} median {q(.5)} p90 {q(.9)} max {lens[-1]}; "
               f"<=6 words: {sum(n <= 6 for n in lens)}; >=150 words: {sum(n >= 150 for n in lens)}")
    texts = Counter(r["text"] for r in rows)
    out.append(f"identical texts: {sum(v - 1 for v in texts.values() if v > 1)}; "
               f"ambiguous hand-written: {sum(h['ambiguous'] for h in parse_hand())}; hand-written: {len(parse_hand())}")
    out.append(f"dates: {rows[0]['date']} .. {rows[-1]['date']}; empty titles: {sum(not r['title'] for r in rows)}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    rows = build(args.seed)
    write_csv(rows, args.out)
    if not args.quiet:
        print(summary(rows))
        print(f"written {args.out}")


if __name__ == "__main__":
    main()
