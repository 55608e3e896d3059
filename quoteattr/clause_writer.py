"""The writer's words after a reported clause (rules ``cut-poll-comparison``
and ``cut-dash-clause``).

A reported clause runs to the end of its sentence; these cuts end it
before a stretch that the writer adds: a poll's comparison ("..., compared
with 41 percent who ...") or a new main clause after a spaced dash and
"and" ("... - and the Senate is holding talks"). Each was counted on
polnear-train (issue 16): only predictions the cut changes count, and the
gold content stopped at the cut more often than it went on.
"""

from __future__ import annotations

import regex

from .index import DocIndex
from .model import CueClass
from .lexicons import load_set
from .registry import Rule, Stage, declare

__all__ = [
    "DASHES",
    "cut_but_clause",
    "cut_fronted_subordinate",
    "cut_writer_tail",
    "dash_appositive_cuts",
    "fronted_condition",
    "gerund_after_aside",
    "unread_subject_cut",
]

declare(
    Rule.CUT_POLL_COMPARISON,
    Stage.CLAUSE,
    example="Most voters said ⟦the ferry should run at night⟧, compared with 30 percent last year.",
    summary="a clause ends before ', compared with/to' and a number: the writer sets one poll figure beside another",
)
declare(
    Rule.CUT_DASH_CLAUSE,
    Stage.CLAUSE,
    example="Osei said ⟦the tide was turning⟧ - and the council is still debating the toll.",
    summary="a clause ends before a spaced dash and 'and' that open a new main clause of the writer's",
)
declare(
    Rule.CUT_BUT_CLAUSE,
    Stage.CLAUSE,
    example="Osei said ⟦the toll was fair⟧, but Mensah was furious. / Osei praised ⟦the crews⟧, but it rained.",
    summary="a clause ends before ', but' and a capitalised subject; a noun-phrase object before any ', but'",
)
declare(
    Rule.CUT_FRONTED_SUBORDINATE,
    Stage.CLAUSE,
    example="While Osei said ⟦the toll was fair⟧, drivers stayed away.",
    summary="in a sentence that opens with 'While', 'Although', 'If' ... the clause ends at its first comma",
)
declare(
    Rule.CUT_AS_COMPARISON,
    Stage.CLAUSE,
    example="Osei said ⟦he would not back the toll⟧, as have two other councillors.",
    summary="a clause ends before ', as has/have/did ...' or ', as X did/has ...' that sets others beside the speaker",
)

declare(
    Rule.CUT_DASH_APPOSITIVE,
    Stage.CLAUSE,
    example="Osei said ⟦the ferry would run at night⟧ — a first for the port.",
    summary="a clause ends before a spaced dash and 'a', 'an' or 'known': the writer's comment on the clause",
)

# Rule ``cut-poll-comparison``: ", compared with" or ", compared to" and a
# number, in figures or words ("said they back the plan, compared with 41
# percent in May", "..., compared with four in 10 who ..."): the writer
# sets the poll's figure beside another. On polnear-train the gold content
# ended before the comma in 5 of 5 reported clauses the cut changes (4 more
# predictions match, 5 more match exactly); "..., compared with Sanders" (a
# name, no number) is kept: the gold content ran on past it.
_POLL_COMPARISON_RE = regex.compile(
    r""",\s+compared\s+(?:with|to)\s+
    (?:\d|(?:about|roughly|nearly|almost|just|only|one|two|three|four|five|six|seven|eight|nine|ten|half)\b)""",
    regex.X,
)

#: The dashes of rules ``dash-elaboration`` and ``cut-dash-clause``
#: (:mod:`quoteattr.clause_ends` imports them from here).
DASHES = "—–-"
#: Words after "- and" that go on with the reported clause: a second
#: predicate ("- and could be costly"), a second complement ("- and that
#: ...", "- and to ..."), an adverb or a preposition (rule ``cut-dash-clause``).
_DASH_AND_GOES_ON = load_set("dash_and_continuations.txt")
#: How far after "and" the next word is read.
_WORD_WINDOW = 24


def _next_word(text: str, pos: int, limit: int) -> str:
    """The lower-case letters of the word at *pos* (``""`` if none)."""
    e = pos
    end = min(limit, pos + _WORD_WINDOW)
    while e < end and text[e].isalpha():
        e += 1
    return text[pos:e].lower()


def _spaced_dash(text: str, lo: int, hi: int) -> bool:
    """Guard ``dash-pair`` (of rule ``cut-dash-clause``): a dash with
    whitespace before and after it in ``text[lo:hi]``."""
    for dash in DASHES:
        i = text.find(dash, lo, hi)
        while i != -1:
            e = i + 1
            while e < hi and text[e] in DASHES:
                e += 1
            if i > lo and text[i - 1].isspace() and e < hi and text[e].isspace():
                return True
            i = text.find(dash, e, hi)
    return False


# Rule ``cut-dash-appositive``: a spaced dash and "a", "an" or "known" open
# the writer's comment on the whole reported clause ("said he would not
# kill the families of terrorists — a proposal he has raised before", "...
# 99-county goal — known here as "the full Grassley""): the clause ends
# before the dash. Guard ``dash-pair``: not when another spaced dash
# follows in the sentence (an aside: "the board - a body of captains -
# voted"). Inside quotes the dash is the speaker's (clause_cuts drops it).
# On polnear-train: 5 more predictions match, 4 fewer false positives, 9
# more exact matches; polnear-dev: 1 more match, 1 fewer false positive.
# ("something" after the dash was left out: the gold content went on as
# often as it stopped, and on polnear-dev it lost an exact match.) The
# dashes are found with str.find once per document (a regex scan of the
# text cost about 30 million instructions on PolNeAR dev).
_DASH_APPOSITIVE_NEXT_RE = regex.compile(r"-?[^\S\n]+(?:an?|known)\s")
_DASH_OPENERS = ("—", "–", " -")


def dash_appositive_cuts(doc: DocIndex) -> list[int]:
    """Rule ``cut-dash-appositive``: the offsets where a reported clause
    ends before a spaced dash and "a", "an" or "known" (see above), found
    once per document, in no particular order."""
    text = doc.text
    out: list[int] = []
    for opener in _DASH_OPENERS:
        i = text.find(opener)
        while i != -1:
            dash = i + len(opener) - 1
            if (
                dash > 0
                and text[dash - 1].isspace()
                and _DASH_APPOSITIVE_NEXT_RE.match(text, dash + 1) is not None
                and not _spaced_dash(text, dash + 2, doc.sentence(dash)[1])
            ):
                c = dash - 1
                while c > 0 and text[c - 1].isspace():
                    c -= 1
                out.append(c)
            i = text.find(opener, i + len(opener))
    return out


def _dash_and(doc: DocIndex, a: int, b: int, i: int) -> int:
    """Rule ``cut-dash-clause``: the offset of the space before the first
    spaced dash (one or two dashes) followed by "and" and a word that does
    not go on with the clause (see :data:`_DASH_AND_GOES_ON`) outside
    quotes: "said the tide was turning - and the council is still
    debating" ends before " - and"; "said the plan would fail -- and could
    be costly" is kept whole. On polnear-train the gold content ended there
    in 7 reported clauses the cut changes and ran on in 5 (5 more
    predictions match, 2 fewer), or *b*. *i* is the first " and " in the
    clause."""
    text = doc.text
    while i != -1:
        d = i
        while d > a and text[d - 1] in DASHES and i - d < 2:
            d -= 1
        if d < i and d > a + 3 and text[d - 1].isspace():
            word = _next_word(text, i + 5, b)
            # guard dash-pair: a dash before it or after it in the clause
            # makes "- and ..." one of a pair of dashes around an aside
            # ("the rift -- mainly in the suburbs -- and the police", "
            # limited the debates - and hidden them on weekends - to ...")
            if (
                word
                and word not in _DASH_AND_GOES_ON
                and not _spaced_dash(text, a, d - 1)
                and not _spaced_dash(text, i + 5, b)
                and doc.region_at(d) is None
            ):
                return d - 1
        i = text.find(" and ", i + 4, b)
    return b


# Rule ``cut-as-comparison``: ", as" and an auxiliary, straight away or
# after up to three words ("said he would not back the toll, as have two
# other councillors", "..., as they did in a debate last week", "..., as
# was the case with Tuesday's news conference"): the writer sets others,
# or another time, beside the report. On polnear-train the gold content
# ended there in 4 of the 4 predictions the cut changes (3 more match);
# ", as is tradition" and ", as are attitudes ..." (a form of "be" in the
# present) ran on, and are left.
_AS_COMPARISON_RE = regex.compile(
    r",\s+as\s+(?:(?:has|have|had|did|does|do|was|were)\s|(?:[\w’'.-]+\s+){1,3}?(?:did|does|do|has|have|had)\b)"
)

# Rule ``cut-but-clause``: ", but" (or a spaced dash and "but") that opens
# a main clause of the writer's. After a reported clause only with a
# capitalised subject that is no "I" ("said it was done without his
# knowledge, but Mr. Obama was furious"): on polnear-train the gold content
# ended there in 3 of the 5 clauses the cut changes (3 more predictions
# match, 2 lose an exact match); after a pronoun or "the ..." it ran on
# more often than it stopped ("..., but they are unfamiliar with ...").
# After a noun-phrase object (rule subject-cue-object) before any "but"
# but "but also" ("praised the trade deal, but the real issue is ..."):
# the gold content ended there 8 times in 11 (4 more predictions match).
_BUT_RE = regex.compile(r"(?:,|\s[—–-]{1,2})\s+but\s+(?!also\b)")
#: The characters before "but" that :data:`_BUT_RE` allows (and after it, to see "also").
_BUT_WINDOW = 6


def cut_but_clause(doc: DocIndex, a: int, b: int, *, capitalised: bool) -> int:
    """Rule ``cut-but-clause``: the end of ``[a, b)`` before the first
    ", but" (see above) outside quotes, followed by a capitalised word that
    is no "I" when *capitalised*, or *b*."""
    return _but(doc, a, b, doc.text.find(" but ", a, b), capitalised)


def _but(doc: DocIndex, a: int, b: int, i: int, capitalised: bool) -> int:
    """:func:`cut_but_clause` from *i*, the first " but " in the clause."""
    text = doc.text
    while i != -1:
        m = _BUT_RE.search(text, max(a, i - _BUT_WINDOW), min(b, i + _BUT_WINDOW + 5))
        if m is not None and m.start() > a + 3 and m.end() < b:
            nxt = text[m.end()]
            if (not capitalised or (nxt.isupper() and _next_word(text, m.end(), b) != "i")) and doc.region_at(
                m.start()
            ) is None:
                return m.start()
        i = text.find(" but ", i + 4, b)
    return b


def cut_writer_tail(doc: DocIndex, a: int, b: int) -> int:
    """Rules ``cut-poll-comparison``, ``cut-fronted-subordinate``,
    ``cut-as-comparison``, ``cut-dash-clause`` and ``cut-but-clause``: the
    end of the reported clause ``[a, b)`` before the writer's comparison or
    new main clause (see above), or *b*."""
    text = doc.text
    if text.find(",", a + 3, b) != -1:  # (the first three cuts open with a comma)
        c = text.find(", compared ", a, b)
        if c > a and _POLL_COMPARISON_RE.match(text, c, b) is not None and doc.region_at(c) is None:
            b = c
        b = cut_fronted_subordinate(doc, a, b)
        c = text.find(", as ", a, b)
        while c != -1:
            if c > a + 3 and _AS_COMPARISON_RE.match(text, c, b) is not None and doc.region_at(c) is None:
                b = c
                break
            c = text.find(", as ", c + 5, b)
    # (the finds before the calls: most clauses hold neither word, issue 16's throughput)
    i = text.find(" and ", a, b)
    if i != -1:
        b = _dash_and(doc, a, b, i)
    i = text.find(" but ", a, b)
    return b if i == -1 else _but(doc, a, b, i, True)


# Rule ``cut-next-attribution``, for a subject that the noun-phrase reader
# does not read: a quantity ("..., and three-quarters said the same of
# Sanders", "..., and more than 4 in 10 said ..."). After a comma or a
# semicolon and "and", "but", "while" or "yet", one to five words with no
# comma, then the speech cue: the clause before ends at the comma. Not when
# the words open with "that", a subordinator or a wh-word (guard
# `continued-clause`): "said X, and that the council ...", "..., but when
# Osei mentioned ..." go on with the first clause.
_UNREAD_LEAD_RE = regex.compile(r"""[,;](?P<mark>["”’]|'')?\s*(?:and|but|while|whereas|yet)\s+""", regex.I)
#: First words that go on with the first clause (guard ``continued-clause``).
_CONTINUED = load_set("continued_clause_openers.txt")
#: How far before the cue the words are read.
_UNREAD_WINDOW = 60


def unread_subject_cut(text: str, cue_start: int) -> int | None:
    """Rule ``cut-next-attribution``: the offset where the clause before a
    speech cue at *cue_start* ends when ", and" and up to five words come
    before the cue (see above), or ``None``."""
    # (one anchored match at the last comma or semicolon: a reverse search
    # over the window cost about 100,000 instructions a call, issue 16)
    lo = max(0, cue_start - _UNREAD_WINDOW)
    k = max(text.rfind(",", lo, cue_start), text.rfind(";", lo, cue_start))
    if k == -1 or not text[cue_start - 1 : cue_start].isspace():
        return None
    m = _UNREAD_LEAD_RE.match(text, k, cue_start)
    if m is None:
        return None
    words = text[m.end() : cue_start].split()
    if not 1 <= len(words) <= 5 or words[0].lower() in _CONTINUED:
        return None
    return m.end("mark") if m.group("mark") else m.start()


# Guard ``fronted-condition`` of rule ``cut-next-attribution``: a reported
# clause that opens with a conditional or temporal subordinator ("if",
# "when", "unless", "once", "after", "before", "because", "as long as")
# is not cut at its first comma before a new subject and cue: the
# subordinate clause needs the main clause after it, and the cue is the
# speaker's own ("He told voters that ⟦if the port were a stock, he would
# advise buying it⟧", "said ⟦after the storm, the mayor called her⟧"). An
# "if" after "asked" or "wondered" opens the question itself ("asked if the
# ferry would run, he laughed"), and is cut as before. On polnear-train: 3
# more predictions match, 5 fewer false positives, 2 more exact matches;
# polnear-dev: 1 false positive fewer, 1 more exact match.
_FRONTED_CONDITION_RE = regex.compile(
    r"(?:even\s+)?(?:if|when|unless|once|after|before|because|as\s+long\s+as)\s", regex.I
)
#: The letters a clause that :data:`_FRONTED_CONDITION_RE` matches may open with.
_FRONTED_CONDITION_FIRST = frozenset("iIwWuUoOaAbBeE")
_QUESTION_CUE_RE = regex.compile(r"(?i)\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering)\b")
#: How far before the clause a question cue is looked for.
_QUESTION_WINDOW = 100


def fronted_condition(text: str, a: int, cut: int) -> bool:
    """Guard ``fronted-condition``: True when the clause at *a* opens with a
    conditional or temporal subordinator, has no comma before *cut*, and
    follows no question cue ("asked if ...")."""
    if text[a : a + 1] not in _FRONTED_CONDITION_FIRST or _FRONTED_CONDITION_RE.match(text, a, cut) is None:
        return False
    if text.find(",", a, cut) != -1:
        return False
    before = text[max(0, a - _QUESTION_WINDOW) : a]
    return not (text[a] in "iI" and _QUESTION_CUE_RE.search(before) is not None)


# Guard ``gerund-after-aside`` of rule ``parenthetical-cue``: after ", X
# said," a speech gerund ("adding", "citing", "recalling") or "on
# condition" opens the writer's report of what else was said, or how, not
# the rest of the reported clause: "The pier will close, the mayor said,
# adding that ⟦the ferry would run⟧" reports "The pier will close" (rule
# ``clause-subject-cue``) and the gerund's own clause (rule
# ``saying-clause``), not "The pier will close" + "adding that ...". On
# polnear-train: 9 more matches, 2 fewer false positives, 14 more exact
# matches; polnear-dev unchanged.
_ON_CONDITION = "on condition"


def gerund_after_aside(doc: DocIndex, pos: int, sb: int) -> bool:
    """Guard ``gerund-after-aside``: a speech gerund cue or "on condition"
    opens the words at *pos* (after the comma that closes ", X said,")."""
    text = doc.text
    while pos < sb and text[pos].isspace():
        pos += 1
    if text.startswith(_ON_CONDITION, pos):
        return True
    cues = doc.cues_between(pos, pos + 1)
    return bool(cues) and cues[0].form_kind == "gerund" and cues[0].cue_class is CueClass.SPEECH


# Rule ``cut-fronted-subordinate``: a sentence that opens with a
# subordinator and holds the cue before its first comma ("While the mayor
# has said he opposes the toll, his council carves out exceptions", "If we
# hear him right when he says he intends to win, it would seem ...") puts
# the reported clause in the subordinate clause: it ends at its first comma
# outside quotes (not one of a number, "2,400"), or after the closing mark
# of a quote that ends with that comma ('says it is "too cold," the ...').
# On polnear-train the gold content ended there in 19 of the 33
# predictions the cut changes and ran on in 14, many of them a quote of
# the main clause that the long prediction overlapped (16 more
# predictions match, 6 fewer).
# Also a fronted phrase that works as a subordinator (issue 16, ninth
# session): "Now that", "Ever since", "Even as/before/after/when", "Just
# as", "Until", "Yet as", "Only after", "(Two) days/hours/weeks/months/years
# after/before", "Shortly/Soon/Long after/before", "At the moment", "At a
# time when", "In the days/weeks ... after/before/since" ("Three years
# after the party vowed ⟦to court young voters⟧, its leaders have done the
# opposite"). On polnear-train: 2 more predictions match, 2 fewer false
# positives, 5 more exact matches; polnear-dev: 1 more match, 1 fewer false
# positive, 1 more exact match.
# Guard ``cue-ends-subordinate``: a comma right after the cue (the clause
# opens with it) closes the subordinate clause at the cue: "As the Post
# reported, even if the ferry runs, it would lose money" reports the whole
# main clause, commas and all (polnear-train: 3 more exact matches, 2 more
# matches, 2 fewer false positives; polnear-dev unchanged).
_SUBORDINATOR_RE = regex.compile(
    r"""[\s"“'‘]*(?:While|Although|Though|Even\s+though|If|Even\s+if|When|Whereas|Because|Since|After|Before
    |Once|Unless|As
    |Now\s+that|Ever\s+since|Even\s+(?:as|before|after|when)|Just\s+as|Until|Yet\s+as|Only\s+after
    |(?:(?:Just|Only|Barely)\s+)?(?:\w+\s+)?(?:days|hours|weeks|months|minutes|moments|years)\s+(?:after|before)
    |(?:Shortly|Soon|Long)\s+(?:after|before)|At\s+(?:the\s+moment|a\s+time)(?:\s+(?:when|that))?
    |In\s+the\s+(?:days|weeks|months|hours|years)\s+(?:after|before|since))\s""",
    regex.X,
)
#: The letters a sentence that :data:`_SUBORDINATOR_RE` matches may open with.
_SUBORDINATOR_FIRST = frozenset("WATIEBSOUNJYDHMLRF0123456789\"“'‘ ")


def cut_fronted_subordinate(doc: DocIndex, a: int, b: int) -> int:
    """Rule ``cut-fronted-subordinate``: the end of the clause ``[a, b)``
    at its first comma outside quotes and numbers when its sentence opens
    with a subordinator and has no comma before *a* or at it (guard
    ``cue-ends-subordinate``, see above), or *b*."""
    text = doc.text
    s0 = doc.sentence(a)[0]
    if s0 >= a or text[s0] not in _SUBORDINATOR_FIRST or text.find(",", s0, a + 1) != -1:
        return b
    if _SUBORDINATOR_RE.match(text, s0, a) is None:
        return b
    c = text.find(",", a + 3, b)
    while c != -1:
        if not (text[c - 1].isdigit() and text[c + 1 : c + 2].isdigit()):
            r = doc.region_at(c)
            if r is None:
                return c
            if r.outer[1] in (c + 2, c + 3) and r.outer[1] <= b:
                return r.outer[1]  # 'says the sea is "too rough, too cold," the ferry ...'
        c = text.find(",", c + 1, b)
    return b
