"""Input files to articles: plain text, Markdown, HTML pages, Word documents, JSON records.

| suffix            | read with                                   | articles per file |
|-------------------|---------------------------------------------|-------------------|
| .txt .md          | `decode.decode_bytes` (encoding detection)  | one               |
| .html .htm        | trafilatura (main text, title, date, URL)   | one               |
| .docx             | python-docx (paragraphs in order)           | one               |
| .json             | an object with `text` (or a list of them)   | one or more       |
| .jsonl            | one such object per line                    | one per line      |

A `.txt` file that is really an HTML page (it starts with `<!DOCTYPE html>` or `<html`) is read as
HTML: saving a page as text is a common mistake and tag soup is not an article.
Each article carries its own `doc_id`: the file's stem, or for records `id` (else `<stem>-<line>`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from .decode import decode_bytes
from .document import Source
from .errors import EmptyArticleError, InputDecodingError, InputTooLargeError, UnsupportedFormatError

MAX_ARTICLE_BYTES = 5_000_000  # one article is 2-50 kB; past this it is a dump, not an article
MAX_RECORDS_FILE_BYTES = 2_000_000_000  # .jsonl files hold many articles and are streamed line by line
TEXT_SUFFIXES = (".txt", ".md", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".docx", ".json", ".jsonl")
_HTML_START = regex.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", regex.IGNORECASE)
_ISO_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Article:
    """One article's text and what came with it, before any processing."""

    doc_id: str
    text: str
    source: Source
    title: str | None = None
    date: str | None = None  # ISO date of publication, when the container says
    url: str | None = None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _check_size(path: Path, limit: int) -> None:
    size = path.stat().st_size
    if size > limit:
        raise InputTooLargeError(f"{path}: {size:,} bytes is more than one article (limit {limit:,}); split the file")
    if size == 0:
        raise EmptyArticleError(f"{path}: the file is empty (0 bytes)")


def read_html(data: bytes | str, *, name: str) -> tuple[str, str | None, str | None, str | None]:
    """(main text, title, ISO date, URL) of an HTML page; navigation, scripts and footers left out."""
    import trafilatura

    page = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True,
                                       include_images=False, output_format="python")
    text = (getattr(page, "text", None) or "") if page is not None else ""
    if not text.strip():
        raise EmptyArticleError(f"{name}: an HTML page without article text")
    date = getattr(page, "date", None)
    return (text.replace("\n", "\n\n"), getattr(page, "title", None),
            date if date and _ISO_DATE.match(date) else None, getattr(page, "url", None))


def read_docx(path: Path) -> str:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for a broken package
        raise InputDecodingError(f"{path}: not a readable Word document ({type(exc).__name__}: {exc})") from exc
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    return "\n\n".join(p for p in paragraphs if p.strip())


def _record_article(record: Any, *, path: Path, line: int, data: bytes) -> Article:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputDecodingError(f"{path}:{line}: a record must be a JSON object with a 'text' string")
    doc_id = str(record.get("id") or record.get("doc_id") or (f"{path.stem}-{line}" if line else path.stem))
    source = Source(path=f"{path}:{line}" if line else str(path), sha256=_sha256(data), encoding="utf-8",
                    format=path.suffix.lstrip(".").lower(), url=record.get("url"))
    date = record.get("date")
    return Article(doc_id=doc_id, text=record["text"], source=source, title=record.get("title"),
                   date=str(date)[:10] if date and _ISO_DATE.match(str(date)) else None, url=record.get("url"))


def read_articles(path: str | os.PathLike[str]) -> Iterator[Article]:
    """The articles in one file; raises an `InputError` (naming the file) when it cannot be read.

    For `.jsonl`, each good line is yielded and a bad line raises when it is reached.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFormatError(f"{path}: {suffix or 'files without a suffix'} are not read; "
                                     f"use one of {', '.join(SUFFIXES)}")
    if suffix == ".jsonl":
        _check_size(path, MAX_RECORDS_FILE_BYTES)
        with open(path, "rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if raw.strip():
                    try:
                        record = json.loads(raw)
                    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                        raise InputDecodingError(f"{path}:{number}: not a JSON line ({exc})") from exc
                    yield _record_article(record, path=path, line=number, data=raw)
        return
    _check_size(path, MAX_ARTICLE_BYTES)
    data = path.read_bytes()
    if suffix == ".json":
        try:
            records = json.loads(decode_bytes(data, name=str(path)).text)
        except json.JSONDecodeError as exc:
            raise InputDecodingError(f"{path}: not valid JSON ({exc})") from exc
        if isinstance(records, list):
            for number, record in enumerate(records, start=1):
                yield _record_article(record, path=path, line=number, data=data)
        else:
            yield _record_article(records, path=path, line=0, data=data)
        return
    source = {"path": str(path), "sha256": _sha256(data), "format": suffix.lstrip(".")}
    if suffix == ".docx":
        text = read_docx(path)
        if not text.strip():
            raise EmptyArticleError(f"{path}: a Word document without text")
        yield Article(doc_id=path.stem, text=text, source=Source(encoding="docx", **source))
        return
    if suffix in HTML_SUFFIXES or _HTML_START.match(data[:2048]):
        decoded = decode_bytes(data, name=str(path))
        text, title, date, url = read_html(decoded.text, name=str(path))
        yield Article(doc_id=path.stem, text=text, source=Source(encoding=decoded.encoding, url=url,
                                                                 **{**source, "format": "html"}),
                      title=title, date=date, url=url)
        return
    decoded = decode_bytes(data, name=str(path))
    yield Article(doc_id=path.stem, text=decoded.text, source=Source(encoding=decoded.encoding, **source))
