"""The mentions of a document that coreference resolves, in four steps.

:func:`gather_mentions` collects, in this order:

1. the speaker mentions the quote rules found (:func:`_speaker_mentions`);
2. the mentions of ``ann.chains`` (:func:`_chain_mentions`, rule ``chain``);
3. the names of ``ann.entities``, else those the name finder finds
   (:func:`_name_mentions`, rule ``find-names``);
4. the nominative pronouns outside quotes (:func:`_pronoun_mentions`, rule
   ``find-pronouns``);

then sorts them by start and marks which lie inside quotes and which is the
first of its sentence (:func:`_mark_positions`).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import regex

from .annotations import Annotation
from .candidates import Candidate
from .entities import _IN_QUOTE, _SUBJECT, Pair, _Mention, _Words
from .mentions import _PRONOUN_ASCII_RE, _PRONOUN_RE, _descriptive, _give_role, analyse_mention
from .namefinder import _role_near, find_name_mentions
from .plain_text import is_plain_text
from .model import EntityKind, Span
from .registry import Rule
from .tables import PairTable

_start_of = operator.attrgetter("start")
_end_of = operator.attrgetter("end")


class _Analyser:
    """:func:`analyse_mention` once per distinct wording of the document.

    analyse_mention reads only the mention's own words, and names recur
    ("Trump" thirty times in one article): later mentions get a moved copy.
    (a mention's setters copy its _Words: what is cached stays as analysed)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.analysed: dict[str, _Words] = {}

    def __call__(self, a: int, b: int) -> _Mention:
        words = self.text[a:b]
        found = self.analysed.get(words)
        if found is None:
            m = analyse_mention(self.text, a, b)
            self.analysed[words] = m.w
            return m
        return _Mention(a, b, found)


def gather_mentions(
    ann: Annotation, candidates: Sequence[Candidate], merged: Sequence[Pair]
) -> tuple[list[_Mention], list[_Mention | None]]:
    """The document's mentions sorted by start (longest first), and the speaker mention of each candidate (or ``None``).

    *merged* are the quoted spans (:func:`quoteattr.coref.quoted_spans`).

    Raises:
        InvalidSpanError: when a candidate's speaker span lies outside the text.
    """
    analyse = _Analyser(ann.text)
    mentions, speaker_of = _speaker_mentions(ann.text, candidates, analyse)
    # (the speaker spans, sorted: names inside them are not mentions of their own)
    speaker_spans = sorted({m.span for m in mentions})
    _chain_mentions(ann, mentions, analyse)
    # (guard plain-text: asked once for the names and the pronouns)
    plain = is_plain_text(ann.text)
    _name_mentions(ann, mentions, speaker_spans, analyse, plain)
    del analyse, speaker_spans  # (their memory goes back before the sorts below)
    # (the starts as arrays where the tables have them: a list of a long
    # document's sentence starts was 2 times its size; issue 18)
    q_starts: Sequence[int]
    q_ends: Sequence[int]
    if isinstance(merged, PairTable):
        q_starts, q_ends = merged.starts, merged.ends
    else:
        q_starts, q_ends = [a for a, _ in merged], [b for _, b in merged]
    _pronoun_mentions(ann.text, mentions, q_starts, q_ends, plain)
    _mark_positions(mentions, q_starts, q_ends, ann.sentences.starts or [0])
    return mentions, speaker_of


def _speaker_mentions(
    text: str, candidates: Sequence[Candidate], analyse: _Analyser
) -> tuple[list[_Mention], list[_Mention | None]]:
    """The candidates' speaker mentions, with rule ``role-appositive`` / ``role-premodifier`` for their names."""
    mentions: list[_Mention] = []
    speaker_of: list[_Mention | None] = []
    for c in candidates:
        if c.speaker is None:
            speaker_of.append(None)
            continue
        a, b = c.speaker
        if not (type(a) is int and type(b) is int and 0 <= a <= b <= len(text)):
            Span.of(text, a, b)  # raises InvalidSpanError on bad offsets (no Span made for good ones)
        m = analyse(a, b)
        m.speaker = True
        if c.rule == Rule.TRANSCRIPT_SPEAKER and m.w.form == "name" and m.w.kind is EntityKind.ORGANISATION:
            # Rule ``transcript-person``: a transcript label in capitals is a
            # person, not an acronym ("WALLACE:" goes to "Chris Wallace")
            m.w = attrs.evolve(m.w, kind=EntityKind.PERSON)
        if m.w.form == "name" and m.w.role is None and m.name is not None:
            role = _role_near(text, *m.name)
            if role is not None:
                _give_role(m, role)
        mentions.append(m)
        speaker_of.append(m)
    return mentions, speaker_of


def _chain_mentions(ann: Annotation, mentions: list[_Mention], analyse: _Analyser) -> None:
    """Rule ``chain``: a speaker mention takes the chain of the chain mention
    that fits it best (the same span, else the largest overlap relative to
    both spans), so that a long mention holding a nested one ("Professor
    Eastman, Chairman of the Iodine Deficiency council") keeps its own
    chain; the other chain mentions are added."""
    text, n = ann.text, len(ann.text)
    best: dict[int, tuple[float, int]] = {}
    spk = [m for m in mentions if m.speaker]
    spk_by_start = sorted(range(len(spk)), key=lambda k: spk[k].start)
    spk_starts = [spk[k].start for k in spk_by_start]
    for ci, ch in enumerate(ann.chains):
        for a, b in ch.mentions:
            if not (0 <= a < b <= n):
                continue
            hit = False
            j = bisect.bisect_left(spk_starts, b)
            for k in spk_by_start[:j][::-1]:
                m = spk[k]
                if m.end <= a and m.start < a - 2000:
                    break
                ov = _overlap(m.span, (a, b))
                if ov <= 0:
                    continue
                hit = True
                if m.span == (a, b):
                    score = 2.0
                else:
                    # measured on the name part: "Lydia Buchtmann for Food
                    # Standards Australia" belongs to Lydia Buchtmann's chain
                    core = m.alias or m.name or m.span
                    ov = _overlap(core, (a, b))
                    score = ov * ov / ((core[1] - core[0]) * (b - a)) if ov > 0 else 0.0
                if score > best.get(id(m), (0.0, -1))[0]:
                    best[id(m)] = (score, ci)
            if hit and any(m.span == (a, b) for m in spk):
                continue
            m = analyse(a, b)
            m.chain = ci
            if m.w.form == "name" and m.name is not None and _descriptive(text, m):
                # Rule ``chain-description``: a long chain mention ("Ahmed
                # Mohamed, a 14-year-old boy, was arrested ...") names no one:
                # it must not join its chain to another through the name in it.
                m.form, m.key, m.name, m.alias = "role", (), None, None
            mentions.append(m)
    for m in spk:
        if id(m) in best:
            m.chain = best[id(m)][1]


# Rule ``org-in-role``: an organisation named after "for"/"of"/"at" inside a
# speaker mention ("a spokesperson for Northwind Airlines") is a mention of
# its own, so that "the company" can find it later.
_ORG_AFTER_ROLE_RE = regex.compile(r"\b(?:for|of|at|from)\s+(?:the\s+)?$")


def _name_mentions(
    ann: Annotation, mentions: list[_Mention], speaker_spans: list[Pair], analyse: _Analyser, plain: bool
) -> None:
    """The names of ``ann.entities`` (an engine's NER), else, with no chains
    either, the names :func:`find_name_mentions` finds; none inside a speaker mention."""
    sp_starts = [a for a, _ in speaker_spans]

    def covered(a: int, b: int) -> bool:
        i = bisect.bisect_right(sp_starts, b) - 1
        while i >= 0:
            s, e = speaker_spans[i]
            if e <= a - 200:
                break
            if s < b and a < e and s < e and a < b:  # (_overlap, inlined: they share a character)
                return True
            i -= 1
        return False

    if ann.entities:
        for ent in ann.entities:
            label = ent.label.upper()
            if label not in ("PERSON", "PER", "ORG", "ORGANIZATION", "NORP", "GPE"):
                continue
            if covered(ent.start, ent.end) or any(
                m.chain is not None and _overlap(m.span, (ent.start, ent.end)) for m in mentions if not m.speaker
            ):
                continue
            m = analyse(ent.start, ent.end)
            if m.w.form != "name":
                continue
            m.kind = (
                EntityKind.PERSON
                if label in ("PERSON", "PER")
                else EntityKind.ORGANISATION
                if label in ("ORG", "ORGANIZATION")
                else EntityKind.OTHER
            )
            mentions.append(m)
    elif not ann.chains:
        text = ann.text
        names: list[Any] = find_name_mentions(text, plain=plain)
        for i, (a, b, role) in enumerate(names):
            # (each record let go once read: the mentions grow as the list
            # shrinks, and a 10 KB article's peak was the two side by side)
            names[i] = None
            inside = covered(a, b)
            if inside and not _ORG_AFTER_ROLE_RE.search(text, max(0, a - 6), a):
                continue
            m = analyse(a, b)
            if m.w.form != "name" or (inside and m.w.kind is not EntityKind.ORGANISATION):
                continue
            if role:
                _give_role(m, role)
            mentions.append(m)


def _pronoun_mentions(
    text: str,
    mentions: list[_Mention],
    q_starts: Sequence[int],
    q_ends: Sequence[int],
    plain: bool | None = None,
) -> None:
    """Rule ``find-pronouns``: nominative pronouns outside quotes are subject
    mentions ("He tilted me again." gives the speaker of the quote beside it)."""
    # (sorted by start, then end; two stable sorts make no key tuples, which
    # a long document's mentions would leave in Python's tuple free list)
    taken = sorted(mentions, key=_end_of)
    taken.sort(key=_start_of)
    taken_starts = [m.start for m in taken]
    # Only the text between the quoted spans is read (a pronoun inside a
    # quote is no subject mention): each gap up to the next quote's start,
    # and a few characters past it, where the lookahead of a pronoun that
    # ends the gap reads ("He" before a quote that opens with a letter is
    # no match). The lookbehind reads before a scan's start.
    n = len(text)
    pos = 0
    # (guard plain-text: a plain text is read by the ASCII twin, with re)
    if plain is None:
        plain = is_plain_text(text)
    for qa, qb in itertools.chain(zip(q_starts, q_ends, strict=True), ((n, n),)):
        if qa > pos:
            hi = qa + _PRONOUN_TAIL
            found: Iterable[re.Match[str] | regex.Match[str]] = (
                _PRONOUN_ASCII_RE.finditer(text, pos, hi)
                if plain
                else _PRONOUN_RE.finditer(text, pos, hi, concurrent=False)
            )
            for pm in found:
                a, b = pm.span()
                if a >= qa:
                    break  # (inside the quote)
                i = bisect.bisect_right(taken_starts, a) - 1
                if i >= 0 and taken[i].start <= a < taken[i].end:
                    continue
                mentions.append(analyse_mention(text, a, b))
        if qb > pos:
            pos = qb


#: Characters after a gap that :func:`_pronoun_mentions` reads: a pronoun's
#: length ("they") and the one its lookahead tests.
_PRONOUN_TAIL = 5


def _mark_positions(
    mentions: list[_Mention], q_starts: Sequence[int], q_ends: Sequence[int], sent_starts: Sequence[int]
) -> None:
    """Sort *mentions* by start, longest first, and flag those inside
    quotes and the first outside quotes of each sentence (its subject)."""
    # by start, then longest first (a reversed sort is stable too, and its
    # C key function calls no Python function per mention)
    mentions.sort(key=_end_of, reverse=True)
    mentions.sort(key=_start_of)
    # (the mentions go by start, so their sentences never go back: the last
    # one with a subject is all there is to remember, where a set of every
    # sentence was the size of a text of short quotes; issue 18)
    last_sentence = -1
    bisect_right = bisect.bisect_right
    for m in mentions:
        start = m.start
        q = bisect_right(q_starts, start) - 1  # (the quoted span it may lie in)
        if q >= 0 and start < q_ends[q]:
            m.flags |= _IN_QUOTE
            continue
        s = bisect_right(sent_starts, start) - 1
        if s != last_sentence:
            m.flags |= _SUBJECT
            last_sentence = s


def _overlap(a: Pair, b: Pair) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
