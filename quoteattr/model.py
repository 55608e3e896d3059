"""Frozen, typed results: spans, quotes, speakers and the document result.

Every offset is a half-open ``[start, end)`` Python ``str`` index into the
*original* input text, and every span carries the text it covers, so that
``source[span.start:span.end] == span.text`` always holds. :class:`Result`
checks this for every span it holds when it is built.

:class:`Span` and the offset validators live in :mod:`quoteattr.spans`
(re-exported here); this module holds the enums, the records built on spans
and their ``to_dict``/``from_dict`` forms.

Example:
    >>> import quoteattr
    >>> r = quoteattr.extract('"We will respond," Peskov told reporters.')
    >>> q = r.quotes[0]
    >>> q.kind.value, q.content.text, q.cue.text, q.speaker.mention.text
    ('direct', 'We will respond,', 'told reporters', 'Peskov')
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from .errors import InvalidSpanError, QuoteattrError, SerializationError, UnknownSpeakerError
from .spans import Span, _check_count, _check_offset, _offset_pairs
from .spans import span_with_text as span_with_text  # (re-exported: quoteattr.coref imports it from here)
from .tables import QuoteTable, SpanTable, bind

__all__ = [
    "CueClass",
    "Diagnostic",
    "EntityKind",
    "Quote",
    "QuoteKind",
    "Resolution",
    "Result",
    "Span",
    "Speaker",
    "SpeakerRef",
]

SCHEMA_VERSION = 1

#: Output formats of :class:`Result`, registered by the modules that write
#: them (``"html"``: :func:`quoteattr.render.to_html`); see :meth:`Result.to_html`.
_RENDERERS: dict[str, Callable[..., str]] = {}


def register_renderer(name: str, render: Callable[..., str]) -> None:
    """Make *render* the function behind ``Result.to_<name>()`` (used by :mod:`quoteattr.render`)."""
    _RENDERERS[name] = render


class _ValueEnum(str, enum.Enum):
    """A string enum that prints as its value: ``str(QuoteKind.DIRECT) == "direct"``."""

    _value_: str

    def __str__(self) -> str:
        return self.value


class QuoteKind(_ValueEnum):
    """How the reported words are given.

    ``direct``: wholly inside quotation marks; ``indirect``: no quotation
    marks; ``mixed``: partly quoted ("said he hoped to show some "wisdom"").
    """

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class CueClass(_ValueEnum):
    """What a cue reports: speech ("said") or thought and intent ("believes")."""

    SPEECH = "speech"
    THOUGHT = "thought"


class EntityKind(_ValueEnum):
    """The kind of a speaker entity."""

    PERSON = "person"
    ORGANISATION = "organisation"
    OTHER = "other"


class Resolution(_ValueEnum):
    """How a speaker mention was tied to its entity."""

    NAME = "name"  # the mention is (part of) the entity's proper name
    TITLE = "title"  # "Mr Peskov", "President Trump"
    ROLE = "role"  # "the foreign minister" -> entity with that role
    PRONOUN = "pronoun"  # "he" -> last compatible speaker or subject
    FOLLOW_ON = "follow_on"  # a quote paragraph with no cue after X's quote
    COREF = "coref"  # a coreference chain from an annotation (stanza, gold)
    UNRESOLVED = "unresolved"  # kept as it is; no name invented


def _opt_span(value: Any) -> Span | None:
    return None if value is None else Span.from_list(value)


# Typed converters for the tuple fields: ``converter=tuple`` would leave mypy's
# attrs plugin with an unsolved ``Iterable[_T_co]`` as the __init__ argument.
def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _mentions(value: Iterable[Span]) -> Sequence[Span]:
    # (the engine's speakers hold their mentions in a SpanTable, issue 18)
    return value if isinstance(value, SpanTable) else tuple(value)


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _quotes(value: Iterable[Quote]) -> Sequence[Quote]:
    # (the engine's result holds its quotes in a QuoteTable, issue 18)
    return value if isinstance(value, QuoteTable) else tuple(value)


def _speakers(value: Iterable[Speaker]) -> tuple[Speaker, ...]:
    return tuple(value)


def _diagnostics(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Speaker:
    """One speaking entity of a document: a person, organisation or other.

    Args:
        id: stable identifier within the result (``"e0"``, ``"e1"`` ...).
        name: canonical name, the fullest proper-name mention ("Sergey
            Lavrov"); ``None`` when the text never names the entity.
        kind: person, organisation or other.
        role: a role the text gives the entity ("Russian foreign minister").
        gender: ``"male"``, ``"female"`` or ``None`` when unknown.
        mentions: every mention of the entity that was found, in text order:
            a tuple, or, in a result of the engine, a
            :class:`~quoteattr.tables.SpanTable` that behaves as one.
        aliases: the distinct proper-name forms among the mentions.
    """

    id: str = attrs.field(validator=attrs.validators.instance_of(str))
    name: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str)))
    kind: EntityKind = attrs.field(default=EntityKind.OTHER, converter=EntityKind)
    role: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str)))
    gender: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(("male", "female")))
    )
    mentions: Sequence[Span] = attrs.field(default=(), converter=_mentions)
    # (checked: an alias that is not a str, nan say, made a result unequal to itself)
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_strs, validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str))
    )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "role": self.role,
            "gender": self.gender,
            "mentions": [m.to_list() for m in self.mentions],
            "aliases": list(self.aliases),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Speaker:
        return cls(
            id=d["id"],
            name=d.get("name"),
            kind=d.get("kind", "other"),
            role=d.get("role"),
            gender=d.get("gender"),
            mentions=[Span.from_list(m) for m in d.get("mentions", ())],
            aliases=d.get("aliases", ()),
        )


@attrs.frozen(kw_only=True)
class SpeakerRef:
    """The speaker of one quote: the mention in the text and its entity.

    Args:
        mention: the noun phrase that names the speaker here ("He",
            "Sergey Lavrov, the Russian foreign minister"). For a follow-on
            quote with no cue this is the mention of the previous quote.
        entity: the resolved entity; one of :attr:`Result.speakers`.
        resolution: how the mention was tied to the entity.
        confidence: how sure the resolution is, in ``[0, 1]``.
    """

    mention: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    entity: Speaker = attrs.field(validator=attrs.validators.instance_of(Speaker))
    resolution: Resolution = attrs.field(default=Resolution.NAME, converter=Resolution)
    confidence: float = attrs.field(
        default=1.0, converter=float, validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)]
    )


@attrs.frozen(kw_only=True)
class Quote:
    """One attributed quote.

    Args:
        kind: direct, indirect or mixed.
        content: the reported words, quote marks excluded; for a split quote
            the hull from the first to the last part.
        parts: the pieces of the content (``"A," he said, "B."`` gives two);
            ``(content,)`` when the content is in one piece.
        cue: the cue ("said", "told reporters", "according to"), if any.
        cue_class: speech or thought, from the cue lexicon.
        speaker: the speaker mention and entity, if any.
        confidence: how strong the evidence is, in ``[0, 1]``.
        rule: the name of the rule that found the quote (see docs/rules.md).
    """

    kind: QuoteKind = attrs.field(converter=QuoteKind)
    content: Span = attrs.field(validator=attrs.validators.instance_of(Span))
    parts: tuple[Span, ...] = attrs.field(converter=_spans)
    cue: Span | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Span))
    )
    cue_class: CueClass | None = attrs.field(default=None, converter=attrs.converters.optional(CueClass))
    speaker: SpeakerRef | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(SpeakerRef))
    )
    confidence: float = attrs.field(
        default=0.5, converter=float, validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)]
    )
    rule: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    #: What :attr:`text` puts between the parts of a split quote.
    PART_JOINER = " […] "

    @property
    def text(self) -> str:
        """The quote's own words: the text of its parts, joined by
        :attr:`PART_JOINER` (``" […] "``) where narration was left out.

        For a quote in one piece this is ``content.text``. For a split quote
        ``content`` spans from the first part to the last, the narration
        between them included, so ``text`` is what to show or store as the
        words. Each part keeps what stands inside its marks, the comma that
        hands over to the narration included (``'"We will respond," he told
        reporters'`` gives ``'We will respond,'``); scoring ignores that
        punctuation (:func:`quoteattr.evaluate.normalise`).

        Example:
            >>> import quoteattr
            >>> r = quoteattr.extract('"The money is there," he said, "but the timing is tight."')
            >>> r.quotes[0].text
            'The money is there, […] but the timing is tight.'
            >>> r.quotes[0].content.text
            'The money is there," he said, "but the timing is tight.'
        """
        if len(self.parts) == 1:
            return self.parts[0].text
        return self.PART_JOINER.join(p.text for p in self.parts)

    @parts.default
    def _parts_default(self) -> tuple[Span, ...]:
        return (self.content,)

    @parts.validator
    def _check_parts(self, attribute: attrs.Attribute[Any], value: tuple[Span, ...]) -> None:
        if not value:
            raise InvalidSpanError("'parts' must hold at least one span")
        if value[0].start != self.content.start or value[-1].end != self.content.end:
            raise InvalidSpanError(
                f"'parts' must run from content.start to content.end ({self.content.start}-{self.content.end}), "
                f"got {value[0].start}-{value[-1].end}"
            )
        # (no itertools.pairwise: test_render keeps model's imports to a fixed few)
        for a, b in zip(value, value[1:], strict=False):  # noqa: RUF007  (see the line above)
            if b.start < a.end:
                raise InvalidSpanError(f"'parts' must be in order and not overlap (got {a} then {b})")

    def to_dict(self) -> dict[str, Any]:
        sp = self.speaker
        return {
            "kind": self.kind.value,
            "content": self.content.to_list(),
            "parts": [p.to_list() for p in self.parts],
            "cue": None if self.cue is None else self.cue.to_list(),
            "cue_class": None if self.cue_class is None else self.cue_class.value,
            "speaker": None
            if sp is None
            else {
                "mention": sp.mention.to_list(),
                "entity": sp.entity.id,
                "resolution": sp.resolution.value,
                "confidence": sp.confidence,
            },
            "confidence": self.confidence,
            "rule": self.rule,
        }


@attrs.frozen(kw_only=True)
class Diagnostic:
    """A note about the input that did not stop extraction.

    Args:
        code: a stable machine-readable code, e.g. ``"unclosed-quote"``.
        message: what was seen and what was done about it.
        start: offset of the first character concerned.
        end: offset after the last character concerned.
        count: how many occurrences this diagnostic stands for: 1, or more
            when repeats of one code were collapsed (see docs/data-model.md).
        offsets: for a collapsed diagnostic, ``(start, end)`` of the first
            occurrences (ten at most); empty otherwise.
    """

    code: str = attrs.field(validator=attrs.validators.instance_of(str))
    message: str = attrs.field(validator=attrs.validators.instance_of(str))
    start: int = attrs.field(validator=_check_offset)
    end: int = attrs.field(validator=_check_offset)
    count: int = attrs.field(default=1, validator=_check_count)
    offsets: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_offset_pairs)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"code": self.code, "message": self.message, "start": self.start, "end": self.end}
        if self.count != 1 or self.offsets:
            # (only on collapsed diagnostics: every other one keeps its
            # four keys, so their JSON is what it was)
            d["count"] = self.count
            d["offsets"] = [list(p) for p in self.offsets]
        return d


def _spans_of(result: Result) -> Iterable[Span]:
    # A quote's entity is one of result.speakers (checked by id), whose
    # mentions are checked once below, not once per quote. A table over this
    # very text was checked against it when it was built.
    if not _is_table_of(result.quotes, result.text):
        for q in result.quotes:
            yield q.content
            yield from q.parts
            if q.cue is not None:
                yield q.cue
            if q.speaker is not None:
                yield q.speaker.mention
    for s in result.speakers:
        if not _is_table_of(s.mentions, result.text):
            yield from s.mentions


def _is_table_of(value: object, text: str) -> bool:
    return isinstance(value, (QuoteTable, SpanTable)) and value.source == text


@attrs.frozen(kw_only=True)
class Result:
    """Everything quoteattr found in one document.

    Args:
        text: the input, unchanged.
        quotes: the quotes in text order: a tuple, or, in a result of the
            engine, a :class:`~quoteattr.tables.QuoteTable` that behaves as
            one (each read makes a new, equal :class:`Quote`).
        speakers: one entry per resolved entity; every quote's
            ``speaker.entity`` is one of them.
        diagnostics: notes about the input (unpaired marks and the like).
        engine: the engine that produced the result (``"rules"``, ``"stanza"``).
        id: the document id, when one was given (``--input-jsonl``).

    Raises:
        InvalidSpanError: when a span does not match ``text``.
    """

    text: str = attrs.field(
        validator=attrs.validators.instance_of(str), repr=lambda t: repr(t[:40] + ("…" if len(t) > 40 else ""))
    )
    quotes: Sequence[Quote] = attrs.field(default=(), converter=_quotes)
    speakers: tuple[Speaker, ...] = attrs.field(default=(), converter=_speakers)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)
    engine: str = attrs.field(default="rules", validator=attrs.validators.instance_of(str))
    id: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.instance_of(str)))

    def __attrs_post_init__(self) -> None:
        for span in _spans_of(self):
            span.check(self.text)
        by_id = {s.id: s for s in self.speakers}
        quotes = self.quotes
        if (
            isinstance(quotes, QuoteTable)
            and len(quotes.speakers) == len(self.speakers)
            and all(a is b for a, b in zip(quotes.speakers, self.speakers, strict=True))
        ):
            # (a table's entities are indices into its speakers, which are these)
            quotes = ()
        for q in quotes:
            if q.speaker is None:
                continue
            ent = by_id.get(q.speaker.entity.id)
            if ent is None or (ent is not q.speaker.entity and ent != q.speaker.entity):
                raise SerializationError(f"quote speaker entity {q.speaker.entity.id!r} is not among result.speakers")
        for d in self.diagnostics:
            if d.end > len(self.text) or d.start > d.end:
                raise InvalidSpanError(f"diagnostic offsets {d.start}-{d.end} lie outside the text")
            for a, b in d.offsets:
                if b > len(self.text):
                    raise InvalidSpanError(f"diagnostic offsets {a}-{b} lie outside the text")

    def speaker(self, entity_id: str) -> Speaker:
        """The speaker entity with this id.

        Raises:
            UnknownSpeakerError: when no speaker has that id (a
                :class:`~quoteattr.QuoteattrError` and a :class:`KeyError`).

        Example:
            >>> import quoteattr
            >>> r = quoteattr.extract('"We will respond," Peskov told reporters.')
            >>> r.speaker("e0").name
            'Peskov'
            >>> r.speaker("e99")
            Traceback (most recent call last):
            ...
            quoteattr.errors.UnknownSpeakerError: no speaker has id 'e99' (the result holds 'e0')
        """
        for s in self.speakers:
            if s.id == entity_id:
                return s
        raise UnknownSpeakerError(entity_id, tuple(s.id for s in self.speakers))

    def to_html(self, *, title: str | None = None) -> str:
        """A self-contained HTML page showing the quotes (see docs/rendering.md).

        Each quote is highlighted in its speaker's colour with the cue
        underlined and the speaker labelled; a legend lists the speakers.
        All text is escaped; a lone surrogate is shown as U+FFFD.

        Why this method imports nothing: :mod:`quoteattr.model` is the bottom
        layer that every module imports, and :mod:`quoteattr.render` needs
        it, so model must not import render, at the top or lazily (that
        would be an import cycle). Instead render registers its ``to_html``
        in :data:`_RENDERERS` when it is imported, and the package imports
        render with the first result type or engine function asked of it.
        The method stays because ``result.to_html()`` is the natural
        spelling in a notebook.

        Raises:
            QuoteattrError: if :mod:`quoteattr.render` was never imported
                (only when this module was loaded without its package).
        """
        render = _RENDERERS.get("html")
        if render is None:
            raise QuoteattrError("no HTML renderer is registered: import quoteattr.render first")
        return render(self, title=title)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_dict` rebuilds an equal result."""
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "engine": self.engine,
            "text": self.text,
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [s.to_dict() for s in self.speakers],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Result:
        """Rebuild a result from :meth:`to_dict`'s output.

        Raises:
            SerializationError: when *d* is not such a dict.
        """
        if not isinstance(d, Mapping):
            raise SerializationError(f"Result.from_dict needs a mapping (got {type(d).__name__})")
        try:
            return cls._from_dict(d)
        except SerializationError:
            raise
        except InvalidSpanError as exc:
            raise SerializationError(f"invalid result dict: {exc}") from exc
        # (a field of the wrong type or value; a number too large for a
        # float or for str(); a value nested deeper than repr() can go)
        except (KeyError, TypeError, ValueError, OverflowError, RecursionError) as exc:
            raise SerializationError(f"invalid result dict: {type(exc).__name__}: {_short(exc)}") from None

    @classmethod
    def _from_dict(cls, d: Mapping[str, Any]) -> Result:
        speakers = tuple(Speaker.from_dict(_mapping(s, "a speaker")) for s in _list(d.get("speakers", ()), "speakers"))
        by_id = {s.id: s for s in speakers}
        quotes = []
        for q in _list(d.get("quotes", ()), "quotes"):
            q = _mapping(q, "a quote")
            sp = q.get("speaker")
            ref = None
            if sp is not None:
                sp = _mapping(sp, "a quote's speaker")
                ref = SpeakerRef(
                    mention=Span.from_list(sp["mention"]),
                    entity=by_id[sp["entity"]],
                    resolution=sp.get("resolution", "name"),
                    confidence=sp.get("confidence", 1.0),
                )
            quotes.append(
                Quote(
                    kind=q["kind"],
                    content=Span.from_list(q["content"]),
                    parts=[Span.from_list(p) for p in _list(q.get("parts") or [q["content"]], "parts")],
                    cue=_opt_span(q.get("cue")),
                    cue_class=q.get("cue_class"),
                    speaker=ref,
                    confidence=q.get("confidence", 0.5),
                    rule=q.get("rule", ""),
                )
            )
        diags = tuple(Diagnostic(**_mapping(x, "a diagnostic")) for x in _list(d.get("diagnostics", ()), "diagnostics"))
        return cls(
            text=d["text"],
            quotes=quotes,
            speakers=speakers,
            diagnostics=diags,
            engine=d.get("engine", "rules"),
            id=d.get("id"),
        )


def _mapping(value: Any, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise SerializationError(f"invalid result dict: {what} must be an object (got {type(value).__name__})")
    return value


def _list(value: Any, what: str) -> list[Any] | tuple[Any, ...]:
    if not isinstance(value, (list, tuple)):
        raise SerializationError(f"invalid result dict: {what!r} must be a list (got {type(value).__name__})")
    return value


def _short(exc: BaseException) -> str:
    """The message of *exc*, cut to 200 characters (it may quote a huge value)."""
    try:
        text = str(exc)
    except (ValueError, RecursionError):  # (an int of over 4,300 digits, a deep list)
        return "(value not shown)"
    return text if len(text) <= 200 else text[:197] + "..."


bind(
    Quote=Quote,
    SpeakerRef=SpeakerRef,
    kinds=tuple(QuoteKind),
    cue_classes=tuple(CueClass),
    resolutions=tuple(Resolution),
)
