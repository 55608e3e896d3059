"""Dialogue attribution: speakers of quotes with no cue and no speaker mention.

:func:`attribute_uncued` sweeps the quotes in text order and gives each one
that has no speaker yet the answer of the first rule of
:data:`SPEAKER_RULES` that finds one: ``linked-quote``, ``beat``,
``vocative``, then ``turn-taking``/``follow-on`` (rule ``exchange`` decides
beforehand whether the text is written as a dialogue). Each rule is a small
function with its name and base confidence as module constants.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import regex

from .candidates import Candidate
from .defaults import DEFAULT_MIN_CONFIDENCE
from .described import role_subject, subject_tag_after, tag_after, tag_between
from .entities import _CONFIDENCE, Pair, _Entity, _Mention, _new_entity
from .mentions import analyse_mention
from .model import EntityKind, Resolution
from .registry import Rule, Stage, declare, functions, register
from .vocatives import POLITE_ADDRESS, find_vocatives, vocative_entity

def _beat(text: str, c: Candidate, mentions: list[_Mention], starts: list[int], paragraph: Pair) -> _Mention | None:
    """Rule ``beat``: a quote with no cue and no speaker whose paragraph has
    a subject outside quotes (an action beat) is spoken by that subject: the
    first subject in the next sentence, else the nearest one before the quote.
    Example: '"You get me a file." He tilted me again.' -> "He"."""
    pa, pb = paragraph

    def ok(m: _Mention) -> bool:
        return (
            not m.in_quote and m.subject and m.w.form in ("name", "pronoun") and m.w.pronoun not in ("it", "they", "we")
            and not _PERCEIVER_RE.match(text, m.end, m.end + 80)  # "he heard her tell ..." names the listener
        )  # fmt: skip

    i = bisect.bisect_left(starts, c.end)
    for k in range(i, len(mentions)):  # (indices, not a slice copy: linear on long texts)
        m = mentions[k]
        if m.start >= pb or m.start - c.end > _BEAT_AFTER:
            break
        if ok(m):
            return m
    j = bisect.bisect_left(starts, c.start)
    for k in range(j - 1, -1, -1):
        m = mentions[k]
        if m.start < pa or c.start - m.start > _BEAT_BEFORE:
            break
        if ok(m):
            return m
    return None


# A subject followed by a verb of perception hears the quote, not says it.
_PERCEIVER_RE = regex.compile(r"[ \u00a0]+(?:\w+[ \u00a0]+)?(?:heard|hears|hear|listened|overheard|saw|knew)\b")


#: How far after a quote (characters) an action beat's subject may start.
_BEAT_AFTER = 80
#: How far before a quote (characters) the nearest beat subject is looked for.
_BEAT_BEFORE = 600


class Attribution:
    """A quote's speaker while resolving: its entity, the mention span that names it, how, and how surely.

    Unpacks as ``entity, span, resolution, confidence``. The span's offsets
    are kept as two slots, not a pair (issue 18: a named tuple and its pair
    were 160 bytes a quote, 5 times the input on ``'"Yes," he said. ' *
    62500``; now 72).
    """

    __slots__ = ("confidence", "end", "entity", "resolution", "start")

    def __init__(self, entity: _Entity, span: Pair, resolution: Resolution, confidence: float) -> None:
        self.entity = entity
        self.start, self.end = span
        self.resolution = resolution
        self.confidence = confidence

    @property
    def span(self) -> Pair:
        return self.start, self.end

    def __iter__(self) -> Iterator[Any]:
        return iter((self.entity, (self.start, self.end), self.resolution, self.confidence))

    def __eq__(self, other: object) -> bool:
        if type(other) is not Attribution:
            return NotImplemented
        return tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]  # (compared by value, as the named tuple it replaces)

    def __repr__(self) -> str:
        return (
            f"Attribution(entity={self.entity!r}, span={self.span!r}, "
            f"resolution={self.resolution!r}, confidence={self.confidence!r})"
        )


class _Dialogue:
    """What the speaker rules of uncued quotes read: the document, the quotes
    in text order with their attributions so far (*raw*), and the history
    of the sweep (the quotes with a speaker, the quote just before)."""

    def __init__(
        self, text: str, candidates: Sequence[Candidate], raw: list[Attribution | None], order: Sequence[int],
        paragraphs: Sequence[Pair], paragraph_of: Callable[[int], int], mentions: list[_Mention], starts: list[int],
        entities: list[_Entity],
    ) -> None:  # fmt: skip
        self.text = text
        self.candidates = candidates
        self.raw = raw
        self.order = order
        self.paragraphs = paragraphs
        self.paragraph_of = paragraph_of  # the index of the paragraph at an offset
        self.mentions = mentions
        self.starts = starts
        self.entities = entities
        # candidate indices with a speaker, in text order (an array: a list of
        # every quote's index was a text of short quotes' size; issue 18)
        self.history = array("q")
        self.previous: int | None = None  # the candidate just before, resolved or not
        self.exchange = False  # rule ``exchange``, decided before the sweep
        self._vocatives: dict[int, list[tuple[Pair, _Entity | None]]] = {}
        self.described: dict[Pair, _Entity] = {}  # rule ``described-speaker``: tag description -> entity
        self.roles: dict[str, _Entity] = {}  # rule ``role-beat``: person noun -> its latest entity
        self._first_mark: dict[int, int] = {}  # paragraph start -> its first double quote mark (-1: none)

    def has_mark(self, pa: int, pb: int, b: int) -> bool:
        """Whether ``text[pa:b]`` holds a double quote mark (``"“”``), for *b* in the
        paragraph ``[pa, pb)``: the paragraph's first mark is read once, so a
        long paragraph of many quotes costs no rescan per quote, and nothing
        is kept per mark."""
        first = self._first_mark.get(pa)
        if first is None:
            m = _DOUBLE_MARK_RE.search(self.text, pa, pb)
            first = self._first_mark[pa] = -1 if m is None else m.start()
        return 0 <= first < b

    def vocatives(self, i: int) -> list[tuple[Pair, _Entity | None]]:
        """The vocatives inside candidate *i*, each with the entity it names (found once per candidate)."""
        found = self._vocatives.get(i)
        if found is None:
            text = self.text
            found = self._vocatives[i] = [
                (sp, vocative_entity(text, sp, self.entities))
                for a, b in self.candidates[i].parts
                for sp in find_vocatives(text, a, b)
            ]
        return found

    def bare(self, i: int) -> bool:
        """Candidate *i* has no speaker yet, no cue and no speaker mention."""
        c = self.candidates[i]
        return self.raw[i] is None and c.cue is None and c.speaker is None


#: Rule ``linked-quote``: a quote the quote rules linked to an earlier one
#: (``Candidate.follow_on_of``: a paragraph continuing a speaker's run) has
#: that quote's speaker, at no more than this confidence.
LINKED_QUOTE = "linked-quote"
LINKED_QUOTE_CONFIDENCE = _CONFIDENCE[Resolution.FOLLOW_ON]


@register(
    Rule.LINKED_QUOTE, Stage.SPEAKER, confidence=LINKED_QUOTE_CONFIDENCE,
    example="\u201cWe will respond,\u201d Peskov said. / \u201c⟦In kind.⟧\u201d (linked) -> Peskov",
)  # fmt: skip
def linked_quote(d: _Dialogue, i: int) -> Attribution | None:
    """Rule ``linked-quote``. Example: '"We will respond," Peskov said.' /
    '"In kind."' (linked by rule ``continuation``) -> Peskov."""
    link = d.candidates[i].follow_on_of
    if d.raw[i] is not None or link is None or not 0 <= link < len(d.raw):
        return None
    found = d.raw[link]
    if found is None:
        return None
    return Attribution(found.entity, found.span, Resolution.FOLLOW_ON, min(found.confidence, LINKED_QUOTE_CONFIDENCE))


#: Rule ``described-speaker``: the confidence of a line whose tag names its
#: speaker by a description the quote rules do not take ("a rough voice").
DESCRIBED_SPEAKER_CONFIDENCE = 0.6


@register(
    Rule.DESCRIBED_SPEAKER, Stage.SPEAKER, confidence=DESCRIBED_SPEAKER_CONFIDENCE,
    example="\u201c⟦Wake up there, youngster,⟧\u201d said a rough voice. -> a rough voice",
    summary="A quote with no cue and no speaker whose dialogue tag (right after it, or between it and the "
    "quote before) is a reporting verb and a description (\"said another\", \"cried a terrible voice\") "
    "goes to that description.",
)  # fmt: skip
def described_speaker(d: _Dialogue, i: int) -> Attribution | None:
    """Rule ``described-speaker`` (see :mod:`quoteattr.described`). Example:
    '"People say," said another, "that the Reverend ..."' -> "another" for both parts."""
    if not d.bare(i):
        return None
    c = d.candidates[i]
    span = tag_after(d.text, c.end) or subject_tag_after(d.text, c.end)
    if span is None and d.previous is not None:
        span = tag_between(d.text, d.candidates[d.previous].end, c.start)
    if span is None:
        return None
    e = d.described.get(span)
    if e is None:
        k = bisect.bisect_left(d.starts, span[0])
        same = [m for m in d.mentions[k : k + 4] if m.span == span and m.entity is not None]
        if same:
            e = same[0].entity
            assert e is not None
        else:
            e = _new_entity(analyse_mention(d.text, *span), d.entities)
        d.described[span] = e
    return Attribution(e, span, Resolution.ROLE, DESCRIBED_SPEAKER_CONFIDENCE)


#: Rule ``beat``: its confidence is the beat subject's own resolution
#: confidence times this factor.
BEAT = "beat"
BEAT_CONFIDENCE_FACTOR = 0.8


@register(
    Rule.BEAT, Stage.SPEAKER,
    example="\u201c⟦You get me a file.⟧\u201d He tilted me again. -> He",
    summary="A quote with no cue and no speaker goes to the subject of an action beat in its paragraph "
    "(confidence: the subject's resolution confidence times 0.8).",
)  # fmt: skip
def beat(d: _Dialogue, i: int) -> Attribution | None:
    """Rule ``beat`` (see :func:`_beat`). Example: '"You get me a file." He tilted me again.' -> "He"."""
    if not d.bare(i):
        return None
    c = d.candidates[i]
    p = d.paragraph_of(c.start)
    if not 0 <= p < len(d.paragraphs):
        return None
    m = _beat(d.text, c, d.mentions, d.starts, d.paragraphs[p])
    if m is None:
        return _role_beat(d, c, d.paragraphs[p])
    e = m.entity if m.entity is not None else _new_entity(m, d.entities)
    res = m.resolution
    return Attribution(e, m.span, res, round(_CONFIDENCE[res] * BEAT_CONFIDENCE_FACTOR, 4))


_DOUBLE_MARK_RE = regex.compile('["“”]')
# The end of a sentence inside a narration paragraph (not its last one).
_SENTENCE_END_RE = regex.compile(r"[.!?][ \t]+(?=\S)")

#: Rule ``role-beat``: how far after a quote, in its paragraph, a sentence
#: that opens with a person description may start (characters).
_ROLE_BEAT_AFTER = 3


def _role_beat(d: _Dialogue, c: Candidate, paragraph: Pair) -> Attribution | None:
    """Rule ``role-beat``: an action beat whose subject is a person description
    ("the girl", "the old doctor"), which the mention finder does not collect:
    right after the quote ('"Wait." The stranger raised a hand.') or opening
    the paragraph before it ('The girl smiled. "I will go."')."""
    text = d.text
    pa, pb = paragraph
    j = c.end
    while j < pb and text[j] in "\"”’' \t":
        j += 1
    rs = role_subject(text, j, pb) if j - c.end <= _ROLE_BEAT_AFTER + 2 else None
    if rs is None and pa < c.start and not d.has_mark(pa, pb, c.start):
        rs = role_subject(text, pa, c.start)
    if rs is None:
        return None
    conf = round(_CONFIDENCE[Resolution.ROLE] * BEAT_CONFIDENCE_FACTOR, 4)
    return Attribution(_role_entity(d, rs), rs, Resolution.ROLE, conf)


def _role_entity(d: _Dialogue, span: Pair) -> _Entity:
    """Rule ``role-beat``: the entity of a person description: the mention's own
    if it is one, else the latest entity with that person noun, else a new one."""
    k = bisect.bisect_left(d.starts, span[0])
    for m in d.mentions[k : k + 4]:
        if m.span == span and m.entity is not None:
            return m.entity
    head = d.text[span[0] : span[1]].split()[-1].lower()
    e = d.roles.get(head)
    if e is None:
        for x in reversed(d.entities[-200:]):
            if not x.key and x.mentions and head in x.role_words():
                e = x
                break
    if e is None:
        e = _new_entity(analyse_mention(d.text, *span), d.entities)
    d.roles[head] = e
    return e


#: Rule ``beat-before``: its confidence is the subject's own resolution
#: confidence times this factor; the narration paragraph is at most this long.
BEAT_BEFORE = "beat-before"
BEAT_BEFORE_CONFIDENCE_FACTOR = 0.7
_BEAT_BEFORE_PARAGRAPH = 300


@register(
    Rule.BEAT_BEFORE, Stage.SPEAKER,
    example="Tommy chuckled. / \u201c⟦I should think I did!⟧\u201d -> Tommy",
    summary="An uncued quote that opens its paragraph, after a short narration paragraph with no quote, "
    "goes to that paragraph's first subject (a name, he or she); confidence 0.7 times the subject's own.",
)  # fmt: skip
def beat_before(d: _Dialogue, i: int) -> Attribution | None:
    """Rule ``beat-before``. Example: 'The girl smiled. Tuppence sighed.' /
    '"Yes. You too?"' -> Tuppence (the first subject of the paragraph before);
    'I told him.' / '"Ask him"' is left to the other rules when a quote
    stands in the paragraph before."""
    if not d.bare(i):
        return None
    c = d.candidates[i]
    p = d.paragraph_of(c.start)
    if p < 1 or p > len(d.paragraphs) or not _opens_paragraph(d.text, c):
        return None
    pa, pb = d.paragraphs[p - 1]
    if pb - pa > _BEAT_BEFORE_PARAGRAPH:
        return None
    prev = d.previous
    if prev is not None and d.paragraph_of(d.candidates[prev].end) >= p - 1:
        return None  # a quote in the paragraph before: turn-taking decides
    para = d.text[pa:pb]
    if any(ch in para for ch in '"“”'):
        return None
    if _is_heading(para):
        return None
    # rule ``role-beat``: "The girl flushed." / "..."; the last sentence acts
    # last: "They walked downstairs. In the hall the doctor stopped." / "..."
    last = max(pa, max((m.end() for m in _SENTENCE_END_RE.finditer(d.text, pa, pb)), default=pa))
    rs = role_subject(d.text, last, pb) or role_subject(d.text, pa, pb)
    if rs is not None:
        conf = round(_CONFIDENCE[Resolution.ROLE] * BEAT_BEFORE_CONFIDENCE_FACTOR, 4)
        return Attribution(_role_entity(d, rs), rs, Resolution.ROLE, conf)
    k = bisect.bisect_left(d.starts, pa)
    while k < len(d.mentions) and d.mentions[k].start < pb:
        m = d.mentions[k]
        k += 1
        if m.in_quote or not m.subject:
            continue
        if m.w.form != "name" and m.w.pronoun not in ("he", "she"):
            return None  # the paragraph's first subject is no person
        if _PERCEIVER_RE.match(d.text, m.end, m.end + 80):
            return None
        e = m.entity if m.entity is not None else _new_entity(m, d.entities)
        res = m.resolution
        return Attribution(e, m.span, res, round(_CONFIDENCE[res] * BEAT_BEFORE_CONFIDENCE_FACTOR, 4))
    return None


# Rule ``heading``: a paragraph whose words are all capitalised or function
# words ("Chapter I. The Missing Heir.", "CHAPTER I. THE YOUNG ADVENTURERS",
# "II") is a heading, not narration: its "subject" never speaks next.
_HEADING_WORD_RE = regex.compile(r"(?<![\p{L}'’])\p{Ll}[\p{L}'’\-]{3,}")
_HEADING_FUNCTION_WORDS = frozenset(["from", "with", "into", "upon", "over", "about", "that", "this", "their"])


def _is_heading(para: str) -> bool:
    letters = list(filter(str.isalpha, para))
    if letters and sum(map(str.isupper, letters)) > 0.5 * len(letters):
        return True  # "CHAPTER I. THE YOUNG ADVENTURERS"
    return len(para) < 120 and all(
        w.group() in _HEADING_FUNCTION_WORDS for w in _HEADING_WORD_RE.finditer(para)
    )


#: Rule ``vocative``: in dialogue, an uncued quote paragraph answers the
#: person the previous line addressed.
VOCATIVE = "vocative"
VOCATIVE_CONFIDENCE = 0.5


@register(
    Rule.VOCATIVE, Stage.SPEAKER, confidence=VOCATIVE_CONFIDENCE,
    example="\u201cYou cannot mean it, uncle.\u201d / \u201c⟦Yes, my child.⟧\u201d -> uncle",
)  # fmt: skip
def vocative(d: _Dialogue, i: int) -> Attribution | None:
    """Rule ``vocative``. Example: '"You cannot mean it, uncle."' / '"Yes, my
    child."' -> "uncle"; a line never goes to a person it addresses itself."""
    if not d.bare(i) or not (d.history or d.previous is not None):
        return None
    c = d.candidates[i]
    addressed = {id(e) for _, e in d.vocatives(i) if e is not None}
    previous = d.previous
    if (
        previous is None
        or not _opens_paragraph(d.text, c)
        or d.paragraph_of(d.candidates[previous].end) != d.paragraph_of(c.start) - 1
    ):
        return None
    before = d.raw[previous]
    prev_entity = before.entity if before is not None else None
    for span, e in d.vocatives(previous):
        if e is not None and e is not prev_entity and id(e) not in addressed and _known(e):
            return Attribution(e, span, Resolution.FOLLOW_ON, VOCATIVE_CONFIDENCE)
    return None


def _known(e: _Entity) -> bool:
    """Rule ``vocative``: the addressed entity is a character of the text (named, or
    mentioned outside quotes), not a word of address alone: '"..., my dear."' makes
    no speaker "dear" (issue 20: vocatives are never the speaker's name)."""
    if e.key or any(not m.in_quote for m in e.mentions):
        return True
    # a kinship or rank word names a person of the scene ("uncle", "captain");
    # a word of politeness or endearment does not ("sir", "my dear")
    return not (e.role_words() <= POLITE_ADDRESS)




#: Rules ``turn-taking`` and ``follow-on``: the speaker of an earlier quote,
#: at no more than this confidence (less 0.1 for the other party of an
#: exchange).
TURN_TAKING = "turn-taking"
TURN_TAKING_CONFIDENCE = _CONFIDENCE[Resolution.FOLLOW_ON]
#: How far back (characters) the other party of a dialogue exchange may have spoken.
_EXCHANGE_WINDOW = 3000


@register(
    Rule.TURN_TAKING, Stage.SPEAKER, confidence=TURN_TAKING_CONFIDENCE,
    example="\u201cWill you come?\u201d asked Anna. / \u201cNo,\u201d said Boris. / \u201c⟦Why not?⟧\u201d -> Anna",
    summary="In a dialogue exchange an uncued quote paragraph goes to the other party; "
    "otherwise rule follow-on gives it the previous quote's speaker.",
)  # fmt: skip
def turn_taking(d: _Dialogue, i: int) -> Attribution | None:
    """Rules ``turn-taking`` and ``follow-on``.

    ``turn-taking``: in a dialogue exchange (the previous quote, by A, is in
    the paragraph before, and the quote before that, by B, is in the
    paragraph before A's; or, in a text that rule ``exchange`` finds written
    as dialogue, B spoke last before A), an uncued quote paragraph goes to
    B, and the exchange goes on alternating. Example: '"Will you come?" asked Anna.' /
    '"No," said Boris.' / '"Why not?"' -> Anna.

    ``follow-on``: otherwise a quote with no cue and no speaker right after a
    quote by X (same or next paragraph) goes to X, at lower confidence.
    Example: a paragraph that is only '"We will respond in kind."' after
    '"...," Peskov said.' goes to Peskov.
    """
    if not d.bare(i) or not d.history:
        return None
    raw, history, candidates = d.raw, d.history, d.candidates
    c = candidates[i]
    a = history[-1]
    pc, pa = d.paragraph_of(c.start), d.paragraph_of(candidates[a].end)
    if pc - pa > 1:
        return None
    target: int | None = a
    other = None
    if pc == pa + 1 and _opens_paragraph(d.text, c):
        ea = _said(raw, a).entity
        # the last other speaker within the exchange window
        # (history is in text order: stop at the window)
        b = None
        for k in range(len(history) - 2, -1, -1):
            h = history[k]
            if c.start - candidates[h].end > _EXCHANGE_WINDOW:
                break
            if _said(raw, h).entity is not ea:
                b = h
                break
        if b is not None:
            other = b
            if d.exchange or d.paragraph_of(candidates[b].end) == d.paragraph_of(candidates[a].start) - 1:
                target, other = b, a
    # a line never goes to the person it addresses
    addressed = {id(e) for _, e in d.vocatives(i) if e is not None}
    follow_on = target == a
    if id(_said(raw, target).entity) in addressed:
        target = other if other is not None and id(_said(raw, other).entity) not in addressed else None
    if follow_on and target == a and pc == pa + 1 and d.vocatives(i) and _opens_paragraph(d.text, c):
        found = _other_party(d, c, _said(raw, a).entity, addressed)
        if found is not None:
            return found
    if target is None:
        return None
    found = _said(raw, target)
    return Attribution(
        found.entity,
        found.span,
        Resolution.FOLLOW_ON,
        min(found.confidence, TURN_TAKING_CONFIDENCE - (0.1 if target != a else 0.0)),
    )


#: Rule ``answer-other-party``: the confidence of a line given to the other party.
ANSWER_OTHER_PARTY_CONFIDENCE = 0.5


def _other_party(d: _Dialogue, c: Candidate, last: _Entity, addressed: set[int]) -> Attribution | None:
    """Rule ``answer-other-party``: a line that addresses someone ("I cannot
    agree with you, papa") right after a line by X, with no one else speaking
    before, answers X: it goes to the latest person named outside quotes within
    the exchange window, as the subject of its sentence, who is not X. Example: 'Emma smiled.' /
    '"Poor Miss Taylor!" said Mr. Woodhouse.' / '"I cannot agree, papa."' -> Emma."""
    k = bisect.bisect_left(d.starts, c.start)
    for j in range(k - 1, -1, -1):
        m = d.mentions[j]
        if c.start - m.start > _EXCHANGE_WINDOW:
            break
        e = m.entity
        if (
            m.in_quote or not m.subject or m.w.form != "name" or e is None or e is last
            or id(e) in addressed or e.kind not in (None, EntityKind.PERSON)
        ):  # fmt: skip
            continue
        return Attribution(e, m.span, Resolution.FOLLOW_ON, ANSWER_OTHER_PARTY_CONFIDENCE)
    return None


def _said(raw: list[Attribution | None], i: int | None) -> Attribution:
    """The attribution of a quote of the history (every one has one)."""
    assert i is not None
    found = raw[i]
    assert found is not None
    return found


declare(
    Rule.FOLLOW_ON, Stage.SPEAKER, confidence=TURN_TAKING_CONFIDENCE,
    example="\u201cWe will respond,\u201d Peskov said. / \u201c⟦In kind.⟧\u201d -> Peskov",
    summary="Step of turn-taking: outside an exchange, an uncued quote right after a quote by X goes to X.",
)  # fmt: skip
declare(
    Rule.EXCHANGE, Stage.SPEAKER,
    example="most attributed quotes in consecutive paragraphs have different speakers -> the text is a dialogue",
    summary="Decides before the sweep whether turn-taking answers the previous speaker's other party (fiction).",
)  # fmt: skip

#: The speaker rules of quotes with no speaker mention, in the order they are
#: tried (``quoteattr.registry.ORDER[Stage.SPEAKER]``).
SPEAKER_RULES: tuple[Callable[[_Dialogue, int], Attribution | None], ...] = functions(Stage.SPEAKER)


#: Rule ``turn-taking``: an unquoted attribution the quote rules are this
#: unsure of (below the default output threshold) takes no turn in the
#: dialogue: '... that other people could feel differently' (0.15, an
#: indirect remark in narration) is no line of "other people" for the next
#: quote to answer. (A short quoted line, '"Yes."', takes its turn.)
_HISTORY_MIN_CONFIDENCE = DEFAULT_MIN_CONFIDENCE


def _takes_turn(text: str, c: Candidate) -> bool:
    return c.confidence >= _HISTORY_MIN_CONFIDENCE or (c.start > 0 and text[c.start - 1] in _QUOTE_MARKS)


_QUOTE_MARKS = "\"'“”‘’«»„"


def attribute_uncued(d: _Dialogue) -> None:
    """Give each quote with no speaker yet the first answer of :data:`SPEAKER_RULES`, in text order."""
    d.exchange = _is_exchange(d.candidates, d.raw, d.order, d.paragraph_of)
    for i in d.order:
        for rule in SPEAKER_RULES:
            found = rule(d, i)
            if found is not None:
                d.raw[i] = found
                break
        if d.raw[i] is not None and _takes_turn(d.text, d.candidates[i]):
            d.history.append(i)
        d.previous = i
    turn_taking_back(d)


#: Rule ``turn-taking-back``: the confidence of a line attributed backwards.
TURN_TAKING_BACK_CONFIDENCE = 0.45
declare(
    Rule.TURN_TAKING_BACK, Stage.SPEAKER, confidence=TURN_TAKING_BACK_CONFIDENCE,
    example=(
        "\u201c⟦What is his name?⟧\u201d / \u201cBingley,\u201d said Anna. / "
        "\u201cIs he married?\u201d asked Boris. -> Boris"
    ),
    summary="After the sweep, an uncued line with no speaker that opens its paragraph, followed by "
    "lines of A then B (B not A) in the next two paragraphs, is B's; runs backwards.",
)  # fmt: skip


def turn_taking_back(d: _Dialogue) -> None:
    """Rule ``turn-taking-back``: alternation read backwards, for a dialogue
    whose first lines have no cue. Example: '"What is his name?"' /
    '"Bingley," said Anna.' / '"Is he married?" asked Boris.' -> Boris."""
    order, cands, raw = d.order, d.candidates, d.raw
    for k in range(len(order) - 3, -1, -1):
        i, j, h = order[k], order[k + 1], order[k + 2]
        if raw[i] is not None or not d.bare(i) or not _opens_paragraph(d.text, cands[i]):
            continue
        a, b = raw[j], raw[h]
        if a is None or b is None or a.entity is b.entity:
            continue
        p = d.paragraph_of(cands[i].start)
        if d.paragraph_of(cands[j].start) != p + 1 or d.paragraph_of(cands[h].start) != p + 2:
            continue
        if any(e is b.entity for _, e in d.vocatives(i)):
            continue
        raw[i] = Attribution(b.entity, b.span, Resolution.FOLLOW_ON, min(b.confidence, TURN_TAKING_BACK_CONFIDENCE))


def _is_exchange(
    candidates: Sequence[Candidate],
    raw: list[Attribution | None],
    order: Sequence[int],
    paragraph_of: Callable[[int], int],
) -> bool:
    """Rule ``exchange``: a text is written as a dialogue exchange (fiction)
    when most pairs of attributed quotes in consecutive paragraphs have
    different speakers; then an uncued line answers the previous speaker
    ('"...," he returned.' / '"Is it his cherished hope?"' is the other
    party's), where news goes on with the same speaker."""
    pairs = differ = 0
    last: int | None = None
    for i in order:
        if raw[i] is None:
            continue
        if last is not None and paragraph_of(candidates[i].start) == paragraph_of(candidates[last].end) + 1:
            pairs += 1
            differ += _said(raw, i).entity is not _said(raw, last).entity
        last = i
    return pairs >= 3 and differ >= 0.6 * pairs


def _opens_paragraph(text: str, c: Candidate) -> bool:
    # only spaces and quote marks stand between the paragraph start and the quote
    j = c.start - 1
    while j >= 0 and text[j] in " \t\u00a0\"'“”‘’«»`_":
        j -= 1
    return j < 0 or text[j] in "\n\r"
