"""Pass 1 of coreference: clustering proper-name mentions into entities
(rules ``chain``, ``name-full``, ``name-surname``, ``name-first``,
``name-title``, ``org-name``)."""

from __future__ import annotations

from collections.abc import Sequence

from .entities import _chain_of, _compatible_names, _distance, _Entity, _gender_ok, _kind_ok, _org_compatible
from .mentions import _Mention
from .model import EntityKind, Resolution
from .names import FIRST_NAMES

def _indexed(d: dict[str, _Entity | list[_Entity]], tok: str) -> Sequence[_Entity]:
    """The entities _cluster_names indexed under *tok*."""
    had = d.get(tok)
    return () if had is None else had if type(had) is list else (had,)  # type: ignore[return-value]


def _cluster_names(mentions: list[_Mention]) -> list[_Entity]:
    entities: list[_Entity] = []
    # entities by the first and the last word of their name keys: one
    # entity, or a list of them once a word has several (most have one, and
    # a list per word was a fifth of the working set of a name-dense text)
    by_last: dict[str, _Entity | list[_Entity]] = {}
    by_first: dict[str, _Entity | list[_Entity]] = {}

    def index(e: _Entity) -> None:
        if e.key:
            for d, tok in ((by_last, e.key[-1]), (by_first, e.key[0])):
                had = d.get(tok)
                if had is None:
                    d[tok] = e
                elif type(had) is list:
                    if e not in had:
                        had.append(e)
                elif had is not e:
                    d[tok] = [had, e]

    # Chains first (rule ``chain``): each chain is one entity.
    by_chain: dict[int, _Entity] = {}
    for m in mentions:
        if m.chain is not None:
            e = by_chain.get(m.chain)
            if e is None:
                e = by_chain[m.chain] = _Entity()
                entities.append(e)
            e.absorb(m)
    for e in entities:
        index(e)
    # Full names, fullest first, then single words, each in text order
    # (*mentions* are sorted by start; a stable sort by key length keeps it).
    multi = [m for m in mentions if len(m.w.key) >= 2 and m.w.form == "name"]
    multi.sort(key=_minus_key_length)
    single = [m for m in mentions if len(m.w.key) == 1 and m.w.form == "name"]
    dead: set[int] = set()
    for m in multi:
        target = None
        for e in _indexed(by_last, m.w.key[-1]):
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
                ok = (m.w.kind in (None, EntityKind.ORGANISATION) and e.kind in (None, EntityKind.ORGANISATION, EntityKind.OTHER)) and _org_compatible(m.w.key, ek)
            else:
                ok = _compatible_names(m.w.key, ek) or len(ek) == 1
            if ok and _gender_ok(m.w.gender, e.gender):
                target = e
                break
        if m.entity is not None:
            if target is not None and target is not m.entity:
                m.entity.merge(target)
                dead.add(id(target))
                index(m.entity)
            continue
        if target is None:
            target = _Entity()
            entities.append(target)
        target.absorb(m)
        index(target)
    for m in single:
        tok = m.w.key[0]
        if m.entity is not None:
            continue
        # Rule ``name-surname``: "Lavrov" -> the entity whose full name ends
        # in it. Rule ``name-first``: "Maria" -> the one person whose first
        # name it is. Several -> gender from the title, then the nearest.
        cands = []
        for e in _indexed(by_last, tok):
            if id(e) not in dead and e.key and e.key[-1] == tok:
                cands.append(e)
        if tok in FIRST_NAMES and m.w.title is None:
            for e in _indexed(by_first, tok):
                if id(e) not in dead and len(e.key) >= 2 and e.key[0] == tok and e.kind is EntityKind.PERSON and e not in cands:
                    cands.append(e)
        cands = [e for e in cands if _gender_ok(m.w.gender, e.gender) and _kind_ok(m.w.kind, e.kind)]
        if len(cands) > 1:
            surname = [e for e in cands if e.key[-1] == tok]
            cands = surname or cands
        if len(cands) > 1:
            cands.sort(key=lambda e: _distance(e, m.start))
        if cands:
            cands[0].absorb(m)
            m.resolution = Resolution.TITLE if m.w.title else Resolution.NAME
        else:
            e = _Entity()
            e.absorb(m)
            entities.append(e)
            index(e)
    for m in single:
        if m.w.title and m.resolution is Resolution.NAME and m.entity is not None:
            m.resolution = Resolution.TITLE
    return [e for e in entities if id(e) not in dead]


def _minus_key_length(m: _Mention) -> int:
    return -len(m.w.key)
