"""Whatever text comes in, the pipeline answers with a document or a named InputError, never a crash,
and every span it makes points at its own text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline

# Pieces real articles are made of, so random text reaches deep into the rules, plus raw characters.
PIECES = [
    "Đồng chí ", "ông ", "bà ", "Nguyễn Văn An", "Lò Thị Hoa", " - ", ", ", "; ", ": ", ". ", "\n\n", "(", ")",
    "Phó Chủ tịch UBND huyện", "Bí thư Huyện ủy", "Giám đốc Sở Tài chính", "xã ", "huyện ", "tỉnh ", "thôn ",
    "các xã ", "Mường Khương", "Tân Lập", "Hủa Phăn", "lòng hồ thủy điện ", "cửa khẩu ", "1.234,5", "58,2",
    "10/12", "20/6/2022", "tỷ đồng", "tạ/ha", "ha", "%", "hộ", "tăng ", "giảm ", "hai mươi lăm ", "ba ",
    "yêu cầu ", "đề nghị ", "chỉ đạo ", "giao ", "sau: ", "Sáng ", "Chiều ngày ", "Kỳ họp thứ 12",
    "nhiệm kỳ 2021-2026", "Quốc lộ 217", "Tin, ảnh: Minh Hà", "Uỷ ban", "hoà", "\u00a0", "…", "“", "”",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), min_size=1, max_size=60))
def test_robustness_random_articles_never_crash(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        doc = pipeline.extract(text)
    except pipeline.InputError:
        return
    for spans in doc.spans.values():
        for span in spans:
            assert doc.text[span.start:span.end] == span.text
    record = doc.to_dict()
    for field in ("officials", "places", "indicators", "directives", "authors"):
        assert isinstance(record[field], list)


@pytest.mark.parametrize(
    "text",
    ["a", ".", "1", "%", "xã", "Đồng chí", "yêu cầu", "10/12", "ngày", "\n\nx\n", "tỷ đồng", "(((", "“”",
     "Sáng 31/2/2024", "Sáng 0/0", "99999999999999999999999999 tỷ đồng", "1.2.3.4,5,6 ha", "- - - -",
     "ÐÐÐ", "Uỷ Uỷ Uỷ", "x" * 20_000, "Chủ tịch " * 500, "1/2/3/4/5/6/7", "hai mươi mươi mươi hộ"],
)
def test_robustness_edge_texts(text: str) -> None:
    doc = pipeline.extract(text)
    assert doc.to_dict()["doc_id"] == "article"
