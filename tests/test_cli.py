from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False)


def test_cli_run_writes_one_json_per_article_and_an_error_record(tmp_path, seed_path) -> None:
    articles = tmp_path / "articles"
    (articles / "sub").mkdir(parents=True)
    shutil.copy(seed_path, articles / "sub" / seed_path.name)
    shutil.copy(seed_path.with_name(seed_path.stem + ".gold.json"), articles / "sub")
    (articles / "empty.txt").write_bytes(b"")
    (articles / ".hidden.txt").write_text("ẩn", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("run", str(articles), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 1, result.stderr  # one file failed
    document = json.loads((out / "sub" / "quan-son-2022-06-20.json").read_text(encoding="utf-8"))
    assert document["doc_id"] == "quan-son-2022-06-20"
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["doc_id"], e["error"]["type"]) for e in errors] == [("empty", "EmptyArticleError")]
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["doc_id"] for line in lines] == ["quan-son-2022-06-20"]
    assert not (out / "hidden.json").exists() and not list(out.rglob("*.tmp"))


def test_cli_eval_prints_per_field_scores(tmp_path) -> None:
    seed = Path(__file__).resolve().parents[1] / "corpora" / "seed"
    result = run_cli("eval", str(seed), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for field in ("officials", "official_titles", "places", "indicators", "directives", "event_date"):
        assert field in result.stdout
    assert "macro F1 over 1 articles" in result.stdout


def test_cli_missing_input_is_a_clear_error(tmp_path) -> None:
    result = run_cli("run", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), cwd=tmp_path)
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr and "Traceback" not in result.stderr


def test_cli_report_writes_a_page_with_every_official(tmp_path, seed_path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    shutil.copy(seed_path, articles)
    assert run_cli("run", str(articles), "--out", str(tmp_path / "out"), "--quiet", cwd=tmp_path).returncode == 0
    result = run_cli("report", str(tmp_path / "out"), "-o", str(tmp_path / "r.html"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    document = json.loads((tmp_path / "out" / "quan-son-2022-06-20.json").read_text(encoding="utf-8"))
    assert document["officials"]
    for official in document["officials"]:
        assert official["name"] in page


def test_cli_bench_reports_the_ratio_to_word_tokenize(tmp_path, seed_path) -> None:
    result = run_cli("bench", str(seed_path.parent), "--articles", "3", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["articles"] == 3 and figures["ratio"] > 0
    assert set(figures["stage_seconds"]) >= {"normalize", "segment", "officials", "places", "indicators"}
