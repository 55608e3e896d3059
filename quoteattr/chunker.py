"""Speaker noun phrases next to a cue, without a parse (rules ``speaker-left``,
``speaker-right``, ``appositive``, ``appositive-right``,
``determiner-noun-subject``, ``modified-noun-subject``, ``relative-subject``,
``subject-aside``, ``dash-appositive``, ``parenthetical-label``,
``name-suffix``, ``time-phrase``, ``quoted-appositive``, ``ratio-subject``,
``catenative-chain``, ``of-phrase-subject``, ``restrictive-relative-subject``).

:func:`np_left` reads the phrase that ends before a cue ("Finance chief Rosa
Kimani on Friday indicated" -> "Finance chief Rosa Kimani"), :func:`np_right`
the phrase that starts after one ("said Councillor Ana Ruiz"). Both read the
tokens of a :class:`~quoteattr.index.DocIndex`. What a single token can be
(a determiner, an auxiliary, a day, a title ...) is :mod:`quoteattr.npwords`,
whose word classes are package lexicons; they are re-exported here.
"""

from __future__ import annotations

from typing import Any

import regex

from .index import DocIndex, Pair
from .npwords import (
    AUX_FILLER,
    DAYS,
    DETERMINERS,
    DOTTED,
    FUNCTION_WORDS,
    LEADING_JUNK,
    PRONOUNS,
    QUANTITY_HEADS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    TITLES,
    is_cap,
    norm,
    np_head,
    np_token,
)
from .registry import Rule, Stage, declare
from .subject_phrases import of_phrase, ratio_phrase, time_phrase
from .subject_asides import (
    initial_period,
    is_dash,
    restrictive_relative,
    subject_before_aside,
    subject_before_dashes,
)
from .subject_chains import catenative_chain

__all__ = [
    "AUX_FILLER",
    "DAYS",
    "DETERMINERS",
    "FUNCTION_WORDS",
    "LEADING_JUNK",
    "NP_SHORT",
    "NP_WINDOW",
    "PRONOUNS",
    "QUANTITY_HEADS",
    "ROLE_NOUNS",
    "SOURCE_NOUNS",
    "TITLES",
    "is_cap",
    "last_token",
    "norm",
    "np_left",
    "np_right",
]

declare(
    Rule.SPEAKER_LEFT,
    Stage.PHRASE,
    example="Finance chief Rosa Kimani on Friday indicated … → `Finance chief Rosa Kimani`",
    summary="the noun phrase before a cue; auxiliaries, adverbs and days between are skipped",
)
declare(
    Rule.SPEAKER_RIGHT,
    Stage.PHRASE,
    example="said Councillor Ana Ruiz → `Councillor Ana Ruiz`",
    summary="the noun phrase after a cue",
)
declare(
    Rule.APPOSITIVE,
    Stage.PHRASE,
    example="Tomas Berg, the head of the port, said → `Tomas Berg, the head of the port`",
    summary="'Name, role,' or 'Role, Name,' before a cue",
)
declare(
    Rule.APPOSITIVE_RIGHT,
    Stage.PHRASE,
    example="said Victor Cha, a Korea scholar at the Center for Strategic Studies.",
    summary="an appositive after the speaker that runs to the end of the sentence belongs to it",
)
declare(
    Rule.DETERMINER_NOUN_SUBJECT,
    Stage.PHRASE,
    example="Still, the fund warned that … → `the fund`",
    summary="a lower-case noun with a determiner at most three words before it",
)
declare(
    Rule.PARENTHETICAL_LABEL,
    Stage.PHRASE,
    example="Sen. Mark Ode (D-Ore.) said → `Sen. Mark Ode`",
    summary="a short bracket before the cue is skipped",
)
declare(
    Rule.NAME_WORD,
    Stage.PHRASE,
    example="Theresa May said, Will Smith said, Jerry New says → the whole name",
    summary="a capitalised auxiliary, adverb or adjective next to a capitalised name is part of the name",
)

declare(
    Rule.MODIFIED_NOUN_SUBJECT,
    Stage.PHRASE,
    example="A Clinton ally suggested … → `A Clinton ally`",
    summary="a lower-case noun after up to five modifiers, capitalised words among them, back to a determiner",
)

declare(
    Rule.NAME_SUFFIX,
    Stage.PHRASE,
    example="Vice President Karl M. Ode Jr. said … → `Vice President Karl M. Ode Jr.`",
    summary="the period of 'Jr.' or 'Sr.' before a cue ends the name, not the sentence",
)
declare(
    Rule.TIME_PHRASE,
    Stage.PHRASE,
    example="The port authority last month said … → `The port authority`",
    summary="a time phrase ('last month', 'on Friday night', 'earlier this year') between subject and cue is skipped",
)

declare(
    Rule.QUOTED_APPOSITIVE,
    Stage.PHRASE,
    example="Jo Ode, host of “Farm Hour,” said … → `Jo Ode, host of “Farm Hour,”`",
    summary="an appositive whose closing comma sits inside the closing mark of a quoted title",
)

declare(
    Rule.CATENATIVE_CHAIN,
    Stage.PHRASE,
    example="Ode was quick to add that … → `Ode`; He went on to say … → `He`",
    summary="a chain 'went on to', 'was quick to', 'is likely to', 'failed to' between subject and cue is skipped",
)

declare(
    Rule.OF_PHRASE_SUBJECT,
    Stage.PHRASE,
    example="Nearly half of the tenants say … → `Nearly half of the tenants`",
    summary="an amount or role noun, 'of' and a plural noun phrase ('Many of the officials', '16 percent of voters')",
)

declare(
    Rule.RATIO_SUBJECT,
    Stage.PHRASE,
    example="About one in five said … → `About one in five`",
    summary="a poll ratio ('one in five', 'three in 10') before a cue is its subject",
)

#: Characters read on either side of a cue for its speaker noun phrase.
NP_WINDOW = 200


#: np_left first reads this many characters; the rest of NP_WINDOW only when
#: the phrase reaches further back.
NP_SHORT = 64


class _NeedMore(Exception):
    """np_left read past the tokens of its short window."""


class _Edge:
    """Stands for a token before the short window: reading it raises."""

    __slots__ = ()

    def __getitem__(self, i: int) -> int:
        raise _NeedMore


# More edge tokens than any walk of np_left's goes back without reading a
# token (the appositive search looks 25 tokens back), so that a walk reaches
# index 0 only by reading an edge token.
_EDGE_PAD: list[Any] = [_Edge()] * 32
_SPACE_RE = regex.compile(r"\s")


def np_left(doc: DocIndex, limit: int, pos: int) -> Pair | None:
    """The speaker noun phrase that ends just before *pos* (rule ``speaker-left``).

    Skips auxiliaries, adverbs and days between subject and cue ("Zakharova on
    Friday indicated" -> "Zakharova"), then takes capitalised words, titles,
    role nouns and the adjectives between them back to a determiner ("the
    Russian foreign ministry"). An appositive is kept: "Sergey Lavrov, the
    Russian foreign minister, said" -> "Sergey Lavrov, the Russian foreign
    minister".

    Most phrases end within a few words, so the tokens of the last NP_SHORT
    characters are read first, after the first whitespace there (tokens
    never hold whitespace, so from there on they are the tokens of the whole
    window), behind edge tokens that raise when read; only then are all
    NP_WINDOW characters read. The result is the same either way.
    """
    text = doc.text
    lo = max(limit, pos - NP_WINDOW)
    tail = _tail_words(doc, lo, pos, NP_SHORT)
    if tail is not None:
        try:
            return restrictive_relative(text, _EDGE_PAD + tail, _np_left)
        except _NeedMore:
            pass
    return restrictive_relative(text, doc.tokens(lo, pos), _np_left)


def _tail_words(doc: DocIndex, lo: int, hi: int, short: int) -> list[Pair] | None:
    """The tokens of ``text[lo:hi]`` that start after the first whitespace of
    its last *short* characters: the same tokens as the whole window's last
    ones (tokens never hold whitespace). None when the short window is not
    shorter or holds no whitespace."""
    if hi - short <= lo:
        return None
    space = _SPACE_RE.search(doc.text, hi - short, hi)
    return None if space is None else doc.tokens(space.end(), hi)


def last_token(doc: DocIndex, lo: int, hi: int) -> Pair | None:
    """The last token of ``text[lo:hi]``, read from a short window first (as in np_left)."""
    toks = _tail_words(doc, lo, hi, 24) or doc.tokens(lo, hi)
    return toks[-1] if toks else None


def _np_left(text: str, toks: list[Pair]) -> Pair | None:
    i = len(toks) - 1
    skipped = 0
    surname = False
    while i >= 0 and skipped < 6:
        w = text[toks[i][0] : toks[i][1]]
        low = w.lower().rstrip(".")  # (norm, inlined: the hottest loop of the chunker)
        if "’" in low:
            low = low.replace("’", "'")
        if _surname_word(text, toks, i):
            surname = True
            break
        if low in AUX_FILLER or low in DAYS or (low.endswith("ly") and not is_cap(w) and len(low) > 4):
            i -= 1
            skipped += 1
            continue
        if low in ("on",) and skipped and text[toks[i + 1][0] : toks[i + 1][1]].lower() in DAYS:
            i -= 1
            skipped += 1
            continue
        # rule catenative-chain: "He went on to say", "Ode was quick to add"
        span = time_phrase(text, toks, i) or catenative_chain(text, toks, i)
        if span:
            i -= span
            skipped += 1
            continue
        break
    if i < 0:
        return None
    # Rule ``parenthetical-label``: skip a short bracket before the cue:
    # "Sen. Lindsey Graham (R-S.C.) told ..."
    if text[toks[i][0] : toks[i][1]] == ")":
        k = i
        while k >= 0 and text[toks[k][0] : toks[k][1]] != "(" and i - k < 10:
            k -= 1
        if k > 0 and text[toks[k][0] : toks[k][1]] == "(":
            i = k - 1
    # Rule ``name-suffix``: "Vice President Karl M. Ode Jr. said" -- the
    # period of a generational suffix ends the name, not the sentence.
    stop = toks[i][1]  # (the suffix's period stays in the name)
    if i > 0 and text[toks[i][0] : toks[i][1]] == "." and norm(text[toks[i - 1][0] : toks[i - 1][1]]) in _NAME_SUFFIXES:
        i -= 1
    end_tok = toks[i]
    w = text[end_tok[0] : end_tok[1]]
    # Appositive: "..., the Russian foreign minister, said"
    if w == ",":
        return _appositive_left(text, toks, i) or subject_before_aside(text, toks, i, _np_left)
    if w in _QUOTE_MARKS and i > 1 and text[toks[i - 1][0] : toks[i - 1][1]] == ",":
        # Rule ``quoted-appositive``: the appositive's comma sits inside the
        # closing mark of a title: 'Jo Ode, host of “Farm Hour,” said'.
        sp = _appositive_left(text, toks, i - 1, quoted=True)
        return None if sp is None else (sp[0], end_tok[1])
    if is_dash(text, toks, i):
        return subject_before_dashes(text, toks, i, _np_left)
    ratio = ratio_phrase(text, toks, i)
    if ratio is not None:
        return toks[ratio][0], end_tok[1]
    # rule of-phrase-subject: "Many of the officials said", "several of them
    # indicated", "A number of readers have asked"
    part = None if surname or is_cap(w) else of_phrase(text, toks, i)
    if part is not None:
        return toks[part][0], end_tok[1]
    if not surname and not np_head(w):
        return _common_noun_np(text, toks, i) or _modified_noun_np(text, toks, i)
    if norm(w) in PRONOUNS:
        # "who" is kept as the mention ("Smith, who said ..."); coreference
        # ties it to the noun phrase before it.
        return end_tok
    start = _expand_np_left(text, toks, i)
    if start is None:
        return None
    a = toks[start][0]
    # A proper name after a sentence-initial word that is not part of it
    # ("But Peskov said"): drop leading conjunctions and adverbs.
    return a, stop


#: Rule ``name-suffix``: generational suffixes written with a period.
_NAME_SUFFIXES = frozenset(["jr", "sr"])


def _surname_word(text: str, toks: list[Pair], i: int) -> bool:
    """Rule ``name-word``: a capitalised auxiliary, adverb or number word
    right after a capitalised name is a surname, not a filler: "Theresa May
    said", "Huey Long said", "Andrew Still added", "Aaron Five said" (but
    "Ms. Ode also said")."""
    w = text[toks[i][0] : toks[i][1]]
    # (each word normalised once)
    if i == 0 or not w[:1].isupper() or not w.isalpha():
        return False
    if (lw := norm(w)) not in AUX_FILLER and lw not in DETERMINERS:
        return False
    prev = text[toks[i - 1][0] : toks[i - 1][1]]
    return prev[:1].isupper() and prev.isalpha() and (lp := norm(prev)) not in AUX_FILLER and lp not in LEADING_JUNK


def _first_name_word(text: str, toks: list[Pair], j: int) -> bool:
    """Rule ``name-word``: a capitalised auxiliary right before a capitalised
    name is a first name: "Will Smith said", "Jerry New says" (the surname
    side is :func:`_surname_word`)."""
    w = text[toks[j][0] : toks[j][1]]
    if j + 1 >= len(toks) or not w[:1].isupper() or not w.isalpha():
        return False
    nxt = text[toks[j + 1][0] : toks[j + 1][1]]
    return nxt[:1].isupper() and nxt.isalpha() and norm(nxt) not in AUX_FILLER


def _common_noun_np(text: str, toks: list[Pair], i: int) -> Pair | None:
    """Rule ``determiner-noun-subject``: 'Still, the fund warned that ...' --
    a lower-case noun with a determiner at most three words before it."""
    w = text[toks[i][0] : toks[i][1]]
    low = norm(w)
    if (
        not (w.isalpha() and w.islower())
        or low in FUNCTION_WORDS
        or low in AUX_FILLER
        or low in DAYS
        or low in DETERMINERS
    ):
        return None
    if low.endswith(("ly", "ing")):
        return None
    for j in range(i - 1, max(-1, i - 4), -1):
        v = text[toks[j][0] : toks[j][1]]
        lv = norm(v)
        if lv in DETERMINERS and lv != "that":
            return toks[j][0], toks[i][1]
        if not (v.isalpha() and v.islower()) or lv in FUNCTION_WORDS or lv in AUX_FILLER:
            return None
    return None


#: Rule ``modified-noun-subject``: how many modifiers may stand between a
#: lower-case head noun and its determiner.
_MAX_MODIFIERS = 5
#: Words that end a phrase before a noun cue but head no subject: "sought
#: more details", "holds obvious appeal" (comparatives and adjective endings).
_NOT_HEADS = frozenset(["more", "less", "much", "own", "other", "same"])
_NOT_HEAD_ENDINGS = ("ing", "ed", "ous", "ful", "ible", "able", "est")
_POSSESSIVE_RE = regex.compile(r"\S+['’]s|['’]s|\S+s['’]")
_QUOTE_MARKS = frozenset('"“”')


def _modifier(w: str) -> bool:
    """True for a word that can modify a head noun inside a subject: a
    capitalised word, a number, a possessive or a lower-case adjective
    ("A Clinton ally", "Several Cruz associates", "the bank's chief")."""
    low = norm(w)
    if low in FUNCTION_WORDS or low in AUX_FILLER or low in PRONOUNS or low in DAYS or low in LEADING_JUNK:
        return False
    if is_cap(w) or _POSSESSIVE_RE.fullmatch(w):
        return True
    return w.islower() and all(p.isalpha() for p in w.split("-")) and not low.endswith("ly")


def _modified_noun_np(text: str, toks: list[Pair], i: int) -> Pair | None:
    """Rule ``modified-noun-subject``: a lower-case head noun after up to five
    modifiers, capitalised words among them, back to a determiner: "A Clinton
    ally suggested", "the “Avatar” star posted", "Several Cruz associates
    have mentioned", "The two Democratic Party contenders are questioning"
    (rule ``determiner-noun-subject`` takes only lower-case words). The head
    is not a comparative or an adjective ("sought more details")."""
    w = text[toks[i][0] : toks[i][1]]
    low = norm(w)
    if not (w.isalpha() and w.islower()) or low in FUNCTION_WORDS or low in AUX_FILLER or low in DAYS:
        return None
    if low in DETERMINERS or low in _NOT_HEADS or low.endswith(_NOT_HEAD_ENDINGS):
        return None
    if low.endswith("ly") and len(low) > 4:
        return None
    for j in range(i - 1, max(-1, i - 1 - _MAX_MODIFIERS), -1):
        v = text[toks[j][0] : toks[j][1]]
        lv = norm(v)
        if lv in DETERMINERS and lv != "that":
            # "The two ... contenders": a determiner before a number word
            if j > 0 and norm(text[toks[j - 1][0] : toks[j - 1][1]]) in DETERMINERS - {"that"}:
                j -= 1
            return toks[j][0], toks[i][1]
        if not (v in _QUOTE_MARKS or _modifier(v)):
            return None
    return None


def _expand_np_left(text: str, toks: list[Pair], i: int) -> int | None:
    """Index of the first token of the NP whose head is toks[i]."""
    start = i
    j = i - 1
    pending = 0  # lowercase words taken tentatively ("foreign" in "the Russian foreign ministry")
    while j >= 0:
        w = text[toks[j][0] : toks[j][1]]
        low = w.lower().rstrip(".")  # (norm, inlined)
        if "’" in low:
            low = low.replace("’", "'")
        if w == "." and j > 0 and start == j + 1:
            prev_w = text[toks[j - 1][0] : toks[j - 1][1]]
            if norm(prev_w) in DOTTED or (len(prev_w) == 1 and prev_w.isupper()):
                j -= 1
                continue
        if w in (".",) or (w in ",;:()\"“”'‘’—–") or w.isspace():
            break
        if low in DETERMINERS:
            start = j
            break
        if low in ("'s", "’s") or w in ("'s", "’s"):
            start = j
            j -= 1
            continue
        if low == "of" and j > 0 and np_token(text[toks[j - 1][0] : toks[j - 1][1]]):
            j -= 1
            pending += 1
            continue
        if (
            np_token(w)
            and (low not in AUX_FILLER or _first_name_word(text, toks, j))
            and low not in DAYS
            and low not in LEADING_JUNK
        ):
            start = j
            pending = 0
            j -= 1
            continue
        if low.endswith("'s") and w[:1].islower() and pending < 2:
            # a possessive modifier: "the bank's chief economist"
            pending += 1
            j -= 1
            continue
        if w.islower() and w.isalpha() and pending < 2 and low not in AUX_FILLER and low not in PRONOUNS:
            pending += 1
            j -= 1
            continue
        break
    # drop sentence-initial junk ("But Peskov")
    while start < i and norm(text[toks[start][0] : toks[start][1]]) in LEADING_JUNK:
        start += 1
    # lowercase modifiers are kept only under a determiner or a capitalised word
    first = text[toks[start][0] : toks[start][1]]
    if first.islower() and norm(first) not in DETERMINERS and norm(first) not in ROLE_NOUNS | SOURCE_NOUNS:
        while start < i and text[toks[start][0] : toks[start][1]].islower():
            start += 1
    return start


def _appositive_left(text: str, toks: list[Pair], comma: int, *, quoted: bool = False) -> Pair | None:
    """Rule ``appositive``: 'Name, role,' or 'Role, Name,' before a cue.

    "Sergey Lavrov, the Russian foreign minister, said" and "Megan Hill,
    senior associate at the institute, said" give 'Name, role'; "The state's
    campaign chairman, Phil Lovas, said" gives 'role, Name'. One side must be
    a proper name and the other must hold a role noun, title or determiner.
    """
    # the previous comma, within 25 tokens, with no sentence punctuation between
    k = comma - 1
    while k >= 0 and comma - k <= 25:
        w = text[toks[k][0] : toks[k][1]]
        if w == ",":
            break
        if w in (".", ";", ":", "!", "?", '"', "“", "”") and not initial_period(text, toks, k):
            if not (quoted and w in _QUOTE_MARKS):
                return None
        k -= 1
    if k <= 0 or text[toks[k][0] : toks[k][1]] != ",":
        return None
    inner = [text[a:b] for a, b in toks[k + 1 : comma] if not (quoted and text[a:b] in _QUOTE_MARKS)]
    if not inner or any(norm(w) in AUX_FILLER - {"also"} for w in inner):
        return None
    first = (
        np_head(text[toks[k - 1][0] : toks[k - 1][1]]) and norm(text[toks[k - 1][0] : toks[k - 1][1]]) not in PRONOUNS
    )
    if not first:
        return None
    n0 = _expand_np_left(text, toks, k - 1)
    if n0 is None:
        return None
    outer_words = [text[a:b] for a, b in toks[n0:k]]
    inner_role = norm(inner[0]) in DETERMINERS or any(norm(w) in ROLE_NOUNS or norm(w) in TITLES for w in inner)
    inner_name = all(is_cap(w) or w in ".-'’" for w in inner) and is_cap(inner[0])
    outer_role = any(norm(w) in ROLE_NOUNS or norm(w) in TITLES for w in outer_words)
    outer_name = is_cap(outer_words[-1])
    if not ((outer_name and inner_role) or (outer_role and inner_name)):
        return None
    return toks[n0][0], toks[comma - 1][1]


def np_right(doc: DocIndex, pos: int, limit: int) -> Pair | None:
    """The speaker noun phrase that starts at *pos* (rule ``speaker-right``).

    "said Peskov." -> "Peskov"; "said the Kremlin spokesman, Dmitry Peskov."
    -> "the Kremlin spokesman, Dmitry Peskov"; "said he" -> "he".
    """
    text = doc.text
    toks = doc.tokens(pos, min(limit, pos + NP_WINDOW))
    if not toks:
        return None
    w0 = text[toks[0][0] : toks[0][1]]
    low0 = norm(w0)
    if low0 in PRONOUNS and low0 not in ("it", "who", "you"):
        return toks[0]
    i = 0
    # "said Then Jack Lawton": leading adverbs and conjunctions are not the speaker
    while i < len(toks) - 1 and norm(text[toks[i][0] : toks[i][1]]) in LEADING_JUNK:
        i += 1
    first = i
    if norm(text[toks[i][0] : toks[i][1]]) in DETERMINERS:
        low0 = norm(text[toks[i][0] : toks[i][1]])
        i += 1
    end = None
    lower_run = 0
    while i < len(toks):
        w = text[toks[i][0] : toks[i][1]]
        low = norm(w)
        # "Mrs. Griffin", "Leonard E. Burman": the period stays in the name
        if w == "." and end == i - 1 and i + 1 < len(toks):
            prev = text[toks[i - 1][0] : toks[i - 1][1]]
            if (norm(prev) in DOTTED or (len(prev) == 1 and prev.isupper())) and is_cap(
                text[toks[i + 1][0] : toks[i + 1][1]]
            ):
                i += 1
                continue
        if np_token(w) and low not in DAYS:
            end = i
            lower_run = 0
        elif low in ("of", "'s", "’s", "&") and end is not None:
            pass
        elif (
            w.islower()
            and w.isalpha()
            and low not in AUX_FILLER
            and low not in PRONOUNS
            and lower_run < 2
            and (i == first or low0 in DETERMINERS)
        ):
            lower_run += 1
        else:
            break
        i += 1
    if end is None:
        return None
    span = (toks[first][0], toks[end][1])
    # Rule ``appositive-right``: "said Victor Cha, a Korea scholar at the
    # Center for Strategic Studies." -- an appositive that runs to the end of
    # the sentence belongs to the speaker.
    m = _APPOSITIVE_RIGHT_RE.match(text, span[1], limit)
    if m is not None and is_cap(text[span[0]]):
        return span[0], m.end(1)
    # appositive after a role: "the Kremlin spokesman, Dmitry Peskov"
    j = end + 1
    if j + 1 < len(toks) and text[toks[j][0] : toks[j][1]] == "," and is_cap(text[toks[j + 1][0] : toks[j + 1][1]]):
        k = j + 1
        while k + 1 < len(toks) and is_cap(text[toks[k + 1][0] : toks[k + 1][1]]):
            k += 1
        after = text[toks[k][1] : toks[k][1] + 2].lstrip()
        if not after or after[0] in ".,;":
            span = (span[0], toks[k][1])
    return span


_APPOSITIVE_RIGHT_RE = regex.compile(
    r",\s+((?:a|an|the|his|her|its|their|our|(?!\p{Ll}+(?:ly|ing)\b)(?!(?:in|at|on|with|by|for|from|as|to|and|but|then|still)\b)\p{Ll}+)\b[^.;:!?\"“”'‘’\n]{0,200}?[\w)])(?=\s*(?:[.;!?]|$))",
    regex.V1,
)
