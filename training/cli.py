"""``triage train``, ``triage evaluate`` and ``triage benchmark`` (plugged into the root command)."""

from __future__ import annotations

import json
import logging
import os
import shlex
from pathlib import Path

import click

from training import paths
from training.datasets import DataError, load_labelled
from triage.bundle import BundleError, load_bundle, write_metrics
from triage.model import DEFAULT_ENCODER, HEAD_NAMES

log = logging.getLogger(__name__)

HEAD_CHOICE = click.Choice(HEAD_NAMES)


def _label_columns(head: str, label_column: str, also: tuple[str, ...]) -> dict[str, str]:
    cols = {head: label_column}
    for item in also:
        if "=" not in item:
            raise click.BadParameter(f"{item!r}: use HEAD=COLUMN, e.g. category=kategori", param_hint="--also")
        h, c = item.split("=", 1)
        if h not in HEAD_NAMES:
            raise click.BadParameter(f"unknown head {h!r}; heads are {', '.join(HEAD_NAMES)}", param_hint="--also")
        cols[h] = c
    return cols


def _load(path, text_column, columns, title_column, date_column):
    try:
        return load_labelled(path, text_column, columns, title_column=title_column, date_column=date_column)
    except DataError as exc:
        raise click.ClickException(str(exc)) from None


def _command_line() -> str:
    """The command as typed, rebuilt from the parsed options (recorded in bundle.json)."""
    ctx = click.get_current_context()
    parts = ["triage", ctx.info_name or "train"]
    for name, value in ctx.params.items():
        flag = "--" + name.replace("_", "-")
        if value in (None, False, ()):
            continue
        if value is True:
            parts.append(flag)
        elif isinstance(value, tuple):
            parts += [x for v in value for x in (flag, shlex.quote(str(v)))]
        else:
            parts += [flag, shlex.quote(str(value))]
    return " ".join(parts)


def _progress_bar(total: int, desc: str):
    from tqdm.auto import tqdm

    bar = tqdm(total=total, desc=desc, unit="step")

    def step(msg: str) -> None:
        bar.set_postfix_str(msg[:60])
        bar.update(1)

    return bar, step


def check_out(out: Path, overwrite: bool) -> None:
    """Refuse a bundle directory we may not write before any data is read or anything trained."""
    if out.exists() and not out.is_dir():
        raise click.ClickException(f"--out {out} is a file, not a bundle directory; choose another --out")
    if out.exists() and not overwrite:
        raise click.ClickException(f"--out {out} already exists; choose another --out or pass --overwrite "
                                   "(nothing was trained)")
    parent = next((p for p in (out.parent, *out.parent.parents) if p.exists()), Path("."))
    if not os.access(parent, os.W_OK):
        raise click.ClickException(f"--out {out}: cannot write in {parent}; choose another --out")


def describe_bands(head: str, n_labels: int, th: dict) -> str:
    """The decision bands of a head in words (a threshold above 1 means no confidence qualifies)."""
    target = th.get("target_precision", 0.95)
    review_target = th.get("review_top3", 0.90)
    if th["auto"] > 1.0:
        auto = (f"no confidence level reaches {target:.0%} precision on the validation reports, so no {head} "
                f"suggestion will be pre-filled: a verifier reviews every one")
    else:
        share = th.get("validation_auto_share")
        auto = (f"suggestions with confidence {th['auto']:.2f} or more were right {target:.0%} of the time and "
                f"will be pre-filled" + (f" ({share:.0%} of validation reports)" if share is not None else ""))
    if th["review"] > 1.0:
        review = f"below that the right {head} was not reliably among the top 3: the verifier chooses unaided"
    elif th["review"] < th["auto"]:
        review = (f"from {th['review']:.2f} the top 3 held the answer {review_target:.0%} of the time "
                  f"(shown for review); below that, manual")
    else:
        review = "below that, manual"
    return f"  {head}: {n_labels} labels; {auto}; {review}"


def _data_options(required: bool = True) -> list:
    return [
        click.option("--text-column", required=required, help="Column holding the report text."),
        click.option("--label-column", required=required, help="Column holding the labels of --head."),
        click.option("--head", default="agency", show_default=True, type=HEAD_CHOICE, help="What the labels are."),
        click.option("--also", multiple=True, metavar="HEAD=COLUMN", help="Train further heads, e.g. category=kategori."),
        click.option("--title-column", help="Column with a title to prepend to the text (LAPOR exports)."),
        click.option("--date-column", help="Column with dates: the validation split is the latest reports."),
    ]


data_options = _data_options()


def with_data_options(f, required: bool = True):
    for opt in reversed(_data_options(required)):
        f = opt(f)
    return f


@click.command()
@click.option("--data", type=click.Path(path_type=Path), help="CSV, TSV, JSONL or XLSX file.")
@click.option("--from-db", is_flag=True, help="Train on verifiers' decisions (triage export) plus --seed data.")
@click.option("--seed", multiple=True, type=click.Path(path_type=Path),
              help="With --from-db: seed dataset(s) (columns text, agency, category, hoax, date); default: shipped sample.")
@click.option("--test-fraction", default=0.2, show_default=True, type=click.FloatRange(0.0, 0.9),
              help="With --from-db: share of the latest decisions held out as the test set.")
@(lambda f: with_data_options(f, required=False))
@click.option("--encoder", default=DEFAULT_ENCODER, show_default=True,
              help="static | tfidf | hybrid | pretrained:PATH | hybrid:pretrained:PATH (PATH 'minilm' = packaged MiniLM).")
@click.option("--out", type=click.Path(path_type=Path),
              help="Bundle directory, e.g. models/NAME (with --from-db: default MODELS_DIR/office-DATE).")
@click.option("--target-precision", default=0.95, show_default=True, type=click.FloatRange(0.5, 1.0))
@click.option("--recency-half-life", type=float, help="Weight recent reports more: age in days at which weight halves.")
@click.option("--overwrite", is_flag=True, help="Replace an existing bundle at --out.")
@click.option("--activate/--no-activate", default=None,
              help="With --from-db: register the model and activate it if the registry's comparison finds it not "
                   "worse than the active one (default: on with --from-db).")
def train(data, from_db, seed, test_fraction, text_column, label_column, head, also, title_column, date_column,
          encoder, out, target_precision, recency_half_life, overwrite, activate):
    """Train a model bundle from a labelled file, or the office's model from its database (--from-db):
    imported LAPOR! history and verifiers' decisions, placeholders left out, agencies as the directory
    names them, activated when not worse than the active model."""
    from training.pipeline import train_bundle

    if out is not None:  # before minutes of training, not after
        check_out(out, overwrite)
    if from_db:
        return _train_from_db(out, seed, encoder, recency_half_life, test_fraction, target_precision, overwrite,
                              activate is not False)
    if activate:
        raise click.UsageError("--activate goes with --from-db (register a bundle with `triage models activate`)")
    if out is None:
        raise click.UsageError("give --out")
    if not (data and text_column and label_column):
        raise click.UsageError("give --data, --text-column and --label-column (or --from-db)")

    columns = _label_columns(head, label_column, also)
    labelled = _load(data, text_column, columns, title_column, date_column)
    bar, step = _progress_bar(2 + len(columns), f"training {out.name}")
    try:
        bundle = train_bundle(labelled, out, encoder, overwrite=overwrite, progress=step, command=_command_line(),
                              target_precision=target_precision, recency_half_life_days=recency_half_life)
    except (BundleError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        bar.close()
    click.echo(f"saved {bundle.path} ({bundle.version}), {len(labelled)} reports, "
               f"{bundle.meta['metrics']['fit_seconds']} s")
    for h, info in bundle.meta["heads"].items():
        click.echo(describe_bands(h, len(info["labels"]), info["thresholds"])
                   + f"; validation accuracy {info['validation'].get('accuracy', float('nan')):.3f}")


def _default_out() -> Path:
    import datetime as dt

    from api.config import settings

    return Path(settings()["MODELS_DIR"]) / f"office-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S}"


def _train_from_db(out, seeds, encoder, half_life, test_fraction, target_precision, overwrite, activate=False):
    from training.from_db import DEFAULT_HALF_LIFE, train_from_db

    out = out or _default_out()
    bar, step = _progress_bar(6, f"training {out.name} from the database")
    try:
        bundle, info = train_from_db(out, seeds, encoder, half_life or DEFAULT_HALF_LIFE, test_fraction,
                                     overwrite=overwrite, progress=step, command=_command_line(),
                                     target_precision=target_precision)
    except (BundleError, ValueError, DataError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        bar.close()
    click.echo(f"saved {bundle.path} ({bundle.version}): {info['train_rows']} training rows "
               f"({info['db_rows'] - info['test_rows']} decisions + {info['seed_rows']} seed), "
               f"{info['test_rows']} test decisions, data until {info['data_until']}")
    stats = (bundle.meta.get("training") or {}).get("export_stats") or {}
    left_out = {k: v for k, v in stats.items() if k.startswith("skipped_") and v}
    if left_out:
        click.echo("  decisions left out: " + ", ".join(f"{k.removeprefix('skipped_').replace('_', ' ')} {v}"
                                                       for k, v in left_out.items()))
    for h, info in bundle.meta["heads"].items():
        click.echo(describe_bands(h, len(info["labels"]), info["thresholds"]))
    test = (bundle.meta.get("metrics") or {}).get("test") or {}
    for h, m in test.items():
        click.echo(f"  test {h}: macro-F1 {m['macro_f1']:.3f}, coverage at 95% {m['coverage_at_95']:.3f} (n={m['n']})")
    if activate:
        _activate(bundle.path)


def _activate(path: Path) -> None:
    """Register the bundle and activate it through the registry, which compares it with the active model
    on recent decisions neither has seen and refuses a worse one."""
    from api.registry.activation import register_and_activate
    from api.services.errors import ServiceError

    try:
        row = register_and_activate(path, actor="cli:train --from-db")
    except ServiceError as exc:
        raise click.ClickException(f"{path.name} is saved and registered but not active: {exc.message}") from None
    c = row.comparison
    how = f" ({c['message']})" if c and c.get("message") else " (no model was active: nothing to compare)"
    click.echo(f"activated {row.entry.name} ({row.entry.version}){how}")


@click.command()
@click.option("--model", "model_path", type=click.Path(path_type=Path), help="Bundle to evaluate on --data.")
@click.option("--data", type=click.Path(path_type=Path), help="Labelled file to score --model on.")
@click.option("--train", "train_path", type=click.Path(path_type=Path), help="Benchmark form: train the default pipeline on this file...")
@click.option("--test", "test_path", type=click.Path(path_type=Path), help="...and score it on this one.")
@with_data_options
@click.option("--encoder", default=DEFAULT_ENCODER, show_default=True, help="Encoder for the --train form.")
@click.option("--replay", is_flag=True, help="Replay --test in time order: each report suggested by the system as "
              "it stands, then its label fed back as a verifier's decision (the service's learning code).")
@click.option("--agencies", "agencies_path", type=click.Path(path_type=Path),
              help="With --replay: the agency directory (CSV/XLSX/JSON with a `name` column, or the shipped "
              "agencies.csv format); enables the cold-start prior and limits suggestions to these agencies.")
@click.option("--baselines", is_flag=True, help="With --replay: also a TF-IDF + logistic regression peer refitted "
              "every 50 decisions, and the same peer frozen.")
@click.option("--set", "overrides", multiple=True, metavar="NAME=VALUE",
              help="With --replay: change a learning setting (recorded in the JSON), e.g. --set refit_every=400.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), help="Write the metrics as JSON here.")
@click.option("--report", "report_out", type=click.Path(path_type=Path),
              help="Markdown report path (PNG figures beside it); default: next to --json.")
def evaluate(model_path, data, train_path, test_path, text_column, label_column, head, also, title_column,
             date_column, encoder, replay, agencies_path, baselines, overrides, json_out, report_out):
    """Score a bundle on labelled data, or train on --train and score on --test (--replay: in time order,
    learning from each decision)."""
    from training.pipeline import evaluate_model, fit_model
    from training.report import write_report

    if replay:
        return _replay(train_path, test_path, text_column, label_column, title_column, date_column, encoder,
                       agencies_path, baselines, overrides, json_out)
    columns = _label_columns(head, label_column, also)
    if model_path and data:
        try:
            bundle = load_bundle(model_path)
        except BundleError as exc:
            raise click.ClickException(str(exc)) from None
        model, fit_seconds = bundle.model, None
        test = _load(data, text_column, columns, title_column, date_column)
        title = f"{bundle.version} on {data.name}"
    elif train_path and test_path:
        tr = _load(train_path, text_column, columns, title_column, date_column)
        test = _load(test_path, text_column, columns, title_column, date_column)
        bar, step = _progress_bar(2 + len(columns), "training")
        try:
            model, fit_seconds = fit_model(tr, encoder, progress=step)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        finally:
            bar.close()
        bundle = None
        title = f"{encoder} trained on {train_path.name}, tested on {test_path.name}"
    else:
        raise click.UsageError("give --model and --data, or --train and --test")
    results, arrays = evaluate_model(model, test)
    if fit_seconds is not None:
        for m in results.values():
            m["fit_seconds"] = round(fit_seconds, 2)
    single = results[head] if head in results else {}
    payload = {**single, "head": head, "heads": results, "encoder": encoder if bundle is None else bundle.meta["encoder_spec"],
               "test_rows": len(test)}
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md = report_out or (json_out.with_suffix(".md") if json_out else None)
    if md and head in arrays:
        P, classes, y = arrays[head]
        write_report(md, title, results[head], P, classes, y)
        click.echo(f"report: {md}")
    if bundle is not None and data is not None:
        write_metrics(bundle.path, {"data": str(data), **results}, key=f"evaluation:{Path(data).name}")


def _settings_from(overrides: tuple[str, ...]):
    from triage.learning.settings import LearningSettings

    values: dict = {}
    for item in overrides:
        if "=" not in item:
            raise click.BadParameter(f"{item!r}: use NAME=VALUE", param_hint="--set")
        name, raw = item.split("=", 1)
        try:
            values[name] = None if raw.lower() == "none" else json.loads(raw)
        except ValueError:
            values[name] = raw
    try:
        return LearningSettings.from_dict(values)
    except (TypeError, ValueError) as exc:
        raise click.BadParameter(str(exc), param_hint="--set") from None


def _replay(train_path, test_path, text_column, label_column, title_column, date_column, encoder, agencies_path,
            baselines, overrides, json_out):
    from tqdm.auto import tqdm

    from training.replay import plot_curves, run_replay
    from triage.routing.directory import DirectoryError, read_directory

    if not (test_path and text_column and label_column):
        raise click.UsageError("--replay needs --test, --text-column and --label-column")
    settings = _settings_from(overrides)
    columns = {"agency": label_column}
    test = _load(test_path, text_column, columns, title_column, date_column)
    if date_column:
        test = _in_time_order(test)
    train = _load(train_path, text_column, columns, title_column, date_column) if train_path else None
    directory = None
    if agencies_path:
        try:
            directory = read_directory(agencies_path)
        except (DirectoryError, OSError) as exc:
            raise click.ClickException(str(exc)) from None
    base = None
    if train is None:
        from triage.bundle import ensure_default_bundle

        try:
            base = load_bundle(ensure_default_bundle("models", progress=True))
        except BundleError as exc:
            raise click.ClickException(str(exc)) from None
    bar = tqdm(total=len(test), desc="replaying", unit="report")
    try:
        result = run_replay(test, train=train, directory=directory, base=base, settings=settings,
                            baselines=baselines, encoder=encoder, progress=bar.update,
                            parallel=(os.cpu_count() or 1) > 1)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        bar.close()
    result["test_file"], result["directory"] = str(test_path), str(agencies_path) if agencies_path else None
    summary = {k: ({kk: vv for kk, vv in v.items() if kk not in ("curve", "refits")} if isinstance(v, dict) else v)
               for k, v in result.items() if k != "settings"}
    click.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        png = json_out.with_suffix(".png")
        plot_curves(result, png, f"Replay of {Path(test_path).name}")
        click.echo(f"curve: {png}")


def _in_time_order(data):
    """The rows sorted by date (stable: file order breaks ties)."""
    import pandas as pd

    from training.datasets import LabelledData

    order = pd.Series(pd.to_datetime(pd.Series(data.dates), errors="coerce", format="mixed")).argsort(kind="stable")
    idx = list(order)
    return LabelledData([data.texts[i] for i in idx], {h: [v[i] for i in idx] for h, v in data.labels.items()},
                        [data.dates[i] for i in idx], data.source, data.skipped_empty)


@click.command()
@click.option("--shared", type=click.Path(path_type=Path), default=paths.SHARED, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=paths.BENCHMARKS_MD, show_default=True)
@click.option("--quick", is_flag=True, help="Skip the slow variants (MiniLM, random forest).")
def benchmark(shared, out, quick):
    """Run the benchmark protocols of ../shared/datasets and write docs/benchmarks.md."""
    from training.benchmark import run_benchmark

    run_benchmark(shared, out, quick=quick)
