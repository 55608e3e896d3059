"""The read-only tables behind an engine result's quotes and mentions (issue 18)."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest

import quoteattr
from quoteattr import InvalidSpanError, Result, Span
from quoteattr.tables import QuoteTable, SpanTable

pytestmark = pytest.mark.issue(18)

TEXT = (
    '"The harbour will reopen in May," Mayor Ana Ruiz told reporters on Monday. '
    "The port authority said the dredging was finished. "
    '"We are ready," she said, "and the ships are waiting."'
)


@pytest.fixture(scope="module")
def result() -> Result:
    return quoteattr.extract(TEXT)


def test_tables_engine_result_holds_tables(result: Result) -> None:
    """extract() hands its quotes and each speaker's mentions over as tables."""
    assert isinstance(result.quotes, QuoteTable)
    assert all(isinstance(s.mentions, SpanTable) for s in result.speakers)
    assert 3 == len(result.quotes)


def test_tables_behave_as_the_tuple_of_their_items(result: Result) -> None:
    """len, indexing (negative too), iteration, slices, in, + and == as a tuple."""
    quotes = result.quotes
    items = tuple(quotes)
    assert (items[0], items[-1]) == (quotes[0], quotes[-1])
    assert items[1:] == quotes[1:]
    assert isinstance(quotes[1:], tuple)
    assert quotes[1] in quotes
    assert items + quotes == items + items == quotes + items
    assert (quotes == items, items == quotes, quotes != items) == (True, True, False)
    assert hash(quotes) == hash(items)
    assert repr(quotes) == repr(items)
    assert quotes.index(quotes[2]) == 2
    with pytest.raises(IndexError):
        quotes[3]
    with pytest.raises(TypeError):
        quotes["0"]  # type: ignore[call-overload]
    assert quotes != list(items)  # (a tuple is not equal to a list either)


def test_tables_each_read_is_a_new_equal_quote(result: Result) -> None:
    """A read makes the quote: equal each time, with its spans on the text."""
    a, b = result.quotes[2], result.quotes[2]
    assert a == b and a is not b
    assert ("We are ready, […] and the ships are waiting.", "said") == (a.text, a.cue.text if a.cue else None)
    assert a.speaker is not None and a.speaker.entity is result.speakers[0]
    assert "Ana Ruiz" == a.speaker.entity.name
    for q in result.quotes:
        for span in (q.content, *q.parts, q.cue, q.speaker.mention if q.speaker else None):
            if span is not None:
                assert TEXT[span.start : span.end] == span.text


def test_tables_mentions_table(result: Result) -> None:
    """A speaker's mentions: spans of the text, in text order."""
    mentions = result.speakers[0].mentions
    assert ["Mayor Ana Ruiz", "she"] == [m.text for m in mentions]
    assert [(m.start, m.end) for m in mentions] == list(mentions.pairs())  # type: ignore[attr-defined]
    table = SpanTable("Peskov said no.", [(0, 6), (12, 14)])
    assert (Span(12, 14, "no"), 2) == (table[-1], len(table))
    with pytest.raises(InvalidSpanError, match="must lie within"):
        SpanTable("short", [(2, 9)])
    with pytest.raises(InvalidSpanError, match="must lie within"):
        SpanTable("short", [(3, 2)])


def test_tables_pickle_and_copy(result: Result) -> None:
    """Tables pickle and deep-copy with the result (the worker processes pickle results)."""
    for back in (pickle.loads(pickle.dumps(result)), copy.deepcopy(result)):
        assert back == result
        assert isinstance(back.quotes, QuoteTable)
        assert back.quotes[0].speaker is not None
        assert back.quotes[0].speaker.entity is back.speakers[0]


def test_tables_read_only_once_frozen(result: Result) -> None:
    """append() is refused once the engine has frozen the table; bad offsets are refused before."""
    assert isinstance(result.quotes, QuoteTable)
    with pytest.raises(TypeError, match="read-only"):
        result.quotes.append((quoteattr.QuoteKind.DIRECT, [(0, 3)], None, None, None, 0.5, "x"))
    table: QuoteTable[quoteattr.Quote] = QuoteTable("abc", ())
    with pytest.raises(InvalidSpanError, match="in order within"):
        table.append((quoteattr.QuoteKind.DIRECT, [(0, 5)], None, None, None, 0.5, "x"))
    with pytest.raises(InvalidSpanError, match="at least one"):
        table.append((quoteattr.QuoteKind.DIRECT, [], None, None, None, 0.5, "x"))
    with pytest.raises(InvalidSpanError, match="out of range"):
        speaker = (0, 1, 0, quoteattr.Resolution.NAME, 1.0)  # (entity 0 of no speakers)
        table.append((quoteattr.QuoteKind.DIRECT, [(0, 3)], None, None, speaker, 0.5, "x"))


def test_tables_result_on_another_text_is_checked(result: Result) -> None:
    """A table moved onto another text is checked span by span, as tuples are."""
    with pytest.raises(InvalidSpanError, match="does not match the source text"):
        attrs.evolve(result, text=TEXT.replace("harbour", "HARBOUR"))
    same = attrs.evolve(result, text="".join(TEXT))  # an equal text: the tables stand
    assert same == result


def test_tables_hand_built_result_keeps_tuples() -> None:
    """A Result built by hand, or by from_dict, holds tuples."""
    r = Result(text="Peskov said no.", speakers=[quoteattr.Speaker(id="e0", mentions=[Span(0, 6, "Peskov")])])
    assert (isinstance(r.quotes, tuple), isinstance(r.speakers[0].mentions, tuple)) == (True, True)
    back = Result.from_dict(quoteattr.extract(TEXT).to_dict())
    assert isinstance(back.quotes, tuple)
    assert back == quoteattr.extract(TEXT)
