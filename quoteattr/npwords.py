"""The word classes the speaker noun-phrase readers of :mod:`quoteattr.chunker` use.

Each class is a package lexicon (``quoteattr/lexicons/*.txt``), loaded once;
the predicates here say what a single token can be in a speaker noun phrase:
:func:`np_token` (a part of one: "Councillor", "Ruiz", "ministry") and
:func:`np_head` (its last word: "Ruiz", "he", "percent", but not "Friday" or
"the"). :mod:`quoteattr.chunker` walks the tokens; this module only classifies
them.

Example:
    >>> np_head("Kimani"), np_head("Friday"), np_token("ministry")
    (True, False, True)
"""

from __future__ import annotations

from .lexicons import load_rows, load_set

__all__ = [
    "AUX_FILLER",
    "DAYS",
    "DETERMINERS",
    "DOTTED",
    "FUNCTION_WORDS",
    "LEADING_JUNK",
    "PRONOUNS",
    "QUANTITY_HEADS",
    "ROLE_NOUNS",
    "SOURCE_NOUNS",
    "TITLES",
    "WEEKDAYS",
    "is_cap",
    "norm",
    "np_head",
    "np_token",
]

TITLES = load_set("titles.txt")
ROLE_NOUNS = load_set("role_nouns.txt")
SOURCE_NOUNS = load_set("source_nouns.txt")
#: Subject pronouns that can be a speaker ("he said").
PRONOUNS = load_set("speaker_pronouns.txt")
#: Determiners and possessives that open a noun phrase ("the ministry", "his aide").
DETERMINERS = load_set("np_determiners.txt")
#: Heads of quantity phrases that speak for people in polls and reports:
#: "Another 19 percent said", "Most said", "Others argued".
QUANTITY_HEADS = load_set("np_quantity_heads.txt")
#: Words that may stand between a subject and its cue verb and are skipped:
#: auxiliaries, negation, frequent adverbs ("Lavrov has also said").
AUX_FILLER = load_set("np_aux_fillers.txt")
#: Temporal words that may stand between subject and cue ("Zakharova on Friday
#: indicated"), or between a cue and its clause ("said Tuesday that").
DAYS = load_set("days.txt")
#: The full weekday names of :data:`DAYS` ("Monday" is no name either).
WEEKDAYS = frozenset(day for day, kind in load_rows("days.txt") if kind == "weekday")
#: Function words that are capitalised at a sentence start but never head a
#: speaker noun phrase ("To understand Putin, ..." has no speaker "To").
FUNCTION_WORDS = load_set("np_function_words.txt")
#: Words dropped from the front of a noun phrase ("But Peskov said").
LEADING_JUNK = load_set("np_leading_junk.txt")
#: Title abbreviations whose period stays inside a name: "Sen. Mark Ode", "Leonard E. Burman".
DOTTED = load_set("dotted_titles.txt")


def is_cap(w: str) -> bool:
    """True for a word that starts with a capital letter or a digit."""
    c = w[:1]
    return c.isupper() or c.isdigit()


def norm(w: str) -> str:
    """*w* lower-cased, without final periods, with a straight apostrophe."""
    # (hot: 40,000 calls over PolNeAR dev; most words have no curly
    # apostrophe, and the test by operator calls no method)
    w = w.lower().rstrip(".")
    return w.replace("’", "'") if "’" in w else w


def np_token(w: str) -> bool:
    """True for a token that can be part of a speaker noun phrase."""
    c = w[:1]
    if c.isupper() or c.isdigit():  # (is_cap, inlined, before any lowercasing)
        return True
    low = norm(w)
    return low in ROLE_NOUNS or low in TITLES or low in SOURCE_NOUNS


def np_head(w: str) -> bool:
    """True for a token that can end (head) a speaker noun phrase."""
    low = norm(w)
    if low in PRONOUNS:
        return True
    if low in QUANTITY_HEADS:
        return True
    if low in DETERMINERS or low in AUX_FILLER or low in DAYS or low in FUNCTION_WORDS:
        return False
    c = w[:1]
    return c.isupper() or c.isdigit() or low in ROLE_NOUNS or low in SOURCE_NOUNS  # (is_cap, inlined)
