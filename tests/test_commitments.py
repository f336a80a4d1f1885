"""Commitment finder: cue families and kinds, negatives, spans, makers.

Every sentence here is made up for the test; none comes from the evaluation articles.
"""
from __future__ import annotations

import pytest

from loaders.commitments import Actor, Actors, find_commitments, load_cues
from loaders.text import split_sentences, text_doc

HEAD_VI = "Tin tỉnh nhà hôm nay\n"
HEAD_EN = "Provincial news of the day\n"


def acts(text: str, persons=(), orgs=(), provinces=(), partners=()) -> Actors:
    def spans(names):
        out = []
        for n in names:
            i = text.find(n)
            assert i >= 0, n
            out.append(Actor(n, i, i + len(n)))
        return tuple(out)
    return Actors(spans(persons), spans(orgs), spans(provinces), spans(partners))


def run(body: str, head: str = HEAD_VI, **names):
    text = head + body
    facts = find_commitments(text_doc("t", text), acts(text, **names) if names else None)
    for f in facts:
        assert text[f.span.start:f.span.end] == f.text == f.span.text
        assert f.span.doc == "t"
    return facts


def one(body: str, head: str = HEAD_VI, **names):
    facts = run(body, head, **names)
    assert len(facts) == 1, [f.text for f in facts]
    return facts[0]


# ---------------------------------------------------------------- the table

def test_cue_table_loads_and_has_every_role():
    table = load_cues()
    for role in ("sign", "donate", "agree", "pledge", "modal", "request", "invite", "content", "block"):
        assert table.get(role), role


# ---------------------------------------------------------------- Vietnamese kinds

def test_vi_pledge_support():
    f = one("Tại buổi tiếp, Giám đốc Trần Minh Khoa khẳng định Sở sẽ hỗ trợ tỉnh Kon Tum quảng bá nông sản.",
            persons=["Trần Minh Khoa"], provinces=["Kon Tum"])
    assert f.kind == "support"
    assert f.by == ("Trần Minh Khoa",)
    assert "sẽ hỗ trợ tỉnh Kon Tum" in f.text


def test_vi_request_de_nghi_and_mong_muon():
    f = one("Chủ tịch UBND tỉnh Lê Thị Hoa đề nghị phía Thái Lan tạo thuận lợi cho hàng nông sản của tỉnh.",
            persons=["Lê Thị Hoa"])
    assert f.kind == "request" and f.by == ("Lê Thị Hoa",)
    f = one("Ông Võ Văn An mong muốn Đại sứ quán tiếp tục kết nối doanh nghiệp hai nước.", persons=["Võ Văn An"])
    assert f.kind == "request"


def test_vi_request_via_office_title_resolves_to_person():
    body = ("Dự buổi làm việc có Chủ tịch UBND tỉnh Đặng Quốc Bảo và các sở, ngành.\n"
            "Chủ tịch UBND tỉnh đề nghị Tổng Lãnh sự quán giới thiệu thêm đối tác cho tỉnh.")
    facts = run(body, persons=["Đặng Quốc Bảo"])
    assert [f.kind for f in facts] == ["request"]
    assert facts[0].by == ("Đặng Quốc Bảo",)


def test_vi_sign_mou_and_caption_repeat_is_not_second():
    body = ("Chiều 5/3, UBND tỉnh Hà Giang đã ký kết Biên bản ghi nhớ hợp tác với chính quyền huyện Mèo Vạc.\n"
            "Lãnh đạo hai bên ký kết Bản ghi nhớ.\n")
    facts = run(body, orgs=["UBND tỉnh Hà Giang"])
    assert [f.kind for f in facts] == ["sign"]
    assert facts[0].by == ("UBND tỉnh Hà Giang",)


def test_vi_agreement_signed_earlier_counts_as_sign():
    f = one("Hai bên đã rà soát việc thực hiện Thỏa thuận hợp tác ký ngày 3/4/2019 giữa hai tỉnh.")
    assert f.kind == "sign"


def test_vi_agreed_cooperation():
    f = one("Hai bên nhất trí tăng cường hợp tác trong lĩnh vực giáo dục và y tế.")
    assert f.kind == "cooperate"


def test_vi_donation_with_amount():
    f = one("Nhân dịp này, Hội Chữ thập đỏ tỉnh trao tặng 300 triệu đồng cho bệnh viện tỉnh bạn.")
    assert f.kind == "donate" and f.amount == "300 triệu đồng"


def test_vi_donation_in_kind_without_amount():
    f = one("Đoàn công tác đã trao tặng gạo và thuốc men cho người dân vùng lũ của nước bạn.")
    assert f.kind == "donate"


def test_vi_pledge_promote_and_invitation():
    f = one("Bí thư Tỉnh ủy Phan Thành Nam cho biết, tỉnh sẽ xây dựng ấn phẩm giới thiệu, quảng bá du lịch tới các đối tác.",
            persons=["Phan Thành Nam"])
    assert f.kind == "promote"
    f = one("Phó Chủ tịch Ngô Bảo Trâm trân trọng mời đoàn doanh nghiệp sang thăm và khảo sát đầu tư tại tỉnh.",
            persons=["Ngô Bảo Trâm"])
    assert f.kind == "other"


def test_vi_two_commitments_in_one_sentence_are_split_at_semicolon():
    facts = run("Ông Hồ Đức Lợi mời đoàn đến thăm tỉnh; đồng thời đề nghị hai bên đẩy mạnh trao đổi sinh viên.",
                persons=["Hồ Đức Lợi"])
    assert [f.kind for f in facts] == ["other", "request"]
    assert all(f.by == ("Hồ Đức Lợi",) for f in facts)


# ---------------------------------------------------------------- Vietnamese negatives

@pytest.mark.parametrize("sentence", [
    "Chủ tịch tỉnh đánh giá cao những kết quả hợp tác giữa hai địa phương trong thời gian qua.",     # praise
    "Chủ tịch tỉnh tin tưởng quan hệ hai tỉnh sẽ ngày càng phát triển.",                              # belief
    "Tỉnh đã tổ chức nhiều đoàn xúc tiến đầu tư nhằm quảng bá hình ảnh địa phương.",                  # purpose, past
    "Thời gian qua, hai tỉnh đã hợp tác hiệu quả trên nhiều lĩnh vực.",                                # past cooperation
    "Trong thời gian tới, giữa hai tỉnh sẽ có nhiều cơ hội hợp tác.",                                  # assessment
    "Chủ tịch tỉnh trao tặng bức tranh lưu niệm cho trưởng đoàn.",                                     # souvenir
    "Hội nghị thể hiện sự nhất trí cao về vai trò của công tác đối ngoại.",                            # noun "nhất trí"
    "Công tác này cần đáp ứng yêu cầu, nhiệm vụ trong giai đoạn mới.",                                 # noun "yêu cầu"
])
def test_vi_negatives(sentence):
    assert run(sentence) == []


def test_vi_boilerplate_lines_are_ignored():
    body = ("Tỉnh đẩy mạnh đối ngoại.\n"
            "Tin liên quan |\n"
            "Tỉnh sẽ hỗ trợ bạn Lào xây trường |\n"
            "0:00 / 0:00\n"
            "Tỉnh Gia Lai trao tặng quà cho học sinh Campuchia\n"
            "Nội dung chính của bài.\n"
            "Tin bài liên quan\n"
            "Tỉnh A sẽ hỗ trợ tỉnh B 1 tỷ đồng.\n")
    assert run(body) == []


def test_vi_headline_is_not_read():
    text = "Quảng Bình ký kết thỏa thuận hợp tác với tỉnh Khammouane\nBuổi lễ diễn ra trang trọng."
    assert find_commitments(text_doc("t", text)) == []


def test_vi_internal_instruction_is_not_a_commitment():
    assert run("Đồng chí yêu cầu lãnh đạo các sở, ngành tiếp thu đầy đủ thông tin.") == []


def test_vi_request_continued_in_next_sentence_of_same_paragraph():
    body = ("Ông Lý Minh Tâm mong muốn Bộ tiếp tục quan tâm giúp tỉnh kết nối đối tác. "
            "Trước mắt, hỗ trợ tỉnh tổ chức hội nghị xúc tiến đầu tư tại Singapore.")
    facts = run(body, persons=["Lý Minh Tâm"])
    assert [f.kind for f in facts] == ["request", "request"]
    assert facts[1].by == ("Lý Minh Tâm",)


# ---------------------------------------------------------------- English

def test_en_sign_and_will_cooperate_with_joint_subject():
    body = ("Quang Ngai province and Japan's Gunma prefecture signed a memorandum of understanding on cooperation "
            "on May 2. Under the document, the two sides will expand exchanges in agriculture and training.")
    facts = run(body, HEAD_EN, provinces=["Quang Ngai"], partners=["Gunma"])
    assert [f.kind for f in facts] == ["sign", "cooperate"]
    assert facts[0].by == ("Quang Ngai",) and facts[1].by == ("Quang Ngai",)
    assert facts[1].text.startswith("Under the document")


def test_en_pledge_request_agree_donate():
    body = ("Governor Kim Soo Min pledged to provide scholarships for students of Ha Nam. "
            "He asked the province to help Korean firms with land procedures. "
            "The two localities agreed to open a direct flight route. "
            "The delegation handed over medical equipment worth USD 20,000 to the provincial hospital.")
    facts = run(body, HEAD_EN, persons=["Kim Soo Min"], provinces=["Ha Nam"])
    assert [f.kind for f in facts] == ["support", "request", "cooperate", "donate"]
    assert facts[0].by == ("Kim Soo Min",) and facts[1].by == ("Kim Soo Min",)
    assert facts[3].amount == "USD 20,000"


def test_en_committed_to_bridge_is_promote():
    f = one("Ambassador Lina Berg committed to being a bridge to introduce Swedish investors to the province.",
            HEAD_EN, persons=["Lina Berg"])
    assert f.kind == "promote"


def test_en_clauses_split_at_while():
    facts = run("Tay Ninh will continue to support Svay Rieng in vocational training while the Cambodian side "
                "will create favourable conditions for Vietnamese traders.", HEAD_EN,
                provinces=["Tay Ninh"], partners=["Svay Rieng"])
    assert [f.kind for f in facts] == ["support", "support"]
    assert facts[0].by == ("Tay Ninh",)


@pytest.mark.parametrize("sentence", [
    "The chairman appreciated the support of the embassy over the past years.",                  # praise
    "He believed the agreement will help boost trade between the two localities.",                 # belief
    "She hoped the visit would promote investment in the province.",                               # hope
    "Her trip aims to promote cultural exchanges between the two countries.",                      # purpose
    "In 2015-2020, the two provinces implemented many cooperation programmes.",                    # past
    "The mayor presented a souvenir to the visiting governor.",                                    # souvenir
    "Both sides will be able to benefit from the new route.",                                      # will be
])
def test_en_negatives(sentence):
    assert run(sentence, HEAD_EN) == []


def test_en_caption_credit_line_does_not_become_a_second_signing():
    body = ("Officials at the signing ceremony (Photo: VNA)\n"
            "Binh Phuoc province and Kratie province signed a cooperation agreement on June 1.")
    facts = run(body, HEAD_EN, provinces=["Binh Phuoc"])
    assert [f.kind for f in facts] == ["sign"]


# ---------------------------------------------------------------- segmenter and fallbacks

def test_sentence_splitter_handles_abbreviations_decimals_and_glued_sentences():
    text = ("Ông Tâm làm việc tại TP. Hồ Chí Minh với 1.250,5 tỷ đồng vốn. Bà Lan phát biểu.Sau đó hai bên ký kết. "
            "Mr. Smith arrived in the U.S. capital.")
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["Ông Tâm làm việc tại TP. Hồ Chí Minh với 1.250,5 tỷ đồng vốn.", "Bà Lan phát biểu.",
                     "Sau đó hai bên ký kết.", "Mr. Smith arrived in the U.S. capital."]


def test_quoted_pledge_is_attributed_to_the_speaker():
    body = ("“Tỉnh sẽ tiếp tục tạo mọi điều kiện cho các nhà đầu tư Úc”, Chủ tịch UBND tỉnh Tạ Văn Hùng nói.")
    f = one(body, persons=["Tạ Văn Hùng"])
    assert f.kind == "support" and f.by == ("Tạ Văn Hùng",)


def test_works_without_actors():
    f = one("Thứ trưởng Đỗ Hải Yến cho biết Bộ sẽ hỗ trợ tỉnh mở rộng quan hệ với các địa phương Nhật Bản.")
    assert f.kind == "support"
    assert f.by == ("Đỗ Hải Yến",)


# ---------------------------------------------------------------- generalisation fixes (own sentences)

def test_request_after_a_name_ending_in_a():
    f = one("Hoa asked the Lao side to continue to support the province in training staff.", HEAD_EN)
    assert f.kind == "request"


def test_wish_that_someone_helps_is_a_request():
    f = one("The city wishes the German side to help it connect with German universities.", HEAD_EN)
    assert f.kind == "request"


def test_reported_future_with_would():
    f = one("He said the Consulate General would bring a delegation of Indian businesses to the city in May.", HEAD_EN)
    assert f.kind == "promote"


def test_investment_certificates_are_not_a_donation():
    assert run("Tại hội nghị, lãnh đạo tỉnh trao giấy chứng nhận đầu tư cho 5 dự án với tổng vốn 2 tỷ USD.") == []


# ---------------------------------------------------------------- hopes addressed to the other side, speakers

def test_english_hope_addressed_to_the_other_side_is_a_request():
    f = one("Chairman Le Van Minh hoped that the Japanese embassy would continue to support the province in "
            "training nurses.", HEAD_EN, persons=["Le Van Minh"])
    assert f.kind == "request" and f.by == ("Le Van Minh",)
    f = one("He expressed his hope that Ambassador Kim will help Tay Ninh connect with Korean localities.", HEAD_EN)
    assert f.kind == "request"


def test_english_hope_about_an_effect_is_not_a_commitment():
    assert run("The mayor hoped the MoU would promote tourism between the two cities.", HEAD_EN) == []
    assert run("She hopes it will bring the two peoples closer.", HEAD_EN) == []


def test_english_hope_that_both_sides_continue_is_cooperation():
    f = one("Governor Park noted his hope that the two sides will continue expanding trade links.", HEAD_EN)
    assert f.kind == "cooperate"


def test_vietnamese_hope_addressed_to_the_guest_is_a_request():
    f = one("Chủ tịch UBND tỉnh Lê Văn Tâm hy vọng Đại sứ sẽ tiếp tục quan tâm kết nối doanh nghiệp hai nước.",
            persons=["Lê Văn Tâm"])
    assert f.kind == "request" and f.by == ("Lê Văn Tâm",)


def test_lower_case_role_noun_resolves_to_the_person_with_that_title():
    body = ("Tiếp đoàn có ông Trần Quốc Bảo, Phó Chủ tịch UBND tỉnh và ông Lý Minh Sơn, Giám đốc Sở Ngoại vụ. "
            "Phó chủ tịch UBND tỉnh mong muốn phía Nhật Bản hỗ trợ tỉnh đào tạo nhân lực.")
    facts = run(body, persons=["Trần Quốc Bảo", "Lý Minh Sơn"])
    assert [f.by for f in facts] == [("Trần Quốc Bảo",)]


def test_english_role_noun_the_ambassador():
    body = ("Chairman Vo Van Hung received Ambassador of Laos Khamphao Ernthavanh. "
            "The ambassador pledged to support the province in attracting Lao investors.")
    facts = run(body, HEAD_EN, persons=["Vo Van Hung", "Khamphao Ernthavanh"])
    assert facts and facts[-1].by == ("Khamphao Ernthavanh",)


def test_subjectless_sentence_keeps_the_paragraph_speaker():
    body = ("Chủ tịch UBND tỉnh Đinh Văn Hòa đề nghị Tổng Lãnh sự Ấn Độ Raj Kumar giới thiệu doanh nghiệp đến tỉnh. "
            "Cùng với đó, mong muốn phía Ấn Độ hỗ trợ tỉnh quảng bá du lịch.")
    facts = run(body, persons=["Đinh Văn Hòa", "Raj Kumar"], partners=["Ấn Độ"])
    assert len(facts) == 2
    assert [f.by for f in facts] == [("Đinh Văn Hòa",), ("Đinh Văn Hòa",)]


def test_aid_and_gifts_with_amounts_both_languages():
    f = one("Thay mặt tỉnh, ông Nguyễn Văn Bình trao tặng tỉnh Attapeu 2 tỷ đồng để xây trường học.",
            persons=["Nguyễn Văn Bình"], partners=["Attapeu"])
    assert f.kind == "donate" and f.amount == "2 tỷ đồng" and f.by == ("Nguyễn Văn Bình",)
    f = one("Vice Chairman Tran Van Hai handed over medical equipment worth 1.5 billion VND to Savannakhet province.",
            HEAD_EN, persons=["Tran Van Hai"], partners=["Savannakhet"])
    assert f.kind == "donate" and f.amount == "1.5 billion VND" and f.to == "Savannakhet"
    assert run("The delegation presented souvenirs to the provincial leaders.", HEAD_EN) == []


def test_reported_future_with_would_and_an_animate_subject():
    f = one("The Japanese side would support the city in waste treatment, he said.", HEAD_EN)
    assert f.kind == "support"
    assert run("It would support growth in the region, he said.", HEAD_EN) == []


def test_request_to_the_unnamed_province_is_addressed_to_the_article_province():
    body = ("Governor Vilay Bounma met leaders of Dak Lak province. "
            "The governor hoped the province would continue to support Champasak in training officials.")
    facts = run(body, HEAD_EN, persons=["Vilay Bounma"], provinces=["Dak Lak"], partners=["Champasak"])
    assert facts[-1].kind == "request" and facts[-1].by == ("Vilay Bounma",) and facts[-1].to == "Dak Lak"


def test_praise_and_purpose_are_not_commitments():
    assert run("He praised the province for its achievements in poverty reduction.", HEAD_EN) == []
    assert run("The visit aims to strengthen friendship between the two localities.", HEAD_EN) == []
    assert run("Ông đánh giá cao những thành tựu mà tỉnh đạt được trong thời gian qua.") == []
    assert run("Chuyến thăm nhằm tăng cường quan hệ hữu nghị giữa hai tỉnh.") == []


def test_english_ready_encouraged_agrees_and_joint_hopes():
    f = one("Quang Tri is always ready to cooperate with Lao localities in border trade.", HEAD_EN)
    assert f.kind == "cooperate"
    f = one("He encouraged businesses of the two provinces to invest in clean energy projects.", HEAD_EN)
    assert f.kind == "request"
    f = one("The foundation agrees to work with the provincial People's Committee on school meals.", HEAD_EN)
    assert f.kind == "cooperate"
    f = one("Lan hoped Ha Tinh and Khammouane will continue to coordinate in managing the border.", HEAD_EN)
    assert f.kind == "cooperate"
    f = one("He hoped that Mr. Kim Sung Ho would kindly advise the province on investment policies.", HEAD_EN)
    assert f.kind == "request"


def test_vietnamese_both_sides_should_is_cooperation_but_not_a_noun_phrase():
    f = one("Ông cho rằng, thời gian tới hai tỉnh cần tiếp tục phối hợp chặt chẽ trong quản lý biên giới.")
    assert f.kind == "cooperate"
    assert run("Ông đánh giá cơ chế hợp tác giữa hai bên cần được duy trì.") == []


def test_a_comma_inside_brackets_does_not_cut_the_subject():
    f = one("Quang Nam province and Gifu city (Gifu prefecture, Japan) have just signed a memorandum of "
            "understanding on tourism.", HEAD_EN, provinces=["Quang Nam"], partners=["Gifu city", "Japan"])
    assert f.kind == "sign" and f.by == ("Quang Nam",)


def test_he_refers_to_the_subject_of_the_sentence_before_not_its_object():
    body = ("At a meeting with Ambassador of Korea Lee Jin Ho on May 2, Chairman Tran Van Son thanked Korean "
            "investors. He suggested the ambassador help the province train nurses.")
    facts = run(body, HEAD_EN, persons=["Lee Jin Ho", "Tran Van Son"])
    assert facts[-1].kind == "request" and facts[-1].by == ("Tran Van Son",)


def test_a_coordinated_verb_keeps_the_subject():
    body = ("Bí thư Tỉnh ủy Lý Văn Hải cảm ơn Giám đốc quốc gia WB Anna Bjerde và mong muốn các thành viên đoàn "
            "sẽ tiếp tục hỗ trợ các dự án của tỉnh.")
    facts = run(body, persons=["Lý Văn Hải", "Anna Bjerde"])
    assert facts and facts[0].by == ("Lý Văn Hải",)


# ---------------------------------------------------------------- round 2: classes seen on unseen articles

def _kinds(text: str):
    from loaders.extract import extract
    return [(c.kind, c.by, c.text) for c in extract("t", text).commitments]


def test_en_hope_addressed_to_more_investors_is_a_request():
    got = _kinds("Binh Phuoc leader meets Canadian envoy\nOn May 4, Chairman of the Binh Phuoc provincial People's "
                 "Committee Le Van Hung received Canadian Consul General Mark Brown. He also voiced the hope that more "
                 "Canadian firms would invest in Binh Phuoc.")
    assert [(k, b) for k, b, _ in got] == [("request", ("Le Van Hung",))]
    assert "more Canadian firms would invest" in got[0][2]


def test_en_expected_the_other_side_to_act_is_a_request_but_expected_effects_are_not():
    got = _kinds("Gifu delegation visits Phu Yen\nOn June 2, Chairman Ho Minh Tam received a delegation from Gifu "
                 "prefecture. He expected the Gifu side to accompany the province in training young workers.")
    assert [(k, b) for k, b, _ in got] == [("request", ("Ho Minh Tam",))]
    assert _kinds("Gifu delegation visits Phu Yen\nOn June 2, Chairman Ho Minh Tam received a delegation from Gifu "
                  "prefecture. He expected the new road to open next year.") == []


def test_en_expectation_about_both_sides_and_joint_future_are_cooperation():
    got = _kinds("Gifu delegation visits Phu Yen\nOn June 2, Chairman Ho Minh Tam received a delegation from Gifu "
                 "prefecture. Tam expected the two sides will further broaden ties in farming.")
    assert [k for k, _, _ in got] == ["cooperate"]
    got = _kinds("Gifu delegation visits Phu Yen\nOn June 2, Chairman Ho Minh Tam received a delegation from Gifu "
                 "prefecture. Tam said that new policies would be adopted to lure investors and the two localities "
                 "would hold exchanges for young farmers.")
    assert [k for k, _, _ in got] == ["cooperate"]
    assert "the two localities would hold exchanges" in got[0][2]


def test_vi_wish_with_a_number_of_sides_and_subjectless_wish_to_cooperate():
    got = _kinds("Tỉnh Cao Bằng tiếp đoàn Vân Nam\nNgày 9/5, Chủ tịch UBND tỉnh Cao Bằng Lê Hải Hòa tiếp đoàn tỉnh "
                 "Vân Nam. Ông mong muốn 2 tỉnh tiếp tục phát huy những thành quả đã có trong thời gian qua.")
    assert [b for _, b, _ in got] == [("Lê Hải Hòa",)]
    got = _kinds("Tỉnh Cao Bằng tiếp đoàn Vân Nam\nNgày 9/5, tại buổi làm việc, hai bên đã giới thiệu thế mạnh của "
                 "mỗi địa phương; đồng thời mong muốn sớm thiết lập quan hệ hợp tác giữa tỉnh Cao Bằng và tỉnh Vân Nam.")
    assert [k for k, _, _ in got] == ["cooperate"]
    assert "sớm thiết lập quan hệ hợp tác" in got[0][2]
    # a wish about one's own plans is not a commitment
    assert _kinds("Tỉnh Cao Bằng tiếp đoàn Vân Nam\nNgày 9/5, ông Lê Hải Hòa cho biết người dân mong muốn sớm có "
                  "đường mới.") == []


def test_en_aid_in_the_perfect_needs_aid_goods_right_after_the_verb():
    got = _kinds("Kon Tum helps Attapeu\nSince 2010, Kon Tum has provided fifteen scholarships every year for "
                 "students from Attapeu.")
    assert [k for k, _, _ in got] == ["donate"]
    assert _kinds("Kon Tum helps Attapeu\nBesides, the official also provided some details on scholarship "
                  "schemes of the province.") == []


def test_maker_of_an_agreement_is_the_first_person_of_its_subject():
    got = _kinds("Cuban envoy visits Nam Dinh\nOn July 2, Provincial Party Secretary Pham Gia Tuc received Cuban "
                 "Ambassador Orlando Garcia. Secretary Pham Gia Tuc and the ambassador agreed to set up a twinning "
                 "between the province and Cienfuegos.")
    assert [(k, b) for k, b, _ in got] == [("cooperate", ("Pham Gia Tuc",))]


def test_maker_of_a_reported_clause_is_its_own_subject():
    got = _kinds("Cuban envoy visits Nam Dinh\nOn July 2, Provincial Party Secretary Pham Gia Tuc received Cuban "
                 "Ambassador Orlando Garcia. The secretary said that, given the close ties, Nam Dinh is always ready "
                 "to share experience in rice farming with Cuban localities.")
    assert [b for _, b, _ in got] == [("Nam Dinh",)]


def test_maker_named_by_a_role_noun_with_a_place():
    got = _kinds("Cuban envoy visits Nam Dinh\nOn July 2, Provincial Party Secretary Pham Gia Tuc received Cuban "
                 "Ambassador Orlando Garcia. The Nam Dinh leader encouraged the two sides' firms to invest in "
                 "each other's farms.")
    assert [(k, b) for k, b, _ in got] == [("request", ("Pham Gia Tuc",))]


def test_a_proposal_that_both_sides_should_act_is_the_speakers():
    got = _kinds("Tỉnh Bắc Giang tiếp đoàn Chiba\nNgày 5/9, ông Lê Ánh Dương, Chủ tịch UBND tỉnh Bắc Giang tiếp "
                 "đoàn tỉnh Chiba do ông Kumagai Toshihito dẫn đầu. Phát biểu tại buổi tiếp, ông Kumagai Toshihito nói thời gian tới "
                 "hai bên cần tăng cường hợp tác về nông nghiệp.")
    assert [(k, b) for k, b, _ in got] == [("cooperate", ("Kumagai Toshihito",))]


def test_joint_subject_is_credited_to_the_province_and_english_place_word_is_dropped():
    got = _kinds("Tỉnh Hậu Giang làm việc với tỉnh Kampot\nNgày 2/8, UBND tỉnh Hậu Giang làm việc với đoàn tỉnh Kampot. "
                 "Hai bên đã nhất trí tăng cường trao đổi đoàn trong thời gian tới.")
    assert [b for _, b, _ in got] == [("Hậu Giang",)]
    got = _kinds("Kampot leaders visit Hau Giang\nOn August 2, leaders of Kampot province met Hau Giang officials. "
                 "Kampot province will send teachers to Hau Giang next year.")
    assert [b for _, b, _ in got] == [("Kampot",)]


def test_a_role_noun_in_a_lead_that_names_nobody_yet_is_the_first_person_named_after():
    got = _kinds("Son La works with Houaphanh\nThe Son La leader urged Houaphanh authorities to open a new border "
                 "market. The call came at talks on May 3 between Secretary of the Son La provincial Party Committee "
                 "Hoang Van Chat and Governor Viengxay Phommavong.")
    assert [b for k, b, _ in got if k == "request"] == [("Hoang Van Chat",)]


def test_en_own_wish_to_deepen_ties_with_the_partner_is_cooperation_but_a_vague_wish_is_not():
    got = _kinds("Tra Vinh receives Thai delegation\nOn May 8, Tra Vinh leaders received a delegation from Thailand's "
                 "Surin province. Tra Vinh hopes to promote cooperation in fisheries with Surin in the coming years.")
    assert [k for k, _, _ in got] == ["cooperate"]
    assert _kinds("Tra Vinh receives Thai delegation\nOn May 8, Tra Vinh leaders received a delegation from "
                  "Thailand's Surin province. The guest voiced his hope to boost bilateral collaboration.") == []


def test_en_hope_that_a_long_named_body_will_act_and_hope_for_assistance_are_requests():
    got = _kinds("Soc Trang receives Japanese envoy\nOn May 8, Chairman Tran Van Lau received the Consul General of "
                 "Japan. He wished the Consulate General of Japan in Ho Chi Minh City will create favourable "
                 "conditions for Soc Trang students.")
    assert [k for k, _, _ in got] == ["request"]
    got = _kinds("Soc Trang receives Japanese envoy\nOn May 8, Chairman Tran Van Lau received the Consul General of "
                 "Japan. The province hopes for Japan's further assistance in shrimp farming.")
    assert [k for k, _, _ in got] == ["request"]


def test_en_aid_in_local_currency_words_and_goods_and_renewed_or_planned_signings():
    got = _kinds("Hau Giang helps Kampot\nOn behalf of the province, Ms. Le Thi Hoa has handed over 300 million "
                 "Vietnamese dong to Kampot province.")
    assert [k for k, _, _ in got] == ["donate"]
    got = _kinds("Hau Giang helps Kampot\nThe border guards handed over 40 bicycles to poor pupils in Kampot.")
    assert [k for k, _, _ in got] == ["donate"]
    got = _kinds("Hau Giang and Kampot renew ties\nOn May 8, the two sides renewed their memorandum of understanding "
                 "for 2024-2029 and signed a plan to carry it out.")
    assert [k for k, _, _ in got] == ["sign"]


def test_vi_proposed_contents_of_cooperation_and_agreed_contents():
    got = _kinds("Tỉnh Bình Định tiếp đoàn Chiba\nNgày 4/5, ông Kumagai Toshihito, Thống đốc tỉnh Chiba làm việc với "
                 "tỉnh Bình Định. Ông Kumagai Toshihito đề xuất một số nội dung hợp tác giữa tỉnh Chiba với tỉnh Bình Định.")
    assert [(k, b) for k, b, _ in got] == [("cooperate", ("Kumagai Toshihito",))]
    got = _kinds("Tỉnh Bình Định tiếp đoàn Chiba\nNgày 4/5, tại buổi làm việc, hai bên đã thống nhất một số nội dung "
                 "hợp tác trong năm tới. 2 bên cũng sẽ xúc tiến đầu tư vào nông nghiệp.")
    assert [k for k, _, _ in got] == ["cooperate", "cooperate"]


def test_vi_wishes_with_an_adverbial_before_the_addressee_or_joined_to_a_hope():
    got = _kinds("Tỉnh Bình Định tiếp Đại sứ Ấn Độ\nNgày 4/5, Chủ tịch UBND tỉnh Bình Định Phạm Anh Tuấn tiếp Đại sứ "
                 "Ấn Độ. Ông Phạm Anh Tuấn mong muốn qua chuyến thăm này, Đại sứ sẽ là cầu nối để tỉnh hợp tác với "
                 "các bang của Ấn Độ.")
    assert [b for _, b, _ in got] == [("Phạm Anh Tuấn",)]
    got = _kinds("Tỉnh Bình Định tiếp Đại sứ Ấn Độ\nNgày 4/5, Chủ tịch UBND tỉnh Bình Định Phạm Anh Tuấn tiếp Đại sứ "
                 "Ấn Độ. Ông Phạm Anh Tuấn bày tỏ hy vọng và mong muốn hai bên tăng cường trao đổi đoàn.")
    assert len(got) == 1
    # a hope about effects stays blocked
    assert _kinds("Tỉnh Bình Định tiếp Đại sứ Ấn Độ\nNgày 4/5, ông Phạm Anh Tuấn hy vọng chuyến thăm sẽ mang lại "
                  "nhiều kết quả.") == []


def test_vi_gifts_to_people_count_but_gifts_to_a_leader_do_not():
    got = _kinds("Tỉnh Quảng Bình thăm Khăm Muộn\nNgày 4/5, đoàn công tác tỉnh Quảng Bình tặng quà cho chính quyền và "
                 "nhân dân huyện Nhommalath, tỉnh Khăm Muộn.")
    assert [k for k, _, _ in got] == ["donate"]
    assert _kinds("Tỉnh Quảng Bình thăm Khăm Muộn\nNgày 4/5, ông Vũ Đại Thắng tặng quà đồng chí Tỉnh trưởng tỉnh "
                  "Khăm Muộn.") == []


def test_vi_a_building_given_is_named_before_the_verb():
    got = _kinds("Tỉnh Quảng Bình thăm Khăm Muộn\nĐây là trường học do UBND tỉnh Quảng Bình xây tặng chính quyền "
                 "huyện Nhommalath.")
    assert [k for k, _, _ in got] == ["donate"]


def test_plans_and_decisions_to_act_are_pledges_and_further_is_no_block():
    got = _kinds("Australia and Dong Thap\nThe Australian government also plans to expand cooperation with Dong Thap "
                 "in water management.")
    assert [k for k, _, _ in got] == ["cooperate"]
    got = _kinds("Dong Thap and Prey Veng\nDong Thap will further open two border markets for residents of Prey Veng.")
    assert len(got) == 1
    got = _kinds("Tổ chức Plan hỗ trợ Điện Biên\nTổ chức Plan International đã quyết định hỗ trợ huyện Mường Nhé xây "
                 "dựng hai lớp học.")
    assert [k for k, _, _ in got] == ["support"]


def test_ngai_is_a_speaker_and_english_ing_requests():
    got = _kinds("Tỉnh Kon Tum tiếp Tổng Lãnh sự Lào\nNgày 3/4, Chủ tịch UBND tỉnh Kon Tum Lê Ngọc Tuấn tiếp ngài "
                 "Vilay Phommachanh. Ngài khẳng định dù ở cương vị nào cũng sẽ hết sức hỗ trợ tỉnh Kon Tum.")
    assert [k for k, _, _ in got] == ["support"]
    got = _kinds("Da Nang and Russia\nThe consul praised the city, suggesting local leaders facilitate Russian firms.")
    assert [k for k, _, _ in got] == ["request"]


def test_en_a_body_as_subject_with_the_speech_verb_after_and_bare_place_name():
    f = one("On May 2, Chairman Nguyen Van Phuong received a delegation of Champasak province. Champasak stands "
            "ready to cooperate with Vietnamese localities, he stressed.", head=HEAD_EN,
            persons=["Nguyen Van Phuong"], partners=["Champasak province"])
    assert f.by == ("Champasak",)
    f = one("On May 2, Chairman Nguyen Van Phuong received a delegation of Champasak province. He stressed that "
            "the city stands ready to cooperate with Champasak.", head=HEAD_EN,
            persons=["Nguyen Van Phuong"], partners=["Champasak province"])
    assert f.by == ("Nguyen Van Phuong",)


def test_role_nouns_resolve_to_the_right_person_and_addressee():
    text = ("Tỉnh Hà Tĩnh tiếp Đại sứ Lào\nNgày 5/6, ông Võ Trọng Hải, Chủ tịch UBND tỉnh Hà Tĩnh tiếp ngài Khamphao "
            "Ernthavanh, Đại sứ Lào tại Việt Nam. Đại sứ khẳng định sẽ tiếp tục là cầu nối giữa Hà Tĩnh và các tỉnh "
            "của Lào. Đồng chí Chủ tịch đề nghị Đại sứ quan tâm hỗ trợ tỉnh kết nối với các địa phương của Lào.")
    from loaders.extract import extract
    got = [(c.kind, c.by, c.to) for c in extract("t", text).commitments]
    assert got[0][:2] == ("promote", ("Khamphao Ernthavanh",))
    assert got[1] == ("request", ("Võ Trọng Hải",), "Khamphao Ernthavanh")


def test_for_her_part_she_is_the_other_participant():
    got = _kinds("Ha Tinh receives Lao ambassador\nOn June 5, Chairman of the Ha Tinh provincial People's Committee "
                 "Vo Trong Hai received Lao Ambassador Khamphao Ernthavanh. Hai briefed the guest on the province. "
                 "For her part, she said the embassy will support Ha Tinh in calling for Lao investment.")
    assert [b for _, b, _ in got] == [("Khamphao Ernthavanh",)]


def test_a_pledge_of_both_sides_is_cooperation():
    got = _kinds("Hoa Binh and World Vision\nOn May 3, the two sides also committed to implementing the regional "
                 "programmes under the rules on foreign aid.")
    assert [k for k, _, _ in got] == ["cooperate"]


@pytest.mark.parametrize("body, kind", [
    ("Mr Tran Quoc Bao welcomed the guests, expressing his hope that the embassy will help Vinh Long train nurses.",
     "request"),
    ("Ms Lam Thi Hoa closed the talks, voicing her hope that the two sides would continue to cooperate in fisheries.",
     "cooperate"),
])
def test_en_hope_in_a_participle_clause_addressed_to_a_party(body, kind):
    f = one(body, HEAD_EN, persons=(body.split(" welcomed")[0].split(" closed")[0][3:],))
    assert f.kind == kind


def test_en_hope_about_an_effect_in_a_participle_clause_is_no_commitment():
    assert run("Mr Tran Quoc Bao praised the ties, expressing his hope that the friendship will grow stronger.",
               HEAD_EN, persons=("Tran Quoc Bao",)) == []


def test_vi_proposal_spelled_out_in_the_next_sentences_keeps_its_kind():
    body = ("Phó Chủ tịch Đinh Văn Tâm đề xuất ba nội dung hợp tác giữa tỉnh Hà Giang và châu Văn Sơn. "
            "Theo đó, hai bên tiếp tục phối hợp quản lý biên giới. "
            "Đặc biệt, hai bên tăng cường hợp tác du lịch; mở rộng giao lưu thanh niên.\n"
            "Theo đó, đoàn đã tham quan cửa khẩu.")
    facts = run(body, persons=("Đinh Văn Tâm",), provinces=("Hà Giang",), partners=("châu Văn Sơn",))
    assert [f.text.split(",")[0].split(" ")[0] for f in facts] == ["Phó", "Theo", "Đặc"]
    assert {f.kind for f in facts} == {facts[0].kind} and facts[0].kind in ("cooperate", "request")
    assert all(f.by == ("Đinh Văn Tâm",) for f in facts)


def test_vi_theo_do_without_a_request_before_is_no_commitment():
    assert run("Đoàn đã thăm khu kinh tế cửa khẩu. Theo đó, hai bên tiếp tục phối hợp quản lý biên giới.") == []


@pytest.mark.parametrize("body", [
    "Ông Lục Văn Hải mong muốn tiếp tục thắt chặt mối quan hệ giao lưu văn hóa giữa hai địa phương.",
    "Hai bên mong muốn sớm thiết lập mối quan hệ hợp tác giữa tỉnh Bắc Kạn và thành phố Bách Sắc.",
])
def test_vi_wish_to_tighten_ties_with_moi_quan_he_is_cooperation(body):
    f = one(body)
    assert f.kind == "cooperate"


@pytest.mark.parametrize("body, head", [
    ("Đoàn đại biểu tỉnh Hòa Bình sẽ khảo sát mô hình trồng cam tại tỉnh Hủa Phăn.", HEAD_VI),
    ("Trong chuyến đi, Chủ tịch UBND tỉnh sẽ tham dự lễ hội Bun Pi May tại Luông Pha Bang.", HEAD_VI),
    ("During the trip, the delegation will visit several industrial parks in Bac Ninh.", HEAD_EN),
])
def test_an_itinerary_in_the_future_is_no_pledge(body, head):
    assert run(body, head) == []


def test_a_pledge_beside_a_planned_visit_still_counts():
    f = one("Tỉnh Điện Biên sẽ cử đoàn sang thăm và hỗ trợ tỉnh Phông Sa Lỳ đào tạo cán bộ y tế.")
    assert f.kind == "support"


def test_vi_planned_talks_are_an_itinerary_not_a_pledge():
    assert run("Theo kế hoạch, đoàn cũng sẽ tiến hành hội đàm cấp cao với tỉnh Hủa Phăn và chào xã giao lãnh đạo tỉnh.") == []


def test_vi_request_to_a_district_of_ones_own_province_is_an_internal_instruction():
    assert run("Ông Trần Văn Lâm đề nghị UBND huyện Mường Lát chăm sóc tốt cây hữu nghị.",
               persons=("Trần Văn Lâm",)) == []


def test_vi_aid_counted_in_goods_is_a_donation():
    f = one("Năm ngoái, tỉnh Điện Biên đã hỗ trợ tỉnh Phông Sa Lỳ 3 máy thở và 10.000 khẩu trang.")
    assert f.kind == "donate"


def test_vi_support_for_a_number_of_communes_is_no_donation():
    facts = run("Tỉnh Điện Biên đã hỗ trợ 3 xã biên giới xây dựng đường giao thông.")
    assert all(f.kind != "donate" for f in facts)


# ---------------------------------------------------------------- aid received, help wished for from someone
def test_vi_aid_received_from_a_named_giver_is_the_givers_donation():
    f = one("Năm qua, tỉnh Điện Biên đã nhận được hai đợt viện trợ thiết bị y tế của tỉnh Phongsaly.",
            provinces=["Điện Biên"], partners=["Phongsaly"])
    assert f.kind == "donate" and f.by == ("Phongsaly",) and f.to == "Điện Biên"


def test_en_aid_received_from_a_named_giver_is_the_givers_donation():
    f = one("Last year the province had received two shipments of medical equipment from Phongsaly province.",
            head=HEAD_EN, provinces=["province"], partners=["Phongsaly"])
    assert f.kind == "donate" and f.by == ("Phongsaly",)


@pytest.mark.parametrize("sentence", [
    "Tỉnh Điện Biên đã nhận được nhiều bằng khen của Chính phủ.",          # an award, not aid
    "Người dân mong muốn nhận được thông tin sớm về dự án.",              # no giver named
    "The province has received many tourists from Laos this year.",       # visitors, not aid
])
def test_receiving_what_is_not_aid_or_from_no_one_is_no_commitment(sentence):
    head = HEAD_EN if sentence.startswith("The") else HEAD_VI
    assert run(sentence, head=head) == []


def test_vi_wish_to_go_on_receiving_help_of_someone_is_a_request():
    f = one("Tỉnh mong muốn tiếp tục nhận được sự quan tâm, hỗ trợ của Đại sứ quán Lào trong thời gian tới.",
            partners=["Đại sứ quán Lào"])
    assert f.kind == "request" and f.to == "Đại sứ quán Lào"


def test_vi_wish_to_go_on_receiving_attention_is_a_request_even_unnamed():
    f = one("Tỉnh mong muốn tiếp tục nhận được sự quan tâm, hỗ trợ trong lĩnh vực đào tạo nguồn nhân lực.")
    assert f.kind == "request"


def test_en_a_plan_discussed_is_no_pledge_but_a_plan_to_act_is():
    assert run("The two sides also discussed a plan to open a direct flight.", head=HEAD_EN) == []
    f = one("The consulate plans to open a visa office in the province.", head=HEAD_EN)
    assert f.text.startswith("The consulate plans to open")


def test_en_a_place_after_a_preposition_is_no_maker():
    f = one("It also offered free check-ups to 500 residents in Pechreada district and handed over 50 bicycles "
            "to students in Mondulkiri province.", head=HEAD_EN,
            partners=["Pechreada district", "Mondulkiri province"])
    assert f.kind == "donate" and f.by != ("Pechreada district",)


def test_vi_request_made_with_someone_names_its_addressee():
    f = one("Chủ tịch UBND tỉnh cũng đề nghị với Đại sứ, trong thời gian tới, mở rộng hợp tác giữa các địa phương "
            "của hai nước; quan tâm tới công tác đào tạo cán bộ của tỉnh.")
    assert f.kind == "request" and "quan tâm tới công tác đào tạo" in f.text
    assert run("Đại biểu đã thảo luận với nhau, đề nghị với nhau nhiều vấn đề.") == []
