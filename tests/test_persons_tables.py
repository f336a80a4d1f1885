"""The one reader of the rule tables checks their shape, and the person tables have what the grammar reads."""
from __future__ import annotations

import pytest

from loaders.tables import DATA, column, read_table
from ontology.errors import DipkgError, TableError


def write(folder, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


def test_rows_are_keyed_by_the_header_and_comments_are_skipped(tmp_path):
    name = write(tmp_path, "ok.tsv", "# a comment\nword\tkind\nông\taddress\n\n# another\nMr\n")
    rows = read_table(name, ("word", "kind"), folder=tmp_path)
    assert rows == ({"word": "ông", "kind": "address"}, {"word": "Mr", "kind": ""})


@pytest.mark.parametrize("text, says", [
    ("word\tkind\nông\taddress\textra\n", "3 cells for 2 columns"),
    ("word\t\nông\n", "distinct, non-empty column names"),
    ("word\tword\nông\tbà\n", "distinct, non-empty column names"),
    ("word\tkind\n\taddress\n", "first column (word) is empty"),
    ("# only a comment\n", "no header line"),
])
def test_malformed_tables_are_refused_with_file_and_line(tmp_path, text, says):
    name = write(tmp_path, "bad.tsv", text)
    with pytest.raises(TableError) as e:
        read_table(name, folder=tmp_path)
    assert says in str(e.value) and "bad.tsv" in str(e.value)
    assert isinstance(e.value, DipkgError)


def test_a_missing_column_is_named(tmp_path):
    name = write(tmp_path, "cols.tsv", "word\tlang\nông\tvi\n")
    with pytest.raises(TableError, match="lacks the column"):
        read_table(name, ("word", "kind"), folder=tmp_path)


def test_a_missing_table_says_what_to_do(tmp_path):
    with pytest.raises(TableError, match="restore it"):
        read_table("absent.tsv", folder=tmp_path)


def test_every_shipped_table_reads():
    for path in sorted(DATA.glob("*.tsv")):
        assert read_table(path.name), path.name


@pytest.mark.parametrize("table, columns, kinds", [
    ("surnames.tsv", ("surname", "kind"), {"surname", "first", "prefix"}),
    ("title_words.tsv", ("word", "kind"), {"lower", "locality", "org", "link", "follow", "join", "conjunction",
                                           "modifier", "place_start", "numbered"}),
    ("honorifics.tsv", ("word", "lang", "kind"), {"address", "rank"}),
    ("titles.tsv", ("head", "lang", "side"), None),
    ("foreign_surnames.tsv", ("surname", "origin"), None),
    ("name_boundaries.tsv", ("word", "lang"), None),
    ("name_list_cues.tsv", ("cue", "lang"), None),
    ("photo_markers.tsv", ("marker", "lang"), None),
    ("middle_names.tsv", ("word", "sign"), None),
    ("clause_words.tsv", ("word",), None),
    ("historical_figures.tsv", ("name", "note"), None),
    ("title_countries.tsv", ("word",), None),
])
def test_person_tables_have_their_columns_and_known_kinds(table, columns, kinds):
    rows = read_table(table, columns)
    assert rows
    if kinds is not None:
        assert {r["kind"] for r in rows} <= kinds


def test_column_filters_on_other_columns():
    assert "H'" in column("surnames.tsv", "surname", kind="prefix")
    assert "Nguyễn" not in column("surnames.tsv", "surname", kind="prefix")
