"""Meetings, met pairs, dates and the text layout, on short sentences written for these tests."""
from __future__ import annotations

from loaders.dates import document_date
from loaders.extract import extract
from loaders.text import Layout, language


def pairs(text: str) -> set[frozenset[str]]:
    return {frozenset(p) for p in extract("t", text).met_pairs()}


def test_courtesy_call_gives_one_cross_side_pair():
    text = ("Chiều 5/3/2024, Chủ tịch UBND tỉnh Kiên Giang Lâm Minh Thành tiếp xã giao ông Somchai Wong – "
            "Tổng Lãnh sự Thái Lan tại Thành phố Hồ Chí Minh.")
    ex = extract("t", text)
    assert pairs(text) == {frozenset({"Lâm Minh Thành", "Somchai Wong"})}
    m = ex.meetings[0]
    assert m.date == "2024-03-05"
    assert text[m.span.start:m.span.end] == m.span.text


def test_delegation_and_hosts_give_every_cross_pair():
    text = ("Ngày 12/5, Đoàn công tác Bộ Ngoại giao do Thứ trưởng Bộ Ngoại giao Đỗ Hùng Việt làm trưởng đoàn đã "
            "làm việc với tỉnh Cà Mau. Tiếp đoàn có các đồng chí: Nguyễn Tiến Hải, Bí thư Tỉnh ủy; "
            "Huỳnh Quốc Việt, Chủ tịch UBND tỉnh.")
    assert pairs(text) == {frozenset({"Đỗ Hùng Việt", "Nguyễn Tiến Hải"}),
                           frozenset({"Đỗ Hùng Việt", "Huỳnh Quốc Việt"})}


def test_same_side_people_are_not_paired():
    text = ("Chủ tịch UBND tỉnh Trà Vinh Lê Văn Hẳn và Phó Chủ tịch UBND tỉnh Nguyễn Trung Hoàng tiếp đoàn "
            "doanh nghiệp Hàn Quốc.")
    assert pairs(text) == set()


def test_english_talks():
    text = ("Chairman of the Quang Ninh provincial People's Committee Cao Tuong Huy held talks with "
            "Governor of Guangxi Lan Tianli on May 6, 2024.")
    assert pairs(text) == {frozenset({"Cao Tuong Huy", "Lan Tianli"})}


def test_co_attending_a_conference_is_not_a_meeting():
    text = ("Các đại biểu dự Hội nghị Ngoại vụ toàn quốc tại Hà Nội.\n"
            "Hội nghị thảo luận nhiều nội dung quan trọng về đối ngoại địa phương.\n"
            "Kinh tế của các tỉnh tiếp tục phát triển trong năm qua.\n"
            "Các tỉnh chia sẻ kinh nghiệm thu hút đầu tư nước ngoài.\n"
            "Nhiều ý kiến được nêu ra tại các phiên thảo luận.\n"
            "Phát biểu tại hội nghị, Thứ trưởng Bộ Ngoại giao Lê Thị Thu Hằng nêu định hướng. "
            "Giám đốc Sở Ngoại vụ tỉnh Bến Tre Trần Văn Tuấn chia sẻ kinh nghiệm.")
    assert pairs(text) == set()


def test_date_with_year_in_text():
    assert document_date("Ngày 27/11/2025, tại tỉnh Lai Châu, hai bên ký kết.") == "2025-11-27"


def test_date_without_year_is_none():
    assert document_date("Sáng 22/12, UBND tỉnh tổ chức lễ ký kết.") is None
    assert document_date("The two sides signed an agreement on November 29.") is None


def test_year_from_page_timestamp_shortly_after():
    text = "Thứ hai - 04/12/2023 09:12\nSáng ngày 30/11, tại Văn phòng UBND tỉnh, hai bên làm việc."
    assert document_date(text) == "2023-11-30"


def test_year_from_timestamp_across_new_year():
    text = "05-01-2024 10:00\nChiều 28/12, lãnh đạo tỉnh tiếp đoàn."
    assert document_date(text) == "2023-12-28"


def test_timestamp_far_from_event_does_not_fix_year():
    text = "01/12/2023\nSáng 15/6, hai bên làm việc."
    assert document_date(text) is None


def test_english_date_with_year():
    assert document_date("The delegation was received in Vientiane on March 29, 2019.") == "2019-03-29"


def test_language():
    assert language("Chủ tịch UBND tỉnh tiếp đoàn công tác của Bộ Ngoại giao.") == "vi"
    assert language("The provincial leader received the delegation.") == "en"


def test_layout_marks_furniture_and_keeps_body():
    text = "Tiêu đề bài\n0:00 / 0:00\nNội dung chính của bài. Câu thứ hai.\nTin liên quan\nBài khác"
    lay = Layout(text)
    assert not lay.is_body(text.index("0:00"))
    assert lay.is_body(text.index("Nội dung"))
    assert [s.text for s in lay.sentences()][:3] == ["Tiêu đề bài", "Nội dung chính của bài.", "Câu thứ hai."]


def test_every_span_quotes_the_text():
    text = ("Sáng 8/3/2023, Bí thư Tỉnh ủy Quảng Bình Vũ Đại Thắng hội kiến Tỉnh trưởng tỉnh Khammouane "
            "Vanxay Phongsavanh. Hai bên nhất trí ký kết biên bản ghi nhớ hợp tác giai đoạn mới. "
            "Tỉnh Quảng Bình sẽ hỗ trợ tỉnh Khammouane 2 tỷ đồng xây dựng trường học.")
    ex = extract("t", text)
    facts = [*ex.persons, *ex.provinces, *ex.partners, *ex.organizations, *ex.meetings, *ex.commitments]
    assert facts
    for f in facts:
        assert text[f.span.start:f.span.end] == f.span.text
    assert {frozenset(p) for p in ex.met_pairs()} == {frozenset({"Vũ Đại Thắng", "Vanxay Phongsavanh"})}
    assert {c.kind for c in ex.commitments} >= {"sign", "support"} or {c.kind for c in ex.commitments} >= {"sign", "donate"}


def test_person_met_in_a_separate_encounter_is_not_a_side():
    text = ("Gia Lai leaders work in Germany\n"
            "A delegation led by Ho Van Tam, Secretary of the Gia Lai provincial Party Committee, held talks with "
            "Governor of Bavaria Hans Weber in Munich on June 5.\n"
            "Earlier, the delegation met with Vietnamese Ambassador Nguyen Van Hung.")
    assert pairs(text) == {frozenset({"Ho Van Tam", "Hans Weber"})}
