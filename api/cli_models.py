"""`triage export | models | agencies | jobs`: learning from verifiers (issue 6).

Plugged into the root `triage` command by entry points, like api/cli.py.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from pathlib import Path

import click

from api.cli import _fail, _session, _settings


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in some containers
        return "cli"


def _date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        d = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return d if d.tzinfo else d.replace(tzinfo=dt.UTC)


@click.command("export")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="FILE.csv or FILE.jsonl")
@click.option("--since", help="Only decisions made after this date (YYYY-MM-DD).")
@click.option("--include-secret", is_flag=True, help="Also export the text of `secret` reports (masked).")
def export(out: Path, since: str | None, include_secret: bool) -> None:
    """Write verifiers' decisions (latest effective human decision per complaint) as a dataset."""
    from api.export import export_decisions, write_rows

    if out.suffix.lower() not in (".csv", ".jsonl", ".ndjson"):
        raise click.BadParameter("use a .csv or .jsonl file name", param_hint="--out")
    with _session() as s:
        result = export_decisions(s, since=_date(since), include_secret=include_secret)
    write_rows(result.rows, out)
    click.echo(f"wrote {len(result.rows)} decisions to {out}")
    for k, v in sorted(result.stats.items()):
        if k != "rows" and v:
            click.echo(f"  {k.replace('_', ' ')}: {v}", err=True)


# -- models -----------------------------------------------------------------------------------------

@click.group()
def models() -> None:
    """Model registry: list, activate (with a safety comparison), rollback, compare."""


def _fmt(m: dict | None, key: str) -> str:
    v = (m or {}).get(key)
    return f"{v:.3f}" if isinstance(v, int | float) else "-"


@models.command("list")
def models_list() -> None:
    """Register the bundles in the models directory and list them with their test metrics."""
    from api.services import registry

    with _session() as s:
        entries = registry.scan(s, _settings()["MODELS_DIR"])
        current = registry.active(s)
        click.echo("active\tname\tversion\tagency macro-F1\tcoverage@95\tdata until")
        for e in entries:
            test = ((e.metrics or {}).get("test") or {}).get("agency")
            mark = "*" if current and current.entry_id == e.id else ""
            click.echo(f"{mark}\t{e.name}\t{e.version}\t{_fmt(test, 'macro_f1')}\t{_fmt(test, 'coverage_at_95')}\t"
                       f"{(e.training or {}).get('data_until') or '-'}")
        if current is None:
            click.echo("no model activated through the registry: the service uses TRIAGE_MODEL / models/default",
                       err=True)


@models.command("activate")
@click.argument("name")
@click.option("--force", is_flag=True, help="Activate even if the comparison says it is worse.")
@click.option("--reason", help="Why (required with --force; kept in the activation log).")
@click.option("--min-rows", default=30, show_default=True, help="Recent decisions needed for the comparison.")
def models_activate(name: str, force: bool, reason: str | None, min_rows: int) -> None:
    """Make NAME the active model of every worker (within TRIAGE_MODEL_CHECK_SECONDS)."""
    from api.services import registry
    from api.services.errors import ServiceError

    with _session() as s:
        try:
            row = registry.activate(s, name, actor=_actor(), models_dir=_settings()["MODELS_DIR"], force=force,
                                    reason=reason, min_rows=min_rows)
        except registry.Refused as exc:
            _print_comparison((exc.details or {}).get("comparison") or {})
            _fail(exc)
        except ServiceError as exc:
            _fail(exc)
        if row.comparison:
            _print_comparison(row.comparison)
        click.echo(f"activated {row.entry.name} ({row.entry.version})" + (" [forced]" if row.forced else ""))


@models.command("rollback")
@click.option("--reason", help="Why (kept in the activation log).")
def models_rollback(reason: str | None) -> None:
    """Go back to the model active before the current one."""
    from api.services import registry
    from api.services.errors import ServiceError

    with _session() as s:
        try:
            row = registry.rollback(s, actor=_actor(), reason=reason)
        except ServiceError as exc:
            _fail(exc)
        click.echo(f"rolled back to {row.entry.name} ({row.entry.version})")


@models.command("compare")
@click.argument("candidate")
@click.option("--min-rows", default=30, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def models_compare(candidate: str, min_rows: int, as_json: bool) -> None:
    """Score CANDIDATE and the active model on recent decisions neither trained on."""
    from api.services import registry
    from api.services.errors import ServiceError

    with _session() as s:
        try:
            entry = registry.resolve(s, candidate, _settings()["MODELS_DIR"])
            current = registry.active(s)
            if current is None:
                raise click.ClickException("no active model in the registry: `triage models activate NAME` first")
            result = registry.compare(s, entry, current.entry, min_rows)
            s.commit()
        except ServiceError as exc:
            _fail(exc)
    click.echo(json.dumps(result, indent=2)) if as_json else _print_comparison(result)


def _print_comparison(c: dict) -> None:
    if not c:
        return
    click.echo(f"decisions after {c.get('since')}: {c.get('rows')}")
    for key in ("active", "candidate"):
        m = c.get(key) or {}
        click.echo(f"  {key:9} {m.get('version')}: macro-F1 {_fmt(m, 'macro_f1')}, "
                   f"coverage@95 {_fmt(m, 'coverage_at_95')}, accuracy {_fmt(m, 'accuracy')}")
    click.echo(f"  verdict: {c.get('message')}")


@models.command("log")
def models_log() -> None:
    """The activation log, newest first."""
    from api.services import registry

    with _session() as s:
        for a in registry.history(s):
            click.echo(f"{a.at:%Y-%m-%d %H:%M}\t{a.action}{' (forced)' if a.forced else ''}\t{a.entry.version}\t"
                       f"{a.actor}\t{a.reason or ''}")


# -- agencies ---------------------------------------------------------------------------------------

@click.group()
def agencies() -> None:
    """Agency restructuring: merge, rename, split (relabels past decisions for training)."""


def _restructure_options(f):
    f = click.option("--reason", required=True, help="e.g. the regulation (Perda No. ...)")(f)
    f = click.option("--effective", default=lambda: dt.date.today().isoformat(), show_default="today",
                     help="Effective date (YYYY-MM-DD).")(f)
    return f


def _run(fn, *args, **kwargs):
    from api.services.errors import ServiceError

    with _session() as s:
        try:
            kwargs["effective"] = dt.date.fromisoformat(kwargs["effective"])
            rows = fn(s, *args, actor=_actor(), **kwargs)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--effective") from None
        except ServiceError as exc:
            _fail(exc)
        for r in rows:
            click.echo(f"{r.kind}: {r.old_code} -> {r.new_code} from {r.effective_date}")


@agencies.command("merge")
@click.argument("old", nargs=-1, required=True)
@click.option("--into", required=True, help="The agency they become (created if --name is given).")
@click.option("--name", help="Name of the new agency when it does not exist yet.")
@_restructure_options
def agencies_merge(old, into, name, effective, reason):
    from api.services import restructure

    _run(restructure.merge, list(old), into, name=name, effective=effective, reason=reason)


@agencies.command("rename")
@click.argument("old")
@click.argument("new")
@click.option("--name", help="New name (default: the old one).")
@_restructure_options
def agencies_rename(old, new, name, effective, reason):
    from api.services import restructure

    _run(restructure.rename, old, new, name=name, effective=effective, reason=reason)


@agencies.command("split")
@click.argument("old")
@click.option("--into", multiple=True, required=True, help="A new agency code (repeat).")
@click.option("--name", "names", multiple=True, help="Names of the new agencies, in --into order.")
@_restructure_options
def agencies_split(old, into, names, effective, reason):
    from api.services import restructure

    _run(restructure.split, old, list(into), names=list(names), effective=effective, reason=reason)


@agencies.command("mappings")
def agencies_mappings():
    """The mapping table."""
    from api.services import restructure

    with _session() as s:
        for m in restructure.mappings(s):
            click.echo(f"{m.kind}\t{m.old_code}\t{m.new_code}\t{m.effective_date}\t{m.actor}\t{m.reason}")


# -- jobs -------------------------------------------------------------------------------------------

@click.group()
def jobs() -> None:
    """Background jobs (retraining, batch re-classification) on RQ + Redis."""


def _params(items: tuple[str, ...]) -> dict:
    out: dict = {}
    for item in items:
        if "=" not in item:
            raise click.BadParameter(f"{item!r}: use KEY=VALUE", param_hint="--param")
        k, v = item.split("=", 1)
        if k == "seed":
            out.setdefault("seed", []).append(v)
        else:
            out[k] = int(v) if v.isdigit() else v
    return out


@jobs.command("enqueue")
@click.argument("kind", type=click.Choice(["reclassify", "retrain", "monitoring", "sleep"]))
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="retrain: name, encoder, seed (repeat), recency_half_life; reclassify: limit; sleep: steps, seconds")
def jobs_enqueue(kind: str, params: tuple[str, ...]) -> None:
    """Queue a job for the workers (`triage jobs worker`)."""
    from api import jobs as jobmod

    if not jobmod.redis_available():
        raise click.ClickException(f"Redis is not reachable at {jobmod.redis_url()} (TRIAGE_REDIS_URL)")
    with _session() as s:
        job = jobmod.enqueue(s, kind, _params(params), actor=_actor())
    click.echo(f"job {job.id} ({kind}) queued")


@jobs.command("list")
@click.option("--limit", default=20, show_default=True)
def jobs_list(limit: int) -> None:
    from sqlalchemy import select

    from api.models import JobRecord

    with _session() as s:
        for j in s.scalars(select(JobRecord).order_by(JobRecord.id.desc()).limit(limit)):
            click.echo(f"{j.id}\t{j.kind}\t{j.status}\t{100 * j.progress:.0f}%\tattempts {j.attempts}\t"
                       f"{j.created_at:%Y-%m-%d %H:%M}\t{j.message or ''}")


@jobs.command("show")
@click.argument("job_id", type=int)
def jobs_show(job_id: int) -> None:
    from api import jobs as jobmod
    from api.models import JobRecord

    with _session() as s:
        job = s.get(JobRecord, job_id)
        if job is None:
            raise click.ClickException(f"no job {job_id}")
        click.echo(json.dumps(jobmod.to_dict(job), indent=2, ensure_ascii=False, default=str))


@jobs.command("worker")
@click.option("--burst", is_flag=True, help="Exit when the queue is empty.")
def jobs_worker(burst: bool) -> None:
    """Run a worker (several may run, on several machines sharing the database and Redis)."""
    import logging

    from api.jobs.worker import work

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    work(burst=burst)


@jobs.command("requeue")
def jobs_requeue() -> None:
    """Deliver again the jobs of dead workers (lease expired) and jobs Redis lost; for cron."""
    from api import jobs as jobmod

    with _session() as s:
        ids = jobmod.requeue_stale(s)
    click.echo(f"requeued {len(ids)} job(s)" + (f": {', '.join(map(str, ids))}" if ids else ""))
