"""The gold files of the repository's corpora follow the annotation guide (shared/eval/GUIDE.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate import check_gold, gold_files

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
GOLD = gold_files(CORPORA)


def test_corpus_gold_has_the_promised_size() -> None:
    parts = {p.parent.name for p in GOLD}
    assert {"seed", "train", "test"} <= parts
    assert sum(p.parent.name in ("train", "test") for p in GOLD) >= 40
    assert sum(p.parent.name == "test" for p in GOLD) >= 10


@pytest.mark.parametrize("path", GOLD, ids=[p.name[: -len(".gold.json")] for p in GOLD])
def test_corpus_gold_follows_the_guide(path: Path) -> None:
    assert check_gold(path) == []


def test_corpus_gold_check_finds_problems(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("UBND xã Tân Lập họp.", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(
        '{"id": "b", "url": null, "event_date": "5/3/2024", "officials": [], "authors": [],'
        ' "places": [{"name": "Tân Lập", "type": "commune"}],'
        ' "indicators": [{"text": "5 hộ", "value": 5, "unit": "Hộ"}],'
        ' "directives": [{"verb": "Yêu cầu", "text": "họp."}]}', encoding="utf-8")
    problems = check_gold(tmp_path / "a.gold.json")
    assert len(problems) == 7, problems
