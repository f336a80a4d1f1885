"""English offices completed with their place, and a foreign place's owner country dropped
(loaders/office_places.py), on sentences written for these tests."""
from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.office_places import complete_english_office, drop_owner_country, named_place


@pytest.mark.parametrize("office, place, expected", [
    ("provincial Deputy Governor", "Attapeu", "Attapeu provincial Deputy Governor"),
    ("Chairman of the provincial Red Cross", "Gia Lai", "Chairman of the Gia Lai provincial Red Cross"),
    ("Vice Chairwoman of the City People's Committee", "Hai Phong City", "Vice Chairwoman of the Hai Phong City People's Committee"),
    ("Chairman of the Provincial People's Council", "Ben Tre province", "Chairman of the Ben Tre Provincial People's Council"),
    # already placed, nothing bare, or nothing to put: unchanged
    ("Chairman of the Ben Tre provincial People's Committee", "Ben Tre", "Chairman of the Ben Tre provincial People's Committee"),
    ("Vice Chairman of the People's Committee of Ben Tre province", "Ben Tre", "Vice Chairman of the People's Committee of Ben Tre province"),
    ("Ambassador of Japan to Vietnam", "Hue", "Ambassador of Japan to Vietnam"),
    ("provincial Deputy Governor", None, "provincial Deputy Governor"),
])
def test_complete_english_office(office, place, expected):
    assert complete_english_office(office, place) == expected


@pytest.mark.parametrize("office, expected", [
    ("Deputy Secretary of the Attapeu provincial Party Committee", "Attapeu"),
    ("Quang Tri provincial Party Deputy Secretary", "Quang Tri"),
    ("Deputy Provincial Party Secretary", None),          # a title word is no place
    ("Secretary of the Provincial Party Committee", None),
])
def test_named_place(office, expected):
    assert named_place(office) == expected


@pytest.mark.parametrize("office, expected", [
    ("Governor of Laos's Attapeu province", "Governor of Attapeu province"),
    ("Governor of the northern Lao province of Oudomxay", "Governor of Oudomxay province"),
    ("Governor of Japan's Kochi prefecture", "Governor of Kochi prefecture"),
    ("Chief Minister of Australia's Northern Territory", "Chief Minister of Australia's Northern Territory"),  # no province word
    ("Governor of Gyeonggi province", "Governor of Gyeonggi province"),
])
def test_drop_owner_country(office, expected):
    assert drop_owner_country(office) == expected


def test_english_article_completes_offices_from_the_sibling_and_the_province():
    text = ("Attapeu delegation visits Quang Tri\n\n"
            "On May 3, Mr Le Van Hoa, provincial Party Deputy Secretary, received the delegation of Attapeu province "
            "(Laos), led by Mr Khamphet Sengsouk, Deputy Secretary of the Attapeu provincial Party Committee and "
            "provincial Deputy Governor. Quang Tri province and Attapeu province agreed to expand trade.\n")
    persons = {p.name: p for p in extract("t", text).persons}
    assert "Attapeu provincial Deputy Governor" in persons["Khamphet Sengsouk"].offices
    assert persons["Le Van Hoa"].offices == ("Quang Tri provincial Party Deputy Secretary",)


def test_vietnamese_article_offices_untouched_by_the_english_rule():
    text = ("Ngày 3/5, ông Lê Văn Hòa, Phó Bí thư Tỉnh ủy Quảng Trị, tiếp đoàn đại biểu tỉnh Attapeu (Lào) do ông "
            "Khamphet Sengsouk, Phó Tỉnh trưởng tỉnh Attapeu dẫn đầu.\n")
    persons = {p.name: p for p in extract("t", text).persons}
    assert persons["Lê Văn Hòa"].offices == ("Phó Bí thư Tỉnh ủy Quảng Trị",)
