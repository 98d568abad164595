"""The event stage alone, on documents built by hand (normalize + segment, OFFICIAL spans placed by the
test where the chair is at stake), so it is tested without the officials stage."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.document import DATE, EVENT, OFFICIAL, POSITION, Document, Source
from pipeline.event import EMPTY_RECORD, add_event, event_record, path_date
from pipeline.normalize import normalize
from pipeline.segment import segment

TITLE = "Hội nghị sơ kết công tác 6 tháng đầu năm\n\n"


def segmented(text: str, *, hints: dict[str, Any] | None = None, path: str | None = None) -> Document:
    doc = Document(text=text, hints=dict(hints or {}), source=Source(path=path))
    return segment(normalize(doc))


def event_of(text: str, **kwargs: Any) -> dict[str, Any]:
    return event_record(add_event(segmented(text, **kwargs)))


@pytest.mark.parametrize(("lead", "date", "part"), [
    ("Chiều ngày 20/6/2022, UBND huyện tổ chức hội nghị.", "2022-06-20", "chiều"),
    ("Sáng 2/6/2023, HĐND tỉnh khai mạc kỳ họp.", "2023-06-02", "sáng"),
    ("Ngày 15-7-2024, đoàn công tác kiểm tra dự án.", "2024-07-15", None),
    ("Ngày 5 tháng 3 năm 2024, xã tổ chức lễ khởi công.", "2024-03-05", None),
    ("Tối 1.9.2024, thành phố tổ chức lễ kỷ niệm.", "2024-09-01", "tối"),
    ("Sáng thứ Hai (20/6/2022), huyện tổ chức hội nghị.", "2022-06-20", "sáng"),
    ("Sáng ngày 04/07/2024, thành phố tổ chức hội nghị.", "2024-07-04", "sáng"),
])
def test_event_date_forms(lead: str, date: str, part: str | None) -> None:
    record = event_of(TITLE + lead)
    assert (record["date"], record["time_of_day"]) == (date, part)
    assert record["date_text"] == lead[:len(record["date_text"])]


@pytest.mark.parametrize(("lead", "date"), [
    # a document's date and a deadline come before the event's date in the sentence
    ("Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2024 của UBND tỉnh, ngày 20/3/2024, đoàn kiểm tra làm việc.",
     "2024-03-20"),
    ("Theo Quyết định 1719/QĐ-TTg ngày 14/10/2021, chiều 5/4/2024 huyện tổ chức hội nghị.", "2024-04-05"),
    # a cut-off date in a report is not the event's
    ("Tính đến ngày 30/4/2024, toàn tỉnh giải ngân 40%. Sáng 3/5/2024, UBND tỉnh họp phiên thường kỳ.",
     "2024-05-03"),
])
def test_event_date_skips_documents_deadlines_and_cutoffs(lead: str, date: str) -> None:
    assert event_of(TITLE + lead)["date"] == date


@pytest.mark.parametrize(("text", "kwargs", "date", "source"), [
    # no year in the date: the publication date first ...
    ("Sáng 2/6, huyện tổ chức hội nghị.", {"hints": {"date": "2023-06-03T08:00:00+07:00"}}, "2023-06-02",
     "publication"),
    # ... reaching back a year when the event is late in the year before
    ("Chiều 30/12, huyện tổ chức hội nghị.", {"hints": {"date": "2024-01-02"}}, "2023-12-30", "publication"),
    # ... then the file path
    ("Sáng 2/6, huyện tổ chức hội nghị.", {"path": "crawl/2022/06/quan-son.txt"}, "2022-06-02", "path"),
    ("Sáng 2/6, huyện tổ chức hội nghị.", {"path": "crawl/quan-son-2021-06-03.txt"}, "2021-06-02", "path"),
    # ... then the years the text names
    ("Sáng 2/6, huyện sơ kết 6 tháng đầu năm 2024 và triển khai nhiệm vụ năm 2024.", {}, "2024-06-02", "text"),
    # ... else none
    ("Sáng 2/6, huyện tổ chức hội nghị.", {}, None, None),
])
def test_event_year_from_publication_path_or_text(text: str, kwargs: dict[str, Any], date: str | None,
                                                  source: str | None) -> None:
    record = event_of(TITLE + text, **kwargs)
    assert (record["date"], record["year_source"]) == (date, source)


def test_event_dateline_gives_the_year_not_the_date() -> None:
    text = "Huyện sơ kết 6 tháng\n\nThứ Hai, 20/06/2022 08:30\n\nChiều 19/6, UBND huyện tổ chức hội nghị."
    doc = add_event(segmented(text))
    assert [s.value["role"] for s in doc.get(DATE)] == ["dateline", "event"]
    record = event_record(doc)
    assert (record["date"], record["year_source"]) == ("2022-06-19", "dateline")


@pytest.mark.parametrize(("lead", "hints", "date"), [
    ("Trưa nay (10/10), lãnh đạo huyện thăm hỏi các hộ bị thiệt hại.", {"date": "2024-10-10"}, "2024-10-10"),
    ("Sáng nay, lãnh đạo huyện thăm hỏi các hộ bị thiệt hại.", {"date": "2024-10-10"}, "2024-10-10"),
    ("Chiều qua, lãnh đạo huyện thăm hỏi các hộ bị thiệt hại.", {"date": "2024-10-10"}, "2024-10-09"),
    ("Sáng nay, lãnh đạo huyện thăm hỏi các hộ bị thiệt hại.", {}, None),
])
def test_event_relative_days(lead: str, hints: dict[str, str], date: str | None) -> None:
    assert event_of(TITLE + lead, hints=hints)["date"] == date


def test_event_range_of_days() -> None:
    record = event_of(TITLE + "Từ ngày 6 đến 8/12/2023, HĐND tỉnh tổ chức kỳ họp thường lệ.")
    assert (record["date"], record["date_to"], record["type"]) == ("2023-12-06", "2023-12-08", "kỳ họp")


@pytest.mark.parametrize(("lead", "date", "date_to"), [
    # over two months, or a new year
    ("Từ ngày 28/11 đến ngày 2/12/2024, huyện tổ chức hội thi.", "2024-11-28", "2024-12-02"),
    ("Từ 28/11 - 2/12/2024, huyện tổ chức hội thi.", "2024-11-28", "2024-12-02"),
    ("Từ ngày 30/12/2024 đến ngày 2/1/2025, huyện tổ chức hội chợ.", "2024-12-30", "2025-01-02"),
    ("Từ ngày 30/12 đến ngày 2/1/2025, huyện tổ chức hội chợ.", "2024-12-30", "2025-01-02"),
    # listed days, and days written in words
    ("Trong các ngày 14, 15/3/2024, HĐND tỉnh tổ chức kỳ họp chuyên đề.", "2024-03-14", "2024-03-15"),
    ("Từ ngày 10 đến ngày 12 tháng 12 năm 2024, HĐND tỉnh tổ chức kỳ họp.", "2024-12-10", "2024-12-12"),
    # two dates in brackets that no event spans: a remark, then the event
    ("Nhân kỷ niệm 77 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2024), sáng 25/7, lãnh đạo huyện thăm "
     "các gia đình chính sách.", "2024-07-25", None),
])
def test_event_span_of_days(lead: str, date: str, date_to: str | None) -> None:
    record = event_of(TITLE + lead)
    assert (record["date"], record["date_to"]) == (date, date_to)


@pytest.mark.parametrize(("lead", "date", "date_to"), [
    # days joined by "và" (or a comma) with the month after a hyphen, or in words: the first day
    ("Trong hai ngày 14 và 15-6-2020, Đảng bộ xã tổ chức Đại hội.", "2020-06-14", "2020-06-15"),
    ("Trong hai ngày 14, 15-6-2020, Đảng bộ xã tổ chức Đại hội.", "2020-06-14", "2020-06-15"),
    ("Trong hai ngày 14 và 15 tháng 6 năm 2020, Đảng bộ xã tổ chức Đại hội.", "2020-06-14", "2020-06-15"),
    ("Trong 2 ngày (8 và 9-10-2020) đã diễn ra Đại hội Đảng bộ xã.", "2020-10-08", "2020-10-09"),
])
def test_event_days_joined_by_and(lead: str, date: str, date_to: str) -> None:
    record = event_of(TITLE + lead)
    assert (record["date"], record["date_to"]) == (date, date_to)


@pytest.mark.parametrize(("text", "date", "source"), [
    # a dateline with a time gives the year to a range of days in brackets
    ("Tin\n\n17/06/2021 - 08:40\n\nTrong 2 ngày (15 và 16-6), Hội Nông dân huyện tổ chức Đại hội.", "2021-06-15",
     "dateline"),
    # a header with the month of publication only
    ("date 2025-08\nSáng 12-8, Chủ tịch UBND tỉnh kiểm tra công trình thủy lợi.", "2025-08-12", "dateline"),
    ("date 2023-10\nHội nghị Ban Chấp hành\n\nNgày 29-9, Ban Chấp hành họp.", "2023-09-29", "dateline"),
    # the title and the lead lend their year ...
    ("Huyện sơ kết 6 tháng đầu năm 2024\n\nSáng 12/7, UBND huyện tổ chức hội nghị.", "2024-07-12", "text"),
    ("Tin\n\nHuyện tổ chức hội nghị.\n\nSáng 12/7, UBND huyện sơ kết 6 tháng đầu năm 2024.", "2024-07-12", "text"),
    # ... a year further on, or of another time, does not
    ("Tin\n\nChiều 4-10, huyện trao bò cho hộ nghèo.\n\nA\n\nB\n\nXã thành lập năm 1925.", None, None),
    ("Tin\n\nSáng 19/3, xã tổ chức Đại hội.\n\nA\n\nB\n\nNăm 2017, xã đạt chuẩn nông thôn mới.", None, None),
    ("Tin\n\nChiều 4-10, xã được thành lập khoảng năm 1925 tổ chức lễ kỷ niệm.", None, None),
    ("Tin\n\nChiều 4-10, huyện phấn đấu đến năm 2030 có 20 xã nông thôn mới.", None, None),
    # a lead without a year: a year further on that qualifies a word still dates the event ...
    ("Tin\n\nSáng 9/7, HĐND huyện họp.\n\nA\n\nĐại biểu bàn nhiệm vụ 6 tháng cuối năm 2024.", "2024-07-09", "text"),
    ("Tin\n\nChiều 3/3, hai tỉnh gặp nhau.\n\nĐôi bên dự Chương trình giao lưu đầu xuân 2025.", "2025-03-03",
     "text"),
    ("Tin\n\nNgày 20-1, huyện trao quà cho hộ nghèo đón Tết Nguyên đán Bính Ngọ 2026.", "2026-01-20", "text"),
    ("Tin\n\nSáng 8/2, xã ra quân trồng cây dịp xuân Giáp Thìn 2024.", "2024-02-08", "text"),
    # late in a year, a meeting reviews that year and plans the next: the year planned is not the meeting's
    ("Tin\n\nNgày 10/12, HĐND huyện khai mạc kỳ họp.\n\nKỳ họp đánh giá kết quả năm 2023 và quyết định phương hướng, "
     "nhiệm vụ năm 2024.", "2023-12-10", "text"),
    ("Tin\n\nNgày 28/10, đoàn đánh giá tiến độ đến tháng 9/2023 và kế hoạch thực hiện năm 2024 tại 8 xã.",
     "2023-10-28", "text"),
    # ... early in the year the plan's year is the meeting's
    ("Tin\n\nNgày 10/1, huyện triển khai phương hướng, nhiệm vụ năm 2024.\n\nA\n\nB\n\nNăm 2023 huyện đạt 12 chỉ tiêu.",
     "2024-01-10", "text"),
    # a school year: opened in the autumn of its first year, closed in the spring of its second
    ("Tin\n\nNgày 5/9, học sinh huyện Mèo Vạc khai giảng năm học mới 2025-2026.", "2025-09-05", "text"),
    ("Tin\n\nSáng 24/5, Trường THCS Nà Hang tổng kết năm học 2024 - 2025.", "2025-05-24", "text"),
    ("Tin\n\nSáng 24/5, trường tổng kết năm học 2024 - 2025 và chuẩn bị năm học 2025 - 2026.", None, None),
    # a situation report with no event of its own is dated by the day it is made up to
    ("Tin\n\nTính đến ngày 3/3/2024, toàn tỉnh có 1.200 ha lúa bị nhiễm mặn.", "2024-03-03", "text"),
    # a comparison's base year lends no year
    ("Tin\n\nSáng 9/7, huyện họp.\n\nA\n\nSản lượng tăng 6% so với cùng kỳ năm 2022.", None, None),
    # a page's "date" header run into the lead gives the year, not the day
    ("date 2025-08-20 Trong hai ngày 14-15/8, các xã tổ chức Đại hội đại biểu Đảng bộ nhiệm kỳ 2025-2030.",
     "2025-08-14", "dateline"),
    # a page's date line run into the lead
    ("Tin\n\n08/02/2021Chiều nay, Hội đồng thẩm định xã nông thôn mới họp.", "2021-02-08", "text"),
    # a first session is held in the first year of its term
    ("Tin\n\nSáng 28/6, HĐND xã Pà Cò tổ chức kỳ họp thứ nhất khóa XXI, nhiệm kỳ 2021 - 2026.", "2021-06-28", "text"),
    ("Tin\n\nSáng 28/6, HĐND xã tổ chức kỳ họp thứ mười, nhiệm kỳ 2021 - 2026.", None, None),
    # ... and so does an anniversary whose span is its length
    ("Tin\n\nSáng 20/11, Trường THCS Nà Tấu tổ chức lễ kỷ niệm 40 năm thành lập (1983 - 2023).", "2023-11-20",
     "text"),
    ("Tin\n\nTối 2/9, huyện kỷ niệm 15 năm tái lập huyện (2/9/2008-2/9/2023).", "2023-09-02", "text"),
    ("Tin\n\nSáng 5/5, xã kỷ niệm 30 năm thành lập (1990 - 2024).", None, None),  # 34 years: not its span
])
def test_event_year_only_from_the_page_title_or_lead(text: str, date: str | None, source: str | None) -> None:
    record = event_of(text)
    assert (record["date"], record["year_source"]) == (date, source)


@pytest.mark.parametrize(("text", "kwargs", "date", "source"), [
    # a date in brackets that closes the title is the article's: "Chiều nay" is that day
    ("Huyện họp khẩn về dịch tả lợn châu Phi (14/6/2023)\n\nChiều nay, Ban Chỉ đạo huyện họp khẩn.", {},
     "2023-06-14", "dateline"),
    # a lead dated only by "nay": the day the title names
    ("Huyện họp khẩn về dịch tả lợn ngày 14/6/2023\n\nChiều nay, Ban Chỉ đạo huyện họp khẩn.", {},
     "2023-06-14", "text"),
    # "từ sáng sớm": when the event begins, not a status since a day
    ("Ngày hội bầu cử\n\nTừ sáng sớm 23/5/2021, cử tri đã đến các điểm bỏ phiếu.", {}, "2021-05-23", "text"),
    # the page's address, given with the input or written in the text
    (TITLE + "Chiều 14/3, UBND tỉnh tổ chức hội nghị.",
     {"hints": {"url": "https://baotinh.vn/chinh-tri/2024/03/15/hoi-nghi.html"}}, "2024-03-14", "path"),
    (TITLE + "Chiều 14/3, UBND tỉnh tổ chức hội nghị.",
     {"hints": {"url": "https://baotinh.vn/hoi-nghi-20240315101530123.htm"}}, "2024-03-14", "path"),
    (TITLE + "Chiều nay, UBND tỉnh tổ chức hội nghị.\n\nNguồn: https://baotinh.vn/2024/03/15/hoi-nghi.html",
     {}, "2024-03-15", "path"),
    # datelines as portals print them
    ("Tin\nThứ Bảy, 02/03/2024, 10:12\nThứ 4, 26/12/2018 | 08:30\nSáng ngày 25/12, HĐND huyện khai mạc kỳ họp.",
     {}, "2018-12-25", "dateline"),  # the page's date and the article's: the nearer one gives the year
    ("Tin\n\nNgày15/4/2022, UBND xã tổ chức hội nghị.", {}, "2022-04-15", "text"),  # the date word glued on
    ("Tin\nNgày đăng: 15-03-2024\nChiều 14/3, UBND huyện tổ chức hội nghị.", {}, "2024-03-14", "dateline"),
    ("Tin\n2024-03-15T08:30:00+07:00\nChiều 14/3, UBND huyện tổ chức hội nghị.", {}, "2024-03-14", "dateline"),
    # a plan's date: the event follows it within months
    (TITLE + "Thực hiện Kế hoạch số 45/KH-UBND ngày 2/3/2024, ngày 15/3, đoàn kiểm tra làm việc tại xã.", {},
     "2024-03-15", "text"),
    (TITLE + "Thực hiện Quyết định 1719/QĐ-TTg ngày 14/10/2021, ngày 5/4, đoàn kiểm tra làm việc tại xã.", {},
     None, None),
    # a year reviewed early in the next is reviewed in the next
    (TITLE + "Ngày 15/1, UBND huyện tổ chức hội nghị tổng kết công tác năm 2023.", {}, "2024-01-15", "text"),
    (TITLE + "Ngày 28/12, UBND huyện tổ chức hội nghị tổng kết công tác năm 2023.", {}, "2023-12-28", "text"),
    (TITLE + "Ngày 15/2, UBND huyện tổ chức hội nghị đánh giá kết quả tháng 1 năm 2024.", {}, "2024-02-15",
     "text"),
    # an event announced at the turn of a year
    (TITLE + "Ngày 2/1, HĐND tỉnh sẽ tổ chức kỳ họp chuyên đề.", {"hints": {"date": "2024-12-28"}}, "2025-01-02",
     "publication"),
])
def test_event_year_and_day_from_the_page(text: str, kwargs: dict[str, Any], date: str | None,
                                          source: str | None) -> None:
    record = event_of(text, **kwargs)
    assert (record["date"], record["year_source"]) == (date, source)


@pytest.mark.parametrize("dateline", [
    "Thành phố Hồ Chí Minh, ngày 15/3/2024", "Lạng Sơn, 15/3/2024 - 08:30", "TP.HCM, 15/03/2024 08:30 (GMT+7)"])
def test_event_dateline_after_a_place(dateline: str) -> None:
    record = event_of(f"Tin\n{dateline}\nSáng 14/3, UBND thành phố tổ chức hội nghị.")
    assert (record["date"], record["year_source"]) == ("2024-03-14", "dateline")


def test_event_date_with_a_time_of_day_in_the_opening_paragraphs() -> None:
    text = ("Hội nghị tổng kết công tác năm\n\nNăm 2023, huyện đạt nhiều kết quả quan trọng.\n\n"
            "Tại hội nghị tổng kết diễn ra sáng 15/1/2024, các đại biểu thảo luận sôi nổi.")
    assert (event_of(text)["date"], event_of(text)["time_of_day"]) == ("2024-01-15", "sáng")


@pytest.mark.parametrize(("lead", "date"), [
    ("Sau trận mưa lớn đêm 9/6/2025, sáng 10/6, đoàn công tác kiểm tra các điểm sạt lở.", "2025-06-10"),
    # the sentence's own opening date comes first, with or without "vào"
    ("Sáng 15/3/2024, UBND huyện tổ chức hội nghị, kéo dài đến ngày 16/3, tại hội trường.", "2024-03-15"),
    ("Vào sáng 15/3/2024, tại hội trường, ngày 16/3 huyện tổ chức hội nghị.", "2024-03-15"),
])
def test_event_date_that_opens_a_clause_dates_the_act(lead: str, date: str) -> None:
    assert event_of(TITLE + lead)["date"] == date


@pytest.mark.parametrize("text", [
    "Toàn huyện có 10/12 xã đạt chuẩn nông thôn mới.",
    "Tỷ lệ 24/24 giờ trực được duy trì.",
    "Chỉ số tăng 15-7 điểm so với cùng kỳ.",
])
def test_event_numbers_that_are_not_dates(text: str) -> None:
    doc = add_event(segmented(TITLE + text))
    assert doc.get(DATE) == []


@pytest.mark.parametrize(("lead", "kind", "online"), [
    ("Chiều 20/6/2022, UBND huyện tổ chức Hội nghị trực tuyến Ủy viên UBND huyện mở rộng.", "hội nghị", True),
    ("Chiều 22/10/2025, Thường trực HĐND tỉnh tổ chức phiên họp định kỳ, kết nối trực tuyến tới 96 điểm cầu cấp xã.",
     "phiên họp", True),
    ("Ngày 14/8/2024, đoàn công tác đã có buổi làm việc với Ban Quản lý các khu công nghiệp.", "buổi làm việc", False),
    ("Chiều 10/9/2024, Phó Chủ tịch UBND tỉnh dẫn đầu đoàn công tác đến kiểm tra điểm sạt lở.", "kiểm tra", False),
    ("Sáng 8/5/2025, UBND thị trấn tổ chức lễ bàn giao nhà đại đoàn kết.", "lễ", False),
])
def test_event_type_and_online(lead: str, kind: str, online: bool) -> None:
    record = event_of(TITLE.replace("Hội nghị", "Tin") + lead)
    assert (record["type"], record["online"]) == (kind, online)


def test_event_type_from_the_title_when_the_lead_names_none() -> None:
    record = event_of("Kỳ họp thứ 8 HĐND huyện khóa XX\n\nSáng 2/7/2024, các đại biểu nghe báo cáo tình hình.")
    assert (record["type"], record["type_text"]) == ("kỳ họp", "Kỳ họp")


@pytest.mark.parametrize(("lead", "organiser", "partners"), [
    ("Chiều 20/6/2022, UBND huyện Quan Hóa tổ chức hội nghị.", "UBND huyện Quan Hóa", []),
    ("Sáng 4/9/2025, tại trụ sở UBND tỉnh (phường Quy Nhơn), UBND tỉnh Gia Lai tổ chức phiên họp.",
     "UBND tỉnh Gia Lai", []),
    ("Sáng 26/12/2024, UBND huyện Bến Cầu (tỉnh Tây Ninh) phối hợp với huyện Chantrea tổ chức hội nghị.",
     "UBND huyện Bến Cầu", ["huyện Chantrea"]),
    ("Sáng 5/3/2024, hội nghị do Sở Nội vụ tổ chức đã khai mạc.", "Sở Nội vụ", []),
    ("Sáng 5/3/2024, đoàn công tác làm việc với huyện.", None, []),
])
def test_event_organiser(lead: str, organiser: str | None, partners: list[str]) -> None:
    record = event_of(TITLE + lead)
    assert (record["organiser"] or {}).get("text") == organiser
    assert [p["text"] for p in record["co_organisers"]] == partners
    if record["organiser"]:
        found = record["organiser"]
        assert (TITLE + lead)[found["start"]:found["end"]] == organiser


def test_event_chair_from_official_spans() -> None:
    text = TITLE + "Chiều 20/6/2022, UBND huyện tổ chức hội nghị. Đồng chí Hà Văn Khuyên - Chủ tịch UBND huyện chủ trì."
    doc = segmented(text)
    start = doc.text.index("Hà Văn Khuyên")
    doc.set(OFFICIAL, [doc.span(start, start + len("Hà Văn Khuyên"), OFFICIAL, {"person": "Hà Văn Khuyên"})])
    title = doc.text.index("Chủ tịch UBND huyện")
    doc.set(POSITION, [doc.span(title, title + len("Chủ tịch UBND huyện"), POSITION,
                                {"person": "Hà Văn Khuyên", "role": "Chủ tịch", "organisation": "UBND huyện"})])
    record = event_record(add_event(doc))
    assert record["chair"] == "Hà Văn Khuyên"
    assert record["chairs"] == [{"name": "Hà Văn Khuyên", "role": "chair", "start": title,
                                 "end": title + len("Chủ tịch UBND huyện")}]


@pytest.mark.parametrize(("sentence", "chairs"), [
    ("Chủ tịch UBND tỉnh Nguyễn Hồng Lĩnh chủ trì phiên họp.", [("Nguyễn Hồng Lĩnh", "chair")]),
    ("Bà Huỳnh Thị Kim Oanh, Chủ tịch HĐND tỉnh chủ trì kỳ họp.", [("Huỳnh Thị Kim Oanh", "chair")]),
    ("Đồng chủ trì hội nghị có đồng chí Trần Hữu Lộc, Chủ tịch UBND huyện; ông Sok Sambath, Huyện trưởng.",
     [("Trần Hữu Lộc", "co_chair"), ("Sok Sambath", "co_chair")]),
    ("Đoàn công tác do đồng chí Hồ Thanh Phong làm trưởng đoàn.", [("Hồ Thanh Phong", "leader")]),
    ("Ông Quách Tuấn Kiệt, Phó Chủ tịch UBND tỉnh dẫn đầu đoàn công tác.", [("Quách Tuấn Kiệt", "leader")]),
])
def test_event_chairs_without_officials(sentence: str, chairs: list[tuple[str, str]]) -> None:
    record = event_of(TITLE + "Sáng 2/7/2024, huyện tổ chức hội nghị. " + sentence)
    assert [(c["name"], c["role"]) for c in record["chairs"]] == chairs
    assert record["chair"] == chairs[0][0]


def test_event_clock_time() -> None:
    assert event_of(TITLE + "Vào lúc 8 giờ 30 sáng 2/7/2024, huyện tổ chức hội nghị.")["time"] == "08:30"


@pytest.mark.parametrize(("where", "expected"), [
    ("a/2022/06/x.txt", (2022, 6, None)),
    ("a/quan-son-2022-06-20.txt", (2022, 6, 20)),
    ("a/2023/bai-viet.txt", (2023, None, None)),
    ("a/bai-viet-12.txt", None),
    ("https://baotinh.vn/tin-tuc/2024/03/15/hoi-nghi.html", (2024, 3, 15)),
    ("https://baotinh.vn/hoi-nghi-20240315101530123.htm", (2024, 3, 15)),
    ("https://baotinh.vn/hoi-nghi-post784512.html", None),
])
def test_event_path_date(where: str, expected: tuple[int, int | None, int | None] | None) -> None:
    assert path_date(Document(text="x", doc_id="x", source=Source(path=where))) == expected


def test_event_spans_index_the_text() -> None:
    doc = add_event(segmented(TITLE + "Chiều 20/6/2022, UBND huyện tổ chức hội nghị. Hạn chót là ngày 30/6/2022."))
    for label in (DATE, EVENT):
        for span in doc.get(label):
            assert doc.text[span.start:span.end] == span.text
    roles = [(s.text, s.value["role"]) for s in doc.get(DATE)]
    assert roles == [("Chiều 20/6/2022", "event"), ("ngày 30/6/2022", "deadline")]
    record = event_record(doc)
    assert doc.text[record["start"]:record["end"]] == record["date_text"]


@pytest.mark.parametrize("text", ["Trời mưa.", "Tin vắn\n\nKhông có gì mới."])
def test_event_empty_record(text: str) -> None:
    record = event_of(text)
    assert record == EMPTY_RECORD
    assert record["chairs"] is not EMPTY_RECORD["chairs"]  # a copy: callers may edit it


def test_event_stage_is_idempotent(seed_path) -> None:
    # speed is measured by `python -m pipeline bench`, not here; a rerun must give the same record
    doc = segment(normalize(Document(text=seed_path.read_text(encoding="utf-8"))))
    first = event_record(add_event(doc))
    assert event_record(add_event(doc)) == first
    assert first["date"] == "2022-06-20"


@pytest.mark.parametrize("before", [
    "Chiều ngày ", "Sáng thứ Hai (", "trưa nay (", "Hôm nay, ngày ", "tổ chức hội nghị. Sáng ", "", "ngày",
    "Sáng\u00a0ngày ", "chiều\x1c ngày ", "ſáng ngày ", "  ,  ( ", "x sáng , ngày (",
])
def test_event_search_cue_finds_what_the_pattern_searches(before: str) -> None:
    from pipeline.event import load_event_data, search_cue

    data = load_event_data()
    found, expected = search_cue(data, before), data.cue.search(before)
    assert (found and (found.span(), found.groupdict())) == (expected and (expected.span(), expected.groupdict()))
