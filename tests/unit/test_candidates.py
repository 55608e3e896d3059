"""quoteattr.candidates.kind_of (rule ``kind-by-marks``) against a
character-by-character count, and on hand-written quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr.candidates import kind_of
from quoteattr.marks import find_quotes
from quoteattr.model import QuoteKind
from quoteattr.text import paragraph_spans


def _reference(text: str, parts: list[tuple[int, int]]) -> QuoteKind:
    regions, _ = find_quotes(text, paragraph_spans(text))
    inside = set()
    for r in regions:
        if r.depth == 0:
            for a, b in r.parts:
                inside.update(range(a, b))
    total = quoted = 0
    for a, b in parts:
        for i in range(a, b):
            if text[i].isalnum():
                total += 1
                quoted += i in inside
    if total == 0 or quoted == 0:
        return QuoteKind.INDIRECT
    return QuoteKind.DIRECT if quoted == total else QuoteKind.MIXED


@st.composite
def _text_and_parts(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet='ab “”"\n. 1é', min_size=1, max_size=50))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=6)))
    parts = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]
    return text, parts or [(0, len(text))]


@given(_text_and_parts())
def test_kind_of_matches_a_character_count(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, parts = case
    regions, _ = find_quotes(text, paragraph_spans(text))
    assert kind_of(text, parts, regions) is _reference(text, parts)


@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        ("She said, “We will win.”", "We will win.", QuoteKind.DIRECT),
        ("He hoped to show some “political wisdom” soon.", "to show some “political wisdom” soon", QuoteKind.MIXED),
        ("He said the bridge was safe.", "the bridge was safe", QuoteKind.INDIRECT),
    ],
)
def test_kind_of_examples(text: str, content: str, kind: QuoteKind) -> None:
    a = text.index(content)
    regions, _ = find_quotes(text, paragraph_spans(text))
    assert kind_of(text, [(a, a + len(content))], regions) is kind
