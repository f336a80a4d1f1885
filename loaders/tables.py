"""Rule tables live in ``loaders/data/*.tsv``: one row per cue, title or marker.

A new title or cue is a new line in a table, not a new branch in code. Lines
starting with ``#`` are comments; the first other line is the header.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return tuple(rows)


def column(name: str, col: str, **where: str) -> tuple[str, ...]:
    """One column of a table, optionally filtered on other columns."""
    return tuple(r[col] for r in read_table(name) if all(r.get(k) == v for k, v in where.items()))
