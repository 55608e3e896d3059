"""The labelled shape of quotes that gold data and predictions share.

:class:`LabelledQuote` and :class:`LabelledDocument` are what
:mod:`quoteattr.corpora` reads and writes and what :mod:`quoteattr.scoring`
compares; the readers (:mod:`quoteattr.corpora` for JSONL and results,
:mod:`quoteattr.brat` for brat standoff) build them. Spans are plain
``(start, end)`` pairs of half-open ``str`` indices into the document text.
Both names are re-exported by :mod:`quoteattr.corpora`.

Example:
    >>> quote = LabelledQuote(spans=[(12, 14)], speaker=[0, 6])
    >>> doc = LabelledDocument(id="d1", text="Peskov said no.", quotes=[quote])
    >>> q = doc.quotes[0]
    >>> doc.text[q.start:q.end], q.speaker
    ('no', (0, 6))
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = ["LabelledDocument", "LabelledQuote", "Pair"]

Pair = tuple[int, int]


def _pair(value: Any) -> Pair:
    if (
        isinstance(value, (list, tuple))
        and len(value) >= 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value[:2])
    ):
        return int(value[0]), int(value[1])
    raise ValueError(f"a span must be [start, end] with int offsets (got {value!r})")


def _opt_pair(value: Any) -> Pair | None:
    return None if value is None else _pair(value)


def _labelled_quotes(value: Iterable[LabelledQuote]) -> tuple[LabelledQuote, ...]:
    # typed, unlike ``converter=tuple``, so mypy's attrs plugin knows the argument
    return tuple(value)


def _pairs(value: Any) -> tuple[Pair, ...]:
    return tuple(_pair(v) for v in value)


@attrs.frozen(kw_only=True)
class LabelledQuote:
    """One quote, gold or predicted, in the shape the scorer compares.

    Args:
        spans: the content pieces, in text order (several for a
            discontinuous or split quote).
        kind: ``"direct"``, ``"indirect"``, ``"mixed"`` or ``None``.
        cue: the cue span, if any.
        speaker: the speaker mention span, if any.
        speaker_entity: gold: the speaker's entity key (a canonical name for
            the seeds, a coreference id for LitBank); predicted: the resolved
            entity's name.
        speaker_mentions: predicted only: every mention of the speaker's
            entity, used to match LitBank's gold mentions.
        optional: a borderline gold quote that is neither rewarded nor
            penalised.
        cue_class: ``"speech"``, ``"thought"``, ``"other"`` or ``None``.
        confidence: predicted only: the system's confidence.
        id: an identifier within the document (PolNeAR's ``E<n>``).
        speaker_form: the heuristic form of the gold speaker, if given.

    Raises:
        ValueError: when a span is malformed or the spans are not in order.
    """

    spans: tuple[Pair, ...] = attrs.field(converter=_pairs)
    kind: str | None = None
    cue: Pair | None = attrs.field(default=None, converter=_opt_pair)
    speaker: Pair | None = attrs.field(default=None, converter=_opt_pair)
    speaker_entity: str | None = None
    speaker_mentions: tuple[Pair, ...] = attrs.field(default=(), converter=_pairs)
    optional: bool = False
    cue_class: str | None = None
    confidence: float | None = None
    id: str | None = None
    speaker_form: str | None = None

    @spans.validator
    def _check_spans(self, attribute: attrs.Attribute[Any], value: tuple[Pair, ...]) -> None:
        if not value:
            raise ValueError("a quote needs at least one content span")
        for a, b in value:
            if not 0 <= a <= b:
                raise ValueError(f"content span [{a}, {b}) must have 0 <= start <= end")
        for (_, b), (c, _) in itertools.pairwise(value):
            if c < b:
                raise ValueError(f"content spans must be in order and not overlap (got {value!r})")

    @property
    def start(self) -> int:
        """Start of the first content span."""
        return self.spans[0][0]

    @property
    def end(self) -> int:
        """End of the last content span."""
        return self.spans[-1][1]


@attrs.frozen(kw_only=True)
class LabelledDocument:
    """A text with its labelled quotes.

    Args:
        id: the document id; gold and predictions are paired by it.
        text: the text, verbatim.
        quotes: the quotes, in file order.
        entities: canonical entity key -> proper-name aliases.
        mentions: entity key -> ``(start, end, form)`` mentions (LitBank).
        source: the corpus or engine name.
        meta: anything else the file carried, kept as it was.

    Raises:
        ValueError: when a span lies outside the text.
    """

    id: str
    text: str
    quotes: tuple[LabelledQuote, ...] = attrs.field(default=(), converter=_labelled_quotes)
    entities: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    mentions: Mapping[str, tuple[tuple[int, int, str], ...]] = attrs.field(factory=dict)
    source: str | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        for q in self.quotes:
            pairs = list(q.spans) + [p for p in (q.cue, q.speaker) if p is not None] + list(q.speaker_mentions)
            for a, b in pairs:
                if b < a:
                    raise ValueError(
                        f"span [{a}, {b}) of quote {q.id or q.spans} ends before it starts (end {b} < start {a})"
                    )
                if not 0 <= a <= b <= n:
                    raise ValueError(
                        f"span [{a}, {b}) of quote {q.id or q.spans} lies outside a text of {n} characters"
                    )
