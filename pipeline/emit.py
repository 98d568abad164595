"""Stage-independent output: the JSON document of SCHEMA.md, built from a processed Document.

The contract fields (`schema_version`, `doc_id`, `source`, `title`, `event`, `authors`, `officials`,
`places`, `indicators`, `directives`) keep the names and meanings SCHEMA.md fixes; every record also
carries its offsets into `text`'s normalized form (`start`, `end`) and whatever its stage adds.
Each field's records are built by the module that extracts it, so a reader finds both in one file.
"""

from __future__ import annotations

from typing import Any

from . import directives, event, indicators, officials, places
from ._version import SCHEMA_VERSION, __version__
from .document import PARAGRAPH, SENTENCE, TITLE, TOKEN, Document


def document_title(doc: Document) -> tuple[str | None, dict[str, int] | None]:
    spans = doc.get(TITLE)
    if spans:
        return spans[0].text, {"start": spans[0].start, "end": spans[0].end}
    hinted = doc.hints.get("title")
    return (str(hinted) if hinted else None), None


def document_to_dict(doc: Document) -> dict[str, Any]:
    title, title_offsets = document_title(doc)
    source = doc.source
    return {
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": __version__,
        "doc_id": doc.doc_id,
        "source": {"path": source.path, "sha256": source.sha256, "encoding": source.encoding,
                   "format": source.format, "url": source.url or doc.hints.get("url")},
        "title": title,
        "title_offsets": title_offsets,
        "event": event.event_record(doc),
        "authors": officials.author_records(doc),
        "officials": officials.official_records(doc),
        "places": places.place_records(doc),
        "home_unit": places.home_unit(doc),
        "indicators": indicators.indicator_records(doc),
        "directives": directives.directive_records(doc),
        "stats": {"characters": len(doc.text), "paragraphs": len(doc.get(PARAGRAPH)),
                  "sentences": len(doc.get(SENTENCE)), "tokens": len(doc.get(TOKEN))},
        "warnings": list(doc.warnings),
        "text": doc.text,
    }


def error_record(doc_id: str, path: str | None, error: BaseException) -> dict[str, Any]:
    """What a batch run writes for an article it could not process."""
    return {"schema_version": SCHEMA_VERSION, "pipeline_version": __version__, "doc_id": doc_id,
            "source": {"path": path},
            "error": {"type": type(error).__name__, "message": str(error)}}
