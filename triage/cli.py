"""The ``triage`` command.

Sub-commands are plugged in through the ``triage.commands`` entry-point group
(see pyproject.toml), so this library does not import the service or the
training pipelines; ``classify`` lives here because it needs only a bundle.
"""

from __future__ import annotations

import json
import logging
import sys
from importlib.metadata import entry_points
from pathlib import Path

import click

from triage import __version__


class PluginGroup(click.Group):
    """Finds sub-commands in the ``triage.commands`` entry points, loading each only when used."""

    def _eps(self):
        return {ep.name: ep for ep in entry_points(group="triage.commands")}

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self._eps()))

    def get_command(self, ctx, name):
        cmd = super().get_command(ctx, name)
        if cmd is not None:
            return cmd
        ep = self._eps().get(name)
        return ep.load() if ep is not None else None


@click.group(cls=PluginGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="triage")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details.")
def main(verbose: bool) -> None:
    """triage: suggestions for routing Indonesian public-service complaints."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not verbose:
        quiet_libraries()


def quiet_libraries() -> None:
    """Keep the libraries' own logs and progress bars out of the commands' output (our progress bars stay).
    Set before the libraries are imported by a sub-command; -v leaves them as they are."""
    import os

    for name, value in (("TRANSFORMERS_VERBOSITY", "error"), ("HF_DATASETS_DISABLE_PROGRESS_BARS", "1"),
                        ("HF_HUB_DISABLE_PROGRESS_BARS", "1"), ("TOKENIZERS_PARALLELISM", "false"),
                        ("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")):
        os.environ.setdefault(name, value)
    for name in ("transformers", "sentence_transformers", "datasets", "huggingface_hub", "accelerate"):
        logging.getLogger(name).setLevel(logging.ERROR)


@click.command()
@click.argument("text", required=False)
@click.option("--file", "file_", type=click.Path(dir_okay=False, path_type=Path),
              help="Classify each non-empty line of this file (or '-' for standard input).")
@click.option("--model", "model_path", default="models/default", show_default=True,
              type=click.Path(path_type=Path), help="Model bundle directory.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a readable summary.")
def classify(text: str | None, file_: Path | None, model_path: Path, as_json: bool) -> None:
    """Suggest a disposition for TEXT (or for each line of --file)."""
    from triage.bundle import BundleError, load_bundle
    from triage.suggest import Suggester

    if (text is None) == (file_ is None):
        raise click.UsageError("give either TEXT or --file")
    if file_ is not None:
        try:
            raw = sys.stdin.read() if str(file_) == "-" else file_.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise click.ClickException(f"{file_}: cannot read ({exc})") from None
        texts = [line for line in raw.splitlines() if line.strip()]
        if not texts:
            raise click.ClickException(f"{file_}: no non-empty lines to classify")
    else:
        texts = [text]
    try:
        suggester = Suggester(load_bundle(model_path))
    except BundleError as exc:
        raise click.ClickException(str(exc)) from None
    for t, s in zip(texts, suggester.suggest(texts), strict=True):
        if as_json:
            click.echo(json.dumps(s.to_dict(), ensure_ascii=False))
            continue
        click.echo(click.style(t[:100], bold=True))
        for name in ("agency", "category", "classification"):
            h = getattr(s, name)
            if h is not None:
                cands = ", ".join(f"{c.label} {c.probability:.0%}" for c in h.candidates[:3])
                click.echo(f"  {name:<15} [{h.band}] {cands}")
        if s.hoax is not None:
            click.echo(f"  {'hoax':<15} [{s.hoax.band}] {s.hoax.probability:.0%}"
                       + (f" ({'; '.join(s.hoax.reasons[:3])})" if s.hoax.reasons else ""))
        if s.explanation:
            click.echo("  words          " + ", ".join(e["term"] for e in s.explanation))
