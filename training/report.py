"""Markdown evaluation report with PNG figures: confusion matrix of the largest
classes, reliability diagram, coverage-versus-accuracy curve."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on servers and in CI
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.metrics import confusion_matrix  # noqa: E402

from triage.metrics import coverage_curve, reliability  # noqa: E402


def _short(label: str, n: int = 28) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def confusion_png(y, pred, path: Path, largest: int = 12) -> None:
    labels, counts = np.unique(y, return_counts=True)
    top = labels[np.argsort(-counts)[:largest]]
    sel = np.isin(y, top)
    cm = confusion_matrix(np.asarray(y)[sel], np.asarray(pred)[sel], labels=top)
    with np.errstate(invalid="ignore"):
        norm = cm / cm.sum(axis=1, keepdims=True)
    fig, ax = plt.subplots(figsize=(9, 8))
    ax.imshow(np.nan_to_num(norm), cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(top)), [_short(t) for t in top], rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(top)), [_short(t) for t in top], fontsize=8)
    for i in range(len(top)):
        for j in range(len(top)):
            if cm[i, j]:
                ax.text(j, i, cm[i, j], ha="center", va="center", fontsize=7,
                        color="white" if norm[i, j] > 0.5 else "black")
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(f"Confusion matrix, {len(top)} largest classes (row-normalised colour, counts)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def reliability_png(conf, correct, path: Path) -> None:
    mids, accs, counts = reliability(conf, correct)
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    ax.plot(mids, accs, "o-", label="model")
    for m, a, c in zip(mids, accs, counts, strict=True):
        ax.annotate(str(c), (m, a), fontsize=7, xytext=(3, -10), textcoords="offset points")
    ax.set_xlabel("confidence of the top suggestion")
    ax.set_ylabel("share correct")
    ax.set_title("Reliability diagram")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def coverage_png(conf, correct, path: Path) -> None:
    cov, acc = coverage_curve(conf, correct, points=200)
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(cov, acc)
    ax.axhline(0.95, ls="--", color="grey", label="95% correct")
    ax.set_xlabel("coverage (share of reports, most confident first)")
    ax.set_ylabel("accuracy of the covered reports")
    ax.set_ylim(min(0.5, float(acc.min()) - 0.02), 1.01)
    ax.set_title("Coverage versus accuracy")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_report(out_md: Path, title: str, metrics: dict, proba: np.ndarray, classes, y) -> Path:
    """Write ``out_md`` and its PNGs beside it; returns the Markdown path."""
    out_md = Path(out_md)
    out_md.parent.mkdir(parents=True, exist_ok=True)
    stem = out_md.stem
    classes = np.asarray(classes).astype(str)
    y = np.asarray(y).astype(str)
    pred = classes[proba.argmax(axis=1)]
    conf = proba.max(axis=1)
    correct = pred == y
    figs = {"confusion": f"{stem}_confusion.png", "reliability": f"{stem}_reliability.png",
            "coverage": f"{stem}_coverage.png"}
    confusion_png(y, pred, out_md.parent / figs["confusion"])
    reliability_png(conf, correct, out_md.parent / figs["reliability"])
    coverage_png(conf, correct, out_md.parent / figs["coverage"])
    rows = "\n".join(f"| {k} | {v:.4f} |" if isinstance(v, float) else f"| {k} | {v} |" for k, v in metrics.items())
    out_md.write_text(
        f"# {title}\n\n| metric | value |\n|---|---|\n{rows}\n\n"
        f"![confusion matrix]({figs['confusion']})\n\n![reliability diagram]({figs['reliability']})\n\n"
        f"![coverage versus accuracy]({figs['coverage']})\n",
        encoding="utf-8",
    )
    return out_md
