"""All gazetteer names found in one pass over a text: a word-level automaton.

A name is a sequence of tokens: runs of letters and digits, and single punctuation marks ("U.S." is
``U . S .``). Between two tokens of a name the text may put spaces or a hyphen or dash, which are all
the same separator ("Xa-van-na-khệt" = "Xa van na khệt"), or nothing; never a line break or another
mark. Tokens compare exactly (the caller normalises tone marks first; case is the names' own).

Why not one big regex: the trie-shaped regexes (loaders/patterns.py) did the same job in two passes,
one for provinces and one for partners, and a compile that grows with the gazetteer. Measured here
in CPU seconds (the machine was shared, so wall time is not a measure): the two regexes of the
previous code, ~1,000 partner and ~235 province surfaces, compiled in 0.12 s and scanned 300
generated articles (0.7 MB) in 0.07 s; this automaton over today's ~2,800 names builds in 0.04 s
and scans the same articles in 0.08-0.10 s, once for both. It scans with one regex over the words
that are some name's first token, then walks a trie of tokens from there; at each such word the longest
name wins and the scan goes on after it (leftmost-longest, as the regexes matched).

Why a trie walk, not the tokens up to the longest name that starts with the first token, then one dictionary
probe per length: the walk stops at the first token that no name goes on with ("Hà Nội đã": no name goes on
with "đã"), where the probe read every token up to the longest length first and built a tuple per probe.
Scan of 300 generated articles, CPU: 0.0240 → 0.0132 s (medians of 11; bench/RESULTS.md, seventh session).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

from loaders.patterns import literal_trie

V = TypeVar("V")

_TOKEN = re.compile(r"[^\W_]+|[^\s\-–—‐]")          # a word, or one mark that is not a separator
_WORD_RUN = re.compile(r"[^\W_]+")
_SEPARATOR = re.compile(r"[ \t\u00a0]*(?:[-–—‐][ \t\u00a0]*)?")
# The next token when only a separator lies before it, in one match: what a ``_TOKEN.search`` and then a full
# ``_SEPARATOR`` match over the gap answered before (every character before the next token is a space or a dash;
# the separator takes all of them, or the token is not joined). Why: two regex calls per token after a name's
# first word, ~14,000 per 300 generated articles; one is cheaper (the whole scan 0.0512 → 0.0457 CPU-s;
# bench/RESULTS.md, sixth session).
_JOINED_TOKEN = re.compile(_SEPARATOR.pattern + "(" + _TOKEN.pattern + ")")
_NEXT_TOKEN = _JOINED_TOKEN.match


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
        self._roots: dict[str, _Node] = {}                 # first token → its node of the token trie
        self._count = 0
        for name, value in names:
            toks = tokens(name)
            if not toks:
                continue
            node = self._roots.get(toks[0])
            if node is None:
                node = self._roots[toks[0]] = _Node()
            for tok in toks[1:]:
                nxt = node.next.get(tok)
                if nxt is None:
                    nxt = node.next[tok] = _Node()
                node = nxt
            if node.named:
                continue                                   # the first value given for a name stays
            node.named, node.value = True, value
            self._count += 1

        # a name can only start at a word that is some name's first token: one regex finds those words.
        # Why a trie of the first tokens, not "[initials][^\W_]*": re scans for the trie's first letters
        # itself and stops only at candidate words, not at every word (scan: see bench/RESULTS.md).
        # It needs first tokens that are whole words; a mark as a first token keeps the general regex.
        firsts = list(self._roots)
        if firsts and all(_WORD_RUN.fullmatch(t) for t in firsts):
            self._starts = re.compile(literal_trie(firsts) + r"(?![^\W_])")
            self._check_before = True
        else:
            initials = sorted({t[0] for t in firsts})
            self._starts = re.compile(r"(?<![^\W_])[" + "".join(re.escape(c) for c in initials) + r"][^\W_]*"
                                      if initials else r"(?!)")
            self._check_before = False

    def __len__(self) -> int:
        return self._count

    def scan(self, text: str) -> list[Hit[V]]:
        hits: list[Hit[V]] = []
        roots = self._roots
        done = 0                                           # names do not overlap: the scan resumes here
        check_before = self._check_before
        for m in self._starts.finditer(text):
            s = m.start()
            if s < done or (check_before and s and text[s - 1].isalnum()):
                continue                                   # inside a name already found, or inside a word
            node = roots.get(m.group())
            if node is None:
                continue
            # walk the token trie along the tokens that follow without a line break or a foreign mark between
            # them, as long as some name goes on; the last named node passed is the longest name here
            pos = m.end()
            end, value = (pos, node.value) if node.named and node.value is not None else (-1, None)
            while node.next:
                t = _NEXT_TOKEN(text, pos)             # separator and token in one match: see _JOINED_TOKEN
                if t is None:
                    break
                node = node.next.get(t.group(1))
                if node is None:
                    break
                pos = t.end()
                if node.named and node.value is not None:
                    end, value = pos, node.value
            if end >= 0:
                hits.append(Hit(s, end, value))
                done = end
        return hits


class _Node:
    """A node of the token trie: the tokens that continue some name, and the value of the name that ends here."""

    __slots__ = ("next", "named", "value")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.named = False
        self.value = None
