"""Cypher templates by name: one statement per ``queries/NAME.cypher``.

A template starts with comment lines: the first ones describe it, then one line
per parameter::

    // People a person met, with date, place and the source quote.
    // @param person name   the person (any case, with or without diacritics)
    // @param limit int = 100   at most this many rows

Parameter types: ``str``, ``int``, ``float``, ``bool``, ``date`` (ISO), ``name`` (a person,
folded to the graph's matching key), ``key`` (a province, partner or body in any language the
gazetteers know: "laos", "Lào" and "CHDCND Lào" give the key of the one node ``lao``;
"Ministry of Foreign Affairs" gives ``bo ngoai giao``; see ``resolve_key``). Values are always
sent as ``$parameters``; nothing the user types becomes Cypher text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ontology.identity import fold, person_key

TEMPLATE_DIR = Path(__file__).parent
_PARAM = re.compile(r"^//\s*@param\s+(\w+)\s+(\w+)(?:\s*=\s*(\S+))?\s*(.*)$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


from ontology.errors import QueryError  # noqa: E402,F401


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    description: str

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class Template:
    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str

    def bind(self, raw: dict[str, object]) -> dict[str, object]:
        known = {p.name for p in self.params}
        unknown = set(raw) - known
        if unknown:
            raise QueryError(f"{self.name}: unknown parameter(s) {', '.join(sorted(unknown))}; "
                             f"expected {', '.join(sorted(known)) or 'none'}")
        out: dict[str, object] = {}
        for p in self.params:
            value = raw.get(p.name, None if p.default in (None, "null") else p.default)
            if value is None and p.required:
                raise QueryError(f"{self.name}: missing parameter {p.name} ({p.type})")
            out[p.name] = None if value is None else _coerce(p, value)
        return out


def _coerce(p: Param, value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        if p.type == "int":             # every int parameter is a count (limits): 0 to Bolt's largest integer
            n = int(value)
            if not 0 <= n < 1 << 63:
                raise QueryError(f"parameter {p.name}: {value} is out of range (0 to {(1 << 63) - 1})")
            return n
        if p.type == "float":
            return float(value)
        if p.type == "bool":
            if value.lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(value)
            return value.lower() in ("true", "1", "yes")
        if p.type == "date":
            return date.fromisoformat(value).isoformat()
        if p.type == "name":
            return person_key(value)
        if p.type == "key":
            return resolve_key(value)
    except QueryError:
        raise
    except ValueError:
        raise QueryError(f"parameter {p.name}: {value!r} is not a valid {p.type}") from None
    return value


def resolve_key(value: str) -> str:
    """The graph key a name stands for, through the gazetteers' Vietnamese and English names: a partner
    (canonical entry), a Vietnamese province, a listed body or office; else the name folded (which still
    matches a key, or part of one where a template uses CONTAINS)."""
    from ontology.gazetteer.bodies import key_of
    from ontology.gazetteer.partners import lookup
    from ontology.gazetteer.provinces import canonical_province

    entry = lookup(value)
    if entry is not None:
        return fold(entry.canonical)
    province = canonical_province(value)
    if province is not None:
        return fold(province)
    return key_of(value)


def parse(path: Path) -> Template:
    text = path.read_text(encoding="utf-8")
    desc, params = [], []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        m = _PARAM.match(line)
        if m:
            params.append(Param(m[1], m[2], m[3], m[4].strip()))
        else:
            desc.append(line[2:].strip())
    return Template(path.stem, " ".join(d for d in desc if d), tuple(params), text)


def templates() -> dict[str, Template]:
    return {p.stem: parse(p) for p in sorted(TEMPLATE_DIR.glob("*.cypher"))}


def get(name: str) -> Template:
    if not _NAME.match(name):
        raise QueryError(f"no template named {name!r}")
    path = TEMPLATE_DIR / f"{name}.cypher"
    if not path.is_file():
        raise QueryError(f"no template named {name!r}; see `dipkg query list`")
    return parse(path)


def run(store, name: str, params: dict[str, object] | None = None) -> list[dict]:
    t = get(name)
    return store.read(t.cypher, **t.bind(params or {}))
