"""Short phrases around a speaker noun phrase, for :func:`quoteattr.chunker.np_left`
(rules ``time-phrase`` and ``ratio-subject``).

:func:`time_phrase` measures a time phrase between a subject and its cue
("The port authority last month said"), :func:`ratio_phrase` finds the start
of a poll ratio that is a subject ("One in five say"). Both read the tokens
the chunker reads; neither imports it.
"""

from __future__ import annotations

from .index import Pair
from .lexicons import load_rows
from .npwords import AUX_FILLER, DAYS, DETERMINERS, FUNCTION_WORDS, PRONOUNS, QUANTITY_HEADS, ROLE_NOUNS, norm

__all__ = ["of_phrase", "ratio_phrase", "time_phrase"]

#: Rule ``time-phrase``: the units of a time phrase between a subject and
#: its cue, and the words that open one without a day name.
_TIME_UNITS = frozenset(["morning", "afternoon", "evening", "night", "week", "weekend", "month", "year"])
_TIME_OPENERS = frozenset(["last", "this", "next", "late", "early", "earlier", "later"])


def time_phrase(text: str, toks: list[Pair], i: int) -> int:
    """Rule ``time-phrase``: how many tokens a time phrase that ends at
    ``toks[i]`` holds, 0 for none: "The port authority last month said"
    (2), "Tom Ode on Friday night warned" (1: the unit; the day and "on"
    are skipped as days are). A phrase opened by a day name leaves the
    day to the caller; "late last week" gives 3."""
    if i == 0 or norm(text[toks[i][0] : toks[i][1]]) not in _TIME_UNITS:
        return 0
    prev = norm(text[toks[i - 1][0] : toks[i - 1][1]])
    if prev in DAYS:
        return 1
    if prev not in _TIME_OPENERS:
        return 0
    if i > 1 and norm(text[toks[i - 2][0] : toks[i - 2][1]]) in ("late", "early"):
        return 3
    return 2


#: Rule ``ratio-subject``: the number words of "one in five", and the
#: words that may open such a phrase.
_NUMBER_WORDS = frozenset(w for w, kind in load_rows("number_words.txt") if kind == "unit")
_NUMBER_TENS = frozenset(w for w, kind in load_rows("number_words.txt") if kind == "tens")
_APPROXIMATORS = frozenset(["about", "almost", "nearly", "roughly", "only", "just"])


def _number_word(w: str) -> bool:
    """Rule ``ratio-subject``: digits or a number word up to ten."""
    return w.isdigit() or norm(w) in _NUMBER_WORDS


def ratio_phrase(text: str, toks: list[Pair], i: int) -> int | None:
    """Rule ``ratio-subject``: the first token of a poll ratio that ends at
    ``toks[i]``: "One in five say" -> "One in five", "About three in 10
    said" -> "About three in 10"; None for anything else ("He lived in
    five" has no number before "in")."""
    if i < 2 or norm(text[toks[i - 1][0] : toks[i - 1][1]]) != "in":
        return None
    if not (_number_word(text[toks[i][0] : toks[i][1]]) and _number_word(text[toks[i - 2][0] : toks[i - 2][1]])):
        return None
    start = i - 2
    if start > 0 and norm(text[toks[start - 1][0] : toks[start - 1][1]]) in _APPROXIMATORS:
        start -= 1
    return start


#: Rule ``of-phrase-subject``: heads of a subject "<head> of <noun phrase>"
#: besides the quantity, role and source nouns: collective and amount nouns
#: ("A number of readers", "a trio of PACs", "dozens of lawmakers").
_OF_HEADS = frozenset(
    ["number", "trio", "pair", "couple", "handful", "dozens", "hundreds", "thousands", "millions", "host", "lot"]
) | frozenset(["each", "either", "neither", "several", "any", "families", "friends"])
#: Object pronouns after "of" ("several of them", "most of us").
_OF_PRONOUNS = frozenset(["them", "us"])
_OF_APPROXIMATORS = _APPROXIMATORS | {"nearly", "over", "under", "some", "a", "the", "another"}
#: Words of the noun phrase after "of" besides lower-case modifiers.
_OF_DETERMINERS = frozenset(["the", "his", "her", "its", "their", "our", "those", "these", "all", "my", "your"])


#: Adjectives of an amount ("a strong majority of", "a small number of").
_AMOUNT_ADJECTIVES = frozenset(["strong", "large", "slim", "narrow", "clear", "small", "vast", "overwhelming", "bare"])


def _amount_word(w: str) -> bool:
    """A word that may open an amount before "of": an approximator, a
    determiner, a number ("16", "Seventy-four") or an amount adjective."""
    low = norm(w)
    return (
        low in _OF_APPROXIMATORS
        or low in _AMOUNT_ADJECTIVES
        or w.replace(",", "").replace(".", "").isdigit()
        or all(_number_word(p) or p in _NUMBER_TENS for p in low.split("-"))
    )


def _plural_noun(w: str) -> bool:
    """A lower-case word that looks like a plural noun ("officials", "voters";
    not "press", "various")."""
    return w.isalpha() and w.islower() and w.endswith("s") and not w.endswith(("ss", "ous", "us", "is"))


#: Rule ``of-phrase-subject``: words that cannot stand inside the noun phrase
#: after "of", and the prepositions that make the whole phrase an object.
_OF_SKIP = FUNCTION_WORDS | AUX_FILLER | DETERMINERS | PRONOUNS | DAYS
_OF_PREPOSITIONS = FUNCTION_WORDS - {"and", "but", "or", "nor", "so", "yet"}


def of_phrase(text: str, toks: list[Pair], i: int) -> int | None:
    """Rule ``of-phrase-subject``: the first token of a subject "<head> of
    <noun phrase>" whose noun phrase ends at ``toks[i]``: "Many of the
    speakers", "None of the officials", "several of them", "A number of
    readers", "the board of elections"; None for anything else ("In eight of
    nine states", "a couple of cursory" -- no plural noun ends it).

    The noun phrase after "of" ends in a plural noun or "them"/"us" and
    holds at most four words; the head before "of" is an amount ("many",
    "half", "a number", "dozens", a number) or a role noun ("the board").
    """
    skip = _OF_SKIP
    w = text[toks[i][0] : toks[i][1]]
    low = norm(w)
    if not (_plural_noun(w) or low in _OF_PRONOUNS) or (low in skip and low not in _OF_PRONOUNS):
        return None
    j = i - 1
    while j >= 0 and i - j <= 4:
        tok = text[toks[j][0] : toks[j][1]]
        v = norm(tok)
        if v == "of":
            break
        if not tok[:1].isalnum() or (v in skip and v not in _OF_DETERMINERS and not v.endswith("'s")):
            return None
        j -= 1
    else:
        return None
    if j < 1:
        return None
    head = norm(text[toks[j - 1][0] : toks[j - 1][1]])
    amount = head in QUANTITY_HEADS or head in _OF_HEADS or _number_word(head) or head.endswith("%")
    if not amount and head not in ROLE_NOUNS:
        return None
    start = j - 1
    # "nearly half of", "a handful of", "16 percent of", "A strong majority of"
    while start > 0 and j - start < 5 and _amount_word(text[toks[start - 1][0] : toks[start - 1][1]]):
        start -= 1
    # not the object of a preposition: "In eight of nine states ..."
    if start > 0 and norm(text[toks[start - 1][0] : toks[start - 1][1]]) in _OF_PREPOSITIONS:
        return None
    return start
