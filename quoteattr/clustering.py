"""Pass 1 of coreference: clustering proper-name mentions into entities.

Rules ``chain`` (each coreference chain is one entity), ``name-full``
("Sergei Lavrov" ~ "Sergey V. Lavrov"), ``org-name`` ("Foreign Ministry" ~
"Russian Foreign Ministry"), ``name-surname`` ("Lavrov" -> Sergey Lavrov),
``name-first`` ("Maria" -> Maria Zakharova) and ``name-title`` ("Mr
Peskov").

Time stays linear when many entities share a name part (directories,
court lists, sports results: "Li Wang, Mei Wang, ..." or "John Abel, John
Baker, ..."):

* a full name is compared only with the entities that could match it, found
  through :class:`_NameIndex`'s buckets (same first word or initial, a
  one-word key, same second-to-last word for organisations), in the order
  the entities were indexed, so the first match is the one a scan of all of
  them would find;
* a single word ("Wang", "John") goes to the nearest entity sharing it,
  which :class:`_Recency` finds by sweeping the text once per word: the most
  recently mentioned entity, or the next one mentioned after the word. Only
  the :data:`NEAREST_SCAN` nearest entities on each side are tested for
  gender and kind (a documented cap: in news, a name part is shared by a
  handful of people).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TypeVar

from .entities import (
    _chain_of,
    _compatible_names,
    _distance,
    _Entity,
    _gender_ok,
    _kind_ok,
    _Mention,
    _org_compatible,
)
from .model import EntityKind, Resolution
from .names import FIRST_NAMES

__all__ = ["NEAREST_SCAN"]

#: A name word shared by more entities than this gets the buckets of
#: :class:`_NameIndex` (below it, scanning them all is cheaper).
BUCKETS_FROM = 16
#: At most this many entities on each side of a bare name ("Wang") are
#: tested for gender and kind when looking for the nearest one; a group
#: larger than :data:`SCAN_ALL_UP_TO` is searched this way.
NEAREST_SCAN = 64
#: A bare name shared by at most this many entities compares them all.
SCAN_ALL_UP_TO = 8

# bucket kinds of _NameIndex
_FIRST, _LETTER, _ONE, _SECOND_LAST, _ORG_SECOND_LAST = range(5)


class _NameIndex:
    """Entities by the first and by the last word of their name keys, in the order indexed.

    ``by_last["lavrov"]`` is one entity, or a dict from entity to its rank
    once the word has several (most words have one entity, and a container
    per word was a fifth of the working set of a name-dense text).
    """

    def __init__(self) -> None:
        self.by_last: dict[str, _Entity | dict[_Entity, int]] = {}
        self.by_first: dict[str, _Entity | dict[_Entity, int]] = {}
        # last word -> bucket -> entities (an ordered set), for words of many entities
        self.buckets: dict[str, dict[tuple[int, str], dict[_Entity, None]]] = {}

    def add(self, e: _Entity) -> None:
        """Index *e* under the words of its current key (again after its key or kind changed)."""
        if not e.key:
            return
        _put(self.by_last, e.key[-1], e)
        _put(self.by_first, e.key[0], e)
        last = e.key[-1]
        had = self.by_last[last]
        if type(had) is dict:  # (most words name one entity: nothing more to do)
            buckets = self.buckets.get(last)
            if buckets is not None:
                _bucket(buckets, e)
            elif len(had) > BUCKETS_FROM:
                buckets = self.buckets[last] = {}
                for x in had:
                    _bucket(buckets, x)

    def entities(self, d: dict[str, _Entity | dict[_Entity, int]], tok: str) -> Iterable[_Entity]:
        had = d.get(tok)
        return () if had is None else had if type(had) is dict else (had,)  # type: ignore[return-value]

    def full_name_candidates(self, m: _Mention) -> Iterable[_Entity]:
        """The entities under the last word of *m*'s key that could match its full name, in index order.

        A superset of those rules ``name-full``, ``org-name`` and ``chain``
        accept: the same first word, or an initial of it ("S. Lavrov" ~
        "Sergey Lavrov"); a one-word key; for organisations, the same
        second-to-last word (a suffix of two words or more).
        """
        key = m.w.key
        last = key[-1]
        buckets = self.buckets.get(last)
        if buckets is None:
            return self.entities(self.by_last, last)
        first = key[0]
        asks = [(_FIRST, first), (_FIRST, first[0]) if len(first) > 1 else (_LETTER, first), (_ONE, "")]
        asks.append((_SECOND_LAST if m.w.kind is EntityKind.ORGANISATION else _ORG_SECOND_LAST, key[-2]))
        found: set[_Entity] = set()
        for ask in asks:
            found.update(buckets.get(ask, ()))
        rank = self.by_last[last]
        assert type(rank) is dict
        return sorted(found, key=rank.__getitem__)


_K = TypeVar("_K", int, str)


def _put(d: dict[_K, _Entity | dict[_Entity, int]], tok: _K, e: _Entity) -> None:
    """Record *e* under *tok*: the entity alone, or an ordered set once a second one shares it."""
    had = d.get(tok)
    if had is None:
        d[tok] = e
    elif type(had) is dict:
        if e not in had:
            had[e] = len(had)
    elif had is not e:
        d[tok] = {had: 0, e: 1}  # type: ignore[dict-item]


def _bucket(buckets: dict[tuple[int, str], dict[_Entity, None]], e: _Entity) -> None:
    key = e.key
    if len(key) == 1:
        asks = [(_ONE, "")]
    else:
        asks = [(_FIRST, key[0]), (_LETTER, key[0][0]), (_SECOND_LAST, key[-2])]
        if e.kind is EntityKind.ORGANISATION:
            asks.append((_ORG_SECOND_LAST, key[-2]))
    for ask in asks:
        buckets.setdefault(ask, {})[e] = None


class _Recency:
    """The entities of one group (those sharing a bare name word) ordered by
    their latest mention up to the sweep position, and their mentions after it.

    The sweep only moves forward (bare names are resolved in text order), so
    each mention of the group is passed once.
    """

    def __init__(self, group: list[_Entity]) -> None:
        # (start, -rank, entity): at one start the first-indexed entity comes last, as the most recent
        self.events = sorted(
            (
                (s, -i, e)
                for i, e in enumerate(group)
                for s in (e.starts if e.starts is not None else [m.start for m in e.mentions])
            ),
            key=_start_rank,
        )
        self.next = 0
        self.rank = {e: i for i, e in enumerate(group)}
        self.past: dict[_Entity, int] = {}  # entity -> its latest start, least recent first

    def touch(self, e: _Entity, start: int) -> None:
        """*e* is mentioned at *start* (at or after every start passed so far)."""
        self.advance(start)
        if e not in self.rank:
            self.rank[e] = len(self.rank)
        self.past.pop(e, None)
        self.past[e] = start

    def advance(self, pos: int) -> None:
        events, k = self.events, self.next
        past = self.past
        while k < len(events) and events[k][0] <= pos:
            e = events[k][2]
            past.pop(e, None)
            past[e] = events[k][0]
            k += 1
        self.next = k

    def nearest(self, pos: int, ok: Callable[[_Entity], bool]) -> _Entity | None:
        """The entity that ``min(group, key=_distance)`` picks among those *ok* accepts (see :data:`NEAREST_SCAN`)."""
        self.advance(pos)
        before: tuple[int, int, _Entity] | None = None  # (distance, rank, entity)
        for n, e in enumerate(reversed(self.past)):
            if n >= NEAREST_SCAN:
                break
            if ok(e):
                before = (pos - self.past[e], self.rank[e], e)
                break
        after: tuple[int, int, _Entity] | None = None
        events = self.events
        for k in range(self.next, min(self.next + NEAREST_SCAN, len(events))):
            s, _, e = events[k]
            if after is not None and s > after[0] - 10**6 + pos:
                break
            if ok(e) and (after is None or self.rank[e] < after[1]):
                after = (s - pos + 10**6, self.rank[e], e)
        best = min((x for x in (before, after) if x is not None), key=_distance_rank, default=None)
        return None if best is None else best[2]


def _start_rank(ev: tuple[int, int, _Entity]) -> tuple[int, int]:
    return ev[0], ev[1]


def _distance_rank(x: tuple[int, int, _Entity]) -> tuple[int, int]:
    return x[0], x[1]


def _cluster_names(mentions: list[_Mention]) -> list[_Entity]:
    """The entities of the name mentions of *mentions* (sorted by start):
    chains first, then full names, then single words."""
    entities: list[_Entity] = []
    index = _NameIndex()
    _cluster_chains(mentions, entities, index)
    dead: set[int] = set()
    # Full names, fullest first, then single words, each in text order
    # (*mentions* are sorted by start; a stable sort by key length keeps it).
    multi = [m for m in mentions if len(m.w.key) >= 2 and m.w.form == "name"]
    multi.sort(key=_minus_key_length)
    for m in multi:
        _cluster_full_name(m, entities, index, dead)
    single = [m for m in mentions if len(m.w.key) == 1 and m.w.form == "name"]
    _cluster_single_names(single, entities, index, dead)
    for m in single:
        if m.w.title and m.resolution is Resolution.NAME and m.entity is not None:
            m.resolution = Resolution.TITLE
    return [e for e in entities if id(e) not in dead]


def _cluster_chains(mentions: list[_Mention], entities: list[_Entity], index: _NameIndex) -> None:
    """Rule ``chain``: each coreference chain is one entity."""
    by_chain: dict[int, _Entity] = {}
    for m in mentions:
        if m.chain is not None:
            e = by_chain.get(m.chain)
            if e is None:
                e = by_chain[m.chain] = _Entity()
                entities.append(e)
            e.absorb(m)
    for e in entities:
        index.add(e)


def _cluster_full_name(m: _Mention, entities: list[_Entity], index: _NameIndex, dead: set[int]) -> None:
    """Rules ``name-full`` and ``org-name``: a full name joins the first
    indexed entity whose name it matches, else starts one. Example: "Sergei
    Lavrov" joins the entity of an earlier "Sergey V. Lavrov"."""
    target = None
    for e in index.full_name_candidates(m):
        ek = e.key
        if id(e) in dead or not ek or m.entity is e or ek[-1] != m.w.key[-1]:
            continue
        if m.chain is not None and _chain_of(e) not in (None, m.chain):
            # two coreference chains are one entity only with the same full name
            if ek == m.w.key and _gender_ok(m.w.gender, e.gender):
                target = e
                break
            continue
        if m.w.kind is EntityKind.ORGANISATION or e.kind is EntityKind.ORGANISATION:
            ok = (
                m.w.kind in (None, EntityKind.ORGANISATION)
                and e.kind in (None, EntityKind.ORGANISATION, EntityKind.OTHER)
            ) and _org_compatible(m.w.key, ek)
        else:
            ok = _compatible_names(m.w.key, ek) or len(ek) == 1
        if ok and _gender_ok(m.w.gender, e.gender):
            target = e
            break
    if m.entity is not None:
        if target is not None and target is not m.entity:
            m.entity.merge(target)
            dead.add(id(target))
            index.add(m.entity)
        return
    if target is None:
        target = _Entity()
        entities.append(target)
    target.absorb(m)
    index.add(target)


def _cluster_single_names(single: list[_Mention], entities: list[_Entity], index: _NameIndex, dead: set[int]) -> None:
    """Rule ``name-surname``: "Lavrov" -> the entity whose full name ends
    in it. Rule ``name-first``: "Maria" -> the one person whose first name
    it is. Several -> gender from the title, then the nearest (*single* is
    in text order)."""
    groups = _SingleNameGroups(index, dead)
    # rule ``name-sibling``: (surname, title) -> the entity of "Mr. Knightley"
    # set apart from "John Knightley"
    siblings: dict[tuple[str, str], _Entity] = {}
    spots: _FullNameSpots | None = None
    for m in single:
        if m.entity is not None:
            continue
        w = m.w
        tok = w.key[0]
        found = siblings.get((tok, w.title)) if w.title and siblings else None
        if found is None:
            found = groups.nearest(tok, True, m.start, w.gender, w.kind)
        sibling = False
        if found is not None and w.title:
            # built at the first titled name only, over the surnames titled names carry
            spots = spots or _FullNameSpots(entities, {x.w.key[0] for x in single if x.w.title and x.w.key})
            sibling = spots.coordinated_with(found, m)
        if sibling and w.title:  # (sibling implies a title; the test narrows its type)
            new = _Entity()
            new.absorb(m)
            entities.append(new)
            index.add(new)
            siblings[tok, w.title] = new
            if groups.recency:
                groups.touch(new, m.start)
            continue
        if found is None and tok in FIRST_NAMES and w.title is None:
            found = groups.nearest(tok, False, m.start, w.gender, w.kind)
        if found is not None:
            found.absorb(m)
            m.resolution = Resolution.TITLE if w.title else Resolution.NAME
        else:
            found = _Entity()
            found.absorb(m)
            entities.append(found)
            index.add(found)
        if groups.recency:
            groups.touch(found, m.start)


#: Rule ``name-sibling``: a title + surname at most this many characters from a
#: full name with that surname ("Mr. Knightley and John Knightley") is another person.
_SIBLING_GAP = 6


class _FullNameSpots:
    """Where the full-name mentions (two key words or more) of the entities
    start and end, read once per pass (rule ``name-sibling``): a titled
    surname then checks the few offsets next to it, not every mention of
    its entity (a name repeated thousands of times stays linear).

    Only the entities whose surname a titled bare name of the pass carries
    are read (*surnames*: "Mr. Knightley" -> ``knightley``), the only ones
    :meth:`coordinated_with` is asked about; each offset maps to its entity,
    or to several in the rare case of two (:func:`_put`). (A dict of lists of ids over every
    full name was the largest transient of a 10 KB article: 3x its size.)
    """

    def __init__(self, entities: list[_Entity], surnames: set[str]) -> None:
        self.by_start: dict[int, _Entity | dict[_Entity, int]] = {}
        self.by_end: dict[int, _Entity | dict[_Entity, int]] = {}
        for e in entities:
            if not e.key or e.key[-1] not in surnames:
                continue
            for x in e.mentions:
                if len(x.w.key) >= 2:
                    _put(self.by_start, x.start, e)
                    _put(self.by_end, x.end, e)

    def coordinated_with(self, e: _Entity, m: _Mention) -> bool:
        """Rule ``name-sibling``: *e* has a full-name mention right before or after
        the title + surname *m* ("Mr. Knightley and John Knightley came in"): two
        people who share a surname stay two entities."""
        return any(_has(self.by_start.get(pos), e) for pos in range(m.end, m.end + _SIBLING_GAP + 1)) or any(
            _has(self.by_end.get(pos), e) for pos in range(m.start - _SIBLING_GAP, m.start + 1)
        )


def _has(held: _Entity | dict[_Entity, int] | None, e: _Entity) -> bool:
    """*e* is what :func:`_put` recorded there (alone, or among several)."""
    return held is e or (type(held) is dict and e in held)


def _fits(gender: str | None, kind: EntityKind | None, person: bool, e: _Entity) -> bool:
    """A bare name of *gender* and *kind* may name *e* (only a person, with *person*)."""
    return (not person or e.kind is EntityKind.PERSON) and _gender_ok(gender, e.gender) and _kind_ok(kind, e.kind)


class _SingleNameGroups:
    """For each bare name word, the entities it may name: those whose key
    ends in it (surname group) and the persons whose key of two words or
    more starts with it (first-name group)."""

    def __init__(self, index: _NameIndex, dead: set[int]) -> None:
        self.index = index
        self.dead = dead
        self.recency: dict[tuple[str, bool], _Recency] = {}

    def group(self, tok: str, surname: bool) -> list[_Entity]:
        dead = self.dead
        if surname:
            return [
                e
                for e in self.index.entities(self.index.by_last, tok)
                if e.key and e.key[-1] == tok and id(e) not in dead
            ]
        return [
            e
            for e in self.index.entities(self.index.by_first, tok)
            if len(e.key) >= 2 and e.key[0] == tok and id(e) not in dead
        ]

    def nearest(self, tok: str, surname: bool, pos: int, gender: str | None, kind: EntityKind | None) -> _Entity | None:
        """The nearest entity of the group that a bare name of *gender* and
        *kind* may name (first-name group: persons only)."""
        person = not surname
        rec = self.recency.get((tok, surname)) if self.recency else None
        if rec is None:
            group = self.group(tok, surname)
            if len(group) <= SCAN_ALL_UP_TO:
                fit = [e for e in group if _fits(gender, kind, person, e)]
                if len(fit) <= 1:
                    return fit[0] if fit else None
                # (the nearest; min keeps the first of equals, as a stable sort would)
                return min(fit, key=lambda e: _distance(e, pos))
            rec = self.recency[tok, surname] = _Recency(group)
        return rec.nearest(pos, partial(_fits, gender, kind, person))

    def touch(self, e: _Entity, pos: int) -> None:
        """*e* gained a mention at *pos*: move it up in the groups being swept."""
        for surname, tok in ((True, e.key[-1]), (False, e.key[0])):
            rec = self.recency.get((tok, surname))
            if rec is not None and (surname or len(e.key) >= 2):
                rec.touch(e, pos)


def _minus_key_length(m: _Mention) -> int:
    return -len(m.w.key)
