"""Mentions and entities: the records coreference resolves (a mention, what
its words say, the entity it joins) and the tests that tell whether a
mention may join an entity (gender, kind, name).

The records live here, not with the analysis of a mention's words
(:mod:`quoteattr.mentions`), so that a mention can name its entity's type
without an import cycle.
"""

from __future__ import annotations

import bisect
import operator
from typing import Any

import attrs

from .model import EntityKind, Resolution
from .names import TITLES, full_names_match

Pair = tuple[int, int]


@attrs.frozen(weakref_slot=False)
class _Words:
    """What a mention's words say about its entity.

    Shared by every mention with the same wording (``analyse`` in
    :func:`resolve` analyses "Trump" once per document): never change one in
    place (it is frozen): :class:`_Mention`'s setters copy it. The name and
    the alias are kept as offsets from the mention's start, -1 for none
    (small ints: Python shares them, where a pair would be a new tuple);
    the alias ends where the name ends.
    """

    form: str  # "name", "role", "pronoun"
    name_at: int = -1  # [name_at, name_end): the proper-name part
    name_end: int = -1
    alias_at: int = -1  # [alias_at, name_end): the name with its title ("Mr Peskov")
    key: tuple[str, ...] = ()  # canonical name tokens, title dropped
    title: str | None = None
    role: str | None = None
    head: str | None = None
    modifiers: tuple[str, ...] = ()
    gender: str | None = None
    kind: EntityKind | None = None
    number: str = "sg"
    definite: bool = False
    pronoun: str | None = None


def _shared(field: str) -> property:
    """A :class:`_Mention` property reading its words' *field*; setting it copies the words."""

    def put(m: _Mention, value: Any) -> None:
        m.w = attrs.evolve(m.w, **{field: value})

    # (an attrgetter reads it in C: a Python getter was 5% of the engine's time)
    return property(
        operator.attrgetter(f"w.{field}"), put, doc=f"``{field}`` of the mention's words (see :class:`_Words`)."
    )


# bits of _Mention.flags (the hot loops test them directly). Kept as bits:
# three bool slots instead raised the peak of extract() by 2.7% on 1 MB of
# polnear-dev and 3% on 1 MB of litbank-dev (tracemalloc, 2026-12-01).
_SPEAKER, _IN_QUOTE, _SUBJECT = 1, 2, 4


def _flag(bit: int, doc: str) -> property:
    """A :class:`_Mention` property for one bit of its ``flags``."""

    def get(m: _Mention) -> bool:
        return m.flags & bit != 0

    def put(m: _Mention, on: bool) -> None:
        m.flags = m.flags | bit if on else m.flags & ~bit

    return property(get, put, doc=doc)


def _relative(span: Pair | None, start: int) -> Pair:
    return (-1, -1) if span is None else (span[0] - start, span[1] - start)


@attrs.define(weakref_slot=False)
class _Mention:
    """One mention: where it is, what its words say, and how it resolved (mutable while resolving).

    A mention is a small object of its own (a long document has tens of
    thousands): what its words say lives in :class:`_Words`, shared by every
    mention with the same wording and read through the properties below.
    """

    start: int
    end: int
    w: _Words
    # speaker, in_quote and subject, one bit each (see the properties):
    # a slot per flag was a tenth of a long document's working set
    flags: int = 0
    chain: int | None = None
    entity: _Entity | None = None
    resolution: Resolution = Resolution.NAME

    speaker = _flag(_SPEAKER, "The mention is a quote's speaker.")
    in_quote = _flag(_IN_QUOTE, "The mention lies inside quoted text.")
    subject = _flag(_SUBJECT, "The mention is the first outside quotes in its sentence.")

    form = _shared("form")
    key = _shared("key")
    title = _shared("title")
    role = _shared("role")
    head = _shared("head")
    modifiers = _shared("modifiers")
    gender = _shared("gender")
    kind = _shared("kind")
    number = _shared("number")
    definite = _shared("definite")
    pronoun = _shared("pronoun")

    @property
    def name(self) -> Pair | None:
        """Span of the proper-name part, or ``None``."""
        w = self.w
        return None if w.name_at < 0 else (self.start + w.name_at, self.start + w.name_end)

    @name.setter
    def name(self, span: Pair | None) -> None:
        a, b = _relative(span, self.start)
        self.w = attrs.evolve(self.w, name_at=a, name_end=b)

    @property
    def alias(self) -> Pair | None:
        """The name with its title ("Mr Peskov"), or ``None``."""
        w = self.w
        return None if w.alias_at < 0 else (self.start + w.alias_at, self.start + w.name_end)

    @alias.setter
    def alias(self, span: Pair | None) -> None:
        a, b = _relative(span, self.start)
        if span is not None and b != self.w.name_end:
            raise ValueError(f"an alias ends where the name ends (alias {span}, name {self.name})")
        self.w = attrs.evolve(self.w, alias_at=a)

    @property
    def span(self) -> Pair:
        return self.start, self.end

    def moved(self, start: int, end: int) -> _Mention:
        """A fresh mention of the same words at ``[start, end)``."""
        assert end - start == self.end - self.start
        return _Mention(start, end, self.w)


def _mention(
    start: int, end: int, form: str, *, name: Pair | None = None, alias: Pair | None = None, **found: Any
) -> _Mention:
    """A new mention at ``[start, end)`` of what analysis *found* (``name``, ``alias``: absolute spans)."""
    name_at, name_end = _relative(name, start)
    alias_at, alias_end = _relative(alias, start)
    if alias is not None and alias_end != name_end:
        raise ValueError(f"an alias ends where the name ends (alias {alias}, name {name})")
    return _Mention(start, end, _Words(form, name_at, name_end, alias_at, **found))


# Confidence of each resolution (a SpeakerRef's confidence).
_CONFIDENCE = {
    Resolution.NAME: 0.95,
    Resolution.TITLE: 0.9,
    Resolution.COREF: 0.85,
    Resolution.ROLE: 0.75,
    Resolution.PRONOUN: 0.7,
    Resolution.FOLLOW_ON: 0.6,
    Resolution.UNRESOLVED: 0.3,
}


# _Entity.role_words() is cached for entities of at least this many mentions
_CACHE_ROLE_WORDS_FROM = 8


@attrs.define(eq=False, weakref_slot=False)
class _Entity:
    # (a list from the second mention on: most entities have one, and a
    # list made for one item is the smallest)
    mentions: list[_Mention] | tuple[()] = ()
    kind: EntityKind | None = None
    gender: str | None = None
    role: str | None = None
    title_role: str | None = None
    key: tuple[str, ...] = ()  # the longest name key among the mentions
    # role_words(), kept until the next absorb: a long run of "the official
    # said" would otherwise rescan every mention for every new one
    _role_cache: set[str] | None = attrs.field(default=None, init=False, repr=False)
    has_speaker: bool = False  # some mention is a quote's speaker
    has_plural: bool = False  # some mention is plural
    # mention starts, sorted; None while the entity has one mention (most
    # have: a list each would cost more than the entity)
    starts: list[int] | None = None

    def names(self) -> list[_Mention]:
        return [m for m in self.mentions if m.w.name_at >= 0 and m.w.key]

    def absorb(self, m: _Mention) -> None:
        mw = m.w  # (what the mention's words say, read once)
        old_kind = self.kind
        self.has_speaker = self.has_speaker or m.flags & _SPEAKER != 0
        self.has_plural = self.has_plural or mw.number == "pl"
        if self.mentions:
            if self.starts is None:
                self.starts = [self.mentions[0].start]
            bisect.insort(self.starts, m.start)
        m.entity = self
        if self.mentions:
            self.mentions.append(m)
        else:
            self.mentions = [m]
        if mw.name_at >= 0 and len(mw.key) > len(self.key):
            self.key = mw.key
        if self.kind is None or (self.kind is EntityKind.OTHER and mw.kind is not None):
            self.kind = mw.kind
        if self.gender is None and mw.gender is not None:
            self.gender = mw.gender
        if mw.role and self.role is None:
            self.role = mw.role
        if mw.title and self.title_role is None and TITLES[mw.title].kind not in ("honorific",):
            self.title_role = mw.title
        # keep role_words() up to date without rescanning every mention
        rw = self._role_cache
        if rw is not None:
            if self.kind is not old_kind:
                self._role_cache = None
            else:
                for r in (self.role, self.title_role):
                    if r:
                        rw.update(w.lower().rstrip(".") for w in r.split())
                if mw.form == "role" and mw.head:
                    rw.add(mw.head)
                    rw.update(mw.modifiers)
                if self.kind is EntityKind.ORGANISATION and mw.name_at >= 0 and mw.key:
                    rw.update(mw.key)

    def merge(self, other: _Entity) -> None:
        for m in other.mentions:
            self.absorb(m)
        other.mentions = ()
        other.starts = None

    def role_words(self) -> set[str]:
        if self._role_cache is not None:
            return self._role_cache
        out: set[str] = set()
        for r in (self.role, self.title_role):
            if r:
                out.update(w.lower().rstrip(".") for w in r.split())
        for m in self.mentions:
            if m.w.form == "role" and m.w.head:
                out.add(m.w.head)
                out.update(m.w.modifiers)
        if self.kind is EntityKind.ORGANISATION:
            for m in self.names():
                out.update(k for k in m.w.key)
        # (kept only for an entity of several mentions: a document has
        # thousands of one-mention entities, and a set costs 200 bytes)
        if len(self.mentions) >= _CACHE_ROLE_WORDS_FROM:
            self._role_cache = out
        return out


def _compatible_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Rule ``name-full`` (see :func:`quoteattr.names.full_names_match`), or equal keys."""
    return a == b or full_names_match(a, b)


def _org_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Rule ``org-name``: organisation names match case-insensitively, or when
    the shorter is a suffix of the longer with the same head ("Foreign
    Ministry" ~ "Russian Foreign Ministry")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 2 and long_[-len(short) :] == short


def _chain_of(e: _Entity) -> int | None:
    return next((m.chain for m in e.mentions if m.chain is not None), None)


def _distance(e: _Entity, pos: int) -> int:
    """Characters back to the entity's nearest mention at or before *pos*;
    a mention after *pos* counts a million more. (Bisects the entity's
    sorted mention starts: long documents stay linear.)"""
    starts = e.starts if e.starts is not None else [m.start for m in e.mentions]
    i = bisect.bisect_right(starts, pos)
    best = 10**9
    if i > 0:
        best = pos - starts[i - 1]
    if i < len(starts):
        best = min(best, starts[i] - pos + 10**6)
    return best


def _gender_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _kind_ok(a: EntityKind | None, b: EntityKind | None) -> bool:
    if a is None or b is None or a is EntityKind.OTHER or b is EntityKind.OTHER:
        return True
    return a == b


def _new_entity(m: _Mention, entities: list[_Entity]) -> _Entity:
    """Rule ``unresolved``: a mention with no antecedent starts an unnamed entity."""
    e = _Entity()
    e.absorb(m)
    if m.w.kind is None and m.w.form == "pronoun":
        e.kind = EntityKind.PERSON if m.w.pronoun in ("he", "she", "him", "her", "i", "me") else EntityKind.OTHER
    entities.append(e)
    m.resolution = Resolution.UNRESOLVED
    return e
