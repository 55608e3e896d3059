"""Cross-document speaker linking: one corpus entity per person or organisation.

:func:`link_speakers` clusters the named speakers of many
:class:`~quoteattr.Result` objects into a corpus-level table of
:class:`CorpusSpeaker` rows. Names are compared by their canonical tokens
(:func:`quoteattr.names.name_key`: title dropped, lowercase, spelling variants
mapped, so "Mr. Sergei Lavrov" and "Sergey Lavrov" share the key
``("sergey", "lavrov")``).

Rules (see ``docs/coreference.md``):

- ``link-full-name``: two full names are one person when their surnames match
  and their first names agree (same canonical token, or one is the other's
  initial). "Sergei Lavrov" ~ "Sergey Lavrov"; "John Smith" !~ "Mary Smith".
- ``link-surname``: a speaker known only by a surname ("Peskov") joins the one
  full-name cluster with that surname; with two such clusters whose first
  names conflict it joins neither.
- ``link-organisation``: organisation names match case-insensitively or when
  one is a suffix of the other ("Foreign Ministry" ~ "Russian Foreign
  Ministry").

Example:
    >>> from quoteattr import Result, Speaker
    >>> a = Result(text="Sergey Lavrov", speakers=[Speaker(id="e0", name="Sergey Lavrov", kind="person")], id="a")
    >>> b = Result(text="Sergei Lavrov", speakers=[Speaker(id="e0", name="Sergei Lavrov", kind="person")], id="b")
    >>> [(s.name, s.variants, s.members) for s in link_speakers([a, b])]
    [('Sergey Lavrov', ('Sergei Lavrov', 'Sergey Lavrov'), (('a', 'e0'), ('b', 'e0')))]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from .errors import InputTypeError
from .model import EntityKind, Result, Speaker
from .names import first_names_compatible, full_names_match, name_key

__all__ = ["CorpusSpeaker", "link_speakers"]


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    """Typed ``tuple`` converter (mypy reads ``converter=tuple`` as ``Iterable[_T_co]``)."""
    return tuple(value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class CorpusSpeaker:
    """One entity of a corpus, linked across documents.

    Args:
        id: corpus entity id (``"c0"``, ``"c1"`` ... in order of first appearance).
        name: the fullest, most frequent name.
        variants: every name and alias seen for it, sorted.
        kind: the most frequent kind among its members.
        roles: the distinct roles the documents give it, sorted.
        members: ``(document id, entity id)`` of each document-level entity.
        quote_count: how many quotes its members are the speakers of.
    """

    id: str
    name: str | None
    variants: tuple[str, ...] = attrs.field(converter=_strs)
    kind: EntityKind = attrs.field(converter=EntityKind)
    roles: tuple[str, ...] = attrs.field(converter=_strs)
    members: tuple[tuple[str, str], ...] = attrs.field(converter=_pairs)
    quote_count: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "variants": list(self.variants),
            "kind": self.kind.value,
            "roles": list(self.roles),
            "members": [list(m) for m in self.members],
            "quote_count": self.quote_count,
        }


@attrs.define(eq=False)
class _Cluster:
    keys: set[tuple[str, ...]]
    members: list[tuple[str, Speaker, int]]  # (doc id, speaker, quotes)
    order: int

    @property
    def full(self) -> list[tuple[str, ...]]:
        return [k for k in self.keys if len(k) >= 2]

    @property
    def kind(self) -> EntityKind:
        kinds = Counter(s.kind for _, s, _ in self.members if s.kind is not EntityKind.OTHER)
        return kinds.most_common(1)[0][0] if kinds else EntityKind.OTHER


def _org_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Rule ``link-organisation``."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 2 and long_[-len(short) :] == short


def _keys(s: Speaker) -> set[tuple[str, ...]]:
    out = set()
    for n in (s.name, *s.aliases):
        if n:
            k = (
                name_key(n)
                if s.kind is not EntityKind.ORGANISATION
                else tuple(w.lower().strip(".,") for w in n.split() if w.lower() != "the")
            )
            if k:
                out.add(k)
    return out


def _conflict(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters whose full names disagree on the first name never merge."""
    if a.kind is not EntityKind.OTHER and b.kind is not EntityKind.OTHER and a.kind != b.kind:
        return True
    if EntityKind.ORGANISATION in (a.kind, b.kind):
        return False
    for ka in a.full:
        for kb in b.full:
            if ka[-1] == kb[-1] and not first_names_compatible(ka[0], kb[0]):
                return True
    return False


def link_speakers(results: Iterable[Result], *, include_unnamed: bool = False) -> tuple[CorpusSpeaker, ...]:
    """Cluster the speakers of many documents into corpus-level entities.

    Args:
        results: the documents' results; a result with no ``id`` is known by
            its position (``"#0"``, ``"#1"`` ...).
        include_unnamed: also list entities with no name (each on its own:
            "a spokesman" in two documents need not be one person).

    Returns:
        The corpus entities, ids ``c0``, ``c1`` ... in order of first
        appearance.

    Raises:
        InputTypeError: when an item of *results* is not a :class:`Result`.
    """
    clusters, unnamed = _document_clusters(results, include_unnamed=include_unnamed)
    # full names and organisations first, then surname-only clusters
    merged: list[_Cluster] = []
    for c in sorted(clusters, key=lambda c: (not c.full, c.order)):
        target = _full_name_target(c, merged) if c.full else _surname_target(c, merged)
        if target is None:
            merged.append(c)
        else:
            _absorb(target, c)
    out_clusters = sorted(merged + unnamed, key=lambda c: c.order)
    return tuple(_corpus_speaker(f"c{i}", c) for i, c in enumerate(out_clusters))


def _document_clusters(results: Iterable[Result], *, include_unnamed: bool) -> tuple[list[_Cluster], list[_Cluster]]:
    """One cluster per document-level speaker: the named ones, and the unnamed ones kept when asked."""
    clusters: list[_Cluster] = []
    unnamed: list[_Cluster] = []
    order = 0
    for pos, r in enumerate(results):
        if not isinstance(r, Result):
            raise InputTypeError(f"link_speakers() needs Result objects, got {type(r).__name__} at position {pos}")
        doc = r.id if r.id is not None else f"#{pos}"
        quotes = Counter(q.speaker.entity.id for q in r.quotes if q.speaker is not None)
        for s in r.speakers:
            keys = _keys(s)
            c = _Cluster(keys=keys, members=[(doc, s, quotes.get(s.id, 0))], order=order)
            order += 1
            if not keys:
                if include_unnamed:
                    unnamed.append(c)
                continue
            clusters.append(c)
    return clusters, unnamed


def _full_name_target(c: _Cluster, merged: list[_Cluster]) -> _Cluster | None:
    """The first merged cluster that *c* (with a full or organisation name) joins.

    Rules ``link-full-name`` and ``link-organisation``.
    """
    for m in merged:
        if _conflict(c, m):
            continue
        if c.kind is EntityKind.ORGANISATION or m.kind is EntityKind.ORGANISATION:
            ok = any(_org_match(a, b) for a in c.keys for b in m.keys)
        else:
            ok = any(full_names_match(a, b) for a in c.full for b in m.full) or bool(c.keys & m.keys)
        if ok:
            return m
    return None


def _surname_target(c: _Cluster, merged: list[_Cluster]) -> _Cluster | None:
    """The merged cluster that *c*, known by a single word, joins (rule ``link-surname``).

    A single-word name joins the only cluster whose names end in it (or that
    has the same single word). When it fits several clusters that do not
    conflict on the first name, those are merged into the first of them
    (and removed from *merged*).
    """
    hits = []
    for m in merged:
        if _conflict(c, m):
            continue
        if c.keys & m.keys or any(k[-1] == mk[-1] for k in c.keys for mk in m.keys):
            hits.append(m)
    firsts = {k[0] for m in hits for k in m.full}
    same = [m for m in hits if not m.full and c.keys & m.keys]
    if len(firsts) > 1 and same:
        # ambiguous between full names: join the cluster of the same
        # single word, never one of the full names
        hits = same[:1]
    if not (len(hits) == 1 or (hits and len(firsts) <= 1)):
        return None
    target = hits[0]
    for extra in hits[1:]:
        _absorb(target, extra)
        merged.remove(extra)
    return target


def _absorb(target: _Cluster, other: _Cluster) -> None:
    """Merge *other*'s names and members into *target*, which keeps the earlier order."""
    target.keys |= other.keys
    target.members += other.members
    target.order = min(target.order, other.order)


def _corpus_speaker(id_: str, c: _Cluster) -> CorpusSpeaker:
    """The corpus row of cluster *c*: its fullest, most frequent name first."""
    names = Counter(s.name for _, s, _ in c.members if s.name)
    best = None
    if names:
        best = max(names, key=lambda n: (len(name_key(n)), names[n], -_first_seen(c, n)))
    variants = sorted({n for _, s, _ in c.members for n in (s.name, *s.aliases) if n})
    roles = sorted({s.role for _, s, _ in c.members if s.role})
    return CorpusSpeaker(
        id=id_,
        name=best,
        variants=variants,
        kind=c.kind,
        roles=roles,
        members=[(d, s.id) for d, s, _ in c.members],
        quote_count=sum(n for _, _, n in c.members),
    )


def _first_seen(c: _Cluster, name: str) -> int:
    for i, (_, s, _) in enumerate(c.members):
        if s.name == name:
            return i
    return len(c.members)
