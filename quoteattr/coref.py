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
import heapq
import operator
from array import array
from collections.abc import Iterable, Iterator, Sequence

import regex

from . import defaults
from .anaphora import resolve_anaphora
from .annotations import Annotation
from .candidates import Candidate, text_order
from .clustering import _cluster_names
from .dialogue import Attribution, _Dialogue, attribute_uncued
from .entities import _CONFIDENCE, _SPEAKER, Pair, _Entity, _Mention
from .gather import gather_mentions
from .marks import QuoteRegion, find_quotes
from .mentions import PRONOUN_FEATURES, analyse_mention
from .namefinder import find_name_mentions
from .model import EntityKind, Resolution, Span, Speaker, SpeakerRef
from .names import FIRST_NAMES, ROLE_NOUNS, strip_title
from .tables import PairTable, SpanTable
from .text import ABBREVIATIONS, found_after_word

__all__ = [
    "PRONOUN_FEATURES",
    "analyse_mention",
    "find_name_mentions",
    "quoted_spans",
    "resolve",
    "resolve_quoted",
    "resolve_rows",
]

_start_of = operator.attrgetter("start")
_end_of = operator.attrgetter("end")


def resolve(
    ann: Annotation, candidates: Sequence[Candidate], regions: Sequence[QuoteRegion] | None = None
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


def quoted_spans(regions: Sequence[QuoteRegion], candidates: Sequence[Candidate]) -> PairTable:
    """The text that quotes cover, as sorted disjoint spans: the parts of the
    outermost *regions* and of the *candidates*, merged.

    A mention there is inside a quote (no subject of the narrative).

    Both inputs are in text order as the engine hands them over (outermost
    regions never overlap, nor do settled candidates): the two streams of
    parts are merged as they are read, and the spans kept as two arrays
    (issue 18: a sorted list of every part was the peak of a text of short
    quotes). Parts out of order are sorted first.
    """

    def region_parts() -> Iterator[Pair]:
        return (p for r in regions if r.depth == 0 for p in r.parts)

    def candidate_parts() -> Iterator[Pair]:
        return (p for c in candidates for p in c.parts)

    if len(regions) + len(candidates) < defaults.TABLES_FROM:  # (guard tables-from: one sort is faster)
        merged: Iterable[Pair] = sorted([*region_parts(), *candidate_parts()])
    else:
        streams = [f() if _starts_in_order(f()) else iter(sorted(f())) for f in (region_parts, candidate_parts)]
        merged = heapq.merge(*streams)
    starts, ends = array("q"), array("q")
    for a, b in merged:
        if ends and a <= ends[-1]:
            if b > ends[-1]:
                ends[-1] = b
        else:
            starts.append(a)
            ends.append(b)
    return PairTable.of_arrays(starts, ends)


def _starts_in_order(pairs: Iterable[Pair]) -> bool:
    """True when the starts of *pairs* never decrease."""
    last = -1
    for a, _ in pairs:
        if a < last:
            return False
        last = a
    return True


def resolve_quoted(
    ann: Annotation, candidates: Sequence[Candidate], merged: Sequence[Pair]
) -> tuple[tuple[Speaker, ...], list[SpeakerRef | None]]:
    """:func:`resolve` given the :func:`quoted_spans` instead of the regions
    (so that a caller can free the regions first)."""
    speakers, rows = resolve_rows(ann, candidates, merged)
    text = ann.text
    refs: list[SpeakerRef | None] = []
    for row in rows:
        if row is None:
            refs.append(None)
            continue
        a, b, ent, res, conf = row
        refs.append(SpeakerRef(mention=Span.of(text, a, b), entity=speakers[ent], resolution=res, confidence=conf))
    return speakers, refs


#: A quote's speaker as :func:`resolve_rows` gives it: the mention's
#: offsets, the entity's index among the speakers, resolution, confidence.
SpeakerRow = tuple[int, int, int, Resolution, float]


def resolve_rows(
    ann: Annotation, candidates: Sequence[Candidate], merged: Sequence[Pair]
) -> tuple[tuple[Speaker, ...], list[SpeakerRow | None]]:
    """:func:`resolve_quoted` with each speaker as a :data:`SpeakerRow`
    (what :class:`quoteattr.tables.QuoteTable` stores: no objects per quote).

    The steps: gather the mentions (:func:`quoteattr.gather.gather_mentions`),
    cluster the names (pass 1, :mod:`quoteattr.clustering`), resolve roles
    and pronouns (pass 2, :mod:`quoteattr.anaphora`), attribute each quote
    with a speaker mention (:func:`_attributions`), then the quotes without
    one (pass 3, :mod:`quoteattr.dialogue`), and build the speakers.
    """
    narrator_names = _narrator_names(ann.text, merged)
    mentions, speaker_of = gather_mentions(ann, candidates, merged)
    entities = _cluster_names(mentions)
    starts = [m.start for m in mentions]
    para_starts = [a for a, _ in ann.paragraphs] or [0]

    def paragraph_of(pos: int) -> int:
        return bisect.bisect_right(para_starts, pos) - 1

    resolve_anaphora(mentions, starts, entities, candidates, speaker_of, paragraph_of)
    if narrator_names:
        _name_narrator(ann.text, narrator_names[0], mentions, entities)
    raw = _attributions(candidates, speaker_of, mentions)
    del speaker_of
    order = text_order(candidates)
    attribute_uncued(
        _Dialogue(ann.text, candidates, raw, order, ann.paragraphs, paragraph_of, mentions, starts, entities)
    )
    used = _used_entities(raw)
    # Mentions and entities point at each other: break the cycles and drop
    # the document's mention lists, so that reference counting frees every
    # entity no quote uses now, before the speakers are built (the working
    # set of a long document is several times its size).
    for e in entities:  # (every mention with an entity is in its entity's list)
        for m in e.mentions:
            m.entity = None
    del mentions, entities, starts
    return _build_speakers(ann.text, used, raw)


# Rule ``narrator-name``: the narration names its first-person narrator
# ("My name is Edwin Marlowe", "They call me Ishmael").
_NARRATOR_NAME_RE = regex.compile(
    r"\b(?:[Mm]y\s+name\s+(?:is|was)|[Cc]all\s+me|I\s+am\s+called|I\s+was\s+called|I\s+was\s+christened)\s+"
    r"(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){0,2})"
)


# What follows each word that every match of _NARRATOR_NAME_RE holds: "name"
# (in "my name is"), "all" (in "call me") or "called"/"christened" ("I was
# called"), then the name's capital.
_NARRATOR_AFTER = (
    ("name", regex.compile(r"\s+(?:is|was)\s+\p{Lu}")),
    ("all", regex.compile(r"\s+me\s+\p{Lu}")),
    ("called", regex.compile(r"\s+\p{Lu}")),
    ("christened", regex.compile(r"\s+\p{Lu}")),
)


def _may_name_narrator(text: str) -> bool:
    """False when _NARRATOR_NAME_RE cannot match *text*: no word of
    ``_NARRATOR_AFTER`` stands there with what must follow it (a news text
    has "all" and "name" but seldom "call me")."""
    return found_after_word(text, _NARRATOR_AFTER)


def _narrator_names(text: str, quoted: Sequence[Pair]) -> list[Pair]:
    """Rule ``narrator-name``: the spans of names a narrator gives as their own, outside quotes."""
    if not _may_name_narrator(text):
        return []
    out = []
    starts = [a for a, _ in quoted]
    for m in _NARRATOR_NAME_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and quoted[i][0] <= m.start() < quoted[i][1]:
            continue  # a character's words
        out.append(m.span(1))
    return out


def _name_narrator(text: str, span: Pair, mentions: list[_Mention], entities: list[_Entity]) -> None:
    """Rule ``narrator-name``: the first-person narrator (the entity of "I"
    outside quotes) takes the name; an entity of that name joins it.
    Example: 'My name is Edwin Marlowe. ... "Any boats out?" I asked.' -> Edwin Marlowe."""
    narrator = next(
        (m.entity for m in mentions if m.w.pronoun in ("i", "me") and not m.in_quote and m.entity is not None), None
    )
    if narrator is None or narrator.key:
        return
    name = analyse_mention(text, *span)
    if name.w.form != "name":
        return
    for e in entities:
        if e is not narrator and e.key and e.key == name.w.key:
            # the name's mentions join the narrator; what pass 2 gave the
            # name ("he" after "My name is Edwin Marlowe") is someone else's
            rest = [x for x in e.mentions if x.w.form != "name"]
            for x in e.mentions:
                if x.w.form == "name":
                    narrator.absorb(x)
            e.mentions = rest
            e.key = ()
            e.starts = sorted(x.start for x in rest) if len(rest) > 1 else None
            break
    narrator.absorb(name)
    if narrator.kind is None:
        narrator.kind = EntityKind.PERSON


def _attributions(
    candidates: Sequence[Candidate], speaker_of: list[_Mention | None], mentions: list[_Mention]
) -> list[Attribution | None]:
    """The attribution of each candidate with a resolved speaker mention (else ``None``)."""
    raw: list[Attribution | None] = []
    shared = _shared_mentions(mentions)
    for c, sm in zip(candidates, speaker_of, strict=False):
        sp = c.speaker
        if sm is None or sm.entity is None or sp is None:
            raw.append(None)
            continue
        entity = sm.entity if not shared else shared.get(id(sm), sm.entity)
        res = sm.resolution
        if sm.chain is not None and res in (Resolution.UNRESOLVED,):
            res = Resolution.COREF
        conf = _CONFIDENCE[res]
        if res is Resolution.NAME and sm.w.form != "name":
            res, conf = Resolution.COREF, _CONFIDENCE[Resolution.COREF]
        # (an entity whose key is empty has no named mention: absorb keeps the longest key)
        if entity.key == () and res is not Resolution.UNRESOLVED:
            conf = min(conf, 0.5)
        # (the mention's offsets: its ints are shared; a candidate's speaker
        # mention has the candidate's speaker span)
        raw.append(Attribution(entity, sm.span, res, conf))
    return raw


def _shared_mentions(mentions: list[_Mention]) -> dict[int, _Entity]:
    """Rule ``shared-mention``: quotes whose cues share one speaker mention
    ("The university insisted that X and said that Y.") share its entity,
    the entity of the first of them (in text order) that has one.

    Each candidate has a speaker mention of its own, so a shared span is two
    or more speaker mentions with the same offsets; *mentions* are sorted by
    start, longest first, with stable sorts, so these stand together in the
    order of their candidates. Gives ``id(mention) -> entity`` for those
    mentions only (a key per quote was the peak of a text of short quotes:
    2.3 times its size; issue 18).
    """
    shared: dict[int, _Entity] = {}
    prev: _Mention | None = None
    first: _Entity | None = None
    for m in mentions:
        if not m.flags & _SPEAKER:
            continue
        if prev is not None and m.start == prev.start and m.end == prev.end:
            if first is None:
                first = prev.entity
            if first is not None:
                if prev.entity is not None:
                    shared[id(prev)] = first
                if m.entity is not None:
                    shared[id(m)] = first
            elif m.entity is not None:
                first = m.entity
        else:
            first = None
        prev = m
    return shared


def _used_entities(raw: list[Attribution | None]) -> list[_Entity]:
    """The entities some quote is attributed to, in order of first mention."""
    used: list[_Entity] = []
    seen: set[int] = set()
    for r in raw:
        if r is not None and id(r.entity) not in seen:
            seen.add(id(r.entity))
            used.append(r.entity)
    used.sort(key=lambda e: min(m.start for m in e.mentions))
    return used


def _build_speakers(
    text: str, used: list[_Entity], raw: list[Attribution | None]
) -> tuple[tuple[Speaker, ...], list[SpeakerRow | None]]:
    """The frozen speakers of *used* (ids ``e0``, ``e1`` ...) and a row per attribution of *raw*.

    Empties *raw* as its rows are made (each attribution goes as its row
    comes: both at once were the peak of a text of short quotes; issue 18).
    """
    index = {id(e): i for i, e in enumerate(used)}
    built = []
    for i, e in enumerate(used):
        built.append(_build(text, e, f"e{i}"))
        e.mentions = ()  # (dropped as the speakers are built)
    speakers = tuple(built)
    rows: list[SpeakerRow | None] = []
    for k, r in enumerate(raw):
        if r is None:
            rows.append(None)
            continue
        raw[k] = None
        rows.append((r.start, r.end, index[id(r.entity)], r.resolution, float(r.confidence)))
    return speakers, rows


_LEADING_ARTICLE_RE = regex.compile(r"(?i)^\W*(?:the|a|an)\b")


def _all_caps(t: str) -> bool:
    """Every letter of *t* is a capital, and it is no short acronym ("WALLACE", "BARBARA PINKERTON"; not "CNN")."""
    # (map and filter with str methods: no generator frame per character)
    letters = list(filter(str.isalpha, t))
    return bool(letters) and all(map(str.isupper, letters)) and (len(t.split()) > 1 or len(letters) > 5)


def _title_case(t: str) -> str:
    """ "BARBARA PINKERTON" -> "Barbara Pinkerton", "O'BRIEN" -> "O'Brien"."""
    return " ".join(w[:1] + w[1:].lower() if "'" not in w and "’" not in w else w.title() for w in t.split())


#: Rule ``name-case``: an all-caps word of at most this many letters is an
#: acronym and keeps its capitals ("FBI", "NAACP", "BFM TV").
_ACRONYM_LETTERS = 5


def _soften_caps(t: str) -> str:
    """Words of an all-caps name in title case, acronyms kept: "POLITICO" -> "Politico", "KING-TV" -> "King-TV"."""

    def part(w: str) -> str:
        letters = sum(ch.isalpha() for ch in w)
        if letters <= _ACRONYM_LETTERS or not any(ch in "AEIOUY" for ch in w):
            return w
        return w[:1] + w[1:].lower()

    return " ".join("-".join(part(p) for p in w.split("-")) for w in t.split())


#: Rule ``name-tail``: a name longer than this many words (or with a role noun
#: before its last two) that ends in a given name and a surname is that
#: person's name ("Maritime Correspondent Ingrid Solberg" -> "Ingrid Solberg").
_LONG_NAME_WORDS = 4


def _tidy_name(name: str) -> str:
    """Rules ``name-tail`` and ``name-possessive``: a person's name after a long
    capitalised role ("NBC News Senior Investigative Correspondent Cynthia
    McFadden" -> "Cynthia McFadden"), and an organisation named after its
    owner without the owner's role ("Presidential candidate Marco Rubio's
    campaign" -> "Marco Rubio's campaign")."""
    words = name.split()
    if len(words) > _LONG_NAME_WORDS or (len(words) > 2 and any(w.lower() in ROLE_NOUNS for w in words[:-2])):
        for k in (3, 2):
            first = words[-k].lower()
            if first in FIRST_NAMES and all(w[:1].isupper() for w in words[-k:]):
                return " ".join(words[-k:])
    for i, w in enumerate(words):
        if i and w.endswith(("'s", "’s")) and w[:1].isupper():
            j = i
            while j > 0 and words[j - 1][:1].isupper():
                j -= 1
            if j > 0 and words[j - 1].islower():
                return " ".join(words[j:])
            break
    return name


def _transcript_label(text: str, e: _Entity) -> bool:
    """A mention of *e* opens a line and is followed by a colon ("WALLACE: Welcome back.")."""
    return any(
        text[m.end : m.end + 1] == ":" and not text[text.rfind("\n", 0, m.start) + 1 : m.start].strip()
        for m in e.mentions
    )


def _distinct_spans(mentions: Iterable[_Mention]) -> Iterator[Pair]:
    """The distinct ``(start, end)`` of *mentions*, sorted. (Two stable sorts
    of the mentions, not a set of pairs: that was 9 times the input for the
    one speaker of ``'"Yes," he said. ' * 62500``; issue 18.)"""
    ms = sorted(mentions, key=_end_of)
    ms.sort(key=_start_of)
    last = None
    for m in ms:
        if last is None or m.start != last.start or m.end != last.end:
            yield m.start, m.end
        last = m


def _build(text: str, e: _Entity, sid: str) -> Speaker:
    """The frozen speaker of *e*; *words* shares one str per mention wording across the document."""
    names = e.names()
    name = None
    aliases: list[str] = []
    if names:

        def score(m: _Mention) -> tuple[bool, bool, int, bool, int, int, int]:
            a, b = m.name  # type: ignore[misc]
            t = text[a:b]
            # a clean mention (the name alone, perhaps with a title or "the")
            # beats one inside a description ("Facebook creator Mark Zuckerberg")
            ta, _ = m.alias or m.name  # type: ignore[misc]
            before = text[m.start : ta]
            # (any/sum over map: no generator frame per character)
            clean = not any(map(str.isalnum, before)) or not any(map(str.isalnum, _LEADING_ARTICLE_RE.sub("", before)))
            # (a shouted form, "WALLACE", loses to "Chris Wallace" and "Wallace")
            return (
                1 < len(m.w.key) <= 4,
                clean,
                len(m.w.key),
                not _all_caps(t),
                sum(map(str.isupper, t)),
                -int(m.w.title is not None),
                -m.start,
            )

        best = max(names, key=score)
        a, b = best.name  # type: ignore[misc]
        nw = text[a:b].split()
        if best.w.title:
            nw, _ = strip_title(nw)
        name = " ".join(nw) if nw else text[a:b]
        shouted = _all_caps(name) or (name.isupper() and len(name) > 3 and _transcript_label(text, e))
        if shouted and (
            e.kind is EntityKind.PERSON or name.split()[0].lower() in FIRST_NAMES or _transcript_label(text, e)
        ):
            # Rule ``name-case``: "BARBARA PINKERTON", the label "WALLACE:" -> "Barbara Pinkerton", "Wallace"
            name = _title_case(name)
        elif shouted:
            # Rule ``name-case``, other entities: "POLITICO" -> "Politico", "BFM TV" stays (acronyms)
            name = _soften_caps(name)
        name = _tidy_name(name)
        for m in sorted(e.mentions, key=lambda m: m.start):
            if m.w.name_at >= 0 and m.w.key:
                # alias: the name with its title, without a determiner
                span = m.alias or m.name
                assert span is not None  # (name_at >= 0: the mention has a name)
                a, b = span
                t = " ".join(text[a:b].split())
                if t.endswith(("'s", "’s")):
                    t = t[:-2]
                if t not in aliases:
                    aliases.append(t)
    role = e.role
    if role is None:
        role = next((m.w.role for m in e.mentions if m.w.role), None)
    if role is None and e.title_role and e.title_role not in ABBREVIATIONS:
        # (issue 16: a title abbreviation is no role: "Dr. Ama Osei" has no role "dr")
        role = e.title_role
    if role is None and not names:
        role = next((m.w.role for m in e.mentions if m.w.form == "role" and m.w.role), None)
    kind = e.kind or EntityKind.OTHER
    gender = e.gender if kind is EntityKind.PERSON or e.gender else None
    return Speaker(
        id=sid,
        name=name,
        kind=kind,
        role=role,
        gender=gender,
        mentions=SpanTable(text, _distinct_spans(e.mentions)),
        aliases=tuple(aliases),
    )
