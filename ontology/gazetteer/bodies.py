"""Vietnamese public bodies and offices in both languages (``bodies.tsv``, one validating reader).

Why: an analyst asks for "Ministry of Foreign Affairs" and the articles say "Bộ Ngoại giao"; one article
writes "UBND tỉnh Bình Định", another "Binh Dinh provincial People's Committee", a third "People's
Committee of Binh Dinh province". Each of these is one body, so each gets one canonical Vietnamese name
(the node's key) and an English name; an office ("Chủ tịch UBND tỉnh Bình Định", "Chairman of Binh Dinh
provincial People's Committee") maps to one canonical office the same way.

Matching is on ``ontology.identity.fold`` (case, diacritics, Đ, punctuation), whole name only: a name
this table does not know stays as written (``None`` here).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ontology.errors import OntologyError
from ontology.identity import fold

TABLE = Path(__file__).with_name("bodies.tsv")
_KINDS = ("national", "provincial", "role")
_COLUMNS = 9


class BodyTableError(OntologyError):
    """bodies.tsv has a malformed row."""


@dataclass(frozen=True)
class BodyRow:
    kind: str
    vi: str
    en: str
    vi_aliases: tuple[str, ...]
    en_aliases: tuple[str, ...]
    scope: bool                               # canonical vi keeps "tỉnh"/"thành phố" before the province
    vi_sector: tuple[str, ...]
    en_sector: tuple[str, ...]
    sector: str | None                        # the ministry whose line of work this is; None: general


@dataclass(frozen=True)
class Body:
    """A Vietnamese public body: canonical Vietnamese and English names, and its province if provincial."""

    name_vi: str
    name_en: str
    province: str | None = None
    sector: str | None = None                 # the ministry whose line of work it is; None: general competence

    @property
    def key(self) -> str:
        return fold(self.name_vi)


@dataclass(frozen=True)
class Office:
    """An office title resolved to its role and body ("Thứ trưởng" of "Bộ Ngoại giao")."""

    name_vi: str
    name_en: str
    role_vi: str
    body: Body

    @property
    def key(self) -> str:
        return fold(self.name_vi)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


@lru_cache(maxsize=1)
def rows() -> tuple[BodyRow, ...]:
    out: list[BodyRow] = []
    for n, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) > _COLUMNS or len(cols) < 3:
            raise BodyTableError(f"{TABLE.name} line {n}: expected 3 to {_COLUMNS} tab-separated columns, "
                                 f"got {len(cols)}; fix the row")
        cols += [""] * (_COLUMNS - len(cols))
        kind, vi, en, via, ena, flags, vis, ens, sector = (c.strip() for c in cols)
        if kind not in _KINDS or not vi or not en:
            raise BodyTableError(f"{TABLE.name} line {n}: kind must be one of {', '.join(_KINDS)} and the "
                                 f"vi and en names must be given; fix the row")
        if flags not in ("", "scope"):
            raise BodyTableError(f"{TABLE.name} line {n}: unknown flag {flags!r} (only 'scope'); fix the row")
        out.append(BodyRow(kind, vi, en, _split(via), _split(ena), flags == "scope", _split(vis), _split(ens),
                           sector or None))
    return tuple(out)


# --- provinces (the gazetteer) -----------------------------------------------------------------

def _province(name: str) -> str | None:
    from ontology.gazetteer.provinces import canonical_province
    return canonical_province(name)


@lru_cache(maxsize=128)
def _province_scope(canon: str) -> tuple[str, str]:
    """("tỉnh"|"thành phố", English place name) of a canonical province."""
    from ontology.gazetteer.provinces import provinces
    from ontology.gazetteer.fold import strip_accents

    city = any(p.canonical == canon and p.official.lower().startswith("thành phố") for p in provinces())
    return ("thành phố" if city else "tỉnh"), strip_accents(canon)


def _provincial(row: BodyRow, canon: str) -> Body:
    scope, place_en = _province_scope(canon)
    vi = f"{row.vi} {scope} {canon}" if row.scope else f"{row.vi} {canon}"
    en = f"{place_en} {'City' if scope == 'thành phố' else 'Provincial'} {row.en}"
    return Body(vi, en, canon, row.sector)


def _national(row: BodyRow) -> Body:
    return Body(row.vi, row.en, None, row.sector)


# --- matchers ----------------------------------------------------------------------------------

def _alt(forms) -> str:
    keys = sorted({k for f in forms if (k := fold(f))}, key=lambda k: (-len(k), k))
    return "|".join(re.escape(k) for k in keys)


@lru_cache(maxsize=1)
def _national_index() -> dict[str, BodyRow]:
    idx: dict[str, BodyRow] = {}
    for r in rows():
        if r.kind == "national":
            for form in (r.vi, r.en, *r.vi_aliases, *r.en_aliases):
                idx.setdefault(fold(form), r)
    return idx


@lru_cache(maxsize=1)
def _provincial_patterns() -> tuple[tuple[re.Pattern, dict[str, BodyRow]], ...]:
    """Vietnamese: body, then the province ("ubnd tinh binh dinh"); English: the province before the body
    ("binh dinh provincial people s committee") or after it ("people s committee of binh dinh province")."""
    by_form: dict[str, BodyRow] = {}
    vi_forms, en_forms = [], []
    for r in rows():
        if r.kind != "provincial":
            continue
        for f in (r.vi, *r.vi_aliases):
            by_form.setdefault(fold(f), r)
            vi_forms.append(f)
        for f in (r.en, *r.en_aliases):
            by_form.setdefault(fold(f), r)
            en_forms.append(f)
    vi, en = _alt(vi_forms), _alt(en_forms)
    pats = (
        rf"^(?P<body>{vi}) (?:tinh |thanh pho |tp )?(?P<p>.+)$",
        rf"^(?:the )?(?P<p>.+?)(?: s)? (?:provincial |province |city |municipal )?(?P<body>{en})$",
        rf"^(?:the )?(?P<body>{en}) of (?:the )?(?P<p>.+?)(?: province| city)?$",
    )
    return tuple((re.compile(p), by_form) for p in pats)


@lru_cache(maxsize=4096)
def canonical_body(name: str | None) -> Body | None:
    """Any Vietnamese or English form of a listed body → its canonical names, else None."""
    if not name:
        return None
    k = fold(name)
    if not k:
        return None
    row = _national_index().get(k)
    if row:
        return _national(row)
    for pat, by_form in _provincial_patterns():
        m = pat.match(k)
        if m:
            canon = _province(m["p"])
            if canon:
                return _provincial(by_form[m["body"]], canon)
    return None


@lru_cache(maxsize=1)
def _role_patterns() -> tuple[tuple[re.Pattern, BodyRow, str], ...]:
    """(pattern over a folded office with a ``body`` group, role row, which language) longest role first."""
    out: list[tuple[int, re.Pattern, BodyRow, str]] = []
    for r in rows():
        if r.kind != "role":
            continue
        for f in {r.vi, *r.vi_aliases}:
            k = re.escape(fold(f))
            out.append((len(k), re.compile(rf"^{k} (?P<body>.+)$"), r, "vi"))
        for f in {r.en, *r.en_aliases}:
            if "{body}" in f:
                head, _, tail = f.partition("{body}")
                h, t = fold(head), fold(tail)
                rx = (re.escape(h) + " " if h else "") + "(?:the )?(?P<body>.+?)" + (" " + re.escape(t) if t else "")
                out.append((len(h) + len(t), re.compile(rf"^{rx}$"), r, "en"))
            else:
                k = re.escape(fold(f))
                out.append((len(k), re.compile(rf"^{k} of (?:the )?(?P<body>.+)$"), r, "en"))
                out.append((len(k), re.compile(rf"^(?:the )?(?P<body>.+) {k}$"), r, "en"))
    out.sort(key=lambda x: -x[0])
    return tuple((p, r, lang) for _, p, r, lang in out)


@lru_cache(maxsize=1)
def _sector_index() -> dict[str, BodyRow]:
    idx: dict[str, BodyRow] = {}
    for r in rows():
        for f in (*r.vi_sector, *r.en_sector):
            idx.setdefault(fold(f), r)
    return idx


@lru_cache(maxsize=8192)
def canonical_office(office: str | None, province: str | None = None) -> Office | None:
    """An office title in Vietnamese or English → its canonical office (role + body), else None.
    ``province`` fills a provincial body named without its province ("Chủ tịch UBND tỉnh" in an article
    about one province)."""
    if not office:
        return None
    k = fold(office)
    for pat, role, _lang in _role_patterns():
        m = pat.match(k)
        if not m:
            continue
        text = m["body"]
        body = canonical_body(text)
        if body is None and text in _sector_index():
            body = _national(_sector_index()[text])
        if body is None and province:
            body = canonical_body(f"{text} {province}")
        if body is not None:
            return Office(f"{role.vi} {body.name_vi}", _office_en(role, body), role.vi, body)
    return None


def _office_en(role: BodyRow, body: Body) -> str:
    """"Deputy Minister of Foreign Affairs" (the role's own word order with the ministry's sector), else
    "Chairman of Binh Dinh Provincial People's Committee"."""
    row = _national_index().get(fold(body.name_vi)) if body.province is None else None
    pattern = next((f for f in role.en_aliases if "{body}" in f), None)
    if row is not None and row.en_sector and pattern:
        return pattern.replace("{body}", row.en_sector[0])
    return f"{role.en} of {body.name_en}"


def key_of(name: str) -> str:
    """The folded key a query parameter should match: a listed body's canonical key, else the name folded."""
    body = canonical_body(name)
    if body is not None:
        return body.key
    office = canonical_office(name)
    return office.key if office is not None else fold(name)
