"""Stage: DIRECTIVE spans. Placeholder until issue 6 lands: finds nothing yet."""

from __future__ import annotations

from typing import Any

from .document import Document


def add_directives(doc: Document) -> Document:
    doc.set("DIRECTIVE", [])
    return doc


def directive_records(doc: Document) -> list[dict[str, Any]]:
    return []
