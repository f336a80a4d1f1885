"""The text layer's words (loaders/text.Words) and the scans that ask which words a text holds
(loaders/patterns.WordLedFinder, eighth session) must give what the regex scans they replaced gave:
the same words, every run of letters, and the same matches, on hand-written, random and generated texts."""
import re

import pytest

from loaders import persons
from loaders.patterns import FoldedFinder, WordLedFinder, literal_trie, literal_trie_after
from loaders.tables import column, read_table
from loaders.text import WORD, Words, text_doc
from tests.rewrite_texts import SEPARATORS, generated_texts, word_mixes


ALPHABET = ("ông bà Ông BÀ Mr. mr Ms MR đồng chí Đồng Chí Thứ trưởng THỨ TRƯỞNG ngài (“\"'‘:;,.-–\n\t\u00a0 "
            "Chủ tịch chủ tịch UBND Phó Bí thư Deputy Governor governor Ambassador-at-large xông không "
            "abcxyz ABC ăâđêôơư ẠẢẤ 0123 the delegation included gồm có bao gồm ’s 's ſ 𝐀𝐁 😀 İ Σ ΑΣ K "
            "các đồng chí Đại tá cùng tham gia attended")


def _random_texts(n: int = 3000, seed: int = 11):
    return word_mixes(ALPHABET.split(" "), n, seed, 14, SEPARATORS + ("'", "’", "2"))


def _generated(n: int = 150):
    return generated_texts(n)


MINE = ["Ông Nguyễn Văn A", "xông Nguyễn", "(ông A", "“Bà B", ",ông C", "ông", "Mr. Tanaka", "1ông A", "MR. X",
        "The delegation included A, B", "gồm: A", "xgồm A", "đồng chí Lê", "\u00a0ông A", "Phó Chủ tịch UBND",
        "Vice-President Kim", "Ambassador-at-large", "Thứ trưởng-Bộ", "ΑΣ ông A", "İ ông A", "K Governor", ""]
TEXTS = MINE + list(_random_texts()) + _generated()


def test_words_are_the_word_regex_matches_and_their_runs_every_letter_run():
    letters = re.compile(r"[^\W\d_]+")
    for t in TEXTS:
        w = Words(t)
        assert list(zip(w.starts, w.ends, w.words)) == [(m.start(), m.end(), m.group()) for m in WORD.finditer(t)], t
        runs = set(letters.findall(t))
        assert runs <= w.runs(), t
        low = t.lower()
        if len(low) == len(t) and "σ" not in low and "ς" not in low:
            assert set(letters.findall(low)) <= w.lower_runs(), t


def test_words_are_made_once_per_article():
    td = text_doc("x", "Ông Nguyễn Văn A")
    assert td.words is td.words and td.words.words == ["Ông", "Nguyễn", "Văn", "A"]


def _old_and_new():
    heads = {r["head"] for r in read_table("titles.tsv", ("head", "lang", "side"))}
    honor = column("honorifics.tsv", "word")
    cues = column("name_list_cues.tsv", "cue")
    return [
        (FoldedFinder(r"\b" + literal_trie(heads, ignore_case=True) + r"\b"), persons._head_finder()),
        (FoldedFinder(r"(?:^|(?<=[\s(\[“\"'‘:;,]))" + literal_trie(honor, ignore_case=True) + r"[ \t\u00a0]+"),
         persons._honorific_re()),
        (FoldedFinder(r"\b" + literal_trie(cues, ignore_case=True) + r"\b\s*:?"), persons._list_cue_re()),
    ]


def test_word_led_scans_match_the_trie_scans():
    pairs = _old_and_new()
    for t in TEXTS:
        w = Words(t)
        for old, new in pairs:
            assert [m.span() for m in new.finditer_runs(t, w.lower_runs)] == [m.span() for m in old.finditer(t)], t


def test_word_led_finder_refuses_a_word_that_starts_with_a_mark():
    with pytest.raises(ValueError):
        WordLedFinder(literal_trie_after(["(ông"], r"\w"), ["(ông"])


def test_listed_vietnamese_marks_are_the_case_insensitive_class():
    from loaders.text import _VI_MARKS, _VI_MARKS_LISTED

    every = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    assert _VI_MARKS_LISTED.findall(every) == _VI_MARKS.findall(every)


def test_sentences_made_without_their_init_are_the_dataclass_objects():
    from loaders.text import Sentence, _sentence

    for args in ((0, 3, "abc", True), (5, 9, "Ông A", False)):
        a, b = Sentence(*args), _sentence(*args)
        assert a == b and hash(a) == hash(b) and repr(a) == repr(b) and vars(a) == vars(b)
        assert list(vars(a)) == list(vars(b))
