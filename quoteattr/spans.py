"""Character spans of the original text, and the offset checks of every record.

A :class:`Span` is a half-open ``[start, end)`` Python ``str`` index range
into the *original* input, carrying the text it covers, so that
``source[span.start:span.end] == span.text`` always holds. The validators
here raise quoteattr's own errors (:class:`~quoteattr.InvalidSpanError`,
:class:`~quoteattr.InputTypeError`) for bad offsets; :mod:`quoteattr.model`
builds the result records on them and re-exports :class:`Span`.

Example:
    >>> Span.of("Peskov said no.", 0, 6)
    Span(start=0, end=6, text='Peskov')
    >>> Span(-1, 2, "abc")
    Traceback (most recent call last):
    ...
    quoteattr.errors.InvalidSpanError: 'start' must be >= 0 (got -1)
"""

from __future__ import annotations

from typing import Any

import attrs

from .errors import InputTypeError, InvalidSpanError, SerializationError

__all__ = ["Span", "span_with_text"]

_set = object.__setattr__


def span_with_text(start: int, end: int, text: str) -> Span:
    """A :class:`Span` from offsets already checked against the source and
    the source's ``text`` there (internal: lets equal mention texts share one
    ``str``; nothing is validated)."""
    span = object.__new__(Span)
    _set(span, "start", start)
    _set(span, "end", end)
    _set(span, "text", text)
    return span


def _check_offset(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    # One validator for every offset, so that a bad one raises quoteattr's
    # own errors (attrs' ge() raised a plain ValueError for Span(-1, 2, ...)).
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputTypeError(f"{attribute.name!r} must be an int offset (got {type(value).__name__}: {value!r:.60})")
    if value < 0:
        raise InvalidSpanError(f"{attribute.name!r} must be >= 0 (got {value})")


def _check_count(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputTypeError(f"{attribute.name!r} must be an int (got {type(value).__name__}: {value!r:.60})")
    if value < 1:
        raise InvalidSpanError(f"{attribute.name!r} must be >= 1 (got {value})")


def _offset_pairs(value: Any) -> tuple[tuple[int, int], ...]:
    pairs = []
    for pair in value:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise InputTypeError(f"'offsets' must hold [start, end] pairs (got {pair!r:.60})")
        a, b = pair
        for x in (a, b):
            if isinstance(x, bool) or not isinstance(x, int) or x < 0:
                raise InvalidSpanError(f"'offsets' must hold int offsets >= 0 (got {pair!r:.60})")
        if b < a:
            raise InvalidSpanError(f"'offsets' pair {pair!r:.60} has end < start")
        pairs.append((a, b))
    return tuple(pairs)


def _check_span(instance: Span, attribute: attrs.Attribute[Any], value: str) -> None:
    if instance.end < instance.start:
        raise InvalidSpanError(f"'end' must be >= 'start' (got start={instance.start}, end={instance.end})")
    if len(instance.text) != instance.end - instance.start:
        raise InvalidSpanError(
            f"'text' must have end - start = {instance.end - instance.start} characters "
            f"(got {len(instance.text)}: {instance.text!r})"
        )


@attrs.frozen(order=True)
class Span:
    """A half-open character span ``[start, end)`` of the original text.

    Args:
        start: first character offset (``>= 0``).
        end: offset of the first character *after* the span (``>= start``).
        text: ``source[start:end]``.

    Raises:
        InvalidSpanError: when the offsets are inconsistent with each other or
            with ``text``.
    """

    start: int = attrs.field(validator=_check_offset)
    end: int = attrs.field(validator=_check_offset)
    text: str = attrs.field(validator=[attrs.validators.instance_of(str), _check_span], order=False)

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of *source*, with its text.

        Raises:
            InvalidSpanError: when the span does not lie within *source*.
        """
        if not 0 <= start <= end <= len(source):
            raise InvalidSpanError(f"span [{start}, {end}) must lie within a text of {len(source)} characters")
        if type(start) is not int or type(end) is not int or cls is not Span:
            return cls(start, end, source[start:end])
        # The hot path (a span per quote part, cue and mention): the checks
        # above are all the validators would do, so set the slots directly,
        # as attrs' own frozen __init__ does.
        return span_with_text(start, end, source[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when *other* lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end

    def check(self, source: str) -> None:
        """Raise :class:`InvalidSpanError` unless this span matches *source*."""
        if self.end > len(source) or source[self.start : self.end] != self.text:
            raise InvalidSpanError(
                f"span [{self.start}, {self.end}) {self.text!r} does not match the source text "
                f"(which has {source[self.start : self.end]!r} there, length {len(source)})"
            )

    def to_list(self) -> list[Any]:
        return [self.start, self.end, self.text]

    @classmethod
    def from_list(cls, value: Any) -> Span:
        try:
            start, end, text = value
        except (TypeError, ValueError) as exc:
            raise SerializationError(f"a span must be [start, end, text] (got {value!r})") from exc
        return cls(start, end, text)
