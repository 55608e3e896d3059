"""Guards against shapes that look like an attribution and are none (issue
16): the words a pattern would report are a title, or an adjunct of the cue
rather than what was said. Used by :mod:`quoteattr.patterns_regions` (rule
direct-bare) and :mod:`quoteattr.patterns_cues` (rule subject-cue-clause).
"""

from __future__ import annotations

import regex

from .clauses import looks_like_clause
from .index import DocIndex
from .lexicons import load_set

__all__ = [
    "NAMING_LEMMAS",
    "adjunct_only",
    "naming_participle",
    "time_only",
    "title_by_author",
    "work_title",
]


# Guard ``title-by-author`` (rule direct-bare): a quote followed by "by" and
# a name is the title of a written work, not words someone said:
# 'the novel "A Long Winter," by Ana Ruiz, ...', '—"Ferry fares to rise," by
# the Gazette's Tom Bell: ...'. The name opens with a capital, or with "the"
# and a capital. On polnear-train the 14 bare quotes of this shape matched
# no gold quote.
_BY_AUTHOR_RE = regex.compile(r"[ \t]*,?[ \t]*by[ \t]+(?:the[ \t]+)?\p{Lu}")


def title_by_author(text: str, end: int) -> bool:
    """The quote that closes at *end* is a title: "by" and a name follow it
    (guard ``title-by-author``)."""
    return text[end : end + 1] in (" ", ",", "\t") and _BY_AUTHOR_RE.match(text, end, end + 40) is not None


# Guard ``adjunct-only`` (rule subject-cue-clause): the words after the cue
# open with "in" and hold no clause: "..., the mayor wrote in her memo.",
# "the Gazette reported in 1991", "Osei said in part" report nothing (the
# quote or clause they attribute stands before them). Words with a finite
# verb, a "that" or a quotation mark keep their clause ("said in 2012 the
# pier had closed", "said in 2012 that ...", 'said in a post, "..."'), and
# so do "in favor of" / "in support of", the cue's object ("argued in favor
# of the toll"), and a particle "in" before "to" or "on" ("was sworn in to
# serve", "weighed in on the toll").
_IN_RE = regex.compile(r"in[ \t]+(?!(?:favou?r|support)[ \t]+of\b|to\b|on\b)")
_CLAUSE_MARK_RE = regex.compile(r"\bthat\b|[\"“”‘’']|''")


def adjunct_only(doc: DocIndex, a: int, b: int) -> bool:
    """The clause ``[a, b)`` is a lone "in" phrase (guard ``adjunct-only``)."""
    text = doc.text
    return (
        text.startswith("in", a)
        and _IN_RE.match(text, a, b) is not None
        and _CLAUSE_MARK_RE.search(text, a, b) is None
        and not looks_like_clause(doc, a, b)
    )


# Guard ``naming-participle`` (rule described-as): "called" or "dubbed"
# right after an indefinite noun phrase and right before the quote names a
# thing, it reports no one's words: 'a new play called "The Toll Keeper"',
# 'an app dubbed "Harbour Watch"'. "The mayor called it "a ruin"" (an object
# between) and "Osei called "a ruin" ..." (a name) stay with the rule.
_INDEFINITE_RE = regex.compile(r"(?i)an?[ \t]")
_OPENING_MARK_RE = regex.compile(r"[ \t]*(?:[\"“‘'«„]|``)")
NAMING_LEMMAS = frozenset(["call", "dub", "name", "title"])


def naming_participle(text: str, speaker: tuple[int, int] | None, cue_end: int) -> bool:
    """The cue that ends at *cue_end* names the thing its indefinite
    *speaker* phrase is (guard ``naming-participle``)."""
    return (
        speaker is not None
        and _INDEFINITE_RE.match(text, speaker[0], speaker[1]) is not None
        and _OPENING_MARK_RE.match(text, cue_end, cue_end + 4) is not None
    )


# Guard ``work-title`` (rule direct-bare): a quote in title case right after a
# noun of lexicon work_nouns.txt, perhaps with a comma or "of" between, is
# the title of that work: 'his memoir, "A Life at Sea," sold well', 'a
# co-author of "Ferries of the North."'. A quote that reads as words said
# ('In his memoir, "I never trusted the pier."') is not in title case.
_WORK_NOUNS = load_set("work_nouns.txt")
_WORK_BEFORE_RE = regex.compile(r"(?r)(\p{L}[\p{L}-]*)(?:[ \t]+of)?[ \t]*,?[ \t]*$")
_TITLE_SMALL = frozenset(
    ["a", "an", "and", "&", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "from"]
)


def work_title(text: str, open_at: int, a: int, b: int) -> bool:
    """The quote whose mark opens at *open_at* and whose words are ``[a, b)``
    is the title of a work (guard ``work-title``)."""
    m = _WORK_BEFORE_RE.search(text, max(0, open_at - 40), open_at)
    if m is None or m.group(1).lower() not in _WORK_NOUNS:
        return False
    words = text[a:b].split()
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words)


# Guard ``time-only`` (rules subject-cue-clause, subject-cue-object): words
# after the cue that are only a time adverbial report nothing: "..., the
# Gazette reported just today.", "as Osei had written a few years
# earlier", "the board has stated many times". A clause after it keeps
# the words ("said today the pier would close" is longer than the phrase).
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a[ \t]+few|a[ \t]+couple[ \t]+of|\d+)"
_TIME_ONLY_RE = regex.compile(
    r"(?i)(?:(?:just|only|as[ \t]+recently[ \t]+as|earlier|later)[ \t]+)?"
    r"(?:today|yesterday|tonight|earlier|later|recently"
    r"|" + _NUMBER + r"[ \t]+(?:days?|weeks?|months?|years?|hours?|decades?)[ \t]+(?:ago|later|earlier|before)"
    r"|(?:many|several|numerous|countless|" + _NUMBER + r")[ \t]+times)"
    r"[.,]?"
)
#: the longest time adverbial the guard reads (characters)
TIME_ONLY_MAX = 40


def time_only(text: str, a: int, b: int) -> bool:
    """The words ``[a, b)`` are a time adverbial only (guard ``time-only``)."""
    return b - a <= TIME_ONLY_MAX and _TIME_ONLY_RE.fullmatch(text, a, b) is not None
