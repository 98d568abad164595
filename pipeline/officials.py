"""Stage: OFFICIAL, POSITION, AUTHOR spans. Placeholder until issue 3 lands: finds nothing yet."""

from __future__ import annotations

from typing import Any

from .document import Document


def add_officials(doc: Document) -> Document:
    doc.set("OFFICIAL", [])
    doc.set("POSITION", [])
    doc.set("AUTHOR", [])
    return doc


def official_records(doc: Document) -> list[dict[str, Any]]:
    return []


def author_records(doc: Document) -> list[dict[str, Any]]:
    return []
