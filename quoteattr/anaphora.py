"""Pass 2 of coreference: roles and pronouns, in text order.

:func:`resolve_anaphora` ties each mention pass 1 left without an entity:
rule ``role-definite`` ("the foreign minister" -> the nearest entity of that
role), rule ``pronoun-salience`` ("he" -> the last compatible speaker or
subject), rule ``first-person`` (every "I" of a text is one narrator), or
rule ``unresolved`` (a new unnamed entity).
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Sequence

from .candidates import Candidate, text_order
from .entities import _IN_QUOTE, _SPEAKER, _SUBJECT, _Entity, _kind_ok, _Mention, _new_entity
from .mentions import PRONOUN_FEATURES
from .model import EntityKind, Resolution

#: How far back (in characters) a pronoun or role looks for its antecedent.
WINDOW = 2500


def _resolve_role(m: _Mention, antecedents: list[_Mention], starts: list[int]) -> _Entity | None:
    """Rule ``role-definite``: "the minister", "the spokeswoman", "the foreign
    minister", "the ministry" -> the nearest earlier entity whose role (or
    title, or organisation name) contains the head noun and every modifier.
    Example: after "Sergey Lavrov, the Russian foreign minister," the mention
    "the foreign minister" resolves to Sergey Lavrov."""
    if not m.w.definite or (m.w.number == "pl" and m.w.kind is EntityKind.PERSON) or m.w.head is None:
        return None
    need = {m.w.head, *m.w.modifiers} - {"former", "top", "senior", "new"}
    i = bisect.bisect_left(starts, m.start)
    for k in range(i - 1, -1, -1):  # (no slice copy: long documents stay linear)
        a = antecedents[k]
        if m.start - a.start > WINDOW * 4:
            break
        e = a.entity
        if e is None or e is m.entity:
            continue
        if m.w.kind is not None and e.kind is not None and not _kind_ok(m.w.kind, e.kind):
            continue
        if need <= e.role_words():
            return e
    if m.w.kind is EntityKind.ORGANISATION and m.w.head in _GENERIC_ORG and not m.w.modifiers:
        return _only_organisation(m, antecedents, i)
    return None


# Rule ``org-generic``: generic heads that name whatever organisation is in play.
_GENERIC_ORG = frozenset(["company", "firm", "group", "corporation", "business", "airline", "carrier", "bank"])


def _only_organisation(m: _Mention, antecedents: list[_Mention], i: int) -> _Entity | None:
    """Rule ``org-generic``: "the company" with no organisation of that role
    goes to the one named organisation mentioned before it (within the
    window), when there is exactly one. Example: "According to a
    spokesperson for Northwind Airlines, ..." / "The company said ..." ->
    Northwind Airlines; with two organisations named, nothing."""
    found: _Entity | None = None
    for k in range(i - 1, -1, -1):
        a = antecedents[k]
        if m.start - a.start > WINDOW:
            break
        e = a.entity
        if e is None or e is m.entity or e.kind is not EntityKind.ORGANISATION or not e.key:
            continue
        if found is not None and found is not e:
            return None
        found = e
    return found


def _pronoun_ok(m: _Mention, e: _Entity, speaker: bool) -> bool:
    p = m.w.pronoun
    assert p is not None
    person, _number, gender, kinds = PRONOUN_FEATURES[p]
    kind = e.kind
    if person == 3 and e.mentions and e.mentions[0].w.pronoun in ("i", "me"):
        # rule ``first-person``: "he" is never the narrator (the entity the
        # first "I" made)
        return False
    if kind is None:
        # an unknown proper name counts as a person only when it spoke
        kind = EntityKind.OTHER if speaker else None
    if kind is None or kind not in kinds:
        return False
    if gender is not None and e.gender is not None and gender != e.gender:
        return False
    if kind is EntityKind.PERSON and p in ("they", "them", "we"):
        return e.has_plural
    if p in ("he", "him", "she", "her") and kind is EntityKind.OTHER:
        return speaker
    return True


def _resolve_pronoun(
    m: _Mention,
    antecedents: list[_Mention],
    starts: list[int],
    prev_speaker: _Mention | None,
    paragraph_of: Callable[[int], int],
) -> tuple[_Entity | None, _Mention | None]:
    """Rule ``pronoun-salience``: a pronoun goes to the last compatible
    (gender, number, kind) speaker or subject before it, preferring the
    previous speaker in a run of quotes unless a compatible entity was named
    after that speaker in the pronoun's own paragraph.
    Example: '"No," Lavrov said. ... He had told the press' -> Lavrov."""
    if m.w.pronoun in ("i", "me"):
        return None, None
    i = bisect.bisect_left(starts, m.start)
    para = paragraph_of(m.start)
    recent: _Mention | None = None
    subject: _Mention | None = None
    for k in range(i - 1, -1, -1):
        a = antecedents[k]
        if m.start - a.start > WINDOW:
            break
        if a.entity is None or a.flags & _IN_QUOTE or (a.w.form == "pronoun" and a.entity is m.entity):
            continue
        if a.entity.kind is None and not a.entity.has_speaker and a.w.form == "name":
            continue
        if not _pronoun_ok(m, a.entity, a.entity.has_speaker):
            continue
        if recent is None:
            recent = a
        if a.flags & (_SUBJECT | _SPEAKER):
            subject = a
            break
    if prev_speaker is not None and prev_speaker.entity is not None and m.start - prev_speaker.start <= WINDOW:
        if _pronoun_ok(m, prev_speaker.entity, True):
            if (
                recent is not None
                and recent.start > prev_speaker.end
                and paragraph_of(recent.start) == para
                and recent.entity is not prev_speaker.entity
                and (recent.subject or recent.speaker)
            ):
                return recent.entity, recent
            return prev_speaker.entity, prev_speaker
    best = subject or recent
    return (best.entity, best) if best is not None else (None, None)


def resolve_anaphora(
    mentions: list[_Mention], starts: list[int], entities: list[_Entity], candidates: Sequence[Candidate],
    speaker_of: list[_Mention | None], paragraph_of: Callable[[int], int],
) -> None:  # fmt: skip
    """Resolve, in text order, the role and pronoun mentions (and the speaker
    mentions) that pass 1 left without an entity; *starts* are the mentions' starts."""
    prev_ends, prev_speakers = _speakers_by_quote_end(candidates, speaker_of)
    narrator: _Entity | None = None
    for m in mentions:
        if m.entity is not None:
            if m.chain is not None and m.w.form != "name":
                m.resolution = Resolution.COREF
            continue
        if m.w.form == "role":
            e = _resolve_role(m, mentions, starts)
            if e is not None:
                e.absorb(m)
                m.resolution = Resolution.ROLE
                continue
        elif m.w.form == "pronoun":
            j = bisect.bisect_left(prev_ends, m.start) - 1
            while j >= 0 and prev_speakers[j] is m:
                j -= 1
            prev = prev_speakers[j] if j >= 0 else None
            if prev is not None and (prev.entity is None or prev.start >= m.start):
                prev = None
            e, _ = _resolve_pronoun(m, mentions, starts, prev, paragraph_of)
            if e is not None:
                e.absorb(m)
                if m.w.gender and e.gender is None:
                    e.gender = m.w.gender
                m.resolution = Resolution.PRONOUN
                continue
            if m.w.pronoun in ("i", "me"):
                # Rule ``first-person``: every "I" of a text (outside quotes)
                # is one unnamed narrator.
                if narrator is not None:
                    narrator.absorb(m)
                    m.resolution = Resolution.UNRESOLVED
                    continue
            if not m.speaker:
                continue
        if not m.speaker and m.w.form != "name":
            continue
        e = _new_entity(m, entities)
        if m.w.pronoun in ("i", "me") and narrator is None:
            narrator = e


def _speakers_by_quote_end(
    candidates: Sequence[Candidate], speaker_of: list[_Mention | None]
) -> tuple[Sequence[int], list[_Mention]]:
    """Of each candidate with a speaker, where the quote and its speaker end
    (the later of the two) and the speaker mention: two columns, by that end.

    (columns, where a pair each was 3 times the size of a text of short
    quotes; issue 18)"""
    ends = array("q")
    spk: list[_Mention] = []
    for i in text_order(candidates):
        sm = speaker_of[i]
        if sm is not None:
            ends.append(max(candidates[i].end, sm.end))
            spk.append(sm)
    if any(ends[k] > ends[k + 1] for k in range(len(ends) - 1)):
        by_end = sorted(range(len(ends)), key=ends.__getitem__)  # (stable: ties keep text order)
        return [ends[k] for k in by_end], [spk[k] for k in by_end]
    return ends, spk
