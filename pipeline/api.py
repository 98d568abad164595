"""The library entry points: `extract` for a text, `extract_file` for a file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .decode import decode_bytes
from .document import Document, Source
from .errors import InputTooLargeError, UnsupportedFormatError
from .stages import run_stages

MAX_ARTICLE_BYTES = 5_000_000  # a news article is 2-50 kB; past this it is a dump, not an article
TEXT_SUFFIXES = (".txt", ".md", "")


def doc_id_for(path: str | os.PathLike[str]) -> str:
    """The stable id of an article file: its name without the extension (`a/b/x.txt` -> `x`)."""
    return Path(path).stem


def extract(text: str, *, title: str | None = None, date: str | None = None, url: str | None = None,
            doc_id: str = "article", source: Source | None = None) -> Document:
    """Run the whole pipeline over one article's text.

    `title`, `date` (ISO, e.g. a page's publication date) and `url` are metadata that came with
    the text; they help where the text is silent (the event's year, a missing headline).
    """
    if len(text) > MAX_ARTICLE_BYTES:
        raise InputTooLargeError(f"{doc_id}: {len(text):,} characters is more than one article "
                                 f"(limit {MAX_ARTICLE_BYTES:,}); split the file")
    if source is None:
        source = Source(sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), format="text", url=url)
    hints = {k: v for k, v in (("title", title), ("date", date), ("url", url)) if v}
    return run_stages(Document(text=text, doc_id=doc_id, source=source, hints=hints))


def extract_file(path: str | os.PathLike[str]) -> Document:
    """Read, decode and process one article file (`.txt`/`.md`)."""
    path = Path(path)
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise UnsupportedFormatError(f"{path}: {path.suffix} files are not read; use .txt or .md")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputTooLargeError(f"{path}: {size:,} bytes is more than one article (limit {MAX_ARTICLE_BYTES:,})")
    data = path.read_bytes()
    decoded = decode_bytes(data, name=str(path))
    source = Source(path=str(path), sha256=hashlib.sha256(data).hexdigest(), encoding=decoded.encoding,
                    format=path.suffix.lstrip(".").lower() or "txt")
    return extract(decoded.text, doc_id=doc_id_for(path), source=source)
