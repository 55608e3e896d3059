"""Tests for quoteattr.linking.link_speakers on results written for the tests."""

from __future__ import annotations

import pytest

from quoteattr import EntityKind, InputTypeError, Quote, Result, Span, Speaker, SpeakerRef
from quoteattr.linking import CorpusSpeaker, link_speakers


def _doc(doc_id: str, *speakers: tuple[str, str, str | None]) -> Result:
    """A result whose text is the speakers' names, one quote per speaker."""
    text = " ; ".join(n for n, _, _ in speakers)
    ents, quotes, pos = [], [], 0
    for i, (name, kind, role) in enumerate(speakers):
        span = Span.of(text, pos, pos + len(name))
        pos += len(name) + 3
        s = Speaker(id=f"e{i}", name=name, kind=kind, role=role, mentions=[span], aliases=[name])
        ents.append(s)
        quotes.append(Quote(kind="indirect", content=span, speaker=SpeakerRef(mention=span, entity=s)))
    return Result(text=text, quotes=quotes, speakers=ents, id=doc_id)


def _groups(table: tuple[CorpusSpeaker, ...]) -> list[set[str]]:
    return [set(s.variants) for s in table]


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        # link-full-name across transliteration variants
        (
            [_doc("a", ("Sergey Lavrov", "person", None)), _doc("b", ("Sergei Lavrov", "person", None))],
            [{"Sergey Lavrov", "Sergei Lavrov"}],
        ),
        (
            [_doc("a", ("Dmitry Peskov", "person", None)), _doc("b", ("Dmitri Peskov", "person", None))],
            [{"Dmitry Peskov", "Dmitri Peskov"}],
        ),
        # title forms
        (
            [_doc("a", ("Mr Peskov", "person", None)), _doc("b", ("Dmitry Peskov", "person", None))],
            [{"Dmitry Peskov", "Mr Peskov"}],
        ),
        # link-surname: a surname joins the one full name
        (
            [_doc("a", ("Lavrov", "person", None)), _doc("b", ("Sergey Lavrov", "person", None))],
            [{"Lavrov", "Sergey Lavrov"}],
        ),
        # never merge on the surname when first names conflict
        (
            [_doc("a", ("John Smith", "person", None)), _doc("b", ("Mary Smith", "person", None))],
            [{"John Smith"}, {"Mary Smith"}],
        ),
        (
            [
                _doc("a", ("John Smith", "person", None), ("Mary Smith", "person", None)),
                _doc("b", ("Smith", "person", None)),
            ],
            [{"John Smith"}, {"Mary Smith"}, {"Smith"}],
        ),
        # the same lone surname in two documents is one cluster, still apart from the full names
        (
            [
                _doc("a", ("John Smith", "person", None), ("Mary Smith", "person", None)),
                _doc("b", ("Smith", "person", None)),
                _doc("c", ("Smith", "person", None)),
            ],
            [{"John Smith"}, {"Mary Smith"}, {"Smith"}],
        ),
        # link-organisation
        (
            [
                _doc("a", ("Russian Foreign Ministry", "organisation", None)),
                _doc("b", ("Foreign Ministry", "organisation", None)),
            ],
            [{"Russian Foreign Ministry", "Foreign Ministry"}],
        ),
    ],
)
def test_linking_rules(docs: list[Result], expected: list[set[str]]) -> None:
    """Rules link-full-name, link-surname and link-organisation."""
    assert expected == _groups(link_speakers(docs))


def test_linking_table_fields() -> None:
    """The table gives members, roles, kind, quote count and ids in order of first appearance."""
    docs = [
        _doc("a", ("Sergey Lavrov", "person", "Russian foreign minister"), ("Maria Zakharova", "person", None)),
        _doc("b", ("Sergei Lavrov", "person", "foreign minister")),
    ]
    table = link_speakers(docs)
    lavrov = table[0]
    assert ("c0", "Sergey Lavrov", EntityKind.PERSON) == (lavrov.id, lavrov.name, lavrov.kind)
    assert (("a", "e0"), ("b", "e0")) == lavrov.members
    assert {"Russian foreign minister", "foreign minister"} == set(lavrov.roles)
    assert 2 == lavrov.quote_count
    assert ["c0", "c1"] == [s.id for s in table]


def test_linking_unnamed_speakers_stay_apart() -> None:
    """Unnamed entities are left out, or listed one by one when asked for."""
    text = "a spokesman"
    span = Span.of(text, 0, len(text))
    docs = [Result(text=text, speakers=[Speaker(id="e0", role="spokesman", mentions=[span])], id=d) for d in "ab"]
    assert (0, 2) == (len(link_speakers(docs)), len(link_speakers(docs, include_unnamed=True)))


@pytest.mark.parametrize("bad", [["not a result"], [None]])
def test_linking_rejects_non_results(bad: list[object]) -> None:
    """Anything but a Result raises a typed error (also a TypeError)."""
    with pytest.raises(InputTypeError):
        link_speakers(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        link_speakers(bad)  # type: ignore[arg-type]
