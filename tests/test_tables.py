from __future__ import annotations

from importlib import resources

import pytest

from pipeline import tables
from pipeline.errors import RuleDataError


@pytest.fixture
def table_file(tmp_path, monkeypatch):
    """Write a table into a temporary language folder and point the loader at it."""

    def write(name: str, text: str) -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return name

    monkeypatch.setattr(tables, "_read", lambda name: (tmp_path / name).read_text(encoding="utf-8"))
    tables.load_table.cache_clear()
    tables.load_words.cache_clear()
    yield write
    tables.load_table.cache_clear()
    tables.load_words.cache_clear()


def test_tables_load_rows_with_comments_and_optional_columns(table_file) -> None:
    name = table_file("t.tsv", "# a comment\nsurface\tunit\tfactor\ntạ/ha\tkg/ha\t100\t# yield\nha\tha\n")
    rows = tables.load_table(name, ("surface", "unit", "factor?"))
    assert rows == ({"surface": "tạ/ha", "unit": "kg/ha", "factor": "100"},
                    {"surface": "ha", "unit": "ha", "factor": ""})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a\tb\nx\ty\n", r"t.tsv:1: header"),
        ("surface\tunit\nx\ty\tz\n", r"t.tsv:2: 3 cells"),
        ("surface\tunit\n\ty\n", r"t.tsv:2: empty required"),
        ("# only a comment\n", r"t.tsv: the table is empty"),
    ],
    ids=["header", "extra-cell", "empty-cell", "no-header"],
)
def test_tables_report_file_and_line(table_file, text: str, message: str) -> None:
    name = table_file("t.tsv", text)
    with pytest.raises(RuleDataError, match=message):
        tables.load_table(name, ("surface", "unit"))


def test_tables_words_are_nfc(table_file) -> None:
    name = table_file("w.txt", "# comment\nHo\u0300a\n\nUy\u0309\n")
    assert tables.load_words(name) == ("Hòa", "Uỷ")


def test_tables_every_shipped_tsv_has_a_header_and_loads() -> None:
    folder = resources.files("pipeline.lang.vi")
    names = [p.name for p in folder.iterdir() if p.name.endswith(".tsv")]
    assert names
    for name in names:
        header = next(line for line in (folder / name).read_text(encoding="utf-8").splitlines()
                      if line.strip() and not line.startswith("#"))
        columns = tuple(c + "?" for c in header.split("\t"))
        rows = tables.load_table(name, columns)
        assert rows, name


def test_tables_missing_file_is_a_rule_data_error() -> None:
    with pytest.raises(RuleDataError, match="missing"):
        tables.load_words("no-such-table.txt")
