"""Pathological inputs of about 100 KB: no exception, valid offsets.

The inputs are ``strategies.ADVERSARIAL``; their timings and the linear
bound are checked by ``benchmarks/speed.py``, never here.
"""

from __future__ import annotations

import json

import pytest
from strategies import ADVERSARIAL

import quoteattr
from quoteattr import Result

SIZE = 100_000


@pytest.fixture(scope="module", params=sorted(ADVERSARIAL))
def case(request: pytest.FixtureRequest) -> tuple[str, str, Result]:
    name = request.param
    text = ADVERSARIAL[name](SIZE)
    return name, text, quoteattr.extract(text)


def test_adversarial_input_size(case: tuple[str, str, Result]) -> None:
    """Each generator gives the size asked for (so the test is not vacuous)."""
    name, text, _ = case
    assert SIZE == len(text), name


def test_adversarial_offsets_valid(case: tuple[str, str, Result]) -> None:
    name, text, r = case
    assert text == r.text
    spans = [sp for q in r.quotes for sp in (q.content, *q.parts, q.cue, q.speaker and q.speaker.mention) if sp]
    spans += [m for s in r.speakers for m in s.mentions]
    bad = [sp for sp in spans if not (0 <= sp.start <= sp.end <= len(text) and text[sp.start : sp.end] == sp.text)]
    assert [] == bad, name
    assert [] == [d for d in r.diagnostics if not 0 <= d.start <= d.end <= len(text)], name


def test_adversarial_roundtrip(case: tuple[str, str, Result]) -> None:
    name, _, r = case
    assert r == Result.from_dict(json.loads(json.dumps(r.to_dict()))), name


def test_adversarial_quote_run_still_found() -> None:
    """Repetition does not switch extraction off: each of the 3,572 quotes
    of one 100 KB paragraph (the last one cut short and unclosed) is read as
    (part of) a quote."""
    text = ADVERSARIAL["quote-run"](SIZE)
    r = quoteattr.extract(text)
    quoted = {p.start for q in r.quotes for p in q.parts}
    expected = {i + 1 for i, ch in enumerate(text) if ch == "“"}
    assert expected == quoted
