from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from pipeline.evaluate import check_gold, comparison_key, evaluate, same_directive, same_indicator, score_document

SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Uỷ viên BTV Huyện ủy", "ủy viên ban thường vụ huyện uỷ"), ("UBND  tỉnh", "Ủy ban nhân dân tỉnh"),
     ("TP. Lào Cai", "thành phố Lào Cai")],
)
def test_evaluate_comparison_key_ignores_writing(a: str, b: str) -> None:
    assert comparison_key(a) == comparison_key(b)


def test_evaluate_indicator_and_directive_matching() -> None:
    assert same_indicator({"value": 5820, "unit": "kg/ha"}, {"value": 5820.0000001, "unit": "kg/ha"})
    assert not same_indicator({"value": 10, "unit": "xã", "of": 12}, {"value": 10, "unit": "xã", "of": 11})
    assert same_directive({"text": "các xã đẩy mạnh tuyên truyền"},
                          {"text": "các xã đẩy mạnh tuyên truyền để dân biết"})
    assert not same_directive({"text": "các xã đẩy mạnh tuyên truyền"}, {"text": "rà soát chỉ tiêu kinh tế"})


def test_evaluate_score_document_counts_hits_misses_and_extras() -> None:
    gold = {"id": "a", "event_date": "2024-01-02", "authors": ["Minh Hà"],
            "officials": [{"name": "Lê Văn A", "titles": ["Chủ tịch UBND xã", "Bí thư Đảng ủy xã"]}],
            "places": [{"name": "Tân Lập", "type": "xã"}], "indicators": [], "directives": []}
    doc = {"event": {"date": "2024-01-03"}, "authors": [{"name": "Minh Hà"}],
           "officials": [{"name": "Lê Văn A", "titles": [{"text": "Chủ tịch UBND xã"}]},
                         {"name": "Trần B", "titles": []}],
           "places": [{"name": "Tân Lập", "type": "huyện"}], "indicators": [{"value": 1, "unit": "hộ"}],
           "directives": []}
    t = score_document(gold, doc)
    assert (t["officials"].tp, t["officials"].fp, t["officials"].fn) == (1, 1, 0)
    assert (t["official_titles"].tp, t["official_titles"].fn) == (1, 1)
    assert (t["places"].tp, t["place_types"].tp, t["place_types"].fp) == (1, 0, 1)
    assert (t["indicators"].fp, t["event_date"].fp, t["event_date"].fn) == (1, 1, 1)
    assert t["authors"].f1 == 1.0


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared scorer lives outside the repository")
def test_evaluate_agrees_with_the_shared_scorer(tmp_path, seed_doc) -> None:
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold_dir = Path(__file__).resolve().parents[1] / "corpora" / "seed"
    (tmp_path / "quan-son-2022-06-20.json").write_text(json.dumps(seed_doc.to_dict(), ensure_ascii=False), "utf-8")
    theirs = module.score(gold_dir, tmp_path)
    ours = evaluate(gold_dir, lambda article: seed_doc.to_dict())["all"].to_dict()
    assert ours["fields"] == theirs["fields"]
    assert ours["macro_f1"] == theirs["macro_f1"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1258"])
def test_evaluate_check_gold_reads_articles_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    from tests.legacy import to_cp1258

    text = "Họp bàn\n\nSáng 3/4/2024, UBND huyện Mường Tè họp bàn phòng chống cháy rừng."
    (tmp_path / "a.txt").write_bytes(to_cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    gold = {"id": "a", "url": None, "event_date": "2024-04-03", "officials": [], "authors": [], "places":
            [{"name": "Mường Tè", "type": "huyện"}], "indicators": [], "directives": []}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert check_gold(tmp_path / "a.gold.json") == []
    gold["places"] = [{"name": "Mường Nhé", "type": "huyện"}]  # not in the article: the check says so
    (tmp_path / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert check_gold(tmp_path / "a.gold.json") != []
