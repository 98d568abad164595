"""Stage: PLACE spans. Placeholder until issue 5 lands: finds nothing yet."""

from __future__ import annotations

from typing import Any

from .document import Document


def add_places(doc: Document) -> Document:
    doc.set("PLACE", [])
    return doc


def place_records(doc: Document) -> list[dict[str, Any]]:
    return []
