"""Printing rows as a table, JSON or CSV."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Iterable

# What a terminal acts on instead of showing: C0 and C1 controls (ESC starts colour, cursor and clear-screen
# sequences; CR and LF forge lines) and the bidirectional overrides that reorder what is shown.
_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with each character a terminal would act on written as its escape (``\x1b``, ``\n``)."""
    return _TERMINAL_UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def to_json(rows: Iterable[dict]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str)


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    cols = list(dict.fromkeys(k for r in rows for k in r))
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: _cell(v, wide=True) for k, v in r.items()})
    return buf.getvalue()


def _cell(v, wide: bool = False) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "; ".join(_cell(x, wide) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    s = str(v)
    return s if wide or len(s) <= 90 else s[:87] + "…"


def print_table(rows: list[dict], title: str | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.markup import escape

    console = Console()
    if not rows:
        console.print("(no rows)")
        return
    table = Table(title=title and escape(terminal_safe(title)), show_lines=False)
    cols = list(dict.fromkeys(k for r in rows for k in r))
    for c in cols:
        table.add_column(escape(terminal_safe(str(c))), overflow="fold")
    for r in rows:
        table.add_row(*(escape(terminal_safe(_cell(r.get(c)))) for c in cols))
    console.print(table)


def emit(rows: list[dict], fmt: str, title: str | None = None) -> None:
    if fmt == "json":
        print(to_json(rows))
    elif fmt == "csv":
        print(to_csv(rows), end="")
    else:
        print_table(rows, title)
