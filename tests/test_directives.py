"""The directives stage alone, on documents built by hand (normalize + segment, OFFICIAL/POSITION spans
placed by the test where the issuer is at stake), so it is tested without the officials stage."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from pipeline.directives import (
    add_directives,
    deadline_date,
    directive_records,
    load_directive_data,
    split_tasks,
)
from pipeline.document import DATE, DIRECTIVE, EVENT, OFFICIAL, POSITION, Document
from pipeline.normalize import normalize
from pipeline.segment import segment


def segmented(text: str) -> Document:
    return segment(normalize(Document(text=text)))


def place(doc: Document, surface: str, label: str, value: dict[str, Any], occurrence: int = 0) -> None:
    """Add an OFFICIAL/POSITION span over the `occurrence`-th appearance of `surface`."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(surface, start + 1)
    doc.set(label, [*doc.get(label), doc.span(start, start + len(surface), label, value)])


def records(text: str) -> list[dict[str, Any]]:
    return directive_records(add_directives(segmented(text)))


@pytest.mark.parametrize(("text", "expected"), [
    ("sau: A; B", [("sau", ":"), (" A", ";"), (" B", "")]),
    ("lúc 8:30 họp; xong", [("lúc 8:30 họp", ";"), (" xong", "")]),
    ("giao (phòng A; phòng B) làm; xong", [("giao (phòng A; phòng B) làm", ";"), (" xong", "")]),
    ('phương châm "4 tại chỗ; 3 sẵn sàng" nhé', [('phương châm "4 tại chỗ; 3 sẵn sàng" nhé', "")]),
])
def test_directives_split_tasks_at_semicolons_and_colons(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s.start:s.end], s.mark) for s in split_tasks(text, 0, len(text))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the verb and the text after it, to the end of the task
    ("Ông yêu cầu các xã rà soát hộ nghèo.", [("yêu cầu", "các xã rà soát hộ nghèo")]),
    # a verb inside a directive belongs to it ...
    ("Bà đề nghị UBND tỉnh chỉ đạo các sở hỗ trợ doanh nghiệp.",
     [("đề nghị", "UBND tỉnh chỉ đạo các sở hỗ trợ doanh nghiệp")]),
    # ... unless "đồng thời" opens a new one
    ("Bà đề nghị UBND tỉnh quan tâm, đồng thời giao Sở Tài chính bố trí vốn.",
     [("đề nghị", "UBND tỉnh quan tâm"), ("giao", "Sở Tài chính bố trí vốn")]),
    # ... or a request after a comma (not a delegated "chỉ đạo": that is the addressee's action)
    ("Ông yêu cầu các xã rà soát hộ nghèo, đề nghị huyện hỗ trợ kinh phí.",
     [("yêu cầu", "các xã rà soát hộ nghèo"), ("đề nghị", "huyện hỗ trợ kinh phí")]),
    ("Bà đề nghị UBND tỉnh quan tâm, chỉ đạo các sở hỗ trợ.",
     [("đề nghị", "UBND tỉnh quan tâm, chỉ đạo các sở hỗ trợ")]),
    # a colon after the verb: every task of the list, none for the introducer
    ("Đồng chí yêu cầu các ngành thực hiện tốt các nhiệm vụ sau: tăng cường A; đẩy mạnh B.",
     [("yêu cầu", "tăng cường A"), ("yêu cầu", "đẩy mạnh B")]),
    # a task opening with a verb and its addressee takes that verb; the next returns to the list's
    ("Ông chỉ đạo một số nhiệm vụ sau: Đề nghị các xã làm A; rà soát B.",
     [("đề nghị", "các xã làm A"), ("chỉ đạo", "rà soát B")]),
    # a verb-less introducer: the first explicit verb carries on
    ("Các đại biểu góp ý như: Đề nghị tỉnh làm A; sửa chữa B; đề nghị huyện làm C;...",
     [("đề nghị", "tỉnh làm A"), ("đề nghị", "sửa chữa B"), ("đề nghị", "huyện làm C")]),
    # a sentence opening with "Đồng thời," and no verb goes on with the directive before it
    ("Ông yêu cầu các xã rà soát hộ nghèo. Đồng thời, đẩy mạnh tuyên truyền. Đồng thời, các xã đã làm tốt.",
     [("yêu cầu", "các xã rà soát hộ nghèo"), ("yêu cầu", "đẩy mạnh tuyên truyền")]),
    # a report after ";" ends the carried directive
    ("Đại diện xã đề nghị huyện hỗ trợ vốn; một số ý kiến phản ánh tình trạng trộm cắp.",
     [("đề nghị", "huyện hỗ trợ vốn")]),
])
def test_directives_tasks_and_verbs(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('"Chúng tôi đề nghị tỉnh sớm nâng cấp tuyến đường này", ông Lò Văn Pản nói.',
     [("đề nghị", "tỉnh sớm nâng cấp tuyến đường này")]),
    ("“Đề nghị các xã khẩn trương rà soát”, Chủ tịch UBND huyện yêu cầu.",
     [("đề nghị", "các xã khẩn trương rà soát")]),
    ('Ông đề nghị: "Tỉnh cần sớm nâng cấp tuyến đường này".', [("đề nghị", "Tỉnh cần sớm nâng cấp tuyến đường này")]),
    ('Ông yêu cầu các xã thực hiện tốt phương châm "4 tại chỗ" trong mùa mưa bão.',
     [("yêu cầu", 'các xã thực hiện tốt phương châm "4 tại chỗ" trong mùa mưa bão')]),
])
def test_directives_end_where_the_quote_that_holds_them_closes(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a request to a body goes on over a ";"-task that opens with what that body directs down ...
    ("Ông đề nghị UBND xã sớm triển khai các nghị quyết; chỉ đạo các thôn tuyên truyền nhân dân.",
     [("đề nghị", "UBND xã sớm triển khai các nghị quyết"), ("đề nghị", "chỉ đạo các thôn tuyên truyền nhân dân")]),
    ("Đoàn kiến nghị UBND tỉnh rà soát quy hoạch; chỉ đạo các sở hướng dẫn thủ tục.",
     [("kiến nghị", "UBND tỉnh rà soát quy hoạch"), ("kiến nghị", "chỉ đạo các sở hướng dẫn thủ tục")]),
    # ... an order does not: after "yêu cầu", the speaker's own "chỉ đạo" or "giao" starts a new directive
    ("Ông yêu cầu các xã rà soát quy hoạch; chỉ đạo Phòng Nông nghiệp hướng dẫn nông dân.",
     [("yêu cầu", "các xã rà soát quy hoạch"), ("chỉ đạo", "Phòng Nông nghiệp hướng dẫn nông dân")]),
    ("Ông đề nghị UBND huyện rà soát quy hoạch; giao Phòng Tài chính bố trí vốn.",
     [("đề nghị", "UBND huyện rà soát quy hoạch"), ("giao", "Phòng Tài chính bố trí vốn")]),
    # a sentence after "Đồng thời," with a verb of its own takes that verb
    ("Bộ trưởng đề nghị tỉnh rà soát vùng nuôi. Đồng thời, Bộ trưởng giao Tổng cục Thủy sản nghiên cứu, báo cáo Bộ.",
     [("đề nghị", "tỉnh rà soát vùng nuôi"), ("giao", "Tổng cục Thủy sản nghiên cứu, báo cáo Bộ")]),
    # "và" before a verb that is said (yêu cầu, đề nghị, lưu ý) starts a new directive
    ("Đồng chí nhấn mạnh đến vai trò của công tác cán bộ và yêu cầu các cấp ủy phải làm tốt quy hoạch.",
     [("yêu cầu", "các cấp ủy phải làm tốt quy hoạch")]),
    ("Ông đề nghị các xã thu hoạch lúa và yêu cầu các hợp tác xã chuẩn bị giống.",
     [("đề nghị", "các xã thu hoạch lúa"), ("yêu cầu", "các hợp tác xã chuẩn bị giống")]),
    # a request voiced after a report of what was done is still a request
    ("Chỉ huy trưởng cho biết, đơn vị đã bàn giao 3 cột mốc và đề nghị tăng cường lực lượng tại xã biên giới.",
     [("đề nghị", "tăng cường lực lượng tại xã biên giới")]),
    ("Bà cho biết, công ty sẽ mở nước từ ngày 5/12 và đề nghị các xã chỉ đạo nạo vét kênh mương.",
     [("đề nghị", "các xã chỉ đạo nạo vét kênh mương")]),
    # an introducer without a word after its verb is read with the task after the colon
    ("UBND tỉnh giao: Sở Tài chính chủ trì thẩm định; Sở Xây dựng hướng dẫn các huyện.",
     [("giao", "Sở Tài chính chủ trì thẩm định"), ("giao", "Sở Xây dựng hướng dẫn các huyện")]),
    ("Bí thư Huyện ủy lưu ý: Các cấp ủy cần quan tâm phát triển đảng viên.",
     [("lưu ý", "Các cấp ủy cần quan tâm phát triển đảng viên")]),
    # a body that asks: "Đoàn công tác" is no "công tác chỉ đạo"
    ("Đoàn công tác yêu cầu chủ đầu tư khẩn trương hoàn thiện hồ sơ.",
     [("yêu cầu", "chủ đầu tư khẩn trương hoàn thiện hồ sơ")]),
])
def test_directives_requests_orders_and_their_tasks(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize("separator", [" ", "\n\n"])
def test_directives_tasks_numbered_in_words_after_a_sentence(separator: str) -> None:
    text = (f"Hội nghị tổng kết\n\nĐồng chí đề nghị các ngành tập trung thực hiện tốt một số nhiệm vụ trọng tâm."
            f"{separator}Thứ nhất, các xã đẩy mạnh chuyển đổi cây trồng.{separator}Thứ hai, nâng cao chất lượng "
            f"giáo dục.")
    assert [(r["verb"], r["text"]) for r in records(text)] == [
        ("đề nghị", "các xã đẩy mạnh chuyển đổi cây trồng"), ("đề nghị", "nâng cao chất lượng giáo dục")]


def test_directives_task_paragraphs_that_name_who_acts() -> None:
    text = ("Hội nghị tổng kết\n\nKết luận hội nghị, đồng chí Hà Văn Tùng yêu cầu:\n\n"
            "UBND các xã tập trung chỉ đạo thu hoạch lúa.\n\nPhòng Nông nghiệp chủ động hướng dẫn nông dân.\n\n"
            "Công an huyện tăng cường tuần tra.\n\nUBND huyện đã tổ chức 3 đoàn kiểm tra.\n\n"
            "Phòng Văn hóa cho biết sẽ tổ chức hội thi.")
    assert [(r["verb"], r["text"]) for r in records(text)] == [
        ("yêu cầu", "UBND các xã tập trung chỉ đạo thu hoạch lúa"),
        ("yêu cầu", "Phòng Nông nghiệp chủ động hướng dẫn nông dân"), ("yêu cầu", "Công an huyện tăng cường tuần tra")]


def test_directives_task_paragraphs_after_a_colon() -> None:
    text = ("Hội nghị tổng kết\n\nKết luận, ông Lò Văn Pản yêu cầu các ngành thực hiện tốt các nhiệm vụ sau:\n\n"
            "Tiếp tục đẩy mạnh công tác tuyên truyền.\n\nTăng cường kiểm tra, giám sát.\n\n"
            "Rà soát các tiêu chí đã đạt.\n\nTheo báo cáo, năm 2024 huyện có 12 xã đạt chuẩn.\n\n"
            "Hoàn thành 5 công trình.")
    assert [(r["verb"], r["text"]) for r in records(text)] == [
        ("yêu cầu", "Tiếp tục đẩy mạnh công tác tuyên truyền"), ("yêu cầu", "Tăng cường kiểm tra, giám sát"),
        ("yêu cầu", "Rà soát các tiêu chí đã đạt")]


@pytest.mark.parametrize("text", [
    "UBND huyện đã chỉ đạo các xã tổ chức thu hoạch lúa.",
    "Sở đã tập trung chỉ đạo triển khai các chính sách hỗ trợ.",
    "Các nhiệm vụ được giao đều hoàn thành.",
    "Theo chỉ đạo của Tỉnh ủy, các huyện rà soát đê điều.",
    "Ban Chỉ đạo huyện họp định kỳ.",
    "Tuyến đường giao thông đã được bàn giao cho địa phương.",
    "Đồng chí nhấn mạnh tầm quan trọng của chuyển đổi số.",
    "Hạ tầng chưa đáp ứng yêu cầu.",
    # a past or future first verb carries over "và" to an act of the same subject
    "Phòng đã tham mưu UBND huyện di dời 12 hộ và đề xuất tỉnh đầu tư kè chống sạt lở.",
    "UBND huyện đã họp và chỉ đạo các xã khắc phục hậu quả mưa lũ.",
    "Thời gian tới, UBND huyện sẽ chỉ đạo các phòng chuyên môn rà soát, giải quyết dứt điểm.",
    "Lãnh đạo huyện cho biết sẽ đề nghị tỉnh xem xét hỗ trợ.",
    "Hội nghị đã thống nhất đề nghị UBND tỉnh công nhận xã đạt chuẩn nông thôn mới.",
    # what a body assigned, named by its giver
    "Năm 2024, huyện hoàn thành 105% kế hoạch vốn tỉnh giao cho huyện.",
    "Các nhiệm vụ do UBND tỉnh giao cho huyện cơ bản hoàn thành.",
    # nouns: the steering committee in lower case, a count of proposals, shortcomings pointed out
    "Ban chỉ đạo huyện họp định kỳ để đánh giá tình hình.",
    "Tại kỳ họp, cử tri có 15 kiến nghị liên quan đến đất đai.",
    "Đồng chí cũng lưu ý một số hạn chế cần khắc phục như cải cách hành chính còn chậm.",
    "Chỉ đạo tại hội nghị, đồng chí Lê Văn Bảo phát biểu ý kiến.",
])
def test_directives_reports_and_nouns_are_not_directives(text: str) -> None:
    assert records(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # "kiến nghị" asks when something concrete follows it, from the floor or a body
    ("Cử tri kiến nghị tỉnh sớm nâng cấp đường liên xã Na Ư.", [("kiến nghị", "tỉnh sớm nâng cấp đường liên xã Na Ư")]),
    ("Cử tri kiến nghị với Bộ Giao thông vận tải sớm đầu tư tuyến đường về trung tâm xã.",
     [("kiến nghị", "với Bộ Giao thông vận tải sớm đầu tư tuyến đường về trung tâm xã")]),
    ("Cử tri kiến nghị, đề nghị tỉnh sớm nâng cấp đường liên xã.", [("đề nghị", "tỉnh sớm nâng cấp đường liên xã")]),
    # ... not when it names topics, stands alone, or is a noun in a list of nouns
    ("Cử tri kiến nghị với Tổ đại biểu các vấn đề về đền bù; nước sạch cho bản.", []),
    ("Cử tri kiến nghị liên quan đến việc cấp giấy chứng nhận.", []),
    ("Cử tri xã Nà Tấu kiến nghị tại buổi tiếp xúc.", []),
    ("Hội nghị đã thảo luận những đề xuất, kiến nghị và giải pháp cần thực hiện.", []),
])
def test_directives_kien_nghi_asks_only_for_something_concrete(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence that reports (đã, đang, tập trung ... in a paragraph of results) reports in its ";"-tasks too
    ("UBND xã đã chỉ đạo các thôn ra quân làm vệ sinh; chỉ đạo Công an xã tăng cường tuần tra; tổ chức tốt "
     "các hoạt động văn nghệ.", []),
    ("Đến nay đã thu hoạch 95% diện tích. UBND huyện tập trung chỉ đạo các xã làm đất; chỉ đạo các hợp tác xã "
     "cung ứng giống.", []),
    ("Các địa phương đang chỉ đạo người dân khơi thông dòng chảy; chỉ đạo lực lượng xung kích hỗ trợ.", []),
    # a plan of the month with no results told is not a report
    ("Trong tháng 11, Chi bộ thôn tiếp tục chỉ đạo Hội Phụ nữ vận động hội viên tiết kiệm; theo dõi sát giá cả "
     "tại chợ.",
     [("chỉ đạo", "Hội Phụ nữ vận động hội viên tiết kiệm"), ("chỉ đạo", "theo dõi sát giá cả tại chợ")]),
    # after a report, a verb with a subject of its own gives its own directive
    ("UBND huyện đã chỉ đạo các xã thu hoạch lúa; đồng chí Chủ tịch yêu cầu các xã chuẩn bị vụ đông.",
     [("yêu cầu", "các xã chuẩn bị vụ đông")]),
])
def test_directives_reports_carry_over_their_tasks(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize(("items", "expected"), [
    # no verb in the list: the frame's noun, for the items that ask
    ("cần nâng cấp đường nội đồng; giá phân bón tăng cao; cần hỗ trợ giống lúa",
     [("kiến nghị", "cần nâng cấp đường nội đồng"), ("kiến nghị", "cần hỗ trợ giống lúa")]),
    # the first verb written in the list governs the items before it and after it
    ("cần nâng cấp đường nội đồng; đề nghị sớm hỗ trợ giống lúa; Phòng Nông nghiệp hướng dẫn kỹ thuật",
     [("đề nghị", "cần nâng cấp đường nội đồng"), ("đề nghị", "sớm hỗ trợ giống lúa"),
      ("đề nghị", "Phòng Nông nghiệp hướng dẫn kỹ thuật")]),
])
@pytest.mark.parametrize("frame", [
    "Cử tri có các ý kiến, kiến nghị như:", "Tại buổi tiếp xúc, cử tri nêu một số kiến nghị như sau:",
    "Cử tri kiến nghị một số vấn đề như:"])
def test_directives_proposals_under_a_frame(frame: str, items: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(f"{frame} {items}.")] == expected


@pytest.mark.parametrize("frame", [
    "Đại biểu đã trả lời các ý kiến, kiến nghị của cử tri như:",  # answered, not made
    "Thảo luận ở tổ, nhiều đại biểu đã đề xuất các giải pháp như:",  # made in the past: reported
    "Cử tri kiến nghị các vấn đề về:",  # topics
])
def test_directives_lists_that_frame_no_proposals(frame: str) -> None:
    assert records(f"{frame} cần nâng cấp đường nội đồng; hỗ trợ giống lúa.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("“Các xã phải họp giao ban hằng tuần. Chủ tịch xã phải báo cáo Bí thư” – đó là chỉ đạo của Bí thư "
     "Tỉnh ủy tại hội nghị.",
     [("chỉ đạo", "Các xã phải họp giao ban hằng tuần"), ("chỉ đạo", "Chủ tịch xã phải báo cáo Bí thư")]),
    ('"Tăng cường kiểm tra các điểm sạt lở", ông Lò Văn Pản yêu cầu.',
     [("yêu cầu", "Tăng cường kiểm tra các điểm sạt lở")]),
    # the quote reports; the words after it are no instruction
    ("“Huyện đã hoàn thành 12 chỉ tiêu”, ông Lò Văn Pản cho biết.", []),
    ("“Các xã phải họp giao ban hằng tuần”, cán bộ xã yêu cầu.", []),  # no person says it
])
def test_directives_quote_attributed_after_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # addressees separated by ";" share one task
    ("Giao Giám đốc Sở Tài chính; Chủ tịch UBND huyện Tân Lạc; thủ trưởng các cơ quan liên quan chịu trách nhiệm "
     "thi hành quyết định này.",
     [("giao", "Giám đốc Sở Tài chính; Chủ tịch UBND huyện Tân Lạc; thủ trưởng các cơ quan liên quan chịu trách "
               "nhiệm thi hành quyết định này")]),
    # tasks with an action each stay apart
    ("Ông giao Sở Tài chính chủ trì thẩm định; Sở Xây dựng hướng dẫn các huyện lập hồ sơ.",
     [("giao", "Sở Tài chính chủ trì thẩm định"), ("giao", "Sở Xây dựng hướng dẫn các huyện lập hồ sơ")]),
])
def test_directives_addressees_across_semicolons(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Kết luận phiên họp, đồng chí Chủ tịch HĐND huyện đã yêu cầu các Ban triển khai kế hoạch giám sát.",
     [("yêu cầu", "các Ban triển khai kế hoạch giám sát")]),
    # what the chair reports of others is still a report
    ("Kết luận phiên họp, đồng chí Chủ tịch HĐND huyện cho biết UBND huyện đã giao Phòng Tài chính bố trí vốn.", []),
    # outside the conclusion "đã" reports
    ("Trước đó, đồng chí Chủ tịch HĐND huyện đã yêu cầu các Ban triển khai kế hoạch giám sát.", []),
])
def test_directives_past_tense_in_the_meetings_own_conclusion(sentence: str, expected: list[tuple[str, str]]) -> None:
    doc = segmented(sentence)
    place(doc, "Chủ tịch HĐND huyện", POSITION, {"person": "Hà Văn Sơn", "role": "Chủ tịch"})
    assert [(r["verb"], r["text"]) for r in directive_records(add_directives(doc))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a fronted clause that ends in a term of years: a year is not a count of requests ("15 kiến nghị")
    ("Bà nhấn mạnh: nhằm bảo đảm chất lượng kỳ họp thứ 14, HĐND thị xã khóa VI, nhiệm kỳ 2021 – 2026 yêu cầu "
     "các Ban sớm hoàn thiện báo cáo.", [("yêu cầu", "các Ban sớm hoàn thiện báo cáo")]),
    # the same sentence twice is one directive
    ("Tin\n\nCử tri kiến nghị tỉnh sớm nâng cấp đường.\n\nCử tri kiến nghị tỉnh sớm nâng cấp đường.",
     [("kiến nghị", "tỉnh sớm nâng cấp đường")]),
    # a visit's purpose, a courtesy call, a decision handed over, a passive with its agent
    ("Đoàn đã xuống các điểm sạt lở kiểm tra, chỉ đạo công tác di dời dân tại các xã: Nậm Cuổi, Pa Tần.", []),
    ("Đoàn đến chào xã giao lãnh đạo tỉnh.", []),
    ("UBND xã giao Công an xã phối hợp với các thôn giữ gìn an ninh.",
     [("giao", "Công an xã phối hợp với các thôn giữ gìn an ninh")]),
    ("Bí thư Tỉnh ủy trao quyết định giao nhiệm vụ cho ông Hà Văn Long.", []),
    ("Ban Quản lý dự án được UBND huyện giao nhiệm vụ làm chủ đầu tư.", []),
    # tasks announced without being given, unless a colon lists them
    ("Bà lưu ý một số nhiệm vụ cần hoàn thành trước kỳ họp cuối năm.", []),
    ("Đồng chí lưu ý một số nhiệm vụ trọng tâm sau: các xã cần thu ngân sách; Phòng Tài chính cân đối vốn.",
     [("lưu ý", "các xã cần thu ngân sách"), ("lưu ý", "Phòng Tài chính cân đối vốn")]),
    # a document issued now directs someone; issued before, it is reported
    ("UBND tỉnh vừa có văn bản chỉ đạo các sở, ngành phòng, chống dịch.",
     [("chỉ đạo", "các sở, ngành phòng, chống dịch")]),
    ("UBND tỉnh đã có văn bản chỉ đạo các sở, ngành phòng, chống dịch.", []),
])
def test_directives_real_writing(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize("intro", [
    "Ông Lò Văn Pản yêu cầu các xã thực hiện tốt các nội dung sau:",
    "Ông Lò Văn Pản yêu cầu các xã thực hiện tốt các nội dung sau",  # no colon: a list opener, bullets next
    "Ông Lò Văn Pản yêu cầu các xã thực hiện như sau.",
])
@pytest.mark.parametrize("bullets", [
    "- Tăng cường tuần tra bảo vệ rừng;\n- Xử lý nghiêm các vụ vi phạm.",
    "- Tăng cường tuần tra bảo vệ rừng\n- Xử lý nghiêm các vụ vi phạm",  # short lines without a stop
    "+ Tăng cường tuần tra bảo vệ rừng;\n+ Xử lý nghiêm các vụ vi phạm.",
    "1. Tăng cường tuần tra bảo vệ rừng;\n2. Xử lý nghiêm các vụ vi phạm.",
])
def test_directives_bullet_lists(intro: str, bullets: str) -> None:
    text = f"Hội nghị bàn công tác bảo vệ rừng\n\n{intro}\n{bullets}\n\nHội nghị kết thúc cùng ngày."
    assert [(r["verb"], r["text"]) for r in records(text)] == [
        ("yêu cầu", "Tăng cường tuần tra bảo vệ rừng"), ("yêu cầu", "Xử lý nghiêm các vụ vi phạm")]


def test_directives_list_ends_where_bullets_end() -> None:
    text = ("Hội nghị bàn công tác bảo vệ rừng\n\nÔng yêu cầu các xã thực hiện các nội dung sau:\n"
            "- Tăng cường tuần tra.\n\nCác xã đã hoàn thành 12 chỉ tiêu.\n\n- Trồng mới 50 ha rừng.")
    assert [r["text"] for r in records(text)] == ["Tăng cường tuần tra"]


def test_directives_issuer_is_the_official_before_the_verb() -> None:
    doc = segmented("Đồng chí Lò Văn Pản, Chủ tịch UBND huyện yêu cầu các xã rà soát hộ nghèo.")
    place(doc, "Lò Văn Pản", OFFICIAL, {"person": "Lò Văn Pản"})
    place(doc, "Chủ tịch UBND huyện", POSITION,
          {"person": "Lò Văn Pản", "role": "Chủ tịch", "organisation": "UBND huyện", "text": "Chủ tịch UBND huyện"})
    issuer = directive_records(add_directives(doc))[0]["issuer"]
    assert (issuer["text"], issuer["person"]) == ("Chủ tịch UBND huyện", "Lò Văn Pản")
    assert doc.text[issuer["start"]:issuer["end"]] == issuer["text"]


def test_directives_issuer_title_only_mention_is_resolved_to_its_holder() -> None:
    text = ("Ông Hà Văn Thiêm, Chủ tịch UBND huyện chủ trì hội nghị. "
            "Kết luận hội nghị, đồng chí Chủ tịch UBND huyện chỉ đạo các xã rà soát đê điều.")
    doc = segmented(text)
    title = {"role": "Chủ tịch", "organisation": "UBND huyện", "text": "Chủ tịch UBND huyện"}
    place(doc, "Hà Văn Thiêm", OFFICIAL, {"person": "Hà Văn Thiêm"})
    place(doc, "Chủ tịch UBND huyện", POSITION, {**title, "person": "Hà Văn Thiêm"}, 0)
    place(doc, "Chủ tịch UBND huyện", POSITION, {**title, "person": None}, 1)
    issuer = directive_records(add_directives(doc))[0]["issuer"]
    assert issuer["person"] == "Hà Văn Thiêm"
    assert issuer["start"] > text.index("Kết luận")


@pytest.mark.parametrize(("pronoun_sentence", "person"), [
    ("Ông đề nghị các xã làm tốt công tác tuyên truyền.", "Vi Văn Hòe"),
    ("Đồng thời, yêu cầu các xã làm tốt công tác tuyên truyền.", "Vi Văn Hòe"),
])
def test_directives_issuer_pronoun_refers_to_the_last_person_named(pronoun_sentence: str, person: str) -> None:
    doc = segmented(f"Ông Vi Văn Hòe, Phó Chủ tịch UBND huyện phát biểu tại hội nghị. {pronoun_sentence}")
    place(doc, "Vi Văn Hòe", OFFICIAL, {"person": "Vi Văn Hòe"})
    assert directive_records(add_directives(doc))[0]["issuer"]["person"] == person


@pytest.mark.parametrize(("text", "issuer"), [
    ("Cử tri xã Tân Lập đề nghị huyện sớm đầu tư công trình nước sạch.", "Cử tri xã Tân Lập"),
    ("Cử tri phường A, phường B đề nghị thành phố xử lý ngập úng.", "Cử tri phường A, phường B"),
    ("Tại hội nghị, lãnh đạo xã Yên Lạc đề nghị huyện hỗ trợ giống.", "lãnh đạo xã Yên Lạc"),
    ("Cử tri Lê Văn Bình phản ánh tình trạng thiếu nước, đề nghị tỉnh đầu tư đường ống.", "Cử tri Lê Văn Bình"),
])
def test_directives_issuer_without_officials_is_the_subject(text: str, issuer: str) -> None:
    found = records(text)[0]["issuer"]
    assert (found["text"], found["person"]) == (issuer, None)


@pytest.mark.parametrize(("text", "addressees", "action"), [
    ("Ông yêu cầu các xã, các ngành đẩy mạnh tuyên truyền.", ["các xã", "các ngành"], "đẩy mạnh tuyên truyền"),
    ("Ông yêu cầu các sở, ngành tập trung giải ngân.", ["các sở, ngành"], "tập trung giải ngân"),
    ("Ông giao Sở Kế hoạch và Đầu tư tham mưu điều chuyển vốn.", ["Sở Kế hoạch và Đầu tư"], "tham mưu điều chuyển vốn"),
    ("Ông yêu cầu thị xã Kỳ Anh, huyện Kỳ Anh giải quyết vướng mắc.", ["thị xã Kỳ Anh", "huyện Kỳ Anh"],
     "giải quyết vướng mắc"),
    ("Ông yêu cầu các chủ đầu tư khẩn trương thanh toán.", ["các chủ đầu tư"], "khẩn trương thanh toán"),
    ("Ông yêu cầu Công an huyện và UBND các xã tăng cường tuần tra.", ["Công an huyện", "UBND các xã"],
     "tăng cường tuần tra"),
    ("Ông giao cho Phòng Tài chính bố trí kinh phí.", ["Phòng Tài chính"], "bố trí kinh phí"),
    ("Ông yêu cầu rà soát, điều chuyển vốn.", [], "rà soát, điều chuyển vốn"),
])
def test_directives_addressees_and_action(text: str, addressees: list[str], action: str) -> None:
    record = records(text)[0]
    assert [a["text"] for a in record["addressees"]] == addressees
    assert record["action"]["text"] == action


@pytest.mark.parametrize(("task", "deadline", "date"), [
    ("hoàn thành trước ngày 30/6/2024", "hoàn thành trước ngày 30/6/2024", "2024-06-30"),
    ("báo cáo trước 31/12/2024", "trước 31/12/2024", "2024-12-31"),
    ("trình UBND tỉnh trong tháng 10/2024", "trong tháng 10/2024", "2024-10-31"),
    ("giải ngân xong trong quý III/2024", "trong quý III/2024", "2024-09-30"),
    ("hoàn thành chỉ tiêu trong năm 2025", "trong năm 2025", "2025-12-31"),
    ("di dời các hộ trước mùa mưa bão", "trước mùa mưa bão", None),
    ("báo cáo kết quả trước ngày 10 hằng tháng", "trước ngày 10 hằng tháng", None),
    ("hoàn thành trong thời hạn 15 ngày", "trong thời hạn 15 ngày", None),
    ("phấn đấu đến năm 2025 đạt chuẩn", "đến năm 2025", "2025-12-31"),
    ("hoàn thành trước năm 2026", "trước năm 2026", "2025-12-31"),
    ("hoàn thành trong 6 tháng cuối năm 2024", "6 tháng cuối năm 2024", "2024-12-31"),
])
def test_directives_deadline(task: str, deadline: str, date: str | None) -> None:
    found = records(f"Ông yêu cầu các xã {task}.")[0]["deadline"]
    assert (found["text"], found["date"]) == (deadline, date)


def test_directives_deadline_without_a_year_takes_the_event_year() -> None:
    doc = add_directives(segmented("Sáng 2/6/2023, huyện họp. Ông yêu cầu các xã hoàn thành trước ngày 30/6."))
    doc.set(EVENT, [doc.span(0, 10, EVENT, {"date": "2023-06-02"})])
    assert directive_records(doc)[0]["deadline"]["date"] == "2023-06-30"
    doc.set(EVENT, [])
    assert directive_records(doc)[0]["deadline"]["date"] is None


@pytest.mark.parametrize(("kind", "parts", "year", "iso"), [
    ("date", {"day": "30", "month": "6"}, 2024, "2024-06-30"),
    ("date", {"day": "31", "month": "2"}, 2024, None),
    ("month", {"month": "2", "year": "2024"}, None, "2024-02-29"),
    ("quarter_before", {"quarter": "I"}, 2025, "2024-12-31"),
    ("year_end", {}, 2022, "2022-12-31"),
    ("year_end", {}, None, None),
])
def test_directives_deadline_date(kind: str, parts: dict[str, str], year: int | None, iso: str | None) -> None:
    assert deadline_date(kind, parts, year) == iso


@pytest.mark.parametrize(("kind", "parts", "anchor", "iso"), [
    # a deadline without a year falls after the meeting that sets it
    ("date", {"day": "31", "month": "1"}, datetime.date(2024, 12, 20), "2025-01-31"),
    ("date", {"day": "30", "month": "6"}, datetime.date(2024, 3, 5), "2024-06-30"),
    ("month", {"month": "2"}, datetime.date(2024, 11, 28), "2025-02-28"),
    ("date", {"day": "31", "month": "1", "year": "2024"}, datetime.date(2024, 12, 20), "2024-01-31"),
    # ... or in the meeting's own month, week, year
    ("this_month", {}, datetime.date(2024, 2, 5), "2024-02-29"),
    ("this_week", {}, datetime.date(2024, 3, 5), "2024-03-10"),
    ("year_end", {}, datetime.date(2024, 3, 5), "2024-12-31"),
    # recurring or counted from an act: no single date
    ("monthly", {"day": "10"}, datetime.date(2024, 3, 5), None),
    ("duration", {"amount": "15 ngày"}, datetime.date(2024, 3, 5), None),
])
def test_directives_deadline_date_after_the_event(kind: str, parts: dict[str, str], anchor: datetime.date,
                                                  iso: str | None) -> None:
    assert deadline_date(kind, parts, None, anchor=anchor) == iso


def test_directives_spans_index_the_text_and_carry_offsets() -> None:
    text = ("Hội nghị tổng kết năm\n\nKết luận, ông Lò Văn Pản yêu cầu các đơn vị thực hiện các nội dung sau:\n"
            "- Tăng cường tuần tra;\n- Xử lý nghiêm vi phạm.\n\nÔng giao Phòng Tư pháp hướng dẫn các xã.")
    doc = add_directives(segmented(text))
    spans = doc.get(DIRECTIVE)
    assert [s.text for s in spans] == ["Tăng cường tuần tra", "Xử lý nghiêm vi phạm", "Phòng Tư pháp hướng dẫn các xã"]
    for span, record in zip(spans, directive_records(doc), strict=True):
        assert doc.text[span.start:span.end] == span.text == record["text"]
        verb = record["verb_offsets"]
        if verb is not None:
            assert doc.text[verb["start"]:verb["end"]].lower() == record["verb"]
        for part in [record["action"], *record["addressees"]]:
            assert doc.text[part["start"]:part["end"]] == part["text"]
    assert [r["verb_inherited"] for r in directive_records(doc)] == [True, True, False]


@pytest.mark.parametrize("text", ["Hội nghị tổng kết", "Không có chỉ thị nào.", "—"])
def test_directives_nothing_to_find(text: str) -> None:
    assert records(text) == []


def test_directives_stage_sets_the_label_even_when_empty() -> None:
    doc = add_directives(segmented("Trời mưa to."))
    assert DIRECTIVE in doc.spans and doc.get(DIRECTIVE) == []
    assert DATE not in doc.spans  # the stage touches its own label only


@pytest.mark.parametrize("verb", [
    "yêu cầu", "đề nghị", "chỉ đạo", "giao", "chỉ thị", "nhấn mạnh", "lưu ý", "quán triệt", "kiến nghị"])
def test_directives_table_covers_the_schema_verbs(verb: str) -> None:
    assert verb in {rule.verb for rule in load_directive_data().rules.values()}


def test_directives_stage_is_idempotent(seed_path) -> None:
    # speed is measured by `python -m pipeline bench`, not here; a rerun must give the same spans
    doc = segment(normalize(Document(text=seed_path.read_text(encoding="utf-8"))))
    first = list(add_directives(doc).get(DIRECTIVE))
    doc.spans.pop(DIRECTIVE, None)
    assert add_directives(doc).get(DIRECTIVE) == first
    assert len(first) == 14


# -- fast paths: the same answers as the plain searches they replace (speed is measured by `bench`)

SEARCH_TEXTS = [
    "Chủ tịch UBND tỉnh yêu cầu các sở, ngành khẩn trương triển khai; đồng thời đề nghị huyện báo cáo trước 15/6.",
    "Đã chỉ đạo, theo yêu cầu, Ban Chỉ đạo; giao thông, bàn giao; YÊU CẦU; huyện giao nhiệm vụ cho xã trước ngày 30.",
    "yêu  cầu hai khoảng trắng, yêucầu dính, ſ lạ, trước quý III năm 2024, chậm nhất tháng 10/2025.",
    "",
]


@pytest.mark.parametrize("text", SEARCH_TEXTS)
def test_directives_phrase_index_searches_as_the_pattern(text: str) -> None:
    data = load_directive_data()
    index = data.verb_index
    assert index is not None
    for start, end in [(0, len(text)), (5, len(text) - 5), (20, 60)]:
        start, end = min(start, len(text)), max(min(end, len(text)), 0)
        expected = [m.span() for m in data.verbs.finditer(text, start, end)]
        assert [m.span() for m in index.finditer(text, start, end)] == expected
        found, search = index.search(text, start, end), data.verbs.search(text, start, end)
        assert (found and found.span()) == (search and search.span())
        for _, pattern in data.deadlines:
            found = data.deadline_index.search(text, start, end, pattern=pattern)  # type: ignore[union-attr]
            search = pattern.search(text, start, end)
            assert (found and found.span()) == (search and search.span())


@pytest.mark.parametrize("before", ["Hội nghị đã ", "theo ", "Ban ", "xã đã không ", "ông ", "", "_đã ", "đã,"])
def test_directives_ruled_out_before_searches_as_the_pattern(before: str) -> None:
    from pipeline.directives import _ruled_out_before

    data = load_directive_data()
    for verb, pattern in data.before.items():
        assert _ruled_out_before(data, verb, before) == bool(pattern.search(before))


@pytest.mark.parametrize(("text", "expected"), [
    # the body before "được giao" is told; an action follows at once
    ("Sở Y tế được giao phối hợp với các xã phun hóa chất diệt muỗi; tổ chức giám sát ổ dịch.",
     [("giao", "phối hợp với các xã phun hóa chất diệt muỗi"), ("giao", "tổ chức giám sát ổ dịch")]),
    ("Trung tâm Y tế huyện được UBND huyện giao chủ trì tiêm vắc xin cho đàn trẻ.",
     [("giao", "chủ trì tiêm vắc xin cho đàn trẻ")]),
    # no body opens the clause, a report, a role, an allotment, a post
    ("Năm nay thị trấn được giao hỗ trợ 20 nhà cho hộ nghèo.", []),
    ("Sở Tài chính đã được giao thẩm định dự toán.", []),
    ("Ban Quản lý dự án huyện được giao làm chủ đầu tư công trình.", []),
    ("Hạt Kiểm lâm được giao quản lý, bảo vệ 1.500 ha rừng.", []),
    ("Ông cảm ơn Hội đồng vì sự tín nhiệm giao trọng trách.", []),
    ("Các nhiệm vụ được giao đều hoàn thành.", []),
])
def test_directives_passive_assignment_to_a_body(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "Trong đó," / "Cụ thể," details the directive before it when it asks
    ("Ông giao Công an huyện bảo đảm an ninh lễ hội. Trong đó, cần phân luồng giao thông; kiểm tra nhà nghỉ.",
     [("giao", "Công an huyện bảo đảm an ninh lễ hội"), ("giao", "cần phân luồng giao thông"),
      ("giao", "kiểm tra nhà nghỉ")]),
    ("Ông yêu cầu các xã chống hạn cho lúa. Cụ thể, nạo vét kênh mương nội đồng.",
     [("yêu cầu", "các xã chống hạn cho lúa"), ("yêu cầu", "nạo vét kênh mương nội đồng")]),
    ("Ông yêu cầu các xã chống hạn cho lúa. Trong đó, 12 xã thiếu nước nghiêm trọng.",
     [("yêu cầu", "các xã chống hạn cho lúa")]),
    # the speaker's own promise after "Đồng thời," carries nothing on, nor do its ";"-tasks
    ("Ông yêu cầu các xã chống hạn cho lúa. Đồng thời, khẳng định sẽ lo đủ giống; chăm lo Tết cho dân.",
     [("yêu cầu", "các xã chống hạn cho lúa")]),
    ("Ông yêu cầu các xã chống hạn cho lúa. Đồng thời, sẽ cùng huyện lo đủ giống.",
     [("yêu cầu", "các xã chống hạn cho lúa")]),
    # a paragraph that opens with what to do, and no one doing it, goes on with the directive before it
    ("Ông giao Phòng Nông nghiệp hướng dẫn nông dân.\n\nKiểm tra các đại lý phân bón; xử lý hàng giả.",
     [("giao", "Phòng Nông nghiệp hướng dẫn nông dân"), ("giao", "Kiểm tra các đại lý phân bón"),
      ("giao", "xử lý hàng giả")]),
    ("Ông giao Phòng Nông nghiệp hướng dẫn nông dân.\n\nTiếp thu ý kiến, bà Lò Thị Hoa cho biết huyện đã làm.",
     [("giao", "Phòng Nông nghiệp hướng dẫn nông dân")]),
    ("Ông giao Phòng Nông nghiệp hướng dẫn nông dân.\n\nTăng 5% so với cùng kỳ.",
     [("giao", "Phòng Nông nghiệp hướng dẫn nông dân")]),
])
def test_directives_sentences_that_go_on_with_the_directive_before(text: str,
                                                                   expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a comma-clause naming who asks next starts a new request
    ("Tổ đại biểu đề nghị các xã bố trí hội trường, riêng xã Tân Mỹ đề nghị bố trí tại nhà văn hóa.",
     [("đề nghị", "các xã bố trí hội trường"), ("đề nghị", "bố trí tại nhà văn hóa")]),
    # not a clause that acts: the inner verb is the addressee's
    ("Bà đề nghị UBND tỉnh quan tâm, chỉ đạo các sở hỗ trợ.",
     [("đề nghị", "UBND tỉnh quan tâm, chỉ đạo các sở hỗ trợ")]),
    # one more stretch of a road after ";" belongs to the same request
    ("Cử tri đề nghị làm đường từ thôn Đồng Vải đến xã Tân Mỹ; từ thôn Bãi Sậy đến xã Tân Phú.",
     [("đề nghị", "làm đường từ thôn Đồng Vải đến xã Tân Mỹ; từ thôn Bãi Sậy đến xã Tân Phú")]),
    # an introducer that names who does what, with no task after it, is the directive
    ("Chủ tịch UBND huyện yêu cầu Chủ tịch UBND các xã triển khai ngay một số biện pháp:",
     [("yêu cầu", "Chủ tịch UBND các xã triển khai ngay một số biện pháp")]),
    ("Chủ tịch UBND huyện yêu cầu các xã triển khai các biện pháp sau: phun thuốc khử trùng; lập chốt kiểm dịch.",
     [("yêu cầu", "phun thuốc khử trùng"), ("yêu cầu", "lập chốt kiểm dịch")]),
    ("Chủ tịch UBND huyện chỉ đạo một số nhiệm vụ trọng tâm sau:", []),
])
def test_directives_where_one_request_ends_and_the_next_begins(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["verb"], r["text"]) for r in records(text)] == expected


@pytest.mark.parametrize("text", [
    "Phòng Nông nghiệp theo dõi mưa lũ, tham mưu UBND huyện chỉ đạo chống lũ.",
    "Phòng Nông nghiệp tham mưu cho UBND huyện giao chỉ tiêu cho các xã.",
    "Huyện ủy luôn quan tâm chỉ đạo các trường nâng cao chất lượng dạy học.",
    "Ban Thường vụ luôn yêu cầu cán bộ gương mẫu.",
    "Năng suất kém ngang tầm với tiềm lực, thế mạnh và yêu cầu đổi mới của xã.",
    "Sản phẩm chưa phù hợp với thị hiếu và yêu cầu thị trường.",
    "Ý kiến cử tri xoay quanh một số vấn đề như: tăng cường tuần tra; sửa đường làng.",
    "Bà con nêu 12 ý kiến, đề xuất về các nội dung như: thu gom rác; nước sạch.",
])
def test_directives_advice_habits_standards_and_topics_are_not_directives(text: str) -> None:
    assert records(text) == []


@pytest.mark.parametrize("text", [
    "Đại hội bầu cấp ủy bảo đảm yêu cầu về cơ cấu; xây dựng tập thể đoàn kết.",
    "Công trình đảm bảo yêu cầu kỹ thuật; bàn giao đúng hạn.",
    "Năm nay sáu xã đủ điều kiện đề nghị xét công nhận, là xã A; xã B.",
])
def test_directives_requirements_met_and_applications_are_not_directives(text: str) -> None:
    assert records(text) == []


def test_directives_a_body_asking_to_ensure_is_a_directive() -> None:
    assert [(r["verb"], r["text"]) for r in records("Chủ tịch UBND tỉnh yêu cầu các sở bảo đảm tiến độ.")] == [
        ("yêu cầu", "các sở bảo đảm tiến độ")]
