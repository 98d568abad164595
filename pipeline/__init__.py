"""Structured data from Vietnamese local-government news: officials, indicators, places, directives.

    >>> import pipeline
    >>> doc = pipeline.extract("Sáng 5/3/2024, UBND huyện Mường Khương tổ chức hội nghị.")
    >>> doc.to_dict()["doc_id"]
    'article'

Nothing heavy happens at import: models and tables load on first use, once per process.
"""

from __future__ import annotations

from ._version import __version__
from .api import extract, extract_file
from .document import Document, Source, Span
from .errors import (
    BinaryInputError,
    EmptyArticleError,
    InputDecodingError,
    InputError,
    InputTooLargeError,
    PipelineError,
    RuleDataError,
    UnsupportedFormatError,
)
from .frames import read_output, to_frames
from .runner import run

__all__ = [
    "BinaryInputError",
    "Document",
    "EmptyArticleError",
    "InputDecodingError",
    "InputError",
    "InputTooLargeError",
    "PipelineError",
    "RuleDataError",
    "Source",
    "Span",
    "UnsupportedFormatError",
    "__version__",
    "extract",
    "extract_file",
    "read_output",
    "run",
    "to_frames",
]
