"""The library entry points: `extract` for a text, `extract_file` for a file, `extract_article` for a read article."""

from __future__ import annotations

import hashlib
import os

from .document import Document, Source
from .errors import InputTooLargeError, UnsupportedFormatError
from .readers import MAX_ARTICLE_BYTES, Article, read_articles
from .stages import run_stages


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


def extract_article(article: Article) -> Document:
    """Process an article read by `readers.read_articles` (text plus its container's metadata)."""
    return extract(article.text, title=article.title, date=article.date, url=article.url,
                   doc_id=article.doc_id, source=article.source)


def extract_file(path: str | os.PathLike[str]) -> Document:
    """Read, decode and process a one-article file (.txt, .md, .html, .docx, or .json with one record)."""
    articles = read_articles(path)
    first = next(articles)
    if next(articles, None) is not None:
        raise UnsupportedFormatError(f"{path}: holds several articles; use pipeline.run() or readers.read_articles()")
    return extract_article(first)
