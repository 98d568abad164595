from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from pipeline import runner
from pipeline.runner import Task, process_file, run
from tests.legacy import to_cp1258, to_tcvn3, to_vni

ARTICLE = ("Huyện {name} họp phiên thường kỳ\n\nSáng {day}/3/2024, UBND huyện {name} tổ chức phiên họp. "
           "Tổng thu ngân sách đạt {money} tỷ đồng, tăng 5% so với cùng kỳ; {households} hộ thoát nghèo.\n\nMinh Hà")


def article(i: int) -> str:
    names = ["Mường Khương", "Bát Xát", "Si Ma Cai", "Bắc Hà", "Văn Bàn", "Bảo Yên"]
    return ARTICLE.format(name=names[i % len(names)], day=1 + i % 28, money=f"{100 + i},5", households=10 + i)


def outputs(out: Path) -> dict[str, str]:
    """Every output file's content, except the manifest (it records timings and run order)."""
    return {p.relative_to(out).as_posix(): p.read_bytes().decode("utf-8") for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != runner.MANIFEST and p.suffix != ".parquet"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "bai viet"
    (folder / "tỉnh Lào Cai").mkdir(parents=True)
    for i in range(12):
        (folder / "tỉnh Lào Cai" / f"bài {i:02d}.txt").write_text(article(i), encoding="utf-8")
    return folder


def test_runner_bad_files_become_error_records_never_a_crash(tmp_path, seed_path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    text = seed_path.read_text(encoding="utf-8")
    files = {
        "binary.txt": bytes(range(256)) * 20,
        "empty.txt": b"   \n ",
        "zero.txt": b"",
        "invalid-utf8.txt": b"\xc3\x28\xa0\xa1 \xe2\x28\xa1 " * 60,
        "utf16.txt": text.encode("utf-16"),
        "windows-1258.txt": to_cp1258(text),
        "tcvn3.txt": to_tcvn3(text),
        "vni.txt": to_vni(text),
        "nfd.txt": unicodedata.normalize("NFD", text).encode("utf-8"),
        "scripts.html": b"<html><head><script>alert('x')</script></head><body><article><p>"
                        + text.split("\n\n")[1].encode("utf-8") + b"</p></article></body></html>",
        "tên có dấu và khoảng trắng.txt": text.encode("utf-8"),
        "records.jsonl": '{"id": "r1", "text": "UBND xã Tân Lập họp."}\n{"bad": 1}\n'.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with open(folder / "huge.txt", "wb") as stream:
        stream.truncate(20 * 1024 * 1024)
    out = tmp_path / "out"
    summary = run([folder], out, workers=2, quiet=True)
    errors = {Path(e["source"]["path"]).name: e["error"]["type"]
              for e in map(json.loads, (out / "errors.jsonl").read_text(encoding="utf-8").splitlines())}
    assert errors == {"binary.txt": "BinaryInputError", "empty.txt": "EmptyArticleError",
                      "zero.txt": "EmptyArticleError", "invalid-utf8.txt": "InputDecodingError",
                      "huge.txt": "InputTooLargeError", "records.jsonl": "InputDecodingError"}
    good = {"utf16", "windows-1258", "tcvn3", "vni", "nfd", "scripts", "tên có dấu và khoảng trắng"}
    for stem in good:
        document = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
        assert "Hội nghị" in document["text"] or "hội nghị" in document["text"], stem
    assert (out / "records" / "r1.json").exists()
    assert summary.articles == len(good) + 1 and summary.errors == 6
    assert not list(out.rglob("*.tmp"))


def test_runner_same_output_for_one_and_many_workers(tmp_path, corpus) -> None:
    run([corpus], tmp_path / "one", workers=1, quiet=True)
    run([corpus], tmp_path / "two", workers=2, quiet=True)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    lines = (tmp_path / "one" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == [f"bài {i:02d}" for i in range(12)]


def test_runner_resume_skips_unchanged_and_redoes_changed(tmp_path, corpus) -> None:
    out = tmp_path / "out"
    first = run([corpus], out, workers=1, quiet=True)
    assert (first.processed, first.skipped) == (12, 0)
    (corpus / "tỉnh Lào Cai" / "bài 03.txt").write_text(article(40), encoding="utf-8")
    (out / "tỉnh Lào Cai" / "bài 05.json").unlink()
    second = run([corpus], out, workers=1, quiet=True)
    assert (second.processed, second.skipped, second.articles) == (2, 10, 12)
    assert "Văn Bàn" in (out / "tỉnh Lào Cai" / "bài 03.json").read_text(encoding="utf-8")


def test_runner_killed_run_completes_on_rerun(tmp_path, corpus) -> None:
    for i in range(12, 40):
        (corpus / f"thêm {i}.txt").write_text(article(i), encoding="utf-8")
    clean = tmp_path / "clean"
    run([corpus], clean, workers=1, quiet=True)
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--workers", "1", "--quiet"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.rglob("*.json"))) < 5:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    written = len(list(out.rglob("*.json")))
    assert 5 <= written < 40, "the run was not interrupted part-way"
    assert not (out / "documents.jsonl").exists()
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert outputs(out) == outputs(clean)


def test_runner_time_limit_turns_a_stuck_article_into_an_error(tmp_path, monkeypatch) -> None:
    path = tmp_path / "cham.txt"
    path.write_text("Nội dung bài viết.", encoding="utf-8")

    def stuck(article):
        time.sleep(5)

    monkeypatch.setattr("pipeline.api.extract_article", stuck)
    started = time.monotonic()
    result = process_file(Task(str(path), "cham.txt", "0" * 64), str(tmp_path / "out"), timeout=0.2)
    assert time.monotonic() - started < 2
    assert [e["error"]["type"] for e in result.errors] == ["DocumentTimeoutError"]


def test_runner_dask_engine_matches_local(tmp_path, corpus) -> None:
    pytest.importorskip("dask.distributed")
    run([corpus], tmp_path / "local", workers=1, quiet=True)
    run([corpus], tmp_path / "dask", workers=2, engine="dask", quiet=True)
    assert outputs(tmp_path / "local") == outputs(tmp_path / "dask")


def test_runner_writes_parquet_tables(tmp_path, seed_path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pipeline.frames")
    import pandas as pd

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path, folder)
    out = tmp_path / "out"
    run([folder], out, workers=1, quiet=True)
    documents = pd.read_parquet(out / "tables" / "documents.parquet")
    assert list(documents["doc_id"]) == ["quan-son-2022-06-20"]
    record = json.loads((out / "quan-son-2022-06-20.json").read_text(encoding="utf-8"))
    for name in ("officials", "places", "indicators", "directives"):
        frame = pd.read_parquet(out / "tables" / f"{name}.parquet")
        assert len(frame) == len(record[name]), name
