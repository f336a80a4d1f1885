"""The word-level automaton that finds every gazetteer name in one pass (loaders/automaton.py)."""
from loaders.automaton import Automaton


def hits(names, text):
    return [(text[h.start:h.end], h.value) for h in Automaton(names).scan(text)]


def test_longest_name_wins_and_names_do_not_overlap():
    names = [("Lào", "country"), ("Lào Cai", "province"), ("Cai Lậy", "district")]
    assert hits(names, "Tỉnh Lào Cai Lậy và Lào.") == [("Lào Cai", "province"), ("Lào", "country")]


def test_space_and_hyphen_are_one_separator_but_a_line_break_is_not():
    names = [("Xa-van-na-khệt", 1)]
    assert [h for h, _ in hits(names, "tỉnh Xa van na khệt và Xa - van-na khệt")] == [
        "Xa van na khệt", "Xa - van-na khệt"]
    assert hits(names, "Xa-van\nna-khệt") == []


def test_whole_words_only_and_marks_are_tokens():
    names = [("Nam", 1), ("U.S.", 2), ("TP.HCM", 3)]
    assert hits(names, "Namibia, U.S. and TP. HCM; U.S") == [("U.S.", 2), ("TP. HCM", 3)]


def test_case_is_the_names_own_and_the_first_value_stays():
    a = Automaton([("Huế", "a"), ("Huế", "b")])
    assert len(a) == 1
    assert [(h.value) for h in a.scan("huế, Huế")] == ["a"]


def _probe_scan(automaton, names, text):
    """The scan before the trie walk (reference): the tokens up to the longest name that starts with the
    first token, then one dictionary probe per length, longest first."""
    from loaders.automaton import _NEXT_TOKEN, tokens

    table, longest = {}, {}
    for name, value in names:
        toks = tokens(name)
        if toks and toks not in table:
            table[toks] = value
            longest[toks[0]] = max(longest.get(toks[0], 0), len(toks))
    out, done = [], 0
    for m in automaton._starts.finditer(text):
        s = m.start()
        if s < done or (automaton._check_before and s and text[s - 1].isalnum()):
            continue
        most = longest.get(m.group())
        if most is None:
            continue
        found = [(s, m.end(), m.group())]
        pos = m.end()
        while len(found) < most:
            t = _NEXT_TOKEN(text, pos)
            if t is None:
                break
            found.append((t.start(1), t.end(), t.group(1)))
            pos = t.end()
        toks = tuple(tok for _, _, tok in found)
        for k in range(len(found), 0, -1):
            value = table.get(toks[:k])
            if value is not None:
                out.append((s, found[k - 1][1], value))
                done = found[k - 1][1]
                break
    return out


def test_trie_walk_finds_what_the_length_probes_found():
    import random

    rnd = random.Random(11)
    words = ["Hà", "Nội", "Nam", "Định", "Lào", "Cai", "U", "S"]
    marks = [" ", " ", "  ", "-", " - ", "\n", ".", ", ", "", "\u00a0", "–"]
    checked = 0
    for trial in range(300):
        names = []
        for _ in range(rnd.randint(1, 8)):                            # names and some of their prefixes
            toks = [rnd.choice(words) for _ in range(rnd.randint(1, 5))]
            for k in sorted(rnd.sample(range(1, len(toks) + 1), rnd.randint(1, len(toks)))):
                names.append(("".join(t + rnd.choice([" ", "-", "."]) for t in toks[:k - 1]) + toks[k - 1],
                              rnd.choice([1, 2, 3, None])))
        if trial % 3 == 0:
            names.append((".Nam", 9))                                 # a mark as first token: the general finder
        a = Automaton(names)
        for _ in range(10):
            text = "".join(rnd.choice(words) + rnd.choice(marks) for _ in range(rnd.randint(0, 25)))
            found = [(h.start, h.end, h.value) for h in a.scan(text)]
            assert found == _probe_scan(a, names, text), (names, text)
            checked += len(found)
    assert checked > 1000
