"""Reporting patterns that start from a quoted region (stages ``paragraph``,
``region`` and ``bare`` of :mod:`quoteattr.registry`).

Each pattern is one function registered with its name, stage, base
confidence and example; :data:`quoteattr.registry.ORDER` says in which order
they run. A region pattern gets the finder and ``(index, region)`` and
returns True when it attached the region (the next patterns are skipped).
"""

from __future__ import annotations

import regex

from .candidates import trim
from .chunker import is_cap, norm, np_left, np_right
from .clauses import FINITE, TRAILING, VERBLIKE, WORD_RE, last_nonspace, skip_adjuncts, skip_ws
from .cues import DETERMINERS, CueMatch
from .false_attributions import title_by_author, work_title
from .finder import Finder, speaker_bonus
from .marks import QuoteRegion
from .model import CueClass
from .patterns_headline import HEADLINE_KICKERS
from .registry import Rule, Stage, confidence, declare, register

__all__ = ["direct_bare", "quote_dash_speaker", "quote_speaker_cue", "speaker_colon_quote", "transcript_speaker"]

Pair = tuple[int, int]
Item = tuple[int, QuoteRegion]

_GAP_RE = regex.compile(r"[ \t]*[,:;.]?[ \t]*")
_DASH_RE = regex.compile(r"[ \t,]*[—–-]{1,2}[ \t]*")
# 'WALLACE:', '"PENCE:', 'Sen. WARREN:' at the start of a paragraph.
_TRANSCRIPT_RE = regex.compile(
    r"[\"“]?(?P<name>(?:\p{Lu}[\p{Lu}\p{Ll}.'’-]*\s){0,2}\p{Lu}[\p{Lu}.'’-]+)(?P<colon>:)\s+(?=\S)", regex.V1
)
_TRANSCRIPT_NOT_NAMES = frozenset(
    [
        "note",
        "update",
        "editor's",
        "correction",
        "watch",
        "read",
        "video",
        "photo",
        "source",
        "sources",
        "update:",
        "q",
        "a",
    ]
)
# Guard ``transcript-kicker``: a capitalised label before a colon that is a
# headline kicker or section label of lexicon headline_kickers.txt (the one
# rule headline-colon reads: "BYLINE: Tom Bell.", "BOOM: ...", "LOOK: ...",
# "EXCLUSIVE: ...") or a contact label ("EMAIL: desk@example.com") is no
# speaker of a transcript ("THE PRESIDENT:" is: the lexicon's "the" opens
# "The Latest:" only). Read as the label lower-cased, beside
# _TRANSCRIPT_NOT_NAMES (read through npwords.norm).
_CONTACT_LABELS = frozenset(["email", "e-mail"])


def _not_a_speaker_label(label: str) -> bool:
    """The transcript label *label* names no speaker: a word of
    _TRANSCRIPT_NOT_NAMES, a kicker or a contact label (guard
    ``transcript-kicker``)."""
    if norm(label) in _TRANSCRIPT_NOT_NAMES:
        return True
    low = label.lower()
    return low in _CONTACT_LABELS or low in HEADLINE_KICKERS
#: How far after a quote its cue is looked for (characters, within the paragraph).
CUE_WINDOW = 300

declare(
    Rule.QUOTE_CUE_SPEAKER,
    Stage.REGION,
    confidence=0.9,
    example='"⟦The numbers do not add up,⟧" said Councillor Ana Ruiz.',
    summary="a quote, then the cue, then the speaker (found by quote-speaker-cue)",
)
declare(
    Rule.FORWARD_ATTACHMENT,
    Stage.REGION,
    example='"… change." She adds, "⟦What kind of genius …?⟧"',
    summary="a cue followed by a comma or colon and a quote belongs to that quote "
    "when the first quote ended a sentence",
)
declare(
    Rule.NEW_SENTENCE_CUE,
    Stage.REGION,
    example='… as "a costly mistake." He said the city had spent …',
    summary="a quote that ends with a full stop does not take the cue of the next sentence",
)
declare(
    Rule.SPLIT_QUOTE,
    Stage.REGION,
    confidence=0.9,
    example='"⟦We tried,⟧" she said, "⟦but the river won.⟧"',
    summary='two quotes around one cue are one quote with two parts; also \'"A," she said. "B."\' and '
    'over a long attribution (\'"A," said X, director of Y in Z, "but B."\')',
)
declare(
    Rule.QUOTE_CONTINUATION,
    Stage.REGION,
    example='"⟦A,⟧" said Victor Cha, a scholar. "⟦B.⟧"',
    summary="a quote that opens the next sentence with no cue of its own continues (named split-quote)",
)
declare(
    Rule.MIXED_LEAD_IN,
    Stage.REGION,
    confidence=0.9,
    example='⟦Cutting the budget "will hurt the poor,⟧" Ruiz said.',
    summary="unquoted words that open the sentence belong to the content, which is then mixed",
)


def _label_has_verb(label: str) -> bool:
    """Guard ``transcript-label-verb``: a capitalised label with a finite
    auxiliary is a headline or kicker, not a speaker ("FIX IS IN: Moderators
    ignore ...", "HERE IS WHY: ..."); a name or a role never holds one
    ("WALLACE:", "THE PRESIDENT:", "Sen. WARREN:")."""
    return any(w.lower() in FINITE for w in label.split())


@register(Rule.TRANSCRIPT_SPEAKER, Stage.PARAGRAPH, confidence=0.8, example="WALLACE: ⟦Let's start with the news.⟧")
def transcript_speaker(f: Finder, para: Pair) -> bool:
    """A paragraph that opens with a capitalised name and a colon is that
    person's words (debate and interview transcripts); the colon is the cue."""
    text = f.text
    pa, pb = para
    # (the colon first: most paragraphs have none near their start)
    m = _TRANSCRIPT_RE.match(text, pa, min(pb, pa + 40)) if text.find(":", pa, min(pb, pa + 40)) != -1 else None
    if m is None or _not_a_speaker_label(m.group("name")) or _label_has_verb(m.group("name")):
        return False  # guard transcript-kicker: 'BYLINE: Tom Bell.'
    a, b = trim(text, m.end(), pb, TRAILING + '"”“')
    if b <= a or len(f.doc.words(a, min(b, a + 100))) < 2:
        return False
    r = f.doc.region_at(pa)
    if r is not None:
        if r.outer[1] < pb - 1:
            return False  # a quote that closes inside the paragraph: not a transcript line
        f.use_region(r)
    colon = m.start("colon")
    cue = CueMatch(colon, colon + 1, ":", CueClass.SPEECH, None, "colon")
    f.add([(a, b)], Rule.TRANSCRIPT_SPEAKER, confidence(Rule.TRANSCRIPT_SPEAKER), cue, m.span("name"))
    return True


#: Guard ``title-before-cue``: the most words of a quoted title.
TITLE_WORDS = 6
# small words a title keeps in lower case ("Face the Nation", "Fox and Friends")
_TITLE_SMALL = frozenset(["a", "an", "and", "&", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"])
# what introduces a title: 'on CBS's "Face the Nation,"', 'an interview with "The View,"'
_BEFORE_TITLE_RE = regex.compile(
    r"(?:\b(?i:on|to|with|in|from|at|of|for|about|called|titled|named|dubbed)|['’]s)[ \t\u00a0]*$"
)


def _title_after_preposition(f: Finder, r: QuoteRegion) -> bool:
    """Guard ``title-before-cue``: 'Speaking on Fox News's "Sunday Morning
    Futures," Rep. Kim said the ...' -- a quoted title (at most six words, each
    capitalised but for small words, no sentence punctuation) after a
    preposition or a possessive, followed by a cue that reports a clause of
    its own, is a name in the writer's sentence, not a quote ('fans of
    "Prison Break," Kim said.' stays a mixed quote)."""
    text = f.text
    a, b = trim(text, r.start, r.end, " ,.")
    words = text[a:b].split()
    if not words or len(words) > TITLE_WORDS or not is_cap(words[0]) or regex.search(r"[.!?]", text[a:b]):
        return False
    if not all(is_cap(w) or w[0].isdigit() or w in _TITLE_SMALL for w in words):
        return False
    sa = f.doc.sentence(r.outer[0])[0]
    return _BEFORE_TITLE_RE.search(text, max(sa, r.outer[0] - 40), r.outer[0]) is not None


def _cue_ends(f: Finder, end: int, sb: int) -> bool:
    """Only adjuncts come between *end* and a punctuation mark or the
    sentence end *sb* ('Kim said.', 'Kim said on Tuesday.)', 'Kim said,')."""
    text = f.text
    p = skip_ws(text, skip_adjuncts(text, end, sb), sb)
    return p >= sb or text[p] in ".,;:!?)"


@register(Rule.QUOTE_SPEAKER_CUE, Stage.REGION, confidence=0.9, example='"⟦It is over,⟧" the coach said.')
def quote_speaker_cue(f: Finder, item: Item) -> bool:
    """A quote followed by its cue and speaker ('"Q," Lavrov told
    journalists.' / '"Q," said Lavrov.'), with the quotes that continue it."""
    idx, r = item
    text = f.text
    qa = r.outer[0]
    para = f.doc.paragraph(qa)
    hit = f.cue_after(r, min(para[1], r.outer[1] + CUE_WINDOW))
    if hit is None:
        return False
    cue, speaker, rule, end = hit
    if _title_after_preposition(f, r) and not _cue_ends(f, end, f.doc.sentence(cue.start)[1]):
        return False
    parts = f.region_parts(r)
    # Rule ``mixed-lead-in``: 'Not paying taxes "makes me smart," Trump
    # said.' -- unquoted words that open the sentence belong to the content.
    sa = f.doc.sentence(qa)[0]
    if parts and sa < qa and not _lead_has_verb_cue(f, sa, qa):
        # (an opening parenthesis of an aside is not content: '(The French
        # are fans of "Prison Break," he said.)')
        lead = trim(text, sa, qa, " \t\r\n\u00a0([")
        if lead[0] < lead[1] and text[lead[1] - 1] not in ":—–-" and WORD_RE.search(text, lead[0], lead[1]):
            if not _ends_phrase(text, r):
                return False  # guard lead-phrase-end
            parts = [(lead[0], parts[0][1]), *parts[1:]]
            rule = Rule.MIXED_LEAD_IN
    parts, rule = _continue_quote(f, idx, parts, rule, cue, end, para)
    f.add(parts, rule, confidence(rule) + speaker_bonus(text, speaker), cue, speaker)
    f.used_regions.add(idx)
    return True


#: guard ``lead-phrase-end``: quote marks passed over when reading the
#: last character of a quote
_QUOTE_CHARS = frozenset("\"'“”‘’«»")


def _ends_phrase(text: str, r: QuoteRegion) -> bool:
    """Guard ``lead-phrase-end`` of rule ``mixed-lead-in``: a quote after
    words of its sentence ends a phrase only with a comma or a sentence
    mark inside it ('Cutting the budget "will hurt the poor," Ruiz said.');
    one that ends bare is a name inside the sentence ('The union-backed
    "Save the Pier" campaign says ...', 'As the "Never Trump" movement
    continues'), and the cue after it is not its cue (polnear-train: 9 of
    the 10 such lead-ins matched no gold quote)."""
    b = r.end
    while b > r.start and (text[b - 1] in _QUOTE_CHARS or text[b - 1].isspace()):
        b -= 1
    return b > r.start and text[b - 1] in ",.!?…"


def _lead_has_verb_cue(f: Finder, sa: int, qa: int) -> bool:
    """Guard ``lead-noun-cue`` of rule ``mixed-lead-in``: a cue in the words
    before the quote stops the lead-in only when it can be a verb; a cue
    word that its context makes a noun ('His remarks on the ferry were "a
    disgrace," Okafor said.') or a name ('The State Department is "not
    ready," ...') is part of the content (the cue stage drops those cues:
    rules noun-cue, non-verb-cue, capitalised-cue)."""
    if not f.doc.has_cue(sa, qa):
        return False
    return any(
        c.type in VERBLIKE and not f.noun_cue(c, sa) and not f.in_name(c, sa) and not _gerund_noun(f, c, sa)
        for c in f.doc.cues_between(sa, qa)
    )


def _gerund_noun(f: Finder, c: CueMatch, sa: int) -> bool:
    """Guard ``lead-noun-cue``: a gerund right after a determiner or a
    possessive is a noun ('Since that ruling, Arizona has engaged in "..."')."""
    if c.form_kind != "gerund":
        return False
    words = f.doc.words(max(sa, c.start - 20), c.start)
    return bool(words) and (words[-1].lower() in DETERMINERS or words[-1].endswith(("'s", "’s")))


def _continue_quote(
    f: Finder, idx: int, parts: list[Pair], rule: Rule, cue: CueMatch, end: int, para: Pair
) -> tuple[list[Pair], Rule]:
    """Rules ``split-quote`` and ``quote-continuation``: the quotes after the
    cue that go on with the same speaker."""
    text, regions = f.text, f.doc.regions
    n = len(regions)
    # Rule ``split-quote``: '"A," he said, "B."' and '"A," he said. "B."' are
    # one quote, when B follows in the paragraph.
    tail = skip_adjuncts(text, end, para[1])
    m = _GAP_RE.match(text, tail, min(len(text), tail + 8))
    nxt_start = m.end() if m else tail
    last = idx
    if idx + 1 < n and (
        regions[idx + 1].outer[0] == nxt_start or _long_attribution(f, regions[idx], end, idx + 1, para)
    ):
        parts = parts + _joined_parts(f, idx + 1)
        f.used_regions.add(idx + 1)
        rule = Rule.SPLIT_QUOTE
        last = idx + 1
    # Rule ``quote-continuation``: a quote that opens the next sentence of the
    # paragraph and has no cue of its own goes on with the same speaker:
    # '"A," said Victor Cha, a scholar at the institute. "B."'
    s_end = f.doc.sentence(cue.start)[1]
    # titles inside the attribution ('on Fox News's "Fox and Friends."') do
    # not break the run
    while last + 1 < n and regions[last + 1].outer[1] <= s_end and last + 1 not in f.used_regions:
        last += 1
    if last + 1 < n:
        nxt = regions[last + 1]
        if (
            s_end <= nxt.outer[0] < para[1]
            and text[s_end : nxt.outer[0]].strip() == ""
            and f.cue_after(nxt, min(para[1], nxt.outer[1] + CUE_WINDOW)) is None
        ):
            parts = parts + _joined_parts(f, last + 1)
            f.used_regions.add(last + 1)
            rule = Rule.SPLIT_QUOTE
    return parts, rule


def _joined_parts(f: Finder, i: int) -> list[Pair]:
    """The parts of region *i* that a quote before it takes in.

    Rule ``split-quote`` at a second cue: a quote that runs over paragraphs
    and is followed by a cue of its own ('"A," he said. "B.' / '"C," he
    said. "D."', where B and C are one quote over a paragraph break) is cut
    at the first break: B goes on with A, and C starts a quote of its own
    with the second cue (and D)."""
    text = f.text
    r = f.doc.regions[i]
    rp = f.region_parts(r)
    if len(rp) < 2:
        return rp
    pend = f.doc.paragraph(rp[0][0])[1]
    head = [p for p in rp if p[0] < pend]
    tail = [p for p in rp if p[0] >= pend]
    if not head or not tail:
        return rp
    tpara = f.doc.paragraph(tail[-1][0])
    hit = f.cue_after(r, min(tpara[1], r.outer[1] + CUE_WINDOW))
    if hit is None:
        return rp
    cue, speaker, rule, end = hit
    f.used_regions.add(i)
    tail, rule = _continue_quote(f, i, tail, rule, cue, end, tpara)
    f.add(tail, rule, confidence(rule) + speaker_bonus(text, speaker), cue, speaker)
    return head


#: Guard ``long-attribution``: the most characters between the end of the
#: cue and speaker and the quote that goes on after them.
LONG_ATTRIBUTION = 200


_SENTENCE_END_RE = regex.compile(r"[.!?][\"”’']?\s+[\"“‘']?\p{Lu}\p{Ll}")


def _long_attribution(f: Finder, r: QuoteRegion, end: int, i: int, para: Pair) -> bool:
    """Rule ``split-quote`` over a long attribution: '"A," said Ana Ruiz,
    director of the Harbour Institute in Leeds, "but B."' / '"A," he told
    reporters in May, "and B."' -- the first quote ends with a comma, the
    words after its cue and speaker run to a comma and the next quote opens
    right after it, in the same sentence, with no cue of their own before
    or after it ('"A," she said, but despite X, "B," said Kim.' is two
    quotes). The words may also end with a full stop and no sentence end
    inside them ('"A," he said at a rally in Utica, N.Y. "B."': the
    abbreviation hides the sentence end from the segmenter). Both quotes
    have three words or more (not a title: 'she wrote in her memoir, "Hard
    Roads."'; not a shout: '"Ruiz," he joked, "..."')."""
    text = f.text
    nxt = f.doc.regions[i]
    qa = nxt.outer[0]
    if qa < end or qa - end > LONG_ATTRIBUTION or i in f.used_regions:
        return False
    gap = text[end:qa].rstrip(" \t\u00a0")
    if "\n" in gap or not text[r.start : r.end].rstrip().endswith(","):
        return False
    if any(c.type != "adjunct" for c in f.doc.cues_between(end, qa)):
        return False  # a cue of its own ('at a rally' is an adjunct of this one)
    if gap.endswith("."):
        # the quote opens the next sentence after an attribution whose
        # abbreviations hide the sentence end from the segmenter ('said at a
        # rally in Binghamton, N.Y. "B."'); no sentence ends inside it
        if _SENTENCE_END_RE.search(gap[:-1]):
            return False
    elif not gap.endswith(",") or f.doc.sentence(qa)[0] != f.doc.sentence(end)[0]:
        return False
    if len(f.doc.words(nxt.start, nxt.end)) < 3 or len(f.doc.words(r.start, r.end)) < 3:
        return False
    return f.cue_after(nxt, min(para[1], nxt.outer[1] + CUE_WINDOW)) is None


@register(Rule.QUOTE_DASH_SPEAKER, Stage.REGION, confidence=0.7, example='"⟦Stay calm.⟧" — Commissioner Jane Whitfield')
def quote_dash_speaker(f: Finder, item: Item) -> bool:
    """A quote, a dash and a capitalised name that ends the line (no cue)."""
    idx, r = item
    text = f.text
    qb = r.outer[1]
    m = _DASH_RE.match(text, qb, min(len(text), qb + 6))
    if not m:
        return False
    sp = np_right(f.doc, m.end(), f.doc.paragraph(r.outer[0])[1])
    if sp is None or not is_cap(text[sp[0]]) or text[sp[1] : sp[1] + 2].strip(" .") != "":
        return False
    f.add(f.region_parts(r), Rule.QUOTE_DASH_SPEAKER, confidence(Rule.QUOTE_DASH_SPEAKER), None, sp)
    f.used_regions.add(idx)
    return True


@register(
    Rule.SPEAKER_COLON_QUOTE, Stage.REGION, confidence=0.7, example='From Chairwoman Linda Osei: "⟦The report stands.⟧"'
)
def speaker_colon_quote(f: Finder, item: Item) -> bool:
    """A capitalised name and a colon before a quote, with no cue in the
    paragraph before it."""
    idx, r = item
    text = f.text
    qa = r.outer[0]
    para = f.doc.paragraph(qa)
    colon_end = last_nonspace(text, para[0], qa)
    if colon_end > para[0] and text[colon_end - 1] == ":" and not f.doc.has_cue(para[0], qa):
        sp = np_left(f.doc, para[0], colon_end - 1)
        if sp is not None and is_cap(text[sp[0]]):
            f.add(f.region_parts(r), Rule.SPEAKER_COLON_QUOTE, confidence(Rule.SPEAKER_COLON_QUOTE), None, sp)
            f.used_regions.add(idx)
            return True
    return False


#: direct-bare confidences: a short fragment (the base: scare quotes,
#: titles), a sentence-like quote mid-paragraph and opening its paragraph,
#: a whole paragraph of dialogue; an unclosed quote loses UNCLOSED, which
#: puts an unclosed sentence mid-paragraph (0.25) below the default
#: threshold: with no cue and no closing mark it is a guess (polnear-train:
#: 1 of 11 matched a gold quote).
BARE_SENTENCE = 0.4
BARE_SENTENCE_OPENS_PARAGRAPH = 0.5
BARE_DIALOGUE_LINE = 0.45
UNCLOSED = 0.15


#: rule bare-phrase: a quote shorter than this that starts inside a
#: sentence is a phrase of the writer's sentence
BARE_PHRASE_WORDS = 8

declare(
    Rule.BARE_PHRASE,
    Stage.BARE,
    example='he expects to leave with a "solid share of the delegates." (0.15, not 0.4)',
    summary="a bare quote under 8 words that starts inside a sentence, after a word, comma or dash, "
    "keeps direct-bare's base confidence",
)


def _inside_sentence(f: Finder, qa: int) -> bool:
    """Rule ``bare-phrase``: the quote opening at *qa* follows a word, a
    comma or a dash of its paragraph ('to leave with a "solid share of the
    delegates."', 'campaign logo — "Make America Great Again."'), not a
    sentence end or a colon."""
    text = f.text
    pa = f.doc.paragraph(qa)[0]
    p = last_nonspace(text, pa, qa)
    return p > pa and text[p - 1].isalnum()


@register(
    Rule.DIRECT_BARE,
    Stage.BARE,
    confidence=0.15,
    example='the so-called "⟦peace plan⟧" (0.15); "⟦Out.⟧" as a paragraph (0.45)',
)
def direct_bare(f: Finder, item: Item) -> bool:
    """A quote with no cue near it.

    Sentence-like quotes (four words or more, or ending in . ! ?) are kept
    with moderate confidence, and so is a short quote that is a whole
    paragraph of dialogue ('"Out."'); other short fragments are probably
    scare quotes or titles ('so-called "peace plan"') and score low.
    """
    _idx, r = item
    text = f.text
    parts = f.region_parts(r)
    if not parts:
        return False
    words = sum(len(f.doc.words(a, b)) for a, b in parts)
    last = text[parts[-1][1] - 1]
    sentence_like = words >= 4 and (last in ".!?…,\"”'’" or words >= 8)
    if sentence_like and words < BARE_PHRASE_WORDS and last not in "!?" and _inside_sentence(f, r.outer[0]):
        sentence_like = False  # rule bare-phrase
    # a quote that opens its paragraph reads as speech more than one mid-sentence
    pa, pb = f.doc.paragraph(r.outer[0])
    starts_para = r.outer[0] == pa
    conf = confidence(Rule.DIRECT_BARE)
    if sentence_like:
        conf = BARE_SENTENCE_OPENS_PARAGRAPH if starts_para else BARE_SENTENCE
    elif starts_para and r.outer[1] >= pb and last in ".!?…,-—":
        conf = BARE_DIALOGUE_LINE  # a whole paragraph of dialogue: '"Out."'
    if r.close is None:
        conf -= UNCLOSED
    elif title_by_author(text, r.outer[1]) or work_title(text, r.outer[0], parts[0][0], parts[-1][1]):
        # guards title-by-author and work-title: '"A Long Winter," by Ana
        # Ruiz', 'his memoir, "A Life at Sea,"': a title scores low
        conf = confidence(Rule.DIRECT_BARE)
    f.add(parts, Rule.DIRECT_BARE, conf)
    return True
