from __future__ import annotations

import functools
import inspect
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import pipeline
from pipeline.frames import ALIASES, COLUMNS, FRAMES, read_output, to_frames
from tests.sample_output import corpus_articles, error_output, sample_output

ITEM_FIELDS = ("places", "indicators", "directives")


@functools.cache
def real_records() -> tuple[dict[str, Any], ...]:
    """What the pipeline produces today for a few corpus articles (whatever the extractors find)."""
    return tuple(pipeline.extract_file(path).to_dict() for path in corpus_articles())


def records_cases() -> list[Any]:
    return [pytest.param(lambda: [sample_output()], id="hand-built"),
            pytest.param(lambda: list(real_records()), id="corpus"),
            pytest.param(lambda: [sample_output(), error_output(), *real_records()], id="mixed")]


def is_missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def same(cell: Any, value: Any) -> bool:
    if is_missing(value) or is_missing(cell):
        return is_missing(value) and is_missing(cell)
    if isinstance(value, bool) or isinstance(cell, bool):
        return cell == value
    if isinstance(value, int | float):
        return math.isclose(float(cell), float(value), rel_tol=1e-12)
    return cell == value


def column_for(frame: str, key: str) -> str | None:
    names = [name for name, _ in COLUMNS[frame]]
    for name in names:
        if key in ALIASES.get(name, (name,)) and name != "extra":
            return name
    return None


def check_row(frame: str, row: Mapping[str, Any], item: Any, skip: tuple[str, ...] = ()) -> None:
    """Every key of the record is in its column (same value) or in `extra` (same value): nothing lost."""
    item = item if isinstance(item, Mapping) else {"name" if frame == "officials" else "text": item}
    extra = json.loads(row["extra"]) if not is_missing(row["extra"]) else {}
    for key, value in item.items():
        if key in skip:
            continue
        column = column_for(frame, key)
        if key in extra:
            assert extra[key] == value, (frame, key)
        else:
            assert column is not None, f"{frame}: {key!r} is neither a column nor in extra"
            assert same(row[column], value), (frame, key, row[column], value)
    mentions = item.get("mentions") or []
    start = item.get("start", mentions[0]["start"] if mentions else None)
    end = item.get("end", mentions[0]["end"] if mentions else None)
    assert same(row["start"], start) and same(row["end"], end), (frame, row["start"], row["end"], start, end)


@pytest.mark.parametrize("make", [pytest.param(lambda: [], id="empty"), *records_cases()])
def test_frames_columns_and_dtypes_are_fixed(make) -> None:
    frames = to_frames(make())
    assert tuple(frames) == FRAMES
    for name, frame in frames.items():
        assert list(frame.columns) == [column for column, _ in COLUMNS[name]], name
        assert {c: str(t) for c, t in frame.dtypes.items()} == dict(COLUMNS[name]), name
        assert {"doc_id", "start", "end"} <= set(frame.columns)


@pytest.mark.parametrize("make", records_cases())
def test_frames_one_row_per_record_with_the_same_values(make) -> None:
    records = make()
    frames = {name: frame.to_dict("records") for name, frame in to_frames(records).items()}
    rows = {name: iter(frame) for name, frame in frames.items()}
    total = 0
    for record in records:
        document = next(rows["documents"])
        assert document["doc_id"] == record["doc_id"]
        if "error" in record:
            assert document["error_type"] == record["error"]["type"]
            assert is_missing(document["n_officials"])
            continue
        assert document["text"] == record["text"] and document["end"] == len(record["text"])
        assert same(document["title"], record["title"]) and same(document["event_date"], record["event"]["date"])
        for number, official in enumerate(record["officials"]):
            row = next(rows["officials"])
            assert row["doc_id"] == record["doc_id"] and row["official"] == number
            check_row("officials", row, official, skip=("titles",))
            titles = official.get("titles", [])
            assert row["n_titles"] == len(titles)
            for title in titles:
                title_row = next(rows["titles"])
                assert title_row["official"] == number and title_row["name"] == official["name"]
                check_row("titles", title_row, title)
                total += 1
            total += 1
        for field in ITEM_FIELDS:
            assert document[f"n_{field}"] == len(record[field])
            for item in record[field]:
                row = next(rows[field])
                assert row["doc_id"] == record["doc_id"]
                check_row(field, row, item)
                total += 1
    for name, remaining in rows.items():
        assert next(remaining, None) is None, f"{name} has rows no record made"
    if any("error" not in r and r["doc_id"] == sample_output()["doc_id"] for r in records):
        assert total >= 14  # the hand-built document alone has 14 items: the check cannot pass vacuously


def test_frames_keep_nested_values_in_extra() -> None:
    frames = to_frames(sample_output())
    document = frames["documents"].iloc[0]
    assert (document["event_online"], document["event_organiser"], document["event_chair"]) == (
        False, "UBND huyện Bắc Hà Lâm", "Nguyễn Văn Khải")
    assert (document["home_place"], document["home_province"]) == ("Bắc Hà Lâm", "Hà Sơn Bình")
    assert json.loads(document["extra"])["home_unit"]["type"] == "huyện"
    assert frames["places"]["province"].tolist() == ["Hà Sơn Bình", pd.NA, pd.NA]
    assert frames["places"]["resolved"].tolist() == [True, pd.NA, pd.NA]
    titles = frames["titles"]
    assert titles.loc[0, "organisation"] == "Huyện ủy"
    assert json.loads(titles.loc[0, "extra"])["organisation"]["expanded"] == "Huyện ủy Bắc Hà Lâm"
    directive = frames["directives"].iloc[0]
    assert directive["issuer"] == "Nguyễn Văn Khải" and directive["addressees"] == "các xã"
    assert json.loads(directive["extra"])["addressees"] == ["các xã"]
    assert frames["indicators"]["of"].tolist()[:2] == [pd.NA, 12.0]
    assert frames["officials"]["n_mentions"].tolist() == [2, pd.NA]


def test_frames_accept_documents_and_dicts_alike(seed_doc) -> None:
    from_document = to_frames([seed_doc])
    from_dict = to_frames([seed_doc.to_dict()])
    from_single = to_frames(seed_doc)
    for name in FRAMES:
        pd.testing.assert_frame_equal(from_document[name], from_dict[name])
        pd.testing.assert_frame_equal(from_document[name], from_single[name])


def test_frames_chunks_concatenate_to_the_whole() -> None:
    records = [sample_output(), error_output(), *real_records()]
    whole = to_frames(records)
    chunks = [to_frames(records[:2]), to_frames(records[2:])]
    for name in FRAMES:
        joined = pd.concat([chunk[name] for chunk in chunks], ignore_index=True)
        pd.testing.assert_frame_equal(joined, whole[name])


def test_frames_write_parquet_with_one_schema(tmp_path) -> None:
    pytest.importorskip("pyarrow")
    for name, frame in to_frames([sample_output()]).items():
        frame.to_parquet(tmp_path / f"{name}.parquet")
        back = pd.read_parquet(tmp_path / f"{name}.parquet")
        pd.testing.assert_frame_equal(back, frame)


@pytest.mark.parametrize("bad", [[1], ["text"], [None]], ids=["int", "str", "none"])
def test_frames_reject_what_is_not_a_document(bad) -> None:
    with pytest.raises(TypeError, match="to_frames takes"):
        to_frames(bad)


def write_run_folder(out: Path) -> list[dict[str, Any]]:
    """A run folder as the runner leaves it, plus files read_output must skip."""
    records = [*real_records(), sample_output()]
    for index, record in enumerate(records):
        path = out / ("sub" if index % 2 else "") / f"{record['doc_id']}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (out / "errors.jsonl").write_text(json.dumps(error_output()) + "\n", encoding="utf-8")
    (out / "documents.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({"doc_id": "not-a-document", "text": ""}), encoding="utf-8")
    (out / "x.gold.json").write_text(json.dumps({"doc_id": "gold", "officials": []}), encoding="utf-8")
    (out / ".hidden.json").write_text(json.dumps({"doc_id": "hidden", "text": ""}), encoding="utf-8")
    (out / "stats.json").write_text(json.dumps({"articles": 3}), encoding="utf-8")
    return sorted(records, key=lambda r: str(out / ("sub" if records.index(r) % 2 else "") / f"{r['doc_id']}.json"))


def test_frames_read_output_loads_a_run_folder_back(tmp_path) -> None:
    records = write_run_folder(tmp_path)
    frames = read_output(tmp_path)
    expected = to_frames(records)
    assert frames["documents"]["doc_id"].tolist() == [r["doc_id"] for r in records]
    for name in FRAMES:
        pd.testing.assert_frame_equal(frames[name], expected[name])


def test_frames_read_output_falls_back_to_documents_jsonl(tmp_path) -> None:
    records = [sample_output(), *real_records()]
    (tmp_path / "documents.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                              encoding="utf-8")
    assert read_output(tmp_path)["documents"]["doc_id"].tolist() == [r["doc_id"] for r in records]


def test_frames_read_output_names_a_missing_folder(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="no such folder"):
        read_output(tmp_path / "nowhere")


def test_frames_public_api_end_to_end(tmp_path, seed_path) -> None:
    """extract, extract_file, run, Document.to_dict/to_json, to_frames, read_output: the library as documented."""
    assert list(inspect.signature(pipeline.extract).parameters)[:3] == ["text", "title", "date"]
    for name in ("title", "date"):
        assert inspect.signature(pipeline.extract).parameters[name].kind is inspect.Parameter.KEYWORD_ONLY
    assert list(inspect.signature(pipeline.run).parameters)[:2] == ["inputs", "out"]

    text = seed_path.read_text(encoding="utf-8")
    document = pipeline.extract(text, title="Tiêu đề", date="2022-06-20")
    assert isinstance(document, pipeline.Document)
    assert json.loads(document.to_json()) == document.to_dict()
    from_file = pipeline.extract_file(seed_path)
    assert from_file.doc_id == seed_path.stem and from_file.text == document.text

    pipeline.run([seed_path], tmp_path / "out")
    frames = pipeline.read_output(tmp_path / "out")
    expected = pipeline.to_frames([from_file])
    assert frames["documents"]["doc_id"].tolist() == [seed_path.stem]
    for name in FRAMES:
        pd.testing.assert_frame_equal(frames[name], expected[name])
