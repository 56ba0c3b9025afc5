"""`triage jobs`: queue jobs, list and show them, run a worker, requeue the jobs of dead workers."""

from __future__ import annotations

import json

import click

from api.cli import actor, open_session


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
@click.argument("kind", type=click.Choice(["reclassify", "retrain", "monitoring", "learning_refit", "sleep"]))
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="retrain: name, encoder, seed (repeat), recency_half_life; reclassify: limit; sleep: steps, seconds")
def jobs_enqueue(kind: str, params: tuple[str, ...]) -> None:
    """Queue a job for the workers (`triage jobs worker`)."""
    from api import jobs as jobmod

    if not jobmod.redis_available():
        raise click.ClickException(f"Redis is not reachable at {jobmod.redis_url()} (TRIAGE_REDIS_URL)")
    with open_session() as s:
        job = jobmod.enqueue(s, kind, _params(params), actor=actor())
    click.echo(f"job {job.id} ({kind}) queued")


@jobs.command("list")
@click.option("--limit", default=20, show_default=True)
def jobs_list(limit: int) -> None:
    from api import jobs as jobmod

    with open_session() as s:
        for j in jobmod.recent(s, limit):
            click.echo(f"{j.id}\t{j.kind}\t{j.status}\t{100 * j.progress:.0f}%\tattempts {j.attempts}\t"
                       f"{j.created_at:%Y-%m-%d %H:%M}\t{j.message or ''}")


@jobs.command("show")
@click.argument("job_id", type=int)
def jobs_show(job_id: int) -> None:
    from api import jobs as jobmod

    with open_session() as s:
        job = jobmod.get(s, job_id)
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

    with open_session() as s:
        ids = jobmod.requeue_stale(s)
    click.echo(f"requeued {len(ids)} job(s)" + (f": {', '.join(map(str, ids))}" if ids else ""))
