"""Tidy tables of a run: `to_frames(documents)` and `read_output(folder)`.

One pandas DataFrame per kind of item, one row per item, typed columns (pandas' nullable dtypes:
`string`, `Int64`, `Float64`, `boolean`), in a fixed order even when a frame is empty, so frames
of several batches concatenate and write to Parquet with one schema:

    documents   one row per article (or per error record of a batch run)
    officials   one row per official record        (`official` numbers them within the article)
    titles      one row per title of each official (`official` joins it to `officials`)
    places      one row per place record
    indicators  one row per indicator record
    directives  one row per directive record

Every frame has `doc_id` and the item's `start`/`end` offsets into the article's normalized
`text` (`<NA>` where the record has none). A record's keys that no column holds, and values a
typed column cannot hold, are kept as JSON in the `extra` column, so nothing a stage adds is lost:
add a column to `COLUMNS` when such a key becomes part of the contract.

    >>> frames = to_frames([{"doc_id": "a", "text": "Hộ nghèo giảm 36 hộ.",
    ...                      "indicators": [{"text": "36 hộ", "value": 36, "unit": "hộ", "start": 14, "end": 19}]}])
    >>> frames["indicators"][["doc_id", "value", "unit", "start", "end"]].to_dict("records")
    [{'doc_id': 'a', 'value': 36.0, 'unit': 'hộ', 'start': 14, 'end': 19}]

pandas is imported on first use, not when the package is imported.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas

STRING, INT, FLOAT, BOOL = "string", "Int64", "Float64", "boolean"

# (column, dtype) per frame, in output order. `doc_id` first, offsets and `extra` last.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", STRING), ("path", STRING), ("sha256", STRING), ("encoding", STRING), ("format", STRING),
        ("url", STRING), ("schema_version", STRING), ("pipeline_version", STRING), ("title", STRING),
        ("event_date", STRING), ("event_type", STRING), ("event_online", BOOL), ("event_organiser", STRING),
        ("event_chair", STRING), ("home_place", STRING), ("home_type", STRING), ("home_province", STRING),
        ("authors", STRING), ("n_authors", INT),
        ("n_officials", INT), ("n_titles", INT), ("n_places", INT), ("n_indicators", INT),
        ("n_directives", INT), ("characters", INT), ("paragraphs", INT), ("sentences", INT), ("tokens", INT),
        ("n_warnings", INT), ("warnings", STRING), ("error_type", STRING), ("error", STRING),
        ("title_start", INT), ("title_end", INT), ("start", INT), ("end", INT), ("text", STRING),
        ("extra", STRING),
    ),
    "officials": (
        ("doc_id", STRING), ("official", INT), ("name", STRING), ("titles", STRING), ("n_titles", INT),
        ("n_mentions", INT), ("parts", STRING), ("start", INT), ("end", INT), ("extra", STRING),
    ),
    "titles": (
        ("doc_id", STRING), ("official", INT), ("name", STRING), ("title", STRING), ("role", STRING),
        ("organisation", STRING), ("organisation_expanded", STRING), ("place", STRING),
        ("start", INT), ("end", INT), ("extra", STRING),
    ),
    "places": (
        ("doc_id", STRING), ("name", STRING), ("type", STRING), ("text", STRING), ("prefix", STRING),
        ("province", STRING), ("code", STRING), ("resolved", BOOL), ("unit_era", STRING), ("country", STRING),
        ("n_mentions", INT), ("start", INT), ("end", INT), ("extra", STRING),
    ),
    "indicators": (
        ("doc_id", STRING), ("text", STRING), ("value", FLOAT), ("unit", STRING), ("of", FLOAT),
        ("per", STRING), ("raw_value", STRING), ("raw_unit", STRING), ("measure", STRING), ("qualifier", STRING),
        ("change", STRING), ("compared_to", STRING), ("period", STRING), ("start", INT), ("end", INT),
        ("extra", STRING),
    ),
    "directives": (
        ("doc_id", STRING), ("verb", STRING), ("text", STRING), ("issuer", STRING), ("addressees", STRING),
        ("action", STRING), ("deadline", STRING), ("start", INT), ("end", INT), ("extra", STRING),
    ),
}
FRAMES: tuple[str, ...] = tuple(COLUMNS)

# Where a column's value comes from when the record names it differently (first key present wins).
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("text", "title"),
    "organisation": ("organisation", "organization"),
    "addressees": ("addressees", "addressee"),
    "per": ("per", "divisor"),
}
# Files of a run folder that are not per-article documents.
_NOT_DOCUMENTS = ("errors.jsonl", "documents.jsonl")


def _as_str(value: Any) -> str | None:
    """A string column's value: strings as they are, a named object by its text or name, a list joined."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    if isinstance(value, Mapping):
        for key in ("text", "name", "value"):
            if isinstance(value.get(key), str):
                return value[key]
        return _json(value)
    if isinstance(value, list | tuple):
        parts = [_as_str(v) for v in value]
        return "; ".join(p for p in parts if p is not None)
    return str(value)


def _is_plain(value: Any) -> bool:
    """Whether a string column holds `value` without loss (else it is also kept in `extra`)."""
    return value is None or isinstance(value, str)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _as_float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _as_bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


_CONVERT = {STRING: _as_str, INT: _as_int, FLOAT: _as_float, BOOL: _as_bool}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _offsets(item: Mapping[str, Any]) -> tuple[int | None, int | None]:
    """The item's `start`/`end`; an item known only by its mentions takes its first mention's."""
    start, end = _as_int(item.get("start")), _as_int(item.get("end"))
    if start is None or end is None:
        for mention in item.get("mentions") or ():
            if isinstance(mention, Mapping) and _as_int(mention.get("start")) is not None:
                return _as_int(mention.get("start")), _as_int(mention.get("end"))
    return start, end


def _as_item(item: Any, key: str) -> dict[str, Any]:
    """An item as a mapping: a bare string (a gold-style title or author) becomes {key: string}."""
    if isinstance(item, Mapping):
        return dict(item)
    return {key: item}


def _items(record: Mapping[str, Any], field: str) -> list[Any]:
    value = record.get(field)
    return list(value) if isinstance(value, list | tuple) else []


class _Table:
    """Column lists of one frame, filled row by row, turned into a DataFrame once."""

    def __init__(self, frame: str) -> None:
        self.columns = COLUMNS[frame]
        self.names = {name for name, _ in self.columns}
        self.data: dict[str, list[Any]] = {name: [] for name, _ in self.columns}

    def add(self, item: Mapping[str, Any], **fixed: Any) -> None:
        """One row: `fixed` values first, then the item's keys for the remaining columns, the rest to `extra`."""
        used: set[str] = {"start", "end"}
        extra: dict[str, Any] = {}
        start, end = _offsets(item)
        row: dict[str, Any] = {"start": start, "end": end, **fixed}
        for name, dtype in self.columns:
            if name in row or name == "extra":
                continue
            for key in ALIASES.get(name, (name,)):
                if key in item:
                    value = item[key]
                    used.add(key)
                    converted = _CONVERT[dtype](value)
                    row[name] = converted
                    if (dtype == STRING and not _is_plain(value)) or (converted is None and value is not None):
                        extra[key] = value  # the column holds a summary or nothing: keep the original too
                    break
        for key, value in item.items():
            if key not in used and (key not in self.names or key in fixed):
                extra[key] = value
        if "mentions" in item and "n_mentions" in self.names and row.get("n_mentions") is None:
            row["n_mentions"] = len(item["mentions"]) if isinstance(item["mentions"], list) else None
        if "extra" not in fixed:
            row["extra"] = _json(extra) if extra else None
        for name, dtype in self.columns:
            value = row.get(name)
            self.data[name].append(value if name in fixed or dtype != STRING else _as_str(value))

    def frame(self) -> pandas.DataFrame:
        import pandas as pd

        return pd.DataFrame({name: pd.array(self.data[name], dtype=dtype) for name, dtype in self.columns},
                            columns=[name for name, _ in self.columns])


def _as_record(document: Any) -> Mapping[str, Any]:
    if isinstance(document, Mapping):
        return document
    to_dict = getattr(document, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"to_frames takes Documents or output dicts, not {type(document).__name__}")
    return to_dict()


_DOCUMENT_KEYS = frozenset({
    "schema_version", "pipeline_version", "doc_id", "source", "title", "title_offsets", "event", "authors",
    "officials", "places", "indicators", "directives", "stats", "warnings", "text", "error"})


def _add_document(tables: dict[str, _Table], record: Mapping[str, Any]) -> None:
    doc_id = _as_str(record.get("doc_id"))
    officials = [_as_item(o, "name") for o in _items(record, "officials")]
    titles_per_official = [[_as_item(t, "text") for t in _items(o, "titles")] for o in officials]
    authors = [_as_item(a, "name") for a in _items(record, "authors")]
    source = record.get("source") if isinstance(record.get("source"), Mapping) else {}
    event = record.get("event") if isinstance(record.get("event"), Mapping) else {}
    stats = record.get("stats") if isinstance(record.get("stats"), Mapping) else {}
    title_offsets = record.get("title_offsets") if isinstance(record.get("title_offsets"), Mapping) else {}
    home = record.get("home_unit") if isinstance(record.get("home_unit"), Mapping) else {}
    error = record.get("error") if isinstance(record.get("error"), Mapping) else None
    warnings = [str(w) for w in _items(record, "warnings")]
    text = record.get("text") if isinstance(record.get("text"), str) else None
    is_error = error is not None
    extra = {k: v for k, v in record.items() if k not in _DOCUMENT_KEYS}
    event_extra = {k: v for k, v in event.items() if k not in ("date", "type")}
    if event_extra:
        extra["event"] = event_extra
    source_extra = {k: v for k, v in source.items() if k not in ("path", "sha256", "encoding", "format", "url")}
    if source_extra:
        extra["source"] = source_extra
    count = (lambda n: None) if is_error else (lambda n: n)  # an error record has no items: unknown, not 0
    tables["documents"].add({}, **{
        "doc_id": doc_id, "path": _as_str(source.get("path")), "sha256": _as_str(source.get("sha256")),
        "encoding": _as_str(source.get("encoding")), "format": _as_str(source.get("format")),
        "url": _as_str(source.get("url")), "schema_version": _as_str(record.get("schema_version")),
        "pipeline_version": _as_str(record.get("pipeline_version")), "title": _as_str(record.get("title")),
        "event_date": _as_str(event.get("date")), "event_type": _as_str(event.get("type")),
        "event_online": _as_bool(event.get("online")), "event_organiser": _as_str(event.get("organiser")),
        "event_chair": _as_str(event.get("chair")), "home_place": _as_str(home.get("name")),
        "home_type": _as_str(home.get("type")), "home_province": _as_str(home.get("province")),
        "authors": None if is_error else "; ".join(filter(None, (_as_str(a.get("name")) for a in authors))),
        "n_authors": count(len(authors)), "n_officials": count(len(officials)),
        "n_titles": count(sum(map(len, titles_per_official))), "n_places": count(len(_items(record, "places"))),
        "n_indicators": count(len(_items(record, "indicators"))),
        "n_directives": count(len(_items(record, "directives"))),
        "characters": _as_int(stats.get("characters")) if stats else (None if text is None else len(text)),
        "paragraphs": _as_int(stats.get("paragraphs")), "sentences": _as_int(stats.get("sentences")),
        "tokens": _as_int(stats.get("tokens")), "n_warnings": count(len(warnings)),
        "warnings": "\n".join(warnings) if warnings else None,
        "error_type": _as_str(error.get("type")) if error else None,
        "error": _as_str(error.get("message")) if error else None,
        "title_start": _as_int(title_offsets.get("start")), "title_end": _as_int(title_offsets.get("end")),
        "start": None if text is None else 0, "end": None if text is None else len(text), "text": text,
        "extra": _json(extra) if extra else None,
    })
    for number, (official, titles) in enumerate(zip(officials, titles_per_official, strict=True)):
        name = _as_str(official.get("name"))
        tables["officials"].add(
            {k: v for k, v in official.items() if k != "titles"}, doc_id=doc_id, official=number,
            titles="; ".join(filter(None, (_as_str(t.get("text")) for t in titles))), n_titles=len(titles))
        for title in titles:
            tables["titles"].add(title, doc_id=doc_id, official=number, name=name)
    for item in _items(record, "places"):
        item = _as_item(item, "name")
        tables["places"].add(item, doc_id=doc_id, province=_province_of(item))
    for field in ("indicators", "directives"):
        for item in _items(record, field):
            tables[field].add(_as_item(item, "text"), doc_id=doc_id)


def _province_of(place: Mapping[str, Any]) -> str | None:
    """The province a place lies in: its own `province`, else the province level of its `hierarchy`."""
    if isinstance(place.get("province"), str):
        return place["province"]
    for unit in place.get("hierarchy") or ():
        if isinstance(unit, Mapping) and unit.get("level") == "province" and isinstance(unit.get("name"), str):
            return unit["name"]
    return None


def to_frames(documents: Iterable[Any] | Any) -> dict[str, pandas.DataFrame]:
    """The frames of `FRAMES` for Documents or output dicts (one of them, or an iterable of them).

    Rows follow the documents' order, then each field's record order; columns and dtypes are those
    of `COLUMNS` whatever the input, so chunks of a large run concatenate without surprises.
    """
    if isinstance(documents, Mapping) or hasattr(documents, "to_dict"):
        documents = [documents]
    tables = {name: _Table(name) for name in FRAMES}
    for document in documents:
        _add_document(tables, _as_record(document))
    return {name: table.frame() for name, table in tables.items()}


def output_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The per-article JSON files of a run folder, sorted by path, without gold files, manifests and dotfiles."""
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder; pass the --out folder of `python -m pipeline run`")
    files = []
    for path in sorted(root.rglob("*.json")):
        relative = path.relative_to(root)
        name = path.name.lower()
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if name.endswith(".gold.json") or "manifest" in name or name in _NOT_DOCUMENTS:
            continue
        files.append(path)
    return files


def read_records(folder: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The output documents of a run folder, in path order.

    Per-article `*.json` files are read (a JSON file that is not an article document is skipped);
    a folder with none but a `documents.jsonl` is read from that instead.
    """
    files = output_files(folder)
    found = False
    for path in files:
        with open(path, encoding="utf-8") as stream:
            record = json.load(stream)
        if isinstance(record, dict) and "doc_id" in record and ("text" in record or "officials" in record):
            found = True
            yield record
    jsonl = Path(folder) / "documents.jsonl"
    if not found and jsonl.is_file():
        with open(jsonl, encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    yield json.loads(line)


def read_output(folder: str | os.PathLike[str]) -> dict[str, pandas.DataFrame]:
    """The frames of a run's output folder (`python -m pipeline run ... --out FOLDER`), as `to_frames` makes them."""
    return to_frames(read_records(folder))


class RecordSpan(NamedTuple):
    """One stretch of an output document to highlight: a mention of an item of one of its fields.

    `group` names the field (`officials`, `titles`, `organisations`, `places`, `indicators`,
    `directives`, `authors`, `event`), `label` the kind shown (`PER`, `TITLE`, `ORG`, `LOC`,
    `INDICATOR`, `DIRECTIVE`, `AUTHOR`, `EVENT`); `problem` says why it cannot be shown (no offsets,
    offsets outside the text), else None. `item` is the record it comes from, `owner` the official
    a title or organisation belongs to.
    """

    group: str
    label: str
    start: int | None
    end: int | None
    item: Mapping[str, Any]
    owner: Mapping[str, Any] | None = None
    problem: str | None = None


SPAN_LABELS: dict[str, str] = {
    "officials": "PER", "titles": "TITLE", "organisations": "ORG", "places": "LOC",
    "indicators": "INDICATOR", "directives": "DIRECTIVE", "authors": "AUTHOR", "event": "EVENT",
}
# One colour per label, shared by displaCy (pipeline.spacy) and the HTML report (pipeline.report).
LABEL_COLORS: dict[str, str] = {
    "PER": "#f4a261", "LOC": "#8ecae6", "ORG": "#cdb4db", "TITLE": "#f7c6c7", "INDICATOR": "#b5e48c",
    "DIRECTIVE": "#ffe066", "AUTHOR": "#d9d9d9", "EVENT": "#a0c4ff",
}


def _mention_offsets(item: Mapping[str, Any]) -> list[tuple[int | None, int | None]]:
    mentions = [m for m in item.get("mentions") or () if isinstance(m, Mapping)]
    if mentions:
        return [(_as_int(m.get("start")), _as_int(m.get("end"))) for m in mentions]
    return [(_as_int(item.get("start")), _as_int(item.get("end")))]


def _locate_within(item: Mapping[str, Any], piece: str) -> dict[str, int] | None:
    """Offsets of `piece` inside an item that has offsets and a text (an organisation inside its title)."""
    start, text = _as_int(item.get("start")), item.get("text")
    if start is None or not isinstance(text, str):
        return None
    index = text.rfind(piece)  # the organisation ends a title: "Phó Chủ tịch UBND huyện"
    return None if index < 0 else {"start": start + index, "end": start + index + len(piece)}


def record_spans(record: Mapping[str, Any]) -> list[RecordSpan]:
    """Every mention of every item of an output document (Document.to_dict() or a run's JSON), in field order.

    An item with `mentions` gives one span per mention, else one for its own `start`/`end`. A title's
    organisation given as a string is located inside the title's text (`UBND huyện` in
    `Chủ tịch UBND huyện`).
    """
    size = len(record["text"]) if isinstance(record.get("text"), str) else None
    found: list[RecordSpan] = []

    def add(group: str, item: Mapping[str, Any], owner: Mapping[str, Any] | None = None) -> None:
        for start, end in _mention_offsets(item):
            problem = None
            if start is None or end is None:
                problem = "the record has no start/end offsets"
            elif size is None:
                problem = "the output has no text"
            elif not 0 <= start < end <= size:
                problem = f"offsets {start}:{end} outside a text of {size} characters"
            found.append(RecordSpan(group, SPAN_LABELS[group], start, end, item, owner, problem))

    for official in _items(record, "officials"):
        official = _as_item(official, "name")
        add("officials", official)
        for title in _items(official, "titles"):
            title = _as_item(title, "text")
            add("titles", title, official)
            organisation = title.get("organisation")
            if isinstance(organisation, Mapping) and "start" in organisation:
                add("organisations", organisation, official)
            elif isinstance(organisation, str) and organisation:
                located = _locate_within(title, organisation)
                if located is not None:
                    add("organisations", {"text": organisation, "expanded": title.get("organisation_expanded"),
                                          **located}, official)
    for organisation in _items(record, "organisations"):
        add("organisations", _as_item(organisation, "text"))
    for group in ("places", "indicators", "directives", "authors"):
        for item in _items(record, group):
            add(group, _as_item(item, "name" if group in ("places", "authors") else "text"))
    event = record.get("event")
    if isinstance(event, Mapping) and ("start" in event or "mentions" in event):
        add("event", event)
    return found
