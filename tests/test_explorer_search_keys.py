"""The explorer's search finds a person by a later word of the name through indexes: the projection gives each
person the name from its 2nd, 3rd and 4th word on (key_rest1..3), the schema indexes them, the writer stores
them, and explorer_search reads them with STARTS WITH. The names below are made up for these tests."""
from __future__ import annotations

import pytest

from graph.explorer import api
from graph.schema import statements
from ontology.facts import Extraction, PersonFact, Span
from ontology.model import PERSON_REST_KEYS
from ontology.projection import project, rest_keys

FIVE = "Sổm Phết Bun Nhuông Khăm"            # five words: the fifth is not a key of its own
TWO = "Ánh Đào"


def test_rest_keys_are_the_name_from_each_later_word_up_to_the_fourth():
    assert rest_keys("bui thanh son") == {"key_rest1": "thanh son", "key_rest2": "son"}
    assert rest_keys("dao") == {}
    assert rest_keys("") == {}
    assert rest_keys("som phet bun nhuong kham") == {
        "key_rest1": "phet bun nhuong kham", "key_rest2": "bun nhuong kham", "key_rest3": "nhuong kham"}


def test_projection_puts_them_on_people_only_and_the_schema_indexes_each():
    text = f"Ông {FIVE} gặp bà {TWO}."
    span = Span("k1", 0, len(text), text)
    ex = Extraction(doc="k1", text=text, lang="vi",
                    persons=(PersonFact(FIVE, (), "foreign", span), PersonFact(TWO, (), "vietnam", span)))
    props = {r.props["name"]: r.props for r in project(ex).nodes["Person"]}
    assert props[FIVE]["key_rest3"] == "nhuong kham" and props[TWO]["key_rest1"] == "dao"
    assert "key_rest2" not in props[TWO]
    made = "\n".join(statements())
    for prop in PERSON_REST_KEYS:
        assert f"FOR (n:Person) ON (n.{prop})" in made


@pytest.mark.integration
def test_the_store_keeps_them_and_search_finds_each_later_word(empty_store):
    from graph.writer import GraphWriter

    text = f"Ông {FIVE} gặp bà {TWO} và ông Phết Văn Lâm."
    span = Span("k2", 0, len(text), text)
    ex = Extraction(doc="k2", text=text, lang="vi",
                    persons=(PersonFact(FIVE, (), "foreign", span), PersonFact(TWO, (), "vietnam", span),
                             PersonFact("Phết Văn Lâm", (), "vietnam", span)))
    assert not GraphWriter(empty_store).write([("k2", project(ex))]).failed
    stored = empty_store.read("MATCH (p:Person) WHERE p.name = $n RETURN p.key_rest1 AS a, p.key_rest3 AS c",
                              n=FIVE)
    assert stored == [{"a": "phet bun nhuong kham", "c": "nhuong kham"}]
    for text in ("phet b", "Bun", "nhuông", "nh"):
        assert FIVE in [s.name for s in api.search(empty_store, text)], text
    assert FIVE not in [s.name for s in api.search(empty_store, "kham")]    # the fifth word: no key, no scan
    ranked = [s.name for s in api.search(empty_store, "phet")]
    assert ranked.index("Phết Văn Lâm") < ranked.index(FIVE), ranked       # the name's start before a later word
    assert [s.name for s in api.search(empty_store, "dao")] == [TWO]


@pytest.mark.integration
def test_people_of_an_older_store_get_the_keys_once(empty_store):
    from graph.schema import backfill_rest_keys, has_rest_key_index

    assert has_rest_key_index(empty_store)                 # made by ensure_schema: nothing to rewrite next time
    keys = ["dao", "anh dao", "bui thanh son", "som phet bun nhuong kham"]
    empty_store.write("UNWIND $keys AS k CREATE (:Person {id: 'old:' + k, key: k, name: k})", keys=keys)
    assert api.search(empty_store, "son") == ()            # written without them: not found by a later word
    backfill_rest_keys(empty_store)
    rows = empty_store.read("MATCH (p:Person) RETURN p.key AS key, p.key_rest1 AS key_rest1, "
                            "p.key_rest2 AS key_rest2, p.key_rest3 AS key_rest3")
    assert len(rows) == len(keys)
    for r in rows:
        assert {k: v for k, v in r.items() if k != "key" and v is not None} == rest_keys(r["key"]), r
    assert [s.name for s in api.search(empty_store, "son")] == ["bui thanh son"]
