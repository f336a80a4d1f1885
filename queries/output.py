"""Printing rows as a table, JSON or CSV."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Iterable

_RETURN = re.compile(r"\bRETURN\b", re.I)
_END = re.compile(r"\b(?:ORDER\s+BY|SKIP|LIMIT|UNION)\b", re.I)
_ALIAS = re.compile(r"\bAS\s+`?(\w+)`?\s*$", re.I)

# What a terminal acts on instead of showing: C0 and C1 controls (ESC starts colour, cursor and clear-screen
# sequences; CR and LF forge lines) and the bidirectional overrides that reorder what is shown.
_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with each character a terminal would act on written as its escape (``\x1b``, ``\n``)."""
    return _TERMINAL_UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def to_json(rows: Iterable[dict]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str)


def return_columns(cypher: str) -> list[str]:
    """The column names of a template's last RETURN clause (its aliases), so an answer with no rows
    still has a header. Comment lines are ignored; brackets and quotes are respected when splitting."""
    text = "\n".join(line for line in cypher.splitlines() if not line.lstrip().startswith("//"))
    found = list(_RETURN.finditer(text))
    if not found:
        return []
    clause = text[found[-1].end():]
    items, depth, cur, quote, i = [], 0, "", None, 0
    while i < len(clause):
        ch = clause[i]
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0 and ch == ",":
            items.append(cur)
            cur, i = "", i + 1
            continue
        elif depth == 0 and (i == 0 or not clause[i - 1].isalnum()) and _END.match(clause, i):
            break
        cur += ch
        i += 1
    items.append(cur)
    cols = []
    for item in items:
        item = " ".join(item.split())
        m = _ALIAS.search(item)
        if item:
            cols.append(m[1] if m else item)
    return cols


def to_csv(rows: list[dict], columns: list[str] | None = None) -> str:
    """CSV with a header row; ``columns`` give the header when there are no rows."""
    buf = io.StringIO()
    cols = list(dict.fromkeys([*(columns or []), *(k for r in rows for k in r)]))
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


def emit(rows: list[dict], fmt: str, title: str | None = None, columns: list[str] | None = None,
         out: Path | None = None) -> None:
    """Rows to standard output, or to ``out`` (table format written as CSV there: a file is for reuse)."""
    if out is not None:
        text = to_json(rows) + "\n" if fmt == "json" else to_csv(rows, columns)
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        return
    if fmt == "json":
        print(to_json(rows))
    elif fmt == "csv":
        print(to_csv(rows, columns), end="")
    else:
        print_table(rows, title)
