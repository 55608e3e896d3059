"""Properties of the scorer: gold against itself is perfect; one quote less is one miss more."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quoteattr import extract
from quoteattr.corpora import LabelledDocument, LabelledQuote, from_result
from quoteattr.evaluate import REPORTED_IOUS, evaluate, iou, normalise

KINDS = ("direct", "indirect", "mixed")


@st.composite
def documents(draw: st.DrawFn, min_quotes: int = 1) -> list[LabelledDocument]:
    """Documents of letters and spaces with disjoint quotes, some optional or split."""
    docs = []
    for n in range(draw(st.integers(1, 3))):
        words = draw(st.lists(st.text("abcxyz", min_size=1, max_size=6), min_size=4, max_size=60))
        text = " ".join(words)
        cuts = sorted(draw(st.sets(st.integers(0, len(text)), min_size=2 * min_quotes, max_size=12)))
        quotes = []
        for a, b in zip(cuts[::2], cuts[1::2], strict=False):
            m = draw(st.integers(a, b))
            spans = [(a, m), (m + 1, b)] if draw(st.booleans()) and a < m < b - 1 else [(a, b)]
            if not normalise(text, spans):
                continue
            quotes.append(
                LabelledQuote(
                    spans=spans,
                    kind=draw(st.sampled_from(KINDS)),
                    optional=draw(st.booleans()) and draw(st.booleans()),
                    cue_class=draw(st.sampled_from((None, "speech", "thought"))),
                )
            )
        docs.append(LabelledDocument(id=f"d{n}", text=text, quotes=quotes))
    return docs


def _scored(docs: list[LabelledDocument]) -> int:
    return sum(1 for d in docs for q in d.quotes if not q.optional and q.cue_class in (None, "speech"))


@given(documents())
def test_evaluate_gold_against_itself_is_perfect(docs):
    report = evaluate(docs, docs)
    n = _scored(docs)
    for name in ("exact", *(f"iou>={t:g}" for t in REPORTED_IOUS)):
        s = report.spans[name]
        assert (n, 0, 0) == (s.tp, s.fp, s.fn)
        if n:
            assert (1.0, 1.0, 1.0) == (s.precision, s.recall, s.f1)


@given(documents(), st.data())
def test_evaluate_removing_one_prediction_loses_one_gold_quote(docs, data):
    scored = [
        (i, j)
        for i, d in enumerate(docs)
        for j, q in enumerate(d.quotes)
        if not q.optional and q.cue_class in (None, "speech")
    ]
    assume(scored)
    i, j = data.draw(st.sampled_from(scored))
    pred = list(docs)
    pred[i] = LabelledDocument(id=docs[i].id, text=docs[i].text, quotes=docs[i].quotes[:j] + docs[i].quotes[j + 1 :])
    full, less = evaluate(docs, docs), evaluate(docs, pred)
    for name, s in less.spans.items():
        assert (full.spans[name].tp - 1, 0, full.spans[name].fn + 1) == (s.tp, s.fp, s.fn)
        assert len(scored) - 1 == s.tp


@given(st.text(max_size=40), st.data())
def test_evaluate_normalise_is_idempotent_and_inside(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    once = normalise(text, [(a, b)])
    assert once == normalise(text, once)
    assert all(a <= x < y <= b for x, y in once)


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=4),
    st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=4),
)
def test_evaluate_iou_symmetric_and_bounded(xs, ys):
    def spans(raw):
        out, pos = [], 0
        for gap, length in raw:
            out.append((pos + gap, pos + gap + length))
            pos += gap + length + 1
        return out

    x, y = spans(xs), spans(ys)
    v = iou(x, y)
    assert v == iou(y, x)
    assert 0.0 <= v <= 1.0
    if x:
        assert 1.0 == iou(x, x)


@pytest.mark.issue(19)
@given(
    st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), min_size=1, max_size=6).map(" ".join),
    st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8), max_size=6).map(" ".join),
)
def test_evaluate_hand_over_punctuation_is_ignored(first: str, second: str) -> None:
    """The decision of docs/data-model.md: a quote's parts keep the comma that
    hands over to the narration ('"We will respond," he told reporters' gives
    'We will respond,') and the period that ends it, and scoring ignores them:
    gold that stops before them and the engine's prediction match exactly."""
    opening = first[0].upper() + first[1:]
    text = f'"{opening}," Anna Berg said, "{second}."' if second else f'"{opening}," Anna Berg said.'
    result = extract(text)
    assert [","] + (["."] if second else []) == [p.text[-1] for q in result.quotes for p in q.parts]
    gold_spans = [(1, 1 + len(first))]
    if second:
        start = text.rindex(second)
        gold_spans.append((start, start + len(second)))
    gold = [LabelledDocument(id="d", text=text, quotes=[LabelledQuote(spans=gold_spans, kind="direct")])]
    exact = evaluate(gold, [from_result(result, id="d")]).spans["exact"]
    assert (1, 0, 0) == (exact.tp, exact.fp, exact.fn)
