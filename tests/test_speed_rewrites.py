"""Speed rewrites must not change a match: the first-character guard and the required literals
(loaders/patterns.py), the commitment cues' places (loaders/commitments.py), the
tokenizer's word regex (loaders/persons.py) and the automaton's two start finders (loaders/automaton.py)."""
import re

from loaders.automaton import Automaton
from loaders.commitments import _CuePlaces, _cue_literals
from loaders.patterns import first_chars, guarded, required_literals
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


def test_required_literals_of_sequences_branches_and_options():
    assert required_literals(r"(?<!\w)(?:Ký|kí) kết", re.I) == {"ký kết", "kí kết"}
    assert required_literals(r"(?:sự )?cam kết(?!\s+đã)", re.I) == {"cam kết", "sự cam kết"}
    assert required_literals(r"will\s+(?:sign|ink)") == {"will"}
    assert required_literals(r"(?:a\w+|bc)d+", 0) == {"d"}          # the one sure character left
    assert required_literals(r"[Hh]ọ Sẽ") == {"họ sẽ"}               # case-sensitive too: tested lower-cased


def test_required_literals_give_up_when_nothing_is_sure():
    for pattern in (r"a?b*", r"\w+", r"(?i:ab)", r"a|\w", r"[a-z]x?", r"(?:x|)y?"):
        assert required_literals(pattern) is None, pattern
    assert required_literals("ſign", re.I) is None                 # re folds "ſ" with "s": not a lower-case test


def test_every_match_holds_one_of_its_literals():
    texts = SENTENCES + [s.upper() for s in SENTENCES] + [
        "Hai bên nhất trí ký kết biên bản hợp tác; tỉnh sẽ trao tặng 2 tỷ đồng.",
        "The province pledged to support and will sign an agreement; they agreed to cooperate.",
        "He asked the embassy to help, hoped the two sides would continue, and donated 5,000 USD."]
    checked = 0
    for lang in ("vi", "en"):
        for _, cues in _cue_literals(lang):
            for cue, literals in cues:
                if literals is None:
                    continue
                for t in texts:
                    for m in cue.rx.finditer(t):
                        assert any(lit in m.group().lower() for lit in literals), (cue.rx.pattern, m.group())
                        checked += 1
    assert checked > 20


def test_cue_places_keep_a_part_that_holds_a_cue_and_drop_one_that_cannot():
    text = "Đoàn thăm nhà máy; tỉnh sẽ hỗ trợ bạn. Ngày mai trời mưa."
    places = _CuePlaces.of(text, "vi")
    kept = {role: [(cue, starts) for cue, starts, _ in cues] for role, cues in places.roles}
    assert any(starts == (text.index("sẽ"),) for _, starts in kept["modal"])
    assert kept["sign"] == []                                        # no agreement named anywhere
    assert all(starts is None for cues in kept.values() for _, starts in cues) is False
    turkish = _CuePlaces.of("İstanbul sẽ hỗ trợ", "vi")              # lower() changes the length: no places
    assert all(starts is None for _, cues in turkish.roles for _, starts, _ in cues)
