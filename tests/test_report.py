from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import pipeline
from pipeline.frames import RecordSpan, read_records, record_spans, to_frames
from pipeline.report import TABLES, highlight, render_report, write_report
from tests.sample_output import TEXT, corpus_articles, error_output, sample_output

VOID = {"meta", "input", "br", "hr", "img", "link"}


class Page(HTMLParser):
    """What a reader of the page sees: marks (text per `data-k` piece group per article) and table rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.article: int | None = None
        self.marks: dict[tuple[int, str], dict[str, Any]] = {}
        self.rows: dict[str, list[list[str]]] = {}
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.table: str | None = None
        self.scripts: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if tag == "script":
            self.scripts.append(attributes)
        if tag == "link":
            self.links.append(attributes)
        if tag in VOID:
            return
        self.stack.append((tag, attributes))
        if tag == "section" and (attributes.get("id") or "").startswith("doc-"):
            self.article = int(attributes["id"].removeprefix("doc-"))
        if tag == "mark" and "data-k" in attributes:
            key = (self.article, attributes["data-k"])
            mark = self.marks.setdefault(key, {"text": "", "pieces": 0, **attributes})
            mark["pieces"] += 1
        if tag == "table":
            self.table = attributes.get("id")
        if tag == "tr" and self.table:
            self.row = []
        if tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}: markup not well-formed"
        self.stack.pop()
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append("".join(self.cell))
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.rows.setdefault(self.table, []).append(self.row)
            self.row = None
        if tag == "table":
            self.table = None

    def handle_data(self, data: str) -> None:
        for tag, attributes in self.stack:
            if tag == "mark" and "data-k" in attributes:
                self.marks[(self.article, attributes["data-k"])]["text"] += data
        if self.cell is not None:
            self.cell.append(data)


def parse(markup: str) -> Page:
    page = Page()
    page.feed(markup)
    page.close()
    assert not page.stack, f"unclosed tags: {page.stack}"
    return page


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory) -> Path:
    """A real run over corpus articles, plus the hand-built output and an error line."""
    out = tmp_path_factory.mktemp("run")
    pipeline.run(corpus_articles(), out)
    (out / "hand" / "bac-ha-lam-2024-03-05.json").parent.mkdir()
    (out / "hand" / "bac-ha-lam-2024-03-05.json").write_text(json.dumps(sample_output(), ensure_ascii=False),
                                                            encoding="utf-8")
    with open(out / "errors.jsonl", "a", encoding="utf-8") as stream:
        stream.write(json.dumps(error_output(), ensure_ascii=False) + "\n")
    return out


@pytest.fixture(scope="module")
def report(run_folder, tmp_path_factory) -> tuple[list[dict[str, Any]], str]:
    path = write_report(run_folder, tmp_path_factory.mktemp("report") / "report.html")
    return list(read_records(run_folder)), path.read_text(encoding="utf-8")


def test_report_highlights_every_entity_of_a_run(report) -> None:
    records, markup = report
    page = parse(markup)
    assert len(records) == len(corpus_articles()) + 1
    shown = 0
    for position, record in enumerate(records):
        marks = {(m["data-label"], int(m["data-start"]), int(m["data-end"])): m
                 for (article, _), m in page.marks.items() if article == position}
        for found in record_spans(record):
            if found.problem is not None:
                continue
            mark = marks.get((found.label, found.start, found.end))
            assert mark is not None, (record["doc_id"], found.group, found.start, found.end)
            assert mark["text"] == record["text"][found.start:found.end]
            shown += 1
    assert shown >= 19  # the hand-built output alone has 19 highlightable mentions


def test_report_tables_list_every_row(report) -> None:
    records, markup = report
    page = parse(markup)
    frames = to_frames(records)
    for name, (_, columns) in TABLES.items():
        header, *rows = page.rows[f"table-{name}"]
        assert header[: len(columns)] == [label for _, label, _ in columns]
        assert len(rows) == len(frames[name]), name
        for row, doc_id in zip(rows, frames[name]["doc_id"], strict=True):
            assert row[0] == doc_id
    names = [row[1] for row in page.rows["table-officials"][1:]]
    assert {"Nguyễn Văn Khải", "Lê Hoàng Sơn"} <= set(names)
    values = [row[2] for row in page.rows["table-indicators"][1:]]
    assert "40 000 000" in values and "5 820" in values


def test_report_links_rows_to_their_mentions(report) -> None:
    _, markup = report
    page = parse(markup)
    ids = set(page.ids)
    assert len(ids) == len(page.ids), "duplicate ids"
    targets = [part.split('"', 1)[0] for part in markup.split('href="#')[1:]]
    assert targets and all(target in ids for target in targets)
    assert any(target.endswith("-PER-125-140") for target in targets)
    for name in TABLES:  # a row with offsets links to its mention in the article
        table = markup[markup.index(f'<table id="table-{name}"'):]
        table = table[: table.index("</table>")]
        for row in re.findall(r"<tr data-doc=.*?</tr>", table):
            offset_cell = row[row.rindex("<td"):]
            assert ('data-v=""' in offset_cell) != ("<a href=" in offset_cell), (name, row)


def test_report_is_self_contained(report) -> None:
    _, markup = report
    page = parse(markup)
    assert page.links == []
    assert all("src" not in attributes for attributes in page.scripts)
    assert "@import" not in markup and "url(" not in markup


def test_report_escapes_article_text(report) -> None:
    _, markup = report
    assert "Công ty A&amp;B &quot;Xanh&quot; &lt;mới&gt;" in markup or "Công ty A&amp;B \"Xanh\" &lt;mới&gt;" in markup
    assert "<mới>" not in markup


def test_report_lists_files_not_read_and_items_without_offsets(report) -> None:
    _, markup = report
    page = parse(markup)
    assert any(row[:3] == ["broken", "corpora/x/broken.txt", "BinaryInputError"] for row in page.rows["table-errors"])
    assert "Not highlighted: officials: Lê Hoàng Sơn" in markup


@pytest.mark.parametrize(("spans", "expected"), [
    ([(0, 5, "A"), (2, 8, "B")], '<m A>ab<m B>cde</m></m><m B>fgh</m>'),   # crossing: B split in two
    ([(0, 8, "A"), (2, 4, "B")], '<m A>ab<m B>cd</m>efgh</m>'),            # nested
    ([(2, 4, "A"), (2, 4, "B")], 'ab<m A><m B>cd</m></m>efgh'),            # the same stretch twice
], ids=["crossing", "nested", "same"])
def test_report_highlight_stays_well_formed(spans, expected) -> None:
    found = [RecordSpan("indicators", label, start, end, {}) for start, end, label in spans]
    markup = highlight("abcdefgh", found)
    page = parse(f'<section id="doc-0">{markup}</section>')
    simplified = re.sub(r'<mark[^>]*data-label="(\w+)"[^>]*>', r"<m \1>", markup).replace("</mark>", "</m>")
    assert simplified == expected
    for k, (start, end, _) in enumerate(spans):
        assert page.marks[(0, str(k))]["text"] == "abcdefgh"[start:end]


def test_report_render_accepts_documents_as_dicts(seed_doc) -> None:
    markup = render_report([seed_doc.to_dict(), sample_output()], title="A <title>")
    assert "<title>A &lt;title&gt;</title>" in markup
    assert parse(markup).marks


def test_report_names_a_missing_folder(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="no such folder"):
        write_report(tmp_path / "nowhere", tmp_path / "r.html")


def test_report_text_is_the_sample_text() -> None:
    assert sample_output()["text"] == TEXT
