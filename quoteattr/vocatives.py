"""Vocatives: who a quote addresses, read from its own words.

An addressee inside a quote is never its speaker ("Yes, sir," ...), and in a
dialogue the person addressed speaks next (rule ``vocative`` of
:mod:`quoteattr.dialogue`). This module finds the vocatives of a quote
(:func:`find_vocatives`) and the entity each one names
(:func:`vocative_entity`, rule ``kin-vocative``).

Example: in '"You cannot mean it, uncle."' the vocative is "uncle"; in a text
that names "Uncle John" elsewhere it is that character.
"""

from __future__ import annotations

import regex

from .entities import Pair, _Entity, _new_entity
from .lexicons import load_set
from .mentions import _NOT_NAMES, _cap, _lower, analyse_mention
from .names import TITLES

__all__ = ["ADDRESS_WORDS", "POLITE_ADDRESS", "find_vocatives", "kin_named", "vocative_entity"]

# Words of address that name nobody in particular: never a speaker.
POLITE_ADDRESS = load_set("polite_address.txt")
# Words of address that stand alone as a vocative ("Yes, papa.", "my dear").
ADDRESS_WORDS = load_set("address_words.txt")
# Rule ``vocative``: a name or form of address set off by punctuation inside
# a quote ("True, Florence, but ...", "You cannot mean it, uncle."). Capitalised
# vocatives must be the name of an entity of the text.
_VOCATIVE_RE = regex.compile(
    r"(?:^|[,;:!?.]\s+|--|—)\s*((?:my\s+)?(?:dear\s+)?(?:\p{Lu}[\p{L}'’\-]*\.?(?:\s+\p{Lu}[\p{L}'’\-]*){0,2}|\p{Ll}+))\s*(?=[,;!?.]|--|—|$)",
    regex.V1,
)


def find_vocatives(text: str, a: int, b: int) -> list[Pair]:
    out = []
    for m in _VOCATIVE_RE.finditer(text[a:b], overlapped=True, concurrent=False):
        s, e = m.start(1) + a, m.end(1) + a
        words = text[s:e].split()
        if words[0].lower() == "my":
            words = words[1:]
            s = text.index(words[0], s) if words else s
        if words and words[0].lower() == "dear" and len(words) > 1:
            words = words[1:]
            s = text.index(words[0], s)
        if not words:
            continue
        w = words[-1].lower().rstrip(".")
        if len(words) == 1 and (not _cap(words[0]) or m.start(1) == 0):
            # at the start of a quote only a word of address is a vocative:
            # "Uncle, you are not well" but not "Tommy, come here" (ambiguous)
            if w in ADDRESS_WORDS:
                out.append((s, e))
            continue
        if m.start(1) == 0:
            continue
        if _lower(words[0]) in _NOT_NAMES and _lower(words[0]) not in TITLES:
            continue
        if len(words) == 1 and _lower(words[0]) in TITLES:
            continue  # "Mr" of "Mr. Bennet"
        out.append((s, e))
    return out


def vocative_entity(text: str, span: Pair, entities: list[_Entity]) -> _Entity | None:
    words = text[span[0] : span[1]].split()
    if len(words) == 1 and _lower(words[0]) in ADDRESS_WORDS:
        named = kin_named(text, _lower(words[0]), entities)
        if named is not None:
            return named
    m = analyse_mention(text, *span)
    if m.w.form == "name" and m.w.key:
        tok = m.w.key[-1]
        # a character of the story: named outside quotes somewhere
        hits = [
            e
            for e in entities
            if e.key and (e.key == m.w.key or tok in (e.key[0], e.key[-1])) and any(not x.in_quote for x in e.mentions)
        ]
        return hits[0] if len(hits) == 1 else None
    word = _lower(text[span[0] : span[1]].split()[-1])
    hits = [e for e in entities if e.mentions and not e.key and word in e.role_words()]
    if len(hits) == 1:
        return hits[0]
    if hits:
        return None
    m.in_quote = True
    return _new_entity(m, entities)


def kin_named(text: str, word: str, entities: list[_Entity]) -> _Entity | None:
    """Rule ``kin-vocative``: a word of address that the text uses before one
    character's name ("uncle" with "Uncle John" elsewhere) names that character.
    Example: '"Uncle, you are not well."' in a text with "Uncle John" -> Uncle John."""
    if word not in ADDRESS_WORDS or word in POLITE_ADDRESS:
        return None
    hits = []
    for e in entities:
        if not e.key:
            continue
        for m in e.mentions:
            nm = m.name
            if nm is None:
                continue
            before = _lower(text[m.start : nm[0]].strip()) if nm[0] > m.start else ""
            if before == word or (len(m.w.key) > 1 and m.w.key[0] == word):
                hits.append(e)
                break
    return hits[0] if len(hits) == 1 else None
