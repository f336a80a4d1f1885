"""Speed rewrites must not change a match: the first-character guard and the required literals
(loaders/patterns.py), the commitment cues' places (loaders/commitments.py), the
tokenizer's word regex (loaders/persons.py) and the automaton's two start finders (loaders/automaton.py)."""
import re

from loaders.automaton import Automaton
from loaders.commitments import _CuePlaces, _cue_gate
from loaders.patterns import AnyOf, FoldedFinder, Gated, LiteralGate, first_chars, guarded, required_literals
from loaders.persons import tokenize
from loaders.text import Layout, letter_count

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
        cues, _ = _cue_gate(lang)
        for _, cue in cues:
            literals = required_literals(cue.rx.pattern, cue.rx.flags)
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
    sẽ = text.index("sẽ")
    roles = {places.cues[k][0]: at for k, at in places.within(sẽ - 5, sẽ + 2).items()}
    assert roles.get("modal") == [sẽ]                                # tried at "sẽ" only
    assert not places.within(0, sẽ + 1) and not places.within(text.index("Ngày"), len(text))
    assert all(places.cues[k][0] != "sign" for k in places.within(0, len(text)))   # no agreement named
    turkish = _CuePlaces.of("İstanbul sẽ hỗ trợ", "vi")              # lower() changes the length: searched everywhere
    assert set(turkish.within(0, 5)) == set(range(len(turkish.cues))) and all(at is None for at in turkish.within(0, 5).values())


def test_cue_matches_at_start_spots_are_the_finditer_matches():
    """``_cue_hits`` runs a cue by ``match`` at its start spots (``StartGate``) instead of ``finditer`` over the
    part: the same matches, for every cue, on sentences written to hold them and on random mixes of cue words."""
    import random

    from loaders.patterns import StartGate

    words = ("ký kết biên bản ghi nhớ", "sẽ hỗ trợ", "Sẽ", "đã nhận được viện trợ của", "mong muốn", "đề nghị phía",
             "Đề nghị Sở phối hợp", "hai bên sẽ cam kết", "luôn đồng hành", "tiếp tục", "trao tặng 5 tỷ đồng",
             "signed an agreement", "will support", "Will", "pledged to", "is ready to", "agreed to", "the two sides will",
             "hoped that the embassy would continue to support", "said the province would help", "donated 500 USD",
             "received aid from", "x", ",", ";", "không", "the", "Ông A", "tỉnh", "(", "“")
    rnd = random.Random(11)
    matched = 0
    texts = SENTENCES + [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12))) for _ in range(1500)]
    for lang in ("vi", "en"):
        cues, gate = _cue_gate(lang)
        assert sum(gate.starts) >= len(cues) - 2                      # nearly every cue starts with a literal
        for t in texts:
            spots = gate.spots(t) or []
            for k, (_, cue) in enumerate(cues):
                want = [m.span() for m in cue.rx.finditer(t)]
                if spots is None or not gate.starts[k]:
                    continue
                starts = sorted({s for s, j, _, what in spots if j == k and what & StartGate.START})
                got, done = [], 0
                for p in starts:
                    if p >= done and (m := cue.rx.match(t, p)):
                        got.append(m.span())
                        done = m.end()
                assert got == want, (cue.rx.pattern[:60], t)
                matched += len(want)
                if want:
                    assert any(j == k and what & StartGate.NEED for _, j, _, what in spots)
    assert matched > 3000, matched


def test_literal_gate_says_where_each_regex_can_match():
    rxs = [re.compile(r"(?<!\w)đề nghị", re.I), re.compile(r"will(?!\s+be)"), re.compile(r"\d+")]
    text = "Ông A ĐỀ NGHỊ; bà B will help. 12"
    near, will, digits = LiteralGate(rxs).places(text)
    at = text.index("ĐỀ")
    assert near.within(at, at + 7) and not near.within(at + 1, len(text)) and not near.within(0, at + 6)
    assert will.within(0, len(text)) and not will.within(0, text.index("will") + 3)
    assert digits is None                                            # no literal to look for: anywhere


def test_gated_regex_answers_as_the_regex():
    rx = re.compile(r"(?<![^\W_])[Tt]ổ chức (?P<n>[A-Z]{2,})")
    g = Gated(rx)
    for t in ("Tổ chức WWF tài trợ", "không có gì", "tổ chức ABC và Tổ chức XYZ", "TỔ CHỨC ABC"):
        assert [m.span() for m in g.finditer(t)] == [m.span() for m in rx.finditer(t)]
        assert bool(g.search(t, 2)) == bool(rx.search(t, 2))
    assert g.groupindex == rx.groupindex


def test_any_of_answers_as_the_union():
    pats = [r"^\d{1,2}:\d{2}$", r"\.(jpe?g|png)$", r"^(Share|Print)\b", r"\]\(https?:"]
    union, any_of = re.compile("|".join(f"(?:{p})" for p in pats), re.I), AnyOf(pats, re.I)
    for line in ("10:30", "photo.JPG", "share this", "see [x](http://a)", "A line of prose.", "x 10:30"):
        assert any_of.search(line) == bool(union.search(line)), line


def test_folded_finder_finds_what_the_case_insensitive_regex_finds():
    pattern = r"\b(?:phó chủ tịch|chủ tịch|đại sứ|governor)\b"
    folded, plain = FoldedFinder(pattern), re.compile(pattern, re.I)
    for t in ("PHÓ CHỦ TỊCH Nguyễn A gặp Đại sứ B; the Governor", "İzmir Governor", "không có", "Chủ tịchX"):
        assert [m.span() for m in folded.finditer(t)] == [m.span() for m in plain.finditer(t)], t


def test_folded_finder_refuses_a_pattern_with_capitals():
    for pattern in (r"Governor", r"[A-Z]\w+", r"(?i:x)"):
        try:
            FoldedFinder(pattern)
        except ValueError:
            continue
        raise AssertionError(pattern)


def test_letter_count_counts_what_the_letter_class_matches():
    for s in SENTENCES + ["a_b 12 ²½ Ⅻ 三 — x\ty\nz", "   ", "İstanbul’s 2nd"]:
        assert letter_count(s) == len(re.findall(r"[^\W\d_]", s)), s


def test_is_body_by_bisection_matches_the_scan_of_every_skipped_span():
    text = ("Tiêu đề bài\nChia sẻ\nÔng A (Ảnh: B) gặp bà C. Photo: X\n10:30\n"
            "Đọc nhiều\nTin khác một\nTin khác hai")
    layout = Layout(text)
    assert layout._skip                                               # something was skipped
    for off in range(len(text) + 2):
        assert layout.is_body(off) == (not any(s <= off < e for s, e in layout._skip)), off


def test_prev_and_next_word_answer_as_their_regexes():
    import random

    from loaders.places import _next_word, _prev_word

    def prev_rx(t, start):
        m = re.search(r"(\S+)[ \u00a0]+$", t[max(0, start - 40):start])
        return m.group(1) if m and m.group(1)[-1].isalnum() else ""

    def next_rx(t, end):
        m = re.match(r"[ \u00a0]+(\S+)", t[end:end + 40])
        return m.group(1) if m else ""

    rnd = random.Random(5)
    alphabet = ["a", "Đ", "1", " ", " ", "\u00a0", "\n", "\t", ",", "."]
    for _ in range(3000):
        t = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60)))
        at = rnd.randint(0, len(t))
        assert _prev_word(t, at) == prev_rx(t, at), (t, at)
        assert _next_word(t, at) == next_rx(t, at), (t, at)


def test_head_led_finditer_finds_what_the_guarded_regex_found():
    import random

    from loaders.places import _HEAD_NAME_VI, _NAME, _VI_HEADS, _HeadLed

    old = re.compile(rf"(?=[TtCcHhQqBbĐđ])(?<![^\W_])(?P<head>{_VI_HEADS})(?:[ \u00a0]+|(?<=\.))(?P<name>{_NAME})")
    rnd = random.Random(3)
    pieces = ["tỉnh", "Tỉnh", "TP.", "TP", "Tp.", "thành phố", "huyện", "hạt", "đặc khu", "Savannakhet", "Hủa Phăn",
              "Yongin", "HCM", "xã", " ", " ", "\u00a0", ".", ",", "\n", "a", "th", "T"]
    texts = ["TP.HCM và tỉnh Savannakhet, thành phố Yongin", "tỉnhuyện Lào", "Thạt Luang", "đặc khuyện X"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    for t in texts:
        assert [(m.span(), m.groupdict()) for m in _HEAD_NAME_VI.finditer(t)] == \
               [(m.span(), m.groupdict()) for m in old.finditer(t)], t
    from loaders.places import _Heads

    own = _HeadLed(re.compile(r"(?:ab|bc|b)x"), _Heads())              # heads inside heads: every start is tried
    assert [m.span() for m in own.finditer("abx bcx abcx bx")] == [(0, 3), (4, 7), (9, 12), (13, 15)]


def test_leading_literals_are_the_starts_of_every_match():
    from loaders.patterns import leading_literals

    assert leading_literals(r"(?<!\w)a?b") == {"ab", "b"}
    assert leading_literals(r"(?:ab|c)\w") == {"ab", "c"}
    assert leading_literals(r"\bx(?:y|z+)q") == {"xy", "xz"}
    assert leading_literals(r"(?P<h>[Tt]ỉnh|TP\.?)[ ]+X") == {"tỉnh ", "Tỉnh ", "TP ", "TP. "}
    assert leading_literals(r"(?:a|)b") == {"ab", "b"}
    for pattern in (r"\w+x", r"(?:a|)\w", r"(?i)ab", r"(?i:a)b", r"a*b"):
        assert leading_literals(pattern) is None, pattern


def test_every_head_led_regex_of_places_finds_what_finditer_finds():
    import random

    from loaders import places
    from loaders.patterns import leading_literals

    led = [v for v in vars(places).values() if isinstance(v, places._HeadLed)]
    assert len(led) >= 4
    rnd = random.Random(8)
    for h in led:
        heads = sorted(leading_literals(h.rx.pattern, h.rx.flags))
        pieces = heads + ["Savannakhet", "Quảng Ninh", "Hà Nội", "of", "Ngoại vụ", "Kế hoạch và Đầu tư", "tỉnh",
                          "thành phố", "A", "x", " ", " ", " ", "\u00a0", ".", ",", "\n", "Sở", "UBND", "Bộ"]
        for _ in range(1500):
            t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
            assert [(m.span(), m.groupdict()) for m in h.finditer(t)] == \
                   [(m.span(), m.groupdict()) for m in h.rx.finditer(t)], (h.rx.pattern[:40], t)


def test_shared_gates_answer_as_each_regex():
    import random

    from loaders.places import _EN_GATES, _LISTED_EN, _NAME_HEAD_EN, _NGO_DEFINED
    from loaders.patterns import required_literals

    regexes = (_NAME_HEAD_EN, _LISTED_EN, _NGO_DEFINED)
    words = sorted(set().union(*(required_literals(g.rx.pattern, g.rx.flags, fold=False) for g in regexes)))
    pieces = words + ["Russian", "Savannakhet", "GPI", "là", "is", "a", "like", "such as", "Yaroslavl", "and",
                      " ", " ", " ", ",", ".", "\n", "x", "Ci", "provin"]
    rnd = random.Random(4)
    hits = 0
    for _ in range(3000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20)))
        for g in regexes:
            found = [(m.span(), m.groupdict()) for m in g.finditer(t)]
            assert found == [(m.span(), m.groupdict()) for m in g.rx.finditer(t)], (g.rx.pattern[:40], t)
            hits += len(found)
        assert _EN_GATES.found(t) == {w for w in words if w in t}, t
    assert hits > 20


def test_name_head_en_in_stretches_finds_what_finditer_finds():
    import random

    from loaders.places import _NAME_HEAD_EN

    pieces = ["Savannakhet", "Province", "province", "City", "Gyeonggi", "-do", " - do", "Ho Chi Minh", "de", "la",
              "State", "O'Neil", "Xiêng-khoảng", "_", " ", " ", "\u00a0", "\n", ",", ".", "(", "’s", "the", "x", "2"]
    rnd = random.Random(6)
    hits = 0
    for _ in range(4000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 20)))
        found = [(m.span(), m.groupdict()) for m in _NAME_HEAD_EN.finditer(t)]
        assert found == [(m.span(), m.groupdict()) for m in _NAME_HEAD_EN.rx.finditer(t)], t
        hits += len(found)
    assert hits > 50


def test_gated_regex_with_spaced_literals_answers_as_the_regex():
    """The gate looks for its literals without their outer spaces ("Trung ương" for " Trung ương"): weaker,
    never wrong; the answers stay the regex's on random texts made of the pattern's own words."""
    import random

    rx = re.compile(r"(?:Ban|Ủy ban) Trung ương(?: Đảng)?|\bof the (?:Central|Provincial) Committee\b")
    g = Gated(rx)
    words = ["Ban", "Ủy ban", " ", "Trung ương", "Đảng", "of the", "Central", "Committee", "Provincial", "x", "\n"]
    rnd = random.Random(11)
    for _ in range(3000):
        t = "".join(rnd.choice(words) + rnd.choice(["", " "]) for _ in range(rnd.randint(1, 9)))
        assert [m.span() for m in g.finditer(t)] == [m.span() for m in rx.finditer(t)], t
        assert bool(g.search(t)) == bool(rx.search(t)), t


def test_literal_gate_parts_are_the_parts_where_within_is_true():
    """LiteralGate.parts (eighth session) lists the parts for which places(text)[k].within(part) holds, for every
    regex; the meetings' sentence gate (``_role_sentences``) is the same as asking ``_may`` of each sentence."""
    import random

    from loaders.meetings import _GATED_ROLES, _may, _role_gate, _role_places, _role_sentences
    from loaders.text import text_doc

    rnd = random.Random(8)
    words = ["Trước đó,", "chiều", "cùng ngày", "tiếp đoàn", "có", "ông", "A.", "dẫn đầu", "cũng đã gặp", "hội nghị",
             "Earlier,", "also met", "led by", "accompanied by", "the state visit of", "x", "\n", ".", "Ngày 5/6"]
    for _ in range(400):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 40)))
        for lang in ("vi", "en"):
            gate = _role_gate(lang)
            bounds = sorted({(a, min(len(text), a + rnd.randint(0, 30))) for a in rnd.sample(range(len(text) + 1),
                                                                                                min(6, len(text) + 1))})
            parts = []                                   # made disjoint: each one ends before the next starts
            for a, b in bounds:
                if not parts or a >= parts[-1][1]:
                    parts.append((a, b))
            got = gate.parts(text, [a for a, _ in parts], [b for _, b in parts])
            for occ, at in zip(gate.places(text), got):
                want = None if occ is None else frozenset(i for i, (a, b) in enumerate(parts) if occ.within(a, b))
                assert at == want, (text, parts)
        td = text_doc("t", text)
        where, places = _role_sentences(td), _role_places(td.text, td.lang)
        for role in _GATED_ROLES:
            for s in td.sentences:
                assert (where[role] is None or s.start in where[role]) == _may(places, role, s), (text, role)


def test_guarded_block_context_regexes_match_as_written():
    """``commitments._RESET`` and ``_HOPE_AND`` are guarded; the written patterns give the same matches."""
    import random

    from loaders.commitments import _HOPE_AND, _RESET

    plain_reset = re.compile(r"(?<!\w)(?:đồng thời|while|and also|besides|meanwhile|bên cạnh đó|ngoài ra|"
                             r"and(?=\s+(?:the two|both)\s))(?!\w)", re.I)
    plain_hope = re.compile(r"(?:hy vọng|hi vọng|kỳ vọng|hope|hopes|hoped)\s+(?:và|and)\s*$", re.I)
    words = ("Đồng thời", "đồng thời", "While", "and", "AND also", "besides", "the two", "both", "Bên cạnh đó",
             "ngoài ra", "hy vọng", "Hi vọng", "HOPES", "và", "x", ",", "  ", "\n")
    rnd = random.Random(5)
    texts = SENTENCES + [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 9))) for _ in range(2000)]
    for t in texts:
        assert [m.span() for m in _RESET.finditer(t)] == [m.span() for m in plain_reset.finditer(t)], t
        assert _HOPE_AND.sub("", t) == plain_hope.sub("", t), t
