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
from .npwords import DAYS, norm

__all__ = ["ratio_phrase", "time_phrase"]

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
