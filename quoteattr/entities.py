"""Entities: the people and organisations mentions are resolved to, and the
tests that tell whether a mention may join one (gender, kind, name)."""

from __future__ import annotations

import bisect

import attrs

from .mentions import _SPEAKER, _Mention
from .model import EntityKind, Resolution
from .names import TITLES, full_names_match

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
