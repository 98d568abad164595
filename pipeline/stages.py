"""The pipeline's stages, in order, and the check that each finds what it needs.

A stage is a function from a `Document` to the same document with more spans. Each declares the
span labels it requires and provides (as stanza's processors do); `check_stages` verifies the order
once, when the pipeline is built, and names what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import directives, event, indicators, officials, places
from .document import (
    AUTHOR,
    BYLINE,
    CAPTION,
    DATE,
    DIRECTIVE,
    EVENT,
    INDICATOR,
    OFFICIAL,
    PARAGRAPH,
    PLACE,
    POSITION,
    SENTENCE,
    TITLE,
    TOKEN,
    Document,
)
from .normalize import normalize
from .segment import segment


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document], Document]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()


STAGES: tuple[Stage, ...] = (
    Stage("normalize", normalize),
    Stage("segment", segment, (), (PARAGRAPH, TITLE, BYLINE, CAPTION, SENTENCE, TOKEN)),
    Stage("officials", officials.add_officials, (SENTENCE, TOKEN, BYLINE, CAPTION), (OFFICIAL, POSITION, AUTHOR)),
    Stage("places", places.add_places, (SENTENCE, OFFICIAL, POSITION), (PLACE,)),
    Stage("indicators", indicators.add_indicators, (SENTENCE,), (INDICATOR,)),
    Stage("directives", directives.add_directives, (SENTENCE, OFFICIAL, POSITION), (DIRECTIVE,)),
    Stage("event", event.add_event, (SENTENCE, TITLE, OFFICIAL, POSITION, PLACE), (EVENT, DATE)),
)


def check_stages(stages: Sequence[Stage]) -> None:
    """Raise ValueError naming the first stage that runs before what it requires is provided."""
    provided: set[str] = set()
    for stage in stages:
        missing = [label for label in stage.requires if label not in provided]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing}, which no earlier stage provides")
        provided.update(stage.provides)


def run_stages(doc: Document, stages: Sequence[Stage] = STAGES) -> Document:
    for stage in stages:
        doc = stage.run(doc)
    return doc


check_stages(STAGES)  # cheap: a dozen set operations, and a wrong order is a bug worth failing on at import
