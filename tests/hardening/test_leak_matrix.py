"""The leak matrix (issue 14): one test per role × confidentiality × surface, from tests/support/leak_matrix.py.

One reporter per confidentiality writes a LAPOR!-glued report ("Nik. 3204124101990001Saya ...") with
their name, NIK, phone and e-mail in the title, the text and the contact form; a verifier's reason
and the agency's follow-up repeat the name and phone. Each cell fetches what one caller gets on one
surface for that report and asserts exactly what shows: the raw values where the promise says raw,
placeholders and no value where it says masked, nothing of the part where it says hidden. Runs on
PostgreSQL with TRIAGE_TEST_DATABASE_URL.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass, field

import pytest
from support.api import basic
from support.console import login
from support.leak_matrix import (
    BY_NAME,
    CONFIDENTIALITIES,
    FOLLOWUP,
    IDENTITIES,
    PARTS,
    REASON,
    TEXT,
    TITLE,
    H,
    R,
    cells,
    csv_text,
    html_row,
    html_section,
    json_text,
)
from werkzeug.security import generate_password_hash

from api import create_app, extensions
from api.models import Agency, User
from api.services import accounts

USER_ROLES = {"verifier": "verifier", "admin": "admin", "data_scientist": "data_scientist",
              "officer": "agency_officer", "other_officer": "agency_officer"}
PROBE_TEXT = "Pungli di loket pelayanan KTP kecamatan, petugas minta uang tambahan. Mohon segera ditindak."


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        try:
            self.lines.append(record.getMessage())
        except Exception:  # a record that cannot format is still a record
            self.lines.append(repr(record.msg) + " " + repr(record.args))
        if record.exc_info:
            self.lines.append(logging.Formatter().formatException(record.exc_info))


@dataclass
class World:
    app: object
    api: object  # test client, credentials per request
    headers: dict[str, dict]
    consoles: dict = field(default_factory=dict)
    waiting: dict[str, str] = field(default_factory=dict)  # confidentiality -> tracking id (verifier's queue)
    dispatched: dict[str, str] = field(default_factory=dict)  # confidentiality -> tracking id (agency A)
    hoax: dict[str, str] = field(default_factory=dict)  # confidentiality -> tracking id (marked a hoax)
    probe: str = ""
    cluster: dict[str, int] = field(default_factory=dict)
    created: dict[str, dict] = field(default_factory=dict)  # confidentiality -> intake's 201 answer
    tmp: object = None
    logs: _Collect | None = None


@pytest.fixture(scope="module")
def world(tmp_path_factory, db_url, model_holder, models_dir):
    _empty(db_url)
    tmp = tmp_path_factory.mktemp("leaks")
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp / "instance"), "DATABASE_URL": db_url,
                      "AUTO_MIGRATE": False, "MODEL_HOLDER": model_holder, "MODELS_DIR": str(models_dir),
                      "SECRET_KEY": "test-secret", "RATE_LIMIT_API": "100000/minute",
                      "LEARNING_SYNC_BLOCKING": True})
    logs = _Collect()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(logs)
    root.setLevel(logging.DEBUG)
    try:
        yield _seed(app, tmp, logs)
    finally:
        root.removeHandler(logs)
        root.setLevel(old_level)
        extensions.engine(app).dispose()


def _empty(url: str) -> None:
    """Start from empty tables (as tests/conftest.py does per test; here once for the module)."""
    from sqlalchemy import create_engine, text

    from api.models import Base

    engine = create_engine(url)
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for t in tables:
                conn.execute(text(f'DELETE FROM "{t}"'))
    engine.dispose()


def _seed(app, tmp, logs) -> World:
    with extensions.sessionmaker(app)() as s:
        codes = [a.code for a in s.query(Agency).order_by(Agency.code)]
        agency = {"officer": codes[0], "other_officer": codes[1]}
        for role, db_role in USER_ROLES.items():
            agency_id = s.query(Agency).filter_by(code=agency[role]).one().id if role in agency else None
            s.add(User(username=f"leak_{role}", password_hash=generate_password_hash("rahasia-123", "pbkdf2:sha256:1000"),
                       role=db_role, agency_id=agency_id))
        s.commit()
        _row, key = accounts.create_key(s, "leak-gateway")
    headers = {role: basic(f"leak_{role}") for role in USER_ROLES}
    headers["api_key"] = {"Authorization": f"Bearer {key}"}
    headers["anonymous"] = {}
    w = World(app=app, api=app.test_client(), headers=headers, tmp=tmp, logs=logs)

    def post(path, body, role):
        resp = w.api.post(path, json=body, headers=headers[role])
        assert resp.status_code in (200, 201), (path, resp.status_code, resp.get_data(as_text=True)[:300])
        return resp.json

    for conf in CONFIDENTIALITIES:
        ident = IDENTITIES[conf]
        values = {"name": ident.name, "nik": ident.nik, "phone": ident.phone, "email": ident.email}
        body = {"title": TITLE.format(**values), "text": TEXT.format(**values), "channel": "web",
                "confidentiality": conf,
                "reporter": {"name": ident.name, "phone": ident.phone_digits, "email": ident.email}}
        for kind in ("waiting", "dispatched", "hoax"):
            answer = post("/api/v1/complaints", body, "api_key")
            tid = answer["tracking_id"]
            url = f"/api/v1/complaints/{tid}"
            if kind == "waiting":
                w.created[conf] = answer
                post(url + "/disposition", {"action": "need_info", "reason": REASON.format(**values)}, "verifier")
                w.waiting[conf] = tid
            elif kind == "hoax":
                post(url + "/disposition", {"action": "hoax", "reason": REASON.format(**values)}, "verifier")
                w.hoax[conf] = tid
            else:
                post(url + "/disposition", {"action": "reassign", "agency": agency["officer"],
                                            "reason": REASON.format(**values)}, "verifier")
                post(url + "/followup", {"status": "in_progress", "text": FOLLOWUP.format(**values)}, "officer")
                w.dispatched[conf] = tid
    w.probe = post("/api/v1/complaints", {"text": PROBE_TEXT, "title": "Pungli loket KTP", "channel": "web"},
                   "api_key")["tracking_id"]
    post(f"/api/v1/complaints/{w.probe}/disposition", {"action": "reassign", "agency": agency["officer"]}, "verifier")
    for conf, tid in w.dispatched.items():
        cid = w.api.get(f"/api/v1/complaints/{tid}", headers=headers["verifier"]).json["cluster_id"]
        if cid is None:
            cid = post(f"/api/v1/complaints/{tid}/cluster", {"tracking_id": w.probe}, "verifier")["id"]
        w.cluster[conf] = cid
    _over_http(w)
    for role in ROLES_WITH_CONSOLE:
        client = app.test_client()
        if role in USER_ROLES:
            assert login(client, f"leak_{role}").status_code == 302
        w.consoles[role] = client
    return w


def _over_http(w: World) -> None:
    """Some reads and one intake through a real HTTP server, so the logs hold its access log too."""
    import urllib.request

    from support.hardening import LiveServer

    with LiveServer(w.app) as server:
        for role, tid in (("verifier", w.dispatched["secret"]), ("officer", w.dispatched["anonymous"]),
                          ("data_scientist", w.waiting["secret"])):
            req = urllib.request.Request(server.url + f"/api/v1/complaints/{tid}", headers=w.headers[role])
            with urllib.request.urlopen(req, timeout=30) as resp:
                assert resp.status == 200
        ident = IDENTITIES["secret"]
        values = {"name": ident.name, "nik": ident.nik, "phone": ident.phone, "email": ident.email}
        body = json.dumps({"title": TITLE.format(**values), "text": TEXT.format(**values), "channel": "web",
                           "confidentiality": "secret", "reporter": {"name": ident.name, "email": ident.email}})
        req = urllib.request.Request(server.url + "/api/v1/complaints", data=body.encode(), method="POST",
                                     headers={**w.headers["api_key"], "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            assert resp.status == 201


ROLES_WITH_CONSOLE = ("anonymous", "api_key", "verifier", "officer", "other_officer", "data_scientist", "admin")


# -- fetching one complaint's share of each surface ----------------------------------------------------

def _json(w: World, role: str, path: str):
    resp = w.api.get(path, headers=w.headers[role])
    if resp.status_code in (401, 403, 404):
        assert resp.is_json and resp.json["error"], (path, role)
        return None
    assert resp.status_code == 200, (path, role, resp.status_code)
    return resp.json


def _item(items, tid):
    found = [i for i in items if i["tracking_id"] == tid]
    return json_text(found[0]) if found else None


def api_detail(w, role, conf):
    body = _json(w, role, f"/api/v1/complaints/{w.dispatched[conf]}")
    return None if body is None else json_text(body)


def api_list(w, role, conf):
    body = _json(w, role, "/api/v1/complaints?limit=200")
    return None if body is None else _item(body["items"], w.dispatched[conf])


def api_queue(w, role, conf):
    body = _json(w, role, "/api/v1/complaints?limit=200&status=received,need_info,returned")
    return None if body is None else _item(body["items"], w.waiting[conf])


def api_related(w, role, conf):
    body = _json(w, role, f"/api/v1/complaints/{w.probe}/related?limit=50&window_days=365")
    return None if body is None else _item(body["items"], w.dispatched[conf])


def api_cluster(w, role, conf):
    body = _json(w, role, f"/api/v1/clusters/{w.cluster[conf]}")
    return None if body is None else _item(body["members"], w.dispatched[conf])


def api_hoaxes(w, role, conf):
    body = _json(w, role, "/api/v1/hoaxes?status=confirmed&limit=200")
    return None if body is None else _item(body["items"], w.hoax[conf])


def _open311(w: World, tid: str, key: str | None) -> str | None:
    query = f"?api_key={key}" if key else ""
    resp = w.api.get(f"/open311/v2/requests/{tid}.json{query}")
    if resp.status_code in (403, 404):
        return None
    assert resp.status_code == 200, (tid, resp.status_code)
    return json_text(resp.json)


def open311_public(w, role, conf):
    return _open311(w, w.dispatched[conf], None)


def api_created(w, role, conf):
    """Intake's 201 answer, which only the submitting system reads: a suggestion and the confidentiality
    hint (kinds of personal data, never their values), not the report's words."""
    if role != "api_key":
        return None
    answer = w.created[conf]
    assert answer["confidentiality"] == conf
    if conf != "secret":  # the seeded text reports pungli and holds a NIK: a stricter level is hinted
        assert answer["confidentiality_hint"]["level"] == "secret", answer["confidentiality_hint"]
    return json_text(answer)


def open311_key(w, role, conf):
    if role != "api_key":  # the surface is "the submitting system's key"; other callers are open311.public
        return None
    return _open311(w, w.dispatched[conf], w.headers["api_key"]["Authorization"].removeprefix("Bearer "))


def _page(w: World, role: str, path: str) -> str | None:
    client = w.consoles[role]
    resp = client.get(path, headers=w.headers[role] if role == "api_key" else {})
    if resp.status_code in (302, 401, 403, 404):  # 401: pages outside /console (monitoring) ask for Basic
        if resp.status_code == 302:
            assert "/console/masuk" in resp.headers["Location"]
        return None
    assert resp.status_code == 200, (path, role, resp.status_code)
    return resp.get_data(as_text=True)


def console_queue(w, role, conf):
    html = _page(w, role, "/console/antrian")
    return None if html is None else html_row(html, w.waiting[conf])


def console_complaint(w, role, conf):
    html = _page(w, role, f"/console/aduan/{w.dispatched[conf]}")
    if html is None:
        return None
    # the related panel shows other complaints: it is a surface of its own (console.related)
    return html.replace(html_section(html, "Aduan serupa sebelumnya") or "", "")


def console_related(w, role, conf):
    html = _page(w, role, f"/console/aduan/{w.probe}")
    return None if html is None else html_row(html_section(html, "Aduan serupa sebelumnya") or "", w.dispatched[conf])


def console_hoaxes(w, role, conf):
    return _page(w, role, "/console/hoaks?status=all")


def console_officer_queue(w, role, conf):
    html = _page(w, role, "/console/petugas")
    return None if html is None else html_row(html, w.dispatched[conf])


def console_officer_complaint(w, role, conf):
    return _page(w, role, f"/console/petugas/aduan/{w.dispatched[conf]}")


def _export(w: World, name: str, include_secret: bool, conf: str) -> str | None:
    from api.training_data import export_decisions, write_rows

    with extensions.sessionmaker(w.app)() as s:
        result = export_decisions(s, include_secret=include_secret)
    path = write_rows(result.rows, w.tmp / name)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        lines = [line for line in csv_text(text).splitlines() if line.startswith(w.dispatched[conf] + " |")]
    else:
        lines = [line for line in text.splitlines() if json.loads(line)["id"] == w.dispatched[conf]]
    return "\n".join(lines) or None


def export_csv(w, role, conf):
    return _export(w, "training.csv", False, conf)


def export_jsonl(w, role, conf):
    return _export(w, "training.jsonl", False, conf)


def export_csv_secret(w, role, conf):
    return _export(w, "training-all.csv", True, conf)


def _body(w: World, role: str, path: str) -> bytes | None:
    resp = w.api.get(path, headers=w.headers[role])
    if resp.status_code in (401, 403):
        return None
    assert resp.status_code == 200, (path, role, resp.status_code)
    return resp.get_data()


def reports_json(w, role, conf):
    body = _body(w, role, "/reports/performance.json")
    return None if body is None else body.decode()


def reports_csv(w, role, conf):
    body = _body(w, role, "/reports/performance.csv")
    return None if body is None else body.decode("utf-8-sig")


def reports_xlsx(w, role, conf):
    from openpyxl import load_workbook

    body = _body(w, role, "/reports/performance.xlsx")
    if body is None:
        return None
    wb = load_workbook(io.BytesIO(body))
    return "\n".join(str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)


def reports_page(w, role, conf):
    body = _body(w, role, "/reports/performance")
    return None if body is None else body.decode()


def reports_monthly(w, role, conf):
    body = _body(w, role, "/reports/monthly")
    return None if body is None else body.decode()


def api_monitoring(w, role, conf):
    body = _json(w, role, "/api/v1/monitoring")
    return None if body is None else json_text(body)


def console_monitoring(w, role, conf):
    return _page(w, role, "/monitoring")


def api_learning(w, role, conf):
    body = _json(w, role, "/api/v1/learning")
    return None if body is None else json_text(body)


def console_learning(w, role, conf):
    return _page(w, role, "/console/pembelajaran")


def metrics(w, role, conf):
    """The page without its samples' values: a duration such as 0.03880002100004276 holds the digits of a
    piece of a NIK by chance (it failed a run once). Names, labels and help texts are what could carry
    personal data, and they are all kept."""
    body = _body(w, role, "/metrics")
    if body is None:
        return None
    return "\n".join(line if line.startswith("#") else line.rsplit(" ", 1)[0] for line in body.decode().splitlines())


def logs(w, role, conf):
    assert any("/api/v1/complaints" in line for line in w.logs.lines), "the access log was not captured"
    return "\n".join(w.logs.lines)


FETCHERS = {f.__name__: f for f in (
    api_detail, api_created, api_list, api_queue, api_related, api_cluster, api_hoaxes, console_queue, console_hoaxes,
    console_complaint, console_related,
    console_officer_queue, console_officer_complaint, export_csv, export_jsonl, export_csv_secret, reports_json,
    reports_csv, reports_xlsx, reports_page, reports_monthly, api_monitoring, console_monitoring, api_learning,
    console_learning, metrics, logs, open311_public, open311_key)}


# -- the cells -----------------------------------------------------------------------------------------

def _others(conf: str):
    return [IDENTITIES[c] for c in CONFIDENTIALITIES if c != conf]


@pytest.mark.parametrize("surface,role,conf", cells(), ids=["-".join(c) for c in cells()])
def test_leak_matrix(world, surface, role, conf):
    s = BY_NAME[surface]
    levels = s.levels(role, conf)
    fragment = FETCHERS[s.fetch](world, role, conf)
    ident = IDENTITIES[conf]
    if s.reach is not None and role not in s.reach:
        assert fragment is None, f"{role} reaches {surface}"
        return
    if fragment is None:
        assert s.parts and all(v == H for v in levels.values()), f"{surface}: nothing for {role} on a {conf} report"
        return
    for part, lvl in levels.items():
        p = PARTS[part]
        if lvl == H:
            assert not p.marker or p.marker not in fragment, f"{part} shows where it is hidden"
            continue
        if p.marker:
            assert p.marker in fragment, f"{part} missing"
        if lvl == R:
            for attr in p.raw:
                assert getattr(ident, attr) in fragment, f"{part}: raw {attr} missing"
        else:
            for token in p.placeholders:
                assert token in fragment, f"{part}: placeholder {token} missing"
    if R not in levels.values():
        for value in ident.raw_values():
            assert value not in fragment, f"{surface} shows {value!r} to {role} ({conf})"
    if not s.parts:  # a whole page or file, not one complaint's share: nothing of any report
        for other in IDENTITIES.values():
            for value in other.raw_values():
                assert value not in fragment, f"{surface} shows {value!r}"
        for p in PARTS.values():
            assert not p.marker or p.marker not in fragment, f"{surface} shows a complaint's words"
    else:  # one complaint's share never holds another's identity
        for other in _others(conf):
            for value in other.raw_values():
                assert value not in fragment, f"{surface} shows another report's {value!r}"


def test_the_matrix_covers_every_role_confidentiality_and_surface():
    got = cells()
    assert len(got) == len(set(got))
    per_role = [s for s in BY_NAME.values() if s.reach is not None]
    assert len(got) == 3 * (7 * len(per_role) + len(BY_NAME) - len(per_role))
    assert set(FETCHERS) == {s.fetch for s in BY_NAME.values()}
