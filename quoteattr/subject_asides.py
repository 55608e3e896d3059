"""Subjects behind an aside between commas or dashes (rules ``relative-subject``,
``subject-aside``), for :func:`quoteattr.chunker.np_left`.

When the token before a cue is a comma, the phrase before it may be an
aside that is not the subject: a relative clause ("The bank, which lent
the city millions, said"), an adverb ("Others, however, say") or a party
label ("Rep. Ann Ode, R-Pa., said"). :func:`subject_before_aside` skips it
and reads the subject before it with the reader it is given (the chunker's
own, passed in so that this module does not import the chunker).
:func:`restrictive_relative` (rule ``restrictive-relative-subject``) does the
same for a relative clause without commas ("Officials who spoke with the
newspaper said").
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from .index import Pair
from .npwords import DOTTED, PRONOUNS, norm
from .registry import Rule, Stage, declare

__all__ = [
    "DASHES",
    "initial_period",
    "is_dash",
    "restrictive_relative",
    "subject_before_aside",
    "subject_before_dashes",
]

#: A reader of the noun phrase that ends a token list (``chunker._np_left``).
Reader = Callable[[str, list[Pair]], "Pair | None"]

declare(
    Rule.RELATIVE_SUBJECT,
    Stage.PHRASE,
    example="The bank, which lent the city millions, said … → `The bank`",
    summary="a subject followed by a relative clause between commas is read before the clause",
)

declare(
    Rule.DASH_APPOSITIVE,
    Stage.PHRASE,
    example="Jo Ode — a nurse from Hull — says … → `Jo Ode`",
    summary="an aside between two dashes after the subject is skipped",
)
declare(
    Rule.SUBJECT_ASIDE,
    Stage.PHRASE,
    example="Others, however, say … → `Others`; Rep. Ann Ode, R-Pa., said → `Rep. Ann Ode`; Lena Ode, 61, said",
    summary="a comma-enclosed adverb, party label, age or share between subject and cue is skipped",
)


def initial_period(text: str, toks: list[Pair], k: int) -> bool:
    """Rule ``appositive``: the period of an initial or a title abbreviation
    does not end an appositive: "Mukasey, the attorney general under
    President George W. Bush, criticized"."""
    if text[toks[k][0] : toks[k][1]] != "." or k == 0:
        return False
    prev = text[toks[k - 1][0] : toks[k - 1][1]]
    return norm(prev) in DOTTED or (len(prev) == 1 and prev.isupper())


#: Rule ``relative-subject``: the words that open a relative clause between
#: commas after a subject.
_RELATIVE_WORDS = frozenset(["who", "which", "whose"])


def _relative_left(text: str, toks: list[Pair], comma: int, read: Reader) -> Pair | None:
    """Rule ``relative-subject``: a subject followed by a relative clause
    between commas is read before the clause: "The delegate, who backs
    Cruz, warned" -> "The delegate"; "The bank, which lent the city
    millions, said" -> "The bank". The clause holds no other comma and at
    most 25 tokens."""
    k = comma - 1
    while k > 0 and comma - k <= 25:
        w = text[toks[k][0] : toks[k][1]]
        if w == "," or (w in (".", ";", ":", "!", "?", '"', "“", "”") and not initial_period(text, toks, k)):
            break
        k -= 1
    if k <= 0 or text[toks[k][0] : toks[k][1]] != "," or k + 1 >= comma:
        return None
    if norm(text[toks[k + 1][0] : toks[k + 1][1]]) not in _RELATIVE_WORDS:
        return None
    sp = read(text, toks[:k])
    if sp is None or norm(text[sp[0] : sp[1]]) in PRONOUNS:
        return None
    return sp


#: Rule ``subject-aside``: a comma-enclosed adverb between a subject and its
#: cue ("Others, however, say"), compiled by hand.
_ASIDE_WORDS = frozenset(
    [
        "also",
        "among others",
        "for example",
        "for instance",
        "for its part",
        "for his part",
        "for her part",
        "for their part",
        "however",
        "in particular",
        "in turn",
        "instead",
        "likewise",
        "meanwhile",
        "moreover",
        "of course",
        "though",
        "too",
    ]
)
#: An age or a share between commas: "Lena Ode, 61, said"; "A third of the
#: farmers, 33%, say"; "Just over half, 52 percent, said".
_NUMBER_ASIDE_RE = regex.compile(r"\d+(?:\.\d+)?\s*(?:%|percent)?")
#: A party-and-state label after a legislator's name: "Rep. Ann Ode, R-Pa., said".
_PARTY_LABEL_RE = regex.compile(r"[RDI]-[A-Z][\w.]*")


def _aside_left(text: str, toks: list[Pair], comma: int, read: Reader) -> Pair | None:
    """Rule ``subject-aside``: the subject before a comma-enclosed adverb,
    party label, age or share: "Others, however, say" -> "Others"; "The two
    unions, for instance, argue" -> "The two unions"; "Rep. Ann Ode, R-Pa.,
    said" -> "Rep. Ann Ode"; "Lena Ode, 61, said" -> "Lena Ode"."""
    k = comma - 1
    while k > 0 and comma - k <= 5 and text[toks[k][0] : toks[k][1]] != ",":
        k -= 1
    if k <= 0 or k + 1 >= comma or text[toks[k][0] : toks[k][1]] != ",":
        return None
    inner = text[toks[k + 1][0] : toks[comma - 1][1]]
    if (
        inner.lower() not in _ASIDE_WORDS
        and _PARTY_LABEL_RE.fullmatch(inner) is None
        and not _NUMBER_ASIDE_RE.fullmatch(inner)
    ):
        return None
    if _NUMBER_ASIDE_RE.fullmatch(inner) and text[toks[k - 1][0]].isdigit():
        return None  # the year of a date: "On May 5, 2015, ..."
    return read(text, toks[:k])


def subject_before_aside(text: str, toks: list[Pair], comma: int, read: Reader) -> Pair | None:
    """The subject before the aside that ends at the comma ``toks[comma]``
    (rules ``relative-subject`` and ``subject-aside``), read by *read*; None
    when no aside ends there."""
    return _relative_left(text, toks, comma, read) or _aside_left(text, toks, comma, read)


#: Dashes that open and close an aside (rule ``dash-appositive``).
DASHES = frozenset(["—", "–", "--"])
_SENTENCE_MARKS = frozenset([".", ";", ":", "!", "?", '"', "“", "”"])


def is_dash(text: str, toks: list[Pair], k: int) -> bool:
    """True for a dash token (rule ``dash-appositive``): an en or em dash,
    or a hyphen with a space on either side or another hyphen next to it
    ("Farmers - and some millers - argue", "Farmers -- and millers -- argue")."""
    a, b = toks[k]
    w = text[a:b]
    if w in DASHES:
        return True
    if w != "-":
        return False
    before = text[a - 1 : a]
    after = text[b : b + 1]
    return before.isspace() or after.isspace() or before == "-" or after == "-"


def _dash_run_start(text: str, toks: list[Pair], k: int) -> int:
    """The first token of the run of dash tokens that ends at ``toks[k]``
    (the two hyphens of "--" are two tokens)."""
    while k > 0 and toks[k - 1][1] == toks[k][0] and is_dash(text, toks, k - 1):
        k -= 1
    return k


def subject_before_dashes(text: str, toks: list[Pair], dash: int, read: Reader) -> Pair | None:
    """Rule ``dash-appositive``: the subject before an aside between two
    dashes, read by *read*: "Jo Ode — a nurse from Hull — says" -> "Jo
    Ode"; "Farmers — and some millers — argue" -> "Farmers"; spaced
    hyphens and double hyphens are dashes too ("The two brokers - Ann Ode
    and Ben Berg - said"). The aside holds no sentence punctuation and at
    most 25 tokens."""
    dash = _dash_run_start(text, toks, dash)
    k = dash - 1
    while k > 0 and dash - k <= 25:
        w = text[toks[k][0] : toks[k][1]]
        if is_dash(text, toks, k) or (w in _SENTENCE_MARKS and not initial_period(text, toks, k)):
            break
        k -= 1
    if k <= 0 or k + 1 >= dash or not is_dash(text, toks, k):
        return None
    return read(text, toks[: _dash_run_start(text, toks, k)])


declare(
    Rule.RESTRICTIVE_RELATIVE_SUBJECT,
    Stage.PHRASE,
    example="Officials who spoke with the newspaper said … → `Officials`",
    summary="a noun phrase that ends a relative clause without commas is passed over for the one before 'who'",
)


def restrictive_relative(text: str, toks: list[Pair], read: Reader) -> Pair | None:
    """Rule ``restrictive-relative-subject``: "Officials who spoke with the
    newspaper said" -- the noun phrase before the cue ("the newspaper") ends
    a relative clause without commas; the subject is the noun phrase before
    its "who" ("Officials"). *read* is the chunker's noun-phrase reader."""
    sp = read(text, toks)
    if sp is None:
        return None
    k = len(toks) - 1
    while k > 0 and toks[k][0] > sp[0]:
        k -= 1
    # back over the lower-case words of the clause to "who" (at most six)
    j = k - 1
    while j > 0 and k - j <= 6:
        w = text[toks[j][0] : toks[j][1]]
        if norm(w) == "who":
            break
        if not (w.isalpha() and w.islower()):
            return sp
        j -= 1
    else:
        return sp
    if j == k - 1 or norm(text[toks[j][0] : toks[j][1]]) != "who" or not text[toks[j - 1][0]][:1].isalnum():
        return sp
    sp2 = read(text, toks[:j])
    return sp if sp2 is None or sp2[1] != toks[j - 1][1] or norm(text[sp2[0] : sp2[1]]) in PRONOUNS else sp2
