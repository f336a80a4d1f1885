"""Persons and offices: the title grammar, on short sentences written for these tests."""
from __future__ import annotations

import pytest

from loaders.extract import extract


def persons(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    ex = extract("t", text)
    for p in ex.persons:
        assert text[p.span.start:p.span.end] == p.span.text == p.name
    return {p.name: (p.side, p.offices) for p in ex.persons}


def test_title_chain_before_name_with_province_inside():
    got = persons("Sáng 3/4, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hà Tĩnh Võ Trọng Hải đã tiếp đoàn.")
    assert list(got) == ["Võ Trọng Hải"]
    side, offices = got["Võ Trọng Hải"]
    assert side == "vietnam"
    assert "Chủ tịch UBND tỉnh Hà Tĩnh" in offices
    assert any(o.startswith("Phó Bí thư Tỉnh ủy") for o in offices)


def test_name_then_titles_after_comma():
    got = persons("Đoàn do đồng chí Đỗ Hùng Việt, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Ngoại giao làm trưởng đoàn.")
    side, offices = got["Đỗ Hùng Việt"]
    assert side == "vietnam"
    assert "Thứ trưởng Bộ Ngoại giao" in offices and "Ủy viên Trung ương Đảng" in offices


def test_list_of_hosts_after_colon_and_semicolons():
    got = persons("Tiếp đoàn có các đồng chí: Hồ Văn Niên, Bí thư Tỉnh ủy; Đặng Thị Lan, Phó Chủ tịch HĐND tỉnh; "
                  "lãnh đạo các sở, ngành của tỉnh Gia Lai.")
    assert set(got) == {"Hồ Văn Niên", "Đặng Thị Lan"}
    assert got["Đặng Thị Lan"][1] == ("Phó Chủ tịch HĐND tỉnh Gia Lai",)


def test_province_filled_from_context():
    got = persons("Tại tỉnh Sóc Trăng, Chủ tịch UBND tỉnh Trần Văn Lâu phát biểu.")
    assert got["Trần Văn Lâu"][1] == ("Chủ tịch UBND tỉnh Sóc Trăng",)


def test_foreign_guest_with_dash_title_and_place():
    got = persons("Ông Tanaka Hiroshi – Phó Thống đốc tỉnh Shizuoka cảm ơn tỉnh Quảng Nam.")
    side, offices = got["Tanaka Hiroshi"]
    assert side == "foreign"
    assert offices[0].startswith("Phó Thống đốc tỉnh Shizuoka")


def test_foreign_name_after_foreign_locality_title():
    got = persons("Chủ tịch Hội đồng thành phố Plovdiv Ivan Petrov Georgiev ký bản ghi nhớ với tỉnh Ninh Bình.")
    assert "Ivan Petrov Georgiev" in got
    assert got["Ivan Petrov Georgiev"][0] == "foreign"


def test_consul_general_is_foreign_even_with_vietnamese_city():
    got = persons("Chủ tịch UBND tỉnh Lâm Đồng Trần Hồng Thái tiếp bà Maria Lopez - Tổng Lãnh sự Mexico tại "
                  "Thành phố Hồ Chí Minh.")
    assert got["Maria Lopez"][0] == "foreign"
    assert got["Trần Hồng Thái"][0] == "vietnam"
    assert "Thành phố Hồ Chí Minh" not in got


def test_ethnic_minority_name_with_party_title_is_vietnamese():
    got = persons("Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Ksor Phước Hà phát biểu tại buổi lễ ở Gia Lai.")
    assert got["Ksor Phước Hà"][0] == "vietnam"


def test_english_title_before_name_and_possessive_party_committee():
    got = persons("Secretary of Ha Nam’s Party Committee Le Thi Thuy received Governor Park Jun Ho in Ha Nam.")
    assert got["Le Thi Thuy"] == ("vietnam", ("Secretary of the Party Committee of Ha Nam province",))
    assert got["Park Jun Ho"][0] == "foreign"


def test_english_premodified_title():
    got = persons("Osaka Mayor Yoshimura Hirofumi and Japanese Ambassador to Vietnam Ito Naoki visited Hai Phong.")
    assert got["Yoshimura Hirofumi"] == ("foreign", ("Mayor of Osaka",))
    assert got["Ito Naoki"][0] == "foreign"


def test_short_references_do_not_make_new_persons():
    got = persons("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên làm việc với tỉnh Bắc Giang. Bộ trưởng Diên nhấn mạnh, "
                  "ông Diên đề nghị tỉnh hỗ trợ doanh nghiệp.")
    assert list(got) == ["Nguyễn Hồng Diên"]


@pytest.mark.parametrize("text", [
    "Ảnh: Minh Đức",                                                     # photo credit
    "Mối quan hệ do Chủ tịch Hồ Chí Minh và Fidel Castro vun đắp.",       # no one named as an actor here
    "Đường Lê Duẩn, thành phố Đà Nẵng được trang trí.",                   # a street
    "0:00 / 0:00",
])
def test_negatives_make_no_person(text):
    assert "Minh Đức" not in persons(text)
    assert "Fidel Castro" not in persons(text)
    assert "Lê Duẩn" not in persons(text)


def test_boilerplate_tail_lists_are_ignored():
    text = ("Chủ tịch UBND tỉnh Vũ Đại Thắng tiếp Đại sứ Pháp.\n\nĐọc nhiều\n"
            "Tổng thống Mỹ Joe Biden thăm châu Phi\nThủ tướng Anh Rishi Sunak phát biểu")
    got = persons(text)
    assert "Joe Biden" not in got and "Rishi Sunak" not in got
    assert "Vũ Đại Thắng" in got


# --- generalisation fixes (held-out articles, own sentences) ---------------------------------

def test_abbreviation_after_title_does_not_start_the_name():
    got = persons("Phó Chủ tịch UBND TP Cần Thơ Lê Văn Bình phát biểu tại hội nghị.")
    assert list(got) == ["Lê Văn Bình"]
    assert got["Lê Văn Bình"][1] == ("Phó Chủ tịch UBND TP Cần Thơ",)


def test_honorific_between_title_and_name():
    got = persons("Chairman Le Van Hoa received Thai Consul General in Da Nang Mr. Somchai Wongsa on May 3.")
    assert got["Somchai Wongsa"] == ("foreign", ("Thai Consul General in Da Nang",))


def test_unknown_place_after_of_then_name():
    got = persons("The President of the Regional Council of Loire Pierre Martin visited Hue on May 3.")
    assert got["Pierre Martin"][1] == ("President of the Regional Council of Loire",)


def test_english_name_then_title_after_was_and_on():
    got = persons("Also present was Tran Van Nam, Director of the Ha Nam Department of Foreign Affairs. "
                  "The envoy called on Pham Thi Lan, Vice Chairwoman of the Ha Nam provincial People's Committee.")
    assert "Tran Van Nam" in got and "Pham Thi Lan" in got


def test_english_provincial_committee_gets_the_province():
    got = persons("Ha Tinh (VNA) - Chairman of the provincial People's Committee Vo Van Binh received guests in "
                  "Ha Tinh on May 3. Ha Tinh is a coastal province.")
    assert got["Vo Van Binh"][1] == ("Chairman of the Ha Tinh provincial People's Committee",)


def test_historical_figures_are_not_persons():
    got = persons("Ông Lê Văn Tám, Chủ tịch UBND tỉnh Nghệ An nhắc lại quan hệ do Chủ tịch Hồ Chí Minh và "
                  "Chủ tịch Kaysone Phomvihane đặt nền móng từ những năm 1950.")
    assert list(got) == ["Lê Văn Tám"]


def test_vietnamese_consul_abroad_is_vietnamese():
    got = persons("He met Vietnamese Consul General in Busan Nguyen Van Ba on May 3.")
    assert got["Nguyen Van Ba"][0] == "vietnam"


def test_one_spelling_per_office():
    from loaders.persons import canonical_office

    assert canonical_office("Chủ tịch Ủy ban nhân dân tỉnh Hà Giang") == "Chủ tịch UBND tỉnh Hà Giang"
    assert canonical_office("Phó Chủ tịch Hội đồng nhân dân  tỉnh") == "Phó Chủ tịch HĐND tỉnh"
    assert canonical_office("Thứ trưởng Ngoại giao") == "Thứ trưởng Bộ Ngoại giao"
    assert canonical_office("Governor of Jeju") == "Governor of Jeju"
