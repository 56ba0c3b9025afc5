"""`triage agencies`: the agency directory from the command line: import and export it, draft it from a
LAPOR! export, see its history; restructuring (merge, rename, split)."""

from __future__ import annotations

import datetime as dt

import click

from api.cli import actor, fail, open_session


@click.group()
def agencies() -> None:
    """The agency directory: import, export, from-lapor, history, types; merge, rename, split."""


MAX_PROBLEMS_SHOWN = 50


def _invalid(exc) -> None:
    """Every problem of an invalid directory, one per line, then the command fails (nothing was written)."""
    for p in exc.problems[:MAX_PROBLEMS_SHOWN]:
        click.echo(p.text(exc.source), err=True)
    if len(exc.problems) > MAX_PROBLEMS_SHOWN:
        click.echo(f"... dan {len(exc.problems) - MAX_PROBLEMS_SHOWN} masalah lain", err=True)
    raise click.ClickException(f"{len(exc.problems)} masalah; tidak ada yang diimpor")


def _report(result, dry_run: bool) -> None:
    from api.agencies.directory import describe

    for c in result.changed:
        click.echo(describe(c))
    counts = {a: result.count(a) for a in ("create", "update", "reactivate", "deactivate", "unchanged")}
    summary = (f"{counts['create']} baru, {counts['update'] + counts['reactivate']} diubah, "
               f"{counts['deactivate']} dinonaktifkan, {counts['unchanged']} tidak berubah")
    if not result.changed:
        click.echo(f"Tidak ada perubahan: direktori sudah sama dengan berkas ({summary}).")
    elif dry_run:
        click.echo(f"Percobaan (--dry-run), tidak ada yang disimpan: {summary}.")
    else:
        click.echo(f"Disimpan: {summary}.")


@agencies.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check and show the changes without saving them.")
@click.option("--deactivate-missing", is_flag=True,
              help="Deactivate active agencies that are not in the file (default: leave them as they are).")
def agencies_import(file, dry_run, deactivate_missing):
    """Create or update agencies from FILE (CSV, XLSX or JSON).

    Columns: code, name, aliases, parent, type, deadline_days (or deadline), keywords, description, active
    (lists separated by '|'). Every row is checked first; if any row is invalid nothing is imported and
    each problem is printed with its file, row and column. Running it again changes nothing.
    """
    from pathlib import Path

    from api.agencies.directory import DirectoryInvalid, apply_items
    from api.agencies.files import load_items

    if not Path(file).is_file():
        raise click.ClickException(f"{file}: berkas tidak ada")
    try:
        items, ignored = load_items(file)
    except DirectoryInvalid as exc:
        _invalid(exc)
    if ignored:
        click.echo(f"Kolom diabaikan: {', '.join(ignored)}", err=True)
    with open_session() as s:
        try:
            result = apply_items(s, items, actor=actor(), source=f"import:{Path(file).name}", dry_run=dry_run,
                                 deactivate_missing=deactivate_missing)
        except DirectoryInvalid as exc:
            exc.source = file
            _invalid(exc)
    _report(result, dry_run)


@agencies.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json"]), default=None,
              help="Default: from --out's suffix, else csv.")
@click.option("--out", type=click.Path(dir_okay=False), help="File to write (default: standard output; "
              "xlsx needs --out).")
def agencies_export(fmt, out):
    """Write the directory (inactive agencies too) in the format `triage agencies import` reads."""
    from pathlib import Path

    from api.agencies.directory import export_items
    from api.agencies.files import write_items

    fmt = fmt or (Path(out).suffix.lower().lstrip(".") if out else "csv")
    if fmt not in ("csv", "xlsx", "json"):
        raise click.BadParameter(f"cannot tell the format from {out!r}: give --format", param_hint="--format")
    if fmt == "xlsx" and not out:
        raise click.BadParameter("xlsx is written to a file: give --out", param_hint="--out")
    with open_session() as s:
        rows = export_items(s)
    data = write_items(rows, fmt, out)
    if out:
        click.echo(f"{len(rows)} instansi ditulis ke {out}", err=True)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@agencies.command("from-lapor")
@click.argument("export", type=click.Path(dir_okay=False))
@click.option("--apply", "apply_", is_flag=True, help="Write the draft into the directory (default: only show it).")
@click.option("--office", help="The office's place, e.g. 'Kabupaten Bandung' (default: the office's short name "
              "from `triage setup`, else the most common instansi_induk); left out when names are compared.")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Also write the draft as a directory file (.csv, .xlsx, .json) to edit and `import`.")
def agencies_from_lapor(export, apply_, office, out):
    """Draft the agency directory from the agency names (dinas_tujuan, instansi_induk) of a LAPOR! EXPORT.

    Spellings of one agency are merged into one agency with aliases; kecamatan, kelurahan and desa get
    their type; codes are generated; placeholders such as 'Tidak Diketahui' are left out. Prints the draft
    for review; --apply writes it through the same checks as `triage agencies import` (agencies already
    in the directory only gain aliases; the shipped demo agencies nobody changed are deactivated).
    """
    from pathlib import Path

    from api.agencies import from_lapor
    from api.agencies.directory import DirectoryInvalid, apply_items
    from api.agencies.files import write_items

    if not Path(export).is_file():
        raise click.ClickException(f"{export}: berkas tidak ada")
    if office is None:
        from api.office.service import identity

        with open_session() as s:
            who = identity(s)
        office = None if who.demo else who.short_name  # the demo kabupaten is nobody's place
    try:
        d = from_lapor.draft(export, office=office)
    except from_lapor.ExportError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(from_lapor.render(d))
    if out:
        fmt = Path(out).suffix.lower().lstrip(".")
        if fmt not in ("csv", "xlsx", "json"):
            raise click.BadParameter("use a .csv, .xlsx or .json file", param_hint="--out")
        write_items([a.to_schema() for a in d.agencies], fmt, out)
        click.echo(f"Draf ditulis ke {out}: sunting lalu `triage agencies import {out}`.")
    if not apply_:
        click.echo("Belum disimpan. Periksa draf, lalu jalankan lagi dengan --apply.")
        return
    with open_session() as s:
        items, replaced = from_lapor.items_for(s, d)
        try:
            result = apply_items(s, items, actor=actor(), source=f"from-lapor:{Path(export).name}",
                                 deactivate=replaced)
        except DirectoryInvalid as exc:
            exc.source = export
            _invalid(exc)
    if replaced:
        click.echo(f"Direktori contoh (kabupaten fiktif) dinonaktifkan: {len(replaced)} instansi.")
    _report(result, False)


@agencies.command("history")
@click.argument("code", required=False)
@click.option("--limit", default=50, show_default=True)
def agencies_history(code, limit):
    """Changes to the directory, newest first (all agencies, or one CODE)."""
    import json

    from api.agencies.directory import history

    with open_session() as s:
        for h in history(s, code, limit):
            click.echo(f"{h.at:%Y-%m-%d %H:%M}\t{h.agency_code}\t{h.action}\t{h.actor}\t{h.source}\t"
                       f"{json.dumps(h.changes, ensure_ascii=False)}")


@agencies.command("types")
def agencies_types():
    """The agency types the `type` column accepts (triage/data/agency_types.yaml)."""
    from triage.routing.agency_types import load_agency_types

    for code, t in load_agency_types().types.items():
        click.echo(f"{code}\t{t.label}")


def _restructure_options(f):
    f = click.option("--reason", required=True, help="e.g. the regulation (Perda No. ...)")(f)
    f = click.option("--effective", default=lambda: dt.date.today().isoformat(), show_default="today",
                     help="Effective date (YYYY-MM-DD).")(f)
    return f


def _run(fn, *args, **kwargs):
    from api.services.errors import ServiceError

    with open_session() as s:
        try:
            kwargs["effective"] = dt.date.fromisoformat(kwargs["effective"])
            rows = fn(s, *args, actor=actor(), **kwargs)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--effective") from None
        except ServiceError as exc:
            fail(exc)
        for r in rows:
            click.echo(f"{r.kind}: {r.old_code} -> {r.new_code} from {r.effective_date}")


@agencies.command("merge")
@click.argument("old", nargs=-1, required=True)
@click.option("--into", required=True, help="The agency they become (created if --name is given).")
@click.option("--name", help="Name of the new agency when it does not exist yet.")
@_restructure_options
def agencies_merge(old, into, name, effective, reason):
    from api.agencies import restructure

    _run(restructure.merge, list(old), into, name=name, effective=effective, reason=reason)


@agencies.command("rename")
@click.argument("old")
@click.argument("new")
@click.option("--name", help="New name (default: the old one).")
@_restructure_options
def agencies_rename(old, new, name, effective, reason):
    from api.agencies import restructure

    _run(restructure.rename, old, new, name=name, effective=effective, reason=reason)


@agencies.command("split")
@click.argument("old")
@click.option("--into", multiple=True, required=True, help="A new agency code (repeat).")
@click.option("--name", "names", multiple=True, help="Names of the new agencies, in --into order.")
@_restructure_options
def agencies_split(old, into, names, effective, reason):
    from api.agencies import restructure

    _run(restructure.split, old, list(into), names=list(names), effective=effective, reason=reason)


@agencies.command("mappings")
def agencies_mappings():
    """The mapping table."""
    from api.agencies import restructure

    with open_session() as s:
        for m in restructure.mappings(s):
            click.echo(f"{m.kind}\t{m.old_code}\t{m.new_code}\t{m.effective_date}\t{m.actor}\t{m.reason}")
