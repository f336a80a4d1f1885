"""Speed rewrites must not change a match: the first-character guard (loaders/patterns.py), the
tokenizer's word regex (loaders/persons.py) and the automaton's two start finders (loaders/automaton.py)."""
import re

from loaders.automaton import Automaton
from loaders.patterns import first_chars, guarded
from loaders.persons import tokenize

SENTENCES = [
    "Ông Trần Văn Bình đã ký kết biên bản ghi nhớ với đoàn tỉnh Xiêng-khoảng ngày 3/4.",
    "The governor's team, the States' envoys and the Mayor’s aide signed a memorandum in 2024.",
    "Hai bên nhất trí sẽ tiếp tục hỗ trợ nhau; đề nghị phía bạn tạo điều kiện.",
    "“Kêu gọi” các doanh nghiệp: yêu cầu, mong muốn và 12 tỷ đồng — X-quang 's ’s",
    "",
]


def test_first_chars_of_branches_repeats_and_assertions():
    assert first_chars(r"(?<!\w)(?:ab|c?d)") == frozenset("acd")
    assert first_chars(r"(?=x)[x-z]q") == frozenset("xyz")
    assert first_chars(r"(?:a|)b") == frozenset("ab")
    assert first_chars(r"^(?:Sau|Trước) đó") == frozenset("ST")


def test_first_chars_gives_up_when_it_cannot_bound_the_start():
    for pattern in (r"a*", r"\w+", r"[^a]b", r".x", r"(a)?\1", r"(?i:a)b"):
        assert first_chars(pattern) is None, pattern


def test_guarded_union_finds_the_same_matches():
    union = r"(?<!\w)(?:đề nghị|mong muốn)|(?<![Hh]ọ )sẽ(?!\s+là)|(?<=said )would|(?:[0-9]+\s*)?tỷ đồng"
    plain, fast = re.compile(union, re.I), re.compile(guarded(union, re.I), re.I)
    assert fast.pattern != plain.pattern                       # a guard was added
    for s in SENTENCES + [s.upper() for s in SENTENCES]:
        assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)], s


def test_guard_is_left_out_where_re_already_skips_fast():
    assert guarded(r"^(?:Sau|Trước) đó", re.I) == r"^(?:Sau|Trước) đó"          # anchored
    assert guarded(r"(?:ký|kí) kết") == r"(?:ký|kí) kết"                        # case-sensitive literals
    assert guarded(r"\w+ kết", re.I) == r"\w+ kết"                               # no bound on the start


def test_tokens_keep_possessives_hyphens_and_numbers():
    toks = [t.text for t in tokenize("Xiêng-khoảng, the Mayor’s aide 's 12 States' ")]
    assert toks == ["Xiêng-khoảng", "the", "Mayor’s", "aide", "'s", "12", "States"]


def test_automaton_with_a_mark_as_first_token_matches_the_word_version():
    words = [("Nam Định", 1), ("Nam", 2), ("Hà Nội", 3)]
    marked = words + [(".NET", 4)]
    text = "Hà Nội, Nam Định và Namibia; Nam. Hà-Nội HàNội"
    a, b = Automaton(words), Automaton(marked)
    assert a._check_before and not b._check_before           # the two start finders
    spans = [(h.start, h.end, h.value) for h in a.scan(text)]
    assert spans == [(h.start, h.end, h.value) for h in b.scan(text)]
    assert [text[s:e] for s, e, _ in spans] == ["Hà Nội", "Nam Định", "Nam", "Hà-Nội"]
