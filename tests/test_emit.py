from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import pipeline
from pipeline.emit import error_record

SCHEMA = json.loads(resources.files("pipeline.schema").joinpath("document.schema.json").read_text(encoding="utf-8"))


def test_emit_seed_output_validates_against_the_schema(seed_doc) -> None:
    document = seed_doc.to_dict()
    jsonschema.validate(document, SCHEMA)
    assert document["doc_id"] == "quan-son-2022-06-20"
    assert document["title"] == "Hội nghị trực tuyến Ủy viên Ủy ban nhân dân huyện mở rộng tháng"
    assert document["source"]["encoding"] == "utf-8"
    assert len(document["source"]["sha256"]) == 64


@pytest.mark.parametrize(
    "text",
    ["Một dòng.", "Tiêu đề\n\nThân bài có câu.", "x" * 50, "1.234,5 tỷ đồng; 10/12 xã"],
    ids=["one-line", "title-body", "letters", "numbers"],
)
def test_emit_any_text_validates(text: str) -> None:
    jsonschema.validate(pipeline.extract(text).to_dict(), SCHEMA)


def test_emit_offsets_index_the_emitted_text(seed_doc) -> None:
    document = seed_doc.to_dict()
    text = document["text"]
    offsets = document["title_offsets"]
    assert text[offsets["start"]:offsets["end"]] == document["title"]
    for field in ("officials", "places", "indicators", "directives", "authors"):
        for record in document[field]:
            if "start" in record:
                assert text[record["start"]:record["end"]], (field, record)


def test_emit_error_record_names_the_error() -> None:
    record = error_record("x", "a/x.txt", pipeline.EmptyArticleError("a/x.txt: the file is empty"))
    assert record["error"] == {"type": "EmptyArticleError", "message": "a/x.txt: the file is empty"}
    assert record["doc_id"] == "x"


def test_emit_every_corpus_output_validates_and_points_at_its_text(corpus_outputs) -> None:
    assert len(corpus_outputs) >= 50
    for path, document in corpus_outputs.items():
        jsonschema.validate(document, SCHEMA)
        text = document["text"]
        for field in ("officials", "places", "indicators", "directives", "authors"):
            for record in document[field]:
                if record.get("start") is not None:
                    assert 0 <= record["start"] < record["end"] <= len(text), (path, field, record)
        for indicator in document["indicators"]:
            assert text[indicator["start"]:indicator["end"]] == indicator["text"], (path, indicator)
        for directive in document["directives"]:
            assert text[directive["start"]:directive["end"]] == directive["text"], (path, directive)
