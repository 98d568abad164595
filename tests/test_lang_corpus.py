"""Every example of every rule table (pipeline/lang/vi/examples/*.yaml) runs as a test.

An examples file names the output field it exercises and lists, Duckling-style:

    field: indicators
    examples:
      - expect: {value: 5820, unit: kg/ha}        # exactly one record, with these keys
        texts: ["58,2 tạ/ha", "năng suất đạt 58,2 tạ/ha"]
      - expect: [{name: Viêng Xay, type: foreign}, {name: Sầm Tớ, type: foreign}]   # exactly these
        texts: ["với các huyện Viêng Xay, Sầm Tớ"]
    negative: ["Kỳ họp thứ 12"]                   # no record at all
    xfail:                                        # should pass, does not yet (strict)
      - expect: {value: 1200000, unit: VND}
        texts: ["một triệu hai trăm nghìn đồng"]

Each text is run through the whole pipeline (`pipeline.extract`) and the field of its output is
compared: strings exactly (NFC), numbers to 1e-6, a list of strings against a list of records'
`text`s. Test ids are the example texts.
"""

from __future__ import annotations

import math
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

import pytest
import yaml

import pipeline

EXAMPLES = resources.files("pipeline.lang.vi").joinpath("examples")


def _load() -> list[tuple[str, dict[str, Any]]]:
    files = sorted(p for p in EXAMPLES.iterdir() if p.name.endswith(".yaml"))
    return [(p.name, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in files]


def _cases(kind: str) -> list[Any]:
    cases = []
    for name, data in _load():
        field = data["field"]
        if kind == "negative":
            cases += [pytest.param(field, text, id=f"{name}:{text}") for text in data.get("negative", [])]
            continue
        marks = [pytest.mark.xfail(strict=True)] if kind == "xfail" else []
        for entry in data.get(kind, []):
            for text in entry["texts"]:
                cases.append(pytest.param(field, entry["expect"], text, id=f"{name}:{text}", marks=marks))
    return cases


@cache
def _records(field: str, text: str) -> tuple[Any, ...]:
    doc = pipeline.extract(text)
    for spans in doc.spans.values():
        for span in spans:
            assert doc.text[span.start:span.end] == span.text
    value = doc.to_dict()[field]
    if isinstance(value, dict):  # the event: one record, "nothing found" when every value is empty
        return (value,) if any(v not in (None, [], {}, False) for v in value.values()) else ()
    return tuple(value)


def same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, str):
        if isinstance(actual, dict):
            actual = actual.get("text", actual.get("name"))
        return isinstance(actual, str) and unicodedata.normalize("NFC", expected) == actual
    if isinstance(expected, bool) or expected is None:
        return expected == actual
    if isinstance(expected, (int, float)):
        return isinstance(actual, (int, float)) and math.isclose(expected, actual, rel_tol=1e-6, abs_tol=1e-9)
    if isinstance(expected, list):
        return isinstance(actual, list) and len(expected) == len(actual) and all(map(same, expected, actual))
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and same(v, actual[k]) for k, v in expected.items())
    return expected == actual


def check(field: str, expect: Any, text: str) -> None:
    records = list(_records(field, text))
    wanted = expect if isinstance(expect, list) else [expect]
    assert len(records) == len(wanted), f"{len(records)} {field} found, expected {len(wanted)}: {records}"
    for want, got in zip(wanted, records, strict=True):
        assert same(want, got), f"expected {want}, got {got}"


@pytest.mark.parametrize(("field", "expect", "text"), _cases("examples"))
def test_lang_corpus_example(field: str, expect: Any, text: str) -> None:
    check(field, expect, text)


@pytest.mark.parametrize(("field", "text"), _cases("negative"))
def test_lang_corpus_negative(field: str, text: str) -> None:
    records = _records(field, text)
    assert records == (), f"expected no {field}, found {records}"


@pytest.mark.parametrize(("field", "expect", "text"), _cases("xfail"))
def test_lang_corpus_xfail(field: str, expect: Any, text: str) -> None:
    check(field, expect, text)


def test_lang_corpus_files_name_a_field() -> None:
    fields = {"officials", "authors", "places", "indicators", "directives", "event"}
    for name, data in _load():
        assert data.get("field") in fields, f"{name}: 'field' must be one of {sorted(fields)}"
        assert data.get("examples"), f"{name}: no examples"
