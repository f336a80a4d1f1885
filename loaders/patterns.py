"""Many literal alternatives as one trie-shaped regex.

Python's ``re`` tries the branches of ``a|b|c…`` one after another at every position, so a gazetteer
of 1,000 names costs 1,000 attempts per character; sharing prefixes (``Ch(?:ủ tịch|ánh)``) makes it
a handful. Longer alternatives still win over their prefixes (each "end here" is a greedy ``?``
tried last), so a trie matches what the alternation sorted longest-first matches.
"""
from __future__ import annotations

import re
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
