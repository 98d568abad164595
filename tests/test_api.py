from __future__ import annotations

import pytest

import pipeline


def test_api_public_names_are_curated() -> None:
    assert sorted(pipeline.__all__) == sorted(
        ["BinaryInputError", "Document", "EmptyArticleError", "InputDecodingError", "InputError",
         "InputTooLargeError", "PipelineError", "RuleDataError", "Source", "Span", "UnsupportedFormatError",
         "__version__", "extract", "extract_file", "read_output", "run", "to_frames"])
    for name in pipeline.__all__:
        assert hasattr(pipeline, name), name


def test_api_extract_keeps_metadata() -> None:
    doc = pipeline.extract("Nội dung bài.", title="Tiêu đề", date="2024-03-05", url="http://a.vn/b", doc_id="b")
    record = doc.to_dict()
    assert record["doc_id"] == "b"
    assert record["title"] == "Tiêu đề"
    assert record["source"]["url"] == "http://a.vn/b"


@pytest.mark.parametrize("text", ["", "   ", "\u00a0\u200b\n"], ids=["empty", "spaces", "invisible"])
def test_api_extract_rejects_empty_text(text: str) -> None:
    with pytest.raises(pipeline.EmptyArticleError):
        pipeline.extract(text)


def test_api_extract_rejects_huge_text() -> None:
    with pytest.raises(pipeline.InputTooLargeError, match=r"split the file"):
        pipeline.extract("a" * 6_000_000)


def test_api_extract_file_reads_legacy_encoding(tmp_path, seed_path) -> None:
    from tests.legacy import to_vni

    path = tmp_path / "bai-vni.txt"
    path.write_bytes(to_vni(seed_path.read_text(encoding="utf-8")))
    doc = pipeline.extract_file(path)
    assert doc.source.encoding == "vni"
    assert doc.doc_id == "bai-vni"
    assert doc.text == pipeline.extract_file(seed_path).text


def test_api_extract_file_refuses_unknown_kind(tmp_path) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(pipeline.UnsupportedFormatError, match=r"a\.xlsx"):
        pipeline.extract_file(path)
