"""Checks that make answers say what they found, before anything reaches the store.

- ``check_fixed``: a value that must come from a fixed set (a commitment kind, a node label, a
  relationship type) is refused with the allowed values, instead of quietly matching nothing. Which
  parameters take such values is data: a parameter typed ``commitment_kind``, ``label`` or ``rel_type``
  in its template's header, or a row of ``fixed_params.tsv`` for templates whose header says ``str``.
- ``resolve_person``: a full name, or a part of exactly one person's name, becomes that person's key;
  an unknown name or an ambiguous part raises, listing the candidates.
- ``check_read_only``: an analyst's own Cypher without ``--write`` must hold no write clause.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from ontology.errors import AmbiguousName, NotInFixedSet, PersonNotFound, WriteRefused
from ontology.facts import COMMITMENT_KINDS
from ontology.identity import fold, person_key
from ontology.model import NODE_LABELS, REL_TYPES

FIXED_SETS: dict[str, tuple[str, ...]] = {
    "commitment_kind": tuple(COMMITMENT_KINDS),
    "label": tuple(sorted(NODE_LABELS)),
    "rel_type": tuple(sorted(REL_TYPES)),
}
_TABLE = Path(__file__).with_name("fixed_params.tsv")


@lru_cache(maxsize=1)
def fixed_params() -> dict[tuple[str, str], str]:
    """(template, parameter) -> fixed set name, from ``fixed_params.tsv`` (validated)."""
    out: dict[tuple[str, str], str] = {}
    with _TABLE.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    for n, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        if row.get("set") not in FIXED_SETS or not row.get("template") or not row.get("parameter"):
            raise ValueError(f"{_TABLE.name} line {n}: expected template, parameter and one of "
                             f"{', '.join(FIXED_SETS)}; got {row}")
        out[(row["template"], row["parameter"])] = row["set"]
    return out


def check_value(what: str, value: str, set_name: str) -> str:
    """``value`` if it is in the fixed set (case-insensitive; returned as the set spells it), else refused."""
    allowed = FIXED_SETS[set_name]
    by_fold = {a.lower(): a for a in allowed}
    if value.lower() in by_fold:
        return by_fold[value.lower()]
    raise NotInFixedSet(f"{what} {value!r} is not one of the allowed values: {', '.join(allowed)}")


def check_fixed(template, params: dict[str, object]) -> dict[str, object]:
    """``params`` with fixed-set values checked (and spelled as the set spells them)."""
    table = fixed_params()
    out = dict(params)
    for p in template.params:
        set_name = p.type if p.type in FIXED_SETS else table.get((template.name, p.name))
        value = out.get(p.name)
        if set_name and isinstance(value, str) and value not in ("", "null"):
            fixed = check_value(f"{template.name}: parameter {p.name}:", value, set_name)
            out[p.name] = fixed.lower() if set_name == "commitment_kind" else fixed
    return out


def resolve_person(store, name: str) -> str:
    """The key of the one person ``name`` names: a full name (any case, diacritics optional), else a part
    of exactly one person's name."""
    from queries.runner import run

    if not fold(name):
        raise PersonNotFound("give a person's name (it was empty)")
    rows = run(store, "person_keys", {"text": name, "limit": 21})
    for target in (person_key(name), fold(name)):
        if any(r["key"] == target for r in rows):
            return target
    names: dict[str, str] = {}
    for r in rows:
        names.setdefault(r["key"], r["name"])
    if not names:
        raise PersonNotFound(f"no person named {name!r} in the graph; try `dipkg query run find -p text=...`")
    if len(names) == 1:
        return next(iter(names))
    shown = sorted(names.values())[:20]
    more = " (and more)" if len(names) > 20 else ""
    raise AmbiguousName(f"{name!r} is part of {len(names) if not more else 'more than 20'} people's names{more}; "
                        "give more of the name: " + "; ".join(shown), tuple(shown))


# Write clauses of Cypher (and procedure calls, which may write): refused without --write.
_WRITE = re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|GRANT|REVOKE|DENY|ALTER|"
                    r"RENAME|TERMINATE|START\s+DATABASE|STOP\s+DATABASE|CALL\s+(?!\{)[A-Za-z_][\w.]*)\b", re.I)
_INERT = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


def check_read_only(cypher: str) -> None:
    """Refuse a statement with a write clause (strings, names in backticks and comments are not read)."""
    m = _WRITE.search(_INERT.sub(" ", cypher))
    if m:
        raise WriteRefused(f"the query writes ({' '.join(m[1].split()).upper()}); dipkg cypher is read-only "
                           "unless you add --write")
