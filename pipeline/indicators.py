"""Stage: INDICATOR spans. Placeholder until issue 4 lands: finds nothing yet."""

from __future__ import annotations

from typing import Any

from .document import Document


def add_indicators(doc: Document) -> Document:
    doc.set("INDICATOR", [])
    return doc


def indicator_records(doc: Document) -> list[dict[str, Any]]:
    return []
