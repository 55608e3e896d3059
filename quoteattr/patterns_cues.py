"""Reporting patterns that start from a cue outside quotes (stage ``cue``),
and the headline adjustment (stage ``adjust``).

Each pattern is one function registered with its name, stage, base
confidence and example; :data:`quoteattr.registry.ORDER` says in which order
they run. A cue pattern gets the finder and a :class:`CueItem` and returns
True when the cue is handled (a candidate proposed, or the cue filtered
out): the next patterns are then skipped.
"""

from __future__ import annotations

import regex

from .candidates import Candidate, trim
from .chunker import AUX_FILLER, np_right
from .clauses import (
    CLAUSAL_CUES,
    DESCRIBE_CUES,
    INFINITIVE_CUES,
    NP_OBJECT_CUES,
    OBJECT_ATTRIBUTION_CUES,
    PROMISE_CUES,
    THAT_RE,
    TRAILING,
    VERBLIKE,
    clause_ok,
    last_nonspace,
    looks_like_clause,
    skip_adjuncts,
    skip_ws,
    source_clause_ok,
)
from .clause_gaps import described_gap
from .clause_writer import gerund_after_aside
from .clause_starts import quoted_sentence
from .cues import CueMatch
from .marks import QuoteRegion
from .patterns_according import according_to
from .patterns_asked import asked_question
from .cue_guards import earlier_speaker, fronted_clause_ok, modified_subject
from .patterns_describe import described_object_as
from .patterns_gerunds import gerund_clause, noun_gerund
from .patterns_passive import passive_by_agent
from .patterns_participles import fronted_participle, with_gerund_parts, with_subject
from .patterns_prep import PREPOSITION_TOPIC_CUES, preposition_topic
from .patterns_speak import speak_about
from .quoted_words import quote_opens_inside
from .clause_ends import cut_gerund_attribution, cut_object_predicate
from .patterns_objects import call_object_predicate, object_to_infinitive
from .false_attributions import NAMING_LEMMAS, TIME_ONLY_MAX, adjunct_only, naming_participle, time_only
from .finder import CueItem, Finder, speaker_bonus
from .lead_words import PARENTHETICAL_LEAD
from .lexicons import load_set
from .model import CueClass
from .registry import Rule, Stage, confidence, declare, register

__all__ = [
    "CueItem",
    "according_to",
    "asked_question",
    "call_object_predicate",
    "described_object_as",
    "object_to_infinitive",
    "speak_about",
]

Pair = tuple[int, int]

_TO_CAP_QUOTE_RE = regex.compile(r"[ \t]*,[ \t]*[\"“‘'«„]\p{Lu}")
_PASSIVE_RE = regex.compile(r"(?r)(?i)\b(?:was|were|been|being|is|are|be)\s*$")
# a form of "be", perhaps an adverb, before a cue: "was then disclosed"
_ADVERB_PASSIVE_RE = regex.compile(r"(?r)(?i)\b(?:was|were|been|being|is|are|be)(?:\s+\p{Ll}+)?\s*$")
_COORD_RE = regex.compile(
    r"(?r)(?i)(?:,|\b(?:but|and|yet))(?:\s+(?:has|have|had|also|later|then|will|would|is|was))*\s*$"
)
# (an -ly adverb may come between: ", falsely suggesting that ...", not a
# name: ", Emily saying ..." is rule noun-saying; a spaced dash stands for
# the comma: "... Denver – saying he was rooting for ...")
_BEFORE_GERUND_RE = regex.compile(
    r"""(?r)(?:,(?:''|["”'’])?|\s[—–-]{1,2}|\b(?:and|while|by|before|after))\s+(?:(?:even|also|again|later|then|instead|repeatedly|often|(?-i:\p{Ll}\w+ly))\s+)?$""",
    regex.I,
)
_CALL_FOR_RE = regex.compile(r"(?i)(?:for|on)\s+")
#: rule progressive-cue: a form of "be" and at most one adverb before a
#: gerund cue make it finite ("is saying", "are now saying", "are
#: increasingly admitting that ..."; an -ly adverb since issue 16)
_PROGRESSIVE_RE = regex.compile(
    r"(?r)(?i)\b(?:is|are|was|were|been|be|am|'s|’s|'re|’re)\s+(?:(?:also|still|now|not|already|(?-i:\p{Ll}+ly))\s+)?$"
)
#: "to" + verb after an infinitive cue; the verb may open a quote ('vowed to
#: "bomb the hell" out of ...', a mixed quote of rule promise-to; issue 16)
_TO_INF_RE = regex.compile(r"(?i)to\s+[\"“‘']?\w")
#: rule described-object-quote: a pronoun that alone before the quote leaves it alone
_OBJECT_PRONOUNS = frozenset(["it", "him", "her", "them", "this", "that", "these", "those", "us", "me", "you"])
#: guard person-pronoun-object: 'calling him "a total stiff"' keeps its object
#: (polnear-train: 17 of 18 matched with it, 13 of 18 without)
_PERSON_PRONOUNS = frozenset(["him", "her", "them", "us", "me", "you"])
#: rule described-object-quote: the words after the quote end before these
_PHRASE_STOP_WORDS = frozenset(["and", "but", "while", "as"])

#: subject-cue-clause without "that" ('Peskov said the U.S. must ...'), and
#: what a thought cue ("believes", "thinks", "knew") takes off: it puts the
#: quote below the default threshold (on polnear-train 46 of the 257 scored
#: thought quotes matched a speech attribution; issue 16).
CLAUSE_WITHOUT_THAT = 0.75
THOUGHT_PENALTY = 0.65
#: headline: the share of its confidence a quote read from a headline keeps.
HEADLINE_FACTOR = 0.35

declare(
    Rule.PROGRESSIVE_CUE,
    Stage.CUE,
    example="The port authority is saying that ⟦…⟧",
    summary="a gerund cue after a form of 'be' is finite: subject-cue-clause, not saying-clause",
)
declare(
    Rule.COLON_BLOCK,
    Stage.CUE,
    confidence=0.7,
    example="The governor added: (end of paragraph) then an unquoted paragraph of speech",
    summary="a cue and a colon that end a paragraph: the next paragraph is what was said (found by colon-quote)",
)


# --- filters ---------------------------------------------------------------------
@register(Rule.CAPITALISED_CUE, Stage.CUE, example="the United States holds no cue; nor does 'Says Law'")
def capitalised_cue(f: Finder, item: CueItem) -> bool:
    """A capitalised cue word inside a sentence is part of a name, unless
    it is the verb of a title-case headline (guard ``headline-cue``)."""
    if _headline_cue(f, item):
        return False
    return f.in_name(item.cue, item.sa) and item.cue.type != "source-after"


#: Guard ``headline-cue``: in a title-case headline that is a paragraph of
#: its own ("Mayor Ana Ruiz Says Harbour Will Close", "Clinton Warns Of
#: Floods."), a capitalised cue form of lexicon ``headline_cues.txt`` is the
#: headline's verb, not part of a name ("Says Law" inside a sentence is).
HEADLINE_CUES = load_set("headline_cues.txt")
HEADLINE_MAX_WORDS = 20


def _headline_cue(f: Finder, item: CueItem) -> bool:
    cue, sa, sb = item.cue, item.sa, item.sb
    form = f.text[cue.start : cue.end]
    if not form[:1].isupper() or form.lower() not in HEADLINE_CUES or sb - sa > 200:
        return False
    pa, pb = f.doc.paragraph(sa)
    if pa != sa or f.text[sb:pb].strip():
        return False  # (a headline is its own paragraph)
    words = f.doc.words(sa, sb)
    return len(words) <= HEADLINE_MAX_WORDS and _title_case(words)


#: Rules ``headline`` and ``headline-cue``: the share of capitalised words
#: that makes a line title case ("Mayor Ana Ruiz Says Harbour Will Close").
TITLE_CASE_SHARE = 0.6


def _title_case(words: list[str]) -> bool:
    return sum(1 for w in words if w[:1].isupper()) >= TITLE_CASE_SHARE * len(words)


@register(Rule.NOUN_CUE, Stage.CUE, example="his comments, Obama's new rules, a state law are nouns")
def noun_cue(f: Finder, item: CueItem) -> bool:
    """A cue word after a determiner or possessive is a noun."""
    return f.noun_cue(item.cue, item.sa)


@register(Rule.NON_VERB_CUE, Stage.CUE, example="in a statement, his remarks: no clause of their own")
def non_verb_cue(f: Finder, item: CueItem) -> bool:
    """A noun or adjunct cue proposes no clause of its own (it may still
    attach a quote, stage region)."""
    return item.cue.type not in VERBLIKE


#: Lemmas of cues that take no clause or object of their own ("Obama spoke
#: at a memorial service", "speaking at the rally"): only "about", "of" or
#: "out" after them (and their adjuncts or manner words: "spoke at length
#: about", rule speak-about) introduces what was said.
INTRANSITIVE_CUES = frozenset(["speak"])
_INTRANSITIVE_OPENERS = frozenset(["about", "of", "out"])
_MANNER_ABOUT_RE = regex.compile(
    r"(?i)(?:\p{Ll}+ly|at\s+length|more\s+\p{Ll}+ly|up|with\s+\p{Ll}+|in\s+detail)\s+(?:about|of)\s"
)


@register(Rule.INTRANSITIVE_CUE, Stage.CUE, example="Obama spoke at a memorial service: no clause")
def intransitive_cue(f: Finder, item: CueItem) -> bool:
    """A cue of speaking without an object ("spoke at the rally", "speaking
    in Ohio") proposes no clause unless "about", "of" or "out" follows; on
    polnear-train the forms of "speak" matched 6 of 29 predictions, most
    of them by chance."""
    if item.cue.lemma not in INTRANSITIVE_CUES:
        return False
    start = item.opening(f)[0]
    words = f.doc.words(start, min(item.sb, start + 12))
    if words and _MANNER_ABOUT_RE.match(f.text, start, item.sb):
        return False  # "spoke at length about ...": rule speak-about
    return not words or words[0].lower() not in _INTRANSITIVE_OPENERS


@register(Rule.PASSIVE_CUE, Stage.CUE, example="He was told that … : the subject is not the speaker")
def passive_cue(f: Finder, item: CueItem) -> bool:
    """A passive participle ("was told", "were asked") has no speaker subject."""
    # rule passive-by-agent: "⟦X⟧ was (first) reported by Y" ("-ed" may read as past)
    if item.cue.form_kind in ("past", "pastpart") and passive_by_agent(f, item):
        return True
    return item.cue.form_kind == "pastpart" and _PASSIVE_RE.search(item.prev(f)[1]) is not None


# --- patterns --------------------------------------------------------------------
declare(
    Rule.SAYING_OBJECT,
    Stage.CUE,
    confidence=0.45,
    example="McCain said so, citing ⟦slow growth and lost jobs⟧.",
    summary="a gerund cue whose object is the message (cue frame object-message) reports the object",
)


@register(
    Rule.SAYING_CLAUSE, Stage.CUE, confidence=0.7, example="The union walked out, saying ⟦the offer was an insult⟧."
)
def saying_clause(f: Finder, item: CueItem) -> bool:
    """A gerund cue after a comma or conjunction; the speaker is the
    sentence's subject (rule progressive-cue: 'is saying' is finite)."""
    cue, sa = item.cue, item.sa
    text = f.text
    gerund = cue.form_kind == "gerund" or (cue.type == "phrasal" and cue.lemma.split()[0].endswith("ing"))
    if not gerund or _PROGRESSIVE_RE.search(text, max(sa, cue.start - 30), cue.start):
        return False
    # ', saying', ', even suggesting', 'and saying', 'by telling them that'
    if _BEFORE_GERUND_RE.search(text, max(sa, cue.start - 40), cue.start) is None:
        # rule noun-gerund: "a statement confirming ⟦...⟧"
        if cue.lemma not in _NOT_NOUN_GERUND and noun_gerund(f, item):
            return True
        # rule fronted-participle: "Noting that ⟦...⟧, Osei added ..."
        if cue.start - sa < 4 and _sentence_start(text, sa, cue.start):
            fronted_participle(f, item)
            return True
        # rule with-gerund: ", with the mayor calling for ⟦an inquiry⟧"
        # ("with 30 percent saying ..." stays with rule noun-saying)
        sp = None if cue.lemma == "say" and cue.type == "verb" else with_subject(f, item)
        if sp is None:
            _noun_saying(f, item)
            return True
        n0 = len(f.out)
        _gerund_reports(f, item, sp, with_np=True)
        with_gerund_parts(f, n0)
        return True
    sp = f.sentence_subject(sa, cue.start)
    if sp is None:
        sp = earlier_speaker(f, sa, cue.start)
    _gerund_reports(f, item, sp)
    return True


def _gerund_reports(f: Finder, item: CueItem, sp: Pair | None, with_np: bool = False) -> None:
    """What a gerund cue after a comma (or, *with_np*, rule with-gerund's
    noun phrase) reports, spoken by *sp*."""
    cue, sb = item.cue, item.sb
    text = f.text
    # guard gerund-frames: ", calling for ⟦an inquiry⟧" and ", vowing ⟦to
    # strike⟧" are read by rules call-for and promise-to, with the sentence's
    # subject as the speaker
    if cue.lemma == "speak":  # ", speaking at length about ⟦…⟧": rule speak-about
        item.speaker = sp
        speak_about(f, item)
        return
    if cue.lemma in PREPOSITION_TOPIC_CUES:  # ", boasting about ⟦…⟧": rule preposition-topic
        item.speaker = sp
        if preposition_topic(f, item):
            return
    if cue.lemma == "call" or cue.lemma in PROMISE_CUES:
        item.speaker = sp
        if call_for(f, item) or (cue.lemma in PROMISE_CUES and cue_to_infinitive(f, item)):
            return
        # rule with-gerund: "with Kim calling ⟦the plan a fraud⟧" (as rule
        # call-object-predicate reads it; after a comma, ", calling him a
        # liar", polnear-train matched 2 of 4: left out)
        if cue.lemma == "call" and with_np and call_object_predicate(f, item, gerund=True):
            return
    if cue.lemma in DESCRIBE_CUES:
        _described(f, cue, sp, cue.end, sb)
        return
    pos, cl = gerund_clause(f, cue, sb)
    if cl is None or not clause_ok(f.doc, *cl):
        return
    cl = cl[0], cut_gerund_attribution(f.doc, *cl)  # "saying X and warning that Y"
    has_that = THAT_RE.match(text, skip_ws(text, pos, sb), min(sb, pos + 8)) is not None
    quoted = f.doc.in_quote(cl[0])
    # guard say-clausal: "saying" reports a clause whatever its verb (", saying
    # towns need to stand together"; no finite verb of the clause-shape list);
    # for the other gerunds of frame clausal the test stays: on polnear-train
    # their objects ("adding Sunday routes") matched 23 of 51
    clausal = cue.lemma == "say"
    if (
        not has_that
        and not quoted
        and (cue.lemma in NP_OBJECT_CUES or not (clausal or looks_like_clause(f.doc, *cl)))
        and not _quoted_predicate(f, cue.lemma, cl)
    ):
        if cue.lemma in OBJECT_ATTRIBUTION_CUES:
            # Rule ``saying-object``: ', citing low growth' reports its object
            conf = confidence(Rule.SAYING_OBJECT) + speaker_bonus(text, sp)
            f.add(f.clauses.content_parts(*cl), Rule.SAYING_OBJECT, conf, cue, sp)
        return
    f.add(
        f.clauses.content_parts(*cl),
        Rule.SAYING_CLAUSE,
        confidence(Rule.SAYING_CLAUSE) + speaker_bonus(text, sp),
        cue,
        sp,
    )


def _sentence_start(text: str, sa: int, pos: int) -> bool:
    """Only spaces and quote marks stand between the sentence start and *pos*."""
    return all(ch.isspace() or ch in "\"“‘'" for ch in text[sa:pos])


#: Gerunds that rule noun-gerund leaves to the frames of call, describe and
#: speak ("a statement calling the test a violation" is a description).
_NOT_NOUN_GERUND = frozenset(["call", "describe", "speak"])

declare(
    Rule.NOUN_SAYING,
    Stage.CUE,
    confidence=0.6,
    example="with 30 percent of voters saying ⟦they would stay home⟧",
    summary="'saying' right after a noun phrase reports its clause; the noun phrase speaks",
)
_WORD_BEFORE_GERUND_RE = regex.compile(r"(?r)([\w%]+)[ \t]+$")
_DETERMINERS = frozenset(["a", "an", "the", "this", "that", "his", "her", "its", "their", "our", "my", "your"])


def _noun_saying(f: Finder, item: CueItem) -> None:
    """Rule ``noun-saying``: "saying" right after a noun phrase, with no
    comma ("with 22 percent saying they would ...", "911 calls saying shots
    had been fired", "a petition saying ..."), reports the clause after it;
    the noun phrase is the speaker. Not after a preposition, a determiner
    or an auxiliary ("about saying", "is saying")."""
    cue, text = item.cue, f.text
    if cue.lemma != "say" or cue.type != "verb":
        return
    m = _WORD_BEFORE_GERUND_RE.search(text, max(item.sa, cue.start - 40), cue.start)
    before = "" if m is None else m.group(1).lower()
    if not before or before in _NOT_BEFORE_SUBJECTLESS or before in AUX_FILLER or before in _DETERMINERS:
        return
    sp = f.subject_before(cue.start)
    rep = _reported(f, item)
    if sp is None or rep is None:
        return
    cl, has_that, quoted = rep
    if not (has_that or quoted or looks_like_clause(f.doc, *cl)):
        return
    conf = confidence(Rule.NOUN_SAYING) + speaker_bonus(text, sp)
    f.add(f.clauses.content_parts(*cl), Rule.NOUN_SAYING, conf, cue, sp)


@register(
    Rule.PARENTHETICAL_CUE,
    Stage.CUE,
    confidence=0.8,
    example="⟦The repairs⟧, the engineer said, ⟦would take a year⟧. (two parts)",
)
def parenthetical_cue(f: Finder, item: CueItem) -> bool:
    """The clause runs on both sides of ', X said,'."""
    cue, sa, sb = item.cue, item.sa, item.sb
    text = f.text
    sp = f.subject_before(cue.start)
    if sp is None:
        return False
    pre_end = last_nonspace(text, sa, sp[0])
    if not (pre_end > sa and text[pre_end - 1] == ","):
        return False
    after = skip_adjuncts(text, cue.end, sb)
    if text[after : after + 1] != "," or f.ends_clause(after + 1, sb) or gerund_after_aside(f.doc, after + 1, sb):
        return False
    left = trim(text, sa, pre_end - 1, TRAILING)
    right = f.clauses.clause(after + 1, sb)
    if right is None or not left[0] < left[1] or not clause_ok(f.doc, left[0], right[1]):
        return False
    lone_lead = text[left[0] : left[1]] in PARENTHETICAL_LEAD  # guard lead-word: "Still, she said, ..."
    parts = [right] if lone_lead or quoted_sentence(f.doc, right[0]) else [left, right]  # guard lead-in-words
    f.add(parts, Rule.PARENTHETICAL_CUE, confidence(Rule.PARENTHETICAL_CUE) + speaker_bonus(text, sp), cue, sp)
    return True


#: Guard ``trailing-adjunct``: words that open a phrase of time, place or
#: occasion after a sentence-final cue ("..., Okafor said during a visit to the
#: docks.", "..., the board said Tuesday in Leith."), so that the clause before
#: the comma is still what was said.
_TRAILING_OPENERS = frozenset(["in", "on", "at", "during", "after", "before", "while", "following"])
#: quote marks that stop the phrase (guard trailing-adjunct)
_TRAILING_QUOTES = frozenset('"“”‘’«»')
#: the cues whose sentence-final use takes a trailing adjunct ("told" with no addressee)
_TRAILING_CUES = frozenset(["say", "tell", "write", "report"])


def _trailing_adjunct(f: Finder, lemma: str, pos: int, sb: int) -> bool:
    """Guard ``trailing-adjunct``: after the cue (and its known adjuncts) a
    phrase that opens with a preposition runs to the end of the sentence,
    within 120 characters, with no "that" and no quote mark in it (word
    tests, no regex: the regex module keeps a pattern's state from its first
    use, and this path is rare)."""
    text = f.text
    if lemma not in _TRAILING_CUES:
        return False
    p = skip_ws(text, skip_adjuncts(text, pos, sb), sb)
    end = last_nonspace(text, p, sb)
    if end - p > 120 or text[end - 1 : end] not in (".", "!", "?"):
        return False
    i = p
    while i < end and text[i].isalnum():
        i += 1
    # (the opening word first: most cues end in no such phrase)
    if i == p or not text[p].isalpha() or text[p:i].lower() not in _TRAILING_OPENERS:
        return False
    phrase = text[p:end]
    if "''" in phrase or any(ch in _TRAILING_QUOTES for ch in phrase):
        return False
    words = "".join(ch if ch.isalnum() else " " for ch in phrase.lower()).split()
    # ("reported at least six planes ...": "at least" opens a noun phrase)
    if not words or words[0] not in _TRAILING_OPENERS or words[1:2] in (["least"], ["most"]):
        return False
    return "that" not in words


@register(
    Rule.CLAUSE_SUBJECT_CUE, Stage.CUE, confidence=0.8, example="⟦The vote will wait until spring⟧, the council said."
)
def clause_subject_cue(f: Finder, item: CueItem) -> bool:
    """A clause, a comma, the speaker and the cue that ends the sentence."""
    cue, sa, sb = item.cue, item.sa, item.sb
    sp = f.subject_before(cue.start)
    if sp is None or not (f.ends_clause(cue.end, sb) or _trailing_adjunct(f, cue.lemma, cue.end, sb)):
        return False
    pre_end = last_nonspace(f.text, sa, sp[0])
    if not (pre_end > sa and f.text[pre_end - 1] == ","):
        sp = modified_subject(f, sa, sp, cue.end, sb)
        if sp is None:
            return False
        pre_end = last_nonspace(f.text, sa, sp[0])
    f.clause_before(
        cue, sp, sa, pre_end - 1, Rule.CLAUSE_SUBJECT_CUE, confidence(Rule.CLAUSE_SUBJECT_CUE), fronted_clause_ok
    )
    return True


# The text before the comma ends in an appositive or relative clause of
# the sentence's subject: "Willie Minor, an actor who runs a theatre,
# recalled that ..." has no clause before the cue (clause-cue-subject).
_APPOSITIVE_TAIL_RE = regex.compile(r",\s+(?:who|whose|which|a|an)\s[^,]*$", regex.I)


@register(Rule.CLAUSE_CUE_SUBJECT, Stage.CUE, confidence=0.8, example="⟦The bridge is safe⟧, said the chief engineer.")
def clause_cue_subject(f: Finder, item: CueItem) -> bool:
    """A clause, a comma, the cue and the speaker that ends the sentence."""
    cue, sa, sb = item.cue, item.sa, item.sb
    prev_end, prev = item.prev(f)
    if not prev.endswith(","):
        return False
    sp2 = np_right(f.doc, skip_ws(f.text, cue.end, sb), sb)
    if sp2 is None or not f.ends_clause(sp2[1], sb) or _APPOSITIVE_TAIL_RE.search(f.text, sa, prev_end - 1):
        return False
    f.clause_before(
        cue, sp2, sa, prev_end - 1, Rule.CLAUSE_CUE_SUBJECT, confidence(Rule.CLAUSE_CUE_SUBJECT), fronted_clause_ok
    )
    return True


@register(Rule.COORDINATED_CUE, Stage.CUE, example="Trump has said X, but has told the press that ⟦Y⟧")
def coordinated_cue(f: Finder, item: CueItem) -> bool:
    """The speaker of the patterns that follow: the subject before the cue,
    or, for a second coordinated cue, the sentence's subject; with neither
    the cue is done."""
    item.speaker = f.subject_before(item.cue.start)
    if item.speaker is None and _COORD_RE.search(item.prev(f)[1]):
        item.speaker = f.sentence_subject(item.sa, item.cue.start)
    if item.speaker is None and _subjectless(f, item):
        # the sentence's first noun phrase, as far as the chunker reads it
        # ("Multiple sources" of "Multiple sources close to the talks say")
        item.subjectless = True
        item.speaker = f.sentence_subject(item.sa, item.cue.start)
        return False
    return item.speaker is None


declare(
    Rule.SUBJECTLESS_CUE,
    Stage.CUE,
    example="Friends of the mayor who have seen him lately say ⟦he is tired⟧.",
    summary="a form of 'say' after a subject the chunker cannot read still reports its clause (0.25 less)",
)

#: what rule subjectless-cue takes off a clause's confidence
SUBJECTLESS_PENALTY = 0.25
_WORD_BEFORE_RE = regex.compile(r"(?r)(\w+%?)[ \t]+$")
_NOT_BEFORE_SUBJECTLESS = frozenset(
    ["to", "of", "in", "on", "at", "for", "with", "by", "from", "as", "and", "or", "but", "not", "that", "than"]
)


def _subjectless(f: Finder, item: CueItem) -> bool:
    """Rule ``subjectless-cue``: "say", "says", "said" right after a word
    whose noun phrase the chunker cannot read ("47% say ...", "multiple
    sources privy to the talks say ...", "friends who have seen him say
    ...") still report the clause after them, at 0.25 less confidence, with
    the sentence's first noun phrase as a guessed speaker. Not after a
    preposition, conjunction or "not"."""
    cue = item.cue
    if cue.lemma != "say" or cue.type != "verb" or cue.form_kind not in ("base", "3sg", "past"):
        return False
    m = _WORD_BEFORE_RE.search(f.text, max(item.sa, cue.start - 40), cue.start)
    if m is None:
        return False
    return m.group(1).lower() not in _NOT_BEFORE_SUBJECTLESS and m.group(1).lower() not in AUX_FILLER


@register(Rule.COLON_QUOTE, Stage.CUE, confidence=0.9, example='The minister added: "⟦Nobody will lose their job.⟧"')
def colon_quote(f: Finder, item: CueItem) -> bool:
    """A cue and a colon before a quote, also when the quote is the next
    paragraph; after a comma only a speech cue and a quote that starts a
    sentence ('She adds, "What kind of genius ..."', not 'remember, "the house"')."""
    cue, sp, sb = item.cue, item.speaker, item.sb
    text = f.text
    start, rest = item.opening(f)
    if not (
        rest.startswith(":")
        or (rest.startswith(",") and cue.cue_class is CueClass.SPEECH and _TO_CAP_QUOTE_RE.match(rest))
    ):
        return False
    q = skip_ws(text, start + 1, len(text))
    r = f.doc.region_at(q)
    if r is None and q >= sb:
        # the quote is the next paragraph: 'The Times reports:\n\n"..."'
        r = f.doc.region_at(skip_ws(text, f.doc.paragraph(cue.start)[1], len(text)))
    if r is not None:
        f.use_region(r)
        f.add(f.region_parts(r), Rule.COLON_QUOTE, confidence(Rule.COLON_QUOTE) + speaker_bonus(text, sp), cue, sp)
    elif q >= f.doc.paragraph(cue.start)[1]:
        # Rule ``colon-block``: 'The governor added:' ends its paragraph and
        # the next paragraph, unquoted, is what was said.
        nxt = f.doc.paras.at(q)
        if nxt is not None and clause_ok(f.doc, *nxt):
            f.add([nxt], Rule.COLON_BLOCK, confidence(Rule.COLON_BLOCK) + speaker_bonus(text, sp), cue, sp)
    return True


@register(Rule.CALL_FOR, Stage.CUE, confidence=0.5, example="The union called for ⟦an inquiry into the collapse⟧.")
def call_for(f: Finder, item: CueItem) -> bool:
    """'called for' / 'called on': a demand."""
    start, rest = item.opening(f)
    m = _CALL_FOR_RE.match(rest) if item.cue.lemma == "call" else None
    if m is None:
        return False
    cl = f.clauses.clause(start + m.end(), item.sb)
    if cl is not None and clause_ok(f.doc, *cl):
        f.add(
            f.clauses.content_parts(*cl),
            Rule.CALL_FOR,
            confidence(Rule.CALL_FOR) + speaker_bonus(f.text, item.speaker),
            item.cue,
            item.speaker,
        )
    return True


@register(
    Rule.DESCRIBED_AS,
    Stage.CUE,
    confidence=0.8,
    example='Ruiz described the budget as "⟦a work of fiction.⟧", …, calling it "⟦reckless.⟧"',
)
def described_as(f: Finder, item: CueItem) -> bool:
    """A describing cue takes the first unused quote within 120 characters."""
    if item.cue.lemma not in DESCRIBE_CUES:
        return False
    if item.cue.lemma in NAMING_LEMMAS and naming_participle(f.text, item.speaker, item.cue.end):
        return True  # guard naming-participle: 'a new play called "The Toll Keeper"'
    # guard described-object: with no quote to take, "decried", "derided",
    # "hailed" (frame object-message) report their object (rule
    # subject-cue-object: "Osei decried ⟦the new toll⟧")
    return _described(f, item.cue, item.speaker, item.opening(f)[0], item.sb) or (
        item.cue.lemma not in OBJECT_ATTRIBUTION_CUES
    )


declare(
    Rule.DESCRIBED_OBJECT_QUOTE,
    Stage.CUE,
    confidence=0.8,
    example="Osei called ⟦the new toll “daylight robbery.”⟧ / described ⟦the pier as “a ruin”⟧ (mixed)",
    summary="rule described-as with words between the cue and the quote: the object and the quote are one mixed quote",
)


def _described(f: Finder, cue: CueMatch, sp: Pair | None, start: int, sb: int) -> bool:
    """Propose the first unused quote within 120 characters; True when one is taken."""
    text = f.text
    for r in f.doc.regions_starting_in(start, min(sb, start + 120)):
        idx = f.doc.region_index(r)
        if idx in f.used_regions:
            continue
        f.used_regions.add(idx)
        obj = _described_object(f, r, skip_ws(text, start, sb), sb)
        if obj is None:
            conf = confidence(Rule.DESCRIBED_AS) + speaker_bonus(text, sp)
            parts = f.region_parts(r)
            if (gap := described_gap(text, sp, cue.end, r.open_start)) is not None:  # rule described-gap
                pronoun, as_start = gap
                parts = [pronoun, (parts[0][0] if as_start is None else as_start, parts[0][1]), *parts[1:]]
            f.add(parts, Rule.DESCRIBED_AS, conf, cue, sp)
        else:
            conf = confidence(Rule.DESCRIBED_OBJECT_QUOTE) + speaker_bonus(text, sp)
            f.add([obj], Rule.DESCRIBED_OBJECT_QUOTE, conf, cue, sp)
        return True
    return False


def _described_object(f: Finder, r: QuoteRegion, obj: int, sb: int) -> Pair | None:
    """Rule ``described-object-quote``: when an object stands between the cue
    and the quote ('called the plan "a disaster"'), the object and the quote
    are one mixed quote, as PolNeAR annotates them, and the words after the
    quote up to the end of the phrase go with it ('"a hater" who had
    "railroaded" him'): up to a comma, a dash, "and", "but", "while", "as" or
    the next cue ('"a tax on hope," saying ...'). None, and the quote alone,
    for a pronoun object other than a person's or an object with "as"
    ('calling it "reckless"', 'described the U.S. attitude as a "robbery in
    broad daylight"'), as the seed documents annotate them (the syntax
    engine adds only wholly quoted candidates of this engine), for a quote
    right after the cue, and for one after a comma or colon (a direct
    quote). Guard ``person-pronoun-object``: a person's pronoun is an object
    like a name ('calling him "a total stiff"', as PolNeAR annotates it)."""
    text = f.text
    if not (r.close_len and len(r.parts) == 1 and any(ch.isalnum() for ch in text[obj : r.open_start])):
        return None
    between = text[obj : r.open_start].strip().lower()
    if (between in _OBJECT_PRONOUNS and between not in _PERSON_PRONOUNS) or "as" in between.split():
        return None
    if text[last_nonspace(text, obj, r.open_start) - 1] in ",:":
        return None  # ('called rather than said to him, "Your lunch is served."': a direct quote)
    end = r.outer_end
    cl = f.clauses.clause(obj, sb)
    if cl is not None and cl[1] > end:
        stop = cl[1]
        stop = _phrase_stop(text, end, stop)
        cues = f.doc.cues_between(end, stop)
        if cues:
            stop = cues[0].start
        end = max(end, last_nonspace(text, end, stop))
    return obj, end


def _phrase_stop(text: str, a: int, b: int) -> int:
    """Where the words after a describing quote end in ``[a, b)``: at a comma,
    semicolon, colon, bracket, a spaced dash or a spaced "and", "but",
    "while", "as" (word tests, no regex: see guard trailing-adjunct)."""
    i = a
    while i < b:
        ch = text[i]
        if ch in ",;:(":
            return i
        if ch.isspace():
            j = i + 1
            while j < b and not text[j].isspace():
                j += 1
            w = text[i + 1 : j]
            if j < b and (w.lower() in _PHRASE_STOP_WORDS or (w and all(c in "—–-" for c in w) and len(w) <= 2)):
                return i
        i += 1
    return b


@register(Rule.CUE_TO_INFINITIVE, Stage.CUE, confidence=0.25, example="The union has pledged ⟦to strike⟧.")
def cue_to_infinitive(f: Finder, item: CueItem) -> bool:
    """An intention or promise: a cue of the infinitive frame before "to" + verb
    (rule promise-to for a cue of the promise frame)."""
    start, rest = item.opening(f)
    if rest[:1] not in "tT" or not _TO_INF_RE.match(rest):
        return False
    if item.cue.lemma in INFINITIVE_CUES:
        cl = f.clauses.clause(start, item.sb)
        # rule promise-to: 'vowed to', 'promised to', 'threatened to'
        rule = Rule.PROMISE_TO if item.cue.lemma in PROMISE_CUES else Rule.CUE_TO_INFINITIVE
        # guard quoted-pledge: 'pledged to "sweep the harbour clean"' quotes
        # the pledge's words (polnear-train: 7 of 8 matched; unquoted 10 of 35)
        if cl and item.cue.lemma == "pledge" and f.doc.regions_starting_in(*cl):
            rule = Rule.PROMISE_TO
        if cl:
            f.add(f.clauses.content_parts(*cl), rule, confidence(rule), item.cue, item.speaker)
    return True


declare(
    Rule.PROMISE_TO,
    Stage.CUE,
    confidence=0.45,
    example="The union has vowed ⟦to strike in May⟧.",
    summary="cue-to-infinitive after a cue of frame 'promise' (vow, promise, threaten): a pledge, kept",
)


def _reported(f: Finder, item: CueItem) -> tuple[Pair, bool, bool] | None:
    """The clause after the cue, whether "that" opens it, whether it is
    quoted (read once per cue)."""
    if item._reported is False:
        start, rest = item.opening(f)
        cl = f.clauses.clause(start, item.sb)
        has_that = rest[:1] in "tT" and THAT_RE.match(rest) is not None
        # after "that", "no", "nothing", "so" open a clause ("added that no
        # jobs would go"); without it they are an answer ("said no")
        if (
            cl is None
            or not (source_clause_ok if has_that else clause_ok)(f.doc, *cl)
            or (cl[1] - cl[0] <= TIME_ONLY_MAX and time_only(f.text, *cl))
        ):
            item._reported = None  # (guard time-only: "the Gazette reported just today")
        else:
            item._reported = cl, has_that, f.doc.in_quote(cl[0])
    return item._reported  # type: ignore[return-value]  # (False replaced above)


def _quoted_predicate(f: Finder, lemma: str, cl: Pair) -> bool:
    """Guard ``quoted-predicate`` (:mod:`quoteattr.quoted_words`): a cue
    outside frame object-message whose object holds a quote that opens
    inside it with a lowercase word reports the object as a clause."""
    return lemma not in OBJECT_ATTRIBUTION_CUES and quote_opens_inside(f.doc, *cl)


@register(Rule.SUBJECT_CUE_OBJECT, Stage.CUE, confidence=0.45, example="Warren blasted ⟦him for not paying taxes⟧")
def subject_cue_object(f: Finder, item: CueItem) -> bool:
    """Without "that", a cue whose object is no clause: PolNeAR-style
    attributions whose content is the object, kept at low confidence."""
    rep = _reported(f, item)
    if rep is None:
        return True
    cl, has_that, quoted = rep
    lemma = item.cue.lemma
    if (
        has_that
        or quoted
        or not (lemma in NP_OBJECT_CUES or (lemma not in CLAUSAL_CUES and not looks_like_clause(f.doc, *cl)))
    ):
        return False
    if _quoted_predicate(f, lemma, cl):
        return False  # rule subject-cue-clause: 'pledged a "political revolution"'
    if lemma in OBJECT_ATTRIBUTION_CUES:
        # guard passive-object: after a form of "be" an -ed form is passive
        # and what follows is no object ("the scene is described in a
        # voiceover", "Osei was blasted for the toll")
        if item.cue.form_kind == "past" and _PASSIVE_RE.search(item.prev(f)[1]):
            return True
        conf = confidence(Rule.SUBJECT_CUE_OBJECT) + speaker_bonus(f.text, item.speaker)
        cl = cl[0], cut_object_predicate(f.doc, *cl)  # "blasted X and signaled ..."
        f.add(f.clauses.content_parts(*cl), Rule.SUBJECT_CUE_OBJECT, conf, item.cue, item.speaker)
    return True


@register(
    Rule.SUBJECT_CUE_CLAUSE, Stage.CUE, confidence=0.85, example="The mayor said (that) ⟦the bridge would reopen⟧."
)
def subject_cue_clause(f: Finder, item: CueItem) -> bool:
    """The speaker, the cue and the reported clause (0.75 without "that";
    a thought cue takes 0.65 off, below the default threshold)."""
    rep = _reported(f, item)
    if rep is None:
        return True
    cl, has_that, _quoted = rep
    if (
        not has_that
        and f.text.startswith("in", cl[0])
        and adjunct_only(f.doc, *cl)
        and not _ADVERB_PASSIVE_RE.search(item.prev(f)[1])
    ):
        # guard adjunct-only: 'the Gazette reported in 1991.' (a passive
        # keeps it: "is explained in an affidavit", "was then disclosed in
        # the following manner" name where the words are)
        return True
    conf = (confidence(Rule.SUBJECT_CUE_CLAUSE) if has_that else CLAUSE_WITHOUT_THAT) + speaker_bonus(
        f.text, item.speaker
    )
    if item.subjectless:
        conf -= SUBJECTLESS_PENALTY
    if item.cue.cue_class is CueClass.THOUGHT:
        conf -= THOUGHT_PENALTY
    f.add(f.clauses.content_parts(*cl), Rule.SUBJECT_CUE_CLAUSE, conf, item.cue, item.speaker)
    return True


# --- stage adjust ---------------------------------------------------------------------
_NOT_HEADLINE_RULES = frozenset({Rule.TRANSCRIPT_SPEAKER, Rule.COLON_QUOTE, Rule.COLON_BLOCK})


@register(Rule.HEADLINE, Stage.ADJUST, example="Russia threatens retaliatory measures over seized US mansions")
def headline(f: Finder, c: Candidate) -> bool:
    """A sentence with no final punctuation that is short (12 words or
    fewer) or in title case is a headline or caption: a quote read from
    its cue keeps 0.35 of its confidence. A long unpunctuated bullet point
    is kept."""
    if c.cue is None or c.rule in _NOT_HEADLINE_RULES:
        return False
    text = f.text
    sa, sb = f.doc.sentence(c.cue[0])
    last = text[sb - 1] if sb > sa else ""
    if last in ".!?…:;\"”'’)" or sb - sa > 200:
        return False
    words = f.doc.words(sa, sb)
    if len(words) <= 12 or _title_case(words):
        c.confidence *= HEADLINE_FACTOR
    return False
