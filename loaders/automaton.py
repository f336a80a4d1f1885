"""All gazetteer names found in one pass over a text: a word-level automaton.

A name is a sequence of tokens: runs of letters and digits, and single punctuation marks ("U.S." is
``U . S .``). Between two tokens of a name the text may put spaces or a hyphen or dash, which are all
the same separator ("Xa-van-na-khệt" = "Xa van na khệt"), or nothing; never a line break or another
mark. Tokens compare exactly (the caller normalises tone marks first; case is the names' own).

Why not one big regex: the province and partner surfaces are ~3,000 names, and Python's ``re``
compiled their trie in ~3 s at every start (0.8 s when they were 1,000), which each ``dipkg
extract`` run paid before its first document. This automaton builds in tens of milliseconds,
grows linearly with the gazetteer, and scans a text with one regex over the words whose initial
starts some name, then one dictionary probe for each. The scan is leftmost-longest like the regex was: at each token the longest name
wins, and the scan goes on after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

V = TypeVar("V")

_TOKEN = re.compile(r"[^\W_]+|[^\s\-–—‐]")          # a word, or one mark that is not a separator
_SEPARATOR = re.compile(r"[ \t\u00a0]*(?:[-–—‐][ \t\u00a0]*)?")


def tokens(name: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(name))


@dataclass(frozen=True)
class Hit(Generic[V]):
    start: int
    end: int
    value: V


class Automaton(Generic[V]):
    """Names → values; ``scan(text)`` gives every leftmost-longest, non-overlapping name in the text."""

    def __init__(self, names: Iterable[tuple[str, V]]):
        self._names: dict[tuple[str, ...], V] = {}
        self._longest: dict[str, int] = {}                 # first token → most tokens of a name it starts
        for name, value in names:
            toks = tokens(name)
            if not toks or toks in self._names:
                continue                                   # the first value given for a name stays
            self._names[toks] = value
            if len(toks) > self._longest.get(toks[0], 0):
                self._longest[toks[0]] = len(toks)

        # a name can only start at a word whose first letter starts some name: one regex finds those words
        initials = sorted({t[0] for t in self._longest})
        self._starts = re.compile(r"(?<![^\W_])[" + "".join(re.escape(c) for c in initials) + r"][^\W_]*"
                                  if initials else r"(?!)")

    def __len__(self) -> int:
        return len(self._names)

    def scan(self, text: str) -> list[Hit[V]]:
        hits: list[Hit[V]] = []
        names, longest = self._names, self._longest
        done = 0                                           # names do not overlap: the scan resumes here
        for m in self._starts.finditer(text):
            most = longest.get(m.group())
            if most is None or m.start() < done:
                continue
            # the tokens that follow without a line break or a foreign mark between them
            found = [(m.start(), m.end(), m.group())]
            pos = m.end()
            while len(found) < most:
                t = _TOKEN.search(text, pos)
                if t is None or not _joined(text, pos, t.start()):
                    break
                found.append((t.start(), t.end(), t.group()))
                pos = t.end()
            for k in range(len(found), 0, -1):
                value = names.get(tuple(tok for _, _, tok in found[:k]))
                if value is not None:
                    hits.append(Hit(found[0][0], found[k - 1][1], value))
                    done = found[k - 1][1]
                    break
        return hits


def _joined(text: str, end: int, start: int) -> bool:
    """Only a name separator (spaces, one hyphen or dash) between two tokens."""
    if end == start:
        return True
    m = _SEPARATOR.match(text, end, start)
    return m is not None and m.end() == start
