"""Batch runs over folders of articles: parallel, resumable, and safe to interrupt.

    run(["articles/"], "out/", workers=8)

writes, under `out/`:

- `<relative path>.json` per article (`<relative path>/<doc_id>.json` for files holding several records);
- `documents.jsonl` (every article, in path order), `errors.jsonl` (one record per failure);
- `tables/<name>.parquet` (documents, officials, titles, places, indicators, directives), one row per item;
- `manifest.jsonl`: one line per finished input file (its content hash, the pipeline version, what it
  produced). A rerun skips inputs whose hash and version are in the manifest and whose outputs exist,
  so an interrupted run resumes where it stopped and an unchanged corpus costs only the hashing.

Every file is written to a temporary name and renamed (`os.replace`), so a run killed at any moment
leaves no half-written output. Outputs do not depend on the number of workers or the engine: each
article is processed on its own, and the aggregate files are built at the end in path order.
One bad file never stops a run: it becomes an error record; the exit code says whether any failed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ._version import __version__
from .emit import error_record
from .errors import PipelineError
from .readers import SUFFIXES

MANIFEST = "manifest.jsonl"
DOCUMENTS = "documents.jsonl"
ERRORS = "errors.jsonl"
TABLES = "tables"
AGGREGATES = frozenset({MANIFEST, DOCUMENTS, ERRORS})
SKIPPED_SUFFIXES = (".gold.json",)  # annotation files that live beside their articles
DEFAULT_TIMEOUT = 60.0  # seconds per article: a normal one takes 0.05 s; more means a pathological input

Engine = Literal["local", "dask"]


class DocumentTimeoutError(PipelineError):
    """One article took longer than the per-article time limit."""


@dataclass(frozen=True)
class Task:
    """One input file: where it is, where its outputs go (relative to the output folder), its content hash."""

    path: str
    relative: str
    sha256: str


@dataclass
class FileResult:
    relative: str
    sha256: str
    outputs: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0

    def manifest_line(self) -> str:
        return json.dumps({"input": self.relative, "sha256": self.sha256, "version": __version__,
                           "outputs": self.outputs, "errors": self.errors, "seconds": round(self.seconds, 4)},
                          ensure_ascii=False)


@dataclass
class RunSummary:
    files: int = 0
    articles: int = 0
    errors: int = 0
    skipped: int = 0  # files unchanged since a previous run
    processed: int = 0  # articles extracted by this run (the rest came from the previous one)
    seconds: float = 0.0
    workers: int = 1
    engine: str = "local"

    @property
    def rate(self) -> float:
        """Articles extracted per second by this run."""
        return self.processed / self.seconds if self.seconds else 0.0


# ---------------------------------------------------------------------------------------------- inputs

def iter_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, Path]]:
    """(file, path relative to its input root) for every article file, sorted; dotfiles and gold files skipped."""
    for item in inputs:
        root = Path(item)
        if root.is_file():
            yield root, Path(root.name)
            continue
        if not root.is_dir():
            raise FileNotFoundError(f"{root}: no such file or folder")
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if any(part.startswith(".") for part in relative.parts) or not path.is_file():
                continue
            if path.name.endswith(SKIPPED_SUFFIXES) or path.suffix.lower() not in SUFFIXES:
                continue
            yield path, relative


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _safe_name(doc_id: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_.() " else "_" for c in doc_id).strip(". ")
    return cleaned[:150] or "article"


# --------------------------------------------------------------------------------------------- writing

def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise DocumentTimeoutError in the block after `seconds` (a SIGALRM timer).

    Signals reach only a process's main thread: in threads (e.g. some Dask workers) the limit is
    not enforced, and Dask's own task timeouts apply instead.
    """
    usable = (seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise DocumentTimeoutError(f"{what}: took longer than {seconds:g} s; skipped (--timeout to change)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_file(task: Task, out: str, timeout: float | None = DEFAULT_TIMEOUT) -> FileResult:
    """Extract every article of one input file into `out`; failures become error records, never exceptions.

    This is what a worker runs (local processes or Dask): it writes its own outputs, so the
    coordinating process only handles small results.
    """
    from .api import extract_article
    from .readers import read_articles

    started = time.perf_counter()
    result = FileResult(task.relative, task.sha256)
    relative = Path(task.relative)
    stem = relative.with_suffix("")
    several = relative.suffix.lower() in (".json", ".jsonl")
    articles = read_articles(task.path)
    while True:
        doc_id = stem.name
        try:
            with time_limit(timeout, task.path):
                article = next(articles, None)
                if article is None:
                    break
                doc_id = article.doc_id
                document = extract_article(article).to_dict()
            target = stem / f"{_safe_name(doc_id)}.json" if several else relative.with_suffix(".json")
            write_atomic(Path(out) / target, json.dumps(document, ensure_ascii=False, indent=1))
            result.outputs.append(target.as_posix())
        except Exception as exc:  # one article's failure, of any kind, must not end the run
            result.errors.append(error_record(doc_id, task.path, exc))
            if not several or isinstance(exc, DocumentTimeoutError):
                break  # a single-article file is done; a stuck reader is not retried
    result.seconds = time.perf_counter() - started
    return result


def warm_up() -> None:
    """Load models and tables once per worker process, before the first article arrives."""
    from .api import extract

    with contextlib.suppress(PipelineError):
        extract("Sáng 5/3/2024, UBND huyện Mường Khương họp; thu ngân sách đạt 12 tỷ đồng.")


# -------------------------------------------------------------------------------------------- manifest

def read_manifest(out: Path) -> dict[str, dict[str, Any]]:
    """The latest manifest entry per input; lines cut short by a killed run are ignored."""
    entries: dict[str, dict[str, Any]] = {}
    path = out / MANIFEST
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
            entries[entry["input"]] = entry
        except (json.JSONDecodeError, KeyError, TypeError):
            continue
    return entries


def _is_current(entry: dict[str, Any] | None, task: Task, out: Path) -> bool:
    return (entry is not None and entry.get("sha256") == task.sha256 and entry.get("version") == __version__
            and all((out / o).exists() for o in entry.get("outputs", [])))


# ------------------------------------------------------------------------------------------- execution

def _run_local(tasks: list[Task], out: Path, workers: int, timeout: float | None,
               done: Callable[[FileResult], None]) -> None:
    if workers <= 1:
        warm_up()
        for task in tasks:
            done(process_file(task, str(out), timeout))
        return
    window = workers * 4  # bounded: memory stays flat however many files there are
    pending: set[Future[FileResult]] = set()
    queue = iter(tasks)
    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up) as pool:
        try:
            while True:
                for task in queue:
                    pending.add(pool.submit(process_file, task, str(out), timeout))
                    if len(pending) >= window:
                        break
                if not pending:
                    break
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    done(future.result())
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def _run_dask(tasks: list[Task], out: Path, workers: int, timeout: float | None, scheduler: str | None,
              done: Callable[[FileResult], None]) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise PipelineError("the Dask engine needs dask.distributed: pip install 'vn-gov-news[dask]'") from exc
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        client.run(warm_up)
        window = max(8, workers * 4)
        queue = iter(tasks)
        futures = as_completed()
        for task in queue:
            futures.add(client.submit(process_file, task, str(out.resolve()), timeout, pure=False))
            if futures.count() >= window:
                break
        for future in futures:
            done(future.result())
            future.release()
            next_task = next(queue, None)
            if next_task is not None:
                futures.add(client.submit(process_file, next_task, str(out.resolve()), timeout, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _progress(total: int, quiet: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="file", dynamic_ncols=True, file=sys.stderr,
                disable=quiet or not sys.stderr.isatty(), desc="extracting")


def run(inputs: Iterable[str | os.PathLike[str]], out: str | os.PathLike[str], *, workers: int | None = None,
        resume: bool = True, engine: Engine = "local", scheduler: str | None = None,
        timeout: float | None = DEFAULT_TIMEOUT, tables: bool = True, quiet: bool = False) -> RunSummary:
    """Extract every article under `inputs` into `out` (see the module docstring for the layout).

    `workers` defaults to all cores; `resume=False` reprocesses everything; `engine="dask"` runs the
    same work on a Dask cluster (`scheduler` address, or a local cluster of `workers` processes).
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    workers = max(1, workers or os.cpu_count() or 1)
    summary = RunSummary(workers=workers, engine=engine)
    started = time.perf_counter()
    manifest = read_manifest(out) if resume else {}
    tasks: list[Task] = []
    relatives: list[str] = []  # every input of this run, in path order: the order of the aggregates
    for path, relative in iter_inputs(inputs):
        task = Task(str(path), relative.as_posix(), file_sha256(path))
        relatives.append(task.relative)
        if _is_current(manifest.get(task.relative), task, out):
            summary.skipped += 1
        else:
            tasks.append(task)
    relatives = sorted(set(relatives))

    with open(out / MANIFEST, "a", encoding="utf-8") as log, _progress(len(tasks), quiet) as bar:
        def done(result: FileResult) -> None:
            log.write(result.manifest_line() + "\n")
            log.flush()
            manifest[result.relative] = json.loads(result.manifest_line())
            summary.processed += len(result.outputs)
            bar.update(1)
            if result.errors:
                bar.write(f"error: {result.errors[0]['error']['message']}", file=sys.stderr)

        if engine == "dask":
            _run_dask(tasks, out, workers, timeout, scheduler, done)
        else:
            _run_local(tasks, out, workers, timeout, done)

    entries = [manifest[r] for r in relatives if r in manifest]
    summary.files = len(entries)
    summary.articles = sum(len(e.get("outputs", [])) for e in entries)
    summary.errors = sum(len(e.get("errors", [])) for e in entries)
    write_aggregates(out, entries, tables=tables)
    summary.seconds = time.perf_counter() - started
    return summary


def write_aggregates(out: Path, entries: list[dict[str, Any]], *, tables: bool = True) -> None:
    """documents.jsonl, errors.jsonl and the Parquet tables, in input path order, streamed from the outputs."""
    outputs = [o for e in entries for o in e.get("outputs", [])]
    _write_lines(out / DOCUMENTS, (json.dumps(json.loads((out / o).read_text(encoding="utf-8")),
                                              ensure_ascii=False) for o in outputs))
    _write_lines(out / ERRORS, (json.dumps(err, ensure_ascii=False) for e in entries for err in e.get("errors", [])))
    if tables:
        write_tables(out, outputs)


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for line in lines:
                stream.write(line + "\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_tables(out: Path, outputs: list[str], *, chunk: int = 500) -> None:
    """One Parquet file per table, written in chunks of documents so memory stays flat."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .frames import to_frames
    except ImportError:
        return  # tables are optional: pip install 'vn-gov-news[tables]'
    folder = out / TABLES
    folder.mkdir(parents=True, exist_ok=True)
    writers: dict[str, Any] = {}
    temporaries: dict[str, Path] = {}
    try:
        for start in range(0, max(1, len(outputs)), chunk):
            documents = [json.loads((out / o).read_text(encoding="utf-8")) for o in outputs[start:start + chunk]]
            for name, frame in to_frames(documents).items():
                table = pa.Table.from_pandas(frame, preserve_index=False)
                if name not in writers:
                    temporaries[name] = folder / f".{name}.parquet.tmp"
                    writers[name] = pq.ParquetWriter(temporaries[name], table.schema)
                writers[name].write_table(table.cast(writers[name].schema))
    finally:
        for writer in writers.values():
            writer.close()
    for name, temporary in temporaries.items():
        os.replace(temporary, folder / f"{name}.parquet")
