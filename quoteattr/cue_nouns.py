"""Whether a cue word is a noun in its context (rule ``noun-cue`` and the
rules that refine it: ``name-word``, ``noun-first``, ``adverb-before-cue``,
``say-verb``, ``base-cue-that``, ``subjectless-cue``,
``plural-determiner-cue``, and guard ``relative-say-gap``).

"the rules", "Trump's claims", "a state law", "the 50 states" are nouns;
"they claim", "will say", "The memo states that ..." are verbs. Read by
:meth:`quoteattr.finder.Finder.noun_context` and, through it, by the cue
filters and :meth:`~quoteattr.finder.Finder.sentence_subject`.
"""

from __future__ import annotations

import regex

from .chunker import AUX_FILLER, DETERMINERS, FUNCTION_WORDS, QUANTITY_HEADS, ROLE_NOUNS, is_cap, last_token, norm
from .clauses import FINITE, NUMBER_WORDS
from .cues import VERBS, CueMatch
from .index import DocIndex
from .lexicons import load_set
from .model import CueClass
from .registry import Rule, Stage, declare
from .text import TOKEN_RE

__all__ = ["NOUN_FIRST_CUES", "PLURAL_DETERMINERS", "noun_context"]


def _adverb(w: str) -> bool:
    """Rule ``adverb-before-cue``: a lower-case adverb of the filler list
    ("still", "even", "just") or in -ly ("immediately"), not an auxiliary."""
    low = norm(w)
    if not w.islower() or low in FINITE:
        return False
    return low in AUX_FILLER or (low.endswith("ly") and len(low) > 4)


#: Rule ``say-verb``: the words after which "say" is a noun ("have a say",
#: "the final say", "more say in").
_SAY_ARTICLES = frozenset(["a", "an", "the", "his", "her", "its", "my", "our", "their", "your", "no", "any", "every"])
_SAY_AMOUNTS = frozenset(["final", "last", "more", "greater", "bigger", "larger", "equal", "real", "little", "much"])
_SAY_NOUN_BEFORE = _SAY_ARTICLES | _SAY_AMOUNTS | {"this", "direct", "big"}


#: Rule ``plural-determiner-cue``: words that take only a plural noun
#: ("many voters", "both parties"); a singular form after them is a verb.
PLURAL_DETERMINERS = load_set("plural_determiners.txt")

declare(
    Rule.PLURAL_DETERMINER_CUE,
    Stage.CUE,
    example="Many mention ⟦the mayor only in passing⟧; not: many claims, both sides",
    summary="a base cue form right after a determiner that takes only plurals (many, both, several, those) is a verb",
)


#: Guard ``past-like-base``: what may follow a base form that is also the
#: past form ("read") when it is the past verb.
_PAST_AFTER_RE = regex.compile(r"""[ \t]*(?:[,:.]|[\"“‘'])""")

#: Rule ``base-cue-that``: "that" right after a cue word.
_THAT_AFTER_RE = regex.compile(r"\s+that\b")


def _subject_word(w: str) -> bool:
    """Rule ``adverb-before-cue``: a word that can end a subject before an
    adverb and a base cue form: a plural or a name ("supporters", "Russians"),
    a quantity ("16 percent", "most") or a role noun; not an auxiliary,
    "not", "to" or a pronoun of the singular."""
    low = norm(w)
    if low in FINITE or low in AUX_FILLER or low in FUNCTION_WORDS or low in DETERMINERS or low.endswith("n't"):
        return False
    plural_pronoun = low in ("they", "we", "you", "i")
    return is_cap(w) or low.endswith("s") or low in QUANTITY_HEADS or low in ROLE_NOUNS or plural_pronoun


#: Cue forms that are verbs only before "that" (guard ``noun-first``).
NOUN_FIRST_CUES = load_set("noun_first_cues.txt")


#: Guard ``noun-first`` does not apply right after a quote and its speaker
#: ('"We will win," Kim Osei states.', '"No," she states'): the form is the
#: verb of the attribution there.
_QUOTE_SPEAKER_BEFORE_RE = regex.compile(
    r"(?r)[\"”’'][ \t]+(?:(?:he|she|they|it|we|i)|(?:\p{Lu}[\w.'’-]*[ \t]+){0,3}\p{Lu}[\w.'’-]*)[ \t]+$"
)


def noun_context(doc: DocIndex, cue: CueMatch, sa: int) -> bool:
    """True when the words before a base or -s cue form make it a noun.

    "the rules", "Trump's claims", "a state law" are nouns; a base form
    reads as a verb only after a modal, "to", "n't" or a plural or
    first/second person subject ("they claim", "will say", "did not say").
    """
    text = doc.text
    # "power plant rules could lead ...": a finite verb right after the
    # cue word makes the cue word its subject noun.
    nxt = TOKEN_RE.search(text, cue.end, min(len(text), cue.end + 20))
    # (guard relative-say-gap: not "say" in a relative clause, "a surge
    # which Democrats say could help him")
    if nxt is not None and norm(nxt.group()) in FINITE and not (cue.lemma == "say" and _relative_say_gap(doc, cue, sa)):
        return True
    # guard noun-first: "the 50 states", "Clinton's emails", "a state
    # senator" -- these forms are verbs only before "that"
    if text[cue.start : cue.end].lower() in NOUN_FIRST_CUES and not _QUOTE_SPEAKER_BEFORE_RE.search(
        text,
        max(0, cue.start - 80),
        cue.start,  # (from before sa: a caller may start it at the quote's end)
    ):
        return not _verb_before_that(doc, cue, sa, nxt)
    last = last_token(doc, max(sa, cue.start - 60), cue.start)
    if last is None:
        return cue.form_kind == "base"
    w = text[last[0] : last[1]]
    prev = norm(w)
    if _adverb(w) and cue.cue_class is CueClass.SPEECH:
        # rule adverb-before-cue: "Her supporters still question whether
        # ...", "Some activists even insist": a subject before the adverb
        # decides (one adverb: "still openly" is rare); after an
        # auxiliary ("could not physically continue") or for a thought
        # cue ("Locals still know the mill as ...") nothing changes
        before = last_token(doc, max(sa, last[0] - 40), last[0])
        if before is not None and _subject_word(text[before[0] : before[1]]):
            last, w = before, text[before[0] : before[1]]
            prev = norm(w)
    # rule name-word: a capitalised word inside a sentence is a name, not
    # a determiner or adjective ("Aaron Five acknowledges", "Jerry New says")
    lower_or_first = w.islower() or last[0] <= sa
    if cue.lemma == "say" and cue.type == "verb":
        return _say_is_noun(text, cue, prev, lower_or_first)
    # rule plural-determiner-cue: "Many mention the mayor only in
    # passing", "Both agree that ...", "The two admit that ...": these
    # words take only plural nouns ("many claims"), so a base form after
    # them is the verb of a plural subject (speech cues only: "those
    # doubt" is rare, "many call centres" is no report)
    if cue.form_kind == "base" and prev in PLURAL_DETERMINERS and cue.cue_class is CueClass.SPEECH:
        return False
    if (
        (prev in DETERMINERS - {"that"} and lower_or_first)
        or prev.endswith("'s")
        or (prev in ("new", "old", "own", "recent", "latest", "first") and lower_or_first)
    ):
        return True
    if cue.form_kind == "base":
        return _base_form_is_noun(doc, cue, sa, last, w)
    return False


#: Guard ``relative-say-gap``: how many words back "which" or "that" is
#: looked for ("which the Organization for Economic Cooperation and
#: Development says had ...": 7 words).
_RELATIVE_WORDS_BACK = 8


def _relative_say_gap(doc: DocIndex, cue: CueMatch, sa: int) -> bool:
    """Guard ``relative-say-gap``: "say" before a finite verb is a verb when
    "which" or "that" opens its clause a few words back, with only words
    between ("a surge which Democrats say could help him", "the kind of job
    that many economists say is the future"): the clause's subject is the
    gap. Not after "what" ("what Republicans say is overreach") or a
    subject of its own ("everything Trump says is true"): PolNeAR marks
    those differently. On polnear-train 6 of the 7 new predictions match."""
    toks = doc.tokens(max(sa, cue.start - 70), cue.start)[-_RELATIVE_WORDS_BACK:]
    for a, b in reversed(toks):
        w = norm(doc.text[a:b])
        if w in ("which", "that"):
            return True
        if not w.isalpha() or w in FINITE:
            return False
    return False


def _verb_before_that(doc: DocIndex, cue: CueMatch, sa: int, nxt: regex.Match[str] | None) -> bool:
    """Guard ``noun-first``: a noun-first cue form is a verb only before a
    "that" that opens a clause ("The memo states that ...", "Ana Ruiz
    states that ..."): not after a number or a determiner ("the 35
    states that ...", "all 50 states that ..."), and not when a finite
    verb follows the "that" (a relative clause: "Rust Belt states that
    have voted")."""
    text = doc.text
    if nxt is None or norm(nxt.group()) != "that":
        return False
    after = TOKEN_RE.search(text, nxt.end(), min(len(text), nxt.end() + 30))
    if after is None or norm(after.group()) in FINITE:
        return False
    last = last_token(doc, max(sa, cue.start - 60), cue.start)
    if last is None:
        return True
    prev = norm(text[last[0] : last[1]])
    return not (prev[:1].isdigit() or prev in DETERMINERS or prev in NUMBER_WORDS)


#: Rule ``base-cue-that``: an object pronoun ends the words read back
#: ("those around him acknowledge that ...": "those" is no determiner of
#: "acknowledge").
_OBJECT_PRONOUNS = frozenset(["him", "them", "us", "me"])


def _determiner_before(doc: DocIndex, end: int, sa: int) -> bool:
    """Rule ``base-cue-that``: the words that end at *end* (up to three,
    back to punctuation, a function word or an object pronoun) hold a
    determiner or a possessive: "the debunked", "a new federal"."""
    for a, b in reversed(doc.tokens(max(sa, end - 40), end)[-3:]):
        v = norm(doc.text[a:b])
        if (v in DETERMINERS and v != "that") or v.endswith("'s"):
            return True
        if not v.isalpha() or v in FUNCTION_WORDS or v in _OBJECT_PRONOUNS:
            return False
    return False


def _say_is_noun(text: str, cue: CueMatch, prev: str, lower_or_first: bool) -> bool:
    """Rule ``say-verb``: "say" is a noun only after an article, a
    possessive or a word of amount ("a say", "their say", "Ode's say", "the
    final say", "more say"); elsewhere it is the verb: "those surveyed say",
    "majorities in all five say", "Others, however, say", "Let me just say"
    (", say," is "for example": "than, say, a tax"; "and say" coordinates a
    verb whose subject the chunker does not read)."""
    aside = prev == "," and text.startswith(",", cue.end)
    return (
        (prev in _SAY_NOUN_BEFORE and lower_or_first)
        or prev.endswith("'s")
        or aside
        or (prev in ("and", "or") and cue.form_kind == "base")
    )


def _base_form_is_noun(doc: DocIndex, cue: CueMatch, sa: int, last: tuple[int, int], w: str) -> bool:
    """A base cue form after the word *w* (at *last*) is a noun unless a
    modal, "to", "n't", a plural or first/second person subject or a
    clause-opening "that" makes it a verb."""
    text = doc.text
    prev = norm(w)
    # guard past-like-base: "read" (and "bet", "forecast", ...) is its own
    # past: before a quote, a comma, a colon or a full stop it is the verb
    # of a sign's or a letter's words ('The banner read: "..."', '"...," the
    # letter read.'); "a good read" before other words stays a noun
    entry = VERBS.get(cue.lemma)
    if entry is not None and entry.forms[2] == entry.forms[0] and _PAST_AFTER_RE.match(text, cue.end):
        return False
    if (
        prev in FINITE
        or prev in ("to", "not", "never", "also", "i", "we", "you", "they", "who")
        or prev.endswith("n't")
    ):
        return False
    # rule base-cue-that: "Cement makers, for instance, argue that
    # ...", "... and warn that ...": a base form that "that" follows
    # is a verb (a noun before "that" has its determiner: "the
    # claim that"), unless a preposition precedes ("amid concern that")
    # (not after a determiner one or two words back: "the debunked
    # claim that", "a new federal rule that" are nouns)
    if (
        _THAT_AFTER_RE.match(text, cue.end)
        and (prev not in FUNCTION_WORDS or prev in ("and", "or", "but"))
        and not _determiner_before(doc, last[1], sa)
    ):
        return False
    plural_subject = (
        (prev.endswith("s") and prev not in AUX_FILLER)
        or prev in QUANTITY_HEADS
        or prev in ROLE_NOUNS
        or prev in ("people", "men", "women", "children", "police", "staff", "public", "they")
        or is_cap(w)
        # rule subjectless-cue: "47% say", "a third say", "lately say"
        or w.endswith("%")
        or prev in ("percent", "third", "half", "quarter", "majority", "minority", "lately", "privately")
    )
    return not plural_subject
