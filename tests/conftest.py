"""Shared fixtures: the repository's corpora and a way to build documents by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SEED = CORPORA / "seed" / "quan-son-2022-06-20.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_doc():
    import pipeline

    return pipeline.extract_file(SEED)


@pytest.fixture(scope="session")
def corpus_outputs() -> dict[str, dict]:
    """The output document of every article under corpora/, by path relative to corpora/."""
    import pipeline

    return {p.relative_to(CORPORA).as_posix(): pipeline.extract_file(p).to_dict()
            for p in sorted(CORPORA.rglob("*.txt"))}
