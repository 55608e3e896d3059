"""Speaker coreference: one entity per person or organisation of a document.

:func:`resolve` ties each candidate's speaker mention to a document-level
entity and returns the entities (:class:`quoteattr.Speaker`) with one
:class:`quoteattr.SpeakerRef` per candidate. It works in three passes over
the document's mentions (the speaker mentions the rules found, the mentions of
``ann.chains`` and ``ann.entities`` when an engine gave them, else the proper
names it finds itself):

1. **names**: proper-name mentions are clustered (rules ``name-full``,
   ``name-surname``, ``name-first``, ``name-title``, ``org-name``; chains
   first, rule ``chain``);
2. **roles and pronouns**, in text order: ``role-definite``,
   ``title-alone`` and ``pronoun-salience`` pick an earlier entity, or a new
   unnamed entity is kept (``unresolved``); every "I" is one narrator
   (``first-person``);
3. **quotes with no cue and no speaker**: the subject of an action beat in
   the paragraph (``beat``), the person the previous line addressed
   (``vocative``), the other party of a dialogue exchange (``turn-taking``,
   ``exchange``), or the previous quote's speaker (``follow-on``).

Each rule is a small function below with a comment and an example; the rules
page is ``docs/coreference.md``.

Example:
    >>> from quoteattr.candidates import Candidate
    >>> from quoteattr.text import segment
    >>> text = 'Sergey Lavrov spoke. "No," Lavrov said. "Never," he added.'
    >>> cands = [Candidate(parts=[(22, 25)], rule="t", confidence=0.9, speaker=(27, 33)),
    ...          Candidate(parts=[(41, 47)], rule="t", confidence=0.9, speaker=(49, 51))]
    >>> speakers, refs = resolve(segment(text), cands)
    >>> [(r.mention.text, r.entity.name, r.resolution.value) for r in refs]
    [('Lavrov', 'Sergey Lavrov', 'name'), ('he', 'Sergey Lavrov', 'pronoun')]
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence

import regex

from .annotations import Annotation
from .candidates import Candidate
from .clustering import _cluster_names
from .dialogue import _beat, _find_vocatives, _follow_on, _vocative_entity
from .entities import _CONFIDENCE, _Entity, _kind_ok, _new_entity
from .marks import QuoteRegion, find_quotes
from .mentions import _IN_QUOTE, _PRONOUN_RE, _SPEAKER, _SUBJECT, PRONOUN_FEATURES, Pair, _descriptive, _give_role, _Mention, _role_near, _Words, analyse_mention, find_name_mentions
from .model import EntityKind, Resolution, Span, Speaker, SpeakerRef, span_with_text
from .names import strip_title

__all__ = ["PRONOUN_FEATURES", "analyse_mention", "find_name_mentions", "quoted_spans", "resolve", "resolve_quoted"]


#: How far back (in characters) a pronoun or role looks for its antecedent.
WINDOW = 2500


def _resolve_role(m: _Mention, antecedents: list[_Mention], starts: list[int]) -> _Entity | None:
    """Rule ``role-definite``: "the minister", "the spokeswoman", "the foreign
    minister", "the ministry" -> the nearest earlier entity whose role (or
    title, or organisation name) contains the head noun and every modifier.
    Example: after "Sergey Lavrov, the Russian foreign minister," the mention
    "the foreign minister" resolves to Sergey Lavrov."""
    if not m.w.definite or m.w.number == "pl" and m.w.kind is EntityKind.PERSON or m.w.head is None:
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
    return None


def _pronoun_ok(m: _Mention, e: _Entity, speaker: bool) -> bool:
    p = m.w.pronoun
    assert p is not None
    person, number, gender, kinds = PRONOUN_FEATURES[p]
    kind = e.kind
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


def _resolve_pronoun(m: _Mention, antecedents: list[_Mention], starts: list[int], prev_speaker: _Mention | None, text: str, paragraph_of) -> tuple[_Entity | None, _Mention | None]:  # type: ignore[no-untyped-def]
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
        if a.entity is None or a.flags & _IN_QUOTE or a.w.form == "pronoun" and a.entity is m.entity:
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
            if recent is not None and recent.start > prev_speaker.end and paragraph_of(recent.start) == para and recent.entity is not prev_speaker.entity and (recent.subject or recent.speaker):
                return recent.entity, recent
            return prev_speaker.entity, prev_speaker
    best = subject or recent
    return (best.entity, best) if best is not None else (None, None)


def _inside(regions: Sequence[Pair], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


_start_of = operator.attrgetter("start")
_end_of = operator.attrgetter("end")


def _minus_end(m: _Mention) -> int:
    return -m.end


def _overlap(a: Pair, b: Pair) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def resolve(
    ann: Annotation, candidates: list[Candidate], regions: Sequence[QuoteRegion] | None = None
) -> tuple[tuple[Speaker, ...], list[SpeakerRef | None]]:
    """Tie each candidate's speaker mention to a document-level entity.

    Args:
        ann: the annotation (its ``chains`` and ``entities`` are used when
            present; otherwise proper names are found by capitalisation).
        candidates: the quote candidates, with their speaker mention spans.
        regions: the quoted regions from :func:`quoteattr.marks.find_quotes`,
            when the caller has them (found again otherwise).

    Returns:
        The entities referenced by at least one candidate, with ids ``e0``,
        ``e1`` ... in order of first mention, and one :class:`SpeakerRef` (or
        ``None``) per candidate, aligned with *candidates*.

    Raises:
        InvalidSpanError: when a candidate's speaker span lies outside the text.
    """
    if regions is None:
        regions, _ = find_quotes(ann.text, ann.paragraphs)
    return resolve_quoted(ann, candidates, quoted_spans(regions, candidates))


def quoted_spans(regions: Sequence[QuoteRegion], candidates: Sequence[Candidate]) -> list[Pair]:
    """The text that quotes cover, as sorted disjoint spans: the parts of the
    outermost *regions* and of the *candidates*, merged.

    A mention there is inside a quote (no subject of the narrative).
    """
    quoted = sorted({p for r in regions if r.depth == 0 for p in r.parts})
    for c in candidates:
        quoted.extend(c.parts)
    quoted.sort()
    merged: list[Pair] = []
    for a, b in quoted:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def resolve_quoted(
    ann: Annotation, candidates: list[Candidate], merged: list[Pair]
) -> tuple[tuple[Speaker, ...], list[SpeakerRef | None]]:
    """:func:`resolve` given the :func:`quoted_spans` instead of the regions
    (so that a caller can free the regions first); *merged* is cleared."""
    text = ann.text
    n = len(text)
    # (each list below is cleared after its last use: a long document's
    # working set is what it holds at once)
    q_starts = [a for a, _ in merged]
    sent_starts = [a for a, _ in ann.sentences] or [0]
    para_starts = [a for a, _ in ann.paragraphs] or [0]

    def paragraph_of(pos: int) -> int:
        return bisect.bisect_right(para_starts, pos) - 1

    # -- collect mentions -------------------------------------------------
    # analyse_mention reads only the mention's own words, and names recur
    # ("Trump" thirty times in one article): each distinct wording is
    # analysed once per document, and later mentions get a moved copy.
    # (a mention's setters copy its _Words: what is cached stays as analysed)
    analysed: dict[str, _Words] = {}

    def analyse(a: int, b: int) -> _Mention:
        words = text[a:b]
        found = analysed.get(words)
        if found is None:
            m = analyse_mention(text, a, b)
            analysed[words] = m.w
            return m
        return _Mention(a, b, found)

    mentions: list[_Mention] = []
    speaker_of: list[_Mention | None] = []
    for c in candidates:
        if c.speaker is None:
            speaker_of.append(None)
            continue
        a, b = c.speaker
        Span.of(text, a, b)  # raises InvalidSpanError on bad offsets
        m = analyse(a, b)
        m.speaker = True
        if m.w.form == "name" and m.w.role is None and m.name is not None:
            role = _role_near(text, *m.name)
            if role is not None:
                _give_role(m, role)
        mentions.append(m)
        speaker_of.append(m)
    speaker_spans = sorted({m.span for m in mentions})
    sp_starts = [a for a, _ in speaker_spans]

    def covered(a: int, b: int) -> bool:
        i = bisect.bisect_right(sp_starts, b) - 1
        while i >= 0 and speaker_spans[i][1] > a - 200:
            if _overlap(speaker_spans[i], (a, b)):
                return True
            i -= 1
        return False

    # chains (rule ``chain``): a speaker mention takes the chain of the chain
    # mention that fits it best (the same span, else the largest overlap
    # relative to both spans), so that a long mention holding a nested one
    # ("Professor Eastman, Chairman of the Iodine Deficiency council") keeps
    # its own chain.
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
    for done in (spk, spk_by_start, spk_starts, best):
        done.clear()
    # NER mentions, or our own name finder
    if ann.entities:
        for ent in ann.entities:
            label = ent.label.upper()
            if label not in ("PERSON", "PER", "ORG", "ORGANIZATION", "NORP", "GPE"):
                continue
            if covered(ent.start, ent.end) or any(m.chain is not None and _overlap(m.span, (ent.start, ent.end)) for m in mentions if not m.speaker):
                continue
            m = analyse(ent.start, ent.end)
            if m.w.form != "name":
                continue
            m.kind = EntityKind.PERSON if label in ("PERSON", "PER") else EntityKind.ORGANISATION if label in ("ORG", "ORGANIZATION") else EntityKind.OTHER
            mentions.append(m)
    elif not ann.chains:
        for a, b, role in find_name_mentions(text):
            if covered(a, b):
                continue
            m = analyse(a, b)
            if m.w.form != "name":
                continue
            if role:
                _give_role(m, role)
            mentions.append(m)
    # Rule ``find-pronouns``: nominative pronouns outside quotes are subject
    # mentions ("He tilted me again." gives the speaker of the quote beside it).
    # (sorted by start, then end; two stable sorts make no key tuples, which
    # a long document's mentions would leave in Python's tuple free list)
    taken = sorted(mentions, key=_end_of)
    taken.sort(key=_start_of)
    taken_starts = [m.start for m in taken]
    for pm in _PRONOUN_RE.finditer(text, concurrent=False):
        a, b = pm.span()
        if _inside(merged, q_starts, a):
            continue
        i = bisect.bisect_right(taken_starts, a) - 1
        if i >= 0 and taken[i].start <= a < taken[i].end:
            continue
        m = analyse_mention(text, a, b)
        mentions.append(m)
    for done in (taken, taken_starts, speaker_spans, sp_starts):
        done.clear()  # (lists no rule reads again: their memory goes back now)
    analysed.clear()
    # position features
    seen_sentence: set[int] = set()
    mentions.sort(key=_minus_end)  # by start, then longest first
    mentions.sort(key=_start_of)
    for m in mentions:
        if _inside(merged, q_starts, m.start):
            m.flags |= _IN_QUOTE
            continue
        s = bisect.bisect_right(sent_starts, m.start) - 1
        if s not in seen_sentence:
            m.flags |= _SUBJECT
            seen_sentence.add(s)
    for done in (seen_sentence, merged, q_starts, sent_starts):
        done.clear()

    # -- pass 1: names ------------------------------------------------------
    entities = _cluster_names(mentions)

    # -- pass 2: roles and pronouns, in text order ------------------------
    starts = [m.start for m in mentions]
    cand_order = sorted(range(len(candidates)), key=lambda i: candidates[i].start)
    prev_speaker_at: list[tuple[int, _Mention]] = []  # (quote end, speaker mention)
    for i in cand_order:
        sm = speaker_of[i]
        if sm is not None:
            prev_speaker_at.append((max(candidates[i].end, sm.end), sm))
    prev_speaker_at.sort(key=lambda x: x[0])
    prev_ends = [x[0] for x in prev_speaker_at]

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
            while j >= 0 and prev_speaker_at[j][1] is m:
                j -= 1
            prev = prev_speaker_at[j][1] if j >= 0 else None
            if prev is not None and (prev.entity is None or prev.start >= m.start):
                prev = None
            e, _ = _resolve_pronoun(m, mentions, starts, prev, text, paragraph_of)
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

    prev_speaker_at.clear()
    prev_ends.clear()

    # -- refs, before follow-on ---------------------------------------------
    raw: list[tuple[_Entity, Pair, Resolution, float] | None] = []
    for c, sm in zip(candidates, speaker_of):
        if sm is None or sm.entity is None:
            raw.append(None)
            continue
        res = sm.resolution
        if sm.chain is not None and res in (Resolution.UNRESOLVED,):
            res = Resolution.COREF
        conf = _CONFIDENCE[res]
        if res is Resolution.NAME and sm.w.form != "name":
            res, conf = Resolution.COREF, _CONFIDENCE[Resolution.COREF]
        # (an entity whose key is empty has no named mention: absorb keeps the longest key)
        if sm.entity.key == () and res is not Resolution.UNRESOLVED:
            conf = min(conf, 0.5)
        # (the mention's span is the candidate's speaker span: share its tuple)
        raw.append((sm.entity, c.speaker, res, conf))
    speaker_of.clear()

    # -- pass 3: follow-on quotes -------------------------------------------
    def beat(c: Candidate) -> tuple[_Entity, Pair, Resolution, float] | None:
        p = paragraph_of(c.start)
        if not 0 <= p < len(ann.paragraphs):
            return None
        m = _beat(text, c, mentions, starts, ann.paragraphs[p])
        if m is None:
            return None
        e = m.entity if m.entity is not None else _new_entity(m, entities)
        res = m.resolution
        return e, m.span, res, round(_CONFIDENCE[res] * 0.8, 4)

    voc_cache: dict[int, list[tuple[Pair, _Entity | None]]] = {}

    def vocatives(c: Candidate) -> list[tuple[Pair, _Entity | None]]:
        key = id(c)
        if key not in voc_cache:
            voc_cache[key] = [(sp, _vocative_entity(text, sp, entities)) for a, b in c.parts for sp in _find_vocatives(text, a, b)]
        return voc_cache[key]

    _follow_on(text, candidates, raw, cand_order, paragraph_of, beat, vocatives)

    # -- build the frozen speakers --------------------------------------------
    used: list[_Entity] = []
    seen: set[int] = set()
    for r in raw:
        if r is not None and id(r[0]) not in seen:
            seen.add(id(r[0]))
            used.append(r[0])
    used.sort(key=lambda e: min(m.start for m in e.mentions))
    # Mentions and entities point at each other: break the cycles and drop
    # the document's mention lists, so that reference counting frees every
    # entity no quote uses now, before the speakers are built (the working
    # set of a long document is several times its size).
    for e in entities:  # (every mention with an entity is in its entity's list)
        for m in e.mentions:
            m.entity = None
    for done in (mentions, entities, starts):
        done.clear()
    voc_cache.clear()
    built: dict[int, Speaker] = {}
    # one str per distinct mention wording ("he", "Lavrov" thirty times)
    words: dict[str, str] = {}
    for idx, e in enumerate(used):
        built[id(e)] = _build(text, e, f"e{idx}", words)
        e.mentions = ()  # built: free them as we go
    words.clear()
    refs: list[SpeakerRef | None] = []
    for r in raw:
        if r is None:
            refs.append(None)
            continue
        e, (a, b), res, conf = r
        speaker = built[id(e)]
        # (the quote's mention is one of the entity's mentions: the same Span)
        refs.append(SpeakerRef(mention=_span_among(speaker.mentions, a, b) or Span.of(text, a, b), entity=speaker, resolution=res, confidence=conf))
    return tuple(built[id(e)] for e in used), refs


def _shared_span(text: str, a: int, b: int, words: dict[str, str]) -> Span:
    """``Span.of(text, a, b)``, its text shared with every equal one in *words*."""
    if not 0 <= a <= b <= len(text):
        return Span.of(text, a, b)  # (raises)
    w = text[a:b]
    return span_with_text(a, b, words.setdefault(w, w))


def _span_among(spans: tuple[Span, ...], a: int, b: int) -> Span | None:
    """The span ``[a, b)`` of *spans* (sorted), or ``None``."""
    i = bisect.bisect_left(spans, a, key=_start_of)
    while i < len(spans) and spans[i].start == a:
        if spans[i].end == b:
            return spans[i]
        i += 1
    return None


_LEADING_ARTICLE_RE = regex.compile(r"(?i)^\W*(?:the|a|an)\b")


def _build(text: str, e: _Entity, sid: str, words: dict[str, str]) -> Speaker:
    """The frozen speaker of *e*; *words* shares one str per mention wording across the document."""
    names = e.names()
    name = None
    aliases: list[str] = []
    if names:
        def score(m: _Mention) -> tuple[bool, bool, int, int, int, int]:
            a, b = m.name  # type: ignore[misc]
            t = text[a:b]
            # a clean mention (the name alone, perhaps with a title or "the")
            # beats one inside a description ("Facebook creator Mark Zuckerberg")
            ta, _ = m.alias or m.name  # type: ignore[misc]
            before = text[m.start : ta]
            clean = not any(ch.isalnum() for ch in before) or not any(ch.isalnum() for ch in _LEADING_ARTICLE_RE.sub("", before))
            return (1 < len(m.w.key) <= 4, clean, len(m.w.key), sum(ch.isupper() for ch in t), -int(m.w.title is not None), -m.start)

        best = max(names, key=score)
        a, b = best.name  # type: ignore[misc]
        nw = text[a:b].split()
        if best.w.title:
            nw, _ = strip_title(nw)
        name = " ".join(nw) if nw else text[a:b]
        for m in sorted(e.mentions, key=lambda m: m.start):
            if m.w.name_at >= 0 and m.w.key:
                # alias: the name with its title, without a determiner
                a, b = m.alias or m.name
                t = " ".join(text[a:b].split())
                if t.endswith(("'s", "’s")):
                    t = t[:-2]
                if t not in aliases:
                    aliases.append(t)
    role = e.role
    if role is None:
        role = next((m.w.role for m in e.mentions if m.w.role), None)
    if role is None and e.title_role:
        role = e.title_role
    if role is None and not names:
        role = next((m.w.role for m in e.mentions if m.w.form == "role" and m.w.role), None)
    kind = e.kind or EntityKind.OTHER
    gender = e.gender if kind is EntityKind.PERSON or e.gender else None
    spans = sorted({(m.start, m.end) for m in e.mentions})
    return Speaker(
        id=sid,
        name=name,
        kind=kind,
        role=role,
        gender=gender,
        mentions=tuple(_shared_span(text, a, b, words) for a, b in spans),
        aliases=tuple(aliases),
    )
