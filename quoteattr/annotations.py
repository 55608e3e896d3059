"""The annotation contract: what the quote logic reads, independent of stanza.

Both engines produce an :class:`Annotation`: the rule engine from its own
segmenter (paragraphs, sentences, tokens, no parse), the stanza engine from a
``stanza.Document`` (see :mod:`quoteattr.adapters.stanza`), and test fixtures
from gold CoNLL-U files. The quote logic reads only this, never stanza.

Tokens are stored column-wise (one tuple per attribute) rather than as one
object per token: a million-character article has ~200K tokens, and building
an object for each would dominate the rule engine's time.

All offsets are half-open Python ``str`` indices into :attr:`Annotation.text`.
``head`` holds document-level token indices (``-1`` for a sentence root).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from .errors import InvalidSpanError, MissingAnnotationError
from .tables import PairTable

__all__ = ["Annotation", "CorefChain", "EntityMention", "Tokens"]

Pair = tuple[int, int]


def _pairs(value: Any) -> PairTable:
    # (two arrays, not a tuple of tuples: the sentences of a long text are
    # many, 7.5 times the input as tuples on a text of short quotes; issue 18)
    return value if isinstance(value, PairTable) else PairTable(value)


# Typed converters for the tuple fields: ``converter=tuple`` would leave mypy's
# attrs plugin with an unsolved ``Iterable[_T_co]`` as the __init__ argument.
def _ints(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


def _entity_mentions(value: Iterable[EntityMention]) -> tuple[EntityMention, ...]:
    return tuple(value)


def _chains(value: Iterable[CorefChain]) -> tuple[CorefChain, ...]:
    return tuple(value)


def _opt_tuple(value: Any) -> tuple[Any, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen(kw_only=True)
class Tokens:
    """Column-wise tokens of a document.

    Args:
        starts, ends: character offsets of each token.
        sentence: the sentence index of each token.
        upos, xpos, lemma, deprel: per-token strings, or ``None`` when the
            layer is absent.
        head: per-token document-level index of the syntactic head, ``-1`` for
            a root, or ``None`` when there is no parse.
        feats: per-token morphological features (``"Number=Sing|..."``).
    """

    starts: tuple[int, ...] = attrs.field(converter=_ints)
    ends: tuple[int, ...] = attrs.field(converter=_ints)
    sentence: tuple[int, ...] = attrs.field(converter=_ints)
    upos: tuple[str, ...] | None = attrs.field(default=None, converter=_opt_tuple)
    xpos: tuple[str, ...] | None = attrs.field(default=None, converter=_opt_tuple)
    lemma: tuple[str, ...] | None = attrs.field(default=None, converter=_opt_tuple)
    feats: tuple[str, ...] | None = attrs.field(default=None, converter=_opt_tuple)
    head: tuple[int, ...] | None = attrs.field(default=None, converter=_opt_tuple)
    deprel: tuple[str, ...] | None = attrs.field(default=None, converter=_opt_tuple)

    def __attrs_post_init__(self) -> None:
        n = len(self.starts)
        for name in ("ends", "sentence", "upos", "xpos", "lemma", "feats", "head", "deprel"):
            col = getattr(self, name)
            if col is not None and len(col) != n:
                raise MissingAnnotationError(f"token column {name!r} must have {n} entries (got {len(col)})")

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def has_parse(self) -> bool:
        return self.head is not None and self.deprel is not None


@attrs.frozen(kw_only=True)
class EntityMention:
    """A named-entity mention: ``[start, end)`` with a type such as ``PERSON``."""

    start: int
    end: int
    label: str


@attrs.frozen(kw_only=True)
class CorefChain:
    """A coreference chain: mentions of one entity as character spans.

    Args:
        id: the chain's id (stanza's chain index, or a gold entity id).
        mentions: ``(start, end)`` character spans, in text order.
        representative: index into *mentions* of the representative mention.
        label: an entity type where known (``"person"``, ``"organization"``).
    """

    id: str
    mentions: tuple[Pair, ...] = attrs.field(converter=_pairs)
    representative: int = 0
    label: str | None = None


@attrs.frozen(kw_only=True)
class Annotation:
    """A document with the layers the quote logic may use.

    Args:
        text: the original text.
        paragraphs: character spans of paragraphs (any sequence of
            ``(start, end)`` pairs; held as a
            :class:`~quoteattr.tables.PairTable`, which reads and compares
            as the tuple of its pairs).
        sentences: character spans of sentences (as *paragraphs*).
        tokens: column-wise tokens, or ``None`` (the rule engine tokenises
            lazily, only where a rule needs it).
        entities: named-entity mentions (NER), possibly empty.
        chains: coreference chains, possibly empty.
        source: which engine or file produced it (``"rules"``, ``"stanza"``,
            ``"conllu"``).

    Raises:
        InvalidSpanError: when an offset lies outside the text.
    """

    text: str
    paragraphs: PairTable = attrs.field(converter=_pairs)
    sentences: PairTable = attrs.field(converter=_pairs)
    tokens: Tokens | None = None
    entities: tuple[EntityMention, ...] = attrs.field(default=(), converter=_entity_mentions)
    chains: tuple[CorefChain, ...] = attrs.field(default=(), converter=_chains)
    source: str = "rules"

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        for name, spans in (("paragraphs", self.paragraphs), ("sentences", self.sentences)):
            for a, b in spans:
                if not 0 <= a <= b <= n:
                    raise InvalidSpanError(f"{name} span [{a}, {b}) lies outside a text of {n} characters")
        if self.tokens is not None and len(self.tokens) and (min(self.tokens.starts) < 0 or max(self.tokens.ends) > n):
            raise InvalidSpanError(f"token offsets lie outside a text of {n} characters")
        for e in self.entities:
            if not 0 <= e.start <= e.end <= n:
                raise InvalidSpanError(f"entity mention [{e.start}, {e.end}) lies outside the text")
        for c in self.chains:
            for a, b in c.mentions:
                if not 0 <= a <= b <= n:
                    raise InvalidSpanError(f"coref mention [{a}, {b}) of chain {c.id} lies outside the text")

    @property
    def layers(self) -> frozenset[str]:
        """The layers present: ``tokenize``, ``pos``, ``lemma``, ``depparse``, ``ner``, ``coref``."""
        out = {"tokenize"} if self.tokens is not None else set()
        if self.tokens is not None:
            if self.tokens.upos is not None:
                out.add("pos")
            if self.tokens.lemma is not None:
                out.add("lemma")
            if self.tokens.has_parse:
                out.add("depparse")
        if self.entities:
            out.add("ner")
        if self.chains:
            out.add("coref")
        return frozenset(out)

    def require(self, *layers: str) -> None:
        """Raise :class:`MissingAnnotationError` naming the layers that are absent."""
        missing = [x for x in layers if x not in self.layers]
        if missing:
            raise MissingAnnotationError(
                f"the annotation needs layers {list(layers)}; present: {sorted(self.layers)}; missing: {missing}"
            )
