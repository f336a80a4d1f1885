"""Speed rewrites of the persons' scans and tokenizer and of the text layer (seventh session) must give
what the spellings they replaced gave: the same matches, tokens, sentences and language, on hand-written
texts, random texts and the generated articles."""
import random
import re

from loaders import persons, text
from loaders.patterns import FoldedFinder, literal_trie, literal_trie_after
from loaders.tables import column
from tests.rewrite_texts import generated_texts, word_mixes


ALPHABET = ("ông bà Ông BÀ Mr. mr Ms đồng chí Đồng Chí Thứ trưởng ngài (“\"'‘:;,.-–\n\t\u00a0 "
            "abcxyz ABC ăâđêôơư ẠẢẤ 0123 the delegation included gồm có ’s 's ſ 𝐀𝐁 😀 İ")


def _random_texts(n: int = 3000, seed: int = 7):
    return word_mixes(ALPHABET.split(" "), n, seed, 12)


def _generated(n: int = 120):
    return generated_texts(n)


def _spans(finder, texts):
    return [[m.span() for m in finder.finditer(t)] for t in texts]


def test_honorific_and_list_cue_scans_match_the_leading_lookbehind_spellings():
    honor = column("honorifics.tsv", "word")
    cues = column("name_list_cues.tsv", "cue")
    old_honor = FoldedFinder(r"(?:^|(?<=[\s(\[“\"'‘:;,]))" + literal_trie(honor, ignore_case=True) + r"[ \t\u00a0]+")
    old_cues = FoldedFinder(r"\b" + literal_trie(cues, ignore_case=True) + r"\b\s*:?")
    mine = ["Ông Nguyễn Văn A", "xông Nguyễn", "(ông A", "“Bà B", ",ông C", "ông", "Mr. Tanaka", "1ông A",
            "The delegation included A, B", "gồm: A", "xgồm A", "đồng chí Lê", "\u00a0ông A"]
    texts = mine + list(_random_texts()) + _generated()
    assert _spans(persons._honorific_re(), texts) == _spans(old_honor, texts)
    assert _spans(persons._list_cue_re(), texts) == _spans(old_cues, texts)


def test_literal_trie_after_tests_the_character_before_the_word():
    rx = re.compile(literal_trie_after(["ab", "abc", "b"], "[^ ,]"))
    assert [m.span() for m in rx.finditer("ab abc,b xb b")] == [(0, 2), (3, 6), (7, 8), (12, 13)]
    assert literal_trie_after([], r"\w") == "(?!)"


def test_word_start_trie_refuses_a_word_that_starts_with_a_mark():
    try:
        persons._at_word_start(["(ông"], "x.tsv")
    except ValueError as e:
        assert "x.tsv" in str(e)
    else:
        raise AssertionError("a word starting with a bracket was taken")


def test_tokenizer_with_the_spelled_out_letter_class_gives_the_same_tokens():
    def old(t):
        return [(m.start(), m.end(), m.group()) for m in persons.WORD.finditer(t)]

    mine = ["Xiêng-khoảng, the Mayor’s aide 's 12 States' ", "ǅemal Ⅻ ½ x²y", "𝐀𝐁c d", "İstanbul ſ", ""]
    for t in mine + list(_random_texts()) + _generated():
        toks, starts = persons._tokens_and_starts(t)
        assert [tuple(x) for x in toks] == old(t), t
        assert starts == [x.start for x in toks]
    # every BMP code point: the spelled class and [^\W\d_] agree
    bmp = "".join(map(chr, range(0x10000)))
    letters = re.compile(r"[^\W\d_]")
    spelled = re.compile(persons._bmp_word_split().pattern[1:-1].split("+", 1)[0])
    assert spelled.findall(bmp) == letters.findall(bmp)


def _old_split(t: str, start: int = 0, end: int | None = None):
    """split_sentences as it was (a step per space after a stop, a walk back per character)."""
    end = len(t) if end is None else end
    boundary = re.compile(r"[.!?…]+[\"”’»)\]]*")

    def abbrev(dot, floor):
        j = dot
        while j > floor and not t[j - 1].isspace():
            j -= 1
        tok = t[j:dot].strip("(“\"‘").lower()
        if not tok:
            return False
        if tok in text._ABBREV:
            return True
        return len(tok) == 1 and tok.isalpha() and t[j:dot].strip("(“\"‘").isupper()

    out, cur = [], start
    for m in boundary.finditer(t, start, end):
        b = m.end()
        nxt = t[b:b + 1] if b < end else ""
        cut = False
        if b >= end:
            cut = False
        elif nxt.isspace():
            j = b
            while j < end and t[j].isspace():
                j += 1
            c = t[j:j + 1]
            if "\n" in t[b:j]:
                cut = True
            elif c and (c.isupper() or c.isdigit() or c in "“\"‘«(–-•*["):
                cut = not abbrev(m.start(), cur)
        elif nxt.isupper() and t[b + 1:b + 2].islower() and t[m.start():m.end()].startswith("."):
            prev = t[max(cur, m.start() - 2):m.start()]
            cut = len(prev) == 2 and (prev[-1].islower() or prev[-1].isdigit()) and not abbrev(m.start(), cur)
        if cut:
            text._push(t, out, cur, b)
            cur = b
    text._push(t, out, cur, end)
    final = []
    for s, e in out:
        p = s
        for m in re.finditer(r"\n", t[:e]):
            if m.start() >= s:
                text._push(t, final, p, m.start())
                p = m.end()
        text._push(t, final, p, e)
    return final


def test_sentence_split_is_the_old_one():
    rnd = random.Random(3)
    marks = ["TP. Hồ", "Mr. A", "U.S. B", "hợp tác.Chiều", "a . B", "x.\u00a0Y", "\"Q.\" Z", "ok!\n\nB", "1. 2", "A.B",
             "năm 2024. (Ảnh", "x…  Y", "ông\tA. b", "A. ", "Đ. Nam", "’s. Z"]
    texts = marks + ["".join(rnd.choice(marks + [" ", "\n", ". ", "Xin ", "chào "]) for _ in range(rnd.randint(0, 9)))
                     for _ in range(3000)] + _generated()
    for t in texts:
        assert text.split_sentences(t) == _old_split(t), t
        assert text.split_sentences(t, 2, max(2, len(t) - 1)) == _old_split(t, 2, max(2, len(t) - 1)), t


def test_language_guess_is_the_old_one():
    def old(t):
        head = t[:4000]
        letters = text.letter_count(head) or 1
        return "vi" if len(text._VI_MARKS.findall(head)) / letters > 0.03 else "en"

    rnd = random.Random(5)
    texts = ["", " ", "ă", "a" * 5000, "Hà Nội " * 10 + "x" * 3990, "x " * 1000 + "ư" * 40]
    texts += ["".join(rnd.choice(["ă", "a", " ", "1", ".", "b", "ể"]) * rnd.randint(1, 60)
                      for _ in range(rnd.randint(0, 200))) for _ in range(2000)]
    for t in texts + _generated():
        assert text.language(t) == old(t), t[:80]
