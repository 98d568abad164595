"""The document model: one normalized text, every annotation a span into it.

A `Document` holds the article's normalized text (see `normalize.py`) and, per label, a list of
`Span`s with character offsets into that text. Stages add spans; nothing edits the text after
normalization, so `doc.text[s.start:s.end] == s.text` holds for every span, always.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

# Span labels used across the package (UPPER, as spaCy labels).
PARAGRAPH = "PARAGRAPH"
SENTENCE = "SENTENCE"
TOKEN = "TOKEN"
TITLE = "TITLE"  # the article's headline (first line)
BYLINE = "BYLINE"  # trailing author / unit lines
CAPTION = "CAPTION"  # short image-caption lines between paragraphs
OFFICIAL = "OFFICIAL"  # a named person holding a position (one span per mention)
POSITION = "POSITION"  # a title such as "Phó Chủ tịch UBND huyện" (one span per title mention)
AUTHOR = "AUTHOR"
PLACE = "PLACE"
INDICATOR = "INDICATOR"
DIRECTIVE = "DIRECTIVE"
EVENT = "EVENT"
DATE = "DATE"


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch of the normalized text: `text == doc.text[start:end]`.

    `value` carries what the stage that made it knows (a number and unit, a place type,
    a person id, ...). It is a plain mapping so that spans serialise to JSON as they are.
    """

    start: int
    end: int
    label: str
    text: str
    value: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text,
                **({"value": dict(self.value)} if self.value else {})}


@dataclass(frozen=True, slots=True)
class Source:
    """Where the article came from: path as given, content hash, how it was decoded."""

    path: str | None = None
    sha256: str | None = None
    encoding: str | None = None
    format: str | None = None  # txt, html, docx, json, text (passed in as a string)
    url: str | None = None


@dataclass
class Document:
    """One article. `text` is normalized once and never changes; annotations are spans into it.

    `hints` carries metadata that came with the input rather than from the text (a title or date
    from an HTML page or a JSON record, a URL); stages may use it, e.g. the event date's year.
    """

    text: str
    doc_id: str = "article"
    source: Source = field(default_factory=Source)
    hints: dict[str, Any] = field(default_factory=dict)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def span(self, start: int, end: int, label: str, value: Mapping[str, Any] | None = None) -> Span:
        """A span of this document's text; the text is cut from `self.text`, so it cannot disagree."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside a text of {len(self.text)} characters")
        return Span(start, end, label, self.text[start:end], dict(value or {}))

    def set(self, label: str, spans: list[Span]) -> Document:
        """Store the spans of one label, sorted by position (replacing what was there)."""
        self.spans[label] = sorted(spans, key=lambda s: (s.start, -s.end))
        return self

    def get(self, label: str) -> list[Span]:
        return self.spans.get(label, [])

    def covering(self, label: str, start: int, end: int) -> Iterator[Span]:
        """The spans of `label` that overlap [start, end)."""
        return (s for s in self.get(label) if s.start < end and start < s.end)

    def sentence_of(self, offset: int) -> Span | None:
        for sentence in self.get(SENTENCE):
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of SCHEMA.md (see `emit.py`)."""
        from .emit import document_to_dict

        return document_to_dict(self)

    def to_json(self, *, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
