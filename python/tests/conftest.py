"""Shared fixtures: the demo corpus that ships in the repository, ingested
once per test session into a temporary folder."""

from __future__ import annotations

import pathlib

import pytest

import verbatim

REPO = pathlib.Path(__file__).resolve().parents[2]
DEMO = REPO / "demo"


@pytest.fixture(scope="session")
def demo() -> pathlib.Path:
    assert (DEMO / "manifest.jsonl").is_file(), f"{DEMO} is missing: run the tests from a checkout"
    return DEMO


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, demo: pathlib.Path) -> verbatim.Corpus:
    c = verbatim.Corpus(tmp_path_factory.mktemp("demo") / "corpus")
    report = c.ingest([], manifest=demo / "manifest.jsonl")
    assert report["new"] == 61, report
    return c
