"""The one text layer: a TextDoc per article, made once, read by every rule family."""
from __future__ import annotations

from loaders.text import Layout, split_sentences, text_doc


def test_text_doc_carries_language_lines_and_sentences():
    text = ("Tỉnh tiếp đoàn bạn\n"
            "Sáng 3/4, Chủ tịch UBND tỉnh tiếp đoàn. Hai bên trao đổi về hợp tác.\n"
            "Đoàn chụp ảnh lưu niệm\n"
            "Cuối buổi, hai bên nhất trí tăng cường giao lưu.")
    td = text_doc("x", text)
    assert td.lang == "vi" and td.doc == "x" and td.title == "Tỉnh tiếp đoàn bạn"
    kinds = [ln.kind for ln in td.layout.lines]
    assert kinds == ["headline", "prose", "heading", "prose"]
    prose = [s.text for s in td.prose()]
    assert prose == ["Sáng 3/4, Chủ tịch UBND tỉnh tiếp đoàn.", "Hai bên trao đổi về hợp tác.",
                     "Cuối buổi, hai bên nhất trí tăng cường giao lưu."]
    assert td.sentences[0].text == "Tỉnh tiếp đoàn bạn" and not td.sentences[0].prose
    for s in td.sentences:
        assert text[s.start:s.end] == s.text


def test_english_text_doc():
    td = text_doc("y", "Governor visits the province\nThe governor met the chairman on Monday. They agreed.")
    assert td.lang == "en"
    assert [s.text for s in td.prose()] == ["The governor met the chairman on Monday.", "They agreed."]


def test_furniture_tail_and_credits_are_not_body():
    text = ("Tiêu đề\nChia sẻ\nĐoạn chính của bài viết. Ảnh: Minh Anh\nTin cùng chuyên mục\n"
            "Một bài khác hoàn toàn.")
    lay = Layout(text)
    assert not lay.is_body(text.index("Chia sẻ"))
    assert lay.is_body(text.index("Đoạn chính"))
    assert not lay.is_body(text.index("Minh Anh"))
    assert not lay.is_body(text.index("Một bài khác"))
    prose = [ln for ln in lay.lines if ln.kind == "prose"]
    assert [text[ln.start:ln.end] for ln in prose] == ["Đoạn chính của bài viết."]


def test_a_line_set_off_by_bars_is_a_caption_not_prose_but_still_body():
    text = "Tiêu đề\n| Bí thư Tỉnh ủy Lê Văn An phát biểu tại buổi làm việc |\nNội dung bài viết."
    td = text_doc("z", text)
    assert td.is_body(text.index("Lê Văn An"))
    assert "caption" in [ln.kind for ln in td.layout.lines]
    assert [s.text for s in td.prose()] == ["Nội dung bài viết."]


def test_headline_repeated_in_the_body_is_not_prose():
    text = "Hai tỉnh ký kết hợp tác\nHai tỉnh ký kết hợp tác\nBuổi lễ diễn ra tại trụ sở tỉnh."
    assert [s.text for s in text_doc("r", text).prose()] == ["Buổi lễ diễn ra tại trụ sở tỉnh."]


def test_splitter_keeps_abbreviations_from_the_table():
    text = "Ông Hải đến TP. Hà Nội lúc 9 giờ. Dr. Lee met Mr. Park in the U.S. capital."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Ông Hải đến TP. Hà Nội lúc 9 giờ.", "Dr. Lee met Mr. Park in the U.S. capital."]
