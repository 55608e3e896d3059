"""Pathological inputs of about 100 KB: no exception, valid offsets.

The inputs are ``strategies.ADVERSARIAL``; their timings and the linear
bound are checked by ``benchmarks/speed.py``, never here.
"""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from strategies import ADVERSARIAL, shared_name_texts, word_name

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


# ---------------------------------------------------------------------------
# Many entities sharing a name part (issue 18): linear time, right entities


def _timed_extract(text: str) -> tuple[Result, float]:
    t0 = time.perf_counter()
    r = quoteattr.extract(text)
    return r, time.perf_counter() - t0


@pytest.mark.issue(18)
@pytest.mark.parametrize("k", [2000])
def test_adversarial_repeated_first_name_fast_and_nearest(k: int) -> None:
    """``John <Surname_i> met officials. "…," John said.`` with k distinct
    surnames (k = 2000 took 73 s without quotes, cubic): each bare "John"
    is the John named just before."""
    full = [f"John {word_name(i, 'Zor')}" for i in range(k)]
    text = "".join(f"{name} met officials. \u201cWe left,\u201d John said. " for name in full)
    r, seconds = _timed_extract(text)
    assert seconds < 20, seconds
    assert full == [q.speaker.entity.name if q.speaker else None for q in r.quotes]
    assert ["John"] * k == [q.speaker.mention.text if q.speaker else None for q in r.quotes]


@pytest.mark.issue(18)
@pytest.mark.parametrize("k", [16_000])
def test_adversarial_shared_surname_fast_and_distinct(k: int) -> None:
    """``<Given_i> Wang met officials.`` with k distinct given names (k =
    16,000 took 108 s, quadratic), each quoted once in full later: the two
    mentions of each full name and the bare "Wang" after the second are one
    entity, and no two given names are."""
    full = [f"{word_name(i, 'Kel')} Wang" for i in range(k)]
    text = "".join(f"{name} met officials. " for name in full)
    text += "".join(f"{name} met reporters. \u201cWe left,\u201d Wang said. " for name in full)
    r, seconds = _timed_extract(text)
    assert seconds < 40, seconds
    assert full == [q.speaker.entity.name if q.speaker else None for q in r.quotes]
    assert k == len({q.speaker.entity.id for q in r.quotes if q.speaker})
    starts = {text.index(name + " met") for name in full}
    assert ["Wang"] * k == [q.speaker.mention.text if q.speaker else None for q in r.quotes]
    assert all(len(s.mentions) == 3 and s.mentions[0].start in starts for s in r.speakers)


@pytest.mark.issue(18)
@settings(max_examples=60, deadline=None)
@given(shared_name_texts())
def test_adversarial_shared_name_part_nearest_person(case: tuple[str, list[tuple[str, str]]]) -> None:
    """Property: with many people sharing a surname or a given name, a quote
    under the shared part alone goes to the person named just before it."""
    text, expected = case
    r = quoteattr.extract(text)
    assert expected == [(q.speaker.mention.text, q.speaker.entity.name) if q.speaker else None for q in r.quotes]
