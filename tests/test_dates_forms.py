"""Event dates in every common form, the event's date not the page's, a year only when certain.

Every sentence is made up for these tests."""
from __future__ import annotations

import pytest

from loaders.dates import document_date, document_day, event_day


@pytest.mark.parametrize("text,iso", [
    ("Ngày 5/12/2020, hai tỉnh ký kết biên bản ghi nhớ.", "2020-12-05"),
    ("Hôm 5-12-2020, đoàn đến thăm tỉnh bạn.", "2020-12-05"),
    ("Sáng 5.12.2020, lãnh đạo tỉnh tiếp đoàn.", "2020-12-05"),
    ("Ngày 5 tháng 12 năm 2020, hai bên hội đàm.", "2020-12-05"),
    ("Chiều ngày 19-21/9/2024, đoàn thăm và làm việc tại tỉnh bạn.", "2024-09-19"),
    ("The two provinces signed the agreement on December 4, 2020.", "2020-12-04"),
    ("The talks were held on 4 December 2020 in the provincial capital.", "2020-12-04"),
    ("On Friday, December 4, 2020, the governor met the chairman.", "2020-12-04"),
    ("Hanoi, December 4, 2020 - The two sides met.", "2020-12-04"),
    ("The province hosted the delegation (5-12-2020).", "2020-12-05"),
    ("The ambassador visited on Dec. 4th, 2020.", "2020-12-04"),
])
def test_common_forms(text, iso):
    assert document_date(text) == iso


@pytest.mark.parametrize("text", [
    "Sáng 22/12, UBND tỉnh tổ chức lễ ký kết.",
    "The governor received the delegation on May 8.",
    "Ngày 5 tháng 12, hai bên hội đàm.",
    "In 2024 the two sides met several times. On May 8 they signed a plan.",
])
def test_no_certain_year_gives_none_but_keeps_the_day(text):
    assert document_date(text) is None
    assert document_day(text).partial.startswith("--")


def test_page_timestamp_is_not_the_event():
    text = "22-09-2024 14:14\nNgày 19/9, đoàn tỉnh làm việc với tỉnh bạn."
    assert document_date(text) == "2024-09-19"
    text = "October 22, 2019 | 14:17\nThe delegation arrived on October 21."
    assert document_date(text) == "2019-10-21"


def test_stamp_on_a_furniture_line_is_skipped_with_the_layout():
    from loaders.text import layout_of
    text = "Thứ sáu - 01/12/2023\nSáng ngày 28/11, lãnh đạo tỉnh tiếp đoàn."
    day = event_day(text, is_body=layout_of(text).is_body)
    assert (day.day, day.month) == (28, 11)
    assert document_date(text, layout_of(text).is_body) == "2023-11-28"


def test_festival_year_fixes_a_visit_before_it():
    assert document_date("Sáng 9/4, đoàn tỉnh sang chúc Tết cổ truyền Bunpimay 2023.") == "2023-04-09"
    assert document_date("Ngày 28/12, đoàn đến chúc Tết Nguyên đán 2024 tỉnh bạn.") == "2023-12-28"
    assert document_date("Ngày 28/8, đoàn nhắc lại dịp Tết Nguyên đán 2024.") is None


def test_partial_day_form():
    day = document_day("Chiều 3/2, hai bên hội đàm.")
    assert day.partial == "--02-03" and day.iso() is None


def test_this_morning_forms_and_a_weekday_stamp():
    text = "Thứ hai, 14/06/2021\n– Sáng nay (6/6), tại cửa khẩu, lãnh đạo tỉnh tiễn đoàn."
    assert document_date(text) == "2021-06-06"
    assert document_day("(TTXVN) - Chiều nay 29.8, đoàn đại biểu tỉnh sang thăm tỉnh bạn.").partial == "--08-29"


@pytest.mark.parametrize("text, iso", [
    ("Published on 14 - 03 - 2022\nOn the afternoon of March 12, Chairman Vo Van Hung received the consul.",
     "2022-03-12"),
    ("Cập nhật 10/02/2025\nSáng 8/2, đoàn tỉnh Bò Kẹo sang chúc Tết nhân dịp năm mới 2025.", "2025-02-08"),
    ("Sáng 20/2, đoàn tỉnh Quảng Ninh tham dự chương trình gặp gỡ đầu Xuân 2024 tại Quảng Tây.", "2024-02-20"),
])
def test_year_from_a_spaced_page_stamp_or_a_new_year_named_with_its_year(text, iso):
    assert document_date(text) == iso


def test_new_year_in_december_belongs_to_the_year_before():
    assert document_date("Chiều 28/12, tỉnh Lạng Sơn tiếp đoàn Quảng Tây sang chúc mừng năm mới 2025.") == "2024-12-28"
