from __future__ import annotations

import json

import pytest

from pipeline.errors import EmptyArticleError, InputDecodingError, InputTooLargeError, UnsupportedFormatError
from pipeline.readers import read_articles

PAGE = """<!DOCTYPE html><html><head><title>UBND huyện họp phiên thường kỳ</title>
<meta property="article:published_time" content="2024-03-05T08:00:00+07:00">
<link rel="canonical" href="https://example.gov.vn/tin/1"><script>var x = "<p>không phải bài</p>";</script></head>
<body><nav>Trang chủ | Tin tức | Liên hệ</nav><article><h1>UBND huyện họp phiên thường kỳ tháng 3</h1>
<p>Sáng 5/3/2024, UBND huyện Mường Khương tổ chức phiên họp thường kỳ tháng 3 để đánh giá tình hình.</p>
<p>Đồng chí Nguyễn Văn Hải, Chủ tịch UBND huyện chủ trì. Tổng thu ngân sách ước đạt 120 tỷ đồng.</p></article>
<footer>Bản quyền thuộc Cổng thông tin điện tử huyện</footer></body></html>"""


@pytest.mark.parametrize("name", ["trang.html", "trang.htm", "trang-luu-nham.txt"])
def test_readers_html_main_text_title_and_date(tmp_path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_articles(path)
    assert "Sáng 5/3/2024, UBND huyện Mường Khương" in article.text
    assert "không phải bài" not in article.text and "Trang chủ" not in article.text
    assert article.title == "UBND huyện họp phiên thường kỳ tháng 3"  # the h1 wins over <title>
    assert article.date == "2024-03-05"
    assert article.url == "https://example.gov.vn/tin/1"
    assert article.source.format == "html"


def test_readers_docx(tmp_path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Hội nghị tổng kết năm")
    document.add_paragraph("Sáng 5/3/2024, UBND xã Tân Lập tổ chức hội nghị.")
    path = tmp_path / "bai.docx"
    document.save(path)
    [article] = read_articles(path)
    assert article.text == "Hội nghị tổng kết năm\n\nSáng 5/3/2024, UBND xã Tân Lập tổ chức hội nghị."
    assert article.doc_id == "bai"


def test_readers_json_and_jsonl_records(tmp_path) -> None:
    single = tmp_path / "mot.json"
    single.write_text(json.dumps({"text": "Nội dung.", "title": "Tiêu đề", "date": "2024-03-05T07:00", "url": "u"}),
                      encoding="utf-8")
    [article] = read_articles(single)
    assert (article.doc_id, article.title, article.date, article.url) == ("mot", "Tiêu đề", "2024-03-05", "u")
    lines = tmp_path / "nhieu.jsonl"
    lines.write_text('{"id": "a1", "text": "Bài một."}\n\n{"text": "Bài hai."}\nkhông phải json\n', encoding="utf-8")
    articles = read_articles(lines)
    first, second = next(articles), next(articles)
    assert [(a.doc_id, a.text) for a in (first, second)] == [("a1", "Bài một."), ("nhieu-3", "Bài hai.")]
    with pytest.raises(InputDecodingError, match=r"nhieu\.jsonl:4"):
        next(articles)


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("rong.txt", b"", EmptyArticleError),
        ("bang.xlsx", b"PK\x03\x04", UnsupportedFormatError),
        ("hong.json", b'{"text": ', InputDecodingError),
        ("thieu.json", b'{"title": "x"}', InputDecodingError),
        ("hong.docx", b"not a zip", InputDecodingError),
        ("trang-rong.html", b"<html><body><script>x()</script></body></html>", EmptyArticleError),
    ],
)
def test_readers_bad_files_raise_named_errors(tmp_path, name: str, data: bytes, error: type[Exception]) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error, match=name.split(".")[0]):
        list(read_articles(path))


def test_readers_huge_file_is_refused_without_reading_it(tmp_path) -> None:
    path = tmp_path / "khong-lo.txt"
    with open(path, "wb") as stream:
        stream.truncate(20 * 1024 * 1024)
    with pytest.raises(InputTooLargeError, match="split the file"):
        list(read_articles(path))
