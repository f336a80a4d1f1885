"""Rule tables live in ``loaders/data/*.tsv``: one row per cue, title or marker.

A new title or cue is a new line in a table, not a new branch in code. Lines
starting with ``#`` are comments; the first other line is the header. The reader
checks the shape once (it is cached): a header of distinct non-empty names, no row
with more cells than the header, a value in every row's first column, and the
columns a caller asks for; a table edited by hand that breaks this fails at once
with the file and line, instead of silently shifting cells into the wrong column.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ontology.errors import TableError

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=None)
def _read(path: Path) -> tuple[tuple[str, ...], tuple[dict[str, str], ...]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise TableError(f"rule table {path} cannot be read ({e.strerror}): restore it from the repository") from None
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            if any(not c for c in cells) or len(set(cells)) != len(cells):
                raise TableError(f"{path}:{no}: the header needs distinct, non-empty column names separated by tabs")
            header = cells
            continue
        if len(cells) > len(header):
            raise TableError(f"{path}:{no}: {len(cells)} cells for {len(header)} columns ({', '.join(header)}); "
                             f"separate columns with one tab and do not put tabs inside a value")
        if not cells[0]:
            raise TableError(f"{path}:{no}: the first column ({header[0]}) is empty")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    if header is None:
        raise TableError(f"{path} has no header line")
    return tuple(header), tuple(rows)


def read_table(name: str, columns: tuple[str, ...] = (), folder: Path = DATA) -> tuple[dict[str, str], ...]:
    """The rows of ``folder/name`` (the package's ``data`` folder unless told otherwise) as dicts keyed by the
    header; ``columns`` must all be in the header."""
    header, rows = _read(folder / name)
    missing = [c for c in columns if c not in header]
    if missing:
        raise TableError(f"{folder / name} lacks the column(s) {', '.join(missing)} (it has {', '.join(header)})")
    return rows


def column(name: str, col: str, **where: str) -> tuple[str, ...]:
    """One column of a table, optionally filtered on other columns."""
    rows = read_table(name, (col, *where))
    return tuple(r[col] for r in rows if all(r.get(k) == v for k, v in where.items()))
