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
