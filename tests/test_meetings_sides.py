"""Meetings: several encounters per article, sides from the words around names, where they were held.

Every sentence is made up for these tests."""
from __future__ import annotations

from loaders.extract import extract


def pairs(ex) -> set[frozenset[str]]:
    return {frozenset(p) for p in ex.met_pairs()}


def test_delegation_list_and_hosts_vi():
    text = ("Đoàn tỉnh Bắc Kạn thăm tỉnh Luang Prabang\n"
            "Ngày 14/3, đoàn đại biểu tỉnh Bắc Kạn do ông Hà Minh Quân, Chủ tịch UBND tỉnh Bắc Kạn làm trưởng đoàn "
            "đã đến thăm và làm việc tại tỉnh Luang Prabang. Cùng đi có ông Lý Văn Đức, Phó Chủ tịch UBND tỉnh Bắc Kạn. "
            "Tiếp đoàn có ông Khampheng Saysompheng, Tỉnh trưởng tỉnh Luang Prabang.")
    ex = extract("t", text)
    assert pairs(ex) == {frozenset({"Hà Minh Quân", "Khampheng Saysompheng"}),
                         frozenset({"Lý Văn Đức", "Khampheng Saysompheng"})}


def test_english_accompanied_by_and_received_by():
    text = ("Governor of Bavaria visits Ninh Binh\n"
            "A delegation led by Governor of Bavaria Hans Weber, accompanied by Mayor of Passau Anna Keller, "
            "was received by Chairman of the Ninh Binh provincial People's Committee Pham Quang Ngoc on June 3.")
    ex = extract("t", text)
    assert pairs(ex) == {frozenset({"Hans Weber", "Pham Quang Ngoc"}), frozenset({"Anna Keller", "Pham Quang Ngoc"})}


def test_english_courtesy_call_and_co_chaired():
    ex = extract("t", "Consul General of Thailand Somchai Prasert paid a courtesy call on Chairman of the Kien Giang "
                      "provincial People's Committee Lam Minh Thanh on May 2.")
    assert pairs(ex) == {frozenset({"Somchai Prasert", "Lam Minh Thanh"})}
    ex = extract("t", "Provinces review ties\nThe meeting was co-chaired by Chairman of the An Giang provincial People's "
                      "Committee Tran Van Nam and Governor of Takeo Vei Samnang on April 9.")
    assert pairs(ex) == {frozenset({"Tran Van Nam", "Vei Samnang"})}


def test_round_up_gives_one_meeting_per_encounter_and_no_cross_pairs():
    text = ("Lãnh đạo tỉnh tiếp khách quốc tế\n"
            "Sáng 6/5, Chủ tịch UBND tỉnh Hậu Giang Trần Văn Huyến tiếp Đại sứ Hàn Quốc Park Min Ho. "
            "Hai bên trao đổi về hợp tác đào tạo nghề.\n"
            "Chiều cùng ngày, Phó Chủ tịch UBND tỉnh Hậu Giang Lê Thị Mai tiếp Tổng Lãnh sự Nhật Bản Tanaka Kenji.")
    ex = extract("t", text)
    assert len(ex.meetings) == 2
    assert pairs(ex) == {frozenset({"Trần Văn Huyến", "Park Min Ho"}), frozenset({"Lê Thị Mai", "Tanaka Kenji"})}
    assert ex.meetings[1].day == "--05-06"           # "cùng ngày": the lead's day, year unknown


def test_a_workshop_the_same_afternoon_pairs_nobody():
    text = ("Đoàn tỉnh Bến Tre làm việc với tỉnh Chiba\n"
            "Sáng 10/9, Chủ tịch UBND tỉnh Bến Tre Trần Ngọc Tam làm việc với Thống đốc tỉnh Chiba Kumagai Toshihito.\n"
            "Chiều cùng ngày diễn ra hội thảo xúc tiến đầu tư với sự tham dự của ông Sato Ichiro, Giám đốc JETRO "
            "và ông Phạm Văn Lâm, Đại sứ Việt Nam tại Nhật Bản.")
    ex = extract("t", text)
    assert pairs(ex) == {frozenset({"Trần Ngọc Tam", "Kumagai Toshihito"})}


def test_later_meeting_of_the_delegation_abroad_with_its_hosts():
    text = ("Đoàn tỉnh Sơn La thăm Lào\n"
            "Ngày 3/10, Chủ tịch UBND tỉnh Sơn La Hoàng Quốc Khánh hội đàm với Tỉnh trưởng tỉnh Oudomxay Bounkhong "
            "Lachiemphone.\n"
            "Trước đó, đoàn đã chào xã giao Bí thư Tỉnh ủy tỉnh Luang Namtha Phoxay Sayasone.")
    ex = extract("t", text)
    assert pairs(ex) == {frozenset({"Hoàng Quốc Khánh", "Bounkhong Lachiemphone"}),
                         frozenset({"Hoàng Quốc Khánh", "Phoxay Sayasone"})}


def test_ministry_official_with_a_foreign_guest_is_on_the_visiting_side():
    text = ("Tỉnh tiếp Đại sứ\n"
            "Ngày 2/6, Chủ tịch UBND tỉnh Sóc Trăng Trần Văn Lâu tiếp Đại sứ Pháp Olivier Brochet. "
            "Cùng đến có Thứ trưởng Bộ Ngoại giao Lê Văn Hoàng.")
    ex = extract("t", text)
    assert pairs(ex) == {frozenset({"Trần Văn Lâu", "Olivier Brochet"}), frozenset({"Trần Văn Lâu", "Lê Văn Hoàng"})}


def test_meeting_abroad_is_held_abroad():
    text = ("Quảng Trị làm việc với Salavan\n"
            "Ngày 9/4, đoàn công tác tỉnh Quảng Trị do Chủ tịch UBND tỉnh Võ Văn Hưng dẫn đầu đã làm việc với "
            "Tỉnh trưởng tỉnh Salavan Khamphan Sitthidampha tại trụ sở chính quyền tỉnh Salavan.")
    m = extract("t", text).meetings[0]
    assert m.location == "Salavan" and m.location_kind == "foreign_locality"


def test_a_post_abroad_is_not_where_the_meeting_was():
    text = ("Chủ tịch tỉnh tiếp Tổng Lãnh sự\n"
            "Sáng 28/11, Chủ tịch UBND tỉnh Bình Định Phạm Anh Tuấn tiếp xã giao bà Maria Lopez, Tổng Lãnh sự Cuba "
            "tại Thành phố Hồ Chí Minh.")
    m = extract("t", text).meetings[0]
    assert m.location == "Bình Định" and m.location_kind == "province"


def test_english_meeting_in_a_foreign_capital():
    text = ("Vinh Phuc leaders visit Laos\n"
            "Secretary of the Vinh Phuc provincial Party Committee Hoang Thi Thuy Lan held talks with Governor of "
            "Luang Namtha Phoxay Sayasone in Luang Namtha province on March 2.")
    m = extract("t", text).meetings[0]
    assert m.location_kind == "foreign_locality" and "Luang Namtha" in m.location


def test_meeting_day_without_year():
    m = extract("t", "Sáng 22/12, Chủ tịch UBND tỉnh Đắk Lắk Phạm Ngọc Nghị tiếp Tỉnh trưởng tỉnh Jeollabuk-do "
                     "Song Ha Chin.").meetings[0]
    assert m.date is None and m.day == "--12-22"
    m = extract("t", "Ngày 22/12/2022, Chủ tịch UBND tỉnh Đắk Lắk Phạm Ngọc Nghị tiếp Tỉnh trưởng tỉnh Jeollabuk-do "
                     "Song Ha Chin.").meetings[0]
    assert m.date == "2022-12-22" and m.day is None


def test_co_attending_a_ceremony_is_not_a_meeting():
    text = ("Khai mạc lễ hội văn hóa\n"
            "Tối 1/9, lễ hội văn hóa các dân tộc được tổ chức tại quảng trường tỉnh.\n"
            "Dự lễ có Phó Chủ tịch UBND tỉnh Nguyễn Văn Hòa và Tổng Lãnh sự Lào Khamsouk Vongsa.\n"
            "Các tiết mục nghệ thuật đặc sắc được biểu diễn.")
    assert pairs(extract("t", text)) == set()


def test_officials_also_attending_join_their_own_side():
    text = ("Thống đốc tỉnh Gunma thăm Bắc Giang\n"
            "Ngày 4/10, đoàn công tác tỉnh Gunma do Thống đốc Yamamoto Ichita dẫn đầu đã làm việc với tỉnh Bắc Giang. "
            "Tiếp đoàn có ông Nguyễn Văn Gấu, Chủ tịch UBND tỉnh Bắc Giang. "
            "Cùng dự có ông Lê Ô Pích, Giám đốc Sở Ngoại vụ tỉnh Bắc Giang.")
    assert pairs(extract("t", text)) == {frozenset({"Yamamoto Ichita", "Nguyễn Văn Gấu"}),
                                         frozenset({"Yamamoto Ichita", "Lê Ô Pích"})}


def test_english_delegation_abroad_received_by_its_hosts_in_a_later_episode():
    text = ("Hai Phong leaders visit Japan\n"
            "Chairman of the Hai Phong municipal People's Committee Nguyen Van Tung held talks with Governor of "
            "Kanagawa Kuroiwa Yuji in Yokohama on May 10.\n"
            "The two sides discussed cooperation in port logistics.\n"
            "Earlier, the delegation was received by Mayor of Kawasaki Fukuda Norihiko.")
    ex = extract("t", text)
    assert pairs(ex) == {frozenset({"Nguyen Van Tung", "Kuroiwa Yuji"}), frozenset({"Nguyen Van Tung", "Fukuda Norihiko"})}
    assert len(ex.meetings) == 2


def test_ministry_delegation_told_across_sentences_vi():
    text = ("Bộ Ngoại giao làm việc với Cà Mau\n"
            "Ngày 12/5, Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt đến thăm và làm việc tại tỉnh Cà Mau. "
            "Làm việc với đoàn có ông Nguyễn Tiến Hải, Bí thư Tỉnh ủy Cà Mau và ông Huỳnh Quốc Việt, "
            "Chủ tịch UBND tỉnh Cà Mau.")
    ex = extract("t", text)
    assert pairs(ex) == {frozenset({"Đỗ Hùng Việt", "Nguyễn Tiến Hải"}), frozenset({"Đỗ Hùng Việt", "Huỳnh Quốc Việt"})}
    assert ex.meetings[0].location == "Cà Mau"


def test_seeing_off_a_ministry_delegation_is_a_meeting():
    text = ("Lãnh đạo tỉnh tiễn đoàn Bộ Ngoại giao\n"
            "Sáng 6/6, tại cửa khẩu, Phó Chủ tịch UBND tỉnh Cao Bằng Lê Hải Hòa tiễn đoàn công tác của Bộ Ngoại giao "
            "do Thứ trưởng Bộ Ngoại giao Phạm Thanh Bình làm trưởng đoàn sang công tác tại Trung Quốc.")
    assert pairs(extract("t", text)) == {frozenset({"Lê Hải Hòa", "Phạm Thanh Bình"})}


def test_a_leader_named_only_for_a_state_visit_is_context():
    text = ("Provincial leader receives Cuban Ambassador\n"
            "Secretary of the Ben Tre provincial Party Committee Ho Thi Hoang Yen received Ambassador of Cuba "
            "Pedro Lopez Diaz on May 3.\n"
            "The ambassador recalled the state visit of President Luong Cuong to Cuba last year.")
    assert pairs(extract("t", text)) == {frozenset({"Ho Thi Hoang Yen", "Pedro Lopez Diaz"})}


def test_a_delegation_list_goes_on_past_semicolons():
    text = ("Đại sứ thăm tỉnh\n"
            "Ngày 5/10, Đại sứ Angola Manuel Sebastiao đến thăm và làm việc với tỉnh Yên Bái. "
            "Cùng đi có bà Lê Thu Trang, Phó Vụ trưởng Bộ Ngoại giao; bà Đỗ Thị Hạnh, cán bộ Liên hiệp các tổ chức hữu nghị. "
            "Tiếp và làm việc với đoàn có ông Trần Huy Tuấn, Chủ tịch UBND tỉnh Yên Bái.")
    assert pairs(extract("t", text)) == {frozenset({"Manuel Sebastiao", "Trần Huy Tuấn"}),
                                         frozenset({"Lê Thu Trang", "Trần Huy Tuấn"}),
                                         frozenset({"Đỗ Thị Hạnh", "Trần Huy Tuấn"})}


def test_headline_cue_over_a_dated_body_that_names_the_people():
    text = ("Trang chủ\n"
            "Tin hoạt động\n"
            "Đoàn đại biểu tỉnh Hà Giang hội đàm với đoàn đại biểu thành phố Văn Sơn\n"
            "Hoạt động đối ngoại năm nay được đẩy mạnh.\n"
            "Nhiều chương trình hợp tác đã được triển khai.\n"
            "Ngày 12/4/2023, tại cửa khẩu Thanh Thủy, Phó Chủ tịch UBND tỉnh Hà Giang Hoàng Gia Long hội đàm với "
            "Phó Châu trưởng châu Văn Sơn Lý Minh Đức.")
    ex = extract("t", text)
    assert pairs(ex) == {frozenset({"Hoàng Gia Long", "Lý Minh Đức"})}
    assert ex.meetings[0].date == "2023-04-12"


def test_english_at_a_meeting_but_not_a_meeting_of():
    ex = extract("t", "Leaders of Quang Tri and Savannakhet reviewed cooperation at a meeting in Dong Ha on March 3. "
                      "Secretary of the Quang Tri provincial Party Committee Le Quang Tung and Governor of Savannakhet "
                      "Santiphab Phomvihane attended.")
    assert pairs(ex) == {frozenset({"Le Quang Tung", "Santiphab Phomvihane"})}
    ex = extract("t", "Conference opens\nMinister Bui Thanh Son spoke at a meeting of ASEAN foreign ministers on May 3. "
                      "Minister Marty Natalegawa also spoke.")
    assert pairs(ex) == set()


# ---------------------------------------------------------------- round 2: classes seen on unseen articles

def test_speaker_at_the_session_with_the_visiting_delegation_is_the_host_en():
    text = ("Korean delegation visits Bac Ninh\nA delegation of Gyeonggi province led by its Vice Governor "
            "Kim Dong Yeon paid a working visit to Bac Ninh on April 12. Speaking at a working session with the "
            "visiting delegation, Secretary of the provincial Party Committee Nguyen Anh Tuan said the province "
            "welcomed investors.")
    assert pairs(extract("t", text)) == {frozenset({"Kim Dong Yeon", "Nguyen Anh Tuan"})}


def test_speaker_at_the_session_with_the_delegation_is_the_host_vi():
    text = ("Đoàn tỉnh Chungcheong thăm Hà Nam\nNgày 12/4, đoàn tỉnh Chungcheong do ông Park Sung Min, Phó Tỉnh "
            "trưởng làm trưởng đoàn đã đến thăm và làm việc tại tỉnh Hà Nam. Phát biểu tại buổi làm việc với đoàn, "
            "ông Trương Quốc Huy, Chủ tịch UBND tỉnh Hà Nam cho biết tỉnh luôn chào đón nhà đầu tư.")
    assert pairs(extract("t", text)) == {frozenset({"Park Sung Min", "Trương Quốc Huy"})}


def test_a_person_recalled_from_a_past_visit_is_no_side():
    text = ("Tỉnh Tây Ninh tiếp đoàn Svay Rieng\nNgày 5/6, Bí thư Tỉnh ủy Tây Ninh Nguyễn Thành Tâm tiếp đoàn tỉnh "
            "Svay Rieng do ông Men Vibol, Tỉnh trưởng tỉnh Svay Rieng dẫn đầu. Đồng chí Nguyễn Thành Tâm nhắc lại "
            "sự kiện tháng 3/2015 Thủ tướng Campuchia Hun Sen sang thăm tỉnh.")
    assert pairs(extract("t", text)) == {frozenset({"Nguyễn Thành Tâm", "Men Vibol"})}
    text_en = ("Tay Ninh hosts Svay Rieng delegation\nOn June 5, Secretary of the Tay Ninh provincial Party Committee "
               "Nguyen Thanh Tam received a delegation of Svay Rieng province led by Governor Men Vibol. Tam recalled "
               "the visit of Cambodian Prime Minister Hun Sen to the province in 2015.")
    assert pairs(extract("t", text_en)) == {frozenset({"Nguyen Thanh Tam", "Men Vibol"})}


def test_sides_told_in_separate_sentences_and_two_led_delegations():
    text = ("Ha Giang and Yunnan review cooperation\nLeaders of Ha Giang province and China's Yunnan province reviewed "
            "their cooperation at a meeting in Kunming on March 9. During the meeting, held during the visit of Vice "
            "Governor of Yunnan Li Wei, both sides agreed to open more border gates. Nguyen Van Son, Secretary of the "
            "Ha Giang provincial Party Committee, for his part, valued the support of Yunnan.")
    assert pairs(extract("t", text)) == {frozenset({"Nguyen Van Son", "Li Wei"})}
    text = ("Đoàn tỉnh Điện Biên thăm Phongsaly\nNgày 5/6, Đoàn đại biểu tỉnh Điện Biên do bà Lò Thị Mai, Giám đốc "
            "Sở Ngoại vụ làm Trưởng đoàn đã tiến hành hội đàm với Đoàn đại biểu tỉnh Phongsaly do ông Khamla Vongsa, "
            "Chủ nhiệm Văn phòng tỉnh Phongsaly làm Trưởng đoàn.")
    assert pairs(extract("t", text)) == {frozenset({"Lò Thị Mai", "Khamla Vongsa"})}


def test_the_one_glad_to_welcome_the_delegation_is_the_host_and_provincial_officials_join_their_leader():
    text = ("Đoàn tỉnh Nghệ An thăm Tổng Lãnh sự quán tại Pakse\nNgày 3/11, đoàn đại biểu tỉnh Nghệ An do ông Hoàng "
            "Nghĩa Hiếu, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã đến chào xã giao Tổng Lãnh sự quán Việt Nam tại "
            "Pakse. Dự buổi gặp có ông Phan Đức Đồng, Giám đốc Sở Công Thương tỉnh. Vui mừng được đón đoàn sang thăm, "
            "ông Lê Minh Trí, Tổng Lãnh sự Việt Nam tại Pakse thông tin về tình hình cộng đồng người Việt.")
    got = pairs(extract("t", text))
    assert frozenset({"Hoàng Nghĩa Hiếu", "Lê Minh Trí"}) in got
    assert frozenset({"Hoàng Nghĩa Hiếu", "Phan Đức Đồng"}) not in got


def test_welcoming_the_delegation_marks_the_host_en():
    text = ("Gyeonggi delegation visits Hai Duong\nA delegation of Gyeonggi province led by Vice Governor Kim Dong "
            "Yeon paid a working visit to Hai Duong on April 12. Welcoming the delegation, Chairman of the provincial "
            "People's Committee Tran Duc Thang introduced the province's strengths.")
    assert pairs(extract("t", text)) == {frozenset({"Kim Dong Yeon", "Tran Duc Thang"})}


def test_page_furniture_before_the_headline_does_not_push_the_meeting_out_of_the_lead():
    text = ("Link\n\nUseful information\n\nForeign News\n\n« Back\n\nFrench Consul General says goodbye to the city\n\n"
            "Secretary of the Municipal Party Committee Le Van Hieu on 4th May received outgoing French Consul "
            "General Anne Moreau, who came to say goodbye to the city leaders.\n")
    assert pairs(extract("t", text)) == {frozenset({"Le Van Hieu", "Anne Moreau"})}


def test_a_person_of_earlier_visits_is_no_side():
    text = ("Hau Giang receives French envoy\nOn May 4, Chairman of the Hau Giang provincial People's Committee "
            "Dong Van Thanh received French Consul General Anne Moreau. She said ties were strengthened by the two "
            "most recent visits by President Emmanuel Macron.")
    assert pairs(extract("t", text)) == {frozenset({"Dong Van Thanh", "Anne Moreau"})}


def test_founders_monuments_and_events_back_then_are_no_sides():
    text = ("Chủ tịch UBND tỉnh Cao Bằng tiếp Đại sứ Lào\nNgày 5/3, Chủ tịch UBND tỉnh Cao Bằng Lê Hải Hòa tiếp ngài "
            "Khamphao Ernthavanh, Đại sứ Lào tại Việt Nam. Ông Lê Hải Hòa khẳng định quan hệ hữu nghị do Chủ tịch "
            "Hồ Chí Minh và Chủ tịch Kaysone Phomvihane dày công vun đắp. Tỉnh từng đón Thủ tướng Lào Sonexay "
            "Siphandone hồi tháng 5/2023.")
    assert pairs(extract("t", text)) == {frozenset({"Lê Hải Hòa", "Khamphao Ernthavanh"})}
    text = ("Quang Tri delegation in Savannakhet\nOn May 2, Secretary of the Quang Tri provincial Party Committee "
            "Le Quang Tung held talks with Governor Santiphab Phomvihane. The delegation laid flowers at the monument "
            "to President Souphanouvong, whose friendship with Vietnam was founded and nurtured back in 1945.")
    assert pairs(extract("t", text)) == {frozenset({"Le Quang Tung", "Santiphab Phomvihane"})}


def test_two_led_delegations_with_the_meeting_verb_between_are_two_sides_even_of_one_country():
    text = ("Tỉnh Lào Cai làm việc với tỉnh Hà Giang\nNgày 5/6, Đoàn công tác tỉnh Lào Cai do ông Trịnh Xuân Hòa, "
            "Phó Chủ tịch UBND tỉnh dẫn đầu đã làm việc với Đoàn công tác tỉnh Hà Giang do ông Hoàng Gia Long, "
            "Phó Chủ tịch UBND tỉnh dẫn đầu.")
    assert pairs(extract("t", text)) == {frozenset({"Trịnh Xuân Hòa", "Hoàng Gia Long"})}


def test_bilateral_review_conference_is_a_meeting():
    text = ("Tay Ninh and Svay Rieng review cooperation\n"
            "The People's Committee of Tay Ninh held a conference on May 4 to review its cooperation with Cambodia's "
            "Svay Rieng province in 2024.\n"
            "Vice Chairman of Tay Ninh People's Committee Vo Duc Trong praised the joint border patrols.\n"
            "Deputy Governor of Svay Rieng province Chea Sokha thanked Tay Ninh for its support.")
    assert pairs(extract("t", text)) == {frozenset({"Vo Duc Trong", "Chea Sokha"})}


def test_vietnamese_review_conference_between_two_provinces_is_a_meeting():
    text = ("Sơ kết hợp tác giữa Đồng Tháp và Prey Veng\n"
            "Ngày 8/6, tỉnh Đồng Tháp tổ chức hội nghị sơ kết hợp tác với tỉnh Prey Veng, Campuchia.\n"
            "Phó Chủ tịch UBND tỉnh Đồng Tháp Trần Trí Quang đánh giá cao kết quả tuần tra chung.\n"
            "Phó Tỉnh trưởng tỉnh Prey Veng Sok Sarith cảm ơn sự hỗ trợ của tỉnh Đồng Tháp.")
    assert pairs(extract("t", text)) == {frozenset({"Trần Trí Quang", "Sok Sarith"})}


def test_a_multilateral_forum_is_still_no_meeting():
    text = ("Mekong forum opens\n"
            "Vice Chairman Vo Duc Trong and Deputy Governor Chea Sokha attended the Mekong investment forum "
            "in Can Tho on May 4 together with delegates from ten countries.")
    assert pairs(extract("t", text)) == set()


def test_an_event_told_side_by_side_is_a_meeting_of_the_listed_persons():
    text = ("Lễ trao Huân chương Hữu nghị tại Lai Châu\n"
            "Ngày 9/4, tại thành phố Lai Châu đã diễn ra Lễ trao Huân chương Hữu nghị của Nhà nước Lào tặng tỉnh Lai Châu.\n"
            "Dự buổi lễ, về phía Lào có các ông: Bounma Sisavath, Tỉnh trưởng tỉnh Phongsaly; Khamla Vongsa, Phó Tỉnh trưởng tỉnh Phongsaly.\n"
            "Về phía tỉnh Lai Châu có ông Lê Minh Ngân, Bí thư Tỉnh ủy; ông Hà Văn Quý, Chủ tịch UBND tỉnh.\n"
            "Nhân dịp này, Nhà nước Lào cũng trao Huân chương cho ông Đỗ Văn Hào, Bộ trưởng Bộ Nội vụ.\n")
    ex = extract("t", text)
    lai_chau, laos = {"Lê Minh Ngân", "Hà Văn Quý"}, {"Bounma Sisavath", "Khamla Vongsa"}
    assert pairs(ex) == {frozenset({a, b}) for a in lai_chau for b in laos}     # not the medal's other recipient


def test_one_side_listed_alone_is_no_meeting():
    text = ("Hội nghị tổng kết công tác đối ngoại năm 2024\n"
            "Ngày 20/12, tỉnh Lai Châu tổ chức hội nghị tổng kết công tác đối ngoại năm 2024.\n"
            "Về phía tỉnh Lai Châu có ông Lê Minh Ngân, Bí thư Tỉnh ủy; ông Hà Văn Quý, Chủ tịch UBND tỉnh.\n"
            "Hội nghị cũng có sự tham dự của ông Bounma Sisavath, Tỉnh trưởng tỉnh Phongsaly.\n")
    assert pairs(extract("t", text)) == set()


def test_english_sides_listed():
    text = ("Friendship medals presented in Lai Chau\n"
            "A ceremony to present Lao friendship medals to Lai Chau province took place on April 9.\n"
            "On the Lao side were Bounma Sisavath, Governor of Phongsaly province, and Khamla Vongsa, Deputy Governor of Phongsaly province.\n"
            "On the Vietnamese side were Le Minh Ngan, Secretary of the Lai Chau provincial Party Committee.\n")
    ex = extract("t", text)
    assert pairs(ex) == {frozenset({"Le Minh Ngan", "Bounma Sisavath"}), frozenset({"Le Minh Ngan", "Khamla Vongsa"})}


def test_all_vietnamese_sides_parted_by_the_meeting_verb():
    text = ("Lãnh đạo tỉnh Lào Cai tiếp đoàn Hội Hữu nghị tỉnh Đắk Lắk\n"
            "Sáng 22/3, đồng chí Sùng A Hồ, Phó Chủ tịch UBND tỉnh Lào Cai tiếp và làm việc với ông Y Ngông Niê Kdăm "
            "và bà Ksor H'Bơ Khăp, đại diện Hội Hữu nghị Việt Nam - Campuchia tỉnh Đắk Lắk.\n")
    assert pairs(extract("t", text)) == {frozenset({"Sùng A Hồ", "Y Ngông Niê Kdăm"}), frozenset({"Sùng A Hồ", "Ksor H'Bơ Khăp"})}


def test_all_vietnamese_sides_parted_by_the_meeting_verb_en():
    text = ("Lao Cai leader receives Dak Lak friendship association\n"
            "On March 22, Vice Chairwoman of the Lao Cai provincial People's Committee Giang Thi Dung received "
            "Nguyen Van Hung, Chairman of the Dak Lak Vietnam - Cambodia Friendship Association.\n")
    assert pairs(extract("t", text)) == {frozenset({"Giang Thi Dung", "Nguyen Van Hung"})}


def test_all_vietnamese_with_nobody_named_after_the_verb_pairs_nobody():
    text = ("Lãnh đạo tỉnh Lào Cai tiếp đoàn Hội Hữu nghị tỉnh Đắk Lắk\n"
            "Sáng 22/3, đồng chí Sùng A Hồ, Phó Chủ tịch UBND tỉnh Lào Cai và ông Lý Văn Đức, Giám đốc Sở Ngoại vụ "
            "tiếp đoàn đại biểu Hội Hữu nghị Việt Nam - Campuchia tỉnh Đắk Lắk.\n")
    assert pairs(extract("t", text)) == set()
