"""Persons named without a title beside them: guest lists, photo captions, a role after the name, a
foreign family name alone after a word of address. Sentences made up for these tests."""
from __future__ import annotations

from loaders.extract import extract


def names(text: str) -> dict[str, tuple[str, ...]]:
    ex = extract("t", text)
    for p in ex.persons:
        assert text[p.span.start:p.span.end] == p.span.text == p.name
    return {p.name: p.offices for p in ex.persons}


def test_english_guest_list_with_and_without_roles():
    got = names("The Lao delegation included Vilayvanh Sombath, Khamsing Douangdy, director of the provincial "
                "foreign affairs department, and Phetsamone Inthavong. They were received in Quang Tri.")
    assert {"Vilayvanh Sombath", "Khamsing Douangdy", "Phetsamone Inthavong"} <= set(got)
    assert got["Khamsing Douangdy"] == ("director of the provincial foreign affairs department",)


def test_vietnamese_guest_list_after_gom_co():
    got = names("Thành phần đoàn gồm có ông Bounmy Saysana, bà Noy Phanthavong và ông Trần Đức Lợi.")
    assert {"Bounmy Saysana", "Noy Phanthavong", "Trần Đức Lợi"} <= set(got)


def test_list_of_things_is_not_a_list_of_people():
    got = names("The two sides held many activities, including Lunar New Year visits, Mekong Delta tours and "
                "Green Future Forum sessions, the Chairman of the provincial People's Committee Ho Van Tam said.")
    assert set(got) == {"Ho Van Tam"}


def test_list_of_places_is_not_a_list_of_people():
    got = names("Partners of the province include Japan, New Zealand and Thailand, according to Nguyen Thi Lan.")
    assert "New Zealand" not in got and "Japan" not in got


def test_names_in_a_photo_caption():
    got = names("Governor Sok Chenda (left) and Nguyen Van Toan (right) at the signing ceremony. (Photo: VNA)\n"
                "Bà Oh Ji Yeon (thứ hai từ trái) trao quà cho học sinh.")
    assert {"Sok Chenda", "Nguyen Van Toan", "Oh Ji Yeon"} <= set(got)


def test_photo_credit_in_parentheses_is_no_person():
    got = names("The delegation visited the museum. (Photo: Minh Duc)\nLeaders pose for a photo (left to right).")
    assert got == {}


def test_foreign_family_name_alone_after_word_of_address():
    got = names("Phát biểu tại hội nghị, Ông Yamada – Phó Chủ tịch JETRO cho biết sẽ hỗ trợ tỉnh.")
    assert got == {"Yamada": ("Phó Chủ tịch JETRO",)}


def test_vietnamese_given_name_alone_is_a_short_reference():
    got = names("Ông Quang, Phó Chủ tịch UBND tỉnh cho biết tỉnh sẵn sàng hợp tác.")
    assert got == {}


def test_family_name_alone_after_the_full_name_is_the_same_person():
    got = names("Mr. Suzuki Taro, Mayor of Kofu, visited Hue. Mr. Suzuki, Mayor of Kofu, said he was glad.")
    assert list(got) == ["Suzuki Taro"]


def test_conjunction_and_address_word_start_another_person():
    got = names("Tiếp đoàn có Phó Chủ tịch JICA và Ông Lê Hữu Phước, Đại sứ Việt Nam tại Nhật Bản.")
    assert got["Lê Hữu Phước"] == ("Đại sứ Việt Nam tại Nhật Bản",)


def test_role_after_the_name_with_an_institution_or_an_article_before_the_head():
    got = names("Pham Van Tho, Provincial People’s Committee Chairman, met the guests. On the side of Ha Nam, "
                "Vu Thi Hong, the Vice Chairwoman of the Ha Nam Provincial People’s Committee, joined them.")
    # the article's province goes before the bare "Provincial" (loaders/office_places.py)
    assert got["Pham Van Tho"] == ("Ha Nam Provincial People’s Committee Chairman",)
    assert got["Vu Thi Hong"] == ("Vice Chairwoman of the Ha Nam Provincial People’s Committee",)


def test_historical_figures_are_not_actors():
    got = names("Quan hệ do Chủ tịch Hồ Chí Minh và Chủ tịch Kaysone Phomvihane vun đắp. Hôm nay, Bí thư Tỉnh ủy "
                "Lê Minh Hưng tiếp Đại sứ Lào Sengphet Houngboungnuang.")
    assert set(got) == {"Lê Minh Hưng", "Sengphet Houngboungnuang"}
