"""Dialogue attribution: speakers of quotes with no cue and no speaker
mention (rules ``beat``, ``vocative``, ``turn-taking``, ``exchange``,
``follow-on``)."""

from __future__ import annotations

import bisect

import regex

from .candidates import Candidate
from .entities import _Entity, _new_entity, _CONFIDENCE
from .mentions import _NOT_NAMES, Pair, _cap, _lower, _Mention, analyse_mention
from .model import Resolution
from .names import TITLES

# Words of address that stand alone as a vocative ("Yes, papa.", "my dear").
_ADDRESS_WORDS = frozenset(
    "sir madam ma'am papa pa mamma mama mother father uncle aunt auntie dear darling sister brother doctor "
    "captain colonel general master mistress miss grandmother grandfather granny cousin child boy girl".split()
)
# Rule ``vocative``: a name or form of address set off by punctuation inside
# a quote ("True, Florence, but ...", "You cannot mean it, uncle."). Capitalised
# vocatives must be the name of an entity of the text.
_VOCATIVE_RE = regex.compile(
    r"(?:^|[,;:!?.]\s+|--|—)\s*((?:my\s+)?(?:dear\s+)?(?:\p{Lu}[\p{L}'’\-]*\.?(?:\s+\p{Lu}[\p{L}'’\-]*){0,2}|\p{Ll}+))\s*(?=[,;!?.]|--|—|$)",
    regex.V1,
)


def _find_vocatives(text: str, a: int, b: int) -> list[Pair]:
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
            if w in _ADDRESS_WORDS:
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


def _vocative_entity(text: str, span: Pair, entities: list[_Entity]) -> _Entity | None:
    m = analyse_mention(text, *span)
    if m.w.form == "name" and m.w.key:
        tok = m.w.key[-1]
        # a character of the story: named outside quotes somewhere
        hits = [e for e in entities if e.key and (e.key == m.w.key or tok in (e.key[0], e.key[-1])) and any(not x.in_quote for x in e.mentions)]
        return hits[0] if len(hits) == 1 else None
    word = _lower(text[span[0] : span[1]].split()[-1])
    hits = [e for e in entities if e.mentions and not e.key and word in e.role_words()]
    if len(hits) == 1:
        return hits[0]
    if hits:
        return None
    m.in_quote = True
    return _new_entity(m, entities)


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


def _follow_on(text: str, candidates: list[Candidate], raw: list, order: list[int], paragraph_of, beat, vocatives) -> None:  # type: ignore[no-untyped-def,type-arg]
    """Rules ``beat``, ``vocative``, ``turn-taking`` and ``follow-on``, in that order.

    ``vocative``: in dialogue, an uncued quote paragraph answers the person
    the previous line addressed ('"You cannot mean it, uncle."' / '"Yes, my
    child."' -> "uncle"), and a line never goes to the person it addresses.

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
    history: list[int] = []  # candidate indices with a speaker, in text order
    previous: int | None = None  # the candidate just before, resolved or not
    exchange = _is_exchange(candidates, raw, order, paragraph_of)
    for i in order:
        c = candidates[i]
        bare = raw[i] is None and c.cue is None and c.speaker is None
        if raw[i] is None and c.follow_on_of is not None and 0 <= c.follow_on_of < len(raw) and raw[c.follow_on_of] is not None:
            e, span, res, conf = raw[c.follow_on_of]
            raw[i] = (e, span, Resolution.FOLLOW_ON, min(conf, _CONFIDENCE[Resolution.FOLLOW_ON]))
        elif bare and (found := beat(c)) is not None:
            raw[i] = found
        elif bare and (history or previous is not None):
            pc = paragraph_of(c.start)
            dialogue = _opens_paragraph(text, c)
            addressed = {id(e) for _, e in vocatives(c) if e is not None}
            # vocative: answer whoever the previous line addressed
            if dialogue and previous is not None and paragraph_of(candidates[previous].end) == pc - 1:
                prev_entity = raw[previous][0] if raw[previous] is not None else None
                for span, e in vocatives(candidates[previous]):
                    if e is not None and e is not prev_entity and id(e) not in addressed:
                        raw[i] = (e, span, Resolution.FOLLOW_ON, 0.5)
                        break
            if raw[i] is None and history:
                a = history[-1]
                pa = paragraph_of(candidates[a].end)
                if pc - pa <= 1:
                    target = a
                    other = None
                    if pc == pa + 1 and dialogue:
                        ea = raw[a][0]
                        # the last other speaker within the exchange window
                        # (history is in text order: stop at the window)
                        b = None
                        for k in range(len(history) - 2, -1, -1):
                            h = history[k]
                            if c.start - candidates[h].end > _EXCHANGE_WINDOW:
                                break
                            if raw[h][0] is not ea:
                                b = h
                                break
                        if b is not None:
                            other = b
                            if exchange or paragraph_of(candidates[b].end) == paragraph_of(candidates[a].start) - 1:
                                target, other = b, a
                    # a line never goes to the person it addresses
                    if id(raw[target][0]) in addressed:
                        target = other if other is not None and id(raw[other][0]) not in addressed else None
                    if target is not None:
                        e, span, res, conf = raw[target]
                        raw[i] = (e, span, Resolution.FOLLOW_ON, min(conf, _CONFIDENCE[Resolution.FOLLOW_ON] - (0.1 if target != a else 0.0)))
        if raw[i] is not None:
            history.append(i)
        previous = i


#: How far back (characters) the other party of a dialogue exchange may have spoken.
_EXCHANGE_WINDOW = 3000


def _is_exchange(candidates: list[Candidate], raw: list, order: list[int], paragraph_of) -> bool:  # type: ignore[no-untyped-def,type-arg]
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
            differ += raw[i][0] is not raw[last][0]
        last = i
    return pairs >= 3 and differ >= 0.6 * pairs


def _opens_paragraph(text: str, c: Candidate) -> bool:
    # only spaces and quote marks stand between the paragraph start and the quote
    j = c.start - 1
    while j >= 0 and text[j] in " \t\u00a0\"'“”‘’«»`_":
        j -= 1
    return j < 0 or text[j] in "\n\r"
