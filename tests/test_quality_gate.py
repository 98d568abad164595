"""The quality gate: per-field F1 on the repository's gold corpora may not drop below stored floors.

Floors live in tests/quality_floors.json, per corpus part. Raise them as quality rises (never lower
one without saying why in the commit): `python -m pipeline eval corpora --json` prints the figures.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from pipeline.api import extract_file
from pipeline.evaluate import FIELDS, MAIN_FIELDS, Report, evaluate

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text(encoding="utf-8"))


@cache
def report(part: str) -> Report:
    return evaluate(ROOT / "corpora" / part, lambda article: extract_file(article).to_dict())["all"]


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_quality_gate_no_field_below_its_floor(part: str) -> None:
    figures = report(part)
    below = {name: (round(figures.fields[name].f1, 4), floor) for name, floor in FLOORS[part].items()
             if figures.fields[name].f1 + 1e-9 < floor}
    assert not below, f"{part}: F1 below the floor (got, floor): {below}\n{figures.format()}"


def test_quality_gate_floors_cover_every_field_and_mean_something() -> None:
    for part, floors in FLOORS.items():
        assert set(floors) == set(FIELDS), part
        assert all(floors[name] >= 0.5 for name in MAIN_FIELDS), f"{part}: a floor under 0.5 gates nothing"
