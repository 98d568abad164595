"""Batch runs: every article under the inputs to `OUT/<relative path>.json`, plus `documents.jsonl`.

One bad file never stops a run: it becomes a line of `errors.jsonl`. Every file is written to a
temporary name and renamed into place, so an interrupted run leaves no half-written output.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .api import doc_id_for, extract_file
from .emit import error_record
from .errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md")
SKIPPED_SUFFIXES = (".gold.json",)  # annotation files that live beside their articles


@dataclass
class RunSummary:
    articles: int = 0
    errors: int = 0
    seconds: float = 0.0
    outputs: list[Path] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def iter_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, Path]]:
    """(file, path relative to its input root) for every article file, sorted, dotfiles skipped."""
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
            if path.name.endswith(SKIPPED_SUFFIXES) or path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            yield path, relative


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


def run(inputs: Iterable[str | os.PathLike[str]], out: str | os.PathLike[str]) -> RunSummary:
    out = Path(out)
    summary = RunSummary()
    started = time.perf_counter()
    records: list[str] = []
    errors: list[str] = []
    for path, relative in iter_inputs(inputs):
        target = out / relative.with_suffix(".json")
        try:
            document = extract_file(path).to_dict()
        except InputError as exc:
            summary.errors += 1
            errors.append(json.dumps(error_record(doc_id_for(path), str(path), exc), ensure_ascii=False))
            print(f"error: {exc}", file=sys.stderr)
            continue
        write_atomic(target, json.dumps(document, ensure_ascii=False, indent=1))
        records.append(json.dumps(document, ensure_ascii=False))
        summary.articles += 1
        summary.outputs.append(target)
    write_atomic(out / "documents.jsonl", "".join(r + "\n" for r in records))
    write_atomic(out / "errors.jsonl", "".join(e + "\n" for e in errors))
    summary.seconds = time.perf_counter() - started
    return summary
