"""Stage: EVENT and DATE spans. Placeholder until issue 6 lands: finds nothing yet."""

from __future__ import annotations

from typing import Any

from .document import Document


def add_event(doc: Document) -> Document:
    doc.set("EVENT", [])
    doc.set("DATE", [])
    return doc


def event_record(doc: Document) -> dict[str, Any]:
    return {"date": None}
