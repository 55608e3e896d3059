"""Properties of :func:`quoteattr.extract` that hold for any input text.

Profiles (tests/conftest.py): ``ci`` (default, 200 examples) and ``deep``
(``HYPOTHESIS_PROFILE=deep``, 100,000 examples).
"""

from __future__ import annotations

import json
import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import news_texts, texts

import quoteattr
from quoteattr import Result


def _all_spans(r: Result) -> list[tuple[str, quoteattr.Span]]:
    out: list[tuple[str, quoteattr.Span]] = []
    for i, q in enumerate(r.quotes):
        out.append((f"q{i}.content", q.content))
        out += [(f"q{i}.part{j}", p) for j, p in enumerate(q.parts)]
        if q.cue is not None:
            out.append((f"q{i}.cue", q.cue))
        if q.speaker is not None:
            out.append((f"q{i}.speaker", q.speaker.mention))
    for s in r.speakers:
        out += [(f"{s.id}.mention{j}", m) for j, m in enumerate(s.mentions)]
    return out


def _shifted(d: dict[str, Any], k: int, text: str) -> dict[str, Any]:
    """A copy of ``Result.to_dict()`` output with every offset moved by *k*."""

    def span(v: list[Any] | None) -> list[Any] | None:
        return None if v is None else [v[0] + k, v[1] + k, v[2]]

    out = dict(d, text=text)
    out["quotes"] = [
        dict(
            q,
            content=span(q["content"]),
            parts=[span(p) for p in q["parts"]],
            cue=span(q["cue"]),
            speaker=None if q["speaker"] is None else dict(q["speaker"], mention=span(q["speaker"]["mention"])),
        )
        for q in d["quotes"]
    ]
    out["speakers"] = [dict(s, mentions=[span(m) for m in s["mentions"]]) for s in d["speakers"]]
    out["diagnostics"] = [dict(x, start=x["start"] + k, end=x["end"] + k) for x in d["diagnostics"]]
    for x in out["diagnostics"]:
        if "offsets" in x:  # (a collapsed diagnostic: the first occurrences' offsets move too)
            x["offsets"] = [[a + k, b + k] for a, b in x["offsets"]]
    return out


@given(texts())
def test_extract_properties_never_raises_and_spans_match(text: str) -> None:
    r = quoteattr.extract(text)
    assert text == r.text
    for where, sp in _all_spans(r):
        assert 0 <= sp.start <= sp.end <= len(text), where
        assert text[sp.start : sp.end] == sp.text, where
    for q in r.quotes:
        assert q.content.start <= q.parts[0].start and q.parts[-1].end <= q.content.end
        if q.speaker is not None:
            assert q.speaker.entity in r.speakers
    for d in r.diagnostics:
        assert 0 <= d.start <= d.end <= len(text)


@given(texts(), st.integers(min_value=1, max_value=40))
def test_extract_properties_space_prefix_shifts_offsets(text: str, k: int) -> None:
    """k leading spaces move every offset by k and change nothing else."""
    base = quoteattr.extract(text).to_dict()
    moved = quoteattr.extract(" " * k + text).to_dict()
    assert _shifted(base, k, " " * k + text) == moved


@given(texts(), st.integers(min_value=0, max_value=40))
def test_extract_properties_paragraph_prefix_shifts_offsets(text: str, k: int) -> None:
    """k spaces then a paragraph break move every offset by k + 2 and change
    nothing else, whether or not the text has blank lines of its own."""
    prefix = " " * k + "\n\n"
    base = quoteattr.extract(text).to_dict()
    moved = quoteattr.extract(prefix + text).to_dict()
    assert _shifted(base, len(prefix), prefix + text) == moved


@given(texts())
def test_extract_properties_roundtrip(text: str) -> None:
    r = quoteattr.extract(text)
    assert r == Result.from_dict(r.to_dict())
    assert r == Result.from_dict(json.loads(json.dumps(r.to_dict())))
    assert r == Result.from_dict(json.loads(json.dumps(r.to_dict(), ensure_ascii=False)))


@given(texts())
def test_extract_properties_deterministic(text: str) -> None:
    assert quoteattr.extract(text) == quoteattr.extract(text)


@given(st.lists(texts(), max_size=6))
def test_extract_properties_extract_many_in_process(batch: list[str]) -> None:
    assert [quoteattr.extract(t) for t in batch] == list(quoteattr.extract_many(batch, n_process=1))


@given(texts(), st.integers(min_value=0, max_value=40), st.booleans())
def test_extract_properties_all_invariants(text: str, k: int, blank_line: bool) -> None:
    """Every invariant of issue 7 on one generated text: no exception, valid
    offsets, determinism, ``extract_many`` equal to ``extract``, a lossless
    round trip (JSON and pickle) and a prefix that only shifts offsets.

    Generating a text costs about ten times more than extracting from it, so
    this is the property to run deep: ``HYPOTHESIS_PROFILE=deep python -m
    pytest "tests/properties/test_extract_properties.py::test_extract_properties_all_invariants"``.
    """
    test_extract_properties_never_raises_and_spans_match.hypothesis.inner_test(text)
    r = quoteattr.extract(text)
    assert r == quoteattr.extract(text)
    assert list(quoteattr.extract_many([text, text], n_process=1)) == [r, r]
    assert r == Result.from_dict(json.loads(json.dumps(r.to_dict(), ensure_ascii=False)))
    assert r == pickle.loads(pickle.dumps(r))  # (the quote and mention tables pickle, issue 18)
    prefix = " " * k + ("\n\n" if blank_line else "")
    if prefix:
        moved = quoteattr.extract(prefix + text).to_dict()
        assert _shifted(r.to_dict(), len(prefix), prefix + text) == moved


@pytest.mark.slow
@settings(max_examples=3)
@given(st.lists(news_texts(), min_size=1, max_size=8))
def test_extract_properties_extract_many_two_processes(batch: list[str]) -> None:
    """Worker processes give the same results, in input order."""
    assert [quoteattr.extract(t) for t in batch] == list(quoteattr.extract_many(batch, n_process=2, batch_size=2))


@pytest.mark.issue(7)
@pytest.mark.parametrize("text", ['"\r," Sergey Lavrov according to.', "“It was robbery,\nLavrov said.”\nHe left."])
def test_extract_properties_leading_blank_line_is_neutral(text: str) -> None:
    """Found by hypothesis: a prefix "\\n\\n" before a text whose paragraphs
    are single lines changes the result, not only its offsets."""
    prefix = "\n\n"
    base = quoteattr.extract(text).to_dict()
    assert _shifted(base, len(prefix), prefix + text) == quoteattr.extract(prefix + text).to_dict()
