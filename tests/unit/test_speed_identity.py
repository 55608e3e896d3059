"""Issue 16 (throughput): the shortcuts the rule side takes give the same
answers as the plain lookups they replace."""

from __future__ import annotations

import pytest

from quoteattr import defaults
from quoteattr.index import DocIndex
from quoteattr.marks import find_quotes
from quoteattr.text import segment

pytestmark = pytest.mark.issue(16)


class TestFirstTableCount:
    """The count at which the cues become a table is the first that guard tables-from accepts."""

    @pytest.mark.parametrize("length", [0, 1, 31, 32, 33, 640, 30_000, 10**7])
    @pytest.mark.parametrize(("tables_from", "density"), [(1024, 32), (0, 32), (10**6, 0), (5, 0), (3, 1000)])
    def test_index_first_table_count_matches_use_tables(
        self, monkeypatch: pytest.MonkeyPatch, length: int, tables_from: int, density: int
    ) -> None:
        monkeypatch.setattr(defaults, "TABLES_FROM", tables_from)
        monkeypatch.setattr(defaults, "TABLES_DENSITY", density)
        k = defaults.first_table_count(length)
        first = next(c for c in range(1, 10**6 + 2) if defaults.use_tables(c, length))
        assert first == k


class TestCuesOutsideQuotes:
    """The cues that start inside a quote are dropped, those between and after quotes kept."""

    @pytest.mark.parametrize(
        ("text", "lemmas"),
        [
            # an unclosed quote is read: its cue "said" is dropped, the later "told" is not in it
            ('Ana said: "we told them.\n\nThen Kofi told reporters it was over.', ["say", "tell"]),
            # quotes with word-character marks are read too ('said' inside is dropped)
            ("Rui warned 'nobody said a thing' and Lea added that it rained.", ["warn", "add"]),
            ('"It rained," Lea said. "We said so," Rui added.', ["say", "add"]),
        ],
    )
    def test_index_cues_outside_quotes_by_sweep(self, text: str, lemmas: list[str]) -> None:
        ann = segment(text)
        idx = DocIndex(ann, find_quotes(ann.text, ann.paragraphs)[0])
        assert lemmas == [c.lemma for c in idx.cues]
        assert all(not idx.in_quote(c.start) for c in idx.cues)
