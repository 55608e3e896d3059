"""The only conftest: shared-data location, markers and skips."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
#: ../shared/data beside the checkout, or $QUOTEATTR_DATA.
DATA = Path(os.environ.get("QUOTEATTR_DATA", ROOT.parent / "shared" / "data"))

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("deep", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def data_file(name: str) -> Path:
    """Path of a shared data file; skips the test with a message when absent."""
    p = DATA / name
    if not p.exists():
        pytest.skip(f"shared data {p} is absent (set QUOTEATTR_DATA to the folder holding it)")
    return p


def load_jsonl(name: str) -> list[dict]:
    with data_file(name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def seeds() -> list[dict]:
    """The two hand-labelled seed articles."""
    return load_jsonl("seeds-gold.jsonl")


@pytest.fixture(scope="session")
def polnear() -> list[dict]:
    return load_jsonl("polnear-dev.jsonl")


@pytest.fixture(scope="session")
def litbank() -> list[dict]:
    return load_jsonl("litbank-dev.jsonl")
