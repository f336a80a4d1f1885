"""The word tables of the place grammar (loaders/data/place_words.tsv, place_compounds.tsv,
departments.tsv, related_headings.tsv), read and checked once.

Words are data: a new continent, street word or department is a new line in a table, not a
new constant in loaders/places.py. The reader refuses a row it cannot use (an unknown role, an
empty word) with the file and the line, so a typo in a table fails loudly at the first
extraction rather than silently matching nothing.
"""
from __future__ import annotations

from functools import lru_cache

from loaders.tables import read_table
from ontology.errors import WordTableError
from ontology.normalise import strip_accents

WORD_ROLES = frozenset({"continent", "en_not_name", "vi_not_name", "vn_admin_before", "direction", "en_office_place"})
COMPOUND_ROLES = frozenset({"compound", "province_block"})


def _rows(name: str, needed: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    rows = read_table(name)
    for i, r in enumerate(rows, 1):
        missing = [c for c in needed if not r.get(c)]
        if missing:
            raise WordTableError(f"loaders/data/{name}: data row {i} has no {', '.join(missing)}; "
                                 f"fill it in or delete the row")
    return rows


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {role: set() for role in WORD_ROLES}
    for i, r in enumerate(_rows("place_words.tsv", ("word", "role")), 1):
        if r["role"] not in WORD_ROLES:
            raise WordTableError(f"loaders/data/place_words.tsv: data row {i} ({r['word']!r}) has role "
                                 f"{r['role']!r}; use one of {', '.join(sorted(WORD_ROLES))}")
        out[r["role"]].add(r["word"])
    return {role: frozenset(words) for role, words in out.items()}


def words(role: str) -> frozenset[str]:
    """The words of one role in place_words.tsv ("continent", "direction", …)."""
    if role not in WORD_ROLES:
        raise WordTableError(f"no word role {role!r} in loaders/data/place_words.tsv; "
                             f"use one of {', '.join(sorted(WORD_ROLES))}")
    return _words()[role]


@lru_cache(maxsize=1)
def middle_names() -> frozenset[str]:
    """Vietnamese middle names with and without accents: the person grammar's table (middle_names.tsv)."""
    m = frozenset(r["word"] for r in read_table("middle_names.tsv"))
    return m | frozenset(strip_accents(x) for x in m)


@lru_cache(maxsize=1)
def _compounds() -> dict[str, dict[str, tuple[str, ...]]]:
    out: dict[str, dict[str, list[str]]] = {role: {} for role in COMPOUND_ROLES}
    for i, r in enumerate(_rows("place_compounds.tsv", ("word", "next", "role")), 1):
        if r["role"] not in COMPOUND_ROLES:
            raise WordTableError(f"loaders/data/place_compounds.tsv: data row {i} ({r['word']!r}) has role "
                                 f"{r['role']!r}; use one of {', '.join(sorted(COMPOUND_ROLES))}")
        out[r["role"]].setdefault(r["word"], []).append(r["next"])
    return {role: {w: tuple(n) for w, n in d.items()} for role, d in out.items()}


def following(role: str, word: str) -> tuple[str, ...]:
    """The next words that cancel ``word`` as a place (role "compound" or "province_block")."""
    return _compounds()[role].get(word, ())


@lru_cache(maxsize=1)
def departments() -> tuple[str, ...]:
    """Names of a province's departments ("Ngoại vụ", "Kế hoạch và Đầu tư"), longest first."""
    return tuple(sorted({r["name"] for r in _rows("departments.tsv", ("name",))}, key=len, reverse=True))


@lru_cache(maxsize=1)
def related_headings() -> tuple[str, ...]:
    """Headings of "related stories" blocks ("Tin liên quan", "Read more"), longest first."""
    return tuple(sorted({r["heading"] for r in _rows("related_headings.tsv", ("heading",))}, key=len, reverse=True))
