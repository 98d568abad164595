from __future__ import annotations

import pytest

from pipeline.document import BYLINE, CAPTION, PARAGRAPH, SENTENCE, TITLE, TOKEN, Document
from pipeline.normalize import normalize
from pipeline.segment import align_tokens, looks_like_names, segment

ARTICLE = """Huyện Mường Khương họp phiên thường kỳ tháng 3

Sáng 5/3/2024, UBND huyện Mường Khương tổ chức phiên họp thường kỳ. Đoàn đi TP. Lào Cai và TX. Sa Pa.

Quang cảnh phiên họp

Tổng thu ngân sách đạt 1.234,5 tỷ đồng, tăng 5,2% so với cùng kỳ. \
Các nhiệm vụ sau: 1. Tăng cường kiểm tra; 2. Đẩy mạnh giải ngân.

Tin, ảnh: Minh Hà

Trung tâm Văn hóa - Thể thao huyện"""


def segmented(text: str) -> Document:
    return segment(normalize(Document(text=text)))


def test_segment_finds_title_byline_and_captions() -> None:
    doc = segmented(ARTICLE)
    assert [s.text for s in doc.get(TITLE)] == ["Huyện Mường Khương họp phiên thường kỳ tháng 3"]
    assert [(s.text, s.value["kind"]) for s in doc.get(BYLINE)] == [
        ("Tin, ảnh: Minh Hà", "prefix"), ("Trung tâm Văn hóa - Thể thao huyện", "unit")]
    assert [s.text for s in doc.get(CAPTION)] == ["Quang cảnh phiên họp"]
    assert len(doc.get(PARAGRAPH)) == 6


def test_segment_sentences_survive_abbreviations_and_numbers() -> None:
    doc = segmented(ARTICLE)
    texts = [s.text for s in doc.get(SENTENCE)]
    assert "Đoàn đi TP. Lào Cai và TX. Sa Pa." in texts
    assert "Tổng thu ngân sách đạt 1.234,5 tỷ đồng, tăng 5,2% so với cùng kỳ." in texts
    assert "Các nhiệm vụ sau: 1. Tăng cường kiểm tra; 2. Đẩy mạnh giải ngân." in texts
    assert "Sáng 5/3/2024, UBND huyện Mường Khương tổ chức phiên họp thường kỳ." in texts


def test_segment_every_span_points_at_its_text(seed_doc) -> None:
    for label in (PARAGRAPH, SENTENCE, TOKEN, TITLE, BYLINE, CAPTION):
        assert seed_doc.get(label), label
        for span in seed_doc.get(label):
            assert seed_doc.text[span.start:span.end] == span.text


def test_segment_tokens_keep_government_terms_and_names_whole(seed_doc) -> None:
    tokens = {t.text for t in seed_doc.get(TOKEN)}
    assert {"Phó Bí thư", "Ủy ban nhân dân", "Lương Tiến Thành", "20/6/2022", "58,2"} <= tokens
    assert not seed_doc.warnings


def test_segment_seed_byline() -> None:
    doc = segmented("Tiêu đề bài\n\nNội dung bài viết có đủ câu.\n\nCao Dung\n\nTrung tâm VHTTTT&DL huyện")
    assert [s.text for s in doc.get(BYLINE)] == ["Cao Dung", "Trung tâm VHTTTT&DL huyện"]


@pytest.mark.parametrize(
    ("line", "names"),
    [("Cao Dung", True), ("Hà Linh - Minh Tuấn", True), ("Văn Dũng (TTVH huyện)", True),
     ("Quang cảnh hội nghị", False), ("Đồng chí Lê Văn A phát biểu", False),
     ("THU TRANG - ĐỨC KHOA", True), ("V.T.", True), ("Minh Hà - TTXVN", True),
     ("TOP", False), ("TAGS", False), ("TTXVN", False)],
)
def test_segment_looks_like_names(line: str, names: bool) -> None:
    assert looks_like_names(line) is names


def test_segment_one_line_text_has_no_title_and_no_byline() -> None:
    doc = segmented("UBND xã Tân Lập họp bàn kế hoạch.")
    assert doc.get(TITLE) == [] and doc.get(BYLINE) == []
    assert [s.text for s in doc.get(SENTENCE)] == ["UBND xã Tân Lập họp bàn kế hoạch."]


def test_segment_align_tokens_reports_misalignment() -> None:
    with pytest.raises(ValueError, match="not found"):
        align_tokens("Hòa Bình", ["Hoà Bình"])


@pytest.mark.parametrize("dateline", ["Thứ Năm, 14/03/2024 - 09:15", "14/03/2024 09:15", "Chủ nhật, 5/5/2024",
                                      "16:44, 04/10/2023"])
def test_segment_dateline_above_the_title_is_not_the_title(dateline: str) -> None:
    doc = segmented(f"{dateline}\n\nHuyện Bát Xát họp phiên thường kỳ\n\nSáng 5/3/2024, UBND huyện họp.")
    assert [s.text for s in doc.get(TITLE)] == ["Huyện Bát Xát họp phiên thường kỳ"]


def test_segment_road_codes_do_not_end_sentences() -> None:
    doc = segmented("Tuyến ĐT.305 và QL. 2C được nâng cấp. Công trình hoàn thành.")
    assert [s.text for s in doc.get(SENTENCE)] == ["Tuyến ĐT.305 và QL. 2C được nâng cấp.", "Công trình hoàn thành."]


def test_segment_direct_segmenter_agrees_with_underthesea(seed_doc) -> None:
    from underthesea import word_tokenize

    from pipeline.segment import word_segmenter

    for paragraph in seed_doc.get(PARAGRAPH):
        assert word_segmenter()(paragraph.text) == word_tokenize(paragraph.text, use_token_normalize=False)


HEADLINE = "UBND huyện họp phiên thường kỳ tháng 4"
BODY = "Sáng 12/4, Thường trực UBND huyện nghe các phòng báo cáo tiến độ giải ngân vốn đầu tư công quý I."


@pytest.mark.parametrize(("header", "byline", "kind"), [
    ("Lê Hoa - 21:30, 12/04/2023", "Lê Hoa", "name"),
    ("NGUYỄN AN (thực hiện) 08:15, 03/02/2023", "NGUYỄN AN", "name"),
    ("VŨ HÀ - THANH TÚ |", "VŨ HÀ - THANH TÚ", "name"),
    ("12/04/2023 | Bài và ảnh: Lê Hoa", "Bài và ảnh: Lê Hoa", "prefix"),
    ("Thứ Năm, 13/04/2023 | 09:15 | Lê Hoa", "Lê Hoa", "name"),
    ("05/03/2024 08:10 GMT+7 Minh Khoa - Thu Hà - Đức Lâm", "Minh Khoa - Thu Hà - Đức Lâm", "name"),
    ("05/03/2024 08:10 Minh Khoa", "Minh Khoa", "name"),
])
def test_segment_header_byline_under_the_headline(header: str, byline: str, kind: str) -> None:
    doc = segmented(f"{HEADLINE}\n\n{header}\n\n{BODY}")
    assert [(s.text, s.value["kind"]) for s in doc.get(BYLINE)] == [(byline, kind)]


@pytest.mark.parametrize("header", [
    "Thứ Hai, 12/6/2023 - 09:40", "Hà Nội, 12/6/2023", "Cập nhật: 09:15 12/04/2023", "Lê Hoa", "Tin Tức | Sự Kiện",
    "05/03/2024 08:10 GMT+7 Hà Nội", "05/03/2024 08:10 Cập nhật", "12/6/2023 - 09:40 Tin và ảnh được gửi về",
])
def test_segment_header_line_without_a_byline(header: str) -> None:
    assert segmented(f"{HEADLINE}\n\n{header}\n\n{BODY}").get(BYLINE) == []


@pytest.mark.parametrize(("last_lines", "expected"), [
    ("(CTV: Minh Thư)", [("CTV: Minh Thư", "prefix")]),
    ("V.T.", [("V.T.", "name")]),
    ("Đỗ Văn Lâm\n\n(http://www.vi-du.vn)", [("Đỗ Văn Lâm", "name"), ("(http://www.vi-du.vn)", "source")]),
    ("TIN, ẢNH: MINH HÀ", [("TIN, ẢNH: MINH HÀ", "prefix")]),
    ("TAGS", []),
])
def test_segment_trailing_byline_forms(last_lines: str, expected: list[tuple[str, str]]) -> None:
    doc = segmented(f"{HEADLINE}\n\n{BODY}\n\n{last_lines}")
    assert [(s.text, s.value["kind"]) for s in doc.get(BYLINE)] == expected


@pytest.mark.parametrize("footer", [
    "Liên kết website\n\nThống kê truy cập\n\nỦY BAN NHÂN DÂN XÃ TÂN LẬP\n\nĐịa chỉ: thôn Đông\nĐT: 0200.123456",
    "Cơ quan chủ quản: UBND huyện Mường Tè\n\nChịu trách nhiệm nội dung: Văn phòng HĐND và UBND huyện",
    "Đang online: 12\n\nTổng lượt truy cập: 45.678\n\nVề đầu trang",
])
def test_segment_byline_above_a_portals_footer(footer: str) -> None:
    doc = segmented(f"{HEADLINE}\n\n{BODY}\n\nHoàng Nguyên\n\n{footer}")
    assert [s.text for s in doc.get(BYLINE) if s.value["kind"] == "name"] == ["Hoàng Nguyên"]


@pytest.mark.parametrize("text", [
    "Xin chào. Tôi là Claude.",
    "Đoàn đi TP. Lào Cai... Sau đó về TX. Sa Pa!",
    "Giá 1.500.000 đồng. Thu 4.123,2 tỷ?! Đạt 15.12.2025.",
    "Chờ đợi... rồi tiếp tục. Hết...",
    "v.v... và e.g. nhiều thứ. A. B. c.",
    "   ",
    "",
    "Không có dấu câu",
    "Câu một.\tCâu hai. \n Câu ba..",
])
def test_segment_sentence_split_agrees_with_underthesea(text: str) -> None:
    from underthesea import sent_tokenize

    from pipeline.segment import split_sentences

    assert split_sentences(text) == sent_tokenize(text)


def test_segment_sentence_split_agrees_with_underthesea_on_the_seed(seed_doc) -> None:
    from underthesea import sent_tokenize

    from pipeline.segment import split_sentences

    for paragraph in seed_doc.get(PARAGRAPH):
        assert split_sentences(paragraph.text) == sent_tokenize(paragraph.text)


@pytest.mark.parametrize("text", [
    "Đồng chí Lương  Văn A,\tPhó Chủ tịch UBND (huyện) dự họp lúc 8:30 ngày 20/6/2022.",
    "  Xem http://baoxyz.vn/tin-tuc (mục 2) hoặc gửi thư tới ban@xyz.vn ... TP.HCM, H'Mông  ",
    "Giá 1.500.000đ, tăng 4,5% -- v.v... => 3x4 °C :)) <3 NĐ-CP 43H-0530 e-mail T.Ư\n\nDòng mới :D",
    "\u00a0\u2003 x \u3000y\u000b\u001fz  ",
    "",
])
def test_segment_pretokenizer_gives_underthesea_pretokens(text: str) -> None:
    import re

    from underthesea.pipeline.word_tokenize.regex_tokenize import regex_patterns_combine

    from pipeline.segment import _crf_segmenter

    crf = _crf_segmenter()
    assert crf is not None
    underthesea_pattern = re.compile(regex_patterns_combine, re.VERBOSE | re.UNICODE)
    assert [m.span(1) for m in crf[1].finditer(text)] == [m.span() for m in underthesea_pattern.finditer(text)]


def test_segment_pretokenizer_gives_underthesea_pretokens_on_the_seed(seed_doc) -> None:
    test_segment_pretokenizer_gives_underthesea_pretokens(seed_doc.text)
