from __future__ import annotations

import json

import pytest

from pipeline.document import Document, Span


def test_document_span_cuts_its_text_from_the_document() -> None:
    doc = Document(text="UBND huyện Mường Khương")
    span = doc.span(11, 23, "PLACE", {"type": "huyện"})
    assert span == Span(11, 23, "PLACE", "Mường Khương", {"type": "huyện"})
    assert span.to_dict() == {"start": 11, "end": 23, "label": "PLACE", "text": "Mường Khương",
                              "value": {"type": "huyện"}}


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4), (0, 99)])
def test_document_span_outside_the_text_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        Document(text="xã Tân Lập").span(start, end, "PLACE")


def test_document_set_sorts_and_get_defaults_to_empty() -> None:
    doc = Document(text="a b c")
    doc.set("TOKEN", [doc.span(4, 5, "TOKEN"), doc.span(0, 1, "TOKEN")])
    assert [s.text for s in doc.get("TOKEN")] == ["a", "c"]
    assert doc.get("PLACE") == []
    assert [s.text for s in doc.covering("TOKEN", 3, 5)] == ["c"]


def test_document_round_trips_through_json(seed_doc) -> None:
    data = json.loads(seed_doc.to_json())
    assert data == seed_doc.to_dict()
    assert data["text"] == seed_doc.text
