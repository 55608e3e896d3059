"""Parts of a reported clause that stand before its speaker and cue (rules
``relative-gap`` and ``fronted-part``).

In "the plan, which Osei said was too costly, ..." the speaker's clause is
"which ... was too costly": the relative pronoun stands in for its missing
subject. PolNeAR annotates the pronoun as the first part of the content
("which" + "was too costly"); :func:`relative_gap` finds it so that the
content is given in the same two parts. In "If she wins, Ruiz suggested in
a tweet, the ferry will be free" the clause begins before the speaker:
:func:`fronted_part` finds its first part.
"""

from __future__ import annotations

import regex

from .chunker import NP_WINDOW, np_left
from .cues import CueMatch
from .index import DocIndex
from .registry import Rule, Stage, declare

__all__ = ["MAX_ASIDE_WORDS", "described_gap", "fronted_part", "relative_gap"]

Pair = tuple[int, int]

declare(
    Rule.RELATIVE_GAP,
    Stage.CLAUSE,
    example="the toll, ⟦which⟧ Osei said ⟦was too high⟧, ...",
    summary="'which/what' + speaker + cue + a clause that opens with its verb: the pronoun is the content's first part",
)
declare(
    Rule.FRONTED_PART,
    Stage.CLAUSE,
    example="⟦If she wins⟧, Ruiz suggested in a tweet, ⟦the ferry will be free⟧.",
    summary="the words before ', SPEAKER CUE adjunct/addressee,' are the clause's first part",
)

declare(
    Rule.DESCRIBED_GAP,
    Stage.CUE,
    example='the toll, ⟦which⟧ Osei called "⟦a disgrace⟧" / ⟦whom⟧ she described ⟦as "a friend"⟧',
    summary="'what/which/whom/who/that' + speaker + describing cue + quote: the pronoun is the content's first part",
)

# Rule ``described-gap``: the describing cue of rule ``described-as`` has
# its object gapped as well ("what he called "a perception problem"", "the
# deal, which she described as "a disaster"", "whom one aide described as
# "his brother""): PolNeAR's content is the pronoun, then the quote, with
# the "as" before it when there is one, as rule ``relative-gap`` gives a
# reported clause. The pronoun must stand right before the speaker noun
# phrase, and nothing but "as" between the cue and the quote. On
# polnear-train: 9 more exact matches (12 gained, 3 lost: "what they called
# ''financial supermarkets''", where the gold content is the quote alone),
# matches unchanged; polnear-dev: 1 more exact match, matches unchanged.
_DESCRIBED_BEFORE_RE = regex.compile(r"(?r)(?<![\w'’-])(?:what|which|whom|who|that)\s+$", regex.I)


def described_gap(text: str, speaker: Pair | None, cue_end: int, open_start: int) -> tuple[Pair, int | None] | None:
    """Rule ``described-gap``: the span of the relative pronoun before
    *speaker* and the start of its "as" (``None`` without one) when only
    "as" stands between the cue ending at *cue_end* and the quote opening
    at *open_start*; else ``None``."""
    if speaker is None or speaker[1] > cue_end:
        return None
    between = text[cue_end:open_start]
    word = between.strip()
    if word not in ("", "as"):
        return None
    m = _DESCRIBED_BEFORE_RE.search(text, max(0, speaker[0] - _LOOKBACK), speaker[0])
    if m is None:
        return None
    return (m.start(), m.start() + len(m.group().rstrip())), (cue_end + between.index("as") if word else None)


# Rule ``relative-gap``: "which" or "what" right before the speaker noun
# phrase ("the fee, which the mayor said was unfair", "what she said is a
# growing need"). On polnear-train the gold content of such clauses began
# with the pronoun in 13 of 15 matched predictions (exact matches 7553 ->
# 7567). "that" and "who" are left out: the gold content began with "that"
# in 5 of 9 and with "who" in none of 4.
_RELATIVE_BEFORE_RE = regex.compile(r"(?r)(?<![\w'’-])(?:which|what)\s+$", regex.I)
THAT_WORD_RE = regex.compile(r"\bthat\b", regex.I)
# Words in -s that are no verbs ("which he said afterwards ...").
_NOT_VERBS = frozenset(
    ["always", "perhaps", "afterwards", "sometimes", "nevertheless", "nonetheless", "unless", "thus", "besides"]
)
# How far before the speaker the pronoun is looked for.
_LOOKBACK = 12


def _opens_with_verb(doc: DocIndex, a: int, finite: frozenset[str]) -> bool:
    """The clause at *a* opens with a finite verb ("was", "will", "runs",
    "helped"): its subject is missing."""
    ws = doc.words(a, a + 40)
    if not ws:
        return False
    w = ws[0].replace("’", "'")
    if w in finite or w.endswith("n't"):
        return True
    if not (w.isalpha() and w.islower() and len(w) > 3) or w in _NOT_VERBS:
        return False
    return w.endswith("ed") or (w.endswith("s") and not w.endswith("ss"))


# Guard ``object-gap`` of rule ``relative-gap``: the clause after the cue
# may also lack its object ("the wall, which he said the Mexican government
# should pay for"), or take "which" as the subject of a small clause ("a
# path, which he declared "a total disaster""), or open with a verb the
# verb test does not know ("which they argue spur demand", "which they say
# left a vacuum"): the pronoun opens the content then too, unless the clause
# opens with a subject pronoun ("which he said she would veto": PolNeAR's
# content starts after the cue), "that", a preposition, an adverb of time
# or of _NOT_VERBS, or a capitalised word. On polnear-train: exact matches
# +5 and -1 (an object "fun topics, ..."), the 21 other clauses it changed
# were inexact before and after; with subject pronouns too, exact -2.
_NOT_GAP_OPENERS = frozenset(
    [
        *("he", "she", "they", "we", "i", "it", "you", "there", "that", "if", "not"),
        *("when", "in", "under", "on", "at", "after", "afterwards"),
    ]
)


def _object_gap(doc: DocIndex, a: int) -> bool:
    """Guard ``object-gap``: the clause at *a* opens with a lower-case word
    that is no subject pronoun, "that", preposition or time adverb."""
    ws = doc.words(a, a + 30)
    if not ws:
        return False
    w = ws[0].replace("’", "'").split("'")[0]
    return w.islower() and w not in _NOT_GAP_OPENERS and w not in _NOT_VERBS


def relative_gap(doc: DocIndex, a: int, finite: frozenset[str]) -> Pair | None:
    """Rule ``relative-gap``: the span of the "which" / "what" whose clause
    begins at *a*, right after a finite cue verb and its subject ("the toll,
    which Osei said was too high": "which" for the clause "was too high"),
    or ``None``.

    The clause must open with a finite verb (one of *finite*, the
    auxiliaries of :data:`quoteattr.clauses.FINITE`, or a lower-case word
    in -ed or -s): in "which he said the city would pay for" the clause has
    a subject of its own, and PolNeAR's content usually starts after the cue.
    """
    text = doc.text
    cues = doc.cues_between(max(0, a - 40), a)
    if not cues:
        return None
    cue = cues[-1]
    if cue.end > a or text[cue.end : a].strip() or cue.type not in ("verb", "verb-object") or cue.form_kind == "gerund":
        return None
    # (the "which" / "what" ends where the subject starts, at most NP_WINDOW
    # before the cue: without one there, no noun phrase need be read, and
    # the clause's words are read only after this cheap test)
    near = text[max(0, cue.start - NP_WINDOW - _LOOKBACK) : cue.start].lower()
    if "which" not in near and "what" not in near:
        return None
    if not (_opens_with_verb(doc, a, finite) or _object_gap(doc, a)):
        return None
    sent = doc.sentence(cue.start)
    sp = np_left(doc, sent[0], cue.start)
    if sp is None:
        return None
    m = _RELATIVE_BEFORE_RE.search(text, max(sent[0], sp[0] - _LOOKBACK), sp[0])
    if m is None or doc.region_at(m.start()) is not None:
        return None
    return m.start(), m.start() + len(m.group().rstrip())


# Rule ``fronted-part``: "If she wins, Ruiz suggested in a tweet, the ferry
# will be free", "The solution, the partner told them, was simple": the
# speaker and cue stand inside the clause, between commas, and the cue takes
# an adjunct or an addressee before its second comma (rule
# ``parenthetical-cue`` reads only a bare cue there). The words before the
# first comma are the clause's first part. Left alone: a "that" between the
# cue and the comma ("asserted that, abortion aside, ...": the words before
# the speaker are the writer's), a quote or a first-person or pronoun
# opening after the comma (a direct quotation without marks), and fewer than
# two words before the comma ("Still, Osei said on Monday, ..."). On
# polnear-train: exact matches 7574 -> 7577, matches 9110 -> 9112 (three
# words or more); with two words too, one match and one exact match more.
_THAT_WORD_RE = regex.compile(r"\bthat\b", regex.I)
_NOT_IN_ASIDE = frozenset("\"“”'‘’:;()—–")
_MARKS = "\"“”'‘’"
_QUOTED_OPENERS = frozenset(["I", "We", "You", "It", "There", "This", "That"])
#: The most words between the cue and the comma (adjuncts, an addressee).
MAX_ASIDE_WORDS = 6


def _aside_before(doc: DocIndex, a: int) -> CueMatch | None:
    """The verb cue of ', SPEAKER CUE words,' that ends right before *a*."""
    text = doc.text
    cues = [c for c in doc.cues_between(max(0, a - 80), a) if c.type in ("verb", "verb-object")]
    if not cues or cues[-1].end > a or cues[-1].form_kind == "gerund":
        return None
    mid = text[cues[-1].end : a]
    if mid.rstrip()[-1:] != "," or mid.count(",") != 1 or len(mid.split()) > MAX_ASIDE_WORDS:
        return None
    if any(ch in _NOT_IN_ASIDE for ch in mid) or _THAT_WORD_RE.search(mid):
        return None
    return cues[-1]


# Guard ``subject-after-comma``: when the speaker noun phrase that np_left
# reads does not start right after a comma ("Many days, former employees
# said, she ...": np_left reads "employees"; "In particular, Will wrote,
# ..."; "For decades, Mr. de Vos noted, ..."), the comma is the last one
# before the cue, with one to five words between it and the cue, none of
# them punctuation but the full stop of a title ("as Western Journalism
# reported": an "as" may open them).
_MAX_SUBJECT_WORDS = 5
# Words that show the comma opens no subject (", according to members who
# spoke ...", ", and officials said").
_NOT_IN_SUBJECT = frozenset(
    ["who", "whom", "which", "that", "according", "to", "with", "when", "while", "and", "but", "or"]
)


def _speaker_comma(doc: DocIndex, lo: int, cue_start: int, sp: Pair | None) -> int | None:
    """The offset of the comma before the speaker of a fronted part (see
    guard ``subject-after-comma``), or ``None``."""
    text = doc.text
    e = sp[0] if sp is not None else cue_start
    while e > lo and text[e - 1].isspace():
        e -= 1
    if e > lo and text[e - 1] == ",":
        return e - 1
    c = text.rfind(",", max(lo, cue_start - 60), cue_start)
    if c == -1:
        return None
    mid = text[c + 1 : cue_start]
    words = mid.split()
    if not 1 <= len(words) <= _MAX_SUBJECT_WORDS or any(not (ch.isalnum() or ch in " .-’'") for ch in mid):
        return None
    if any(w.lower() in _NOT_IN_SUBJECT for w in words):
        return None
    # (and the words before it are no writer's lead-in to a quote or a
    # "that", hold no dash or semicolon and end in no conjunction: 'given
    # that, as The Times reported, he ...')
    before = text[lo:c]
    if any(ch in _MARKS or ch in "—;" for ch in before) or "--" in before or _THAT_WORD_RE.search(before):
        return None
    if before.rsplit(None, 1)[-1:] and before.rsplit(None, 1)[-1].lower() in _NOT_IN_SUBJECT:
        return None  # ("He left early, and, ..." ends in a conjunction)
    return c


def fronted_part(doc: DocIndex, a: int) -> Pair | None:
    """Rule ``fronted-part``: the words before ", SPEAKER CUE words," when
    the clause after that aside begins at *a* ("If she wins" in "If she wins,
    Ruiz suggested in a tweet, the ferry will be free"), or ``None``."""
    text = doc.text
    cue = _aside_before(doc, a)
    if cue is None or doc.region_at(a) is not None or text[a] in _MARKS or text[a] == "(":
        return None
    first = doc.words(a, a + 30)[:1]
    if first and first[0].replace("’", "'").split("'")[0] in _QUOTED_OPENERS:
        return None
    sent = doc.sentence(cue.start)
    sp = np_left(doc, sent[0], cue.start)
    e = _speaker_comma(doc, sent[0], cue.start, sp)
    if e is None:
        return None
    s = sent[0]
    while s < e and (text[s].isspace() or text[s] in _MARKS):
        s += 1
    if len(doc.words(s, e)) < 2 or doc.region_at(s) is not None or doc.region_at(e - 1) is not None:
        return None
    return s, e
