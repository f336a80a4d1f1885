"""Where a person's name starts and stops: places, institutions and title fragments glued to names,
rare and ethnic-minority family names, initials, hyphens. Every sentence is made up for these tests."""
from __future__ import annotations

import pytest

from loaders.extract import extract


def persons(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    ex = extract("t", text)
    for p in ex.persons:
        assert text[p.span.start:p.span.end] == p.span.text == p.name
    return {p.name: (p.side, p.offices) for p in ex.persons}


# -- a place glued before a name ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, name, office", [
    ("Chiều 9/3, Chủ tịch UBND tỉnh Hải Dương Trần Minh Khoa tiếp khách.", "Trần Minh Khoa",
     "Chủ tịch UBND tỉnh Hải Dương"),
    ("Sáng nay, Phó Chủ tịch UBND tỉnh Vĩnh Long Nguyễn Hữu Tâm dự lễ.", "Nguyễn Hữu Tâm",
     "Phó Chủ tịch UBND tỉnh Vĩnh Long"),
    ("Hôm qua, Phó Chủ tịch UBND tỉnh Lạng sơn Đoàn Minh Thư tiếp đoàn.", "Đoàn Minh Thư",
     "Phó Chủ tịch UBND tỉnh Lạng sơn"),
])
def test_vietnamese_province_before_name(text, name, office):
    got = persons(text)
    assert list(got) == [name]
    assert got[name] == ("vietnam", (office,))


def test_foreign_region_before_korean_name():
    got = persons("Tỉnh trưởng tỉnh Chungcheongbuk Kim Young Hwan đã tới thăm tỉnh Bình Định.")
    assert list(got) == ["Kim Young Hwan"]
    assert got["Kim Young Hwan"][1] == ("Tỉnh trưởng tỉnh Chungcheongbuk",)


def test_country_before_name_goes_to_the_office():
    got = persons("Ông Lê Văn Tám nhắc lại chuyến thăm của Thủ tướng Campuchia Hun Manet tới tỉnh Tây Ninh.")
    assert "Hun Manet" in got and not any(n.startswith("Campuchia") for n in got)
    assert got["Hun Manet"] == ("foreign", ("Thủ tướng Campuchia",))


def test_institution_before_name_in_english():
    got = persons("Secretary of the Bảo Lạc District Party Committee Hoàng Thị Mơ said the visit was useful.")
    assert list(got) == ["Hoàng Thị Mơ"]
    assert got["Hoàng Thị Mơ"][1] == ("Secretary of the Bảo Lạc District Party Committee",)


def test_english_department_is_not_a_name():
    got = persons("Head of the Commission for External Relations Bounmy Keola led the delegation to Nghe An.")
    assert list(got) == ["Bounmy Keola"]
    assert got["Bounmy Keola"][1] == ("Head of the Commission for External Relations",)


# -- title fragments -----------------------------------------------------------------------------------------
def test_honorific_before_a_title_is_no_person():
    got = persons("Đồng chí Lê Thị Na, Phó Chủ tịch UBND tỉnh Phú Yên tiếp khách. "
                  "Đồng chí Phó Chủ tịch thường trực UBND tỉnh cảm ơn đoàn.")
    assert list(got) == ["Lê Thị Na"]


def test_title_does_not_end_with_a_conjunction_or_preposition():
    got = persons("Dự buổi tiếp có Phó Chủ tịch UBND tỉnh Kiên Giang Lâm Minh Quý và Tổng Lãnh sự Ấn Độ tại "
                  "TP Hồ Chí Minh Rakesh Gupta.")
    assert got["Lâm Minh Quý"][1] == ("Phó Chủ tịch UBND tỉnh Kiên Giang",)
    got = persons("Chairman of the Provincial People’s Council and Mr Pham Van Hai attended.")
    assert all(not o.endswith((" and", " và", " of", " to")) for _, offices in got.values() for o in offices)


def test_title_ends_with_its_place():
    got = persons("Phó Chủ tịch UBND TP Cần Thơ Trần Văn Sáu thông tin về tình hình hợp tác. "
                  "Ông Trần Văn Sáu cho biết thêm.")
    assert got["Trần Văn Sáu"][1] == ("Phó Chủ tịch UBND TP Cần Thơ",)


def test_lone_word_closing_a_party_name_stays_in_the_title():
    got = persons("Các đồng chí: Khamla Sisavath, Ủy viên Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào, "
                  "Bí thư, Tỉnh trưởng tỉnh Bokeo; Nguyễn Văn Đông, Bí thư Tỉnh ủy Lai Châu.")
    side, offices = got["Khamla Sisavath"]
    assert side == "foreign"
    assert offices == ("Ủy viên Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào", "Bí thư",
                       "Tỉnh trưởng tỉnh Bokeo")


def test_hyphen_glues_a_title_to_a_name():
    got = persons("Dự lễ có ngài Sok Vanna-Tỉnh trưởng tỉnh Mondulkiri và đoàn công tác.")
    assert list(got) == ["Sok Vanna"]
    assert got["Sok Vanna"][1] == ("Tỉnh trưởng tỉnh Mondulkiri",)


def test_transliterated_hyphenated_name_stays_whole():
    got = persons("Đại sứ Lào tại Việt Nam Khăm-Phăn Phôm-ma-thắt đã tới thăm tỉnh Quảng Trị.")
    assert list(got) == ["Khăm-Phăn Phôm-ma-thắt"]


# -- rare family names -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("Phó Chủ tịch UBND tỉnh Sùng Văn Páo chủ trì buổi làm việc.", "Sùng Văn Páo"),
    ("Bí thư Huyện ủy Giàng A Chu phát biểu.", "Giàng A Chu"),
    ("Phó Bí thư Tỉnh ủy Lầu Thị Mai tiếp đoàn.", "Lầu Thị Mai"),
    ("Bí thư Huyện ủy Y Khoa Niê Kdăm dự lễ.", "Y Khoa Niê Kdăm"),
    ("Phó Chủ tịch HĐND tỉnh Ksor H'Nhi Ayun dự lễ.", "Ksor H'Nhi Ayun"),
])
def test_ethnic_minority_names_are_whole(text, name):
    got = persons(text)
    assert list(got) == [name]
    assert got[name][0] == "vietnam"


# -- English shapes ----------------------------------------------------------------------------------------
def test_initial_inside_a_name_and_abbreviation_in_the_office():
    got = persons("Nguyen Van Binh met with Robert K. Miller, U.S. Ambassador to Vietnam, on June 2.")
    assert "Robert K. Miller" in got
    side, offices = got["Robert K. Miller"]
    assert side == "foreign" and offices == ("U.S. Ambassador to Vietnam",)


def test_rank_modifier_before_a_head():
    got = persons("Deputy Foreign Minister Tran Quoc Hung said the province had potential.")
    assert got["Tran Quoc Hung"][1] == ("Deputy Foreign Minister",)


def test_possessive_place_before_a_title():
    got = persons("The meeting was co-chaired by Siem Reap’s Governor Chea Sokha and Nguyen Van Tien.")
    assert got["Chea Sokha"][1] == ("Governor of Siem Reap",)


def test_municipal_title_gets_the_city():
    got = persons("CAN THO (VNA) - Tran Van Binh, Chairman of the municipal People’s Committee, spoke in Can Tho.")
    assert got["Tran Van Binh"][1] == ("Chairman of the Can Tho municipal People’s Committee",)


def test_bare_title_is_not_a_second_office():
    got = persons("Kim Sun Ho, RoK Ambassador to Vietnam, visited Da Nang. Ambassador Kim Sun Ho said he was glad.")
    assert got["Kim Sun Ho"][1] == ("RoK Ambassador to Vietnam",)


def test_foreign_name_with_a_generic_party_title_is_foreign():
    got = persons("Tiếp đoàn có ông Sithong Phommachan - Phó Bí thư Tỉnh ủy, cùng lãnh đạo tỉnh Attapeu. "
                  "Đoàn của tỉnh Kon Tum do ông Lê Văn Hòa dẫn đầu.")
    assert got["Sithong Phommachan"][0] == "foreign"


def test_two_titles_joined_by_and_are_two_offices_not_a_name():
    got = persons("The guests were led by Mr Bounleuth Phanthavong, Deputy Secretary of the Attapeu provincial "
                  "Party Committee and provincial Deputy Governor.")
    assert list(got) == ["Bounleuth Phanthavong"]
    # the second takes the place the first names (loaders/office_places.py)
    assert got["Bounleuth Phanthavong"][1] == ("Deputy Secretary of the Attapeu provincial Party Committee",
                                              "Attapeu provincial Deputy Governor")


def test_a_title_inside_a_title_does_not_end_it():
    got = persons("Đồng chí Phạm Thu Hà, Trợ lý Bộ trưởng Bộ Ngoại giao, tham dự buổi làm việc.")
    assert got["Phạm Thu Hà"][1] == ("Trợ lý Bộ trưởng Bộ Ngoại giao",)


# -- English places, departments and hospitals are not persons ------------------------------------------------
@pytest.mark.parametrize("text, name, office", [
    ("Mayor of Saint Nazaire Louis Garnier signed the deal in Hue.", "Louis Garnier", "Mayor of Saint Nazaire"),
    ("Chairman of Thua Thien Hue provincial People's Committee Tran Huu Loc hosted them.", "Tran Huu Loc",
     "Chairman of Thua Thien Hue provincial People's Committee"),
    ("Deputy Director of the Department of International Cooperation Vo Thi Mai said so.", "Vo Thi Mai",
     "Deputy Director of the Department of International Cooperation"),
    ("Director of Da Nang General Hospital Le Duc Nhan welcomed the doctors.", "Le Duc Nhan",
     "Director of Da Nang General Hospital"),
])
def test_place_department_or_hospital_before_an_english_name(text, name, office):
    got = persons(text)
    assert list(got) == [name]
    assert got[name][1] == (office,)


# -- offices as stated ----------------------------------------------------------------------------------------
def test_two_titles_across_a_dash_are_two_offices():
    got = persons("Cùng dự có đồng chí Khamla Vongsa - Ủy viên Trung ương Đảng Nhân dân Cách mạng Lào, "
                  "Bí thư - Tỉnh trưởng tỉnh Bokeo. Đây là sự kiện lớn.")
    assert got["Khamla Vongsa"][1] == ("Ủy viên Trung ương Đảng Nhân dân Cách mạng Lào", "Bí thư",
                                       "Tỉnh trưởng tỉnh Bokeo")


def test_abbreviation_with_a_dot_and_a_numbered_term_stay_in_the_title():
    got = persons("Đồng chí Đặng Văn Lâm, Ủy viên dự khuyết T.Ư Đảng, Trưởng đoàn ĐBQH khóa 15 tỉnh Hà Giang phát biểu.")
    assert got["Đặng Văn Lâm"][1] == ("Ủy viên dự khuyết T.Ư Đảng", "Trưởng đoàn ĐBQH khóa 15 tỉnh Hà Giang")


def test_english_comrade_chair_and_national_director():
    got = persons("The Secretary received Comrade Jose Luis Perez, Ambassador of Cuba to Vietnam. On May 3, Chair of "
                  "Tay Ninh Province Tran Thi Kim hosted a dinner. The deal was signed by Lam Van Hoa and "
                  "Tran Thi Lan, National Director of Plan International Vietnam.")
    assert got["Jose Luis Perez"][1] == ("Ambassador of Cuba to Vietnam",)
    assert got["Tran Thi Kim"][1] == ("Chair of Tay Ninh Province",)
    assert got["Tran Thi Lan"][1] == ("National Director of Plan International Vietnam",)


def test_english_province_description_folds_to_the_province():
    got = persons("Deputy Secretary of the Party Committee of the central coastal province of Phu Yen "
                  "Tran Thi Hoa received the guests.")
    assert got["Tran Thi Hoa"][1] == ("Deputy Secretary of the Party Committee of Phu Yen province",)


def test_program_director_of_an_ngo_keeps_its_whole_title():
    got = persons("Về phía tổ chức có ông Ban Ki Jung, Giám đốc Chương trình của tổ chức KFHI Việt Nam; cùng cán bộ.")
    assert got["Ban Ki Jung"][1] == ("Giám đốc Chương trình của tổ chức KFHI Việt Nam",)


def test_name_after_a_dash_and_a_word_of_address():
    got = persons("Đoàn chụp ảnh cùng Thị trưởng thành phố Osaka – Ông Yokoyama Hideyuki (thứ 3 từ trái).")
    assert got["Yokoyama Hideyuki"][1] == ("Thị trưởng thành phố Osaka",)


def test_two_spellings_of_one_city_are_one_office():
    got = persons("Bà Maria Lopez - Tổng Lãnh sự Cuba tại Thành phố Hồ Chí Minh đến thăm tỉnh. "
                  "Tổng Lãnh sự Cuba tại TP Hồ Chí Minh Maria Lopez cảm ơn tỉnh.")
    assert got["Maria Lopez"][1] == ("Tổng Lãnh sự Cuba tại Thành phố Hồ Chí Minh",)


def test_member_of_a_committee_is_an_office():
    got = persons("Comrade Le Van Hai, Member of the Party Central Committee, Secretary of the Nam Dinh Provincial "
                  "Party Committee received the guests.")
    assert got["Le Van Hai"][1] == ("Member of the Party Central Committee",
                                    "Secretary of the Nam Dinh Provincial Party Committee")


def test_slash_and_comma_inside_an_office_stay_as_written():
    got = persons("Ngày 3/5, đoàn do ông Mark Olsen, Giám đốc Tổ chức ABC/Mỹ tại Việt Nam làm trưởng đoàn. "
                  "Ông Lê Văn Khải, Tổng Lãnh sự Việt Nam tại Savannakhet, Lào cùng dự.")
    assert got["Mark Olsen"][1] == ("Giám đốc Tổ chức ABC/Mỹ tại Việt Nam",)
    assert got["Lê Văn Khải"][1] == ("Tổng Lãnh sự Việt Nam tại Savannakhet, Lào",)


def test_side_of_an_unaccented_name_in_a_vietnamese_text_is_foreign():
    got = persons("Thành phần đoàn gồm có ông Kim Yong Su, bà Chanthala Phomvihane và ông Vũ Minh Tâm, cùng nhiều "
                  "cán bộ của các sở ngành tỉnh Quảng Ninh tham dự buổi gặp mặt thân mật.")
    assert got["Kim Yong Su"][0] == "foreign" and got["Chanthala Phomvihane"][0] == "foreign"
    assert got["Vũ Minh Tâm"][0] == "vietnam"
    got = persons("Nguyen Van Hai, Chairman of the Quang Ninh provincial People's Committee, met Kim Yong Su.")
    assert got["Nguyen Van Hai"][0] == "vietnam"


# -- Vietnamese institutions whose words are two syllables, one capitalised -----------------------------------
@pytest.mark.parametrize("text, name, office", [
    ("Hôm qua, Trưởng Ban Dân vận Tỉnh ủy Lò Thị Hoa dự lễ.", "Lò Thị Hoa", "Trưởng Ban Dân vận Tỉnh ủy"),
    ("Sáng nay, Giám đốc Trung tâm Xúc tiến Đầu tư Mai Văn Khánh phát biểu.", "Mai Văn Khánh",
     "Giám đốc Trung tâm Xúc tiến Đầu tư"),
    ("Chiều qua, Giám đốc Bệnh viện Đa khoa tỉnh Vi Văn Sáu tiếp đoàn.", "Vi Văn Sáu",
     "Giám đốc Bệnh viện Đa khoa tỉnh"),
    ("Hôm qua, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch Đàm Văn Quý phát biểu.", "Đàm Văn Quý",
     "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch"),
])
def test_institution_words_of_two_syllables(text, name, office):
    got = persons(text)
    assert list(got) == [name]
    assert got[name][1][0].startswith(office)


def test_a_verb_after_the_title_is_not_part_of_it():
    got = persons("Đoàn do Đại sứ Lào tại Việt Nam Khamphao Ernthavanh làm trưởng đoàn. "
                  "Đoàn do ngài Saysana Vongsay, Đại sứ Lào tại Việt Nam làm Trưởng đoàn.")
    assert got["Saysana Vongsay"][1] == ("Đại sứ Lào tại Việt Nam",)


def test_given_names_that_are_also_institution_words():
    got = persons("Ông Lê Văn Tư dự lễ cùng bà Trần Thị Công tại tỉnh.")
    assert set(got) == {"Lê Văn Tư", "Trần Thị Công"}


def test_country_office_of_a_foreign_ngo_is_foreign():
    got = persons("Về phía tổ chức có ông Ban Ki Jung, Giám đốc Chương trình của tổ chức KFHI Việt Nam; "
                  "phía tỉnh có ông Nguyễn Văn Tâm, Phó Chủ tịch UBND huyện Ea Kar.")
    assert got["Ban Ki Jung"][0] == "foreign"
    assert got["Nguyễn Văn Tâm"][0] == "vietnam"


# -- a place named in full once, bare later ----------------------------------------------------------------
@pytest.mark.parametrize("text, name, not_names", [
    ("Đoàn công tác tỉnh Long An đã thăm tỉnh Svay Rieng của Vương quốc Campuchia. "
     "Phó Chủ tịch Võ Minh Đức cảm ơn Tỉnh trưởng Svay Rieng cùng các sở, ngành.", "Võ Minh Đức", ("Svay Rieng",)),
    ("Ngày 3/4, Đại sứ nước Cộng hòa Dân chủ Nhân dân An-giê-ri tại Việt Nam thăm tỉnh Sơn La. "
     "Đại sứ An-giê-ri Abdelkader Belkacem đánh giá cao tiềm năng của tỉnh.", "Abdelkader Belkacem",
     ("An-giê-ri Abdelkader Belkacem",)),
    ("The Ambassador of the United States of America visited Dong Thap. Later, Chairman Tran Van Loc met "
     "the Consul General of the United States Susan B. Walker in the city.", "Susan B. Walker",
     ("United States", "United States Susan B. Walker")),
])
def test_bare_partner_name_after_its_full_form_is_a_place(text, name, not_names):
    got = persons(text)
    assert name in got
    assert not set(not_names) & set(got)


# -- lines whose every word is capitalised, and texts cut mid-word -------------------------------------------
def test_title_case_heading_is_no_evidence_of_a_name():
    text = ("Portal\n\nJapanese Consul General Pays Farewell Visit to Provincial Leaders\n\n"
            "Chairman Le Minh Hoan received outgoing Japanese Consul General Ono Masaru on Monday.")
    got = persons(text)
    assert "Pays Farewell" not in got and "Pays Farewell Visit" not in got
    assert {"Le Minh Hoan", "Ono Masaru"} <= set(got)


def test_title_case_rule_leaves_lines_with_a_lower_case_verb_and_vietnamese_lines():
    assert "Tran Van Loc" in persons("Vice Chairman Tran Van Loc met the Governor of Vientiane Province")
    assert "Y Khoa Niê Kdăm" in persons("Bí thư Huyện ủy Y Khoa Niê Kdăm dự lễ.")


def test_name_in_a_title_case_heading_is_kept_when_named_below():
    text = ("Chairman Receives Ambassador Peter Lindqvist\n\n"
            "Chairman Le Minh Hoan received Swedish Ambassador Peter Lindqvist in Can Tho on Monday.")
    assert "Peter Lindqvist" in persons(text)


def test_sentence_case_heading_names_stand_alone():
    text = "Ambassador Peter Lindqvist visits Can Tho\n\nThe delegation toured the port on Monday."
    assert "Peter Lindqvist" in persons(text)


def test_name_cut_at_the_end_of_a_truncated_text_is_dropped():
    cut = ("Leaders meet partners\n\n"
           "Vice Chairman Tran Van Loc met the Governor of Vientiane Province and the Chairman of Nha Be Distr")
    got = persons(cut)
    assert "Tran Van Loc" in got and not any("Distr" in n for n in got)
    whole = cut.replace("of Nha Be Distr", "Mr. Phan Quoc Hung.")
    assert "Phan Quoc Hung" in persons(whole)


# -- merged party boards, foreign district heads, possessive countries ---------------------------------------
@pytest.mark.parametrize("text, name, office", [
    ("Dự buổi tiếp có đồng chí Vũ Thị Lan - Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy.", "Vũ Thị Lan",
     "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("Phó Trưởng Ban Nội chính Tỉnh ủy Lò Văn Khánh báo cáo tình hình.", "Lò Văn Khánh",
     "Phó Trưởng Ban Nội chính Tỉnh ủy"),
])
def test_party_boards_with_two_parts(text, name, office):
    got = persons(text)
    assert list(got) == [name] and got[name][1][0].startswith(office)


def test_foreign_district_head_is_a_title():
    got = persons("Chủ tịch UBND tỉnh Hồ Văn Mười tiếp đoàn quận Mapo-gu do Quận trưởng Park Jiwon dẫn đầu.")
    assert got["Park Jiwon"] == ("foreign", ("Quận trưởng",))


@pytest.mark.parametrize("text, name, office", [
    ("The Vice Chairman received Governor of Laos’ Attapeu province Khamphet Sinavong on Tuesday.",
     "Khamphet Sinavong", "Governor of Attapeu province"),
    ("Mayor of the Philippines' Davao city Rosa Aquino toured the port with Chairman Tran Van Loc.",
     "Rosa Aquino", "Mayor of Davao city"),
])
def test_possessive_country_inside_an_english_title(text, name, office):
    got = persons(text)
    assert got[name] == ("foreign", (office,))


def test_english_title_with_lower_case_and_possessive_premodifiers_after_the_name():
    got = persons("Provincial news\n\nMr Tran Minh Duc, provincial Party’s Standing Deputy Secretary, and Ms Ngo "
                  "Thi Lan, Chairwoman of the People’s Council, welcomed the guests.")
    assert got["Tran Minh Duc"][1] == ("provincial Party’s Standing Deputy Secretary",)
    assert got["Ngo Thi Lan"][1] == ("Chairwoman of the People’s Council",)


# -- long syllabic names, group leaders, bracketed acronyms, Korean given names ------------------------------
@pytest.mark.parametrize("text, name", [
    ("Tiếp đoàn có các đồng chí: Xổm Phết Khăm Bun Nạ Vông - Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Sê Kông.",
     "Xổm Phết Khăm Bun Nạ Vông"),
    ("Dự có đồng chí Lò Văn Tiến – Chủ tịch UBND tỉnh, đồng chí Phăn Kinh Xỉ Lạ Vông Sạ – Phó tỉnh trưởng tỉnh Hủa Phăn.",
     "Phăn Kinh Xỉ Lạ Vông Sạ"),
    ("Về phía Lào có ông Bun Phoi Văn Nạ Khăm, Bí thư, Tỉnh trưởng tỉnh Bò Kẹo.", "Bun Phoi Văn Nạ Khăm"),
])
def test_lao_names_of_six_syllables_are_whole(text, name):
    assert name in persons("Tin trong tỉnh\n" + text)


def test_a_vietnamese_run_of_six_words_is_still_no_name():
    got = persons("Tin trong tỉnh\nDự có đồng chí Nguyễn Văn Hùng Minh Quang Hải – Phó Chủ tịch UBND tỉnh.")
    assert "Nguyễn Văn Hùng Minh Quang Hải" not in got


def test_group_leaders_and_district_deputies_are_titles():
    got = persons("Tin trong tỉnh\nĐoàn có ông Choi Min Ho - Trưởng nhóm Hữu nghị tỉnh Gangwon; Han Ji Woo - Phó nhóm "
                  "Hữu nghị. Quận phó quận Mapo Park Sun Hee phát biểu.")
    assert got["Choi Min Ho"][1] == ("Trưởng nhóm Hữu nghị tỉnh Gangwon",)
    assert got["Han Ji Woo"][1] == ("Phó nhóm Hữu nghị",)
    assert "Park Sun Hee" in got


def test_bracketed_acronym_inside_an_english_title():
    got = persons("News\n\nAmbassador of the Republic of Korea (RoK) Choi Young Sam met the province's leaders.")
    assert got["Choi Young Sam"][1] == ("Ambassador of the Republic of Korea (RoK)",)


def test_a_name_typed_without_one_space_is_the_same_person():
    got = persons("On May 2, Chairman of the Bac Giang provincial People's Committee Le Van Hai received Ambassador "
                  "of Japan to Vietnam Suzuki Ken. Chairman Le VanHai thanked the Ambassador.")
    assert [n for n in got if n.replace(" ", "") == "LeVanHai"] == ["Le Van Hai"]


def test_an_official_of_the_articles_province_is_vietnamese_whatever_the_surname():
    got = persons("News\n\nQUẢNG NGÃI — Deputy Secretary of the Party Committee of the central province of Quảng Ngãi "
                  "Định Thị Hồng Minh received a delegation of Sekong province on Wednesday. Quảng Ngãi and Sekong "
                  "agreed to cooperate.")
    assert got["Định Thị Hồng Minh"][0] == "vietnam"


@pytest.mark.parametrize("text, name, office", [
    ("Vice Governor of Phnom Penh Prak Sophal visited Can Tho city on May 2.", "Prak Sophal", "Vice Governor of Phnom Penh"),
    ("Governor of Krung Thep Maha Nakhon Somchai Wongsakul visited Can Tho city on May 2.", "Somchai Wongsakul",
     "Governor of Krung Thep Maha Nakhon"),
])
def test_a_capital_after_of_ends_before_the_name(text, name, office):
    got = persons("News\n\n" + text)
    assert got[name][1] == (office,)


def test_title_ends_at_a_locality_word_with_no_place_after_it():
    # an activity phrase right after a lower-case "tỉnh"/"thành phố" is no place: the title ended at the word
    got = persons("Tin\n\nÔng Lê Văn Hải, Phó Chủ tịch UBND tỉnh công tác tại Nhật Bản. "
                  "Bà Đỗ Thị Mai, Giám đốc Sở Ngoại vụ thành phố đầu tư vào Lào.")
    assert got["Lê Văn Hải"][1] == ("Phó Chủ tịch UBND tỉnh",)
    assert got["Đỗ Thị Mai"][1] == ("Giám đốc Sở Ngoại vụ thành phố",)
    # a capitalised locality word opens a name that goes on in lower case, and "tỉnh ủy" is one word
    got = persons("Tin\n\nChủ nhiệm Văn phòng Ngoại sự Khu tự trị dân tộc Choang Quảng Tây Lý Minh gặp đoàn. "
                  "Bí thư tỉnh ủy Hoàng Văn Nam tiếp đoàn.")
    assert got["Lý Minh"][1] == ("Chủ nhiệm Văn phòng Ngoại sự Khu tự trị dân tộc Choang Quảng Tây",)
    assert got["Hoàng Văn Nam"][1][0].startswith("Bí thư tỉnh ủy")
