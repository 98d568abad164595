"""One self-contained HTML page for a run: `python -m pipeline report OUT/ -o report.html`.

The page has sortable, filterable tables of officials, places, indicators and directives (each
row links to its mention in the article), the articles with every item highlighted from the
output JSON's `text` and offsets, and the files the run could not read (`errors.jsonl`).
No network: the style and the few lines of script are inline, and every text from the articles
is escaped.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .frames import LABEL_COLORS, RecordSpan, read_records, record_spans, to_frames

# Columns shown per table: (frame column, heading, numeric?).
TABLES: dict[str, tuple[str, tuple[tuple[str, str, bool], ...]]] = {
    "officials": ("Officials", (("doc_id", "article", False), ("name", "name", False),
                                ("titles", "titles", False), ("n_mentions", "mentions", True))),
    "places": ("Places", (("doc_id", "article", False), ("name", "name", False), ("type", "type", False),
                          ("province", "province", False), ("n_mentions", "mentions", True))),
    "indicators": ("Indicators", (("doc_id", "article", False), ("text", "as written", False),
                                  ("value", "value", True), ("unit", "unit", False), ("of", "of", True),
                                  ("per", "per", False), ("measure", "measure", False),
                                  ("qualifier", "qualifier", False))),
    "directives": ("Directives", (("doc_id", "article", False), ("verb", "verb", False), ("text", "text", False),
                                  ("issuer", "issuer", False), ("addressees", "addressees", False),
                                  ("deadline", "deadline", False))),
}

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#222}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em}h3{font-size:1.05em;margin:.2em 0}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em;font-size:.9em}
th,td{border-bottom:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f4f4f4;position:sticky;top:0;user-select:none}
th[data-sort=asc]::after{content:" ▲"}th[data-sort=desc]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
input.filter{width:20em;padding:.2em .4em;margin:.2em 0}
.table-box{max-height:28em;overflow:auto}
section.doc{border-top:2px solid #ccc;margin-top:1.5em;padding-top:.5em}
.meta{color:#666;font-size:.85em}
.text{white-space:pre-wrap;line-height:2.1}
mark{padding:.1em .15em;border-radius:.25em;color:inherit}
mark mark{padding:.05em .1em}
mark:target{outline:3px solid #e63946}
.legend mark{margin-right:.4em}
.problems{color:#a33;font-size:.85em}
"""

SCRIPT = """
for (const table of document.querySelectorAll("table.sortable")) {
  const body = table.tBodies[0];
  table.querySelectorAll("th").forEach((th, column) => th.addEventListener("click", () => {
    const ascending = th.dataset.sort !== "asc";
    table.querySelectorAll("th").forEach(h => delete h.dataset.sort);
    th.dataset.sort = ascending ? "asc" : "desc";
    const numeric = th.dataset.type === "num";
    const key = row => { const cell = row.cells[column]; return cell.dataset.v ?? cell.textContent; };
    const rows = Array.from(body.rows).sort((a, b) => {
      let x = key(a), y = key(b);
      if (numeric) {
        x = x === "" ? Infinity : Number(x); y = y === "" ? Infinity : Number(y);
        return ascending ? x - y : y - x;
      }
      return ascending ? x.localeCompare(y, "vi") : y.localeCompare(x, "vi");
    });
    body.append(...rows);
  }));
}
for (const input of document.querySelectorAll("input.filter")) {
  const table = document.getElementById(input.dataset.table);
  input.addEventListener("input", () => {
    const needle = input.value.toLowerCase();
    for (const row of table.tBodies[0].rows) row.hidden = !row.textContent.toLowerCase().includes(needle);
  });
}
"""


def _escape(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e18:
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.6g}".replace(",", " ")


def anchor_of(document: int, found: RecordSpan) -> str:
    """The HTML id of a highlighted mention (article position, label, offsets)."""
    return f"d{document}-{found.label}-{found.start}-{found.end}"


def _tooltip(found: RecordSpan) -> str:
    item, owner = found.item, found.owner or {}

    def text_of(value: Any) -> str:
        if isinstance(value, Mapping):
            return str(value.get("text") or value.get("name") or "")
        return "" if value is None else str(value)

    if found.label == "PER":
        titles = "; ".join(text_of(t) for t in item.get("titles") or ())
        return f"{text_of(item.get('name'))}" + (f" — {titles}" if titles else "")
    if found.label in ("TITLE", "ORG"):
        expanded = item.get("expanded")
        return " ".join(filter(None, (found.label.lower(), text_of(expanded),
                                      f"of {text_of(owner.get('name'))}" if owner else "")))
    if found.label == "LOC":
        return f"{item.get('type') or '?'}: {text_of(item.get('name'))}"
    if found.label == "INDICATOR":
        value = item.get("value")
        shown = _number(float(value)) if isinstance(value, int | float) and not isinstance(value, bool) else "?"
        of = f" of {item['of']}" if item.get("of") is not None else ""
        per = f" per {text_of(item['per'])}" if item.get("per") else ""
        return f"{shown}{of} {item.get('unit') or ''}{per}".strip()
    if found.label == "DIRECTIVE":
        return f"directive: {item.get('verb') or '?'}"
    if found.label == "EVENT":
        return " ".join(filter(None, ("event", text_of(item.get("type")), text_of(item.get("date")))))
    return found.label.lower()


def highlight(text: str, spans: Sequence[RecordSpan], *, document: int = 0) -> str:
    """`text` as escaped HTML with each span in a `<mark>`; nested where spans nest.

    Where two spans cross (`Chủ tịch UBND huyện` / `huyện Bắc Hà Lâm`) the inner one is closed and
    reopened, so the markup stays well-formed: every piece of a span carries the same `data-k`, and
    the pieces' text, joined, is the span's text.
    """
    shown = [s for s in spans if s.problem is None]
    starts: dict[int, list[int]] = {}
    ends: dict[int, set[int]] = {}
    for k, found in enumerate(shown):
        starts.setdefault(found.start, []).append(k)
        ends.setdefault(found.end, set()).add(k)
    anchors_used: set[str] = set()
    out: list[str] = []
    stack: list[int] = []

    def open_mark(k: int, *, first: bool) -> None:
        found = shown[k]
        anchor = anchor_of(document, found)
        id_attribute = ""
        if first and anchor not in anchors_used:
            anchors_used.add(anchor)
            id_attribute = f' id="{_escape(anchor)}"'
        colour = LABEL_COLORS.get(found.label, "#eee")
        out.append(f'<mark{id_attribute} class="e {found.label}" data-k="{k}" data-label="{found.label}" '
                   f'data-group="{found.group}" data-start="{found.start}" data-end="{found.end}" '
                   f'style="background:{colour}" title="{_escape(_tooltip(found))}">')
        stack.append(k)

    cursor = 0
    for position in sorted(set(starts) | set(ends)):
        out.append(html.escape(text[cursor:position], quote=False))
        cursor = position
        closing = ends.get(position, set())
        reopen: list[int] = []
        while closing & set(stack):
            k = stack.pop()
            out.append("</mark>")
            if k not in closing:
                reopen.append(k)
        for k in reversed(reopen):
            open_mark(k, first=False)
        for k in sorted(starts.get(position, ()), key=lambda k: (-shown[k].end, k)):
            open_mark(k, first=True)
    out.append(html.escape(text[cursor:], quote=False))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _cell(value: Any, numeric: bool) -> str:
    if value is None or (not isinstance(value, str) and value != value):  # NA or NaN
        return '<td class="num" data-v=""></td>' if numeric else "<td></td>"
    try:
        import pandas as pd

        if value is pd.NA:
            return '<td class="num" data-v=""></td>' if numeric else "<td></td>"
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    if numeric:
        number = float(value)
        return f'<td class="num" data-v="{number!r}">{_escape(_number(number))}</td>'
    return f"<td>{_escape(value)}</td>"


Anchors = dict[tuple[int, str], list[tuple[int, int]]]  # (article, label) -> highlighted (start, end)


def _anchor_for(anchors: Anchors, position: int | None, label: str, start: Any, end: Any) -> str | None:
    """The id of the mark a table row points to: the same offsets, else the first mention that contains
    them (a place record's offsets are its name's, its mentions include the prefix: `huyện Quan Sơn`)."""
    if position is None or not isinstance(start, int) or not isinstance(end, int):
        return None
    marks = anchors.get((position, label), [])
    if (start, end) in marks:
        return f"d{position}-{label}-{start}-{end}"
    for mark_start, mark_end in marks:
        if mark_start <= start and end <= mark_end:
            return f"d{position}-{label}-{mark_start}-{mark_end}"
    return None


def _table(name: str, frame: Any, positions: Mapping[str, int], anchors: Anchors) -> str:
    heading, columns = TABLES[name]
    table_id = f"table-{name}"
    head = "".join(f'<th data-type="{"num" if numeric else "text"}">{_escape(label)}</th>'
                   for _, label, numeric in columns) + '<th data-type="num">offset</th>'
    rows = []
    data = frame.to_dict("list")
    for i in range(len(frame)):
        doc_id = data["doc_id"][i]
        position = positions.get(doc_id)
        cells = []
        for column, _, numeric in columns:
            value = data[column][i]
            if column == "doc_id" and position is not None:
                cells.append(f'<td><a href="#doc-{position}">{_escape(value)}</a></td>')
            else:
                cells.append(_cell(value, numeric))
        start, end = data["start"][i], data["end"][i]
        label = {"officials": "PER", "places": "LOC", "indicators": "INDICATOR", "directives": "DIRECTIVE"}[name]
        anchor = _anchor_for(anchors, position, label, start, end)
        if anchor is not None:
            cells.append(f'<td class="num" data-v="{start}"><a href="#{anchor}">{start}</a></td>')
        else:
            cells.append(_cell(start, True))
        rows.append(f'<tr data-doc="{_escape(doc_id)}">{"".join(cells)}</tr>')
    return (f'<h2 id="{name}">{_escape(heading)} ({len(frame)})</h2>\n'
            f'<input class="filter" data-table="{table_id}" placeholder="filter {name}…" aria-label="filter {name}">\n'
            f'<div class="table-box"><table id="{table_id}" class="sortable"><thead><tr>{head}</tr></thead>'
            f'<tbody>\n{chr(10).join(rows)}\n</tbody></table></div>')


def _article(position: int, record: Mapping[str, Any]) -> tuple[str, Anchors]:
    spans = record_spans(record)
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    body = highlight(text, spans, document=position)
    anchors: Anchors = {}
    for found in spans:
        if found.problem is None:
            anchors.setdefault((position, found.label), []).append((found.start, found.end))
    source = record.get("source") if isinstance(record.get("source"), Mapping) else {}
    event = record.get("event") if isinstance(record.get("event"), Mapping) else {}
    authors = ", ".join(str(a.get("name") if isinstance(a, Mapping) else a) for a in record.get("authors") or ())
    meta = " · ".join(_escape(part) for part in (
        record.get("doc_id"), source.get("path"), f"event date: {event.get('date') or '—'}",
        f"authors: {authors or '—'}") if part)
    problems = [s for s in spans if s.problem is not None]
    problem_note = ""
    if problems:
        listed = "; ".join(f"{s.group}: {_escape(_tooltip(s))} ({_escape(s.problem)})" for s in problems)
        problem_note = f'<p class="problems">Not highlighted: {listed}</p>'
    title = record.get("title") or record.get("doc_id")
    return (f'<section class="doc" id="doc-{position}">\n<h3>{_escape(title)}</h3>\n<p class="meta">{meta}</p>\n'
            f'{problem_note}<div class="text">{body}</div>\n</section>'), anchors


def _errors_table(errors: Sequence[Mapping[str, Any]]) -> str:
    if not errors:
        return ""
    rows = "\n".join(
        f"<tr><td>{_escape(e.get('doc_id', ''))}</td><td>{_escape((e.get('source') or {}).get('path', ''))}</td>"
        f"<td>{_escape((e.get('error') or {}).get('type', ''))}</td>"
        f"<td>{_escape((e.get('error') or {}).get('message', ''))}</td></tr>" for e in errors)
    return (f'<h2 id="errors">Files not read ({len(errors)})</h2>\n'
            '<div class="table-box"><table id="table-errors" class="sortable">'
            f"<thead><tr><th>article</th><th>path</th><th>error</th><th>message</th></tr></thead>"
            f"<tbody>\n{rows}\n</tbody></table></div>")


def render_report(records: Iterable[Mapping[str, Any]], *, errors: Sequence[Mapping[str, Any]] = (),
                  title: str = "vn-gov-news run") -> str:
    """The report page for output documents (a run's JSON or `Document.to_dict()`s), as one HTML string."""
    records = [r for r in records if "error" not in r]
    frames = to_frames(records)
    positions: dict[str, int] = {}
    for position, record in enumerate(records):
        positions.setdefault(str(record.get("doc_id")), position)
    articles: list[str] = []
    anchors: Anchors = {}
    for position, record in enumerate(records):
        markup, found = _article(position, record)
        articles.append(markup)
        anchors.update(found)
    legend = " ".join(f'<mark style="background:{colour}">{_escape(label)}</mark>'
                      for label, colour in LABEL_COLORS.items())
    counts = ", ".join(f'<a href="#{name}">{len(frames[name])} {name}</a>' for name in TABLES)
    contents = "\n".join(
        f'<li><a href="#doc-{p}">{_escape(r.get("doc_id"))}</a> — {_escape(r.get("title") or "")}</li>'
        for p, r in enumerate(records))
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        f"<h1>{_escape(title)}</h1>",
        f"<p>{len(records)} articles, {len(errors)} files not read: {counts}.</p>",
        f'<p class="legend">{legend}</p>',
        *(_table(name, frames[name], positions, anchors) for name in TABLES),
        _errors_table(errors),
        f'<h2 id="articles">Articles ({len(records)})</h2>', f"<ol>{contents}</ol>",
        *articles,
        f"<script>{SCRIPT}</script>", "</body>", "</html>", ""])


def read_errors(folder: str | os.PathLike[str]) -> list[dict[str, Any]]:
    path = Path(folder) / "errors.jsonl"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def write_report(output_folder: str | os.PathLike[str], html_path: str | os.PathLike[str]) -> Path:
    """Write the report page of a run's output folder to `html_path` (atomically) and return its path."""
    from .runner import write_atomic

    folder = Path(output_folder)
    page = render_report(read_records(folder), errors=read_errors(folder), title=f"vn-gov-news: {folder.name}")
    target = Path(html_path)
    write_atomic(target, page)
    return target
