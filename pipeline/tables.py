"""Loading the language tables in `pipeline/lang/vi/`.

The tables are UTF-8 TSV files that non-programmers can review in a diff:

    # comment lines start with '#'; blank lines are ignored
    surface	unit	factor          <- the first non-comment line names the columns
    tạ/ha	kg/ha	100	# a comment after a tab-'#' is ignored too

Every table is read once per process (`functools.cache`), never at import, and validated on
load: a malformed line raises `RuleDataError` naming `file:line`. Lists of single words use
`.txt` (one entry per line) and rule examples use YAML (`examples/*.yaml`).
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

import regex

from .errors import RuleDataError

LANG_PACKAGE = "pipeline.lang.vi"


def _read(name: str) -> str:
    try:
        return resources.files(LANG_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuleDataError(f"{name}: the table is missing from {LANG_PACKAGE}; reinstall the package") from exc


def _strip_comment(line: str) -> str:
    if line.lstrip().startswith("#"):
        return ""
    cut = line.find("\t#")
    return line if cut < 0 else line[:cut]


@functools.cache
def load_table(name: str, columns: tuple[str, ...]) -> tuple[dict[str, str], ...]:
    """Rows of a TSV table as dicts keyed by column name.

    `columns` is what the caller expects; a name ending in `?` is optional (may be empty or
    missing at the end of a line). The file's header must list the same columns in order.
    Cell text is NFC-normalized, so a table typed in NFD still matches normalized text.
    """
    names = tuple(c.rstrip("?") for c in columns)
    required = {c for c in columns if not c.endswith("?")}
    rows: list[dict[str, str]] = []
    header: tuple[str, ...] | None = None
    for number, raw in enumerate(_read(name).splitlines(), start=1):
        line = _strip_comment(raw).rstrip()
        if not line.strip():
            continue
        cells = [unicodedata.normalize("NFC", c.strip()) for c in line.split("\t")]
        if header is None:
            header = tuple(cells)
            if header != names:
                raise RuleDataError(f"{name}:{number}: header {list(header)} should be {list(names)}")
            continue
        if len(cells) > len(names):
            raise RuleDataError(f"{name}:{number}: {len(cells)} cells, the table has {len(names)} columns "
                                f"({'/'.join(names)}); is a tab missing or extra?")
        row = dict(zip(names, cells + [""] * (len(names) - len(cells)), strict=True))
        empty = [c for c in required if not row[c]]
        if empty:
            raise RuleDataError(f"{name}:{number}: empty required column(s) {empty}")
        rows.append(row)
    if header is None:
        raise RuleDataError(f"{name}: the table is empty (no header line)")
    return tuple(rows)


@functools.cache
def load_words(name: str) -> tuple[str, ...]:
    """A one-entry-per-line list (`#` comments allowed), NFC-normalized, order kept."""
    words = []
    for raw in _read(name).splitlines():
        line = _strip_comment(raw).strip()
        if line:
            words.append(unicodedata.normalize("NFC", line))
    return tuple(words)


@functools.cache
def load_yaml(name: str) -> Any:
    """A YAML file of the language package (rule examples and nested rule data)."""
    import yaml

    try:
        return yaml.safe_load(_read(name))
    except yaml.YAMLError as exc:
        raise RuleDataError(f"{name}: invalid YAML: {exc}") from exc


def table_float(row: dict[str, str], column: str, *, table: str) -> float:
    """A numeric cell, with an error that names the table when it is not a number."""
    try:
        return float(row[column])
    except ValueError as exc:
        raise RuleDataError(f"{table}: {column}={row[column]!r} is not a number (row {row})") from exc


def build_automaton(entries: Iterable[tuple[str, Any]]) -> Any:
    """An Aho-Corasick automaton (pyahocorasick) of `(key, value)` entries, a later key's value replacing an
    earlier one's: the one-pass search over a whole article that the stages share (build it once, cached)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key, value in entries:
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


def finditer_at(pattern: regex.Pattern[str], text: str, starts: list[int] | None, pos: int = 0,
                endpos: int | None = None) -> Iterator[regex.Match[str]]:
    """`pattern.finditer(text, pos, endpos)` (its matches never empty), tried only at `starts`: the sorted
    positions where a match may begin (found by one automaton pass), or every position when None. A start
    inside the match before is skipped, as the pattern's own scan would."""
    endpos = len(text) if endpos is None else endpos
    if starts is None:
        yield from pattern.finditer(text, pos, endpos)
        return
    reach = pos
    for k in range(bisect.bisect_left(starts, pos), len(starts)):
        start = starts[k]
        if start >= endpos:
            break
        if start < reach:
            continue
        match = pattern.match(text, start, endpos)
        if match is not None:
            yield match
            reach = match.end()
