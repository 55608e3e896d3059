"""Surface rules of the rule engine: quotes, cues and speaker mentions, no parse.

Every rule has a name (it becomes :attr:`quoteattr.Quote.rule`), a comment
with an example here, and a page in ``docs/rules.md``. Rules read the text,
the sentence and paragraph spans of the annotation, the quoted regions found
by :mod:`quoteattr.marks` and the cues found by :mod:`quoteattr.cues`.

Order of work:

1. Quoted regions are attached to a nearby cue and speaker first
   (``quote-speaker-cue``, ``quote-cue-speaker``, ``split-quote``,
   ``colon-quote``, ``quote-dash-speaker``, ``speaker-colon-quote``).
2. The remaining cues outside quotes propose indirect and mixed quotes
   (``subject-cue-clause``, ``clause-subject-cue``, ``clause-cue-subject``,
   ``saying-clause``, ``according-to``, ``described-as``, ``cue-to-infinitive``).
3. Quoted regions still without a cue become ``direct-bare`` candidates, whose
   confidence depends on whether they read like speech or like scare quotes.
4. Overlaps are settled: a candidate whose cue lies inside another's content
   is dropped (``no-nested-attribution``), and so is a bare quote that lies
   inside an attributed content (it makes that content mixed).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

import regex

from .annotations import Annotation
from .candidates import Candidate, trim
from .cues import _WORD_CHAR_RE, CueMatch, find_cues  # (the cue words' characters)
from .lexicons import load_rows, load_set
from .marks import QuoteRegion
from .model import CueClass
from .text import TOKEN_RE

__all__ = ["find_candidates"]

Pair = tuple[int, int]

TITLES = load_set("titles.txt")
#: lemma -> complement frames (lexicons/cue_frames.txt)
CUE_FRAMES = {row[0]: frozenset(row[1].split(",")) for row in load_rows("cue_frames.txt")}


def _frame(name: str) -> frozenset[str]:
    """The cue lemmas with complement frame *name* (see cue_frames.txt)."""
    return frozenset(lemma for lemma, frames in CUE_FRAMES.items() if name in frames)


ROLE_NOUNS = load_set("role_nouns.txt")
SOURCE_NOUNS = load_set("source_nouns.txt")
AUDIENCE_NOUNS = load_set("audience_nouns.txt")

# Subject pronouns that can be a speaker ("he said").
PRONOUNS = frozenset("he she they it we i you who".split())
# Determiners and possessives that open a noun phrase ("the ministry", "his aide").
DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your some many several two three four five "
    "another other one each every no any such both all most".split()
)
# Heads of quantity phrases that speak for people in polls and reports:
# "Another 19 percent said", "Most said", "Others argued".
QUANTITY_HEADS = frozenset("percent majority minority half third quarter most many others some few both all none".split())
# Words that may stand between a subject and its cue verb and are skipped:
# auxiliaries, negation, frequent adverbs ("Lavrov has also said").
AUX_FILLER = frozenset(
    "has have had is was were are am be been being will would could can may might should shall must did does do "
    "also later earlier previously repeatedly again then still often once never not already just first last further "
    "reportedly allegedly publicly privately recently separately simply only even now long since widely "
    "consistently openly frequently always usually".split()
)
# Temporal words that may stand between subject and cue ("Zakharova on Friday
# indicated"), or between a cue and its clause ("said Tuesday that").
DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "mon tue tues wed thu thurs fri sat sun".split()
)
# Lemmas of cue verbs that take the addressee as object: "told reporters that".
OBJECT_CUES = _frame("addressee")
# Lemmas of cues whose object is described by a quoted phrase: 'described it as
# a "robbery"', 'calling it "daylight robbery"'.
DESCRIBE_CUES = _frame("describe")
# Cues before "to" + verb: 'Russia has threatened to retaliate' (low confidence).
INFINITIVE_CUES = _frame("infinitive")
# Cue types (see cues.py) that behave like a finite reporting verb.
VERBLIKE = frozenset({"verb", "verb-object", "phrasal", "passive"})
# Words that cannot begin a reported clause ("said to", "told of", "said so").
BAD_CLAUSE_START = frozenset(
    "to about for of with by from into so nothing something anything goodbye hello yes no thanks thank "
    "as than and or".split()
)
# Sentence punctuation trimmed from the end of indirect content.
TRAILING = " \t\r\n\u00a0,;:"
DASHES = "—–-"

_WORD_RE = regex.compile(r"[\w\p{M}]+(?:[-'’.][\w\p{M}]+)*", regex.V1)
# "according to", "as reported by" and friends must come from cues.py's phrase
# list; this regex finds the comma-delimited adjuncts that follow a cue and
# precede the clause: "said in a statement that", "told CNN on Sunday that".
ADJUNCT_RE = regex.compile(
    r"""\s*(?:,\s*)?(?:
        (?:on|last|this|early|late)\s+(?:\p{Lu}\w+|week|month|year|night|morning|weekend)(?:\s+(?:morning|afternoon|evening|night))?
      | (?:in|during|at|on)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:statement|interview|conference|briefing|speech|tweet|post|letter|email|meeting|hearing|call|broadcast|appearance|address|rally|video|release|message|radio|television|show|op-ed|event|summit)
          (?:\s+(?:with|on|to|in|at|from)\s+(?:the\s+)?(?:[\p{Lu}\d][\w.&'’-]*\s*){1,4})?
      | (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|recently|again|also|repeatedly|publicly|privately|previously|separately|then)
      | (?:on|via)\s+(?:twitter|facebook|x|instagram|television|tv|radio|cnn|fox\s+news|msnbc)
    )\s*,?""",
    regex.V1 | regex.X | regex.I,
)


class _Sentences:
    """Sentence lookup by offset."""

    def __init__(self, spans: Sequence[Pair]) -> None:
        self.spans = list(spans)
        self.starts = [a for a, _ in self.spans]

    def at(self, pos: int) -> Pair | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None


def _wall(ch: str) -> bool:
    """True for a quote mark that no cue match runs through (see _Finder._cues_outside_quotes)."""
    return not (ch.isspace() or ch in "-'’_" or _WORD_CHAR_RE.match(ch))


class _Regions:
    """Outermost quoted regions, looked up by offset."""

    def __init__(self, regions: list[QuoteRegion]) -> None:
        self.all = [r for r in regions if r.depth == 0]
        self.starts = [r.outer[0] for r in self.all]
        self.index = {id(r): i for i, r in enumerate(self.all)}
        self._cuts: list[int] | None = None

    def containing(self, pos: int) -> QuoteRegion | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.all[i].outer[0] <= pos < self.all[i].outer[1]:
            return self.all[i]
        return None

    def clause_cuts(self, text: str) -> list[int]:
        """Offsets where rules cut-trailing-source, cut-coordinated-predicate,
        cut-concession and dash-elaboration end a clause, outside quotes
        (found once per document)."""
        if self._cuts is None:
            self._cuts = [c for c in _clause_cuts(text) if self.containing(c) is None]
        return self._cuts

    def starting_in(self, a: int, b: int) -> list[QuoteRegion]:
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_left(self.starts, b)
        return self.all[i:j]


def _words(text: str, a: int, b: int) -> list[Pair]:
    # (concurrent=False keeps the GIL: see the docstring of quoteattr.text)
    return [m.span() for m in TOKEN_RE.finditer(text, a, b, concurrent=False)]


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or w[:1].isdigit()


def _norm(w: str) -> str:
    return w.lower().rstrip(".").replace("’", "'")


def _np_token(w: str) -> bool:
    """True for a token that can be part of a speaker noun phrase."""
    low = _norm(w)
    return _is_cap(w) or low in ROLE_NOUNS or low in TITLES or low in SOURCE_NOUNS


# Function words that are capitalised at a sentence start but never head a
# speaker noun phrase ("To understand Putin, ..." has no speaker "To").
FUNCTION_WORDS = frozenset(
    "to in on at for with by from of as if when while after before because although though since until unless "
    "but and or nor so yet what which where how why there here whether than into onto upon about over under "
    "during without within through across against among between".split()
)


def _np_head(w: str) -> bool:
    """True for a token that can end (head) a speaker noun phrase."""
    low = _norm(w)
    if low in PRONOUNS:
        return True
    if low in QUANTITY_HEADS:
        return True
    if low in DETERMINERS or low in AUX_FILLER or low in DAYS or low in FUNCTION_WORDS:
        return False
    return _is_cap(w) or low in ROLE_NOUNS or low in SOURCE_NOUNS


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


def np_left(text: str, limit: int, pos: int) -> Pair | None:
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
    lo = max(limit, pos - NP_WINDOW)
    tail = _tail_words(text, lo, pos, NP_SHORT)
    if tail is not None:
        try:
            return _np_left(text, _EDGE_PAD + tail)
        except _NeedMore:
            pass
    return _np_left(text, _words(text, lo, pos))


def _tail_words(text: str, lo: int, hi: int, short: int) -> list[Pair] | None:
    """The tokens of ``text[lo:hi]`` that start after the first whitespace of
    its last *short* characters: the same tokens as the whole window's last
    ones (tokens never hold whitespace). None when the short window is not
    shorter or holds no whitespace."""
    if hi - short <= lo:
        return None
    space = _SPACE_RE.search(text, hi - short, hi)
    return None if space is None else _words(text, space.end(), hi)


def _last_token(text: str, lo: int, hi: int) -> Pair | None:
    """The last token of ``text[lo:hi]``, read from a short window first (as in np_left)."""
    toks = _tail_words(text, lo, hi, 24) or _words(text, lo, hi)
    return toks[-1] if toks else None


def _np_left(text: str, toks: list[Pair]) -> Pair | None:
    i = len(toks) - 1
    skipped = 0
    while i >= 0 and skipped < 6:
        w = text[toks[i][0] : toks[i][1]]
        low = _norm(w)
        if low in AUX_FILLER or low in DAYS or (low.endswith("ly") and not _is_cap(w) and len(low) > 4):
            i -= 1
            skipped += 1
            continue
        if low in ("on",) and skipped and text[toks[i + 1][0] : toks[i + 1][1]].lower() in DAYS:
            i -= 1
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
    end_tok = toks[i]
    w = text[end_tok[0] : end_tok[1]]
    # Appositive: "..., the Russian foreign minister, said"
    if w == ",":
        return _appositive_left(text, toks, i)
    if not _np_head(w):
        return _common_noun_np(text, toks, i)
    if _norm(w) in PRONOUNS:
        # "who" is kept as the mention ("Smith, who said ..."); coreference
        # ties it to the noun phrase before it.
        return end_tok
    start = _expand_np_left(text, toks, i)
    if start is None:
        return None
    a = toks[start][0]
    # A proper name after a sentence-initial word that is not part of it
    # ("But Peskov said"): drop leading conjunctions and adverbs.
    return a, end_tok[1]


def _common_noun_np(text: str, toks: list[Pair], i: int) -> Pair | None:
    """Rule ``determiner-noun-subject``: 'Still, the fund warned that ...' --
    a lower-case noun with a determiner at most three words before it."""
    w = text[toks[i][0] : toks[i][1]]
    low = _norm(w)
    if not (w.isalpha() and w.islower()) or low in FUNCTION_WORDS or low in AUX_FILLER or low in DAYS or low in DETERMINERS:
        return None
    if low.endswith(("ly", "ing")):
        return None
    for j in range(i - 1, max(-1, i - 4), -1):
        v = text[toks[j][0] : toks[j][1]]
        lv = _norm(v)
        if lv in DETERMINERS and lv != "that":
            return toks[j][0], toks[i][1]
        if not (v.isalpha() and v.islower()) or lv in FUNCTION_WORDS or lv in AUX_FILLER:
            return None
    return None


_LEADING_JUNK = frozenset("but and so yet however meanwhile still also then now later earlier in on at for from by with to".split())
# Title abbreviations whose period stays inside a name: "Sen. Mark Ode", "Leonard E. Burman".
_DOTTED = frozenset("mr mrs ms dr sen rep gov gen lt col capt sgt st jr sr prof rev pres adm maj cmdr supt det insp".split())


def _expand_np_left(text: str, toks: list[Pair], i: int) -> int | None:
    """Index of the first token of the NP whose head is toks[i]."""
    start = i
    j = i - 1
    pending = 0  # lowercase words taken tentatively ("foreign" in "the Russian foreign ministry")
    while j >= 0:
        w = text[toks[j][0] : toks[j][1]]
        low = _norm(w)
        if w == "." and j > 0 and start == j + 1:
            prev_w = text[toks[j - 1][0] : toks[j - 1][1]]
            if _norm(prev_w) in _DOTTED or (len(prev_w) == 1 and prev_w.isupper()):
                j -= 1
                continue
        if w in (".",) or (w in ",;:()\"“”'‘’—–" ) or w.isspace():
            break
        if low in DETERMINERS:
            start = j
            break
        if low in ("'s", "’s") or w in ("'s", "’s"):
            start = j
            j -= 1
            continue
        if low == "of" and j > 0 and _np_token(text[toks[j - 1][0] : toks[j - 1][1]]):
            j -= 1
            pending += 1
            continue
        if _np_token(w) and low not in AUX_FILLER and low not in DAYS and low not in _LEADING_JUNK:
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
    while start < i and _norm(text[toks[start][0] : toks[start][1]]) in _LEADING_JUNK:
        start += 1
    # lowercase modifiers are kept only under a determiner or a capitalised word
    first = text[toks[start][0] : toks[start][1]]
    if first.islower() and _norm(first) not in DETERMINERS and _norm(first) not in ROLE_NOUNS | SOURCE_NOUNS:
        while start < i and text[toks[start][0] : toks[start][1]].islower():
            start += 1
    return start


def _appositive_left(text: str, toks: list[Pair], comma: int) -> Pair | None:
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
        if w in (".", ";", ":", "!", "?", '"', "“", "”"):
            return None
        k -= 1
    if k <= 0 or text[toks[k][0] : toks[k][1]] != ",":
        return None
    inner = [text[a:b] for a, b in toks[k + 1 : comma]]
    if not inner or any(_norm(w) in AUX_FILLER - {"also"} for w in inner):
        return None
    first = _np_head(text[toks[k - 1][0] : toks[k - 1][1]]) and _norm(text[toks[k - 1][0] : toks[k - 1][1]]) not in PRONOUNS
    if not first:
        return None
    n0 = _expand_np_left(text, toks, k - 1)
    if n0 is None:
        return None
    outer_words = [text[a:b] for a, b in toks[n0:k]]
    inner_role = _norm(inner[0]) in DETERMINERS or any(_norm(w) in ROLE_NOUNS or _norm(w) in TITLES for w in inner)
    inner_name = all(_is_cap(w) or w in ".-'’" for w in inner) and _is_cap(inner[0])
    outer_role = any(_norm(w) in ROLE_NOUNS or _norm(w) in TITLES for w in outer_words)
    outer_name = _is_cap(outer_words[-1])
    if not ((outer_name and inner_role) or (outer_role and inner_name)):
        return None
    return toks[n0][0], toks[comma - 1][1]


def np_right(text: str, pos: int, limit: int) -> Pair | None:
    """The speaker noun phrase that starts at *pos* (rule ``speaker-right``).

    "said Peskov." -> "Peskov"; "said the Kremlin spokesman, Dmitry Peskov."
    -> "the Kremlin spokesman, Dmitry Peskov"; "said he" -> "he".
    """
    toks = _words(text, pos, min(limit, pos + NP_WINDOW))
    if not toks:
        return None
    w0 = text[toks[0][0] : toks[0][1]]
    low0 = _norm(w0)
    if low0 in PRONOUNS and low0 not in ("it", "who", "you"):
        return toks[0]
    i = 0
    # "said Then Jack Lawton": leading adverbs and conjunctions are not the speaker
    while i < len(toks) - 1 and _norm(text[toks[i][0] : toks[i][1]]) in _LEADING_JUNK:
        i += 1
    first = i
    if _norm(text[toks[i][0] : toks[i][1]]) in DETERMINERS:
        low0 = _norm(text[toks[i][0] : toks[i][1]])
        i += 1
    end = None
    lower_run = 0
    while i < len(toks):
        w = text[toks[i][0] : toks[i][1]]
        low = _norm(w)
        # "Mrs. Griffin", "Leonard E. Burman": the period stays in the name
        if w == "." and end == i - 1 and i + 1 < len(toks):
            prev = text[toks[i - 1][0] : toks[i - 1][1]]
            if (_norm(prev) in _DOTTED or (len(prev) == 1 and prev.isupper())) and _is_cap(text[toks[i + 1][0] : toks[i + 1][1]]):
                i += 1
                continue
        if _np_token(w) and low not in DAYS:
            end = i
            lower_run = 0
        elif low in ("of", "'s", "’s", "&") and end is not None:
            pass
        elif w.islower() and w.isalpha() and low not in AUX_FILLER and low not in PRONOUNS and lower_run < 2 and (i == first or low0 in DETERMINERS):
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
    if m is not None and _is_cap(text[span[0]]):
        return span[0], m.end(1)
    # appositive after a role: "the Kremlin spokesman, Dmitry Peskov"
    j = end + 1
    if j + 1 < len(toks) and text[toks[j][0] : toks[j][1]] == "," and _is_cap(text[toks[j + 1][0] : toks[j + 1][1]]):
        k = j + 1
        while k + 1 < len(toks) and _is_cap(text[toks[k + 1][0] : toks[k + 1][1]]):
            k += 1
        after = text[toks[k][1] : toks[k][1] + 2].lstrip()
        if not after or after[0] in ".,;":
            span = (span[0], toks[k][1])
    return span


_APPOSITIVE_RIGHT_RE = regex.compile(
    r",\s+((?:a|an|the|his|her|its|their|our|(?!\p{Ll}+(?:ly|ing)\b)(?!(?:in|at|on|with|by|for|from|as|to|and|but|then|still)\b)\p{Ll}+)\b[^.;:!?\"“”'‘’\n]{0,200}?[\w)])(?=\s*(?:[.;!?]|$))",
    regex.V1
)


#: The longest reported clause read from a cue (characters); quotes in marks may be longer.
MAX_CLAUSE = 2000
_THAT_RE = regex.compile(r"(?i)that\b\s*")
_GAP_RE = regex.compile(r"[ \t]*[,:;.]?[ \t]*")
_DASH_RE = regex.compile(r"[ \t,]*[—–-]{1,2}[ \t]*")
_TO_CAP_QUOTE_RE = regex.compile(r"[ \t]*,[ \t]*[\"“‘'«„]\p{Lu}")
_TO_QUOTE_RE = regex.compile(r"[ \t]*[,:][ \t]*[\"“‘'«„]")
# Patterns anchored at the end ($) carry (?r): searched from the end, the
# anchored match costs one attempt instead of one per start position (the
# same matches: checked against the forward search on random word strings).
_PASSIVE_RE = regex.compile(r"(?r)(?i)\b(?:was|were|been|being|is|are|be)\s*$")
_COORD_RE = regex.compile(r"(?r)(?i)(?:,|\b(?:but|and|yet))(?:\s+(?:has|have|had|also|later|then|will|would|is|was))*\s*$")
# 'WALLACE:', '"PENCE:', 'Sen. WARREN:' at the start of a paragraph.
_TRANSCRIPT_RE = regex.compile(r"[\"“]?(?P<name>(?:\p{Lu}[\p{Lu}\p{Ll}.'’-]*\s){0,2}\p{Lu}[\p{Lu}.'’-]+)(?P<colon>:)\s+(?=\S)", regex.V1)
_TRANSCRIPT_NOT_NAMES = frozenset("note update editor's correction watch read video photo source sources update: q a".split())
_BEFORE_GERUND_RE = regex.compile(
    r"""(?r)(?:,["”'’]?|\b(?:and|while|by|before|after))\s+(?:(?:even|also|again|later|then|instead|repeatedly|often)\s+)?$""",
    regex.I,
)
_CALL_FOR_RE = regex.compile(r"(?i)(?:for|on)\s+")
_SOURCE_END_RE = regex.compile(r"[,;]|[.!?](?=\s|$)|$")
_PROGRESSIVE_RE = regex.compile(r"(?r)(?i)\b(?:is|are|was|were|been|be|am|'s|’s|'re|’re)\s+(?:(?:also|still|now|not|already)\s+)?$")
_TO_INF_RE = regex.compile(r"(?i)to\s+\w")
_ASIDE_RE = regex.compile(r"\s*(?:citing|quoting|who\s+cited)\b[^,]{0,80},")


def _skip_adjuncts(text: str, pos: int, limit: int) -> int:
    """Skip "on Tuesday", "in a statement", ", in an interview with CNN," after a cue."""
    for _ in range(4):
        m = ADJUNCT_RE.match(text, pos, limit)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def _skip_object(text: str, pos: int, limit: int, lemma: str = "tell") -> int:
    """Skip the addressee of "told reporters", "assured him", "told the BBC"."""
    toks = _words(text, pos, min(limit, pos + 120))
    if not toks:
        return pos
    # "told reporters that": if "that" comes within 8 tokens, jump to it.
    for k, (a, b) in enumerate(toks[:9]):
        if text[a:b].lower() == "that":
            return a
        if text[a:b] in (",", ":", '"', "“"):
            break
    w = text[toks[0][0] : toks[0][1]]
    low = _norm(w)
    if low in ("him", "her", "them", "us", "me", "you", "reporters", "journalists") or low in AUDIENCE_NOUNS:
        return toks[0][1]
    # Only "tell" always has an addressee ("told Reuters the plan was dead");
    # "warned U.S. relations could ..." has none.
    if lemma != "tell":
        return pos
    span = np_right(text, toks[0][0], limit)
    if span is not None and not _norm(w) in PRONOUNS:
        return span[1]
    return pos


def _clause(text: str, a: int, sent_end: int, regions: _Regions, cuts: Sequence[Pair] = ()) -> Pair | None:
    """The reported clause from *a* to the end of its sentence.

    Drops a leading "that" (rule ``drop-that``) and trailing punctuation; runs
    on to the end of a quote that the clause opens and that goes past the
    sentence end (a quote of several sentences).
    """
    a = _skip_ws(text, a, sent_end)
    m = _THAT_RE.match(text, a, min(sent_end, a + 6))
    if m:
        a = m.end()
    # A reported clause runs to the end of its sentence, but no further than
    # MAX_CLAUSE characters: this keeps a megabyte "sentence" linear.
    b = min(sent_end, a + MAX_CLAUSE)
    r = regions.containing(a)
    if r is not None and r.outer[0] == a:
        b = max(b, r.outer[1])
    for r in regions.starting_in(a, b):
        if r.outer[1] > b:
            b = r.outer[1]
    b = _cut_clause(text, a, b, regions)
    b = _cut_at_next_cue(text, a, b, regions, cuts)
    a, b = trim(text, a, b, TRAILING)
    if b > a and text[b - 1] == "." and not text[max(a, b - 4) : b - 1].isupper():
        b -= 1
    if b <= a:
        return None
    return a, b


# Rule ``cut-trailing-source``: a reported clause ends before a source phrase
# that belongs to the reporter: "... would be unacceptable, according to TASS."
# or "... "specific measures," which according to the BBC ...".
# Rule ``cut-coordinated-predicate``: it also ends before ", but has ..." whose
# subject is the speaker again: "said he doesn't want X, but has discussed Y".
# Rule ``cut-concession``: and before ", although ..." or "; ..." that the
# writer adds: "claimed it was smart, although he refused to ...".
# Rule ``dash-elaboration``: and before a spaced dash that opens the writer's
# elaboration: 'would "take measures" - namely expelling diplomats'.
_CUT_SOURCE = r"(?=according\s+to\b|as\s+reported\s+by\b|as\s+quoted\s+by\b)"
_CUT_ELABORATION = r"(?=(?:namely|including|such\s+as|i\.e\.|e\.g\.|especially|particularly|mainly)\b)"
# The cuts that open with punctuation ...
_CUT_RE = regex.compile(
    r""",\s*(?:which\s+)?""" + _CUT_SOURCE + r"""
      | ,\s+(?:but|and|yet)\s+(?=(?:has|have|had|also|later|then|is|was|will|would)\s)
      | ,\s+(?=(?:although|though|even\s+though|whereas)\s)
      | ;\s""",
    regex.X | regex.I,
)
# ... and those that open with whitespace (" which according to", " - namely"),
# found by the word or dash after the whitespace: a pattern that starts with
# \s+ is tried at every space of the text, which made one scan cost as much
# as all the others. _clause_cuts moves each start back over the whitespace.
_CUT_AFTER_SPACE_RE = regex.compile(
    r"(?<=\s)(?:which\s+" + _CUT_SOURCE + r"|[—–-]{1,2}\s+" + _CUT_ELABORATION + ")",
    regex.I,
)
_SPACES_BEFORE_RE = regex.compile(r"\s+", regex.REVERSE)


def _clause_cuts(text: str) -> list[int]:
    """Where rules cut-trailing-source, cut-coordinated-predicate,
    cut-concession and dash-elaboration end a clause: the starts that one
    left-to-right scan with the alternation of both patterns would give
    (matches do not overlap; a whitespace opening starts at the first space
    of its run that the previous match left)."""
    found = [(m.start(), m.start(), m.end()) for m in _CUT_RE.finditer(text, concurrent=False)]
    for m in _CUT_AFTER_SPACE_RE.finditer(text, concurrent=False):
        run = _SPACES_BEFORE_RE.match(text, 0, m.start())
        found.append((run.start() if run is not None else m.start(), m.start(), m.end()))
    found.sort()
    out: list[int] = []
    last = 0
    for first, core, end in found:
        start = max(first, last)
        if first == core:  # punctuation: the match starts where it starts
            if start > first:
                continue
        elif start >= core:  # no whitespace of its own left before the word or dash
            continue
        out.append(start)
        last = end
    return out


# Rule ``cut-next-attribution``: a clause ends where a coordinated cue starts
# an attribution of its own: "said he would review the plan, and suggested
# that ...", "..., but he said witnesses saw a gun", "..., citing the risk".
_BEFORE_NEXT_CUE_RE = regex.compile(
    r"(?r)(?:[,;]\s*(?:(?:and|but)\s+)?(?:(?:he|she|they|it|we|i)\s+)?|\s+(?:and|but)\s+(?:(?:he|she|they|it|we|i)\s+)?)(?:(?:also|later|then|has|have|had)\s+)*$",
    regex.I,
)


_BEFORE_NEW_SUBJECT_RE = regex.compile(r"(?r)[,;]\s*(?:(?:and|but|while|whereas|yet)\s+)?$", regex.I)


def coordinated_cuts(
    text: str, cues: Sequence[CueMatch], regions: _Regions, subject: Callable[[int], Pair | None]
) -> list[Pair]:
    """``(cue start, cut offset)`` for every cue that opens a coordinated
    attribution (rule ``cut-next-attribution``), found once per document.

    *subject* gives the speaker noun phrase before a cue start (``np_left``
    within the cue's sentence)."""
    out = []
    for c in cues:
        if c.type not in VERBLIKE or regions.containing(c.start) is not None:
            continue
        m = _BEFORE_NEXT_CUE_RE.search(text, max(0, c.start - 40), c.start)
        if m is None and c.form_kind != "gerund":
            # ", but Afghan Ambassador Hamdullah Mohib says ..." -- a new
            # subject after a comma and a conjunction (no comma or semicolon
            # before the cue: no such subject, and no need to look for one)
            lo = max(0, c.start - NP_WINDOW - 20)
            if text.find(",", lo, c.start) == -1 and text.find(";", lo, c.start) == -1:
                continue
            sp = subject(c.start)
            if sp is not None:
                m = _BEFORE_NEW_SUBJECT_RE.search(text, max(0, sp[0] - 20), sp[0])
            if m is not None:
                out.append((c.start, m.start()))
            continue
        if m is None or (m.group().strip()[:1] not in (",", ";") and c.form_kind == "gerund"):
            continue
        out.append((c.start, m.start()))
    return out


def _cut_at_next_cue(text: str, a: int, b: int, regions: _Regions, cuts: Sequence[Pair]) -> int:
    i = bisect.bisect_right(cuts, (a, len(text)))
    while i < len(cuts) and cuts[i][0] < b:
        if cuts[i][1] > a:
            return cuts[i][1]
        i += 1
    return b


def _cut_clause(text: str, a: int, b: int, regions: _Regions) -> int:
    cuts = regions.clause_cuts(text)
    i = bisect.bisect_left(cuts, a)
    return cuts[i] if i < len(cuts) and cuts[i] < b else b


def _last_nonspace(text: str, lo: int, pos: int) -> int:
    """The offset after the last non-space character in text[lo:pos]."""
    while pos > lo and text[pos - 1].isspace():
        pos -= 1
    return pos


def _skip_ws(text: str, a: int, limit: int) -> int:
    while a < limit and text[a].isspace():
        a += 1
    return a


def _content_parts(text: str, a: int, b: int, regions: _Regions) -> list[Pair]:
    """Content parts for [a, b): a wholly quoted stretch loses its marks."""
    r = regions.containing(a)
    if r is not None and r.outer[0] == a and r.outer[1] >= b - 1 and r.close is not None:
        return [trim(text, pa, pb) for pa, pb in r.parts if trim(text, pa, pb)[0] < trim(text, pa, pb)[1]] or [(a, b)]
    return [(a, b)]


def _clause_ok(text: str, a: int, b: int) -> bool:
    """A reported clause has two words or more and does not start with "to", "about", ..."""
    ws = _WORD_RE.findall(text, a, min(b, a + 200), concurrent=False)
    if len(ws) < 2:
        return False
    return ws[0].lower() not in BAD_CLAUSE_START


# Cue verbs whose object is usually a noun phrase, not a clause: "slammed the
# U.S. for refusing", "ordered the seizure of". They report a clause only
# with "that".
NP_OBJECT_CUES = _frame("np-object")
# Cue verbs whose noun-phrase object is itself the reported message:
# "blasted him for not paying taxes", "called for an inquiry", "denied the
# report" (rule ``subject-cue-object``). "ordered the demolition" is an act.
OBJECT_ATTRIBUTION_CUES = _frame("object-message")
# Cue verbs that report a clause even without "that": "says an internal
# review shows no one ...". Other cues need "that" or a clause shape.
CLAUSAL_CUES = _frame("clausal")
# Finite verbs and auxiliaries that show that words after a cue form a clause.
_FINITE = frozenset(
    "is was are were be been am has have had will would could can may might must shall should does did do "
    "isn't wasn't aren't weren't won't wouldn't couldn't can't didn't doesn't don't hasn't haven't hadn't".split()
)
_SUBJECT_PRONOUNS = frozenset("he she it they we i there you".split())


def _looks_like_clause(text: str, a: int, b: int) -> bool:
    """Rule ``clause-shape``: a clause reported without "that" starts with a
    subject pronoun, or has a finite verb among its first twelve words
    ("the USA would be able ..."); "the seizure of two mansions" has none."""
    ws = [w.lower().replace("’", "'") for w in _WORD_RE.findall(text, a, min(b, a + 150), concurrent=False)[:12]]
    if not ws:
        return False
    if ws[0] in _SUBJECT_PRONOUNS or ws[0].endswith(("'s", "'re", "'ll", "'d")):
        return True
    return any(w in _FINITE or (w.endswith("ed") and len(w) > 4) or w.endswith("n't") for w in ws[1:])


class _Finder:
    """All candidates of one document."""

    def __init__(self, ann: Annotation, regions: list[QuoteRegion]) -> None:
        self.text = ann.text
        self.sents = _Sentences(ann.sentences)
        self.paras = _Sentences(ann.paragraphs)
        self.regions = _Regions(regions)
        self.cues = self._cues_outside_quotes()
        self.cue_starts = [c.start for c in self.cues]
        self._subjects: dict[int, Pair | None] = {}
        self.cuts = coordinated_cuts(self.text, self.cues, self.regions, self.subject_before)
        self.used_cues: set[int] = set()
        self.cued_sentences: set[int] = set()  # starts of sentences holding a candidate's cue
        self.used_regions: set[int] = set()
        self.out: list[Candidate] = []

    # --- helpers -----------------------------------------------------------
    def _cues_outside_quotes(self) -> list[CueMatch]:
        """The cues that start outside every quote, the quotes' own text
        left unread where that gives the same cues (a third of a news text
        is quoted): a quote closed by a mark that is no word character,
        hyphen, apostrophe or space, and opened by one, is a wall that no
        word or cue phrase crosses. Unclosed quotes, which end at a
        paragraph break, are read and their cues dropped."""
        text = self.text
        out: list[CueMatch] = []
        pos = 0
        for r in self.regions.all:
            a, b = r.outer
            if r.close is None or not (_wall(text[a]) and _wall(text[b - 1])):
                continue
            if a > pos:
                out.extend(find_cues(text, pos, a))
            pos = max(pos, b)
        out.extend(find_cues(text, pos))
        return [c for c in out if self.regions.containing(c.start) is None]

    def subject_before(self, pos: int) -> Pair | None:
        """``np_left`` from the start of the sentence holding *pos* (memoised:
        rules ``cut-next-attribution`` and ``subject-cue-clause`` both ask)."""
        if pos not in self._subjects:
            self._subjects[pos] = np_left(self.text, self.sentence(pos)[0], pos)
        return self._subjects[pos]

    def sentence(self, pos: int) -> Pair:
        return self.sents.at(pos) or self.paras.at(pos) or (pos, pos)

    def paragraph(self, pos: int) -> Pair:
        return self.paras.at(pos) or (0, len(self.text))

    def has_cue(self, a: int, b: int) -> bool:
        return bisect.bisect_left(self.cue_starts, a) < bisect.bisect_left(self.cue_starts, b)

    def cues_between(self, a: int, b: int) -> list[CueMatch]:
        i = bisect.bisect_left(self.cue_starts, a)
        j = bisect.bisect_left(self.cue_starts, b)
        return self.cues[i:j]

    def add(self, parts: list[Pair], rule: str, conf: float, cue: CueMatch | None = None, speaker: Pair | None = None) -> None:
        # (copied to its exact size: a comprehension leaves room for four)
        parts = [p for p in parts if p[0] < p[1]].copy()
        if not parts:
            return
        self.out.append(
            Candidate(
                parts=parts,
                rule=rule,
                confidence=min(1.0, conf),
                cue=None if cue is None else (cue.start, cue.end),
                cue_class=None if cue is None else cue.cue_class,
                speaker=speaker,
            )
        )
        if cue is not None:
            self.used_cues.add(cue.start)
            self.cued_sentences.add(self.sentence(cue.start)[0])

    @staticmethod
    def speaker_bonus(text: str, sp: Pair | None) -> float:
        if sp is None:
            return -0.2
        return 0.0 if _norm(text[sp[0] : sp[1]]) in PRONOUNS else 0.05

    # --- 1. quoted regions -------------------------------------------------
    def transcript_lines(self) -> None:
        """Rule ``transcript-speaker``: 'WALLACE: Let's start with ...' --
        a paragraph that opens with a capitalised name and a colon is that
        person's words (debate and interview transcripts)."""
        text = self.text
        for pa, pb in self.paras.spans:
            m = _TRANSCRIPT_RE.match(text, pa, min(pb, pa + 40))
            if m is None or _norm(m.group("name")) in _TRANSCRIPT_NOT_NAMES:
                continue
            a, b = trim(text, m.end(), pb, TRAILING + "\"”“")
            if b <= a or len(_WORD_RE.findall(text, a, min(b, a + 100), concurrent=False)) < 2:
                continue
            r = self.regions.containing(pa)
            if r is not None:
                if r.outer[1] < pb - 1:
                    continue  # a quote that closes inside the paragraph: not a transcript line
                self.used_regions.add(self.regions.index[id(r)])
            colon = m.start("colon")
            cue = CueMatch(colon, colon + 1, ":", CueClass.SPEECH, None, "colon")
            self.add([(a, b)], "transcript-speaker", 0.8, cue, m.span("name"))

    def attach_regions(self) -> None:
        text = self.text
        n = len(self.regions.all)
        for idx, r in enumerate(self.regions.all):
            if idx in self.used_regions:
                continue
            qa, qb = r.outer
            para = self.paragraph(qa)
            window_end = min(para[1], qb + 300)
            # Rule ``quote-speaker-cue`` / ``quote-cue-speaker``: '"Q," Lavrov
            # told journalists.' / '"Q," said Lavrov.'
            hit = self._cue_after(r, window_end)
            if hit is not None:
                cue, speaker, rule, end = hit
                parts = self._region_parts(r)
                # Rule ``mixed-lead-in``: 'Not paying taxes "makes me smart,"
                # Trump said.' -- unquoted words that open the sentence belong
                # to the content, which is then mixed.
                sa = self.sentence(qa)[0]
                if parts and sa < qa and not self.has_cue(sa, qa):
                    lead = trim(text, sa, qa)
                    if lead[0] < lead[1] and text[lead[1] - 1] not in ":—–-" and _WORD_RE.search(text, lead[0], lead[1]):
                        parts = [(lead[0], parts[0][1])] + parts[1:]
                        rule = "mixed-lead-in"
                # Rule ``split-quote``: '"A," he said, "B."' and '"A," he
                # said. "B."' are one quote, when B follows in the paragraph.
                tail = _skip_adjuncts(text, end, para[1])
                m = _GAP_RE.match(text, tail, min(len(text), tail + 8))
                nxt_start = m.end() if m else tail
                last = idx
                if idx + 1 < n and self.regions.all[idx + 1].outer[0] == nxt_start:
                    parts = parts + self._region_parts(self.regions.all[idx + 1])
                    self.used_regions.add(idx + 1)
                    rule = "split-quote"
                    last = idx + 1
                # Rule ``quote-continuation``: a quote that opens the next
                # sentence of the paragraph and has no cue of its own goes on
                # with the same speaker: '"A," said Victor Cha, a scholar at
                # the institute. "B."'
                s_end = self.sentence(cue.start)[1]
                # titles inside the attribution ('on Fox News's "Fox and
                # Friends."') do not break the run
                while last + 1 < n and self.regions.all[last + 1].outer[1] <= s_end and last + 1 not in self.used_regions:
                    last += 1
                while last + 1 < n:
                    nxt = self.regions.all[last + 1]
                    if not (s_end <= nxt.outer[0] < para[1]) or text[s_end : nxt.outer[0]].strip() != "":
                        break
                    if self._cue_after(nxt, min(para[1], nxt.outer[1] + 300)) is not None:
                        break
                    parts = parts + self._region_parts(nxt)
                    self.used_regions.add(last + 1)
                    rule = "split-quote"
                    last += 1
                    break
                conf = 0.9 + self.speaker_bonus(text, speaker)
                self.add(parts, rule, conf, cue, speaker)
                self.used_regions.add(idx)
                continue
            # Rule ``quote-dash-speaker``: '"Q" — Commissioner Jane Doe'
            m = _DASH_RE.match(text, qb, min(len(text), qb + 6))
            if m:
                sp = np_right(text, m.end(), para[1])
                if sp is not None and _is_cap(text[sp[0]]) and text[sp[1] : sp[1] + 2].strip(" .") == "":
                    self.add(self._region_parts(r), "quote-dash-speaker", 0.7, None, sp)
                    self.used_regions.add(idx)
                    continue
            # Rule ``speaker-colon-quote``: 'From Chairwoman Jane Doe: "Q"' /
            # 'WALLACE: Let's start.'
            colon_end = _last_nonspace(text, para[0], qa)
            if colon_end > para[0] and text[colon_end - 1] == ":" and not self.has_cue(para[0], qa):
                sp = np_left(text, para[0], colon_end - 1)
                if sp is not None and _is_cap(text[sp[0]]):
                    self.add(self._region_parts(r), "speaker-colon-quote", 0.7, None, sp)
                    self.used_regions.add(idx)

    def _cue_after(self, r: QuoteRegion, limit: int) -> tuple[CueMatch, Pair | None, str, int] | None:
        """A cue right after a quote: ', X said' or ', said X' (nothing else between).

        Rule ``forward-attachment``: a cue followed by a comma or colon and
        another quote belongs to that quote when the first quote ended a
        sentence: '"... change." She adds, "What kind of genius ..."'.
        """
        text = self.text
        qb = r.outer[1]
        content_end = text[max(0, r.end - 4) : r.end].rstrip()
        ends_sentence = content_end.endswith((".", "!", "?")) and not content_end.endswith("...")
        # Rule ``new-sentence-cue``: '... as "a costly mistake." He said the
        # city had spent ...' -- a quote that ends with a full stop does not
        # take the cue of the next sentence.
        if content_end.endswith(".") and self.sentence(_skip_ws(text, qb, limit))[0] >= qb:
            return None
        for cue in self.cues_between(qb, limit):
            gap = text[qb : cue.start]
            if len(gap) > 200 or "\n" in gap.strip(" \t,"):
                return None
            if cue.type not in VERBLIKE:
                return None
            stripped = gap.strip(" \t\u00a0,")
            if stripped == "":
                # '"Q," said Peskov.' / '"Q," he said'  (cue first)
                sp = np_right(text, _skip_ws(text, cue.end, limit), limit)
                if sp is None:
                    return None
                return cue, sp, "quote-cue-speaker", sp[1]
            sp = np_left(text, qb, cue.start)
            if sp is None or text[qb : sp[0]].strip(" \t\u00a0,") != "":
                return None
            end = cue.end
            if cue.lemma in OBJECT_CUES and cue.type == "verb":
                end = _skip_object(text, _skip_ws(text, cue.end, limit), limit, cue.lemma)
            # the cue must not go on to report a clause of its own:
            # '"... health." Mr. Miles affirmed that he would do well.'
            after = _skip_ws(text, _skip_adjuncts(text, end, limit), limit)
            if _THAT_RE.match(text, after, min(limit, after + 6)):
                return None
            if ends_sentence and "," not in gap:
                after = _skip_adjuncts(text, end, limit)
                if _TO_QUOTE_RE.match(text, after, min(len(text), after + 6)):
                    return None
            return cue, sp, "quote-speaker-cue", end
        return None

    def _region_parts(self, r: QuoteRegion) -> list[Pair]:
        parts = [trim(self.text, a, b) for a, b in r.parts]
        return [p for p in parts if p[0] < p[1]]

    # --- 2. cues outside quotes ---------------------------------------------
    def attach_cues(self) -> None:
        text = self.text
        for cue in self.cues:
            if cue.start in self.used_cues:
                continue
            sa, sb = self.sentence(cue.start)
            # Rule ``capitalised-cue``: a capitalised cue word inside a
            # sentence is part of a name ("the United States", "Says Law").
            if cue.start > sa and text[cue.start].isupper() and cue.type != "source-after":
                continue
            # Rule ``noun-cue``: a cue word after a determiner or possessive is
            # a noun ("his comments", "Obama's new rules", "a state law").
            if cue.type in VERBLIKE and cue.form_kind in ("base", "3sg") and self._noun_context(cue, sa):
                continue
            if cue.type == "source-after":
                self._according_to(cue, sa, sb)
                continue
            if cue.type not in VERBLIKE:
                continue
            gerund = cue.form_kind == "gerund" or (cue.type == "phrasal" and cue.lemma.split()[0].endswith("ing"))
            # Rule ``progressive-cue``: "The White House is saying that ..." is finite.
            if gerund and not _PROGRESSIVE_RE.search(text, max(sa, cue.start - 30), cue.start):
                self._saying(cue, sa, sb)
                continue
            prev_end = _last_nonspace(text, sa, cue.start)  # index after the last non-space
            prev = text[max(sa, prev_end - 80) : prev_end]
            # passive "was told" / "were asked": the speaker is not the subject
            if cue.form_kind == "pastpart" and _PASSIVE_RE.search(prev):
                continue
            sp = self.subject_before(cue.start)
            # Rule ``parenthetical-cue``: 'The transition, he said, would be
            # hard.' -- the clause runs on both sides of ', X said,'.
            pre_end = _last_nonspace(text, sa, sp[0]) if sp is not None else sa
            if sp is not None and pre_end > sa and text[pre_end - 1] == ",":
                after = _skip_adjuncts(text, cue.end, sb)
                if text[after : after + 1] == "," and not self._ends_clause(after + 1, sb):
                    left = trim(text, sa, pre_end - 1, TRAILING)
                    right = _clause(text, after + 1, sb, self.regions, self.cuts)
                    if right is not None and left[0] < left[1] and _clause_ok(text, left[0], right[1]):
                        self.add([left, right], "parenthetical-cue", 0.8 + self.speaker_bonus(text, sp), cue, sp)
                        continue
            # Rule ``clause-subject-cue``: 'Moscow will respond, Peskov said.'
            if sp is not None and self._ends_clause(cue.end, sb):
                if pre_end > sa and text[pre_end - 1] == ",":
                    self._clause_before(cue, sp, sa, pre_end - 1, "clause-subject-cue")
                    continue
            # Rule ``clause-cue-subject``: 'Moscow will respond, said Peskov.'
            if prev.endswith(","):
                sp2 = np_right(text, _skip_ws(text, cue.end, sb), sb)
                if sp2 is not None and self._ends_clause(sp2[1], sb):
                    self._clause_before(cue, sp2, sa, prev_end - 1, "clause-cue-subject")
                    continue
            if sp is None and _COORD_RE.search(prev):
                # Rule ``coordinated-cue``: "Trump has said X, but has told the
                # press that Y": the second cue shares the sentence's subject.
                sp = self._sentence_subject(sa, cue.start)
            if sp is None:
                continue
            self._subject_cue(cue, sp, sb)

    def _noun_context(self, cue: CueMatch, sa: int) -> bool:
        """True when the words before a base or -s cue form make it a noun.

        "the rules", "Trump's claims", "a state law" are nouns; a base form
        reads as a verb only after a modal, "to", "n't" or a plural or
        first/second person subject ("they claim", "will say", "did not say").
        """
        text = self.text
        # "power plant rules could lead ...": a finite verb right after the
        # cue word makes the cue word its subject noun.
        nxt = TOKEN_RE.search(text, cue.end, min(len(text), cue.end + 20))
        if nxt is not None and _norm(nxt.group()) in _FINITE:
            return True
        last = _last_token(text, max(sa, cue.start - 60), cue.start)
        if last is None:
            return cue.form_kind == "base"
        w = text[last[0] : last[1]]
        prev = _norm(w)
        if prev in DETERMINERS - {"that"} or prev.endswith("'s") or prev in ("new", "old", "own", "recent", "latest", "first"):
            return True
        if cue.form_kind == "base":
            if prev in _FINITE or prev in ("to", "not", "never", "also", "i", "we", "you", "they", "who") or prev.endswith("n't"):
                return False
            plural_subject = (
                (prev.endswith("s") and prev not in AUX_FILLER)
                or prev in QUANTITY_HEADS
                or prev in ROLE_NOUNS
                or prev in ("people", "men", "women", "children", "police", "staff", "public", "they")
                or _is_cap(w)
            )
            return not plural_subject
        return False

    def _ends_clause(self, pos: int, sb: int) -> bool:
        """True when only adjuncts and final punctuation follow *pos* in the sentence."""
        text = self.text
        p = _skip_ws(text, _skip_adjuncts(text, pos, sb), sb)
        if p >= sb or text[p] in ",;":
            return True
        return text[p] in ".!?" and _skip_ws(text, p + 1, sb) >= sb

    def _clause_before(self, cue: CueMatch, sp: Pair, sa: int, comma: int, rule: str) -> None:
        text = self.text
        a = sa
        # the clause may be a quote that began in an earlier sentence
        r = self.regions.containing(max(sa, comma - 1))
        if r is not None and r.outer[0] < a:
            a = r.outer[0]
        a, b = trim(text, a, comma, TRAILING)
        if b <= a or not _clause_ok(text, a, b):
            return
        parts = _content_parts(text, a, b, self.regions)
        self.add(parts, rule, 0.8 + self.speaker_bonus(text, sp), cue, sp)

    def _subject_cue(self, cue: CueMatch, sp: Pair, sb: int) -> None:
        """Rule ``subject-cue-clause``: 'Peskov said (that) the U.S. must return ...'."""
        text = self.text
        pos = _skip_adjuncts(text, cue.end, sb)
        if cue.lemma in OBJECT_CUES and cue.type == "verb":
            pos = _skip_object(text, _skip_ws(text, pos, sb), sb, cue.lemma)
            pos = _skip_adjuncts(text, pos, sb)
        start = _skip_ws(text, pos, sb)
        rest = text[start : min(sb, start + 40)]
        # Rule ``colon-quote``: 'Lavrov told journalists: "I am confident ..."'
        # (after a comma only a speech cue and a quote that starts a sentence:
        # 'She adds, "What kind of genius ..."' but not 'remember, "the house"')
        if rest.startswith(":") or (
            rest.startswith(",") and cue.cue_class is CueClass.SPEECH and _TO_CAP_QUOTE_RE.match(rest)
        ):
            q = _skip_ws(text, start + 1, len(text))
            r = self.regions.containing(q)
            if r is None and q >= sb:
                # the quote is the next paragraph: 'The Times reports:\n\n"..."'
                r = self.regions.containing(_skip_ws(text, self.paragraph(cue.start)[1], len(text)))
            if r is not None:
                self.used_regions.add(self.regions.index[id(r)])
                self.add(self._region_parts(r), "colon-quote", 0.9 + self.speaker_bonus(text, sp), cue, sp)
            elif q >= self.paragraph(cue.start)[1]:
                # Rule ``colon-block``: 'The governor added:' ends its paragraph
                # and the next paragraph, unquoted, is what was said.
                nxt = self.paras.at(q)
                if nxt is not None and _clause_ok(text, *nxt):
                    self.add([nxt], "colon-block", 0.7 + self.speaker_bonus(text, sp), cue, sp)
            return
        # Rule ``call-for``: 'Obama called for reducing the tax rate' -- a demand.
        if cue.lemma == "call" and (m := _CALL_FOR_RE.match(rest)):
            cl = _clause(text, start + m.end(), sb, self.regions, self.cuts)
            if cl is not None and _clause_ok(text, *cl):
                self.add(_content_parts(text, *cl, self.regions), "call-for", 0.5 + self.speaker_bonus(text, sp), cue, sp)
            return
        # Rule ``described-as``: 'described the attitude as a "robbery in broad daylight."'
        if cue.lemma in DESCRIBE_CUES:
            self._described(cue, sp, start, sb)
            return
        # Rule ``cue-to-infinitive``: 'Russia has threatened to retaliate' (low confidence).
        if _TO_INF_RE.match(rest):
            if cue.lemma in INFINITIVE_CUES:
                cl = _clause(text, start, sb, self.regions, self.cuts)
                if cl:
                    self.add(_content_parts(text, *cl, self.regions), "cue-to-infinitive", 0.35, cue, sp)
            return
        cl = _clause(text, start, sb, self.regions, self.cuts)
        if cl is None or not _clause_ok(text, *cl):
            return
        has_that = _THAT_RE.match(rest) is not None
        quoted = self.regions.containing(cl[0]) is not None
        if not has_that and not quoted and (cue.lemma in NP_OBJECT_CUES or (cue.lemma not in CLAUSAL_CUES and not _looks_like_clause(text, *cl))):
            # Rule ``subject-cue-object``: 'Warren blasted him for not paying
            # taxes' -- PolNeAR-style attributions whose content is the
            # object; kept at low confidence.
            if cue.lemma in OBJECT_ATTRIBUTION_CUES:
                self.add(_content_parts(text, *cl, self.regions), "subject-cue-object", 0.45 + self.speaker_bonus(text, sp), cue, sp)
            return
        conf = (0.85 if has_that else 0.75) + self.speaker_bonus(text, sp)
        if cue.cue_class is CueClass.THOUGHT:
            conf -= 0.2
        self.add(_content_parts(text, *cl, self.regions), "subject-cue-clause", conf, cue, sp)

    def _described(self, cue: CueMatch, sp: Pair | None, start: int, sb: int) -> None:
        text = self.text
        for r in self.regions.starting_in(start, min(sb, start + 120)):
            idx = self.regions.index[id(r)]
            if idx in self.used_regions:
                continue
            self.used_regions.add(idx)
            self.add(self._region_parts(r), "described-as", 0.8 + self.speaker_bonus(text, sp), cue, sp)
            return

    def _saying(self, cue: CueMatch, sa: int, sb: int) -> None:
        """Rule ``saying-clause``: 'Trump cast doubt on it, saying he wants closer ties.'

        The speaker is the subject of the sentence: the noun phrase before the
        sentence's first cue verb, or its first noun phrase.
        """
        text = self.text
        # ', saying', ', even suggesting', 'and saying', 'by telling them that'
        m = _BEFORE_GERUND_RE.search(text, max(sa, cue.start - 40), cue.start)
        if m is None:
            return
        sp = self._sentence_subject(sa, cue.start)
        if cue.lemma in DESCRIBE_CUES:
            self._described(cue, sp, cue.end, sb)
            return
        pos = _skip_adjuncts(text, cue.end, sb)
        if cue.lemma in OBJECT_CUES and cue.type == "verb":
            pos = _skip_object(text, _skip_ws(text, pos, sb), sb, cue.lemma)
        cl = _clause(text, pos, sb, self.regions, self.cuts)
        if cl is None or not _clause_ok(text, *cl):
            return
        has_that = _THAT_RE.match(text, _skip_ws(text, pos, sb), min(sb, pos + 8)) is not None
        quoted = self.regions.containing(cl[0]) is not None
        if not has_that and not quoted and (cue.lemma in NP_OBJECT_CUES or not _looks_like_clause(text, *cl)):
            return
        self.add(_content_parts(text, *cl, self.regions), "saying-clause", 0.7 + self.speaker_bonus(text, sp), cue, sp)

    def _sentence_subject(self, sa: int, limit: int) -> Pair | None:
        text = self.text
        sa = max(sa, limit - 400)  # the subject is near: keeps long sentences linear
        for c in self.cues_between(sa, limit):
            if c.type in VERBLIKE and c.form_kind != "gerund":
                sp = np_left(text, sa, c.start)
                if sp is not None:
                    return sp
        toks = _words(text, sa, limit)
        # first NP of the sentence, skipping a leading participial phrase
        k = 0
        if toks and text[toks[0][0] : toks[0][1]].lower().endswith("ing"):
            commas = [i for i, t in enumerate(toks) if text[t[0] : t[1]] == ","]
            if commas:
                k = commas[0] + 1
        if k < len(toks):
            sp = np_right(text, toks[k][0], limit)
            if sp is not None:
                return sp
        return None

    def _according_to(self, cue: CueMatch, sa: int, sb: int) -> None:
        """Rule ``according-to``: 'According to TASS, Moscow ...' / 'Moscow ..., according to TASS.'"""
        text = self.text
        # The source runs to the next comma or the end of the sentence:
        # "according to a recent Reuters survey of voter lists."
        src = _skip_ws(text, cue.end, sb)
        m = _SOURCE_END_RE.search(text, src, min(sb, src + 150))
        sp = (src, _last_nonspace(text, src, m.start())) if m else np_right(text, src, sb)
        if sp is None or sp[1] <= sp[0] or not _words(text, sp[0], sp[1]):
            return
        before_end = _last_nonspace(text, sa, cue.start)
        after = _skip_ws(text, sp[1], sb)
        if text[after : after + 1] in (".", "") or after >= sb:
            # trailing: 'CLAUSE, according to X.' -- unless the sentence has its
            # own attribution, whose source the phrase names ("X said Y,
            # according to TASS": TASS reported X's words).
            if sa in self.cued_sentences:
                return
            if before_end > sa and text[before_end - 1] == ",":
                self._clause_before(cue, sp, sa, before_end - 1, "according-to")
            return
        if text[after : after + 1] != ",":
            return
        pos = after + 1
        # skip an aside: ', citing unnamed officials,'
        m = _ASIDE_RE.match(text, pos, sb)
        if m:
            pos = m.end()
        cl = _clause(text, pos, sb, self.regions, self.cuts)
        if cl is None or not _clause_ok(text, *cl):
            return
        self.add(_content_parts(text, *cl, self.regions), "according-to", 0.8 + self.speaker_bonus(text, sp), cue, sp)

    # --- 3. bare quotes ------------------------------------------------------
    def bare_regions(self) -> None:
        """Rule ``direct-bare``: a quote with no cue near it.

        Sentence-like quotes (four words or more, or ending in . ! ?) are kept
        with moderate confidence, and so is a short quote that is a whole
        paragraph of dialogue ('"Out."'); other short fragments are probably
        scare quotes or titles ('so-called "peace plan"') and score low.
        """
        text = self.text
        for idx, r in enumerate(self.regions.all):
            if idx in self.used_regions:
                continue
            parts = self._region_parts(r)
            if not parts:
                continue
            words = sum(len(_WORD_RE.findall(text, a, b, concurrent=False)) for a, b in parts)
            last = text[parts[-1][1] - 1]
            sentence_like = words >= 4 and (last in ".!?…,\"”'’" or words >= 8)
            # a quote that opens its paragraph reads as speech more than one mid-sentence
            pa, pb = self.paragraph(r.outer[0])
            starts_para = r.outer[0] == pa
            conf = 0.15
            if sentence_like:
                conf = 0.5 if starts_para else 0.4
            elif starts_para and r.outer[1] >= pb and last in ".!?…,-—":
                # a whole paragraph of dialogue: '"Out."'
                conf = 0.45
            if r.close is None:
                conf -= 0.1
            self.add(parts, "direct-bare", conf)

    def headlines(self) -> None:
        """Rule ``headline``: 'Russia threatens retaliatory measures over
        seized US mansions' -- a sentence with no final punctuation that is
        short (12 words or fewer) or in title case is a headline or caption;
        quotes read from its cue score below the default threshold (0.35 of
        their confidence). A long unpunctuated bullet point is kept."""
        text = self.text
        for c in self.out:
            if c.cue is None or c.rule in ("transcript-speaker", "colon-quote", "colon-block"):
                continue
            sa, sb = self.sentence(c.cue[0])
            last = text[sb - 1] if sb > sa else ""
            if last in ".!?…:;\"”'’)" or sb - sa > 200:
                continue
            words = _WORD_RE.findall(text, sa, sb, concurrent=False)
            title_case = sum(1 for w in words if w[:1].isupper()) >= 0.6 * len(words)
            if len(words) <= 12 or title_case:
                c.confidence *= 0.35

    # --- 4. overlaps -----------------------------------------------------------
    def settle(self) -> list[Candidate]:
        """Keep the best of overlapping candidates (rule ``no-nested-attribution``).

        Candidates are taken by confidence, then length; one that overlaps a
        kept candidate, or whose cue lies inside a kept content, is dropped:
        'Peskov said he hoped ...' keeps the said-quote, not the hoped-quote
        inside it. Kept contents never overlap, so lookups bisect on them.
        """
        order = sorted(self.out, key=lambda c: (-c.confidence, -(c.end - c.start), c.start))
        starts: list[int] = []
        kept: list[Candidate] = []

        def hit(a: int, b: int) -> Candidate | None:
            i = bisect.bisect_right(starts, a) - 1
            for j in (i, i + 1):
                if 0 <= j < len(kept) and kept[j].start < b and a < kept[j].end:
                    return kept[j]
            return None

        for c in order:
            if c.cue is not None:
                k = hit(c.cue[0], c.cue[1])
                if k is not None and _inside_content(c.cue, k):
                    continue
            if hit(c.start, c.end) is not None:
                continue
            i = bisect.bisect_left(starts, c.start)
            starts.insert(i, c.start)
            kept.insert(i, c)
        final = []
        for c in kept:
            k = hit(c.cue[0], c.cue[1]) if c.cue is not None else None
            if k is not None and k is not c and _inside_content(c.cue, k):
                continue
            final.append(c)
        return final


def _inside_content(cue: Pair | None, k: Candidate) -> bool:
    return cue is not None and any(a <= cue[0] and cue[1] <= b for a, b in k.parts)


def find_candidates(ann: Annotation, regions: list[QuoteRegion]) -> list[Candidate]:
    """All quote candidates of the document, in text order."""
    f = _Finder(ann, regions)
    f.transcript_lines()
    f.attach_regions()
    f.attach_cues()
    f.bare_regions()
    f.headlines()
    return f.settle()
