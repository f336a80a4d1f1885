"""Many literal alternatives as one trie-shaped regex.

Python's ``re`` tries the branches of ``a|b|c…`` one after another at every position, so a gazetteer
of 1,000 names costs 1,000 attempts per character; sharing prefixes (``Ch(?:ủ tịch|ánh)``) makes it
a handful. Longer alternatives still win over their prefixes (each "end here" is a greedy ``?``
tried last), so a trie matches what the alternation sorted longest-first matches.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterable, Sequence


def trie_pattern(alternatives: Iterable[Sequence[str]]) -> str:
    """One non-capturing regex for ``alternatives``, each a sequence of regex atoms (a character or a
    token pattern) that are concatenated; equal atoms at the same place are shared."""
    root: dict = {}
    for atoms in alternatives:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}                                    # an alternative ends here
    return _emit(root) or "(?!)"


def _emit(node: dict) -> str:
    ends = "" in node
    branches = [atom + _emit(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and _single(branches[0]) else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


def _single(p: str) -> bool:
    """A pattern that a following ``?`` applies to as a whole (one escaped or plain character)."""
    return len(p) == 1 or (len(p) == 2 and p[0] == "\\")


def literal_trie(words: Iterable[str], ignore_case: bool = False) -> str:
    """``(?:w1|w2|…)`` for literal ``words``, as a trie of characters. For a pattern compiled with
    ``re.I`` the words are lower-cased first: "Phó" and "phó chủ tịch" must share one branch, or the
    branch tried first could end a match before the longer word in the other is tried."""
    return trie_pattern([re.escape(c) for c in w] for w in {(w.lower() if ignore_case else w) for w in words if w})


def literal_trie_after(words: Iterable[str], not_before: str, ignore_case: bool = False) -> str:
    r"""``literal_trie(words)`` that matches only where the character before the word is not in the class
    ``not_before`` (or the word starts the text): the test comes after the first character, as
    ``c(?<!Xc)``, so the pattern still starts with the trie's first characters and ``re`` skips ahead to
    them by itself. ``r"(?:^|(?<=[,;]))" + trie`` is ``literal_trie_after(words, "[^,;]")``; ``r"\b" + trie``
    is ``literal_trie_after(words, r"\w")`` when every word starts with a word character.
    Why: a leading ``\b`` or lookbehind makes ``re`` try the whole trie at every position of the text;
    measured on the persons' honorific, list-cue and title-head scans (300 generated articles): see
    bench/RESULTS.md, seventh session."""
    root: dict = {}
    for w in {(w.lower() if ignore_case else w) for w in words if w}:
        node = root
        for c in w:
            node = node.setdefault(re.escape(c), {})
        node[""] = {}
    if not root:
        return "(?!)"
    branches = [f"{atom}(?<!{not_before}{atom}){_emit(child)}" for atom, child in sorted(root.items()) if atom]
    return "(?:" + "|".join(branches) + ")"


# --------------------------------------------------------------------------- first characters
_RANGE_LIMIT = 512          # a wider range in a pattern's first position: no guard (the set would not help)


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can start with, or None when that cannot be bounded (a
    class like ``\\w``, a negated class, ``.``, a backreference, or a pattern that can match the empty
    string). Zero-width assertions are skipped: they constrain, they do not consume."""
    from re import _parser as sre_parse

    try:
        chars, nullable = _first(sre_parse.parse(pattern, flags))
    except _Unbounded:
        return None
    return None if nullable else frozenset(chars)


def guarded(pattern: str, flags: int = 0) -> str:
    """``pattern`` behind a lookahead on its first characters: the same matches, found sooner.

    Why: ``re`` tries every alternative of a long union at every position; a union whose members all
    start with a lookbehind cannot use ``re``'s own first-character skip, so a class check up front
    rejects most positions in one step. Measured on the commitment cue unions (300 generated
    articles, 6,932 sentence parts, CPU time): see bench/RESULTS.md."""
    if _has_own_skip(pattern, flags):
        return pattern
    chars = first_chars(pattern, flags)
    if not chars:
        return pattern
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])(?:" + pattern + ")"


def _has_own_skip(pattern: str, flags: int) -> bool:
    """``re`` already skips fast: an anchored pattern ("^…" tries one place; ``\\b`` is no anchor), or a case-sensitive one
    that starts with a literal or a class (``re`` scans for its first character itself). A guard there
    costs time: measured 0.001 → 0.016 CPU-s on the anchored meeting "episode" patterns."""
    from re import _constants as c, _parser as sre_parse

    data = sre_parse.parse(pattern, flags).data
    if not data:
        return True
    op, av = data[0]
    anchored = op is c.AT and av in (c.AT_BEGINNING, c.AT_BEGINNING_STRING, c.AT_BEGINNING_LINE)
    return anchored or (not flags & re.IGNORECASE and op in (c.LITERAL, c.IN, c.BRANCH))


class _Unbounded(Exception):
    pass


def _first(seq) -> tuple[set[str], bool]:
    """(first characters, can be empty) of a parsed sequence."""
    from re import _constants as c

    out: set[str] = set()
    for op, av in seq:
        if op is c.LITERAL:
            out.add(chr(av))
            return out, False
        if op is c.IN:
            for iop, iav in av:
                if iop is c.LITERAL:
                    out.add(chr(iav))
                elif iop is c.RANGE and iav[1] - iav[0] <= _RANGE_LIMIT:
                    out.update(chr(x) for x in range(iav[0], iav[1] + 1))
                else:
                    raise _Unbounded
            return out, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op is c.BRANCH:
            nullable = False
            for alt in av[1]:
                chars, n = _first(alt)
                out |= chars
                nullable = nullable or n
            if not nullable:
                return out, False
            continue
        if op is c.SUBPATTERN:
            if av[1] or av[2]:               # inline flags change the case rule inside
                raise _Unbounded
            chars, n = _first(av[3])
        elif op is c.ATOMIC_GROUP:
            chars, n = _first(av)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            chars, n = _first(av[2])
            n = n or av[0] == 0
        else:
            raise _Unbounded                 # ANY, NOT_LITERAL, GROUPREF, conditional groups …
        out |= chars
        if not n:
            return out, False
    return out, True


# --------------------------------------------------------------------------- required literals
_CAP = 256                  # most strings a literal set may hold before it is given up (cross products grow fast)


def _risky_chars() -> frozenset[str]:
    """Characters that ``re``'s case-insensitive match equates with a character of another lower case
    ("ſ" ~ "s", "ı" ~ "i", "ς" ~ "σ"): a test on lower-cased text could miss them, so a text holding one
    (non-ASCII: every ASCII letter's partner is non-ASCII) is not tested that way."""
    from re import _casefix

    chars = {chr(k) for k in _casefix._EXTRA_CASES} | {chr(v) for vs in _casefix._EXTRA_CASES.values() for v in vs}
    return frozenset(c for c in chars if not c.isascii())


RISKY_CHARS = _risky_chars()
_RISKY = re.compile("[" + "".join(re.escape(c) for c in sorted(RISKY_CHARS)) + "]")


def required_literals(pattern: str, flags: int = 0, fold: bool = True) -> frozenset[str] | None:
    """Lower-case strings of which every match of ``pattern`` contains one, or None when no such set
    was found (an optional or unbounded part, a class such as ``\\w``, inline flags).

    The strings are lower-cased with ``re``'s own rule whatever the flags (a case-sensitive match of
    "Họ sẽ" is a match of "họ sẽ" in the lower-cased text), except with ``fold=False`` for a
    case-sensitive pattern: then they are as written, to be looked for in the text itself.

    Why: a text part that holds none of them, lower-cased, cannot match, so the regex need not run there;
    finding the strings in a lower-cased document costs a few ``str.find`` calls, while each regex
    costs a step per character of every part it is run on. Zero-width assertions are skipped (they
    consume nothing, so the literals on both sides stay adjacent); the longest sure strings win."""
    from re import _parser as sre_parse

    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    best = _seq(parsed, fold or bool(flags & re.IGNORECASE))[1]
    if best is None or "" in best or any(c in RISKY_CHARS for s in best for c in s):
        return None
    return frozenset(best)


def leading_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` starts with, as written, or None when the start is not
    a literal (a class such as ``\\w``, something optional). Zero-width assertions are skipped. Case-sensitive
    patterns only (``re.I`` gives None): the strings are to be looked for in the text itself."""
    from re import _parser as sre_parse

    if flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    lead = _lead(list(parsed))
    return None if not lead or "" in lead else frozenset(lead)


def _lead(items, fold: bool = False) -> set[str]:
    """The literal starts of a sequence: its exact items, joined, up to the first one that is not exact
    (with ``fold``, every literal lower-cased by ``_item``'s rule, for ``folded_leading_literals``)."""
    from re import _constants as c

    run = {""}
    for item in items:
        op, av = item
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        exact = _item(item, fold)[0]
        if exact is not None:
            if len(run) * len(exact) > _CAP:
                return run
            run = {a + b for a in run for b in exact}
            continue
        if op is c.SUBPATTERN and not (av[1] or av[2]):
            more = _lead(list(av[3]), fold)
        elif op is c.BRANCH:
            more = set()
            for alt in av[1]:
                more |= _lead(list(alt), fold)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            more = _lead(list(av[2]), fold)
        else:
            return run
        if "" in more or len(run) * len(more) > _CAP:
            return run
        return {a + b for a in run for b in more}
    return run


def _lower(c: int) -> str:
    import _sre

    return chr(_sre.unicode_tolower(c))


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two literal sets: the longer shortest string, then the fewer strings."""
    if a is None or "" in a:
        return None if b is None or "" in b else b
    if b is None or "" in b:
        return a
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return b if kb > ka else a


def _seq(items, fold: bool) -> tuple[set[str] | None, set[str] | None]:
    """(every string the sequence can match, when finitely few; a set of which each match holds one)."""
    run: set[str] | None = {""}
    whole: set[str] | None = {""}
    best: set[str] | None = None
    for item in items:
        exact, factors = _item(item, fold)
        if exact is not None:
            if run is not None and len(run) * len(exact) <= _CAP:
                run = {a + b for a in run for b in exact}
            else:
                best = _better(best, run)
                run = set(exact)
            if whole is not None:
                whole = {a + b for a in whole for b in exact} if len(whole) * len(exact) <= _CAP else None
        else:
            best = _better(_better(best, run), factors)
            run, whole = {""}, None
    best = _better(best, run)
    return whole, best


def _item(item, fold: bool) -> tuple[set[str] | None, set[str] | None]:
    """(exact strings, required literals) of one parsed item."""
    from re import _constants as c

    op, av = item
    if op is c.LITERAL:
        return {_lower(av) if fold else chr(av)}, None
    if op is c.IN:
        chars = set()
        for iop, iav in av:
            if iop is not c.LITERAL:
                return None, None
            chars.add(_lower(iav) if fold else chr(iav))
        return chars, None
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return {""}, None
    if op is c.BRANCH:
        exact: set[str] | None = set()
        factors: set[str] | None = set()
        for alt in av[1]:
            e, f = _seq(alt, fold)
            exact = exact | e if exact is not None and e is not None and len(exact) + len(e) <= _CAP else None
            f = _better(f, e)
            factors = factors | f if factors is not None and f is not None else None
        return exact, factors
    if op is c.SUBPATTERN:
        if av[1] or av[2]:
            return None, None
        return _seq(av[3], fold)
    if op is c.ATOMIC_GROUP:
        return _seq(av, fold)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        lo, hi, body = av
        e, f = _seq(body, fold)
        if lo == 0:
            return (e | {""} if e is not None and hi == 1 else None), None
        if lo == hi == 1:
            return e, f
        return None, _better(f, e)
    return None, None


# --------------------------------------------------------------------------- any of several regexes
class AnyOf:
    """Does any of several regexes match somewhere in a string? ``search(s)`` answers as
    ``re.compile("|".join(patterns), flags).search(s)`` would, by truth value.

    Why: in one union, every alternative is tried at every position, the ones anchored at the start
    ("^…", most of the boilerplate table) as well; here the anchored ones are one union tried at
    position 0 (``match``), and only the others are searched. Measured on the boilerplate "line"
    patterns over 2,494 lines of 300 generated articles: see bench/RESULTS.md."""

    def __init__(self, patterns: Iterable[str], flags: int = 0):
        anchored, floating = [], []
        for p in patterns:
            (anchored if _starts_anchored(p, flags) else floating).append(p)
        self._start = re.compile("|".join(f"(?:{p})" for p in anchored), flags) if anchored else None
        self._anywhere = re.compile("|".join(f"(?:{p})" for p in floating), flags) if floating else None

    def search(self, s: str) -> bool:
        return bool((self._start is not None and self._start.match(s))
                    or (self._anywhere is not None and self._anywhere.search(s)))


def _starts_anchored(pattern: str, flags: int) -> bool:
    """Only at the very start of the string: a leading "^" without MULTILINE, or "\\A"."""
    from re import _constants as c, _parser as sre_parse

    data = sre_parse.parse(pattern, flags).data
    if not data:
        return False
    op, av = data[0]
    if op is not c.AT:
        return False
    return av is c.AT_BEGINNING_STRING or (av is c.AT_BEGINNING and not flags & re.MULTILINE)


# --------------------------------------------------------------------------- every occurrence of many literals
class LiteralFinder:
    """Every occurrence of each of many literal strings, overlapping ones included.

    One regex (the literals' trie) finds the next place where some literal starts, and the longest one
    there; the shorter literals at the same place are its prefixes that are literals too, known in
    advance; the search goes on one character further. Why: a ``str.find`` loop per literal cost ~170
    scans of the text, 3.4x the CPU of a single pass; a zero-width lookahead pass (every position
    tried) 1.4x this search, where ``re`` skips ahead by the trie's first characters itself
    (300 generated articles, vi cue literals: 0.036 → 0.025 CPU-s)."""

    def __init__(self, literals: Iterable[str]):
        lits = sorted({x for x in literals if x})
        self._prefixes = {x: tuple(p for p in lits if x.startswith(p)) for x in lits}
        self._rx = re.compile(literal_trie(lits)) if lits else re.compile("(?!)")

    def find_all(self, text: str) -> dict[str, list[int]]:
        """{literal: ascending start offsets} for the literals that occur in ``text``."""
        out: dict[str, list[int]] = {}
        prefixes, search = self._prefixes, self._rx.search
        m = search(text)
        while m is not None:
            p = m.start()
            for lit in prefixes[m.group()]:
                at = out.get(lit)
                if at is None:
                    out[lit] = [p]
                else:
                    at.append(p)
            m = search(text, p + 1)
        return out


# --------------------------------------------------------------------------- a regex behind a literal test
@lru_cache(maxsize=8)
def _lowered(text: str) -> str | None:
    """``text`` lower-cased, when that keeps every offset and re's case rule (else None)."""
    low = text.lower()
    return low if len(low) == len(text) and not _RISKY.search(low) else None


_FEW = 6                    # literals a Gated regex tests one by one (measured: find beats the trie up to ~6-8)


class Gated:
    """A compiled regex that is run only when the text holds one of the literals each of its matches
    holds (``required_literals``); it answers as the regex would. For the regexes run once over a
    whole article that most articles give no match: the literal test is one search of a literal trie,
    which ``re`` skips through by first character, where the regex itself costs a step or more per
    character. Measured per regex on 300 generated articles: see bench/RESULTS.md."""

    def __init__(self, rx: re.Pattern):
        self.rx = rx
        self.pattern, self.flags, self.groupindex = rx.pattern, rx.flags, rx.groupindex
        self._fold = bool(rx.flags & re.IGNORECASE)
        lits = required_literals(rx.pattern, rx.flags, fold=False)
        # without their outer spaces: a match holds the inner string too, and a trie that starts with a space
        # makes re stop at every space of the text (measured on the places' gates over 300 generated articles:
        # _CENTRAL's 0.0054 -> 0.0029 s, _EN_ORGS's 0.0040 -> 0.0024 s)
        if lits:
            lits = frozenset(lit.strip() for lit in lits)
            if "" in lits:
                lits = None
        # a few literals: str.find each (C's fast search); many: one search of their trie
        self._few = tuple(sorted(lits)) if lits and len(lits) <= _FEW else None
        self._gate = re.compile(literal_trie(lits)) if lits and len(lits) > _FEW else None

    def _may(self, text: str, pos: int, endpos: int) -> bool:
        if self._gate is None and self._few is None:
            return True
        if self._fold:
            low = _lowered(text)
            if low is None:
                return True
            text = low
        if self._few is not None:
            return any(text.find(lit, pos, endpos) >= 0 for lit in self._few)
        return self._gate.search(text, pos, endpos) is not None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.rx.search(text, pos, endpos) if self._may(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.rx.match(text, pos, endpos) if self._may(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.rx.finditer(text, pos, endpos) if self._may(text, pos, endpos) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.rx.findall(text, pos, endpos) if self._may(text, pos, endpos) else []


# --------------------------------------------------------------------------- where in a text a regex can match
class Occurrences:
    """Where a regex's required literals start in one text (ascending), and the shortest literal's
    length: a span can hold a match only if a literal starts in it and the shortest one fits after that
    start (a weaker test than "a whole occurrence fits", so it never rules out a real match).

    A plain class with slots, not a frozen dataclass: ~60 are made per article, and a frozen
    dataclass's __init__ sets each field through object.__setattr__."""

    __slots__ = ("starts", "shortest")

    def __init__(self, starts: list[int], shortest: int):
        self.starts = starts
        self.shortest = shortest

    def within(self, lo: int, hi: int) -> bool:
        i = bisect_left(self.starts, lo)
        return i < len(self.starts) and self.starts[i] + self.shortest <= hi


class LiteralGate:
    """For several regexes, where in one text each can match (``places(text)``: one ``Occurrences``
    per regex, or None where the regex has no required literals or the text cannot be lower-cased
    safely, meaning anywhere). The literals of all of them are found in one pass (``LiteralFinder``).

    Why: rule families run the same regexes over every sentence or sentence part of an article, and
    most parts can hold no match; one pass over the article and a bisection per part replace a regex
    run per part. Measured in bench/RESULTS.md."""

    def __init__(self, regexes: Sequence[re.Pattern]):
        self._literals = [required_literals(rx.pattern, rx.flags) for rx in regexes]
        self._owners: dict[str, list[int]] = {}             # literal → the regexes that need it
        for k, lits in enumerate(self._literals):
            for lit in lits or ():
                self._owners.setdefault(lit, []).append(k)
        self._shortest = [min(map(len, lits)) if lits else 0 for lits in self._literals]
        self._finder = LiteralFinder(self._owners)

    def places(self, text: str) -> tuple[Occurrences | None, ...]:
        low = _lowered(text)
        if low is None:
            return tuple(None for _ in self._literals)
        found: list[list[list[int]]] = [[] for _ in self._literals]
        for lit, starts in self._finder.find_all(low).items():     # only the literals present: few
            for k in self._owners[lit]:
                found[k].append(starts)
        out: list[Occurrences | None] = []
        for lits, short, lists in zip(self._literals, self._shortest, found):
            if lits is None:
                out.append(None)
            elif len(lists) == 1:
                out.append(Occurrences(lists[0], short))
            else:
                out.append(Occurrences(sorted(s for at in lists for s in at), short))
        return tuple(out)

    def parts(self, text: str, starts: Sequence[int], ends: Sequence[int]) -> tuple[frozenset[int] | None, ...]:
        """For each regex, the indexes of the parts of ``text`` (``starts[i]``:``ends[i]``, ordered and disjoint, such
        as its sentences) where it can match: those where ``places(text)[k].within(starts[i], ends[i])`` is true;
        None for a regex that may match anywhere. Why: a rule family that asks this of every part pays a bisection
        per part and regex (~150 an article in the meetings); here each literal found is put in its part, and an
        article's literals are few (~3.5 per generated article), so a loop visits only the parts listed."""
        low = _lowered(text)
        if low is None:
            return tuple(None for _ in self._literals)
        found: list[set[int]] = [set() for _ in self._literals]
        shortest, owners = self._shortest, self._owners
        for lit, at in self._finder.find_all(low).items():
            for p in at:
                i = bisect_right(starts, p) - 1
                if i < 0:
                    continue
                end = ends[i]
                for k in owners[lit]:
                    if p + shortest[k] <= end:
                        found[k].add(i)
        return tuple(None if lits is None else frozenset(f) for lits, f in zip(self._literals, found))


# --------------------------------------------------------------------------- where in a text a match can start
def folded_leading_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` starts with, or None when the start is not a
    literal (a class such as ``\\w``, something optional, inline flags). As ``required_literals``, the strings
    are lower-cased with ``re``'s own rule whatever the flags, to be looked for in the lower-cased text (a
    case-sensitive match of "Đề nghị" starts where the lower-cased text has "đề nghị"); zero-width assertions
    are skipped. ``leading_literals`` is the case-sensitive form, for the text itself."""
    from re import _parser as sre_parse

    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    lead = _lead(list(parsed), fold=True)
    if not lead or "" in lead or any(c in RISKY_CHARS for s in lead for c in s):
        return None
    return frozenset(lead)


class StartGate:
    """For several regexes, where in one text each can match, finer than ``LiteralGate``: a regex whose every
    match starts with one of a few literals (``folded_leading_literals``) is tried only where one of them
    starts; any regex only in a span that holds one of its ``required_literals``; a regex with neither may
    match anywhere (``free``). One ``LiteralFinder`` pass over the lower-cased text finds all the literals.

    ``spots(text)``: ``(start, regex index, reach, what)`` sorted by start, where ``what`` says whether a match
    can start there (``START``) and whether the span must hold it (``NEED``), and ``reach`` is where that
    literal ends (a leading one) or ``start`` plus the regex's shortest required literal: a span ``[lo, hi)``
    can hold a match of regex k only if a ``NEED`` spot of k has ``lo <= start`` and ``reach <= hi``, and then
    (for a regex in ``starts``) every match inside the span starts at a ``START`` spot of k such as that.

    Why: a regex whose matches can only start at known offsets need not be searched over a whole sentence
    part (a step per character); a ``match`` at each offset finds the same matches (``finditer`` takes the
    leftmost, then goes on from its end). Both tests, because a cue's first word is often common where a
    later one is rare ("đã … nhận được"). The commitment cues over 300 generated articles: see
    bench/RESULTS.md, eighth session."""

    START, NEED = 1, 2

    def __init__(self, regexes: Sequence[re.Pattern]):
        owners: dict[str, dict[int, list[int]]] = {}           # literal → {regex: [what, reach length]}
        starts, free = [], []
        for k, rx in enumerate(regexes):
            lead = folded_leading_literals(rx.pattern, rx.flags)
            need = required_literals(rx.pattern, rx.flags)
            starts.append(lead is not None)
            if need is None:
                need = lead                  # a match starts with a lead: a span holds one
            if need is None:
                free.append(k)
                continue
            shortest = min(map(len, need))
            for lit in need:
                owners.setdefault(lit, {})[k] = [self.NEED, shortest]
            for lit in lead or ():
                at = owners.setdefault(lit, {}).setdefault(k, [0, len(lit)])
                at[0] |= self.START
                at[1] = len(lit) if at[0] == self.START else min(at[1], len(lit))
        self.starts: tuple[bool, ...] = tuple(starts)        # per regex: are its START spots where matches start
        self.free: tuple[int, ...] = tuple(free)
        self._owners = {lit: tuple((k, what, length) for k, (what, length) in ks.items()) for lit, ks in owners.items()}
        self._finder = LiteralFinder(self._owners)

    def spots(self, text: str) -> list[tuple[int, int, int, int]] | None:
        """The spots of every regex in ``text``, sorted; None when the text cannot be lower-cased safely
        (then every regex may match anywhere)."""
        low = _lowered(text)
        if low is None:
            return None
        out: list[tuple[int, int, int, int]] = []
        owners = self._owners
        for lit, at in self._finder.find_all(low).items():
            for k, what, length in owners[lit]:
                out.extend([(s, k, s + length, what) for s in at])
        out.sort()
        return out


# --------------------------------------------------------------------------- case-insensitive scans on lower-cased text
class FoldedFinder:
    """``finditer`` of a case-insensitive pattern, run case-sensitively over the lower-cased text when
    that is safe (``_lowered``), else as the case-insensitive regex. The matches' offsets are the same;
    their text is the lower-cased one, so callers use offsets only.

    Why: re's case-insensitive matching folds every character it compares; on lower-cased text a
    case-sensitive trie compares directly, and re can skip ahead to its first characters. Measured on
    the persons' title-head trie over 300 generated articles: 0.056 → 0.025 CPU-s (the lower-casing,
    0.004 s, is shared through ``_lowered``'s cache)."""

    def __init__(self, pattern: str):
        _check_lower(pattern)
        self._folded = re.compile(pattern, re.IGNORECASE)
        self._lower = re.compile(pattern)

    def finditer(self, text: str):
        low = _lowered(text)
        return self._folded.finditer(text) if low is None else self._lower.finditer(low)


_LEADING_LETTERS = re.compile(r"[^\W\d_]+")


def _is_letter(c: str) -> bool:        # what ``[^\W\d_]`` matches
    return c.isalnum() and not c.isdecimal()


class WordLedFinder(FoldedFinder):
    """``FoldedFinder.finditer`` of a pattern made of a table's words, every match of which starts where a run
    of letters starts (the character before is no letter) and that run, as long as it goes, is the first run
    of letters of one of the words ("chủ" of "chủ tịch", "mr" of "Mr."): a leading ``\\b`` or lookbehind, and
    no letter right after a word that is all letters (a ``\\b`` or a space after the words). The words' first
    runs that the text holds are known from its distinct runs (``loaders.text.Words.lower_runs``, a set
    intersection), their places by ``str.find``; the pattern is tried at those places only, in text order,
    each after the last match: the matches ``finditer`` gives. A text that cannot be lower-cased safely runs
    the case-insensitive regex.

    Why: ``re`` stops at every character that starts some word of the trie (c, t, b, đ, m … are most of a
    text's letters) and tries the trie there; a text holds a few of the words. The persons' head, honorific
    and list-cue scans over 300 generated articles, CPU: see bench/RESULTS.md, eighth session; the same
    matches as the trie scans on hand-written, random and generated texts (tests/test_text_words.py)."""

    def __init__(self, pattern: str, words: Iterable[str]):
        super().__init__(pattern)
        by_first: dict[str, set[str]] = {}
        for w in words:
            m = _LEADING_LETTERS.match(w.lower())
            if m is None:
                raise ValueError(f"WordLedFinder: a word must start with a letter: {w!r}")
            by_first.setdefault(m.group(), set()).add(w.lower())
        self._firsts = frozenset(by_first)
        # a match starts with one of the words (lower-cased) that open with its first run: one ``startswith`` of
        # them before the regex is tried ("tỉnh" stands in most articles, "tỉnh trưởng" in few)
        self._words_of = {k: tuple(sorted(v)) for k, v in by_first.items()}

    def finditer_runs(self, text: str, lower_runs) -> list[re.Match]:
        """``finditer(text)`` as a list; ``lower_runs()`` gives the lower-cased runs of letters of ``text``
        (asked only when the lower-cased text keeps every offset)."""
        low = _lowered(text)
        if low is None:
            return list(self._folded.finditer(text))
        present = self._firsts.intersection(lower_runs())
        if not present:
            return []
        at: list[int] = []
        find, starts, words_of = low.find, low.startswith, self._words_of
        for w in present:
            full = words_of[w]
            i = find(w)
            while i >= 0:
                if (i == 0 or not _is_letter(low[i - 1])) and starts(full, i):
                    at.append(i)
                i = find(w, i + 1)
        at.sort()
        out: list[re.Match] = []
        match, last = self._lower.match, 0
        for p in at:
            if p >= last:
                m = match(low, p)
                if m is not None:
                    out.append(m)
                    last = m.end()
        return out


def _check_lower(pattern: str) -> None:
    """Every character the pattern names must be its own lower case (classes such as \\w and \\s are
    the same on lower-cased text); otherwise the case-sensitive run would miss matches."""
    from re import _constants as c, _parser as sre_parse

    def walk(items) -> None:
        for op, av in items:
            if op in (c.LITERAL, c.NOT_LITERAL):
                if _lower(av) != chr(av) or chr(av) in RISKY_CHARS:
                    raise ValueError(f"FoldedFinder: {chr(av)!r} is not lower case in {pattern[:60]!r}…")
            elif op is c.IN:
                for iop, iav in av:
                    if iop is c.LITERAL and (_lower(iav) != chr(iav) or chr(iav) in RISKY_CHARS):
                        raise ValueError(f"FoldedFinder: {chr(iav)!r} is not lower case in {pattern[:60]!r}…")
                    if iop is c.RANGE and any(_lower(x) != chr(x) for x in range(iav[0], iav[1] + 1)):
                        raise ValueError(f"FoldedFinder: a range with capitals in {pattern[:60]!r}…")
            elif op is c.BRANCH:
                for alt in av[1]:
                    walk(alt)
            elif op is c.SUBPATTERN:
                if av[1] or av[2]:
                    raise ValueError("FoldedFinder: inline flags")
                walk(av[3])
            elif op in (c.ASSERT, c.ASSERT_NOT):
                walk(av[1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op is c.ATOMIC_GROUP:
                walk(av)
            elif op in (c.GROUPREF, c.GROUPREF_EXISTS):
                raise ValueError("FoldedFinder: back references")

    walk(sre_parse.parse(pattern))


# --------------------------------------------------------------------------- a regex tried only where its matches can start
def finditer_at_heads(rx: re.Pattern, heads: re.Pattern, text: str, pos: int = 0, endpos: int = sys.maxsize):
    """``rx.finditer(text, pos, endpos)``, with ``rx`` tried only where ``heads`` matches (every start of a match of
    ``heads``, overlapping ones included). The same matches when ``rx`` matches no empty string and ``heads``
    matches (with the same ``endpos``) wherever a match of ``rx`` starts: a search tries ``rx`` at each position
    in turn and goes on after the match's end, as this does at each head.

    Why: a pattern that opens with an optional part (``(?:\\bOn\\s+…)?\\bMonth …``) gives ``re`` no first
    character to skip to, so it is tried at every position; a ``heads`` pattern made of literals is skipped
    through by first character, and ``rx`` runs at its few matches only (eighth session, the English date forms
    over the leads of 67 generated articles: 0.0022 → 0.0010 CPU-s)."""
    end = min(endpos, len(text))
    h = heads.search(text, pos, end)
    while h is not None:
        p = h.start()
        m = rx.match(text, p, end)
        if m is not None:
            yield m
            h = heads.search(text, m.end(), end)
        else:
            h = heads.search(text, p + 1, end)
