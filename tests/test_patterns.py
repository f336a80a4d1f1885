"""Trie-shaped alternations (loaders/patterns.py) and regex-free whole-word search (loaders.text.occurrences)
match exactly what the plain regexes they replace match."""
from __future__ import annotations

import random
import re

import pytest

from loaders.patterns import literal_trie, trie_pattern
from loaders.text import occurrences

WORD_EDGE = r"(?<![^\W\d_])", r"(?![^\W\d_])"


def _plain(words, flags):
    alts = sorted(set(words), key=len, reverse=True)
    return re.compile(WORD_EDGE[0] + "(?:" + "|".join(map(re.escape, alts)) + ")" + WORD_EDGE[1], flags)


def _trie(words, flags):
    return re.compile(WORD_EDGE[0] + literal_trie(words, bool(flags & re.I)) + WORD_EDGE[1], flags)


@pytest.mark.parametrize("words, text, flags, expected", [
    (["Lào", "Lào Cai"], "Đoàn tỉnh Lào Cai sang Lào.", 0, ["Lào Cai", "Lào"]),
    (["Phó", "phó chủ tịch"], "Phó Chủ tịch UBND tỉnh gặp ông Phó.", re.I, ["Phó Chủ tịch", "Phó"]),
    (["Sa Pa", "Savannakhet"], "Savannakhet và Sa Pa, không phải Savan.", 0, ["Savannakhet", "Sa Pa"]),
    (["Bộ trưởng"], "Bộ trưởngX không tính", 0, []),
])
def test_longest_alternative_wins(words, text, flags, expected):
    assert [m.group() for m in _trie(words, flags).finditer(text)] == expected
    assert [m.group() for m in _plain(words, flags).finditer(text)] == expected


def test_trie_matches_the_sorted_alternation_on_random_word_lists():
    rnd = random.Random(11)
    letters = ["a", "A", "b", "đ", "Đ", " ", "-", "."]
    for _ in range(1500):
        words = {"".join(rnd.choice(letters[:5]) for _ in range(rnd.randint(1, 5))) for _ in range(rnd.randint(1, 10))}
        text = "".join(rnd.choice(letters) for _ in range(30))
        for flags in (0, re.I):
            assert [m.span() for m in _trie(words, flags).finditer(text)] == \
                [m.span() for m in _plain(words, flags).finditer(text)], (words, text, flags)


def test_atoms_are_shared_and_nothing_matches_an_empty_trie():
    assert trie_pattern([["a", "b"], ["a", "c"]]) == "(?:a(?:b|c))"
    assert re.fullmatch(trie_pattern([]), "") is None


def test_occurrences_equal_the_whole_word_regex():
    rnd = random.Random(12)
    chars = ["a", "b", "Hà", " ", "_", "1", "\n", "ả"]
    for _ in range(3000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 25)))
        surface = "".join(rnd.choice(chars[:5]) for _ in range(rnd.randint(1, 3)))
        word = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
        letter = re.compile(r"(?<![^\W\d_])" + re.escape(surface) + r"(?![^\W\d_])")
        assert list(occurrences(text, surface)) == [m.span() for m in word.finditer(text)]
        assert list(occurrences(text, surface, letters_only=True)) == [m.span() for m in letter.finditer(text)]
    assert list(occurrences("Hà Nội, 2024Hà Nội", "Hà Nội", letters_only=True)) == [(0, 6), (12, 18)]
    assert list(occurrences("anything", "")) == []
