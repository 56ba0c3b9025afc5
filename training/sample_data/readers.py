"""Readers for the sample generator's data files: YAML (safe_load) and PSV (pipe-separated values).

Every error is a ValueError that starts with "<file>:<line>:" (for a YAML value of the wrong shape, followed
by its key path), so a typo in a data file points at itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# Shapes for `read_yaml`: str, [str] (a list of strings), {str: shape} (a mapping whose values all have that
# shape) or {"key": shape, ...} (a mapping with exactly these keys, in any order).
Shape = Any


def read_psv(path: Path, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each row of a PSV file.

    Blank lines and lines starting with "#" are skipped. The first other line is the header and must name
    `columns`; every row has exactly that many fields, none empty. No quoting: a field cannot hold "|".
    """
    rows: list[tuple[int, dict[str, str]]] = []
    header = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("|")
        if header is None:
            header = fields
            if header != columns:
                raise ValueError(f"{path.name}:{number}: header is {line!r}, expected {'|'.join(columns)!r}")
            continue
        if len(fields) != len(columns):
            raise ValueError(
                f"{path.name}:{number}: {len(fields)} fields, expected {len(columns)} ({'|'.join(columns)})"
            )
        for name, value in zip(columns, fields, strict=True):
            if not value.strip():
                raise ValueError(f"{path.name}:{number}: empty {name}")
        rows.append((number, dict(zip(columns, fields, strict=True))))
    if header is None:
        raise ValueError(f"{path.name}:1: no header line ({'|'.join(columns)})")
    return rows


def read_yaml(path: Path, shape: Shape) -> Any:
    """The document of a YAML file, checked against `shape`."""
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark is not None else path.name
        raise ValueError(f"{where}: {getattr(exc, 'problem', None) or exc}") from exc
    try:
        _check(data, shape, [])
    except _ShapeError as exc:
        raise ValueError(
            f"{path.name}:{_line_of(text, exc.keys)}: {'/'.join(exc.keys) or '(top)'}: {exc}"
        ) from None
    return data


class _ShapeError(ValueError):
    def __init__(self, keys: list[str], message: str):
        super().__init__(message)
        self.keys = keys


def _check(value: Any, shape: Shape, keys: list[str]) -> None:
    if shape is str:
        if not isinstance(value, str):
            raise _ShapeError(keys, f"expected a string, got {value!r}")
    elif isinstance(shape, list):
        if not isinstance(value, list) or not value:
            raise _ShapeError(keys, f"expected a non-empty list, got {value!r}")
        for i, item in enumerate(value):
            _check(item, shape[0], keys + [str(i)])
    elif isinstance(shape, dict):
        if not isinstance(value, dict) or not value:
            raise _ShapeError(keys, f"expected a non-empty mapping, got {value!r}")
        if list(shape) == [str]:
            for key, item in value.items():
                _check(key, str, keys + [str(key)])
                _check(item, shape[str], keys + [str(key)])
            return
        unknown = [str(k) for k in value if k not in shape]
        if unknown:  # a misspelt key: point at it
            raise _ShapeError(keys + unknown[:1], f"unknown key, expected one of {', '.join(shape)}")
        missing = [k for k in shape if k not in value]
        if missing:
            raise _ShapeError(keys, f"missing {', '.join(missing)}")
        for key, sub in shape.items():
            _check(value[key], sub, keys + [key])
    else:
        raise TypeError(f"unknown shape {shape!r}")


def _line_of(text: str, keys: list[str]) -> int:
    """The line of the value at `keys` (of its key, in a mapping): composed again only to report an error."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    line = node.start_mark.line if node is not None else 0
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == key), None)
            if pair is None:
                break
            line, node = pair[0].start_mark.line, pair[1]
        elif isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value):
            node = node.value[int(key)]
            line = node.start_mark.line
        else:
            break
    return line + 1
