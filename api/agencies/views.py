"""Agency directory views: `GET /api/v1/agencies` and the console's agency overview (`/console/instansi`)."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, jsonify, render_template

from api import auth, db
from api.agencies.service import list_agencies
from api.agencies.stats import agency_stats
from api.workflow import Role

api_bp = Blueprint("agencies", __name__)
console_bp = Blueprint("agencies", __name__, template_folder="templates")

ANY_ROLE = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST, Role.AGENCY_OFFICER, Role.SYSTEM)
OVERVIEW_READERS = (Role.VERIFIER, Role.ADMIN, Role.DATA_SCIENTIST)


def agency_json(a) -> dict:
    return {"code": a.code, "name": a.name, "aliases": a.aliases or [], "parent": a.parent, "kind": a.kind,
            "deadline_days": a.deadline_days, "active": a.active}


@api_bp.get("/agencies")
@auth.roles(*ANY_ROLE)
def agencies():
    return jsonify(items=[agency_json(a) for a in list_agencies(db.session())])


@console_bp.get("/instansi")
@auth.roles(*OVERVIEW_READERS)
def overview():
    rows = agency_stats(db.session())
    return render_template("agencies/overview.html", rows=rows,
                           totals={k: sum(getattr(r, k) for r in rows) for k in ("open", "overdue", "closed", "returned")},
                           now=dt.datetime.now(dt.UTC))
