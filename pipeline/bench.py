"""`python -m pipeline bench [FOLDER]`: how fast the pipeline is, and what it costs next to its tokenizer.

Word segmentation is nearly all of a rule pipeline's cost, so the figure that matters is the ratio of
the whole pipeline's time to underthesea's `word_tokenize` alone over the same articles (target:
within 1.5x). Also: articles/s and characters/s on one core, time per stage, the cold start (models
and tables loaded once per process, the gazetteer among them), peak memory, memory growth over the
run (it should be flat), and, with `--workers`, the batch runner's throughput per worker count.
"""

from __future__ import annotations

import gc
import os
import resource
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .document import Document


@dataclass
class BenchResult:
    articles: int
    characters: int
    cold_start_seconds: float
    tokenize_seconds: float
    pipeline_seconds: float
    stage_seconds: dict[str, float]
    peak_rss_mb: float
    rss_growth_mb: float
    scaling: dict[int, float] = field(default_factory=dict)  # workers -> articles/s (batch runner)
    worker_peak_rss_mb: float = 0.0  # the largest worker process of the batch runs

    @property
    def ratio(self) -> float:
        return self.pipeline_seconds / self.tokenize_seconds if self.tokenize_seconds else float("nan")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(ratio=round(self.ratio, 3), articles_per_second=round(self.articles / self.pipeline_seconds, 2),
                    characters_per_second=round(self.characters / self.pipeline_seconds))
        return data

    def format(self) -> str:
        per_article = 1000 * self.pipeline_seconds / self.articles
        lines = [
            f"articles                     {self.articles} ({self.characters / self.articles:,.0f} characters each)",
            f"cold start (models, tables)  {self.cold_start_seconds:.2f} s, once per process",
            f"underthesea word_tokenize    {self.articles / self.tokenize_seconds:8.1f} articles/s",
            f"whole pipeline, one core     {self.articles / self.pipeline_seconds:8.1f} articles/s "
            f"({self.characters / self.pipeline_seconds:,.0f} characters/s, {per_article:.1f} ms/article)",
            f"pipeline / word_tokenize     {self.ratio:8.2f} x",
            f"peak memory                  {self.peak_rss_mb:8.0f} MB "
            f"(growth over the run: {self.rss_growth_mb:+.1f} MB)",
            "time per stage (ms/article):",
        ]
        lines += [f"  {name:<26} {1000 * s / self.articles:8.2f}" for name, s in self.stage_seconds.items()]
        if self.scaling:
            lines.append("batch runner (articles/s by workers):")
            base = self.scaling.get(1)
            for workers, rate in sorted(self.scaling.items()):
                speedup = f"  ({rate / base:.2f}x of 1 worker)" if base else ""
                lines.append(f"  {workers:>3} workers               {rate:8.1f}{speedup}")
            if self.worker_peak_rss_mb:
                lines.append(f"  peak memory of a worker    {self.worker_peak_rss_mb:8.0f} MB")
        return "\n".join(lines)


def _rss_mb() -> float:
    """Current resident memory of this process (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as stream:
            return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_texts(folder: Path, *, minimum: int) -> list[str]:
    """The articles under `folder`, repeated until there are at least `minimum` (stable timings)."""
    from .readers import read_articles
    from .runner import iter_inputs

    texts = []
    for path, _ in iter_inputs([folder]):
        try:
            texts.extend(article.text for article in read_articles(path))
        except Exception:  # a broken file is the batch runner's business, not the benchmark's
            continue
    if not texts:
        raise FileNotFoundError(f"{folder}: no readable articles to benchmark")
    return (texts * (minimum // len(texts) + 1))[: max(minimum, len(texts))]


def bench(folder: Path, *, minimum: int = 200, workers: Sequence[int] = ()) -> BenchResult:
    from underthesea import word_tokenize

    from .stages import STAGES

    texts = load_texts(folder, minimum=minimum)
    started = time.perf_counter()
    word_tokenize("Khởi động mô hình.")
    doc = Document(text=texts[0])
    for stage in STAGES:
        doc = stage.run(doc)
    doc.to_dict()
    cold = time.perf_counter() - started

    gc.collect()
    started = time.perf_counter()
    for text in texts:
        word_tokenize(text)
    tokenize_seconds = time.perf_counter() - started

    stage_seconds = {stage.name: 0.0 for stage in STAGES}
    stage_seconds["emit (to_dict)"] = 0.0
    rss_early = 0.0
    started = time.perf_counter()
    for number, text in enumerate(texts):
        doc = Document(text=text)
        for stage in STAGES:
            t0 = time.perf_counter()
            doc = stage.run(doc)
            stage_seconds[stage.name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        doc.to_dict()
        stage_seconds["emit (to_dict)"] += time.perf_counter() - t0
        if number == len(texts) // 4:
            rss_early = _rss_mb()
    pipeline_seconds = time.perf_counter() - started
    result = BenchResult(
        articles=len(texts), characters=sum(len(t) for t in texts), cold_start_seconds=cold,
        tokenize_seconds=tokenize_seconds, pipeline_seconds=pipeline_seconds, stage_seconds=stage_seconds,
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        rss_growth_mb=_rss_mb() - rss_early)
    for count in workers:
        result.scaling[count] = _runner_rate(texts, count)
    if any(count > 1 for count in workers):  # finished worker processes report their peak to the parent
        result.worker_peak_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def _runner_rate(texts: list[str], workers: int) -> float:
    """Articles/s of the batch runner with `workers` processes over the same articles (written to a temp dir)."""
    from .runner import run

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "in"
        folder.mkdir()
        for number, text in enumerate(texts):
            (folder / f"{number:05d}.txt").write_text(text, encoding="utf-8")
        summary = run([folder], Path(scratch) / "out", workers=workers, tables=False, quiet=True)
        return summary.rate
